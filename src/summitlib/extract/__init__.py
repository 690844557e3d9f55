"""Extraction: a pipeline of small pure functions from article text to records.

:func:`extract` is the single entry point. It reads the article (:mod:`summitlib.reading`), runs the
shared passes once (sentences, entities, dates, money) into a :class:`~summitlib.extract._doc.Doc`,
then the record extractors (summits first, because meetings, agreements and statements link to them).
"""

from __future__ import annotations

import datetime as dt
import os

from summitlib.extract._context import known_keywords, set_keyword_ends
from summitlib.extract._doc import Doc
from summitlib.extract._lexicon import digit_starts, latin1
from summitlib.extract.agreements import find_agreements
from summitlib.extract.dates import candidates as date_candidates
from summitlib.extract.dates import dates_at
from summitlib.extract.entities import entities_at, scan
from summitlib.extract.meetings import find_meetings
from summitlib.extract.money import candidates as money_candidates
from summitlib.extract.money import money_at
from summitlib.extract.sentences import split_sentences
from summitlib.extract.statements import find_statements
from summitlib.extract.summits import find_summits
from summitlib.model import Article, Extraction, PartialDate
from summitlib.reading import read_article

__all__ = ["analyse", "extract"]


def analyse(article: Article) -> Doc:
    """Run the shared passes (sentences, entities, dates, money) over an article.

    The same as calling :func:`~summitlib.extract.sentences.split_sentences`,
    :func:`~summitlib.extract.entities.find_entities`, :func:`~summitlib.extract.dates.find_dates` and
    :func:`~summitlib.extract.money.find_money`, with one automaton pass and one digit search shared
    by the last three; the automaton pass also finds the cue keywords of the record extractors
    (``_context.keyword_ends``).
    """
    text = article.text
    published = article.published.start if article.published is not None else None
    keywords = known_keywords()
    data = latin1(text)
    found = scan(text, keywords, data)
    digits = digit_starts(text, data)
    sentences = tuple(split_sentences(text))
    doc = Doc(
        article=article,
        sentences=sentences,
        entities=tuple(entities_at(text, published, found.candidates)),
        dates=tuple(dates_at(text, published, date_candidates(text, found.date_anchors, digits))),
        money=tuple(money_at(text, money_candidates(text, digits, found.scales), sentences)),
    )
    if found.keyword_ends is not None:
        set_keyword_ends(doc, keywords, found.keyword_ends)
    return doc


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
