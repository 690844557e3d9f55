"""Selection[T]: an immutable, typed, chainable sequence of records with their provenance."""

from __future__ import annotations

import operator
from decimal import Decimal
from itertools import compress
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar, overload

import attrs

from summitlib._predicate import Predicate
from summitlib.model import Agreement, Meeting, Money, PartialDate, Summit

if TYPE_CHECKING:
    import os
    from collections import Counter
    from collections.abc import Callable, Iterable, Iterator

    import networkx
    import pandas
    import pyarrow

    from summitlib._provenance import DateSource, Provenance

__all__ = ["Selection", "TimelineEntry", "ValueRange"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
K = TypeVar("K")
S = TypeVar("S")


@attrs.frozen
class ValueRange:
    """A total of hedged amounts as an interval ``low .. high`` (``high`` None: no upper bound).

    Attributes:
        low: the sum of the lower bounds (:meth:`~summitlib.Money.bounds`).
        high: the sum of the upper bounds, or None when any amount is open above ("über 17 Mrd.").
        currency: the ISO 4217 code summed.
        count: how many amounts were summed.
        skipped: how many records had no amount or one in another currency.
    """

    low: Decimal
    high: Decimal | None
    currency: str
    count: int = 0
    skipped: int = 0

    @property
    def exact(self) -> bool:
        """True when the total is a single number (no hedges)."""
        return self.high is not None and self.high == self.low

    def __contains__(self, amount: object) -> bool:
        if not isinstance(amount, int | Decimal):
            return False
        return self.low <= amount and (self.high is None or amount <= self.high)

    def __str__(self) -> str:
        def fmt(d: Decimal) -> str:
            for scale, word in ((Decimal(10) ** 9, " bn"), (Decimal(10) ** 6, " m")):
                if abs(d) >= scale:
                    return f"{(d / scale).quantize(Decimal('0.1')).normalize():f}{word}"
            return f"{d.normalize():f}"

        if self.high is None:
            return f">= {fmt(self.low)} {self.currency}"
        if self.exact:
            return f"{fmt(self.low)} {self.currency}"
        return f"{fmt(self.low)} .. {fmt(self.high)} {self.currency}"


@attrs.frozen
class TimelineEntry(Generic[T]):
    """One record on a timeline: its effective date, where the date comes from, a label."""

    date: PartialDate | None
    date_source: DateSource | None
    label: str
    record: T
    sources: tuple[str, ...] = ()


def _effective_date(record: object, provenance: Provenance | None) -> PartialDate | None:
    own = record.date if isinstance(record, Summit | Meeting) else None
    if own is not None:
        return own
    return provenance.date if provenance is not None else None


def _sortable(value: object) -> object:
    """A fast sort key: a PartialDate compares as ``(start, end)`` (attrs ordering is slow)."""
    if isinstance(value, PartialDate):
        return (value.start, value.end)
    return value


def _getter(key: str) -> Callable[[object, Provenance | None], Any]:
    if key == "date":
        return _effective_date
    if key in ("sources", "article", "date_source"):
        return lambda r, p: getattr(p, key) if p is not None else None
    attr = operator.attrgetter(key)
    return lambda r, p: attr(r)


class Selection(Generic[T_co]):
    """An immutable, typed sequence of records, each with its :class:`~summitlib.Provenance`.

    ``corpus.statements`` is a ``Selection[Statement]``; ``where``, ``sort_by``, slicing and the like
    return selections of the same type, so chains stay typed. Iteration yields the records; use
    :meth:`entries` for ``(record, provenance)`` pairs.

    Args:
        items: the records.
        provenance: one Provenance (or None) per record; all None when omitted.
        record_type: the record class, for an empty selection to know its columns.

    Raises:
        ValueError: when ``provenance`` and ``items`` differ in length.
    """

    __slots__ = ("_items", "_prov", "_type")

    _items: tuple[T_co, ...]
    _prov: tuple[Provenance | None, ...]
    _type: type | None

    def __init__(
        self,
        items: Iterable[T_co] = (),
        provenance: Iterable[Provenance | None] | None = None,
        *,
        record_type: type | None = None,
    ) -> None:
        records = tuple(items)
        provs = (None,) * len(records) if provenance is None else tuple(provenance)
        if len(provs) != len(records):
            raise ValueError(f"{len(records)} records but {len(provs)} provenance entries")
        object.__setattr__(self, "_items", records)
        object.__setattr__(self, "_prov", provs)
        object.__setattr__(self, "_type", record_type or (type(records[0]) if records else None))

    def _derive(self, items: tuple[T_co, ...], provs: tuple[Provenance | None, ...]) -> Selection[T_co]:
        new: Selection[T_co] = Selection.__new__(Selection)
        object.__setattr__(new, "_items", items)
        object.__setattr__(new, "_prov", provs)
        object.__setattr__(new, "_type", self._type)
        return new

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Selection is immutable; cannot set {name!r}")

    # ------------------------------------------------------------------ sequence protocol
    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T_co]:
        return iter(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    @overload
    def __getitem__(self, index: int) -> T_co: ...
    @overload
    def __getitem__(self, index: slice) -> Selection[T_co]: ...
    def __getitem__(self, index: int | slice) -> T_co | Selection[T_co]:
        if isinstance(index, slice):
            return self._derive(self._items[index], self._prov[index])
        return self._items[index]

    def __add__(self, other: Selection[S]) -> Selection[T_co | S]:
        if not isinstance(other, Selection):
            return NotImplemented
        return Selection((*self._items, *other._items), (*self._prov, *other._prov), record_type=self._type)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selection):
            return NotImplemented
        return self._items == other._items and self._prov == other._prov

    def __hash__(self) -> int:
        return hash((self._items, self._prov))

    @property
    def record_type(self) -> type | None:
        """The record class (None for an empty selection built without one)."""
        return self._type

    def entries(self) -> Iterator[tuple[T_co, Provenance | None]]:
        """Iterate over ``(record, provenance)`` pairs.

        Returns:
            An iterator of pairs, in selection order.
        """
        return zip(self._items, self._prov, strict=True)

    def provenance(self, index: int) -> Provenance | None:
        """The provenance of the record at ``index``.

        Args:
            index: a position in the selection.

        Returns:
            Its Provenance, or None for hand-built records.
        """
        return self._prov[index]

    def source(self, index: int) -> str | None:
        """The id of the (earliest) article that reports the record at ``index``.

        Args:
            index: a position in the selection.

        Returns:
            The article id, or None for hand-built records.
        """
        p = self._prov[index]
        return p.article if p is not None else None

    def first(self) -> T_co | None:
        """The first record, or None for an empty selection.

        Returns:
            The first record or None.
        """
        return self._items[0] if self._items else None

    # ------------------------------------------------------------------ chaining
    def where(self, predicate: Predicate[T_co] | Callable[[T_co], bool]) -> Selection[T_co]:
        """The records that satisfy ``predicate``.

        Args:
            predicate: a :class:`~summitlib.Predicate` (called with each record's provenance) or any
                one-argument callable.

        Returns:
            A selection of the same type, in the same order.
        """
        if isinstance(predicate, Predicate):
            mask = list(map(predicate._test, self._items, self._prov))
        else:
            mask = [bool(predicate(r)) for r in self._items]
        return self._derive(tuple(compress(self._items, mask)), tuple(compress(self._prov, mask)))

    def sort_by(self, key: str | Callable[[T_co], Any], *, reverse: bool = False) -> Selection[T_co]:
        """The records sorted by ``key``; records whose key is None come last.

        Args:
            key: a callable, or an attribute name (``"date"`` means the effective date, and
                ``"sources"``, ``"article"``, ``"date_source"`` read the provenance).
            reverse: sort descending (None keys still last).

        Returns:
            A sorted selection (stable).
        """
        get = _getter(key) if isinstance(key, str) else (lambda r, p: key(r))
        values: list[Any] = [_sortable(get(r, p)) for r, p in zip(self._items, self._prov, strict=True)]
        known = [i for i, v in enumerate(values) if v is not None]
        known.sort(key=values.__getitem__, reverse=reverse)
        order = known + [i for i, v in enumerate(values) if v is None]
        return self._derive(tuple(self._items[i] for i in order), tuple(self._prov[i] for i in order))

    @overload
    def group_by(self, key: Callable[[T_co], K]) -> dict[K, Selection[T_co]]: ...
    @overload
    def group_by(self, key: str) -> dict[Any, Selection[T_co]]: ...
    def group_by(self, key: str | Callable[[T_co], Any]) -> dict[Any, Selection[T_co]]:
        """Split the records by ``key``, in order of first appearance.

        Args:
            key: a callable or an attribute name (as for :meth:`sort_by`).

        Returns:
            A dict from key to the selection of records with that key.
        """
        get = _getter(key) if isinstance(key, str) else (lambda r, p: key(r))
        groups: dict[Any, tuple[list[T_co], list[Provenance | None]]] = {}
        for r, p in zip(self._items, self._prov, strict=True):
            items, provs = groups.setdefault(get(r, p), ([], []))
            items.append(r)
            provs.append(p)
        return {k: self._derive(tuple(i), tuple(p)) for k, (i, p) in groups.items()}

    # ------------------------------------------------------------------ aggregations
    def count_by(self, key: str | Callable[[T_co], Any]) -> Counter[Any]:
        """Count records by a key; a key that yields a list or tuple counts each element.

        Args:
            key: ``"speaker"``, ``"act"``, ``"topic"``, ``"country"``, ``"organization"``, ``"kind"``,
                ``"sector"``, ``"party"``, ``"leader"``, ``"source"``, ``"year"``, ``"month"``, another
                attribute name, or a callable.

        Returns:
            A Counter (``.most_common()`` sorts it).
        """
        from summitlib._aggregate import count_by

        return count_by(self._items, self._prov, key)

    def total_value(self: Selection[Agreement | Money], currency: str) -> ValueRange:
        """Sum the amounts (agreement values, or money) in ``currency`` as a bounded interval.

        "über 17 Mrd." adds 17 bn to the lower bound and opens the upper bound; "rund 22 Mrd." adds
        19.8 .. 24.2 bn (see :meth:`~summitlib.Money.bounds`).

        Args:
            currency: ISO 4217 code; amounts in other currencies are skipped (and counted as such).

        Returns:
            The total as a :class:`ValueRange`.
        """
        from summitlib._aggregate import total_value

        return total_value(self._items, currency)

    def co_attendance_network(self: Selection[Summit], *, by: str = "country") -> networkx.Graph[str]:
        """A graph of who attended summits together (networkx extra).

        Args:
            by: ``"country"`` (nodes are alpha-2 codes) or ``"leader"`` (nodes are person names).

        Returns:
            An undirected graph; edge ``weight`` counts shared summits, ``summits`` lists their names.

        Raises:
            summitlib.errors.ExtraError: when networkx is not installed.
            ValueError: for an unknown ``by``.
        """
        from summitlib._aggregate import co_attendance_network

        return co_attendance_network(self._items, by=by)

    def meeting_network(self: Selection[Meeting]) -> networkx.Graph[str]:
        """A graph of who met whom (networkx extra).

        Returns:
            An undirected graph over person names (node attribute ``country``); edge ``weight`` counts
            meetings, ``kinds`` lists their kinds.

        Raises:
            summitlib.errors.ExtraError: when networkx is not installed.
        """
        from summitlib._aggregate import meeting_network

        return meeting_network(self._items)

    def timeline(self) -> list[TimelineEntry[T_co]]:
        """The records in date order (effective dates; undated records last).

        Returns:
            One :class:`TimelineEntry` per record.
        """
        from summitlib._html import label

        entries = [
            TimelineEntry(
                _effective_date(r, p),
                _date_source(r, p),
                label(r),
                r,
                p.sources if p is not None else (),
            )
            for r, p in zip(self._items, self._prov, strict=True)
        ]
        dated = sorted((e for e in entries if e.date is not None), key=lambda e: (e.date.start, e.date.end))  # type: ignore[union-attr]
        return dated + [e for e in entries if e.date is None]

    # ------------------------------------------------------------------ export
    def to_frame(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (pandas extra).

        Dates are ``datetime64``; kinds, acts, organizations, currencies and qualifiers categorical;
        money is a float ``value`` plus its exact decimal string ``value_exact``; ``source`` names the
        earliest article.

        Returns:
            One row per record.

        Raises:
            summitlib.errors.ExtraError: when pandas is not installed.
        """
        from summitlib.export.pandas import to_frame

        return to_frame(self)

    def to_arrow(self) -> pyarrow.Table:
        """The records as a pyarrow Table (arrow extra), with the columns of :meth:`to_frame`.

        Returns:
            One row per record; dates are ``date32``, categories dictionary-encoded.

        Raises:
            summitlib.errors.ExtraError: when pyarrow is not installed.
        """
        from summitlib.export.arrow import to_arrow

        return to_arrow(self)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the records to a Parquet file (arrow extra).

        Args:
            path: where to write.

        Raises:
            summitlib.errors.ExtraError: when pyarrow is not installed.
        """
        from summitlib.export.arrow import to_parquet

        to_parquet(self, path)

    def to_json(self, *, indent: int | None = None) -> str:
        """The records as a JSON array, each with a ``provenance`` object beside the contract keys.

        Args:
            indent: pretty-print indentation.

        Returns:
            The JSON text; :meth:`from_json` reads it back.
        """
        from summitlib.export._selection_json import selection_to_json

        return selection_to_json(self, indent=indent)

    def dump_json(self, fp: IO[str], *, indent: int | None = None) -> None:
        """Write :meth:`to_json` to an open text file.

        Args:
            fp: the file.
            indent: pretty-print indentation.
        """
        fp.write(self.to_json(indent=indent))

    @staticmethod
    def from_json(text: str, record_type: type[T]) -> Selection[T]:
        """Read a selection written by :meth:`to_json`.

        Args:
            text: the JSON text.
            record_type: the record class (``Summit``, ``Statement``, …).

        Returns:
            The selection, with sources, effective dates and date sources restored.

        Raises:
            summitlib.errors.SummitlibError: when the JSON does not fit the record class.
        """
        from summitlib.export._selection_json import selection_from_json

        return selection_from_json(text, record_type)

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        from summitlib._html import selection_text

        return selection_text(self)

    def _repr_html_(self) -> str:
        from summitlib._html import selection_html

        return selection_html(self)


def _date_source(record: object, provenance: Provenance | None) -> DateSource | None:
    if isinstance(record, Summit | Meeting) and record.date is not None:
        if provenance is not None and provenance.date_source is not None:
            return provenance.date_source
        return "text"
    return provenance.date_source if provenance is not None else None
