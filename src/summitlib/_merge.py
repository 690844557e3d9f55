"""Merging what several articles report into one record per summit, meeting and agreement.

Rules
-----
Sources are ordered by publication date (earliest first; undated last), then by input order; the
first source wins a field, and every disagreement is kept as :class:`~summitlib.Alternative` values.

Summits are the same summit when their dates are compatible and either

- they have the same organization (neither ``OTHER``) and a compatible venue, or
- their folded names are close (``difflib`` ratio ≥ 0.85) and their venues and organizations do not
  conflict.

Compatible dates: both text dates overlap; a summit without a text date is compared through its
article's publication date, which must lie within 31 days of the other's date. Compatible venues:
equal cities and countries where both give one.

The merged summit takes the union of countries, leaders (by name; surface forms merged) and topics,
the most precise text date (day before month before year; other values at that precision are
alternatives), and the evidence of its first source (:attr:`Provenance.evidence` holds every
source's spans). A summit no source dates is dated by its earliest source's publication date, with
``date_source="publication"``.

Meetings are the same meeting when their participants are the same people and they belong to the same
merged summit, or (outside summits) their effective dates overlap, or one is on a summit's sidelines and
the other, placed nowhere, is dated (or published) within 31 days of that summit. Agreements are
deduplicated when articles report one with the same summit, kind, count, parties and value.
Statements and money are kept per article (reports phrase them differently).

In the merged corpus, the ``summit`` field of meetings, agreements and statements indexes
``corpus.summits``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING, Any

import attrs

from summitlib._provenance import Alternative, DateSource, Provenance
from summitlib._query_names import fold
from summitlib._selection import Selection
from summitlib.model import (
    Agreement,
    Extraction,
    Meeting,
    Money,
    PartialDate,
    Person,
    Precision,
    Span,
    Statement,
    Summit,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Merged", "merge"]

NAME_SIMILARITY = 0.85
PUBLICATION_WINDOW = dt.timedelta(days=31)
_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


@attrs.frozen
class Merged:
    """The records of many articles, merged across sources, each with its provenance."""

    summits: Selection[Summit]
    meetings: Selection[Meeting]
    agreements: Selection[Agreement]
    statements: Selection[Statement]
    money: Selection[Money]


@attrs.frozen
class _Occurrence:
    record: Any
    source: str
    published: PartialDate | None
    order: tuple[int, int]

    @property
    def sort_key(self) -> tuple[bool, dt.date, tuple[int, int]]:
        p = self.published
        return (p is None, p.start if p is not None else dt.date.min, self.order)


# ---------------------------------------------------------------------- compatibility
def _gap(a: PartialDate, b: PartialDate) -> dt.timedelta:
    if a.start <= b.end and b.start <= a.end:
        return dt.timedelta(0)
    return b.start - a.end if a.end < b.start else a.start - b.end


def _dates_compatible(a: _Occurrence, b: _Occurrence) -> bool:
    da, db = a.record.date, b.record.date
    if da is not None and db is not None:
        return bool(_gap(da, db) == dt.timedelta(0))
    xa, xb = da or a.published, db or b.published
    if xa is None or xb is None:
        return True
    return _gap(xa, xb) <= PUBLICATION_WINDOW


def _agree(x: str | None, y: str | None) -> bool:
    return x is None or y is None or fold(x) == fold(y)


def same_summit(a: _Occurrence, b: _Occurrence) -> bool:
    """Whether two summit occurrences report the same summit (see the module docstring)."""
    sa: Summit = a.record
    sb: Summit = b.record
    if sa.organization and sb.organization and sa.organization != sb.organization:
        return False
    if not (_agree(sa.city, sb.city) and _agree(sa.country, sb.country)):
        return False
    if not _dates_compatible(a, b):
        return False
    if sa.organization and sa.organization == sb.organization and sa.organization != "OTHER":
        return True
    ratio = difflib.SequenceMatcher(None, fold(sa.name), fold(sb.name)).ratio()
    return ratio >= NAME_SIMILARITY


def _clusters(occurrences: Sequence[_Occurrence], same: Any) -> list[list[int]]:
    """Union-find over pairs ``same(a, b)``; clusters listed by first member."""
    parent = list(range(len(occurrences)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(occurrences)):
        for j in range(i):
            if find(i) != find(j) and same(occurrences[j], occurrences[i]):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(occurrences)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


# ---------------------------------------------------------------------- field merging
def _pick(field: str, members: Sequence[_Occurrence], alternatives: list[Alternative]) -> Any:
    """The first non-None value of ``field``; all distinct values kept as alternatives on conflict."""
    seen: list[tuple[Any, str]] = []
    for occ in members:
        value = getattr(occ.record, field)
        if value is not None and all(not _same_value(value, v) for v, _ in seen):
            seen.append((value, occ.source))
    if len(seen) > 1:
        alternatives.extend(Alternative(field, v, s) for v, s in seen)
    return seen[0][0] if seen else None


def _same_value(x: object, y: object) -> bool:
    if isinstance(x, str) and isinstance(y, str):
        return fold(x) == fold(y)
    if isinstance(x, Person) and isinstance(y, Person):
        return fold(x.name) == fold(y.name)
    return x == y


def _pick_date(members: Sequence[_Occurrence], alternatives: list[Alternative]) -> PartialDate | None:
    dated: list[tuple[PartialDate, str]] = [(o.record.date, o.source) for o in members if o.record.date]
    if not dated:
        return None
    best = min(dated, key=lambda ds: _PRECISION_RANK[ds[0].precision])[0]
    # a coarser date the best one refines (a month around a day) is no conflict; another value at the
    # same precision (a day against a range of days) is
    if any(d != best and d.precision is best.precision for d, _ in dated):
        distinct: list[tuple[PartialDate, str]] = []
        for d, s in dated:
            if d.precision is best.precision and all(d != e for e, _ in distinct):
                distinct.append((d, s))
        alternatives.extend(Alternative("date", d, s) for d, s in distinct)
    return best


def _union_people(groups: Sequence[tuple[Person, ...]]) -> tuple[Person, ...]:
    merged: dict[str, Person] = {}
    for people in groups:
        for p in people:
            key = fold(p.name)
            if key in merged:
                old = merged[key]
                mentions = tuple(dict.fromkeys((*old.mentions, *p.mentions)))
                merged[key] = attrs.evolve(old, country=old.country or p.country, mentions=mentions)
            else:
                merged[key] = p
    return tuple(merged.values())


def _union(groups: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for g in groups for x in g))


def _first_evidence(members: Sequence[_Occurrence]) -> tuple[Span, ...]:
    """The evidence of every member from the first source, in text order."""
    spans = {s for o in members if o.source == members[0].source for s in o.record.evidence}
    return tuple(sorted(spans))


def _evidence(members: Sequence[_Occurrence]) -> tuple[tuple[str, tuple[Span, ...]], ...]:
    if len(members) < 2:
        return ()
    return tuple((o.source, tuple(o.record.evidence)) for o in members)


def _merge_summits(members: Sequence[_Occurrence]) -> tuple[Summit, Provenance]:
    alternatives: list[Alternative] = []
    date = _pick_date(members, alternatives)
    date_source: DateSource | None = "text" if date is not None else None
    if date is None:
        date = next((o.published for o in members if o.published is not None), None)
        date_source = "publication" if date is not None else None
    summit = Summit(
        name=_pick("name", members, alternatives),
        organization=_pick("organization", members, alternatives),
        city=_pick("city", members, alternatives),
        country=_pick("country", members, alternatives),
        date=date,
        chair=_pick("chair", members, alternatives),
        countries=_union([o.record.countries for o in members]),
        leaders=_union_people([o.record.leaders for o in members]),
        topics=_union([o.record.topics for o in members]),
        evidence=_first_evidence(members),
    )
    prov = Provenance(
        sources=tuple(dict.fromkeys(o.source for o in members)),
        date=date,
        date_source=date_source,
        alternatives=tuple(alternatives),
        evidence=_evidence(members),
    )
    return summit, prov


# ---------------------------------------------------------------------- the merge
def merge(extractions: Sequence[Extraction]) -> Merged:
    """Merge the records of many articles (see the module docstring for the rules).

    Args:
        extractions: one :class:`~summitlib.Extraction` per article, in input order.

    Returns:
        Selections of merged summits and meetings, deduplicated agreements, and the statements and
        money of every article, each record with its :class:`~summitlib.Provenance`.
    """
    # -- summits
    occurrences = sorted(
        (
            _Occurrence(s, ex.article.id, ex.article.published, (e, i))
            for e, ex in enumerate(extractions)
            for i, s in enumerate(ex.summits)
        ),
        key=lambda o: o.sort_key,
    )
    summit_index: dict[tuple[int, int], int] = {}
    summits: list[Summit] = []
    summit_provs: list[Provenance] = []
    clusters = _clusters(occurrences, same_summit)
    clusters.sort(key=lambda c: min(occurrences[i].order for i in c))  # corpus order: first report
    for cluster in clusters:
        members = [occurrences[i] for i in cluster]
        summit, prov = _merge_summits(members)
        for o in members:
            summit_index[o.order] = len(summits)
        summits.append(summit)
        summit_provs.append(prov)

    def local(e: int, idx: int | None) -> int | None:
        return summit_index.get((e, idx)) if idx is not None else None

    shared: dict[tuple[str, int | None], Provenance] = {}

    def article_prov(ex: Extraction, s: int | None) -> Provenance:
        key = (ex.article.id, s)
        if key not in shared:
            summit = summits[s] if s is not None else None
            date = summit.date if summit is not None else ex.article.published
            source: DateSource | None = "summit" if summit is not None else "publication"
            shared[key] = Provenance((ex.article.id,), date, source if date is not None else None, summit)
        return shared[key]

    meetings, meeting_provs = _merge_meetings(extractions, local, summits, article_prov)

    # -- agreements: deduplicated across articles
    agreement_groups: dict[tuple[object, ...], list[tuple[Agreement, Extraction]]] = {}
    agreement_order: list[tuple[object, ...]] = []
    for e, ex in enumerate(extractions):
        for n, a in enumerate(ex.agreements):
            s = local(e, a.summit)
            record = a if s == a.summit else attrs.evolve(a, summit=s)
            key: tuple[object, ...] = (
                ("single", e, n) if s is None else (s, a.kind, a.count, frozenset(a.parties), _money_key(a.value))
            )
            if key not in agreement_groups:
                agreement_order.append(key)
            agreement_groups.setdefault(key, []).append((record, ex))
    agreements: list[Agreement] = []
    agreement_provs: list[Provenance] = []
    for key in agreement_order:
        group = agreement_groups[key]
        ids = [ex.article.id for _, ex in group]
        if len(set(ids)) == len(ids) and len(ids) > 1:
            base = article_prov(group[0][1], group[0][0].summit)
            agreements.append(group[0][0])
            agreement_provs.append(attrs.evolve(base, sources=tuple(ids)))
        else:
            for record, ex in group:
                agreements.append(record)
                agreement_provs.append(article_prov(ex, record.summit))

    # -- statements and money: per article
    statements: list[Statement] = []
    statement_provs: list[Provenance] = []
    money: list[Money] = []
    money_provs: list[Provenance] = []
    for e, ex in enumerate(extractions):
        for st in ex.statements:
            s = local(e, st.summit)
            statements.append(st if s == st.summit else attrs.evolve(st, summit=s))
            statement_provs.append(article_prov(ex, s))
        for m in ex.money:
            money.append(m)
            money_provs.append(article_prov(ex, None))

    return Merged(
        summits=Selection(summits, summit_provs, record_type=Summit),
        meetings=Selection(meetings, meeting_provs, record_type=Meeting),
        agreements=Selection(agreements, agreement_provs, record_type=Agreement),
        statements=Selection(statements, statement_provs, record_type=Statement),
        money=Selection(money, money_provs, record_type=Money),
    )


def _money_key(m: Money | None) -> tuple[object, ...] | None:
    return None if m is None else (m.amount, m.currency, m.qualifier)


def _merge_meetings(
    extractions: Sequence[Extraction], local: Any, summits: Sequence[Summit], article_prov: Any
) -> tuple[list[Meeting], list[Provenance]]:
    occurrences: list[_Occurrence] = []
    for e, ex in enumerate(extractions):
        for i, m in enumerate(ex.meetings):
            s = local(e, m.summit)
            record = m if s == m.summit else attrs.evolve(m, summit=s)
            occurrences.append(_Occurrence(record, ex.article.id, ex.article.published, (e, i)))
    occurrences.sort(key=lambda o: o.sort_key)

    def effective(m: Meeting) -> PartialDate | None:
        if m.date is not None:
            return m.date
        return summits[m.summit].date if m.summit is not None else None

    def same(a: _Occurrence, b: _Occurrence) -> bool:
        ma: Meeting = a.record
        mb: Meeting = b.record
        if {fold(p.name) for p in ma.participants} != {fold(p.name) for p in mb.participants}:
            return False
        if ma.summit is not None and mb.summit is not None:
            return ma.summit == mb.summit
        da, db = effective(ma), effective(mb)
        if ma.summit is None and mb.summit is None:
            return da is not None and db is not None and _gap(da, db) == dt.timedelta(0)
        # one on a summit's sidelines, the other not placed: same when the unplaced one's date (or its
        # article's publication date) lies within the publication window of the summit
        xa, xb = da or a.published, db or b.published
        return xa is not None and xb is not None and _gap(xa, xb) <= PUBLICATION_WINDOW

    clusters = _clusters(occurrences, same)
    clusters.sort(key=lambda c: min(occurrences[i].order for i in c))
    meetings: list[Meeting] = []
    provs: list[Provenance] = []
    for cluster in clusters:
        members = [occurrences[i] for i in cluster]
        first: Meeting = members[0].record
        ex = extractions[members[0].order[0]]
        alternatives: list[Alternative] = []
        if len(members) == 1:
            record = first
        else:
            record = Meeting(
                participants=_union_people([o.record.participants for o in members]),
                kind=_pick("kind", members, alternatives),
                summit=next((o.record.summit for o in members if o.record.summit is not None), None),
                city=_pick("city", members, alternatives),
                country=_pick("country", members, alternatives),
                date=_pick_date(members, alternatives),
                topics=_union([o.record.topics for o in members]),
                evidence=_first_evidence(members),
            )
        base = article_prov(ex, record.summit)
        date, source = base.date, base.date_source
        if record.date is not None:
            date, source = record.date, "text"
        prov = Provenance(
            sources=tuple(dict.fromkeys(o.source for o in members)),
            date=date,
            date_source=source,
            summit=base.summit,
            alternatives=tuple(alternatives),
            evidence=_evidence(members),
        )
        meetings.append(record)
        provs.append(prov)
    return meetings, provs
