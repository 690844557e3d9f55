"""Selections as Arrow tables and Parquet files (the ``arrow`` extra, imported only when used).

Columns follow :mod:`summitlib.export._columns`: dates ``date32``, categories dictionary-encoded strings,
money a ``float64`` value plus its exact decimal string, lists ``list<string>``. pandas is not needed.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from summitlib.errors import ExtraError

if TYPE_CHECKING:
    import pyarrow

    from summitlib._selection import Selection

__all__ = ["to_arrow", "to_parquet"]


def _pyarrow(feature: str) -> Any:
    try:
        import pyarrow
    except ImportError as exc:
        raise ExtraError(feature, "arrow", "pyarrow") from exc
    return pyarrow


def to_arrow(selection: Selection[Any]) -> pyarrow.Table:
    """The records of a selection as a pyarrow Table.

    Args:
        selection: a selection of model records.

    Returns:
        The table, one row per record.

    Raises:
        ExtraError: when pyarrow is not installed.
        TypeError: for records without a tabular form.
    """
    pa: Any = _pyarrow("Selection.to_arrow()")
    from summitlib.export._columns import columns

    types = {
        "str": pa.string(),
        "date": pa.date32(),
        "float": pa.float64(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }
    schema, data = columns(selection)
    arrays, fields = [], []
    for name, kind in schema:
        if kind == "cat":
            array = pa.array(list(data[name]), pa.string()).dictionary_encode()
        else:
            array = pa.array(list(data[name]), types[kind])
        arrays.append(array)
        fields.append(pa.field(name, array.type))
    table: pyarrow.Table = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    return table


def to_parquet(selection: Selection[Any], path: str | os.PathLike[str]) -> None:
    """Write the records of a selection to a Parquet file.

    Args:
        selection: a selection of model records.
        path: the file to write.

    Raises:
        ExtraError: when pyarrow is not installed.
    """
    _pyarrow("Selection.to_parquet()")
    import pyarrow.parquet as pq

    pq.write_table(to_arrow(selection), os.fspath(path))
