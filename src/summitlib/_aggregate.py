"""Aggregations behind :class:`~summitlib.query.Selection`: counts, bounded totals, networks."""

from __future__ import annotations

import itertools
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from summitlib.errors import ExtraError
from summitlib.model import Agreement, Country, Meeting, Money, Organization, Person, Statement, Summit

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    import networkx

    from summitlib._provenance import Provenance
    from summitlib._selection import ValueRange

__all__ = ["co_attendance_network", "count_by", "meeting_network", "speaker_label", "total_value"]


def speaker_label(speaker: object) -> str:
    """How a speaker is named in counts and tables: a person's name, a state's code, a body's key."""
    if isinstance(speaker, Person):
        return speaker.name
    if isinstance(speaker, Country):
        return speaker.code
    if isinstance(speaker, Organization):
        return speaker.key
    return str(speaker)


def _countries(r: object) -> tuple[str, ...]:
    if isinstance(r, Summit):
        extra = [p.country for p in (*r.leaders, *((r.chair,) if r.chair else ())) if p.country]
        return tuple(dict.fromkeys((*r.countries, *extra)))
    if isinstance(r, Meeting):
        return tuple(dict.fromkeys(p.country for p in r.participants if p.country))
    if isinstance(r, Agreement):
        return r.parties
    if isinstance(r, Statement):
        s = r.speaker
        code = s.code if isinstance(s, Country) else s.country if isinstance(s, Person) else None
        return (code,) if code else ()
    return ()


def _organization(r: object, p: Provenance | None) -> str | None:
    if isinstance(r, Summit):
        return r.organization
    return p.summit.organization if p is not None and p.summit is not None else None


def _date_part(r: object, p: Provenance | None, part: str) -> str | None:
    from summitlib._selection import _effective_date

    d = _effective_date(r, p)
    if d is None:
        return None
    return f"{d.start.year:04d}" if part == "year" else f"{d.start.year:04d}-{d.start.month:02d}"


_KEYS: dict[str, Callable[[Any, Provenance | None], object]] = {
    "speaker": lambda r, p: speaker_label(r.speaker) if isinstance(r, Statement) else None,
    "act": lambda r, p: r.act.value if isinstance(r, Statement) else None,
    "topic": lambda r, p: r.topics if isinstance(r, Summit | Meeting) else (),
    "country": lambda r, p: _countries(r),
    "organization": _organization,
    "kind": lambda r, p: r.kind.value if isinstance(r, Meeting | Agreement) else None,
    "sector": lambda r, p: r.sectors if isinstance(r, Agreement) else (),
    "party": lambda r, p: r.parties if isinstance(r, Agreement) else (),
    "leader": lambda r, p: (
        tuple(x.name for x in r.leaders)
        if isinstance(r, Summit)
        else tuple(x.name for x in r.participants)
        if isinstance(r, Meeting)
        else ()
    ),
    "source": lambda r, p: p.sources if p is not None else (),
    "year": lambda r, p: _date_part(r, p, "year"),
    "month": lambda r, p: _date_part(r, p, "month"),
}


def count_by(
    records: Sequence[object], provenance: Sequence[Provenance | None], key: str | Callable[[Any], Any]
) -> Counter[Any]:
    """Count records by a named key, an attribute, or a callable (lists and tuples count per element).

    Args:
        records: the records.
        provenance: their provenance, in the same order.
        key: see :meth:`summitlib.query.Selection.count_by`.

    Returns:
        The counts; None keys are not counted.
    """
    if isinstance(key, str):
        get = _KEYS.get(key)
        if get is None:
            name = key
            get = lambda r, p: getattr(r, name, None)  # noqa: E731
    else:
        fn = key
        get = lambda r, p: fn(r)  # noqa: E731
    counts: Counter[Any] = Counter()
    for r, p in zip(records, provenance, strict=True):
        value = get(r, p)
        if isinstance(value, list | tuple | set | frozenset):
            counts.update(v for v in value if v is not None)
        elif value is not None:
            counts[value] += 1
    return counts


def total_value(records: Iterable[object], currency: str) -> ValueRange:
    """Sum hedged amounts into a :class:`~summitlib.query.ValueRange`.

    Args:
        records: agreements (their ``value``) and/or money amounts.
        currency: ISO 4217 code.

    Returns:
        The bounded total.
    """
    from summitlib._selection import ValueRange

    cur = currency.upper()
    low, high = Decimal(0), Decimal(0)
    open_above = False
    count = skipped = 0
    for r in records:
        money = r if isinstance(r, Money) else r.value if isinstance(r, Agreement) else None
        if money is None or money.currency != cur:
            skipped += 1
            continue
        lo, hi = money.bounds()
        low += lo
        if hi is None:
            open_above = True
        else:
            high += hi
        count += 1
    return ValueRange(low, None if open_above else high, cur, count, skipped)


def _networkx(feature: str) -> Any:
    try:
        import networkx
    except ImportError as exc:
        raise ExtraError(feature, "network", "networkx") from exc
    return networkx


def co_attendance_network(summits: Iterable[object], *, by: str = "country") -> networkx.Graph[str]:
    """Who attended summits together.

    Args:
        summits: summits (other records are ignored).
        by: ``"country"`` or ``"leader"``.

    Returns:
        A graph; nodes carry ``summits`` (how many they attended), edges ``weight`` and ``summits``.

    Raises:
        ExtraError: without networkx.
        ValueError: for an unknown ``by``.
    """
    if by not in ("country", "leader"):
        raise ValueError(f"by must be 'country' or 'leader', not {by!r}")
    nx = _networkx("a co-attendance network")
    graph: networkx.Graph[str] = nx.Graph()
    for s in summits:
        if not isinstance(s, Summit):
            continue
        if by == "country":
            members: list[str] = list(_countries(s))
        else:
            people = (*s.leaders, *((s.chair,) if s.chair else ()))
            members = list(dict.fromkeys(p.name for p in people))
        for m in members:
            if m not in graph:
                graph.add_node(m, summits=0)
            graph.nodes[m]["summits"] += 1
        for a, b in itertools.combinations(sorted(members), 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["summits"].append(s.name)
            else:
                graph.add_edge(a, b, weight=1, summits=[s.name])
    return graph


def meeting_network(meetings: Iterable[object]) -> networkx.Graph[str]:
    """Who met whom.

    Args:
        meetings: meetings (other records are ignored).

    Returns:
        A graph over person names; nodes carry ``country``, edges ``weight`` and ``kinds``.

    Raises:
        ExtraError: without networkx.
    """
    nx = _networkx("a meeting network")
    graph: networkx.Graph[str] = nx.Graph()
    for m in meetings:
        if not isinstance(m, Meeting):
            continue
        for person in m.participants:
            if person.name not in graph:
                graph.add_node(person.name, country=person.country)
        names = sorted({p.name for p in m.participants})
        for a, b in itertools.combinations(names, 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["kinds"].append(m.kind.value)
            else:
                graph.add_edge(a, b, weight=1, kinds=[m.kind.value])
    return graph
