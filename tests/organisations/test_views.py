import pytest
from django.urls import resolve, reverse

from borderless.organisations.models import Organisation


@pytest.mark.django_db
def test_directory_lists_only_organisations_that_consented(client, alice, dora):
    page = client.get("/en/organisations/").content.decode()
    assert "Alice Precisietechniek B.V." in page
    assert "Dora Maschinenbau GmbH" not in page


@pytest.mark.django_db
def test_directory_filters_by_country_and_kind(client, alice, bob):
    page = client.get("/en/organisations/", {"country": "DE"}).content.decode()
    assert "Bob Wirtschaftsförderung" in page and "Alice Precisietechniek" not in page
    page = client.get("/en/organisations/", {"kind": "company"}).content.decode()
    assert "Alice Precisietechniek" in page and "Bob Wirtschaftsförderung" not in page


@pytest.mark.django_db
def test_directory_with_an_unknown_filter_value_says_so_and_shows_everything(client, alice):
    response = client.get("/en/organisations/", {"kind": "spaceship"})
    assert response.status_code == 400
    assert "Alice Precisietechniek" in response.content.decode()


@pytest.mark.django_db
def test_unlisted_profile_is_hidden_from_others_but_visible_to_members(client, dora, alice):
    slug = Organisation.objects.get(name="Dora Maschinenbau GmbH").slug
    assert client.get(f"/en/organisations/{slug}/").status_code == 404
    client.force_login(alice)
    assert client.get(f"/en/organisations/{slug}/").status_code == 404
    client.force_login(dora)
    assert client.get(f"/en/organisations/{slug}/").status_code == 200


@pytest.mark.django_db
def test_profile_shows_derived_region_and_unverified_euregio(client, alice):
    org = Organisation.objects.get(name="Alice Precisietechniek B.V.")
    page = client.get(org.get_absolute_url()).content.decode()
    assert "Twente (NL213)" in page
    assert "EUREGIO" in page and "unverified" in page


@pytest.mark.django_db
def test_only_managers_edit_and_invalid_edits_change_nothing(client, alice, bob):
    org = Organisation.objects.get(name="Alice Precisietechniek B.V.")
    url = reverse("organisations:edit", args=[org.slug])
    client.force_login(bob)
    assert client.get(url).status_code == 404
    client.force_login(alice)
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["town"] = org.town_id
    data["sector"] = org.sector_id
    data["working_languages"] = ["nl", "en"]
    data["founded_year"] = "1200"
    response = client.post(url, data)
    assert response.status_code == 400
    org.refresh_from_db()
    assert org.founded_year == 1998
    data["founded_year"] = "1999"
    data["name"] = "Alice Precisie B.V."
    assert client.post(url, data).status_code == 302
    org.refresh_from_db()
    assert (org.name, org.founded_year) == ("Alice Precisie B.V.", 1999)


@pytest.mark.django_db
def test_an_anonymous_firm_is_neither_listed_nor_shown_by_name_even_if_it_consented_to_be_listed(client, alice, bob):
    """Its name beside its region and size would undo the anonymity of its atlas card."""
    from borderless.atlas.models import AtlasProfile, Visibility

    firm = Organisation.objects.get(name="Alice Precisietechniek B.V.")
    AtlasProfile.objects.create(
        organisation=firm,
        visibility=Visibility.ANONYMOUS,
        contact_intermediary=Organisation.objects.get(name="Bob Wirtschaftsförderung"),
    )
    assert firm.listed_publicly
    assert "Alice Precisietechniek" not in client.get("/en/organisations/").content.decode()
    assert "Alice Precisietechniek" not in client.get("/en/organisations/", {"q": "Alice"}).content.decode()
    assert client.get(f"/en/organisations/{firm.slug}/").status_code == 404
    assert client.get(f"/api/organisations/{firm.slug}").status_code == 404
    client.force_login(bob)  # another organisation, even its intermediary, learns nothing here
    assert client.get(f"/en/organisations/{firm.slug}/").status_code == 404
    client.force_login(alice)  # its members see it, told that the directory does not show it
    page = client.get(f"/en/organisations/{firm.slug}/").content.decode()
    assert "This profile is not shown in the public directory" in page


@pytest.mark.django_db
def test_an_unconfirmed_organisation_is_not_shown_by_name(client, db):
    from tests.conftest import make_org

    waiting = make_org("Neue Agentur", kind="intermediary", town_name="Gronau", country="DE", confirmed=False)
    assert client.get(f"/en/organisations/{waiting.slug}/").status_code == 404
    assert "Neue Agentur" not in client.get("/en/organisations/").content.decode()


@pytest.mark.django_db
def test_an_organisation_named_like_a_fixed_page_still_has_its_own_atlas_page(client):
    from tests.conftest import make_org

    firm = make_org("Import", town_name="Enschede", country="NL")
    assert firm.slug != "import"
    assert client.get(f"/en/organisations/{firm.slug}/").status_code == 200
    assert resolve(f"/en/atlas/{firm.slug}/").url_name == "detail"


@pytest.mark.django_db
def test_the_euregio_is_named_as_it_is_called_in_the_readers_language(client):
    from tests.conftest import make_org

    firm = make_org("Waalmetaal B.V.", town_name="Nijmegen", country="NL")
    assert firm.euregio.slug == "euregio-rhein-waal"
    assert "Euregio Rijn-Waal" in client.get(f"/nl/organisations/{firm.slug}/").content.decode()
    assert "Euregio Rhein-Waal" in client.get(f"/de/organisations/{firm.slug}/").content.decode()
