"""The analysed document every extractor reads: text, sentences and the mentions found once."""

from __future__ import annotations

import datetime as dt

import attrs

from summitlib.extract.dates import DateMention
from summitlib.extract.entities import EntityKind, EntityMention
from summitlib.model import Article, Money, Span


@attrs.frozen
class Doc:
    """One article after the shared passes (sentences, entities, dates, money), before the records."""

    article: Article
    sentences: tuple[Span, ...]
    entities: tuple[EntityMention, ...]
    dates: tuple[DateMention, ...]
    money: tuple[Money, ...]
    sentence_starts: tuple[int, ...] = attrs.field(init=False, repr=False)
    paragraph_starts: tuple[int, ...] = attrs.field(init=False, repr=False)
    entity_starts: tuple[int, ...] = attrs.field(init=False, repr=False)
    date_starts: tuple[int, ...] = attrs.field(init=False, repr=False)
    #: First mention of every head of state or government, most often mentioned first.
    leader_rank: tuple[EntityMention, ...] = attrs.field(init=False, repr=False, eq=False)
    #: Per-document look-ups the extractors build on first use (see ``_context.sentences_with``).
    memo: dict[str, object] = attrs.field(init=False, factory=dict, repr=False, eq=False)

    @sentence_starts.default
    def _sentence_starts(self) -> tuple[int, ...]:
        return tuple([s.start for s in self.sentences])

    @paragraph_starts.default
    def _paragraph_starts(self) -> tuple[int, ...]:
        return tuple([p.start for p in self.article.paragraphs])

    @leader_rank.default
    def _leader_rank(self) -> tuple[EntityMention, ...]:
        person = EntityKind.PERSON
        leaders = [e for e in self.entities if e.is_leader and e.kind is person]
        if not leaders:
            return ()
        counts: dict[str, int] = {}
        first: dict[str, EntityMention] = {}
        for e in leaders:
            counts[e.key] = counts.get(e.key, 0) + 1
            first.setdefault(e.key, e)
        return tuple([first[k] for k in sorted(counts, key=lambda k: -counts[k])])

    @date_starts.default
    def _date_starts(self) -> tuple[int, ...]:
        return tuple([d.span.start for d in self.dates])

    @entity_starts.default
    def _entity_starts(self) -> tuple[int, ...]:
        return tuple([e.span.start for e in self.entities])

    @property
    def text(self) -> str:
        """The article text."""
        return self.article.text

    @property
    def published(self) -> dt.date | None:
        """The publication day (first day of the month for month precision), if known."""
        p = self.article.published
        return p.start if p is not None else None
