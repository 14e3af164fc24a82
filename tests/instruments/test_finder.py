"""The public finder: facets with counts, search in the reader's language, order, pages, bad filters."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from borderless.instruments.matching import snapshot_clear

from .finder_data import listed_names, make_instrument, page_text, seed_catalogue

URL = "/en/instruments/"


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


@pytest.fixture
def seed(db):
    return seed_catalogue()


def option_label(response, field: str, value: str) -> str:
    return dict(response.context["form"].fields[field].widget.choices)[value]


def test_a_visitor_sees_the_whole_seed_catalogue_with_its_unknowns_said_plainly(client, seed):
    response = client.get(URL)
    assert response.status_code == 200
    text = page_text(response)
    assert "21 of 21 instruments found." in text
    assert "Digitaliseringsvoucher MKB – digitalisation voucher for SMEs (Overijssel)" in text
    # Nothing in the seed is verified, and no amount or deadline is known.
    assert text.count("to be verified") >= 20
    assert "no date known" in text and "not known yet" in text
    assert "Export this list (CSV)" in text and "Deadlines as a calendar (iCalendar)" in text
    assert "Save this search" not in text  # only for signed-in people


def test_facets_filter_the_list_and_count_each_choice(client, seed):
    response = client.get(URL, {"kind": "voucher"})
    names = listed_names(response)
    assert len(names) == 4 and all(i.kind == "voucher" for i in [r.instrument for r in response.context["rows"]])
    # The count of a choice is what the list would show with it, the other filters kept.
    assert option_label(response, "kind", "voucher") == "Voucher (4)"
    assert option_label(response, "kind", "grant") == "Grant (3)"
    assert option_label(response, "status", "unknown") == "Not known yet (4)"
    assert "21 of 21" not in page_text(response) and "4 of 21 instruments found." in page_text(response)


def test_status_not_known_is_a_filter_of_its_own(client, seed):
    closed = listed_names(client.get(URL, {"status": "closed"}))
    assert closed == ["Digipro (Interreg V A Deutschland-Nederland, 2017–2022)"]
    unknown = client.get(URL, {"status": "unknown"})
    assert len(listed_names(unknown)) == 20


@pytest.mark.parametrize(
    ("region", "included", "excluded"),
    [
        ("NL213", "overijssel-digitaliseringsvoucher-mkb", "nrw-mid-analyse"),  # Twente lies in Overijssel
        ("DE", "nrw-mid-analyse", "gelderland-smart-overbruggingsplan-mkb"),
        ("euregio-rhein-waal", "interreg-de-nl-digipro", "overijssel-digitaliseringsvoucher-mkb"),
        ("DEA3", "eu-edih", "midden-brabant-digitalisering-mkb"),  # EU-wide instruments cover everything
    ],
)
def test_region_covered_compares_the_area_with_countries_nuts_codes_and_euregios(
    client, seed, region, included, excluded
):
    response = client.get(URL, {"region": region, "page": 1})
    assert response.status_code == 200
    shown = {row.instrument.identifier for row in response.context["rows"]}
    rest = {e.identifier for e in response.context["result"].entries}
    assert included in rest and excluded not in rest
    assert shown <= rest


def test_a_nuts3_code_from_a_link_is_shown_as_the_chosen_region(client, seed):
    response = client.get(URL, {"region": "NL213"})
    assert "Twente (NL213)" in page_text(response)


def test_target_group_comes_from_the_criteria(client, seed):
    large = {e.identifier for e in client.get(URL, {"size_class": "large"}).context["result"].entries}
    assert "overijssel-digitaliseringsvoucher-mkb" not in large  # for SMEs only
    assert "eu-horizon-europe" in large  # no size criterion: open to every size
    hubs = {e.identifier for e in client.get(URL, {"organisation_kind": "knowledge"}).context["result"].entries}
    assert "limburg-brightlands-campuses" in hubs and "nl-mit-haalbaarheidsproject" not in hubs


def test_cross_border_and_provider_language_filters(client, seed):
    required = {e.identifier for e in client.get(URL, {"cross_border": "required"}).context["result"].entries}
    assert required == {"interreg-de-nl-open-formula", "interreg-de-nl-digipro", "interreg-de-nl-project"}
    german = client.get(URL, {"language": "de"}).context["result"].entries
    assert german and all("de" in e.languages for e in german)


def test_search_in_the_readers_language_then_in_all_languages(client, seed):
    # "Gutschein" is German: found on the German page, in the German descriptions.
    german = client.get("/de/instruments/", {"q": "Gutschein"})
    assert german.context["result"].entries and not german.context["result"].all_languages
    # On the English page it is not an English word: the finder looks in all languages and says so.
    english = client.get(URL, {"q": "Gutschein"})
    assert english.context["result"].entries == german.context["result"].entries
    assert english.context["result"].all_languages
    assert "Nothing was found in your language" in page_text(english)
    nothing = client.get(URL, {"q": "zeppelin"})
    assert "0 of 21 instruments found." in page_text(nothing) and "No instrument matches" in page_text(nothing)


def test_an_unknown_filter_value_answers_400_with_a_translated_message_and_filters_nothing(client, seed):
    response = client.get("/de/instruments/", {"kind": "spaceship"})
    assert response.status_code == 400
    with translation.override("de"):
        expected = gettext("“%(value)s” is not one of the choices for this filter.") % {"value": "spaceship"}
    text = page_text(response)
    assert expected in text
    assert len(response.context["result"].entries) == 21
    assert client.get(URL, {"region": "XX999"}).status_code == 400
    assert client.get(URL, {"status": "open'--"}).status_code == 400


def test_open_and_forthcoming_come_before_closed_and_the_nearest_deadline_first(client, db):
    today = timezone.localdate()
    make_instrument("closed-one", name="A closed", status="closed")
    make_instrument("late", name="B late", status="open", calls=[(None, today + timedelta(days=60))])
    make_instrument("soon", name="C soon", status="open", calls=[(None, today + timedelta(days=5))])
    make_instrument("future", name="D future", status="forthcoming")
    make_instrument("unknown", name="E unknown", status="")
    make_instrument("past", name="F past deadline", status="open", calls=[(None, today - timedelta(days=3))])
    response = client.get(URL)
    assert listed_names(response) == ["C soon", "B late", "F past deadline", "D future", "E unknown", "A closed"]
    text = page_text(response)
    assert (today + timedelta(days=5)).strftime("%Y") in text


def test_known_amounts_are_shown_and_unknown_ones_say_so(client, db):
    make_instrument("both", name="Both", min_amount=5000, max_amount=20000)
    make_instrument("upper", name="Upper", max_amount=7500)
    make_instrument("none", name="None known")
    text = page_text(client.get(URL))
    assert "5,000 to 20,000 EUR" in text
    assert "up to 7,500 EUR" in text
    assert "not known yet" in text
    german = page_text(client.get("/de/instruments/"))
    assert "5.000" in german and "20.000 EUR" in german  # German digit grouping


def test_pages_of_twenty(client, db):
    for number in range(25):
        make_instrument(f"instrument-{number:02d}", name=f"Instrument {number:02d}")
    first = client.get(URL)
    assert len(listed_names(first)) == 20
    second = client.get(URL, {"page": 2})
    assert listed_names(second) == [f"Instrument {n}" for n in range(20, 25)]
    assert client.get(URL, {"page": "abc"}).status_code == 200


def test_a_new_instrument_appears_without_a_restart(client, seed):
    assert len(client.get(URL).context["result"].entries) == 21
    make_instrument("brand-new", name="Brand new voucher")
    assert "Brand new voucher" in page_text(client.get(URL, {"q": "brand new"}))


def test_the_number_of_queries_does_not_grow_with_the_catalogue(client, db):
    for number in range(5):
        make_instrument(f"small-{number}", criteria=[{"type": "country", "countries": ["NL"]}])
    client.get(URL)  # builds the snapshot
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for number in range(30):
        make_instrument(f"more-{number}", criteria=[{"type": "country", "countries": ["DE"]}])
    client.get(URL)
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many.captured_queries) == len(few.captured_queries)


# One instrument


def test_an_instrument_page_describes_its_criteria_route_and_unknowns(client, seed):
    response = client.get("/en/instruments/nl-mit-haalbaarheidsproject/")
    assert response.status_code == 200
    text = page_text(response)
    assert "MIT feasibility study" in text
    assert "to be verified" in text and "have not yet been checked by an intermediary" in text
    assert "For organisations based in the Netherlands." in text  # the criteria, described without a firm
    assert "For firms with up to 249 employees." in text
    assert "No call dates are known yet." in text and "Amount not known yet" in text
    assert "Masterstrategie Digitale Transformation" in text  # the source
    route = response.context["route"]
    before = [i.identifier for step in route.before for i in step.instruments]
    after = [i.identifier for step in route.after for i in step.instruments]
    assert "overijssel-digitaliseringsvoucher-mkb" in before and "nl-mit-rd-samenwerkingsproject" in after
    body = response.content.decode()
    assert 'href="/en/instruments/nl-mit-rd-samenwerkingsproject/"' in body
    assert response.context["match"] is None  # a visitor gets no match


def test_an_instrument_page_in_german_and_an_unknown_one(client, seed):
    text = page_text(client.get("/de/instruments/nl-mit-haalbaarheidsproject/"))
    assert "Für Organisationen mit Sitz in den Niederlanden." in text
    assert client.get("/en/instruments/no-such-instrument/").status_code == 404


def test_a_verified_instrument_says_when_and_by_whom_and_lists_its_calls(client, staff, db):
    today = timezone.localdate()
    make_instrument(
        "checked",
        name="Checked voucher",
        verified_at=timezone.now(),
        verified_by=staff,
        calls=[(today, today + timedelta(days=30))],
        max_amount=10000,
    )
    text = page_text(client.get("/en/instruments/checked/"))
    assert "Facts verified on" in text and "by Staff Admin" in text
    assert "to be verified" not in text
    assert "up to 10,000 EUR" in text
    assert (today + timedelta(days=30)).strftime("%Y") in text


def test_a_member_sees_how_the_instrument_fits_their_organisation(client, alice, seed):
    client.force_login(alice)
    response = client.get("/nl/instruments/nrw-mid-analyse/")
    match = response.context["match"]
    assert match["verdict"] == "does_not_fit"
    assert any("Twente (NL213)" in reason.text for reason in match["reasons"])
    assert "Alice Precisietechniek B.V." in page_text(response)
