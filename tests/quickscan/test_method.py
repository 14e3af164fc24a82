"""The public "how we score" page: every rule, with the thresholds in force, in each language."""

from __future__ import annotations

import html as html_lib

import pytest
from django.utils.translation import gettext, override

from borderless.core.quickscan.groups import FollowerGroup, GroupRules
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, SCALE_LABELS
from borderless.i18n.translation import translate
from borderless.quickscan.models import GroupRulesConfig

pytestmark = pytest.mark.django_db


def page_text(client, lang: str) -> str:
    response = client.get(f"/{lang}/quickscan/how-we-score/")
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_method_page_shows_the_thresholds_in_force(client, lang):
    GroupRulesConfig.objects.create(frontrunner_min_stage=5, late_max_stage=1, late_min_q4_level=3)
    text = page_text(client, lang)
    assert f'<html lang="{lang}">' in text
    params = GroupRules(frontrunner_min_stage=5, late_max_stage=1, late_min_q4_level=3).params()
    for group in FollowerGroup:
        assert translate(group.rule.bind(params), lang) in text
    assert f"3 ({translate(SCALE_LABELS[3], lang)})" in text
    # The defaults are not what is in force.
    assert translate(FollowerGroup.FRONTRUNNER.rule.bind(GroupRules().params()), lang) not in text
    with override(lang):
        assert gettext("How we score") in text


@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_method_page_lists_questions_stages_and_sources_in_the_language(client, lang):
    text = page_text(client, lang)
    for dimension in QUESTIONNAIRE.dimensions:
        assert translate(dimension.title, lang) in text
        for qid in dimension.question_ids:
            assert translate(QUESTIONNAIRE.question(qid).title, lang) in text
    for stage in QUESTIONNAIRE.stages:
        assert translate(stage.name, lang) in text
        for item in QUESTIONNAIRE.question(stage.question_id).items:
            assert translate(item.text, lang) in text
    for cluster in QUESTIONNAIRE.clusters:
        assert translate(cluster.title, lang) in text
    with override(lang):
        assert gettext("Sources") in text
        assert gettext("up to and including %(upper)s") % {"upper": 25} in text


def test_method_page_without_staff_settings_shows_the_defaults(client):
    text = page_text(client, "en")
    assert translate(FollowerGroup.FRONTRUNNER.rule.bind(GroupRules().params()), "en") in text
    assert "10 × points ÷ 10" in text  # Q1
    assert "10 × sum of levels ÷ (5 × 7)" in text  # Q4
    assert "10 × ticked ÷ 7" in text  # Q7: the exclusive answers do not count as items
