"""The domain model: frozen, slotted, fully typed records of what an article says.

Every extracted value keeps its evidence (:class:`Span` offsets into the article text) next to its
normalized value. Closed vocabularies are :class:`enum.StrEnum` members whose values are the strings of
the JSON contract, so ``Act.CALL_FOR == "call_for"``.

Vocabularies
------------
:class:`Precision`
    ``day``, ``month``, ``year``: how much of a :class:`PartialDate` the text fixed.
:class:`Qualifier`
    the hedge on a :class:`Money` amount: ``exact`` (no hedge), ``more_than`` (über, mehr als),
    ``about`` (rund, etwa, ca., knapp, fast), ``up_to`` (bis zu), ``at_least`` (mindestens).
:class:`MeetingKind`
    ``bilateral``, ``trilateral``, ``multilateral``, ``call`` (phone or video call), ``visit``
    (state, official or working visit).
:class:`AgreementKind`
    ``contract`` (Vertrag between companies, deals), ``agreement`` (Abkommen, Vereinbarung),
    ``treaty`` (Staatsvertrag, Vertrag between states), ``memorandum`` (Memorandum,
    Absichtserklärung), ``declaration`` (Erklärung, Deklaration), ``documents`` (Dokumente as a set),
    ``other``.
:class:`Act`
    the speech act of a reporting verb, each with a CAMEO code (:data:`CAMEO`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal, TypeAlias

import attrs

__all__ = [
    "CAMEO",
    "Act",
    "Agreement",
    "AgreementKind",
    "Article",
    "Count",
    "Country",
    "Extraction",
    "Meeting",
    "MeetingKind",
    "Money",
    "Organization",
    "PartialDate",
    "Person",
    "Place",
    "Precision",
    "Qualifier",
    "Span",
    "Speaker",
    "Statement",
    "Summit",
]


class Precision(StrEnum):
    """How much of a date the text fixed."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Qualifier(StrEnum):
    """The hedge on a money amount, so that totals can be bounds."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    ABOUT = "about"
    UP_TO = "up_to"
    AT_LEAST = "at_least"


class MeetingKind(StrEnum):
    """What kind of encounter a :class:`Meeting` is."""

    BILATERAL = "bilateral"
    TRILATERAL = "trilateral"
    MULTILATERAL = "multilateral"
    CALL = "call"
    VISIT = "visit"


class AgreementKind(StrEnum):
    """What kind of document an :class:`Agreement` is."""

    CONTRACT = "contract"
    AGREEMENT = "agreement"
    TREATY = "treaty"
    MEMORANDUM = "memorandum"
    DECLARATION = "declaration"
    DOCUMENTS = "documents"
    OTHER = "other"


class Act(StrEnum):
    """The speech act a reporting verb performs."""

    EMPHASIZE = "emphasize"
    CALL_FOR = "call_for"
    PROPOSE = "propose"
    WARN = "warn"
    THANK = "thank"
    REAFFIRM = "reaffirm"
    PRAISE = "praise"
    ANNOUNCE = "announce"
    SUPPORT = "support"
    CRITICIZE = "criticize"
    RECALL = "recall"
    PRESENT = "present"
    INVITE = "invite"
    STATE = "state"


#: CAMEO event codes of each speech act (from the CAMEO verb dictionary; reaffirm and recall have no
#: code of their own and take the generic "make statement", 010).
CAMEO: dict[Act, str] = {
    Act.EMPHASIZE: "010",
    Act.STATE: "010",
    Act.ANNOUNCE: "010",
    Act.REAFFIRM: "010",
    Act.RECALL: "010",
    Act.PRESENT: "010",
    Act.CALL_FOR: "020",
    Act.PROPOSE: "020",
    Act.WARN: "130",
    Act.THANK: "051",
    Act.PRAISE: "051",
    Act.SUPPORT: "050",
    Act.CRITICIZE: "111",
    Act.INVITE: "040",
}


def _repr_html_(self: object) -> str:
    """A compact HTML table of one record, for notebooks."""
    from summitlib._html import record_html

    return record_html(self)


#: An agreement count: a number, ``"several"`` for mehrere/zahlreiche, or ``None`` when unstated.
Count: TypeAlias = int | Literal["several"] | None


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0 or (attribute.name == "end" and value < instance.start):
        raise ValueError(f"invalid span offsets {instance.start}..{value}")


@attrs.frozen(order=True)
class Span:
    """Character offsets ``[start, end)`` into an article's text, with the text they cover."""

    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    text: str = ""

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        if cls is not Span:
            return cls(start, end, text[start:end])
        if start < 0:
            raise ValueError(f"invalid span offsets {start}..{start}")
        if end < start:
            raise ValueError(f"invalid span offsets {start}..{end}")
        return _span(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


_new_object = object.__new__


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of ``names`` on the frozen, slotted attrs class ``cls``: with ``object.__new__``
    they build an instance without ``__init__`` where the hot paths of the extractors make many and
    the values need no validation (the caller guarantees what the validators would check)."""
    return tuple(cls.__dict__[name].__set__ for name in names)


_set_span_start, _set_span_end, _set_span_text = _slot_setters(Span, ("start", "end", "text"))


def _span(start: int, end: int, text: str) -> Span:
    """A :class:`Span` whose offsets the caller guarantees (``0 <= start <= end``), built without the
    validators: the extractors make one per mention and sentence, from offsets of matches in the text."""
    span: Span = _new_object(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    _set_span_text(span, text)
    return span


@attrs.frozen(order=True)
class PartialDate:
    """A date known to a precision, or a range of days (``3.–4. Juli``).

    ``start`` is the first day the expression can mean and ``end`` the last (both inclusive): a month
    precision date "Oktober 2025" is ``2025-10-01 .. 2025-10-31``.
    """

    start: dt.date
    end: dt.date
    precision: Precision = Precision.DAY

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends before it starts: {self.start} .. {self.end}")

    @classmethod
    def day(cls, value: dt.date, end: dt.date | None = None) -> PartialDate:
        """A day, or a range of days from ``value`` to ``end``."""
        return cls(value, end or value, Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> PartialDate:
        """A whole month."""
        first = dt.date(year, month, 1)
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(first, nxt - dt.timedelta(days=1), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> PartialDate:
        """A whole year."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (precision follows the form).

        Raises:
            ValueError: for any other string or an impossible date.
        """
        parts = value.strip().split("-")
        if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not an ISO date: {value!r}")
        if len(parts) == 1:
            return cls.year(int(parts[0]))
        if len(parts) == 2 and len(parts[1]) == 2:
            return cls.month(int(parts[0]), int(parts[1]))
        if len(parts) == 3 and len(parts[1]) == 2 and len(parts[2]) == 2:
            return cls.day(dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
        raise ValueError(f"not an ISO date: {value!r}")

    @property
    def is_range(self) -> bool:
        """True for a range of days (``3.–4. Juli``)."""
        return self.precision is Precision.DAY and self.end != self.start

    def isoformat(self) -> str:
        """The start at this precision: ``2025-10-10``, ``2025-10`` or ``2025``."""
        if self.precision is Precision.YEAR:
            return f"{self.start.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """Whether any day this date can mean lies in ``start .. end`` (inclusive)."""
        return self.start <= end and start <= self.end

    def __str__(self) -> str:
        if self.is_range:
            return f"{self.start.isoformat()}/{self.end.isoformat()}"
        return self.isoformat()


@attrs.frozen
class Money:
    """An amount of money: exact ``Decimal`` amount, ISO 4217 currency, and the hedge around it."""

    _repr_html_ = _repr_html_

    amount: Decimal
    currency: str
    qualifier: Qualifier = Qualifier.EXACT
    evidence: Span | None = None

    def bounds(self) -> tuple[Decimal, Decimal | None]:
        """The interval the hedged amount stands for, as ``(low, high)``; ``high`` is None if unbounded.

        "über 17 Mrd." is at least 17 bn with no upper bound; "rund 22 Mrd." is taken as ±10 %;
        "bis zu 5 Mio." is 0 .. 5 m.
        """
        a = self.amount
        if self.qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
            return a, None
        if self.qualifier is Qualifier.ABOUT:
            return a * Decimal("0.9"), a * Decimal("1.1")
        if self.qualifier is Qualifier.UP_TO:
            return Decimal(0), a
        return a, a

    def __str__(self) -> str:
        hedge = {
            Qualifier.EXACT: "",
            Qualifier.MORE_THAN: "> ",
            Qualifier.ABOUT: "~ ",
            Qualifier.UP_TO: "<= ",
            Qualifier.AT_LEAST: ">= ",
        }[self.qualifier]
        return f"{hedge}{_human(self.amount)} {self.currency}"


def _human(amount: Decimal) -> str:
    for scale, word in ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m")):
        if abs(amount) >= scale:
            return f"{(amount / scale).normalize():f} {word}"
    return f"{amount.normalize():f}"


@attrs.frozen
class Country:
    """A state, by its ISO 3166-1 alpha-2 code."""

    code: str

    def __str__(self) -> str:
        return self.code


@attrs.frozen
class Person:
    """A person: canonical name (English for known leaders), their state, and the forms seen."""

    name: str
    country: str | None = None
    mentions: tuple[str, ...] = attrs.field(default=(), eq=False)

    @property
    def surname(self) -> str:
        """The last word of the canonical name."""
        return self.name.split()[-1] if self.name.split() else self.name

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class Organization:
    """An organization or summit format by key (``CIS``, ``C5+1``, ``SCO``, ``EU``, ``OTHER``, …)."""

    key: str

    def __str__(self) -> str:
        return self.key


@attrs.frozen
class Place:
    """A venue: a city by its English exonym, and its state."""

    city: str | None = None
    country: str | None = None

    def __str__(self) -> str:
        return ", ".join(x for x in (self.city, self.country) if x) or "?"


#: Who a statement is attributed to: a person, a state, or a body (organization, ministry of a bloc).
Speaker: TypeAlias = Person | Country | Organization


@attrs.frozen
class Summit:
    """A multilateral gathering of heads of state or government, as one article reports it."""

    _repr_html_ = _repr_html_

    name: str
    organization: str | None = None
    city: str | None = None
    country: str | None = None
    date: PartialDate | None = None
    chair: Person | None = None
    countries: tuple[str, ...] = ()
    leaders: tuple[Person, ...] = ()
    topics: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()

    @property
    def venue(self) -> Place:
        """City and country as one :class:`Place`."""
        return Place(self.city, self.country)


@attrs.frozen
class Meeting:
    """A named encounter between leaders: talks, a visit or a call, possibly on a summit's sidelines."""

    _repr_html_ = _repr_html_

    participants: tuple[Person, ...]
    kind: MeetingKind = MeetingKind.BILATERAL
    summit: int | None = None
    city: str | None = None
    country: str | None = None
    date: PartialDate | None = None
    topics: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()

    @property
    def venue(self) -> Place:
        """City and country as one :class:`Place`."""
        return Place(self.city, self.country)


@attrs.frozen
class Agreement:
    """Documents signed or adopted, or deals concluded."""

    _repr_html_ = _repr_html_

    kind: AgreementKind
    count: Count = None
    parties: tuple[str, ...] = ()
    value: Money | None = None
    sectors: tuple[str, ...] = ()
    summit: int | None = None
    name: str | None = None
    evidence: tuple[Span, ...] = ()


@attrs.frozen
class Statement:
    """One reporting verb: who said, demanded, proposed or warned what."""

    _repr_html_ = _repr_html_

    speaker: Speaker
    act: Act
    evidence: Span
    direct_quote: bool = False
    quote: str | None = None
    content: str = ""
    summit: int | None = None
    verb: str = ""

    @property
    def cameo(self) -> str:
        """The CAMEO event code of the speech act."""
        return CAMEO[self.act]


@attrs.frozen
class Article:
    """One news article: its text (offsets into it are exact) and what its header and layout say."""

    id: str
    text: str
    source: str | None = None
    published: PartialDate | None = None
    outlet: str | None = None
    language: str = "de"
    paragraphs: tuple[Span, ...] = ()
    subheadings: tuple[Span, ...] = ()

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``text[start:end]``."""
        return Span.of(self.text, start, end)


@attrs.frozen
class Extraction:
    """Everything extracted from one article: the records of the JSON contract."""

    article: Article
    summits: tuple[Summit, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    money: tuple[Money, ...] = ()
    statements: tuple[Statement, ...] = ()
