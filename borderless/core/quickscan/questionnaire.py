"""The quickscan questionnaire as immutable data.

Five sections, in the order a firm sees them:

- ``C`` company data (size class, sector, country, region), taken from the organisation profile
  and asked only where it is missing;
- ``DMA`` the six dimensions and eleven questions of the EU Digital Maturity Assessment for SMEs,
  with the DMA's own numbering: "D1.Q1" … "D6.Q11";
- ``A`` the acatech Industrie 4.0 stages: one question per stage ("A.S1" … "A.S6") with one
  capability statement for each of the four structural areas;
- ``T`` the technology profile: a status for every technology of the six clusters ("T.use") and
  the pairs of technologies in use that exchange data automatically ("T.links");
- ``S`` strategy and value.

Identifiers are stable and stored with the answers: a question id is "<section or dimension>.<name>",
an item id is "<question id>.<key>" (for example "D1.Q1.design", "A.S3.culture", "T.use.erp").
Every multiple-choice question has an explicit "none of these" item (key ``none``), exclusive of
all other items, so that "every question is required" can be checked; Q7 has a second exclusive
item, "data is not collected digitally" (key ``not_digital``).

Every title, help text, item text and answer label is a `Message` (translated by the app).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType

from borderless.core.i18n import Message
from borderless.core.quickscan import texts_dma, texts_more


class QuestionType(StrEnum):
    """How a question is answered; `scoring.validate_answers` documents the answer shape of each."""

    CHECKBOX = "checkbox"  # tick items, or "none of these"
    CHECKBOX_EXCLUSIVE = "checkbox_exclusive"  # like CHECKBOX with a further exclusive answer (Q7)
    AREA_DONE_PLANNED = "area_done_planned"  # per area "already digitalised" and/or "planned" (Q1)
    SCALE_0_5 = "scale_0_5"  # every row a level 0..5 (Q4, Q9)
    NO_PARTLY_YES = "no_partly_yes"  # every row no / partly / yes (Q11, acatech statements)
    SINGLE_CHOICE = "single_choice"  # exactly one option
    CODE = "code"  # a code from reference data that matches a pattern (NACE division, NUTS-3)
    TECH_STATUS = "tech_status"  # every technology in_use / piloting / planned / none
    TECH_LINKS = "tech_links"  # pairs of technologies in use that exchange data


class StructuralArea(StrEnum):
    """acatech's four structural areas."""

    RESOURCES = "resources"
    INFORMATION_SYSTEMS = "information_systems"
    ORGANISATION = "organisation"
    CULTURE = "culture"


class TechStatus(StrEnum):
    IN_USE = "in_use"
    PILOTING = "piloting"
    PLANNED = "planned"
    NONE = "none"


NONE_KEY = "none"
NOT_DIGITAL_KEY = "not_digital"
EXCLUSIVE_KEYS = frozenset({NONE_KEY, NOT_DIGITAL_KEY})
SCALE_MAX = 5
TRI_VALUES: MappingProxyType[str, Fraction] = MappingProxyType(
    {"no": Fraction(0), "partly": Fraction(1, 2), "yes": Fraction(1)}
)
AREA_FLAGS = ("done", "planned")
MULTIPLE_CHOICE = frozenset(
    {QuestionType.CHECKBOX, QuestionType.CHECKBOX_EXCLUSIVE, QuestionType.AREA_DONE_PLANNED, QuestionType.TECH_LINKS}
)

SCALE_LABELS: tuple[Message, ...] = texts_more.SCALE_LABELS
TRI_LABELS: MappingProxyType[str, Message] = MappingProxyType(texts_more.TRI_LABELS)
AREA_FLAG_LABELS: MappingProxyType[str, Message] = MappingProxyType(texts_more.AREA_FLAG_LABELS)
TECH_STATUS_LABELS: MappingProxyType[str, Message] = MappingProxyType(texts_more.TECH_STATUS_LABELS)
AREA_TITLES: MappingProxyType[str, Message] = MappingProxyType(texts_more.AREAS)


