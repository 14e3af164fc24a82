import re

import pytest
from django.utils import translation

from borderless.accounts.models import User


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_start_page_exists_in_each_language(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    with translation.override(lang):
        assert translation.gettext("Quickscan") in html
        assert translation.gettext("For intermediaries and policy makers") in html


@pytest.mark.django_db
def test_start_page_counts_name_their_source(client, alice, dora):
    response = client.get("/en/")
    figures = response.context["figures"]
    assert figures.listed == 1  # dora's firm did not consent to be listed
    assert "Source: Borderless directory" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "expected"),
    [("nl-NL,nl;q=0.9", "/nl/"), ("de-DE,de;q=0.9", "/de/"), ("fr-FR", "/en/"), ("en-GB", "/en/")],
)
def test_first_visit_language_follows_the_browser(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_language_switcher_keeps_the_page_and_remembers_the_choice(client, alice):
    response = client.post("/language/", {"language": "de", "next": "/nl/organisations/?country=NL"})
    assert response["Location"] == "/de/organisations/?country=NL"
    assert response.cookies["borderless_language"].value == "de"
    client.force_login(alice)
    client.post("/language/", {"language": "en", "next": "/nl/dashboard/"})
    assert User.objects.get(pk=alice.pk).language == "en"


@pytest.mark.django_db
def test_language_switcher_refuses_foreign_redirects(client):
    response = client.post("/language/", {"language": "nl", "next": "https://evil.example/"})
    assert response["Location"] == "/nl/"


@pytest.mark.django_db
def test_every_page_links_its_switcher_to_the_same_page(client):
    html = client.get("/nl/organisations/").content.decode()
    assert 'name="next" value="/nl/organisations/"' in html
    assert re.search(r'data-testid="language-de"', html)


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(client):
    html = client.get("/en/").content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', html)
    response = client.get("/static/css/borderless.css")
    assert response.status_code == 200


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get("/en/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_admin_works_for_staff_in_german(client, staff, alice):
    client.force_login(staff)
    response = client.get("/de/admin/")
    assert response.status_code == 200
    with translation.override("de"):
        assert translation.gettext("Borderless administration") in response.content.decode()
    for url in [
        "/de/admin/organisations/organisation/",
        "/de/admin/organisations/nutsregion/?in_programme_area__exact=1",
        "/de/admin/accounts/user/",
        "/de/admin/organisations/town/",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_admin_is_closed_to_non_staff(client, alice):
    client.force_login(alice)
    response = client.get("/en/admin/")
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_overview_links_curation_only_for_confirmed_intermediaries(client, alice, bob):
    client.force_login(alice)
    page = client.get("/en/dashboard/").content.decode()
    assert "/en/instruments/for-my-organisation/" in page
    assert "/en/instruments/curate/" not in page
    client.force_login(bob)
    assert "/en/instruments/curate/" in client.get("/en/dashboard/").content.decode()
