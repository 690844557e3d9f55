"""Reading the bundled TSV data files: one reader for every gazetteer and lexicon.

Every file in ``summitlib/data`` is UTF-8, tab-separated, with ``#`` comment lines (source and columns)
and then a header row naming the columns. Files are opened through :mod:`importlib.resources`, so the
package works from a wheel, a zip or a source tree alike.
"""

from __future__ import annotations

import unicodedata
from importlib.resources import files

__all__ = ["read_records", "read_rows"]


def read_rows(name: str, *, columns: tuple[str, ...] = (), min_cells: int = 0) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows (lists of cells) of ``data/<name>``.

    Comment lines (``#``) and blank lines are skipped; the first other line is the header. With
    ``columns``, the header must start with them; with ``min_cells``, every row must have that many.

    Raises:
        ValueError: when the file has no header, another header than ``columns``, or a row shorter than
            ``min_cells`` (a packaging error, never input-dependent).
    """
    header: list[str] | None = None
    rows: list[list[str]] = []
    with files("summitlib.data").joinpath(name).open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
            else:
                rows.append(cells)
    if header is None:
        raise ValueError(f"data/{name} has no header row")
    if columns and tuple(header[: len(columns)]) != columns:
        raise ValueError(f"{name}: unexpected header {header!r}")
    for cells in rows:
        if len(cells) < min_cells:
            raise ValueError(f"{name}: short row {cells!r}")
    return header, rows


def read_records(name: str) -> list[dict[str, str]]:
    """The data rows of ``data/<name>`` as dicts keyed by the header's column names.

    Values are stripped and NFC-normalized; missing trailing cells (editors drop trailing tabs) are
    empty strings.

    Raises:
        ValueError: when a row has more cells than the header has columns.
    """
    header, rows = read_rows(name)
    out = []
    for cells in rows:
        if len(cells) > len(header):
            raise ValueError(f"data/{name}: row {cells!r} has more cells than the columns {header!r}")
        padded = cells + [""] * (len(header) - len(cells))
        out.append({k: unicodedata.normalize("NFC", v.strip()) for k, v in zip(header, padded, strict=True)})
    return out
