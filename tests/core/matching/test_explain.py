"""Explanations: one line per component with its evidence, in English, German and Dutch."""

import re

import pytest

from borderless.core.i18n import LANGUAGES, Content, Message
from borderless.core.matching import COMPONENTS, MatchIndex, explain, texts
from borderless.core.matching.texts import NO_PROFILE, WORKED_TOGETHER
from tests.core.translations import tr, translated

from .helpers import ENSCHEDE, GRONAU, nl, org

LABELS = {
    "tech.sensors": Content("sensors", "Sensorik", "sensoren"),
    "svc.training": Content("training", "Schulung", "training"),
    "nace.28": Content("machinery", "Maschinenbau", "machinebouw"),
}
REQUESTER = nl(
    1,
    ENSCHEDE,
    needs={"tech.sensors", "svc.prototyping"},
    offers={"svc.training"},
    sector="28",
    follower_group="fast_follower",
    cooperated_with={2},
)
PARTNER = org(
    2,
    GRONAU,
    offers={"tech.sensors", "svc.prototyping"},
    needs={"svc.training"},
    sector="28",
    follower_group="frontrunner",
    has_cooperated=True,
)


@pytest.fixture
def explanation():
    [rec] = MatchIndex.build([REQUESTER, PARTNER]).recommend(REQUESTER)
    return rec, explain(rec, labels=LABELS)


def test_one_line_per_component_with_value_weight_and_contribution(explanation):
    rec, result = explanation
    assert [line.component for line in result.lines] == list(COMPONENTS)
    for line, component in zip(result.lines, rec.components, strict=True):
        assert (line.value, line.weight, line.contribution) == (
            component.value,
            component.weight,
            component.contribution,
        )
    assert result.score == rec.score and result.id == 2


def test_the_evidence_names_competences_in_the_readers_language(explanation):
    _rec, result = explanation
    lines = {line.component: line.text for line in result.lines}
    # rarest first: prototyping is offered by one organisation, sensors too, so by name
    need = lines["complementarity"]
    assert tr(need, "en") == "This organisation offers svc.prototyping and sensors, which you need."
    assert tr(need, "de") == "Diese Organisation bietet svc.prototyping und Sensorik an, was Sie brauchen."
    assert tr(need, "nl") == "Deze organisatie biedt svc.prototyping en sensoren aan, wat u nodig hebt."
    assert tr(lines["reciprocity"], "de") == "Diese Organisation braucht Schulung, was Sie anbieten."
    assert "Maschinenbau" in tr(lines["common_ground"], "de") and "sensoren" in tr(lines["common_ground"], "nl")
    proximity, maturity = lines["proximity"], lines["maturity"]
    assert tr(proximity, "en") == "About 12 km by road (9 km in a straight line); crossing the border costs nothing."
    assert "Frontrunner" in tr(maturity, "nl") and tr(maturity, "de").startswith("Sie sind ein Fast Follower")
    assert tr(lines["novelty"], "en") == "This organisation has cooperated in projects before."


def test_an_earlier_cooperation_is_noted(explanation):
    _rec, result = explanation
    assert result.notes == (WORKED_TOGETHER,)


def test_evidence_as_data(explanation):
    rec, _result = explanation
    e = rec.evidence
    assert set(e.needs_met) == {"tech.sensors", "svc.prototyping"}
    assert e.needs_served == ("svc.training",)
    assert e.shared_technologies == ("tech.sensors",)
    assert e.same_sector == "28"
    assert e.distance_km == pytest.approx(9.0, abs=0.5)
    assert e.travel_km == pytest.approx(1.3 * e.distance_km)
    assert (e.requester_class, e.candidate_class, e.maturity_rule) == ("fast_follower", "frontrunner", "ahead_for_fast")
    assert e.worked_together and not e.never_cooperated


def test_without_labels_the_codes_are_shown():
    [rec] = MatchIndex.build([REQUESTER, PARTNER]).recommend(REQUESTER)
    lines = {line.component: line.text for line in explain(rec).lines}
    assert "tech.sensors" in tr(lines["complementarity"], "de")
    assert "28" in tr(lines["common_ground"], "nl")


def test_nothing_in_common_and_a_partner_without_needs():
    requester = nl(1, needs={"a"}, offers={"b"}, sector="28")
    [rec] = MatchIndex.build([org(2, offers={"c"}, sector="25")]).recommend(requester)
    lines = {line.component: tr(line.text, "en") for line in explain(rec).lines}
    assert lines["complementarity"] == "This organisation offers none of the competences you need."
    assert lines["reciprocity"] == "This organisation has not listed any needs."
    assert lines["common_ground"] == "You share no technology and are in different sectors."
    assert "new face" in lines["novelty"]
    assert explain(rec).notes == ()


def test_a_requester_without_a_profile_is_told_so():
    [rec] = MatchIndex.build([org(2, offers={"c"})]).recommend(nl(1))
    assert explain(rec).notes == (NO_PROFILE,)


def test_very_close_partners():
    [rec] = MatchIndex.build([org(2, ENSCHEDE)]).recommend(nl(1, ENSCHEDE))
    assert tr({line.component: line.text for line in explain(rec).lines}["proximity"], "en") == "Less than 1 km away."


def all_texts():
    found = []
    for name, value in vars(texts).items():
        if isinstance(value, Message):
            found.append((name, value))
        elif name.isupper() and isinstance(value, dict):
            found += [(f"{name}[{key}]", text) for key, text in value.items()]
    return found


@pytest.mark.parametrize(("name", "text"), all_texts(), ids=[name for name, _ in all_texts()])
def test_every_text_exists_in_three_languages_with_the_same_placeholders(name, text):
    placeholders = [sorted(re.findall(r"%\((\w+)\)", tr(text, lang))) for lang in LANGUAGES]
    assert all(translated(text, lang) and tr(text, lang).strip() for lang in LANGUAGES)
    assert placeholders[0] == placeholders[1] == placeholders[2]
    # Formal address: German "Sie", Dutch "u".
    assert not re.search(r"\b(du|dich|dir|dein\w*)\b", tr(text, "de"), re.IGNORECASE)
    assert not re.search(r"\b(je|jij|jou|jouw)\b", tr(text, "nl"), re.IGNORECASE)
