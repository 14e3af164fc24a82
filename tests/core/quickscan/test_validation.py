import pytest

from borderless.core.quickscan.scoring import score
from borderless.core.quickscan.validation import AnswerError, ErrorCode, InvalidAnswers, validate_answers

from .builders import items, nothing_yet, use


def errors_for(**changes):
    answers = nothing_yet()
    answers.update({key.replace("_", ".", 1): value for key, value in changes.items()})
    return validate_answers(answers)


def test_complete_answers_of_a_firm_with_nothing_yet_are_valid():
    assert validate_answers(nothing_yet()) == []


def test_a_missing_question_is_named():
    answers = nothing_yet()
    del answers["D3.Q6"]
    assert validate_answers(answers) == [AnswerError("D3.Q6", ErrorCode.MISSING)]


def test_an_empty_checkbox_answer_is_missing_because_none_of_these_must_be_ticked():
    assert errors_for(D1_Q2=[]) == [AnswerError("D1.Q2", ErrorCode.MISSING)]


def test_a_missing_row_is_named_with_its_item():
    answers = nothing_yet()
    del answers["D5.Q9"]["D5.Q9.vision"]
    assert validate_answers(answers) == [AnswerError("D5.Q9", ErrorCode.MISSING, "D5.Q9.vision")]


@pytest.mark.parametrize("level", [6, -1, "3", 2.5, True])
def test_a_level_outside_0_to_5_is_out_of_range(level):
    answers = nothing_yet()
    answers["D2.Q4"]["D2.Q4.mes"] = level
    assert validate_answers(answers) == [AnswerError("D2.Q4", ErrorCode.OUT_OF_RANGE, "D2.Q4.mes")]


def test_no_partly_yes_accepts_only_those_three():
    answers = nothing_yet()
    answers["D6.Q11"]["D6.Q11.it_energy"] = "maybe"
    answers["A.S2"]["A.S2.culture"] = "YES"
    assert validate_answers(answers) == [
        AnswerError("D6.Q11", ErrorCode.OUT_OF_RANGE, "D6.Q11.it_energy"),
        AnswerError("A.S2", ErrorCode.OUT_OF_RANGE, "A.S2.culture"),
    ]


def test_unknown_items_and_questions_are_named():
    answers = nothing_yet()
    answers["D1.Q2"] = ["D1.Q2.funding", "D1.Q2.teleportation"]
    answers["D2.Q4"]["D2.Q4.quantum"] = 3
    answers["D9.Q99"] = ["x"]
    assert validate_answers(answers) == [
        AnswerError("D9.Q99", ErrorCode.UNKNOWN_QUESTION),
        AnswerError("D1.Q2", ErrorCode.UNKNOWN_ITEM, "D1.Q2.teleportation"),
        AnswerError("D2.Q4", ErrorCode.UNKNOWN_ITEM, "D2.Q4.quantum"),
    ]


def test_none_of_these_with_another_item_is_a_conflict():
    assert errors_for(D4_Q8=items("D4.Q8", "backups", "none")) == [
        AnswerError("D4.Q8", ErrorCode.EXCLUSIVE_CONFLICT, "D4.Q8.none")
    ]


def test_q7_not_collected_digitally_excludes_every_practice_and_none_of_these():
    assert errors_for(D4_Q7=items("D4.Q7", "policy", "not_digital")) == [
        AnswerError("D4.Q7", ErrorCode.EXCLUSIVE_CONFLICT, "D4.Q7.not_digital")
    ]
    assert errors_for(D4_Q7=items("D4.Q7", "not_digital", "none")) == [
        AnswerError("D4.Q7", ErrorCode.EXCLUSIVE_CONFLICT, "D4.Q7.not_digital"),
        AnswerError("D4.Q7", ErrorCode.EXCLUSIVE_CONFLICT, "D4.Q7.none"),
    ]
    assert errors_for(D4_Q7="D4.Q7.not_digital") == []