@dataclass(frozen=True)
class Item:
    """A row, option or checkbox of a question."""

    id: str
    text: Message
    exclusive: bool = False  # "none of these", "not collected digitally": excludes every other item
    stage: int | None = None  # acatech statements: stage 1..6
    area: StructuralArea | None = None  # acatech statements: structural area
    cluster: str | None = None  # technologies: the cluster id

    @property
    def key(self) -> str:
        return self.id.rsplit(".", 1)[1]


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    title: Message
    help: Message
    items: tuple[Item, ...] = ()
    dimension: str | None = None  # "D1".."D6" for the scored DMA questions
    pattern: str | None = None  # CODE questions: the regular expression a valid code matches
    from_profile: bool = False  # taken from the organisation profile; asked only where missing

    @property
    def scored(self) -> bool:
        return self.dimension is not None

    @property
    def positive_items(self) -> tuple[Item, ...]:
        """The items that count towards the score: all but the exclusive ones."""
        return tuple(item for item in self.items if not item.exclusive)

    @property
    def exclusive_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.exclusive)

    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @property
    def none_item(self) -> Item | None:
        return next((item for item in self.items if item.key == NONE_KEY), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: Message
    intro: Message
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Dimension:
    id: str
    title: Message
    question_ids: tuple[str, ...]


@dataclass(frozen=True)
class Stage:
    number: int
    name: Message
    description: Message
    question_id: str


@dataclass(frozen=True)
class Cluster:
    id: str
    number: int  # 1..6 as in the European Manufacturing Survey
    title: Message
    technology_ids: tuple[str, ...]  # item ids of "T.use"


@dataclass(frozen=True)
class Questionnaire:
    sections: tuple[Section, ...]
    dimensions: tuple[Dimension, ...]
    stages: tuple[Stage, ...]
    clusters: tuple[Cluster, ...]
    _questions: MappingProxyType[str, Question] = field(init=False, repr=False, compare=False)
    _items: MappingProxyType[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        questions: dict[str, Question] = {}
        items: dict[str, Item] = {}
        for section in self.sections:
            for question in section.questions:
                if question.id in questions:
                    raise ValueError(f"duplicate question id {question.id}")
                questions[question.id] = question
                for item in question.items:
                    if item.id in items or not item.id.startswith(question.id + "."):
                        raise ValueError(f"duplicate or misplaced item id {item.id}")
                    items[item.id] = item
        object.__setattr__(self, "_questions", MappingProxyType(questions))
        object.__setattr__(self, "_items", MappingProxyType(items))

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions in the order they are asked."""
        return tuple(self._questions.values())

    def question(self, question_id: str) -> Question:
        return self._questions[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._questions

    def item(self, item_id: str) -> Item:
        return self._items[item_id]

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def stage(self, number: int) -> Stage:
        return self.stages[number - 1]

    def cluster(self, cluster_id: str) -> Cluster:
        return next(c for c in self.clusters if c.id == cluster_id)

    def all_texts(self) -> tuple[Message, ...]:
        """Every text of the questionnaire, for completeness checks of the translations."""
        texts: list[Message] = [*SCALE_LABELS, *TRI_LABELS.values(), *AREA_FLAG_LABELS.values()]
        texts += [*TECH_STATUS_LABELS.values(), *AREA_TITLES.values()]
        for section in self.sections:
            texts += [section.title, section.intro]
            for question in section.questions:
                texts += [question.title, question.help, *(item.text for item in question.items)]
        texts += [d.title for d in self.dimensions]
        texts += [t for s in self.stages for t in (s.name, s.description)]
        texts += [c.title for c in self.clusters]
        return tuple(texts)


# --- assembly ----------------------------------------------------------------------------------

# DMA question id -> type; the dimension is the id's prefix.
DMA_TYPES: dict[str, QuestionType] = {
    "D1.Q1": QuestionType.AREA_DONE_PLANNED,
    "D1.Q2": QuestionType.CHECKBOX,
    "D2.Q3": QuestionType.CHECKBOX,
    "D2.Q4": QuestionType.SCALE_0_5,
    "D3.Q5": QuestionType.CHECKBOX,
    "D3.Q6": QuestionType.CHECKBOX,
    "D4.Q7": QuestionType.CHECKBOX_EXCLUSIVE,
    "D4.Q8": QuestionType.CHECKBOX,
    "D5.Q9": QuestionType.SCALE_0_5,
    "D6.Q10": QuestionType.CHECKBOX,
    "D6.Q11": QuestionType.NO_PARTLY_YES,
}


def _items(question_id: str, keyed: tuple[tuple[str, Message], ...]) -> tuple[Item, ...]:
    return tuple(Item(f"{question_id}.{key}", text, exclusive=key in EXCLUSIVE_KEYS) for key, text in keyed)


def _company_section() -> Section:
    q = texts_more.COMPANY_QUESTIONS

    def choice(qid: str, options: tuple[tuple[str, Message], ...]) -> Question:
        return Question(qid, QuestionType.SINGLE_CHOICE, *q[qid], items=_items(qid, options), from_profile=True)

    def code(qid: str, pattern: str) -> Question:
        return Question(qid, QuestionType.CODE, *q[qid], pattern=pattern, from_profile=True)

    questions = (
        choice("C.size_class", texts_more.SIZE_CLASSES),
        code("C.sector", r"[0-9]{2}"),
        choice("C.country", texts_more.COUNTRIES),
        code("C.region", r"(NL|DE)[0-9A-Z]{3}"),
    )
    return Section("C", *texts_more.SECTIONS["C"], questions=questions)


def _dma_section() -> Section:
    questions = tuple(
        Question(
            qid,
            qtype,
            *texts_dma.QUESTIONS[qid],
            items=_items(qid, texts_dma.ITEMS[qid]),
            dimension=qid.split(".")[0],
        )
        for qid, qtype in DMA_TYPES.items()
    )
    return Section("DMA", *texts_more.SECTIONS["DMA"], questions=questions)


def _dimensions() -> tuple[Dimension, ...]:
    return tuple(
        Dimension(dim, title, tuple(qid for qid in DMA_TYPES if qid.startswith(dim + ".")))
        for dim, title in texts_dma.DIMENSIONS.items()
    )


def _stage_question_id(stage: int) -> str:
    return f"A.S{stage}"


def _acatech_section() -> Section:
    questions = []
    for stage, statements in texts_more.STATEMENTS.items():
        qid = _stage_question_id(stage)
        name, description = texts_more.STAGES[stage]
        title = texts_more.STAGE_TITLE.bind(stage=stage, name=name)
        items = tuple(Item(f"{qid}.{area}", text, stage=stage, area=StructuralArea(area)) for area, text in statements)
        questions.append(Question(qid, QuestionType.NO_PARTLY_YES, title, description, items=items))
    return Section("A", *texts_more.SECTIONS["A"], questions=tuple(questions))


def _stages() -> tuple[Stage, ...]:
    return tuple(
        Stage(number, name, description, _stage_question_id(number))
        for number, (name, description) in texts_more.STAGES.items()
    )


def _technology_section() -> Section:
    technologies = tuple(
        Item(f"T.use.{key}", text, cluster=cluster)
        for cluster, (_title, techs) in texts_more.CLUSTERS.items()
        for key, text in techs
    )
    questions = (
        Question("T.use", QuestionType.TECH_STATUS, *texts_more.TECH_QUESTIONS["T.use"], items=technologies),
        Question(
            "T.links",
            QuestionType.TECH_LINKS,
            *texts_more.TECH_QUESTIONS["T.links"],
            items=(Item("T.links.none", texts_more.NO_LINKS, exclusive=True),),
        ),
    )
    return Section("T", *texts_more.SECTIONS["T"], questions=questions)


def _clusters() -> tuple[Cluster, ...]:
    return tuple(
        Cluster(cluster, number, title, tuple(f"T.use.{key}" for key, _text in techs))
        for number, (cluster, (title, techs)) in enumerate(texts_more.CLUSTERS.items(), start=1)
    )


STRATEGY_TYPES: dict[str, QuestionType] = {
    "S.strategy": QuestionType.SINGLE_CHOICE,
    "S.rd": QuestionType.SINGLE_CHOICE,
    "S.data_services": QuestionType.SINGLE_CHOICE,
    "S.value": QuestionType.CHECKBOX,
    "S.cross_border": QuestionType.CHECKBOX,
}


def _strategy_section() -> Section:
    questions = []
    for qid, qtype in STRATEGY_TYPES.items():
        title, help_text, options = texts_more.STRATEGY_QUESTIONS[qid]
        items = _items(qid, options)
        if qtype is QuestionType.SINGLE_CHOICE:
            # In a single choice every option excludes the others anyway; "none" is an ordinary answer.
            items = tuple(Item(item.id, item.text) for item in items)
        questions.append(Question(qid, qtype, title, help_text, items=items))
    return Section("S", *texts_more.SECTIONS["S"], questions=tuple(questions))


QUESTIONNAIRE = Questionnaire(
    sections=(_company_section(), _dma_section(), _acatech_section(), _technology_section(), _strategy_section()),
    dimensions=_dimensions(),
    stages=_stages(),
    clusters=_clusters(),
)
