"""The tabular shape of each record class: one column spec shared by the pandas and Arrow exporters.

Each column has a name, a kind and a getter ``(record, provenance) -> value``. Kinds:

====== ========================================= ===============================
kind   pandas dtype                              Arrow type
====== ========================================= ===============================
str    ``string``                                ``string``
cat    ``category``                              ``dictionary<int32, string>``
date   ``datetime64[ns]``                        ``date32``
float  ``float64`` (NaN for missing)             ``float64``
int    ``Int64`` (nullable)                      ``int64``
bool   ``boolean`` (nullable)                    ``bool``
list   ``object`` (lists of str)                 ``list<string>``
====== ========================================= ===============================

Money is a float ``value`` (for plotting and sums) plus its exact decimal string ``value_exact`` and the
``value_low``/``value_high`` bounds of its hedge (``value_high`` missing when open above).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeAlias

from summitlib._aggregate import speaker_label
from summitlib._provenance import Provenance
from summitlib._selection import Selection, _date_source, _effective_date
from summitlib.model import Agreement, Article, Country, Meeting, Money, Person, Statement, Summit

__all__ = ["Column", "Kind", "columns"]

Kind: TypeAlias = Literal["str", "cat", "date", "float", "int", "bool", "list"]
Getter: TypeAlias = Callable[[Any, Provenance | None], object]
Column: TypeAlias = tuple[str, Kind, Getter]


def _money(get: Callable[[Any], Money | None]) -> list[Column]:
    def bound(i: int) -> Getter:
        def g(r: Any, p: Provenance | None) -> object:
            m = get(r)
            if m is None:
                return None
            b = m.bounds()[i]
            return float(b) if b is not None else None

        return g

    return [
        ("value", "float", lambda r, p: float(m.amount) if (m := get(r)) else None),
        ("value_exact", "str", lambda r, p: format(m.amount, "f") if (m := get(r)) else None),
        ("currency", "cat", lambda r, p: m.currency if (m := get(r)) else None),
        ("qualifier", "cat", lambda r, p: m.qualifier.value if (m := get(r)) else None),
        ("value_low", "float", bound(0)),
        ("value_high", "float", bound(1)),
    ]


_SOURCE: list[Column] = [
    ("source", "str", lambda r, p: p.article if p else None),
    ("n_sources", "int", lambda r, p: len(p.sources) if p else None),
]

_DATE: list[Column] = [
    ("date", "date", lambda r, p: d.start if (d := _effective_date(r, p)) else None),
    ("date_end", "date", lambda r, p: d.end if (d := _effective_date(r, p)) else None),
    ("date_precision", "cat", lambda r, p: d.precision.value if (d := _effective_date(r, p)) else None),
    ("date_source", "cat", _date_source),
]


def _summit_field(name: str) -> Getter:
    return lambda r, p: getattr(p.summit, name) if p is not None and p.summit is not None else None


def _speaker_country(s: object) -> str | None:
    if isinstance(s, Country):
        return s.code
    if isinstance(s, Person):
        return s.country
    return None


def _speaker_kind(s: object) -> str:
    return "person" if isinstance(s, Person) else "country" if isinstance(s, Country) else "organization"


def _count(r: Agreement) -> int | None:
    return r.count if isinstance(r.count, int) else None


SPECS: dict[type, list[Column]] = {
    Summit: [
        ("name", "str", lambda r, p: r.name),
        ("organization", "cat", lambda r, p: r.organization),
        ("city", "cat", lambda r, p: r.city),
        ("country", "cat", lambda r, p: r.country),
        *_DATE,
        ("chair", "str", lambda r, p: r.chair.name if r.chair else None),
        ("countries", "list", lambda r, p: list(r.countries)),
        ("leaders", "list", lambda r, p: [x.name for x in r.leaders]),
        ("topics", "list", lambda r, p: list(r.topics)),
        *_SOURCE,
    ],
    Meeting: [
        ("kind", "cat", lambda r, p: r.kind.value),
        ("participants", "list", lambda r, p: [x.name for x in r.participants]),
        ("countries", "list", lambda r, p: [x.country for x in r.participants if x.country]),
        ("summit", "int", lambda r, p: r.summit),
        ("organization", "cat", _summit_field("organization")),
        ("city", "cat", lambda r, p: r.city),
        ("country", "cat", lambda r, p: r.country),
        *_DATE,
        ("topics", "list", lambda r, p: list(r.topics)),
        *_SOURCE,
    ],
    Agreement: [
        ("kind", "cat", lambda r, p: r.kind.value),
        ("count", "int", lambda r, p: _count(r)),
        ("several", "bool", lambda r, p: r.count == "several"),
        ("parties", "list", lambda r, p: list(r.parties)),
        *_money(lambda r: r.value),
        ("sectors", "list", lambda r, p: list(r.sectors)),
        ("name", "str", lambda r, p: r.name),
        ("summit", "int", lambda r, p: r.summit),
        ("organization", "cat", _summit_field("organization")),
        *_DATE,
        *_SOURCE,
    ],
    Statement: [
        ("speaker", "str", lambda r, p: speaker_label(r.speaker)),
        ("speaker_kind", "cat", lambda r, p: _speaker_kind(r.speaker)),
        ("speaker_country", "cat", lambda r, p: _speaker_country(r.speaker)),
        ("act", "cat", lambda r, p: r.act.value),
        ("cameo", "cat", lambda r, p: r.cameo),
        ("direct_quote", "bool", lambda r, p: r.direct_quote),
        ("quote", "str", lambda r, p: r.quote),
        ("content", "str", lambda r, p: r.content),
        ("verb", "str", lambda r, p: r.verb),
        ("summit", "int", lambda r, p: r.summit),
        ("organization", "cat", _summit_field("organization")),
        *_DATE,
        *_SOURCE,
    ],
    Money: [
        *_money(lambda r: r),
        ("text", "str", lambda r, p: r.evidence.text if r.evidence else None),
        *_DATE,
        *_SOURCE,
    ],
    Article: [
        ("id", "str", lambda r, p: r.id),
        ("source_path", "str", lambda r, p: r.source),
        ("published", "date", lambda r, p: r.published.start if r.published else None),
        ("outlet", "cat", lambda r, p: r.outlet),
        ("language", "cat", lambda r, p: r.language),
        ("length", "int", lambda r, p: len(r.text)),
    ],
}


def columns(selection: Selection[Any]) -> tuple[list[tuple[str, Kind]], dict[str, list[object]]]:
    """The columns of a selection: their names and kinds, and their values.

    Args:
        selection: a selection of model records (all of one class).

    Returns:
        ``(schema, data)``: the ``(name, kind)`` pairs in order, and the values per column name.

    Raises:
        TypeError: for records of a class without a tabular shape.
    """
    rtype = selection.record_type
    if rtype is None:
        return [], {}
    spec = next((cols for cls, cols in SPECS.items() if issubclass(rtype, cls)), None)
    if spec is None:
        raise TypeError(f"no tabular form for {rtype.__name__} records")
    pairs = list(selection.entries())
    schema = [(name, kind) for name, kind, _ in spec]
    data = {name: [get(r, p) for r, p in pairs] for name, _, get in spec}
    return schema, data
