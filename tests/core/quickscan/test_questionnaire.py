import re
from collections import Counter

import pytest

from borderless.core.i18n import LANGUAGES, Content, _
from borderless.core.quickscan.questionnaire import MULTIPLE_CHOICE, QUESTIONNAIRE, QuestionType, StructuralArea
from tests.core.translations import tr, translated

Q = QUESTIONNAIRE


def test_every_text_exists_in_english_german_and_dutch():
    texts = Q.all_texts()
    assert len(texts) > 250
    empty = [t for t in texts if not all(translated(t, lang) and tr(t, lang).strip() for lang in LANGUAGES)]
    assert empty == []


def test_german_says_sie_and_dutch_says_u():
    informal_de = re.compile(r"\b(du|dein|deine|dich|dir)\b", re.IGNORECASE)
    informal_nl = re.compile(r"\b(je|jij|jouw|jullie)\b", re.IGNORECASE)
    assert [tr(t, "de") for t in Q.all_texts() if informal_de.search(tr(t, "de"))] == []
    assert [tr(t, "nl") for t in Q.all_texts() if informal_nl.search(tr(t, "nl"))] == []
    assert any(" Sie " in tr(t, "de") for t in Q.all_texts())
    assert any(" u " in tr(t, "nl") for t in Q.all_texts())


def test_question_and_item_ids_are_unique_and_nested():
    question_ids = [q.id for q in Q.questions]
    item_ids = [item.id for q in Q.questions for item in q.items]
    assert [i for i, n in Counter(question_ids + item_ids).items() if n > 1] == []
    for question in Q.questions:
        assert all(item.id.startswith(question.id + ".") for item in question.items)


def test_the_dma_part_has_the_dma_numbering_and_item_counts():
    dma = {q.id: q for q in Q.questions if q.scored}
    assert list(dma) == [
        "D1.Q1", "D1.Q2", "D2.Q3", "D2.Q4", "D3.Q5", "D3.Q6", "D4.Q7", "D4.Q8", "D5.Q9", "D6.Q10", "D6.Q11",
    ]  # fmt: skip
    positives = {qid: len(q.positive_items) for qid, q in dma.items()}
    assert positives == {
        "D1.Q1": 10, "D1.Q2": 10, "D2.Q3": 10, "D2.Q4": 7, "D3.Q5": 7, "D3.Q6": 8,
        "D4.Q7": 7, "D4.Q8": 6, "D5.Q9": 5, "D6.Q10": 10, "D6.Q11": 5,
    }  # fmt: skip
    assert [d.id for d in Q.dimensions] == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert Q.dimension("D5").question_ids == ("D5.Q9",)
    assert "D1.Q1.design" in Q.question("D1.Q1").item_ids()
    assert {i.key for i in Q.question("D4.Q7").exclusive_items} == {"not_digital", "none"}


def test_every_multiple_choice_question_has_an_exclusive_none_of_these():
    for question in Q.questions:
        if question.type in MULTIPLE_CHOICE:
            assert question.none_item is not None, question.id
            assert question.none_item.exclusive, question.id


def test_acatech_has_every_structural_area_at_every_stage():
    statements = [item for stage in Q.stages for item in Q.question(stage.question_id).items]
    assert [s.number for s in Q.stages] == [1, 2, 3, 4, 5, 6]
    assert {(s.stage, s.area) for s in statements} == {(n, a) for n in range(1, 7) for a in StructuralArea}
    assert all(Q.question(s.question_id).type is QuestionType.NO_PARTLY_YES for s in Q.stages)
    assert tr(Q.question("A.S3").title, "de") == "Stufe 3: Sichtbarkeit"


def test_the_technology_profile_has_the_six_clusters_of_the_survey():
    assert [(c.number, c.id) for c in Q.clusters] == [
        (1, "sensors_data"), (2, "production_planning"), (3, "realtime_logistics"),
        (4, "mobile"), (5, "digital_services"), (6, "robotics"),
    ]  # fmt: skip
    assert Q.cluster("production_planning").technology_ids == ("T.use.erp", "T.use.crm", "T.use.plm", "T.use.srm")
    technologies = Q.question("T.use").items
    assert {t.cluster for t in technologies} == {c.id for c in Q.clusters}


def test_company_data_comes_from_the_profile():
    company = [q for q in Q.questions if q.from_profile]
    assert [q.id for q in company] == ["C.size_class", "C.sector", "C.country", "C.region"]


def test_text_falls_back_to_english_and_fills_in_text_parameters():
    name = _("Visibility")
    template = _("Stage %(n)s: %(name)s, 10 %%")
    extra = {"Stage %(n)s: %(name)s, 10 %%": "Stufe %(n)s: %(name)s, 10 %%"}
    assert tr(template.bind(n=3, name=name), "de-DE", extra) == "Stufe 3: Sichtbarkeit, 10 %"
    content = Content("Visibility", nl="Zichtbaarheid")
    assert tr(template.bind(n=3, name=content), "nl_NL") == "Stage 3: Zichtbaarheid, 10 %"
    assert tr(name, "fr") == "Visibility"
    assert tr(name, None) == "Visibility"


def test_the_questionnaire_cannot_be_changed():
    with pytest.raises(AttributeError):
        Q.sections = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        Q._questions["X"] = None  # type: ignore[index]
