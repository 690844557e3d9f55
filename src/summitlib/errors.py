"""Errors and warnings of summitlib.

Every error the library raises on purpose derives from :class:`SummitlibError`; leaves also derive from
the builtin they are (a malformed article is a ``ValueError``), so ``except ValueError`` keeps working.
Errors about a file name the file, line and column and render the offending line with a caret.
"""

from __future__ import annotations

__all__ = [
    "ArticleFormatError",
    "ArticleNotFoundError",
    "ArticleReadError",
    "ArticleTooLargeError",
    "BinaryContentError",
    "ContractError",
    "EmptyArticleError",
    "EncodingWarning",
    "ExtraError",
    "InvalidDateError",
    "InvalidHeaderDateError",
    "PublishedMismatchWarning",
    "SummitlibError",
    "SummitlibWarning",
    "UnknownEntityError",
]


class SummitlibError(Exception):
    """Root of every error summitlib raises on purpose."""


class SummitlibWarning(UserWarning):
    """Root of summitlib's warnings: the input was doubtful, a best-effort record was made."""


class EncodingWarning(SummitlibWarning):  # shadows the builtin inside summitlib.errors on purpose
    """The article was not valid UTF-8 and was decoded with a fallback encoding."""


class PublishedMismatchWarning(SummitlibWarning):
    """The caller's ``published=`` date differs from the article's ``date`` header; the header was kept."""


class ArticleFormatError(SummitlibError, ValueError):
    """An article cannot be read. Names the source, the 1-based line and column, and shows the line."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        line_text: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.line_text = line_text
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.source or "<text>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        out = f"{where}: {self.message}"
        if self.line_text is not None:
            shown = self.line_text if len(self.line_text) <= 120 else self.line_text[:117] + "..."
            out += f"\n    {shown}"
            if self.column is not None and self.column - 1 <= len(shown):
                out += "\n    " + " " * (self.column - 1) + "^"
        return out

    def __reduce__(self) -> tuple[object, ...]:
        # Keep keyword arguments across pickling (process pools send errors back to the parent).
        return (_rebuild, (type(self), self.message, self.source, self.line, self.column, self.line_text))


def _rebuild(  # noqa: PLR0917 - pickle calls it with positional arguments
    cls: type[ArticleFormatError],
    message: str,
    source: str | None,
    line: int | None,
    column: int | None,
    line_text: str | None,
) -> ArticleFormatError:
    return cls(message, source=source, line=line, column=column, line_text=line_text)


class EmptyArticleError(ArticleFormatError):
    """The file or text holds no article text at all."""


class BinaryContentError(ArticleFormatError):
    """The file holds binary data (NUL bytes or control characters), not text."""


class InvalidHeaderDateError(ArticleFormatError):
    """The ``date`` header names a date that does not exist (``2025-13-40``)."""


class ArticleTooLargeError(ArticleFormatError):
    """The file is larger than the configured limit."""


class ArticleReadError(SummitlibError, OSError):
    """An article file cannot be opened or read (a directory, no permission, an I/O error).

    Built like an ``OSError``: ``ArticleReadError(errno, message, filename)``.
    """


class ArticleNotFoundError(ArticleReadError, FileNotFoundError):
    """No article file exists at the given path."""


class InvalidDateError(SummitlibError, ValueError):
    """A date the caller passed (``published=``) is not an ISO date or does not exist."""


class ContractError(SummitlibError, ValueError):
    """JSON data does not follow the contract of the class it is read into."""


class UnknownEntityError(SummitlibError, LookupError):
    """A name, code or key is not in the bundled gazetteer."""


class ExtraError(SummitlibError, ImportError):
    """An optional integration was used but its extra is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.feature = feature
        self.extra = extra
        self.module = module
        super().__init__(
            f"{feature} needs the optional package {module!r}; install it with "
            f"pip install 'summitlib[{extra}]'"
        )
