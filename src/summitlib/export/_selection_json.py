"""Selections as JSON: an array of records in the JSON contract, each with a ``provenance`` object.

The ``provenance`` key is an extra key of the contract: ``{"sources": [...], "date": {...} | null,
"date_source": "text" | "summit" | "publication" | null, "alternatives": [{"field", "value",
"source"}]}``. Reading back restores the records exactly and their sources, dates and date sources;
alternative values come back as their JSON form, and the summit of a provenance is not written (the
``summit`` index of a record says which summit it belongs to).
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from summitlib._provenance import Alternative, Provenance
from summitlib._selection import Selection
from summitlib.errors import SummitlibError
from summitlib.export.json import from_jsonable, to_jsonable
from summitlib.model import PartialDate

__all__ = ["selection_from_json", "selection_to_json"]

T = TypeVar("T")


def _provenance(p: Provenance | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "sources": list(p.sources),
        "date": to_jsonable(p.date) if p.date is not None else None,
        "date_source": p.date_source,
        "alternatives": [{"field": a.field, "value": to_jsonable(a.value), "source": a.source} for a in p.alternatives],
    }


def selection_to_json(selection: Selection[Any], *, indent: int | None = None) -> str:
    """Serialize a selection (see the module docstring for the shape).

    Args:
        selection: the selection.
        indent: pretty-print indentation.

    Returns:
        JSON text.
    """
    rows = []
    for record, prov in selection.entries():
        row = to_jsonable(record)
        row["provenance"] = _provenance(prov)
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, indent=indent)


def selection_from_json(text: str, record_type: type[T]) -> Selection[T]:
    """Read a selection written by :func:`selection_to_json`.

    Args:
        text: JSON text.
        record_type: the record class.

    Returns:
        The selection.

    Raises:
        SummitlibError: for text that is not a JSON array of ``record_type`` records.
    """
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SummitlibError(f"not JSON: {exc}") from exc
    if not isinstance(rows, list):
        raise SummitlibError("a selection is a JSON array of records")
    records: list[T] = []
    provs: list[Provenance | None] = []
    for row in rows:
        if not isinstance(row, dict):
            raise SummitlibError(f"a record is a JSON object, not {type(row).__name__}")
        raw = row.get("provenance")
        records.append(from_jsonable({k: v for k, v in row.items() if k != "provenance"}, record_type))
        if raw is None:
            provs.append(None)
            continue
        provs.append(
            Provenance(
                sources=tuple(raw.get("sources", ())),
                date=from_jsonable(raw["date"], PartialDate) if raw.get("date") else None,
                date_source=raw.get("date_source"),
                alternatives=tuple(
                    Alternative(a["field"], _freeze(a["value"]), a["source"]) for a in raw.get("alternatives", ())
                ),
            )
        )
    return Selection(records, provs, record_type=record_type)


def _freeze(value: Any) -> object:
    """JSON values made hashable (lists to tuples, objects to sorted item tuples)."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value
