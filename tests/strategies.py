"""Hypothesis strategies for every model class (one place, shared by all property tests)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from hypothesis import strategies as st

from summitlib.model import (
    Act,
    Agreement,
    AgreementKind,
    Article,
    Count,
    Country,
    Extraction,
    Meeting,
    MeetingKind,
    Money,
    Organization,
    PartialDate,
    Person,
    Place,
    Precision,
    Qualifier,
    Span,
    Speaker,
    Statement,
    Summit,
)

__all__ = [
    "agreements",
    "articles",
    "countries",
    "country_codes",
    "extractions",
    "meetings",
    "money",
    "organizations",
    "partial_dates",
    "persons",
    "places",
    "spans",
    "speakers",
    "statements",
    "summits",
]

COUNTRY_CODES = ("KZ", "RU", "CN", "UZ", "KG", "TJ", "TM", "BY", "AM", "AZ", "US", "DE", "TR", "IN")
ORG_KEYS = ("CIS", "C5+1", "SCO", "EAEU", "CSTO", "OTS", "BRICS", "EU", "UN", "OTHER")
NAMES = ("Kassym-Jomart Tokayev", "Vladimir Putin", "Xi Jinping", "Emomali Rahmon", "Donald Trump", "Anna Muster")

country_codes = st.sampled_from(COUNTRY_CODES)
org_keys = st.sampled_from(ORG_KEYS)
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """A span with consistent offsets and some text."""
    start = draw(st.integers(min_value=0, max_value=10_000))
    length = draw(st.integers(min_value=0, max_value=200))
    return Span(start, start + length, draw(words))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Day, day-range, month and year dates."""
    precision = draw(st.sampled_from(Precision))
    day = draw(days)
    if precision is Precision.YEAR:
        return PartialDate.year(day.year)
    if precision is Precision.MONTH:
        return PartialDate.month(day.year, day.month)
    length = draw(st.integers(min_value=0, max_value=3))
    return PartialDate.day(day, day + dt.timedelta(days=length))


money = st.builds(
    Money,
    amount=st.decimals(min_value=Decimal(0), max_value=Decimal(10) ** 15, allow_nan=False, places=2),
    currency=st.sampled_from(("USD", "EUR", "RUB", "CNY", "KZT")),
    qualifier=st.sampled_from(Qualifier),
    evidence=st.none() | spans(),
)
countries = st.builds(Country, country_codes)
organizations = st.builds(Organization, org_keys)
persons = st.builds(
    Person,
    name=st.sampled_from(NAMES) | words.filter(lambda s: bool(s.strip())),
    country=st.none() | country_codes,
    mentions=st.lists(words, max_size=3).map(tuple),
)
places = st.builds(
    Place, city=st.none() | st.sampled_from(("Astana", "Dushanbe", "Washington")), country=st.none() | country_codes
)
speakers: st.SearchStrategy[Speaker] = st.one_of(persons, countries, organizations)
_several: Literal["several"] = "several"
counts: st.SearchStrategy[Count] = st.one_of(st.none(), st.just(_several), st.integers(min_value=0, max_value=500))
summit_index = st.none() | st.integers(min_value=0, max_value=5)
code_tuples = st.lists(country_codes, max_size=6, unique=True).map(tuple)
span_tuples = st.lists(spans(), max_size=3).map(tuple)

summits = st.builds(
    Summit,
    name=words,
    organization=st.none() | org_keys,
    city=st.none() | st.sampled_from(("Astana", "Dushanbe", "Washington")),
    country=st.none() | country_codes,
    date=st.none() | partial_dates(),
    chair=st.none() | persons,
    countries=code_tuples,
    leaders=st.lists(persons, max_size=4).map(tuple),
    topics=st.lists(words, max_size=3).map(tuple),
    evidence=span_tuples,
)
meetings = st.builds(
    Meeting,
    participants=st.lists(persons, min_size=1, max_size=4).map(tuple),
    kind=st.sampled_from(MeetingKind),
    summit=summit_index,
    city=st.none() | st.sampled_from(("Astana", "Beijing")),
    country=st.none() | country_codes,
    date=st.none() | partial_dates(),
    topics=st.lists(words, max_size=3).map(tuple),
    evidence=span_tuples,
)
agreements = st.builds(
    Agreement,
    kind=st.sampled_from(AgreementKind),
    count=counts,
    parties=code_tuples,
    value=st.none() | money,
    sectors=st.lists(st.sampled_from(("energy", "transport", "finance")), max_size=3, unique=True).map(tuple),
    summit=summit_index,
    name=st.none() | words,
    evidence=span_tuples,
)
statements = st.builds(
    Statement,
    speaker=speakers,
    act=st.sampled_from(Act),
    evidence=spans(),
    direct_quote=st.booleans(),
    quote=st.none() | words,
    content=words,
    summit=summit_index,
    verb=words,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """An article whose paragraph spans lie inside its text."""
    text = draw(st.text(max_size=300))
    cut = draw(st.integers(min_value=0, max_value=len(text)))
    published = draw(
        st.none()
        | partial_dates()
        .filter(lambda d: d.precision is not Precision.YEAR)
        .map(lambda d: PartialDate(d.start, d.start if d.precision is Precision.DAY else d.end, d.precision))
    )
    return Article(
        id=draw(st.text(min_size=1, max_size=20)),
        text=text,
        source=draw(st.none() | st.just("seeds/x.txt")),
        published=published,
        outlet=draw(st.none() | st.sampled_from(("DAZ", "dpa"))),
        paragraphs=(Span.of(text, 0, cut),),
        subheadings=(),
    )


extractions = st.builds(
    Extraction,
    article=articles(),
    summits=st.lists(summits, max_size=2).map(tuple),
    meetings=st.lists(meetings, max_size=2).map(tuple),
    agreements=st.lists(agreements, max_size=2).map(tuple),
    money=st.lists(money, max_size=2).map(tuple),
    statements=st.lists(statements, max_size=3).map(tuple),
)
