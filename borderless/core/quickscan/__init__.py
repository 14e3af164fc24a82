"""The quickscan's pure-Python core: questionnaire, validation, scoring, roadmap and peer groups.

Modules:
- `questionnaire` the questions as immutable data (texts in `texts_dma`, `texts_more`);
- `validation` the answer shapes and `validate_answers`;
- `scoring` `score` (DMA scores and band, acatech stage), with `groups` (follower groups) and
  `technology` (technology profile, island score);
- `roadmap` three to five next steps (texts in `roadmap_texts`);
- `peers` the peer group and its figures.

Imports nothing but the standard library and `borderless.core`; takes and returns plain values.
"""

from borderless.core.i18n import Message
from borderless.core.quickscan.groups import FollowerGroup, GroupDecision, GroupRules
from borderless.core.quickscan.peers import MIN_GROUP, PeerLevel, choose_peer_group, peer_summary
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, QuestionType
from borderless.core.quickscan.roadmap import Step, roadmap
from borderless.core.quickscan.scoring import Band, Result, score
from borderless.core.quickscan.validation import AnswerError, ErrorCode, InvalidAnswers, validate_answers

__all__ = [
    "MIN_GROUP",
    "QUESTIONNAIRE",
    "AnswerError",
    "Band",
    "ErrorCode",
    "FollowerGroup",
    "GroupDecision",
    "GroupRules",
    "InvalidAnswers",
    "Message",
    "PeerLevel",
    "QuestionType",
    "Result",
    "Step",
    "choose_peer_group",
    "peer_summary",
    "roadmap",
    "score",
    "validate_answers",
]
