import pytest

from borderless.core.network import Phase
from borderless.core.network.texts import GROWTH_REASONS, NEWCOMER_REASONS, PHASE_TITLES, ROLE_TITLES

from ..translations import tr

TEXTS = [*PHASE_TITLES.values(), *ROLE_TITLES.values(), *NEWCOMER_REASONS.values(), *GROWTH_REASONS.values()]


def test_every_phase_and_role_has_a_title():
    assert set(PHASE_TITLES) == set(Phase)
    assert set(ROLE_TITLES) == {
        "coordinator",
        "itinerant",
        "boundary_spanner",
        "gatekeeper",
        "representative",
        "liaison",
    }


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_texts_are_translated(lang):
    for message in TEXTS:
        if message.msgid not in ("Bilateral", "Systemic", "Gatekeeper"):
            assert tr(message, lang) != message.msgid, message.msgid
    assert tr(PHASE_TITLES[Phase.NETWORKED], "de") == "Vernetzt"
    assert tr(ROLE_TITLES["boundary_spanner"], "nl") == "Bruggenbouwer"
