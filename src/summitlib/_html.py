"""Compact displays of records and selections: a readable ``repr`` and a notebook ``_repr_html_``.

Every record class has one compact row (:func:`describe`): a handful of short columns. The terminal
``repr`` of a selection prints them as an aligned table; notebooks get the same table in HTML.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from summitlib._aggregate import speaker_label
from summitlib.model import Agreement, Article, Meeting, Money, PartialDate, Person, Statement, Summit

if TYPE_CHECKING:
    from summitlib._selection import Selection

__all__ = ["describe", "label", "record_html", "selection_html", "selection_text"]

MAX_ROWS = 20
MAX_CELL = 48


def _date(d: PartialDate | None) -> str:
    return str(d) if d is not None else ""


def _people(people: tuple[Person, ...]) -> str:
    return ", ".join(p.surname for p in people)


def _cut(text: str, width: int = MAX_CELL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe(record: object) -> dict[str, str]:
    """The compact row of a record: short column name to short text.

    Args:
        record: any record (model classes get a tailored row; anything else its ``str``).

    Returns:
        An ordered mapping of column to cell text.
    """
    if isinstance(record, Summit):
        return {
            "date": _date(record.date),
            "organization": record.organization or "",
            "name": record.name,
            "venue": str(record.venue) if record.city or record.country else "",
            "countries": " ".join(record.countries),
            "chair": record.chair.name if record.chair else "",
        }
    if isinstance(record, Meeting):
        return {
            "date": _date(record.date),
            "kind": record.kind.value,
            "participants": _people(record.participants),
            "venue": str(record.venue) if record.city or record.country else "",
            "topics": ", ".join(record.topics),
        }
    if isinstance(record, Agreement):
        return {
            "kind": record.kind.value,
            "count": "" if record.count is None else str(record.count),
            "parties": " ".join(record.parties),
            "value": str(record.value) if record.value else "",
            "sectors": ", ".join(record.sectors),
        }
    if isinstance(record, Statement):
        return {
            "speaker": speaker_label(record.speaker),
            "act": record.act.value,
            "content": record.quote if record.direct_quote and record.quote else record.content,
        }
    if isinstance(record, Money):
        return {"value": str(record), "text": record.evidence.text if record.evidence else ""}
    if isinstance(record, Article):
        return {
            "id": record.id,
            "published": _date(record.published),
            "outlet": record.outlet or "",
            "text": record.text,
        }
    return {"record": str(record)}


def label(record: object) -> str:
    """A one-line label for a record (timelines, plots).

    Args:
        record: any record.

    Returns:
        The label.
    """
    if isinstance(record, Summit):
        where = record.city or record.country or ""
        return f"{record.organization or record.name} {where}".strip()
    if isinstance(record, Meeting):
        return f"{' – '.join(p.surname for p in record.participants)} ({record.kind.value})"
    return _cut(" · ".join(v for v in describe(record).values() if v), 60)


def _rows(selection: Selection[Any]) -> tuple[list[str], list[list[str]]]:
    rows = [describe(r) for r in selection[:MAX_ROWS]]
    columns = list(rows[0]) if rows else []
    body = []
    for i, row in enumerate(rows):
        prov = selection.provenance(i)
        if "date" in row and prov is not None and prov.date is not None:
            # the effective date; "(pub.)" marks one taken from the publication, not the text
            row["date"] = str(prov.date)
            if prov.date_source == "publication":
                row["date"] += " (pub.)"
        source = selection.source(i) or ""
        body.append([str(i), *(_cut(row.get(c, "")) for c in columns), _cut(source, 20)])
    return ["", *columns, "source"], body


def _title(selection: Selection[Any]) -> str:
    kind = selection.record_type.__name__ if selection.record_type else "?"
    n = len(selection)
    return f"Selection[{kind}]: {n} record{'s' if n != 1 else ''}"


def selection_text(selection: Selection[Any]) -> str:
    """The terminal ``repr`` of a selection: a title line and an aligned table of the first rows.

    Args:
        selection: the selection.

    Returns:
        The text.
    """
    header, body = _rows(selection)
    lines = [_title(selection)]
    if body:
        widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
        for row in [header, *body]:
            lines.append("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if len(selection) > MAX_ROWS:
            lines.append(f"  … {len(selection) - MAX_ROWS} more")
    return "\n".join(lines)


def selection_html(selection: Selection[Any]) -> str:
    """The notebook display of a selection: a compact HTML table of the first rows.

    Args:
        selection: the selection.

    Returns:
        HTML text.
    """
    header, body = _rows(selection)
    out = [f"<div class='summitlib-selection'><p><b>{html.escape(_title(selection))}</b></p>"]
    if body:
        out.append("<table><thead><tr>")
        out.extend(f"<th>{html.escape(h)}</th>" for h in header)
        out.append("</tr></thead><tbody>")
        for row in body:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        out.append("</tbody></table>")
        if len(selection) > MAX_ROWS:
            out.append(f"<p>… {len(selection) - MAX_ROWS} more</p>")
    out.append("</div>")
    return "".join(out)


def record_html(record: object) -> str:
    """The notebook display of one record: a two-column HTML table of its compact row.

    Args:
        record: any record.

    Returns:
        HTML text (model classes may use it as their ``_repr_html_``).
    """
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(_cut(v, 200))}</td></tr>" for k, v in describe(record).items()
    )
    return f"<table class='summitlib-record'><caption>{type(record).__name__}</caption>{rows}</table>"
