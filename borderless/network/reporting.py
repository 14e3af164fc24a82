"""The lines the network's import commands print: where a problem is, and what an import did or would do."""

from __future__ import annotations

from django.utils.translation import gettext as _

from borderless.core.i18n import Translatable
from borderless.i18n.translation import translate


def problem_line(*, file: str, line: int | None, column: str | None, message: Translatable) -> str:
    """ "project.csv, line 4, column endDate: …" in the reader's language; the line or column left out when unknown."""
    where = _("%(file)s, line %(line)s") % {"file": file, "line": line} if line else file
    if column:
        where = _("%(place)s, column %(column)s") % {"place": where, "column": column}
    return f"{where}: {translate(message)}"


def projects_line(*, new: int, updated: int, unchanged: int) -> str:
    return _("Projects: %(new)s new, %(updated)s updated, %(unchanged)s unchanged.") % {
        "new": new,
        "updated": updated,
        "unchanged": unchanged,
    }


def organisations_line(*, matched: int, new: int, uncertain: int) -> str:
    return _("Organisations: %(matched)s matched, %(new)s new, %(uncertain)s uncertain.") % {
        "matched": matched,
        "new": new,
        "uncertain": uncertain,
    }


def outcome_line(*, written: bool) -> str:
    return _("The import is complete.") if written else _("Preview only: nothing was written.")


def figures_queued_line(*, job_id: int) -> str:
    return _("The network's figures are being computed again (job %(job)s); a worker runs it.") % {"job": job_id}
