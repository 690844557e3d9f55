"""An optional progress bar (the ``progress`` extra, tqdm), imported only when asked for."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from summitlib.errors import ExtraError

T = TypeVar("T")

__all__ = ["progress_bar"]


def progress_bar(items: Iterable[T], *, total: int | None = None, desc: str = "", unit: str = "it") -> Iterator[T]:
    """Wrap ``items`` in a tqdm bar on stderr.

    Raises:
        ExtraError: when tqdm is not installed (``pip install 'summitlib[progress]'``).
    """
    try:
        from tqdm import tqdm
    except ImportError as exc:
        raise ExtraError("a progress bar", "progress", "tqdm") from exc
    return iter(tqdm(items, total=total, desc=desc, unit=unit))
