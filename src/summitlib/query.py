"""Composable predicates and chainable selections: the query helpers of summitlib.

Predicates (:class:`Predicate`) are frozen callable values built by the factories of :data:`q` and
composed with ``&``, ``|`` and ``~`` (or their named twins :meth:`Predicate.and_`,
:meth:`Predicate.or_`, :meth:`Predicate.not_`). Each is a plain callable, usable with ``filter()``::

    >>> from summitlib.query import q
    >>> q.attended_by("KZ") & ~q.between("2025-10-01", "2025-11-30")
    (AND: attended_by('KZ'), NOT between('2025-10-01', '2025-11-30'))

:class:`Selection` is an immutable, typed sequence of records with ``where``, ``sort_by``,
``group_by``, aggregations and exporters.

Algebra
-------
``q.all()`` is the identity of ``&`` and absorbs ``|``; same-operator nesting flattens
(``(a & b) & c`` is ``(AND: a, b, c)``); ``~~p`` is ``p``. Operators return ``NotImplemented`` for
operands that are not predicates, and ``bool(p)`` raises ``TypeError`` (use ``&`` instead of ``and``).

Records and provenance
----------------------
A predicate is called as ``pred(record)`` or ``pred(record, provenance)``. :meth:`Selection.where`
passes each record's :class:`~summitlib.Provenance`, so that ``between`` on a statement uses the date
of its summit (or article) and ``organization`` on a meeting the organization of its summit. Called with
the record alone (``filter(pred, records)``), a predicate sees only what the record itself holds.

Matching rules of the factories
-------------------------------
- countries: an alpha-2 code (``"KZ"``) or a German or English name (``"Kasachstan"``, ``"Kazakhstan"``);
- persons: a surname matches the folded surname of the canonical name or of any surface form seen
  (``"Tokayev"`` and ``"Tokajew"`` both match Kassym-Jomart Tokayev); a full name matches whole;
- cities: German or English (``"Duschanbe"``, ``"Dushanbe"``); organizations by key or German
  abbreviation (``"CIS"``, ``"GUS"``);
- dates: ``between("2025-10", "2025-11")`` covers October 1 to November 30; a month-precision date
  matches when any day it can mean lies in the range.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from summitlib._predicate import ALL, Predicate, Test, combine
from summitlib._provenance import Alternative, DateSource, Provenance
from summitlib._query_names import city_name, country_code, fold, organization_key, person_matches
from summitlib._selection import Selection, TimelineEntry, ValueRange
from summitlib.model import (
    Act,
    Agreement,
    AgreementKind,
    Country,
    Meeting,
    MeetingKind,
    Money,
    Organization,
    PartialDate,
    Person,
    Statement,
    Summit,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Alternative",
    "DateSource",
    "Predicate",
    "Provenance",
    "Q",
    "Record",
    "Selection",
    "TimelineEntry",
    "ValueRange",
    "q",
]

#: The record classes a corpus holds and the predicates of :data:`q` understand.
Record: TypeAlias = Summit | Meeting | Agreement | Statement | Money

S = TypeVar("S")


# ====================================================================== factories
def _leaf(name: str, args: tuple[object, ...], test: Test) -> Predicate[Any]:
    label = f"{name}({', '.join(repr(a) for a in args)})"
    return Predicate(test, label, key=(name, args))


def _date_of(record: object, provenance: Provenance | None) -> PartialDate | None:
    own = record.date if isinstance(record, Summit | Meeting) else None
    if own is not None:
        return own
    return provenance.date if provenance is not None else None


def _venue(record: object, provenance: Provenance | None) -> tuple[str | None, str | None]:
    if isinstance(record, Summit | Meeting) and (record.city or record.country):
        return record.city, record.country
    summit = provenance.summit if provenance is not None else None
    if summit is not None and isinstance(record, Meeting | Agreement | Statement):
        return summit.city, summit.country
    return None, None


def _summit_of(record: object, provenance: Provenance | None) -> Summit | None:
    if isinstance(record, Summit):
        return record
    return provenance.summit if provenance is not None else None


@functools.lru_cache(maxsize=65536)
def _person_matches_forms(name: str, mentions: tuple[str, ...], who: str) -> bool:
    """:func:`person_matches`, cached by name and surface forms (persons repeat across records)."""
    return person_matches(Person(name, None, mentions), who)


def _person_or_country(who: str) -> Callable[[Person], bool]:
    code = country_code(who)
    if code is not None:
        return lambda person: person.country == code
    return lambda person: _person_matches_forms(person.name, person.mentions, who)


def _date_bound(value: str | dt.date | PartialDate, *, end: bool) -> dt.date:
    if isinstance(value, PartialDate):
        return value.end if end else value.start
    if isinstance(value, dt.date):
        return value
    parsed = PartialDate.parse(value)
    return parsed.end if end else parsed.start


def _show(value: str | dt.date | PartialDate) -> str:
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _money_of(record: object) -> Money | None:
    if isinstance(record, Money):
        return record
    if isinstance(record, Agreement):
        return record.value
    return None


class Q:
    """The predicate factories, available as :data:`summitlib.q`.

    Each factory returns a :class:`Predicate` typed by the records it understands; on other records
    it is false.
    """

    @staticmethod
    def all() -> Predicate[Any]:
        """The always-true predicate: the identity of ``&``.

        Returns:
            ``all()``.
        """
        return ALL

    @staticmethod
    def and_(*predicates: Predicate[S]) -> Predicate[S]:
        """All of the predicates (``q.and_()`` is ``q.all()``).

        Args:
            *predicates: predicates to conjoin.

        Returns:
            The flattened conjunction.

        Raises:
            TypeError: when an operand is not a Predicate.
        """
        return combine("and", predicates)

    @staticmethod
    def or_(*predicates: Predicate[S]) -> Predicate[S]:
        """Any of the predicates (at least one is needed).

        Args:
            *predicates: predicates to disjoin.

        Returns:
            The flattened disjunction.

        Raises:
            TypeError: without operands, or when an operand is not a Predicate.
        """
        if not predicates:
            raise TypeError("q.or_() needs at least one predicate")
        return combine("or", predicates)

    @staticmethod
    def not_(predicate: Predicate[S]) -> Predicate[S]:
        """The negation of ``predicate``.

        Args:
            predicate: the predicate to negate.

        Returns:
            ``~predicate``.
        """
        return predicate.not_()

    @staticmethod
    def attended_by(who: str) -> Predicate[Summit | Meeting | Agreement | Statement]:
        """Records a state or person took part in.

        Summits: the state is among the participants or chairs (or a leader of it attended); the person
        is a leader or the chair. Meetings: a participant. Agreements: a party (states only).
        Statements: the speaker.

        Args:
            who: an alpha-2 code, a country name (German or English), or a person's (sur)name.

        Returns:
            ``attended_by(who)``.
        """
        code = country_code(who)
        match_person = _person_or_country(who)

        def test(r: object, p: Provenance | None) -> bool:
            if isinstance(r, Summit):
                if code is not None and code in r.countries:
                    return True
                people = (*r.leaders, r.chair) if r.chair is not None else r.leaders
                return any(match_person(x) for x in people)
            if isinstance(r, Meeting):
                return any(match_person(x) for x in r.participants)
            if isinstance(r, Agreement):
                return code is not None and code in r.parties
            if isinstance(r, Statement):
                return _speaker_test(r.speaker, who, code)
            return False

        return _leaf("attended_by", (who,), test)

    @staticmethod
    def held_in(place: str) -> Predicate[Summit | Meeting | Agreement | Statement]:
        """Records held in a city or country (agreements, statements, unplaced meetings: their summit's).

        Args:
            place: a city (German or English) or a country (alpha-2 code or name).

        Returns:
            ``held_in(place)``.
        """
        code = country_code(place)
        city = fold(city_name(place))

        def test(r: object, p: Provenance | None) -> bool:
            r_city, r_country = _venue(r, p)
            if code is not None:
                return r_country == code
            return r_city is not None and (fold(r_city) == city or fold(city_name(r_city)) == city)

        return _leaf("held_in", (place,), test)

    @staticmethod
    def organization(key: str) -> Predicate[Summit | Meeting | Agreement | Statement]:
        """Summits of an organization or format (other records: their summit's).

        Args:
            key: an organization key or abbreviation (``"CIS"``, ``"GUS"``, ``"C5+1"``, ``"SCO"``).

        Returns:
            ``organization(key)``.
        """
        wanted = organization_key(key)

        def test(r: object, p: Provenance | None) -> bool:
            summit = _summit_of(r, p)
            return summit is not None and summit.organization == wanted

        return _leaf("organization", (key,), test)

    @staticmethod
    def between(
        start: str | dt.date | PartialDate, end: str | dt.date | PartialDate
    ) -> Predicate[Summit | Meeting | Agreement | Statement | Money]:
        """Records whose date overlaps ``start .. end`` (both inclusive).

        A partial bound covers its whole extent: ``between("2025-10", "2025-11")`` is October 1 to
        November 30. Records without a date of their own use their provenance's effective date.

        Args:
            start: first day, as ``YYYY[-MM[-DD]]``, a date, or a PartialDate.
            end: last day, likewise.

        Returns:
            ``between(start, end)``.

        Raises:
            ValueError: for a malformed date string or an end before the start.
        """
        lo, hi = _date_bound(start, end=False), _date_bound(end, end=True)
        if hi < lo:
            raise ValueError(f"between(): end {hi} is before start {lo}")

        def test(r: object, p: Provenance | None) -> bool:
            d = _date_of(r, p)
            return d is not None and d.start <= hi and lo <= d.end

        return _leaf("between", (_show(start), _show(end)), test)

    @staticmethod
    def speaker(who: str) -> Predicate[Statement]:
        """Statements by a person (surname or full name), a state (code or name) or a body (key).

        A state matches statements by the state itself and by persons of that state.

        Args:
            who: the speaker.

        Returns:
            ``speaker(who)``.
        """
        code = country_code(who)

        def test(r: object, p: Provenance | None) -> bool:
            return isinstance(r, Statement) and _speaker_test(r.speaker, who, code)

        return _leaf("speaker", (who,), test)

    @staticmethod
    def act(act: str | Act) -> Predicate[Statement]:
        """Statements of one speech act.

        Args:
            act: an :class:`~summitlib.Act` or its value (``"propose"``, ``"call_for"``, …).

        Returns:
            ``act(act)``.

        Raises:
            ValueError: for an unknown act (the message lists the known ones).
        """
        try:
            wanted = Act(act)
        except ValueError:
            known = ", ".join(a.value for a in Act)
            raise ValueError(f"unknown speech act {act!r}; known acts: {known}") from None
        return _leaf("act", (wanted.value,), lambda r, p: isinstance(r, Statement) and r.act is wanted)

    @staticmethod
    def kind(kind: str | MeetingKind | AgreementKind) -> Predicate[Meeting | Agreement]:
        """Meetings or agreements of one kind (``"bilateral"``, ``"call"``, ``"contract"``, …).

        Args:
            kind: a meeting kind or an agreement kind.

        Returns:
            ``kind(kind)``.
        """
        value = str(kind.value if isinstance(kind, MeetingKind | AgreementKind) else kind)

        def test(r: object, p: Provenance | None) -> bool:
            return isinstance(r, Meeting | Agreement) and r.kind.value == value

        return _leaf("kind", (value,), test)

    @staticmethod
    def topic(topic: str) -> Predicate[Summit | Meeting | Statement]:
        """Summits and meetings with a topic; statements whose content mentions it (folded).

        Args:
            topic: a topic (``"energy"``, ``"security"``) or, for statements, a word of the content.

        Returns:
            ``topic(topic)``.
        """
        wanted = fold(topic)

        def test(r: object, p: Provenance | None) -> bool:
            if isinstance(r, Summit | Meeting):
                return any(fold(t) == wanted for t in r.topics)
            if isinstance(r, Statement):
                return wanted in fold(r.content)
            return False

        return _leaf("topic", (topic,), test)

    @staticmethod
    def sector(sector: str) -> Predicate[Agreement]:
        """Agreements in a sector (``"energy"``, ``"mining"``, …).

        Args:
            sector: the sector.

        Returns:
            ``sector(sector)``.
        """
        wanted = fold(sector)

        def test(r: object, p: Provenance | None) -> bool:
            return isinstance(r, Agreement) and any(fold(s) == wanted for s in r.sectors)

        return _leaf("sector", (sector,), test)

    @staticmethod
    def between_leaders(a: str, b: str) -> Predicate[Meeting]:
        """Meetings in which both ``a`` and ``b`` took part (persons or states).

        Args:
            a: a person (surname or full name) or a state.
            b: another.

        Returns:
            ``between_leaders(a, b)``.
        """
        match_a, match_b = _person_or_country(a), _person_or_country(b)

        def test(r: object, p: Provenance | None) -> bool:
            if not isinstance(r, Meeting):
                return False
            found_a = [i for i, x in enumerate(r.participants) if match_a(x)]
            found_b = [i for i, x in enumerate(r.participants) if match_b(x)]
            return bool(found_a and found_b) and (len(set(found_a) | set(found_b)) > 1)

        return _leaf("between_leaders", (a, b), test)

    @staticmethod
    def party(state: str) -> Predicate[Agreement]:
        """Agreements to which a state is a party.

        Args:
            state: an alpha-2 code or a country name.

        Returns:
            ``party(state)``.
        """
        code = country_code(state) or state

        def test(r: object, p: Provenance | None) -> bool:
            return isinstance(r, Agreement) and code in r.parties

        return _leaf("party", (state,), test)

    @staticmethod
    def value_at_least(amount: int | str | Decimal, currency: str) -> Predicate[Agreement | Money]:
        """Agreements or amounts certainly worth at least ``amount`` in ``currency``.

        "Certainly": the lower bound of the hedged amount (:meth:`Money.bounds`) reaches ``amount``, so
        "über 17 Mrd." passes 17 bn and "rund 22 Mrd." (19.8 .. 24.2 bn) does not pass 20 bn.

        Args:
            amount: the threshold (an int, a decimal string or a Decimal; no floats).
            currency: ISO 4217 code.

        Returns:
            ``value_at_least(amount, currency)``.
        """
        threshold = Decimal(str(amount))
        cur = currency.upper()

        def test(r: object, p: Provenance | None) -> bool:
            money = _money_of(r)
            return money is not None and money.currency == cur and money.bounds()[0] >= threshold

        return _leaf("value_at_least", (str(amount), cur), test)

    @staticmethod
    def source(article_id: str) -> Predicate[Any]:
        """Records reported by one article (needs provenance, so use it with ``where``).

        Args:
            article_id: the article's id.

        Returns:
            ``source(article_id)``.
        """
        return _leaf("source", (article_id,), lambda r, p: p is not None and article_id in p.sources)


def _speaker_test(speaker: object, who: str, code: str | None) -> bool:
    if isinstance(speaker, Person):
        return (
            speaker.country == code if code is not None else _person_matches_forms(speaker.name, speaker.mentions, who)
        )
    if isinstance(speaker, Country):
        return speaker.code == code
    if isinstance(speaker, Organization):
        return speaker.key == organization_key(who)
    return False


#: The predicate factories: ``q.attended_by("KZ") & q.between("2025-10", "2025-11")``.
q = Q()
