"""summitlib: typed, queryable records of diplomatic summits from German-language news articles.

>>> import summitlib as sl
>>> ex = sl.extract(sl.seed_paths()[1])
>>> ex.summits[0].organization
'CIS'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from summitlib import errors
from summitlib._seeds import seed_paths
from summitlib.corpus import Corpus, ExtractionFailure, iter_extract, load_seeds
from summitlib.errors import SummitlibError
from summitlib.export.json import dump_jsonl, from_json, from_jsonable, load_jsonl, to_json, to_jsonable
from summitlib.extract import extract
from summitlib.model import (
    CAMEO,
    Act,
    Agreement,
    AgreementKind,
    Article,
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
    Statement,
    Summit,
)
from summitlib.query import Predicate, Selection, q
from summitlib.reading import parse_article, read_article

try:
    __version__ = version("summitlib")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
    __version__ = "0.0.0"

__all__ = [
    "CAMEO",
    "Act",
    "Agreement",
    "AgreementKind",
    "Article",
    "Corpus",
    "Country",
    "Extraction",
    "ExtractionFailure",
    "Meeting",
    "MeetingKind",
    "Money",
    "Organization",
    "PartialDate",
    "Person",
    "Place",
    "Precision",
    "Predicate",
    "Qualifier",
    "Selection",
    "Span",
    "Statement",
    "Summit",
    "SummitlibError",
    "__version__",
    "dump_jsonl",
    "errors",
    "extract",
    "from_json",
    "from_jsonable",
    "iter_extract",
    "load_jsonl",
    "load_seeds",
    "parse_article",
    "q",
    "read_article",
    "seed_paths",
    "to_json",
    "to_jsonable",
]
