"""The public surface: what the docs promise is importable from ``summitlib`` and nothing private leaks."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import summitlib

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_MODULES = [
    "summitlib.model",
    "summitlib.errors",
    "summitlib.reading",
    "summitlib.extract",
    "summitlib.query",
    "summitlib.corpus",
    "summitlib.gazetteer",
    "summitlib.export.json",
    "summitlib.cli",
]


def test_all_is_complete() -> None:
    names = summitlib.__all__
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(summitlib, name), name
    assert not [n for n in names if n.startswith("_") and n != "__version__"]


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_public_modules_declare_all(module: str) -> None:
    mod = importlib.import_module(module)
    assert hasattr(mod, "__all__"), f"{module} has no __all__"
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.__all__ names missing {name}"


def test_names_used_in_the_readme_are_exported() -> None:
    """Every ``sl.<name>`` in the README and the docs exists at the package root."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
    used = set(re.findall(r"\bsl\.([A-Za-z_]\w*)", text))
    missing = sorted(n for n in used if not hasattr(summitlib, n))
    assert not missing, f"documented but not exported: {missing}"


def test_version_comes_from_the_metadata() -> None:
    from importlib.metadata import version

    assert summitlib.__version__ == version("summitlib")


def test_errors_subclass_their_builtins() -> None:
    from summitlib import errors

    assert issubclass(errors.ArticleFormatError, ValueError)
    assert issubclass(errors.UnknownEntityError, LookupError)
    assert issubclass(errors.ExtraError, ImportError)
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.SummitlibError | errors.SummitlibWarning), name


def test_py_typed_is_shipped() -> None:
    assert (Path(summitlib.__file__).parent / "py.typed").exists()
