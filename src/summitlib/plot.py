"""Plots for notebooks (the ``plot`` extra, matplotlib; the network plot also needs ``network``).

>>> import summitlib as sl
>>> from summitlib.plot import plot_timeline
>>> ax = plot_timeline(sl.load_seeds().summits)  # doctest: +SKIP
"""

# matplotlib and networkx are optional extras, imported inside the functions on purpose.

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from summitlib.errors import ExtraError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from summitlib.model import Meeting, Summit
    from summitlib.query import Selection

__all__ = ["plot_meeting_network", "plot_timeline"]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ExtraError("plotting", "plot", "matplotlib") from exc
    return plt


def plot_timeline(selection: Selection[Summit | Meeting], *, ax: Axes | None = None) -> Axes:
    """A timeline: one row per organization (or meeting kind), a mark per record at its date.

    Ranges of days are drawn as bars; dates taken from the publication (not the text) are hollow.

    Args:
        selection: summits or meetings.
        ax: the axes to draw on (a new figure by default).

    Returns:
        The axes.

    Raises:
        ExtraError: when matplotlib is not installed.
    """
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3))
    assert ax is not None
    mdates: Any = importlib.import_module("matplotlib.dates")  # untyped helpers, used as Any

    entries = [e for e in selection.timeline() if e.date is not None]
    rows: dict[str, int] = {}
    for e in entries:
        record: Any = e.record
        row = getattr(record, "organization", None) or getattr(getattr(record, "kind", None), "value", "?")
        y = rows.setdefault(str(row), len(rows))
        assert e.date is not None
        start, end = float(mdates.date2num(e.date.start)), float(mdates.date2num(e.date.end))
        hollow = e.date_source == "publication"
        if end > start:
            ax.plot([start, end], [y, y], linewidth=6, alpha=0.6)
        ax.plot([start], [y], marker="o", markersize=8, fillstyle="none" if hollow else "full", color="C0")
        ax.annotate(e.label, (start, y), textcoords="offset points", xytext=(4, 6), fontsize=8)
    ax.set_yticks(list(rows.values()), list(rows))
    ax.set_ylim(-0.7, max(len(rows) - 0.3, 0.7))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.set_title("Timeline")
    ax.figure.autofmt_xdate()
    return ax


def plot_meeting_network(selection: Selection[Meeting], *, ax: Axes | None = None) -> Axes:
    """Who met whom: persons as nodes, meetings as edges (width by count).

    Args:
        selection: meetings.
        ax: the axes to draw on (a new figure by default).

    Returns:
        The axes.

    Raises:
        ExtraError: when matplotlib or networkx is not installed.
    """
    plt = _pyplot()
    graph = selection.meeting_network()
    import networkx as nx

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 6))
    assert ax is not None
    pos = nx.spring_layout(graph, seed=0)
    widths = [1.5 * d["weight"] for _, _, d in graph.edges(data=True)]
    nx.draw_networkx(graph, pos=pos, ax=ax, width=widths, node_color="#9ecae1", font_size=8)
    ax.set_title("Meetings")
    ax.set_axis_off()
    return ax
