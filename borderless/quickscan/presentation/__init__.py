"""What a completed quickscan shows, in one language: the view-models of the result pages and the PDF.

- `result` the result of one assessment (`assessment_view`), used by the result page and the PDF
  report alike, so that the two never disagree;
- `explain` its explained parts: acatech stage, follower group, technology profile, roadmap;
- `progress` a firm's history (`history_view`) and an advisor's clients (`client_rows`).

Texts of the questionnaire come from the core in the requested language; the sentences around
them are gettext messages rendered in the same language.
"""

from .progress import ClientRow, HistoryView, client_rows, history_view, signed
from .result import AssessmentView, assessment_view, band_rule, peer_position, radar_series, result_from_dict

__all__ = [
    "AssessmentView",
    "ClientRow",
    "HistoryView",
    "assessment_view",
    "band_rule",
    "client_rows",
    "history_view",
    "peer_position",
    "radar_series",
    "result_from_dict",
    "signed",
]
