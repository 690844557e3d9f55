"""Selections as pandas DataFrames (the ``pandas`` extra, imported only when used).

Columns and dtypes follow :mod:`summitlib.export._columns`: dates ``datetime64[ns]``, closed vocabularies
and codes ``category``, text ``string``, counts ``Int64``, money a float ``value`` plus its exact
``value_exact`` string, lists of names and codes as Python lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summitlib.errors import ExtraError

if TYPE_CHECKING:
    import pandas as pd

    from summitlib._selection import Selection

__all__ = ["to_frame"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ExtraError("Selection.to_frame()", "pandas", "pandas") from exc
    return pandas


def to_frame(selection: Selection[Any]) -> pd.DataFrame:
    """The records of a selection as a DataFrame, one row per record.

    Args:
        selection: a selection of model records.

    Returns:
        The DataFrame (empty, without columns, for an empty untyped selection).

    Raises:
        ExtraError: when pandas is not installed.
        TypeError: for records without a tabular form.
    """
    pd_: Any = _pandas()
    from summitlib.export._columns import columns

    schema, data = columns(selection)
    frame: dict[str, Any] = {}
    for name, kind in schema:
        values = list(data[name])
        if kind == "date":
            frame[name] = pd_.Series(pd_.to_datetime(values), dtype="datetime64[ns]")
        elif kind == "cat":
            frame[name] = pd_.Series(pd_.Categorical(values))
        elif kind == "str":
            frame[name] = pd_.Series(values, dtype="string")
        elif kind == "float":
            frame[name] = pd_.Series([float("nan") if v is None else v for v in values], dtype="float64")
        elif kind == "int":
            frame[name] = pd_.Series(values, dtype="Int64")
        elif kind == "bool":
            frame[name] = pd_.Series(values, dtype="boolean")
        else:
            frame[name] = pd_.Series(values, dtype="object")
    result: pd.DataFrame = pd_.DataFrame(frame, index=pd_.RangeIndex(len(selection)))
    return result
