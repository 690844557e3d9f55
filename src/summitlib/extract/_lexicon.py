"""The German news lexicon (``data/lexicon_de.tsv``) shared by the sentence, date and money passes.

The file is read once, lazily, on first use; every lookup after that is a dictionary access.
"""

from __future__ import annotations

import functools
from importlib.resources import files

__all__ = ["lexicon_rows"]


@functools.cache
def lexicon_rows(kind: str) -> tuple[tuple[str, str], ...]:
    """The ``(form, value)`` rows of one kind in ``data/lexicon_de.tsv``, in file order.

    An unknown kind has no rows.
    """
    return _all_rows().get(kind, ())


@functools.cache
def _all_rows() -> dict[str, tuple[tuple[str, str], ...]]:
    rows: dict[str, list[tuple[str, str]]] = {}
    with files("summitlib.data").joinpath("lexicon_de.tsv").open(encoding="utf-8") as fh:
        header_seen = False
        for raw in fh:
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True  # "kind  form  value"
                continue
            kind, form, value = line.split("\t")
            rows.setdefault(kind, []).append((form, value))
    return {k: tuple(v) for k, v in rows.items()}
