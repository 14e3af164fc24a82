"""The network monitor's pages for analysts and staff: access, figures with their provenance, privacy, JSON."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from borderless.accounts.models import Role
from borderless.atlas.models import AtlasProfile
from borderless.jobs.models import Job
from borderless.network import figures
from borderless.network.models import NetworkRun, Project
from tests.conftest import make_org, make_user
from tests.jobs.worker import run_queued_tasks
from tests.network.test_network_report import project
from tests.test_translations import TextExtractor, english_only_strings

pytestmark = pytest.mark.django_db

CORDIS = Path(__file__).resolve().parents[1] / "core" / "data" / "cordis"
PAGES = ["monitor", "organisations", "map", "graph", "patterns", "import"]


@pytest.fixture(autouse=True)
def _job_files(settings, tmp_path):
    settings.JOB_FILES_DIR = tmp_path / "job-files"


@pytest.fixture
def analyst(db):
    return make_user("analyst@provincie.example", role=Role.ANALYST, confirmed=True)


@pytest.fixture
def network():
    """Five firms in Enschede with partners in Münster (one of them anonymous in the atlas), in 2015–2016."""
    enschede = [
        make_org(f"Enschede Sensors {i}", town_name="Enschede", country="NL", size_class="small") for i in range(5)
    ]
    muenster = make_org("Münster Maschinen", town_name="Münster", country="DE", size_class="medium")
    hidden = make_org("Verborgen Techniek", town_name="Münster", country="DE", size_class="micro")
    AtlasProfile.objects.create(organisation=muenster, visibility="public")
    AtlasProfile.objects.create(organisation=hidden, visibility="anonymous")
    AtlasProfile.objects.create(organisation=enschede[1], visibility="anonymous")
    project("old", datetime.date(2010, 5, 1), enschede[0], muenster)
    for i, firm in enumerate(enschede):
        project(f"p{i}", datetime.date(2015, 1 + i, 1), firm, muenster)
    project("h", datetime.date(2016, 3, 1), enschede[0], hidden, ("999000111", "BE"))
    figures.figures_compute(reason="manual")
    return {"enschede": enschede, "muenster": muenster, "hidden": hidden}


def get(client, name, **params):
    from django.urls import reverse

    return client.get(reverse(f"network:{name}"), params)


# --- access ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_the_login(client, name):
    response = get(client, name)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_sme_members_and_unconfirmed_analysts_are_refused_with_a_page(client, alice, name):
    client.force_login(alice)
    response = get(client, name)
    assert response.status_code == 403
    assert "The network monitor is for analysts" in response.content.decode()
    client.force_login(make_user("new@analyst.example", role=Role.ANALYST, confirmed=False))
    response = get(client, name)
    assert response.status_code == 403 and "has not been confirmed" in response.content.decode()


def test_the_json_and_the_computation_are_refused_too(client, alice, network):
    client.force_login(alice)
    assert get(client, "graph_data", scope="component", component=1).status_code == 403
    assert get(client, "map_values").status_code == 403
    assert client.post("/en/network/compute/").status_code == 403
    assert not Job.objects.exists()


@pytest.mark.parametrize("persona", ["analyst", "staff"])
@pytest.mark.parametrize("name", PAGES)
def test_confirmed_analysts_and_staff_see_every_page(client, network, persona, name, request):
    client.force_login(request.getfixturevalue(persona))
    assert get(client, name).status_code == 200


def test_analysts_and_staff_find_the_monitor_in_the_navigation(client, analyst, alice):
    client.force_login(analyst)
    assert 'data-testid="nav-network"' in client.get("/en/dashboard/").content.decode()
    client.force_login(alice)
    assert 'data-testid="nav-network"' not in client.get("/en/dashboard/").content.decode()


# --- monitor -----------------------------------------------------------------------------------------------


def test_the_monitor_shows_the_series_with_n_rule_source_and_date(client, analyst, network):
    client.force_login(analyst)
    response = get(client, "monitor", period="2014-2020")
    html = response.content.decode()
    rows = {row["label"]: row for row in response.context["rows"]}
    assert rows["2014–2020"]["organisations"] == "8" and rows["2014–2020"]["projects"] == "6"
    assert rows["2007–2013"]["newcomer_reason"].startswith("In the first period of the data")
    run = figures.current_run()
    assert f"at most {run.max_participants} participants count as working together" in html
    assert "test: 7 projects" in html  # the source of the projects
    assert str(run.computed_at.year) in response.context["provenance"]["computed"]
    assert "after van den Broek (2018); the numeric rule is the platform" in html
    assert "Usual suspects are active in at least three periods" in html
    assert "Betweenness (normalised) is computed exactly" in html
    assert html.count("<svg") >= 4 and 'role="img"' in html  # the charts, with their values as text
    years = get(client, "monitor", kind="year")
    assert [r["label"] for r in years.context["rows"]][:1] == ["2010"]


def test_the_brokers_never_name_an_anonymous_organisation(client, analyst, network):
    client.force_login(analyst)
    html = get(client, "monitor", period="2014-2020").content.decode()
    assert "Münster Maschinen" in html  # the coordinator-like hub of the Enschede firms
    assert "Verborgen Techniek" not in html and "Enschede Sensors 1" not in html


def test_without_a_computation_the_monitor_says_so_and_offers_to_compute(
    client, analyst, django_capture_on_commit_callbacks
):
    client.force_login(analyst)
    response = get(client, "monitor")
    assert 'data-testid="no-run"' in response.content.decode()
    assert get(client, "organisations").status_code == 200
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post("/en/network/compute/")
    job = Job.objects.get()
    assert job.kind == "network-figures" and job.started_by == analyst
    assert response["Location"] == f"/en/jobs/{job.pk}/"
    assert "follow its progress" in get(client, "monitor").content.decode()


# --- organisations -----------------------------------------------------------------------------------------


def labels(response) -> list[str]:
    return [row["label"] for row in response.context["rows"]]


def test_the_organisations_table_filters_and_sorts(client, analyst, network):
    client.force_login(analyst)
    everyone = get(client, "organisations", period="2014-2020")
    assert everyone.context["total"] == 8
    assert labels(everyone)[0] == "Münster Maschinen"  # the most partners first
    assert set(labels(get(client, "organisations", period="2014-2020", country="DE"))) == {
        "Münster Maschinen",
        "Anonymous organisation",
    }
    assert labels(get(client, "organisations", period="2014-2020", country="other")) == ["999000111"]
    assert labels(get(client, "organisations", period="2014-2020", q="maschinen")) == ["Münster Maschinen"]
    assert (
        get(client, "organisations", period="2014-2020", arrival="newcomer").context["total"] == 6
    )  # not the two of 2010
    networked = labels(get(client, "organisations", period="2014-2020", phase="networked"))
    assert networked == ["Münster Maschinen", "Enschede Sensors 0"]  # ties to two German partners
    assert labels(get(client, "organisations", period="2014-2020", size="medium")) == ["Münster Maschinen"]
    enschede = get(client, "organisations", period="2014-2020", region="NL213")
    assert enschede.context["total"] == 5
    by_cross = get(client, "organisations", period="2014-2020", sort="cross_border_partners")
    assert labels(by_cross)[0] == "Münster Maschinen"
    bad = get(client, "organisations", period="2014-2020", sort="nonsense")
    assert bad.status_code == 400 and bad.context["total"] == 8  # all of them, with a message


def test_an_anonymous_profile_is_shown_with_its_country_only(client, analyst, network):
    client.force_login(analyst)
    response = get(client, "organisations", period="2014-2020")
    html = response.content.decode()
    assert "Verborgen Techniek" not in html and "Enschede Sensors 1" not in html
    anonymous = [row for row in response.context["rows"] if row["anonymous"]]
    assert len(anonymous) == 2 and {row["country"] for row in anonymous} == {"Netherlands", "Germany"}
    assert all(set(row) == {"label", "anonymous", "country"} for row in anonymous)  # no figures, no ego link
    named = {row["label"]: row for row in response.context["rows"] if not row["anonymous"]}
    assert named["Münster Maschinen"]["size"].startswith("Medium")
    assert named["Enschede Sensors 0"]["size"] == "–"  # no public atlas profile: size not shown
    assert "node=org%3A" in named["Enschede Sensors 0"]["ego_url"]
    # A name search does not find it, nor does the size filter.
    assert get(client, "organisations", period="2014-2020", q="Verborgen").context["total"] == 0
    assert get(client, "organisations", period="2014-2020", size="micro").context["total"] == 0


# --- graph -------------------------------------------------------------------------------------------------


def test_graph_data_has_the_partials_shape_and_respects_privacy(client, analyst, network):
    client.force_login(analyst)
    ego = f"org:{network['enschede'][0].pk}"
    response = get(client, "graph_data", period="2014-2020", scope="ego", node=ego)
    data = response.json()
    assert set(data) == {"nodes", "edges", "truncated", "meta"}
    assert data["truncated"] is False
    ids = {n["id"] for n in data["nodes"]}
    assert ego in ids and next(n for n in data["nodes"] if n["id"] == ego)["ego"] is True
    hidden = [n for n in data["nodes"] if n["label"] == "Anonymous organisation"]
    assert len(hidden) == 1 and hidden[0]["country"] == "DE"
    assert "url" not in hidden[0] and "kind" not in hidden[0]
    assert f"org:{network['hidden'].pk}" not in json.dumps(data) and "Verborgen" not in json.dumps(data)
    assert all({"source", "target", "weight", "cross_border"} <= set(e) for e in data["edges"])
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    muenster = f"org:{network['muenster'].pk}"
    tie = next(e for e in data["edges"] if {e["source"], e["target"]} == {ego, muenster})
    assert tie["cross_border"] is True and tie["weight"] == 1
    meta = data["meta"]
    assert meta["n"] == len(data["nodes"]) and meta["period"] == "2014–2020"
    assert "participants count as working together" in meta["rule"] and "test: 7 projects" in meta["source"]
    assert meta["computed_at"].startswith(str(figures.current_run().computed_at.year))


def test_graph_data_is_capped_and_says_so(client, analyst, network):
    client.force_login(analyst)
    data = get(client, "graph_data", period="2014-2020", scope="region", region="NL213", limit=3).json()
    assert len(data["nodes"]) == 3 and data["truncated"] is True
    assert (
        get(client, "graph_data", period="2014-2020", scope="component", component=1, limit=100000).status_code == 404
    )
    assert get(client, "graph_data", period="2014-2020").status_code == 404  # never the whole network


def test_the_ego_network_of_an_anonymous_organisation_is_not_offered(client, analyst, network):
    client.force_login(analyst)
    node = f"org:{network['hidden'].pk}"
    assert get(client, "graph_data", period="2014-2020", scope="ego", node=node).status_code == 404
    page = get(client, "graph", period="2014-2020", scope="ego", node=node)
    assert page.context["sub"] is None and "Verborgen" not in page.content.decode()
    found = get(client, "graph", period="2014-2020", scope="ego", q="techniek")
    assert found.context["candidates"] == []


def test_the_graph_page_finds_an_organisation_and_draws_its_network(client, analyst, network):
    client.force_login(analyst)
    found = get(client, "graph", period="2014-2020", scope="ego", q="maschinen")
    [candidate] = found.context["candidates"]
    page = client.get(candidate["url"])
    html = page.content.decode()
    assert "Münster Maschinen and its partners, 2014–2020" in html
    assert 'data-graph-url="/en/network/graph/data.json?' in html
    assert "/en/network/export/gexf/?" in html and "scope=ego" in html
    assert {row["label"] for row in page.context["graph_nodes"]} >= {"Münster Maschinen", "Anonymous organisation"}


# --- map ---------------------------------------------------------------------------------------------------


def test_map_values_suppress_regions_of_fewer_than_five(client, analyst, network):
    client.force_login(analyst)
    data = get(client, "map_values", period="2014-2020").json()
    assert data["values"]["NL213"] == {"category": "networked", "label": "Networked", "n": 5}
    assert data["values"]["DEA33"] == {"category": None, "label": "", "n": None}
    assert {c["code"] for c in data["categories"]} == {"pre_cooperation", "bilateral", "networked", "systemic"}
    share = get(client, "map_values", period="2014-2020", measure="beyond").json()
    assert share["values"]["NL213"]["value"] == 1 and share["values"]["DEA33"]["value"] is None
    ties = get(client, "map_values", period="2014-2020", measure="nl_de_ties").json()
    assert ties["values"]["NL213"]["value"] == 6 and ties["scale"]["format"] == "integer"
    page = get(client, "map", period="2014-2020")
    rows = {row["code"]: row for row in page.context["map_rows"]}
    assert rows["DEA33"]["n"] is None and rows["NL213"]["n"] == 5
    assert 'data-testid="euregios"' in page.content.decode()


# --- patterns ----------------------------------------------------------------------------------------------


def test_patterns_are_listed_for_the_period_without_anonymous_names(client, analyst, network):
    client.force_login(analyst)
    response = get(client, "patterns", period="2014-2020")
    sections = {s["code"]: s for s in response.context["sections"]}
    assert set(sections) == {"dyad_adds_third", "ambassador", "introduction_became_project", "introduction_brokerage"}
    html = response.content.decode()
    assert "A pair adds a third partner" in html and "Verborgen" not in html
    assert sections["introduction_became_project"]["count"] == 0
    # Read from the stored computation, not found on the request; a single year has none, and says why.
    year = get(client, "patterns", period="2016")
    assert year.context["sections"] == [] and "Patterns are listed per programme period." in year.content.decode()


# --- import ------------------------------------------------------------------------------------------------


def upload(name: str, path: Path | None = None, content: bytes | None = None):
    data = path.read_bytes() if path else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_an_upload_of_cordis_files_imports_them_in_a_job_and_recomputes(
    client, analyst, monkeypatch, django_capture_on_commit_callbacks, settings
):
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/network/import/",
            {
                "source": "cordis",
                "projects_file": upload("project.csv", CORDIS / "project.csv"),
                "organisations_file": upload("organization.csv", CORDIS / "organization.csv"),
            },
        )
    job = Job.objects.get(kind="network-import")
    assert response["Location"] == f"/en/jobs/{job.pk}/"
    with django_capture_on_commit_callbacks(execute=True):  # the import queues the computation
        run_queued_tasks(monkeypatch)
    job.refresh_from_db()
    assert job.state == "done", job.error_text()
    assert job.summary_text().startswith("Imported: 3 new projects")
    assert Project.objects.filter(source="cordis").count() == 3
    computation = Job.objects.get(kind="network-figures")
    assert job.result_url_args == [computation.pk]
    run_queued_tasks(monkeypatch)
    assert NetworkRun.objects.get().reason == "import"
    assert list(Path(settings.JOB_FILES_DIR).iterdir()) == []  # the uploaded copies are removed
    with django_capture_on_commit_callbacks(execute=True):  # the same files again change nothing
        client.post(
            "/en/network/import/",
            {
                "projects_file": upload("project.csv", CORDIS / "project.csv"),
                "organisations_file": upload("o.csv", CORDIS / "organization.csv"),
            },
        )
    run_queued_tasks(monkeypatch)
    again = Job.objects.filter(kind="network-import").latest("pk")
    assert again.summary_text().startswith("Nothing to import: the 3 projects")
    assert Job.objects.filter(kind="network-figures").count() == 1


def test_a_preview_writes_nothing(client, analyst, monkeypatch, django_capture_on_commit_callbacks):
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/network/import/",
            {
                "projects_file": upload("project.csv", CORDIS / "project.csv"),
                "organisations_file": upload("organization.csv", CORDIS / "organization.csv"),
                "preview": "on",
            },
        )
    assert response.status_code == 302, response.content.decode()
    run_queued_tasks(monkeypatch)
    job = Job.objects.get(kind="network-import")
    assert job.state == "done" and job.summary_text().startswith("Preview, nothing was written")
    assert not Project.objects.exists() and not Job.objects.filter(kind="network-figures").exists()


def test_bad_uploads_get_a_translated_message_and_write_nothing(
    client, analyst, monkeypatch, django_capture_on_commit_callbacks
):
    analyst.language = "de"
    analyst.save()
    client.force_login(analyst)
    missing = client.post("/de/network/import/", {"projects_file": upload("project.csv", CORDIS / "project.csv")})
    assert missing.status_code == 400
    with translation.override("de"):
        assert translation.gettext("Choose this file.") in missing.content.decode()
    not_csv = client.post(
        "/de/network/import/",
        {"projects_file": upload("project.pdf", content=b"%PDF"), "organisations_file": upload("o.csv", content=b"x")},
    )
    assert not_csv.status_code == 400
    with translation.override("de"):
        assert translation.gettext("Upload a CSV file (ending in .csv).") in not_csv.content.decode()
    assert not Job.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/de/network/import/",
            {
                "projects_file": upload("project.csv", CORDIS / "project_missing_column.csv"),
                "organisations_file": upload("organization.csv", CORDIS / "organization.csv"),
            },
        )
    run_queued_tasks(monkeypatch)
    job = Job.objects.get(kind="network-import")
    assert job.state == "failed" and job.error_report
    with translation.override("de"):
        assert job.error_text().startswith("Die Dateien wurden nicht importiert")
    assert job.error_report[0]["line"].startswith("Projektdatei")
    assert not Project.objects.exists() and not Job.objects.filter(kind="network-figures").exists()


def test_the_import_page_offers_the_projects_sheet(client, analyst):
    client.force_login(analyst)
    html = client.get("/en/network/import/").content.decode()
    assert 'name="sheet_file"' in html and "A projects sheet" in html


# --- languages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_german_and_dutch_pages_show_no_english_string(client, staff, network, lang):
    english = english_only_strings(lang)
    client.force_login(staff)
    ego = f"org:{network['muenster'].pk}"
    urls = [
        f"/{lang}/network/?period=2014-2020",
        f"/{lang}/network/?kind=year",
        f"/{lang}/network/organisations/?period=2014-2020",
        f"/{lang}/network/map/?period=2014-2020",
        f"/{lang}/network/map/?period=2014-2020&measure=beyond",
        f"/{lang}/network/graph/?period=2014-2020&scope=ego&node={ego}",
        f"/{lang}/network/graph/?period=2014-2020&scope=ego&q=m",
        f"/{lang}/network/patterns/?period=2016",
        f"/{lang}/network/import/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = TextExtractor(lang)
        parser.feed(response.content.decode())
        leaked = sorted(set(parser.chunks) & english)
        assert leaked == [], f"{url} shows untranslated text: {leaked}"
