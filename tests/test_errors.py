"""Tests of summitlib.errors: the hierarchy, the rendering with a caret, pickling."""

from __future__ import annotations

import builtins
import errno
import pickle

import pytest

from summitlib import errors
from summitlib.errors import (
    ArticleFormatError,
    ArticleNotFoundError,
    ArticleReadError,
    ArticleTooLargeError,
    BinaryContentError,
    EmptyArticleError,
    EncodingWarning,
    ExtraError,
    InvalidDateError,
    InvalidHeaderDateError,
    PublishedMismatchWarning,
    SummitlibError,
    SummitlibWarning,
    UnknownEntityError,
)

# (error class, the builtin it also is)
HIERARCHY = [
    pytest.param(ArticleFormatError, ValueError, id="ArticleFormatError"),
    pytest.param(EmptyArticleError, ValueError, id="EmptyArticleError"),
    pytest.param(BinaryContentError, ValueError, id="BinaryContentError"),
    pytest.param(InvalidHeaderDateError, ValueError, id="InvalidHeaderDateError"),
    pytest.param(ArticleTooLargeError, ValueError, id="ArticleTooLargeError"),
    pytest.param(InvalidDateError, ValueError, id="InvalidDateError"),
    pytest.param(ArticleReadError, OSError, id="ArticleReadError"),
    pytest.param(ArticleNotFoundError, FileNotFoundError, id="ArticleNotFoundError"),
    pytest.param(UnknownEntityError, LookupError, id="UnknownEntityError"),
    pytest.param(ExtraError, ImportError, id="ExtraError"),
]

FORMAT_ERRORS = [
    ArticleFormatError,
    EmptyArticleError,
    BinaryContentError,
    InvalidHeaderDateError,
    ArticleTooLargeError,
]

# (id, keyword arguments, rendered message)
RENDERING = [
    pytest.param(
        {"source": "a.txt", "line": 1, "column": 7, "line_text": " date 2025-13-40 Text"},
        "a.txt:1:7: bad\n     date 2025-13-40 Text\n          ^",
        id="source-line-column-caret",
    ),
    pytest.param({}, "<text>: bad", id="nothing-known"),
    pytest.param({"line": 3}, "<text>:3: bad", id="line-only"),
    pytest.param(
        {"source": "b.txt", "line": 2, "line_text": "abc"}, "b.txt:2: bad\n    abc", id="line-text-no-caret"
    ),
    pytest.param(
        {"line": 1, "column": 200, "line_text": "x" * 200},
        "<text>:1:200: bad\n    " + "x" * 117 + "...",
        id="long-line-cut-caret-dropped",
    ),
]


class TestHierarchy:
    @pytest.mark.parametrize(("cls", "builtin"), HIERARCHY)
    def test_is_summitlib_error_and_builtin(self, cls: type[Exception], builtin: type[Exception]) -> None:
        """Every leaf is caught by ``except SummitlibError`` and by its builtin."""
        assert issubclass(cls, SummitlibError)
        assert issubclass(cls, builtin)

    @pytest.mark.parametrize("cls", [EncodingWarning, PublishedMismatchWarning])
    def test_warnings(self, cls: type[Warning]) -> None:
        assert issubclass(cls, SummitlibWarning)
        assert issubclass(cls, UserWarning)

    def test_encoding_warning_is_not_the_builtin(self) -> None:
        assert EncodingWarning is not getattr(builtins, "EncodingWarning", None)

    def test_all_is_sorted_and_exported(self) -> None:
        assert errors.__all__ == sorted(errors.__all__)
        for name in errors.__all__:
            assert hasattr(errors, name), name


class TestRendering:
    @pytest.mark.parametrize(("kwargs", "expected"), RENDERING)
    def test_render(self, kwargs: dict[str, object], expected: str) -> None:
        error = ArticleFormatError("bad", **kwargs)  # type: ignore[arg-type]
        assert str(error) == expected

    def test_fields_kept(self) -> None:
        error = InvalidHeaderDateError("bad", source="a.txt", line=1, column=7, line_text="x")
        assert (error.message, error.source, error.line, error.column, error.line_text) == (
            "bad",
            "a.txt",
            1,
            7,
            "x",
        )


class TestPickling:
    @pytest.mark.parametrize("cls", FORMAT_ERRORS, ids=lambda c: c.__name__)
    def test_format_error_round_trip(self, cls: type[ArticleFormatError]) -> None:
        """Process pools send errors back pickled: type and fields survive."""
        error = cls("bad", source="a.txt", line=2, column=3, line_text="abc")
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is cls
        assert (again.source, again.line, again.column, again.line_text, str(again)) == (
            "a.txt",
            2,
            3,
            "abc",
            str(error),
        )

    @pytest.mark.parametrize("cls", [ArticleReadError, ArticleNotFoundError], ids=lambda c: c.__name__)
    def test_read_error_round_trip(self, cls: type[ArticleReadError]) -> None:
        error = cls(errno.ENOENT, "no such article file", "a.txt")
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is cls
        assert again.filename == "a.txt"
        assert str(again) == str(error)
        assert "a.txt" in str(error)


class TestExtraError:
    def test_message_names_the_extra(self) -> None:
        error = ExtraError("to_frame()", "pandas", "pandas")
        assert "pip install 'summitlib[pandas]'" in str(error)
        assert (error.feature, error.extra, error.module) == ("to_frame()", "pandas", "pandas")
