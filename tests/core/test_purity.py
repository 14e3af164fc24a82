"""The core stays pure Python: it imports neither Django nor any app of the project."""

import ast
from pathlib import Path

import borderless.core

CORE = Path(borderless.core.__file__).parent
FORBIDDEN_ROOTS = {"django", "ninja", "rest_framework"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_imports_no_django_and_no_app_code():
    offenders = {}
    for path in CORE.rglob("*.py"):
        bad = {
            m
            for m in imported_modules(path)
            if m.split(".")[0] in FORBIDDEN_ROOTS
            or (m.startswith("borderless.") and not m.startswith("borderless.core"))
        }
        if bad:
            offenders[str(path.relative_to(CORE))] = sorted(bad)
    assert offenders == {}


def test_the_check_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from django.db import models\nimport borderless.accounts.models\n")
    assert imported_modules(sample) == {"django.db", "borderless.accounts.models"}
