"""The registry of criterion types: the matcher looks a criterion's type up here and nothing else.

A new kind of eligibility condition is a subclass of `CriterionType` registered in a `Registry`;
neither the matcher nor the ranking changes. Each type

- checks its parameters (`validate`, used by the editor and by imports),
- turns checked parameters into a fast, hashable form once (`prepare`), and
- says how it applies to a firm (`evaluate`) or, without a firm, what it asks for (`describe`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from borderless.core.i18n import Content, Message

from .model import EMPTY_REFERENCE, Context, Criterion, Firm, Link, Outcome, Problem, Reference, Status
from .schema import NOT_AN_OBJECT, UNKNOWN_TYPE, problem


class CriterionType:
    """Base of every criterion type. Subclasses set `key` and `title` and override `evaluate`.

    `prepare` turns checked parameters into whatever `evaluate` reads fastest (frozensets, a
    precomputed text). Return a hashable value where possible: criteria that differ only in the
    order of their values (["NL", "DE"], ["DE", "NL"]) then share one evaluation per firm.
    """

    key: ClassVar[str]
    title: ClassVar[Message]  # the name of the type in the editor

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return []

    def prepare(self, params: Mapping[str, object], reference: Reference) -> object:
        return params

    # `prepared` is whatever the subclass's `prepare` returns, so each subclass types it its own way.
    def evaluate(self, prepared: Any, firm: Firm, context: Context) -> Outcome:
        raise NotImplementedError

    def describe(self, prepared: Any, context: Context) -> Outcome:
        """What the criterion asks for, without a firm (for visitors and instrument pages)."""
        return self.evaluate(prepared, Firm(), context)

    def outcome(
        self,
        status: Status,
        text: Message | Content,
        params: Mapping[str, object] | None = None,
        link: Link | None = None,
    ) -> Outcome:
        return Outcome(key=self.key, status=status, text=text, params=params or {}, link=link)


class UnknownCriterionType(KeyError):
    pass


class InvalidCriterion(ValueError):
    """A criterion whose parameters do not pass its type's check; `problems` says why."""

    def __init__(self, criterion: Criterion, problems: list[Problem]) -> None:
        super().__init__(f"invalid {criterion.type} criterion: {', '.join(str(p.message) for p in problems)}")
        self.criterion = criterion
        self.problems = problems


class Compiled:
    """A criterion with its type looked up and its parameters prepared, ready to evaluate."""

    __slots__ = ("ctype", "prepared")

    def __init__(self, ctype: CriterionType, prepared: object) -> None:
        self.ctype = ctype
        self.prepared = prepared

    def evaluate(self, firm: Firm, context: Context) -> Outcome:
        return self.ctype.evaluate(self.prepared, firm, context)

    def describe(self, context: Context) -> Outcome:
        return self.ctype.describe(self.prepared, context)


class Registry:
    """Criterion types by key, in the order they were registered."""

    def __init__(self, types: Iterable[CriterionType | type[CriterionType]] = ()) -> None:
        self._types: dict[str, CriterionType] = {}
        for ctype in types:
            self.register(ctype)

    def register(
        self, ctype: CriterionType | type[CriterionType], *, replace: bool = False
    ) -> CriterionType | type[CriterionType]:
        """Add a type (an instance, or a class with a no-argument constructor); usable as a class decorator."""
        instance = ctype() if isinstance(ctype, type) else ctype
        if instance.key in self._types and not replace:
            raise ValueError(f"criterion type {instance.key!r} is already registered")
        self._types[instance.key] = instance
        return ctype

    def extended(self, *types: CriterionType | type[CriterionType]) -> Registry:
        """A new registry with these types added; this one stays as it is."""
        return Registry([*self._types.values(), *types])

    def get(self, key: str) -> CriterionType:
        try:
            return self._types[key]
        except KeyError:
            raise UnknownCriterionType(key) from None

    def __contains__(self, key: object) -> bool:
        return key in self._types

    def __iter__(self) -> Iterator[CriterionType]:
        return iter(self._types.values())

    def keys(self) -> tuple[str, ...]:
        return tuple(self._types)

    def validate(self, criterion: Criterion, reference: Reference = EMPTY_REFERENCE) -> list[Problem]:
        """Everything wrong with one criterion; empty when it can be saved."""
        if criterion.type not in self._types:
            return [problem("unknown_type", UNKNOWN_TYPE, "type", type=criterion.type)]
        if not isinstance(criterion.params, Mapping):
            return [problem("not_an_object", NOT_AN_OBJECT)]
        return self._types[criterion.type].validate(criterion.params, reference)

    def compile(self, criterion: Criterion, reference: Reference = EMPTY_REFERENCE) -> Compiled:
        """The criterion ready to evaluate; raises InvalidCriterion (or UnknownCriterionType)."""
        ctype = self.get(criterion.type)
        problems = self.validate(criterion, reference)
        if problems:
            raise InvalidCriterion(criterion, problems)
        return Compiled(ctype, ctype.prepare(criterion.params, reference))
