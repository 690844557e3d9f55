"""Extraction: a pipeline of small pure functions from article text to records.

:func:`extract` is the single entry point. It reads the article (:mod:`summitlib.reading`), runs the
shared passes once (sentences, entities, dates, money) into a :class:`~summitlib.extract._doc.Doc`,
then the record extractors (summits first, because meetings, agreements and statements link to them).
"""

from __future__ import annotations

import datetime as dt
import os

from summitlib.extract._doc import Doc
from summitlib.extract.agreements import find_agreements
from summitlib.extract.dates import find_dates
from summitlib.extract.entities import find_entities
from summitlib.extract.meetings import find_meetings
from summitlib.extract.money import find_money
from summitlib.extract.sentences import split_sentences
from summitlib.extract.statements import find_statements
from summitlib.extract.summits import find_summits
from summitlib.model import Article, Extraction, PartialDate
from summitlib.reading import read_article

__all__ = ["analyse", "extract"]


def analyse(article: Article) -> Doc:
    """Run the shared passes (sentences, entities, dates, money) over an article."""
    text = article.text
    published = article.published.start if article.published is not None else None
    return Doc(
        article=article,
        sentences=tuple(split_sentences(text)),
        entities=tuple(find_entities(text, published)),
        dates=tuple(find_dates(text, published)),
        money=tuple(find_money(text)),
    )


def extract(
    source: str | os.PathLike[str] | bytes | Article,
    *,
    published: PartialDate | dt.date | str | None = None,
) -> Extraction:
    """Extract the summits, meetings, agreements, money and statements of one article.

    Args:
        source: an :class:`~summitlib.model.Article`, a path to an article file, its raw bytes, or its
            text (see :func:`summitlib.read_article` for how a string is told apart from a path).
        published: the publication date, for articles without a ``date`` header; relative dates
            ("am Freitag") are resolved against it.

    Returns:
        The article's records; empty tuples where nothing was found.

    Raises:
        summitlib.errors.ArticleFormatError: when the article cannot be read.
    """
    article = source if isinstance(source, Article) else read_article(source, published=published)
    doc = analyse(article)
    summits = find_summits(doc)
    return Extraction(
        article=article,
        summits=tuple(summits),
        meetings=tuple(find_meetings(doc, summits)),
        agreements=tuple(find_agreements(doc, summits)),
        money=doc.money,
        statements=tuple(find_statements(doc, summits)),
    )
