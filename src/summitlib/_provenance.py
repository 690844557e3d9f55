"""Where a record in a corpus came from: its source articles, its effective date, its summit, its conflicts.

Records in a :class:`~summitlib.query.Selection` stay the plain model classes (a ``Summit`` is a
``Summit``); what a corpus knows about them beyond the model travels beside them as a
:class:`Provenance`. Predicates receive it as their optional second argument.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs

if TYPE_CHECKING:
    from summitlib.model import PartialDate, Span, Summit

__all__ = ["Alternative", "DateSource", "Provenance"]

#: Where a record's effective date comes from: the article text, the summit it belongs to, or the
#: publication date of its earliest source (for a summit whose articles state no date).
DateSource: TypeAlias = Literal["text", "summit", "publication"]


@attrs.frozen
class Alternative:
    """A value one source gives for a field of a merged record, when the sources disagree.

    The value the merged record carries is listed among the alternatives too, with its source.
    """

    field: str
    value: object
    source: str


@attrs.frozen
class Provenance:
    """What a corpus knows about one record: sources, effective date, summit and conflicting values.

    Attributes:
        sources: ids of the articles that report the record, earliest publication first.
        date: the effective date: the record's own date, else its summit's, else (for statements,
            agreements, money and undated summits) the publication date of its earliest source.
        date_source: where ``date`` comes from (``"text"``, ``"summit"``, ``"publication"``), or None.
        summit: the (merged) summit the record belongs to, if any.
        alternatives: for merged records, every value of a field on which the sources disagree.
        evidence: for merged records, the evidence spans of each source, as ``(source, spans)`` pairs
            (spans are offsets into that source's text).
    """

    sources: tuple[str, ...]
    date: PartialDate | None = None
    date_source: DateSource | None = None
    summit: Summit | None = None
    alternatives: tuple[Alternative, ...] = ()
    evidence: tuple[tuple[str, tuple[Span, ...]], ...] = ()

    @property
    def article(self) -> str | None:
        """The id of the first (earliest) source article."""
        return self.sources[0] if self.sources else None

    @property
    def merged(self) -> bool:
        """True when several articles report the record."""
        return len(self.sources) > 1

    @property
    def date_from_publication(self) -> bool:
        """True when the date is the publication date of the earliest source, not stated in the text."""
        return self.date_source == "publication"

    def alternatives_for(self, field: str) -> tuple[Alternative, ...]:
        """The alternatives recorded for ``field`` (empty when the sources agree).

        Args:
            field: a field name of the record (``"city"``, ``"date"``, ``"name"``, …).

        Returns:
            The values with their sources, the chosen one first.
        """
        return tuple(a for a in self.alternatives if a.field == field)
