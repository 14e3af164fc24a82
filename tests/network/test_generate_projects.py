"""`manage.py generate_projects`: a synthetic population in CORDIS's layout, the same files for the same arguments."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from borderless.network.models import Participation, Project

pytestmark = pytest.mark.django_db


def generate(folder: Path, *options: str) -> str:
    out = io.StringIO()
    call_command("generate_projects", str(folder), *options, stdout=out)
    return out.getvalue()


def imported(folder: Path) -> str:
    out = io.StringIO()
    call_command("import_cordis", str(folder / "project.csv"), str(folder / "organization.csv"), stdout=out)
    return out.getvalue()


def count(text: str, what: str) -> int:
    match = re.search(rf"(\d+) {what}", text)
    assert match, text
    return int(match.group(1))


def test_the_same_arguments_write_the_same_bytes(tmp_path):
    first = generate(tmp_path / "a", "--organisations", "400", "--seed", "5")
    generate(tmp_path / "b", "--organisations", "400", "--seed", "5")
    generate(tmp_path / "c", "--organisations", "400", "--seed", "6")

    for name in ("project.csv", "organization.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "c" / name).read_bytes()
    assert count(first, "organisations") == 400


def test_the_files_import_as_they_say_and_a_second_import_changes_nothing(tmp_path):
    summary = generate(tmp_path, "--organisations", "300", "--seed", "1")

    out = imported(tmp_path)

    assert Project.objects.count() == count(summary, "projects")
    assert Participation.objects.count() == count(summary, "participations")
    assert Participation.objects.values("pic").distinct().count() == 300
    assert f"Projects: {count(summary, 'projects')} new, 0 updated, 0 unchanged." in out
    assert Participation.objects.filter(country__in=("NL", "DE"), outside_programme_area=False).exists()
    again = imported(tmp_path)
    assert f"Projects: 0 new, 0 updated, {count(summary, 'projects')} unchanged." in again


def test_periods_limit_the_projects_start_years(tmp_path):
    generate(tmp_path, "--organisations", "200", "--periods", "2015-2016")

    imported(tmp_path)

    assert set(Project.objects.values_list("start_year", flat=True)) == {2015, 2016}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--organisations", "0"), "--organisations must be between"),
        (("--periods", "2020-2014"), "is not a list of periods"),
        (("--periods", "2014"), "is not a list of periods"),
        (("--max-participations", "0"), "--max-participations must be at least 1"),
    ],
)
def test_impossible_arguments_are_refused_and_nothing_is_written(tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        generate(tmp_path / "out", *options)

    assert not (tmp_path / "out").exists()
