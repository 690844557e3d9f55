"""summitlib: typed, queryable records of diplomatic summits from German-language news articles.

>>> import summitlib as sl
>>> ex = sl.extract(sl.seed_paths()[1])
>>> ex.summits[0].organization
'CIS'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from summitlib import errors
from summitlib._seeds import seed_paths
from summitlib.errors import SummitlibError
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
from summitlib.reading import parse_article, read_article

if TYPE_CHECKING:
    from summitlib.corpus import Corpus, ExtractionFailure, iter_extract, load_seeds
    from summitlib.export.json import dump_jsonl, from_json, from_jsonable, load_jsonl, to_json, to_jsonable
    from summitlib.query import Predicate, Selection, q

    __version__: str

# The corpus, query and converter machinery (cattrs, concurrent.futures, difflib, …) and the package
# metadata are imported on first use, so that `import summitlib` and a first extraction stay fast.
_LAZY = {
    "Corpus": "summitlib.corpus",
    "ExtractionFailure": "summitlib.corpus",
    "iter_extract": "summitlib.corpus",
    "load_seeds": "summitlib.corpus",
    "dump_jsonl": "summitlib.export.json",
    "from_json": "summitlib.export.json",
    "from_jsonable": "summitlib.export.json",
    "load_jsonl": "summitlib.export.json",
    "to_json": "summitlib.export.json",
    "to_jsonable": "summitlib.export.json",
    "Predicate": "summitlib.query",
    "Selection": "summitlib.query",
    "q": "summitlib.query",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("summitlib")
        except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
            found = "0.0.0"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module 'summitlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


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
