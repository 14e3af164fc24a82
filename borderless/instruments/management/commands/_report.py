"""How the import commands print an import report."""

from __future__ import annotations

from borderless.instruments.importexport import ImportReport


def report_lines(report: ImportReport) -> list[str]:
    lines = []
    for error in report.errors:
        where = f"row {error.row}" if error.row else "file"
        ident = f" ({error.identifier})" if error.identifier else ""
        lines.append(f"{where}{ident}, {error.field or '-'}: {error.message}")
    return lines


def summary(report: ImportReport) -> str:
    return (
        f"{report.rows} rows: {len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} kept as curated; {len(report.notes)} notes."
    )