def test_q1_shapes_and_errors():
    done = {"done": True, "planned": False}
    assert errors_for(D1_Q1={"D1.Q1.design": done}) == []
    assert errors_for(D1_Q1={"D1.Q1.design": done, "D1.Q1.none": True}) == [
        AnswerError("D1.Q1", ErrorCode.EXCLUSIVE_CONFLICT, "D1.Q1.none")
    ]
    assert errors_for(D1_Q1={"D1.Q1.design": {"done": False, "planned": False}}) == [
        AnswerError("D1.Q1", ErrorCode.MISSING)
    ]
    assert errors_for(D1_Q1={"D1.Q1.design": {"finished": True}}) == [
        AnswerError("D1.Q1", ErrorCode.INVALID, "D1.Q1.design")
    ]
    assert errors_for(D1_Q1={"D1.Q1.moon": done}) == [AnswerError("D1.Q1", ErrorCode.UNKNOWN_ITEM, "D1.Q1.moon")]
    assert errors_for(D1_Q1=["D1.Q1.design"]) == [AnswerError("D1.Q1", ErrorCode.INVALID)]


def test_single_choice_and_codes():
    assert errors_for(S_rd="S.rd.sometimes") == [AnswerError("S.rd", ErrorCode.OUT_OF_RANGE, "S.rd.sometimes")]
    assert errors_for(S_rd=["S.rd.own"]) == [AnswerError("S.rd", ErrorCode.INVALID)]
    assert errors_for(C_sector="C28") == [AnswerError("C.sector", ErrorCode.INVALID)]
    assert errors_for(C_region="FR101") == [AnswerError("C.region", ErrorCode.INVALID)]
    assert errors_for(C_region="") == [AnswerError("C.region", ErrorCode.MISSING)]


def test_data_links_must_join_two_different_technologies_in_use():
    answers = use(nothing_yet(), "in_use", "erp", "iot")
    answers = use(answers, "piloting", "cobots")
    answers["T.links"] = [["T.use.erp", "T.use.iot"], ["T.use.erp", "T.use.cobots"], ["T.use.erp", "T.use.erp"]]
    assert validate_answers(answers) == [
        AnswerError("T.links", ErrorCode.NOT_IN_USE, "T.use.cobots"),
        AnswerError("T.links", ErrorCode.INVALID, "T.use.erp"),
    ]
    answers["T.links"] = [["T.use.erp", "T.use.iot"], "T.links.none"]
    assert validate_answers(answers) == [AnswerError("T.links", ErrorCode.EXCLUSIVE_CONFLICT, "T.links.none")]


def test_data_links_are_required_only_with_two_technologies_in_use():
    answers = use(nothing_yet(), "in_use", "erp")
    del answers["T.links"]
    assert validate_answers(answers) == []
    use(answers, "in_use", "crm")
    assert validate_answers(answers) == [AnswerError("T.links", ErrorCode.MISSING)]
    answers["T.links"] = []
    assert validate_answers(answers) == [AnswerError("T.links", ErrorCode.MISSING)]


def test_a_technology_status_must_be_one_of_four():
    answers = use(nothing_yet(), "sometimes", "rfid")
    assert validate_answers(answers) == [AnswerError("T.use", ErrorCode.OUT_OF_RANGE, "T.use.rfid")]


def test_saving_to_resume_ignores_what_is_not_answered_yet_but_not_what_is_wrong():
    partial = {"D1.Q2": ["D1.Q2.funding"], "D2.Q4": {"D2.Q4.mes": 3}, "D5.Q9": {"D5.Q9.vision": 9}}
    assert validate_answers(partial, complete=False) == [AnswerError("D5.Q9", ErrorCode.OUT_OF_RANGE, "D5.Q9.vision")]
    assert len(validate_answers(partial)) > 20


def test_bad_answers_are_not_scored():
    answers = nothing_yet()
    answers["D2.Q4"]["D2.Q4.mes"] = 7
    with pytest.raises(InvalidAnswers) as excinfo:
        score(answers)
    assert excinfo.value.errors == (AnswerError("D2.Q4", ErrorCode.OUT_OF_RANGE, "D2.Q4.mes"),)
