"""Routes through instruments: before and after, level by level, safe against cycles."""

import pytest

from borderless.core.instruments import Pathways, route, validate_next_ids
from tests.core.translations import tr

from .helpers import instrument


def chain(*links):
    """Instruments from (id, next ids) pairs, in the given order."""
    return [instrument(id_, next_ids=tuple(next_ids)) for id_, next_ids in links]


VOUCHER_TO_INVESTMENT = chain(
    ("workshop", ["voucher"]),
    ("voucher", ["feasibility"]),
    ("advice", ["voucher", "feasibility"]),
    ("feasibility", ["development"]),
    ("development", ["investment", "eurostars"]),
    ("investment", []),
    ("eurostars", []),
)


def test_route_of_the_feasibility_study():
    found = route(VOUCHER_TO_INVESTMENT, "feasibility")
    assert found.before == (("voucher", "advice"), ("workshop",))
    assert found.after == (("development",), ("investment", "eurostars"))
    assert found.ids == ("workshop", "voucher", "advice", "feasibility", "development", "investment", "eurostars")
    assert ("advice", "voucher") in found.edges and ("development", "eurostars") in found.edges
    assert all(a in found.ids and b in found.ids for a, b in found.edges)


def test_depth_is_limited():
    found = route(VOUCHER_TO_INVESTMENT, "workshop", max_depth=2)
    assert found.after == (("voucher",), ("feasibility",))
    assert found.before == ()
    assert route(VOUCHER_TO_INVESTMENT, "workshop", max_depth=3).after[-1] == ("development",)


def test_cycles_end_and_the_instrument_itself_never_appears():
    cycle = chain(("a", ["b"]), ("b", ["c"]), ("c", ["a", "d"]), ("d", []))
    found = route(cycle, "a", max_depth=10)
    assert found.after == (("b",), ("c",), ("d",))
    assert found.before == (("c",), ("b",))
    assert "a" not in [i for level in (*found.before, *found.after) for i in level]


def test_self_links_and_links_to_unknown_instruments_are_ignored():
    found = route(chain(("a", ["a", "gone", "b", "b"]), ("b", [])), "a")
    assert found.after == (("b",),)
    assert found.edges == (("a", "b"),)


def test_an_instrument_without_links_has_an_empty_route_and_an_unknown_id_raises():
    pathways = Pathways(chain(("alone", [])))
    assert not pathways.route("alone")
    with pytest.raises(KeyError):
        pathways.route("missing")


def test_the_order_depends_on_the_input_only():
    first = route(VOUCHER_TO_INVESTMENT, "feasibility")
    assert all(route(VOUCHER_TO_INVESTMENT, "feasibility") == first for _ in range(5))
    reordered = route(list(reversed(VOUCHER_TO_INVESTMENT)), "feasibility")
    assert reordered.before[0] == ("advice", "voucher")  # "before" follows the order of the instruments given
    assert reordered.after == first.after  # "after" follows each instrument's own list


def test_validate_next_ids():
    found = validate_next_ids("a", ["a", "b", "x"], known_ids={"a", "b"})
    assert [p.code for p in found] == ["self_link", "unknown_next"]
    assert tr(found[0].message, "de") == "Ein Instrument kann nicht auf sich selbst folgen."
    assert tr(found[1].message, "nl") == "Onbekend vervolginstrument: x."
    assert validate_next_ids(None, ["b"], known_ids={"b"}) == []
