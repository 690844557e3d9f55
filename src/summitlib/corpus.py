"""Many articles at once: parallel extraction, failures collected, records merged across sources.

>>> import summitlib as sl
>>> corpus = sl.load_seeds()
>>> len(corpus), corpus.errors
(2, ())

Parallelism goes through any :class:`concurrent.futures.Executor`: by default a process pool when there
are many files (at least 8, and more than one CPU), serial otherwise; a Dask cluster's
``client.get_executor()`` or a Ray executor work the same way. Results keep the input order, and at most
a bounded number of jobs is in flight, so :func:`iter_extract` streams corpora larger than memory.

A file that cannot be read never stops the run: it becomes an :class:`ExtractionFailure` in
``corpus.errors`` (or, for :func:`iter_extract`, in the ``errors`` list you pass, else a warning).
Errors that are not :class:`~summitlib.errors.SummitlibError` (bugs) propagate.
"""

from __future__ import annotations

import errno
import functools
import glob
import os
import warnings
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs

from summitlib._merge import Merged, merge
from summitlib._selection import Selection
from summitlib.errors import ArticleNotFoundError, SummitlibError, SummitlibWarning
from summitlib.model import Agreement, Article, Extraction, Meeting, Money, PartialDate, Statement, Summit

if TYPE_CHECKING:
    from collections.abc import Generator, Iterable, Iterator

__all__ = ["Corpus", "ExtractionFailure", "iter_extract", "load_seeds", "merge"]

#: ``None`` (a process pool for many files, else serial), ``"serial"``, ``"process"``, or an Executor.
ExecutorChoice: TypeAlias = Executor | Literal["serial", "process"] | None
#: The publication date passed to articles without a ``date`` header.
Published: TypeAlias = PartialDate | str | None

POOL_THRESHOLD = 8
_GLOB_CHARS = frozenset("*?[")


@attrs.frozen
class ExtractionFailure:
    """A file or text that could not be extracted, and why.

    Attributes:
        source: the path, or ``<text N>`` for the N-th text (0-based).
        error: the typed error (its message names file, line and column where known).
    """

    source: str
    error: SummitlibError

    def __str__(self) -> str:
        return f"{self.source}: {type(self.error).__name__}: {self.error}"


@attrs.frozen
class _Job:
    kind: Literal["path", "text", "failure"]
    value: str
    label: str
    published: Published


def _run_job(job: _Job) -> Extraction | ExtractionFailure:
    """Extract one job (runs in worker processes: top level, picklable in and out)."""
    from summitlib.extract import extract
    from summitlib.reading import parse_article

    try:
        if job.kind == "failure":
            raise ArticleNotFoundError(errno.ENOENT, "no file matches", job.value)
        if job.kind == "path":
            return extract(Path(job.value), published=job.published)
        return extract(parse_article(job.value, source=None, published=job.published))
    except SummitlibError as exc:
        return ExtractionFailure(job.label, exc)


def _expand(
    paths_or_globs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[str, bool]]:
    """Paths from paths, directories (their ``*.txt``) and glob patterns; ``(path, found)`` pairs."""
    items = [paths_or_globs] if isinstance(paths_or_globs, str | os.PathLike) else paths_or_globs
    for item in items:
        text = os.fspath(item)
        if isinstance(item, str) and _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield text, False
            yield from ((m, True) for m in matches if not os.path.isdir(m))
        elif os.path.isdir(text):
            yield from ((str(p), True) for p in sorted(Path(text).glob("*.txt")))
        else:
            yield text, True


def _jobs_for_paths(
    paths_or_globs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], published: Published
) -> list[_Job]:
    return [_Job("path" if found else "failure", path, path, published) for path, found in _expand(paths_or_globs)]


def _default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _results(
    jobs: Iterable[_Job], n: int | None, executor: ExecutorChoice, window: int | None = None
) -> Iterator[Extraction | ExtractionFailure]:
    """Run jobs in input order through the chosen executor, with a bounded number in flight."""
    cpus = _default_workers()
    if executor is None:
        executor = "process" if n is not None and n >= POOL_THRESHOLD and cpus > 1 else "serial"
    if executor == "serial":
        yield from map(_run_job, jobs)
        return
    if executor == "process":
        with ProcessPoolExecutor(max_workers=min(cpus, n or cpus)) as pool:
            yield from _submit_all(pool, jobs, window or 4 * cpus)
        return
    yield from _submit_all(executor, jobs, window or 64)


def _submit_all(pool: Executor, jobs: Iterable[_Job], window: int) -> Iterator[Extraction | ExtractionFailure]:
    pending: deque[Future[Extraction | ExtractionFailure]] = deque()
    try:
        for job in jobs:
            pending.append(pool.submit(_run_job, job))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _with_progress(
    results: Iterator[Extraction | ExtractionFailure], total: int | None, progress: bool
) -> Iterator[Extraction | ExtractionFailure]:
    if not progress:
        return results
    from summitlib._progress import progress_bar

    return progress_bar(results, total=total, desc="extracting", unit="article")


def iter_extract(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    executor: ExecutorChoice = None,
    published: Published = None,
    progress: bool = False,
    errors: list[ExtractionFailure] | None = None,
) -> Generator[Extraction, None, None]:
    """Extract articles one by one, in input order, holding only a bounded number in memory.

    Args:
        paths: paths, directories (their ``*.txt`` files) or glob patterns (``"crawl/**/*.txt"``);
            an iterable is consumed lazily.
        executor: see :class:`Corpus.from_paths`; the default is serial here unless ``paths`` is a
            sequence of at least 8 items.
        published: the publication date of articles without a ``date`` header.
        progress: show a tqdm progress bar (progress extra).
        errors: a list to collect failures in; without it each failure is a
            :class:`~summitlib.errors.SummitlibWarning`.

    Yields:
        One :class:`~summitlib.Extraction` per article that could be read.

    Raises:
        summitlib.errors.ExtraError: for ``progress=True`` without tqdm.
    """
    n = len(paths) if isinstance(paths, list | tuple) else None
    jobs = (_Job("path" if ok else "failure", p, p, published) for p, ok in _expand(paths))
    for result in _with_progress(_results(jobs, n, executor), n, progress):
        if isinstance(result, ExtractionFailure):
            if errors is not None:
                errors.append(result)
            else:
                warnings.warn(str(result), SummitlibWarning, stacklevel=2)
            continue
        yield result


def _tuple_of_extractions(items: Iterable[Extraction]) -> tuple[Extraction, ...]:
    return tuple(items)


def _tuple_of_failures(items: Iterable[ExtractionFailure]) -> tuple[ExtractionFailure, ...]:
    return tuple(items)


@attrs.frozen
class Corpus:
    """Many articles, extracted; their records merged across sources into typed selections.

    ``corpus.summits``, ``.meetings``, ``.agreements``, ``.statements`` and ``.money`` are
    :class:`~summitlib.Selection` objects of the model classes, each record with its
    :class:`~summitlib.Provenance` (sources, effective date, summit, alternatives). In them, the
    ``summit`` field of meetings, agreements and statements indexes ``corpus.summits``.

    Attributes:
        extractions: one Extraction per article read, in input order.
        errors: one ExtractionFailure per file or text that could not be read.
    """

    extractions: tuple[Extraction, ...] = attrs.field(converter=_tuple_of_extractions)
    errors: tuple[ExtractionFailure, ...] = attrs.field(default=(), converter=_tuple_of_failures)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_paths(
        cls,
        paths_or_globs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        executor: ExecutorChoice = None,
        progress: bool = False,
        published: Published = None,
    ) -> Corpus:
        """Extract article files, in parallel where it pays.

        Args:
            paths_or_globs: paths, directories (their ``*.txt`` files) or glob patterns.
            executor: ``None`` (a process pool for ≥ 8 files on more than one CPU, else serial),
                ``"serial"``, ``"process"``, or any :class:`concurrent.futures.Executor` (e.g. a Dask
                ``client.get_executor()``); it is not shut down here.
            progress: show a tqdm progress bar (progress extra).
            published: the publication date of articles without a ``date`` header.

        Returns:
            The corpus, articles in input order; unreadable files in ``errors``.

        Raises:
            summitlib.errors.ExtraError: for ``progress=True`` without tqdm.
        """
        jobs = _jobs_for_paths(paths_or_globs, published)
        return cls._collect(_with_progress(_results(jobs, len(jobs), executor), len(jobs), progress))

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        *,
        executor: ExecutorChoice = None,
        progress: bool = False,
        published: Published = None,
    ) -> Corpus:
        """Extract article texts (never taken for paths).

        Args:
            texts: the article texts.
            executor: as for :meth:`from_paths`.
            progress: show a tqdm progress bar (progress extra).
            published: the publication date of texts without a ``date`` header.

        Returns:
            The corpus; texts that cannot be read are in ``errors`` as ``<text N>``.

        Raises:
            summitlib.errors.ExtraError: for ``progress=True`` without tqdm.
        """
        jobs = [_Job("text", t, f"<text {i}>", published) for i, t in enumerate(texts)]
        return cls._collect(_with_progress(_results(jobs, len(jobs), executor), len(jobs), progress))

    @classmethod
    def from_extractions(cls, extractions: Iterable[Extraction], errors: Iterable[ExtractionFailure] = ()) -> Corpus:
        """A corpus of extractions made elsewhere (e.g. read back with ``load_jsonl``).

        Args:
            extractions: the extractions.
            errors: failures to carry along.

        Returns:
            The corpus.
        """
        return cls(tuple(extractions), tuple(errors))

    @classmethod
    def _collect(cls, results: Iterable[Extraction | ExtractionFailure]) -> Corpus:
        done: list[Extraction] = []
        failed: list[ExtractionFailure] = []
        for r in results:
            if isinstance(r, ExtractionFailure):
                failed.append(r)
            else:
                done.append(r)
        return cls(tuple(done), tuple(failed))

    # ------------------------------------------------------------------ records
    @functools.cached_property
    def _merged(self) -> Merged:
        return merge(self.extractions)

    @property
    def summits(self) -> Selection[Summit]:
        """The summits, one per summit however many articles report it."""
        return self._merged.summits

    @property
    def meetings(self) -> Selection[Meeting]:
        """The meetings, merged across articles."""
        return self._merged.meetings

    @property
    def agreements(self) -> Selection[Agreement]:
        """The agreements, deduplicated across articles."""
        return self._merged.agreements

    @property
    def statements(self) -> Selection[Statement]:
        """The statements of every article."""
        return self._merged.statements

    @property
    def money(self) -> Selection[Money]:
        """The amounts of money of every article."""
        return self._merged.money

    @property
    def articles(self) -> Selection[Article]:
        """The articles read, in input order."""
        return Selection([e.article for e in self.extractions], record_type=Article)

    def __len__(self) -> int:
        return len(self.extractions)

    def __iter__(self) -> Iterator[Extraction]:
        return iter(self.extractions)

    def __add__(self, other: Corpus) -> Corpus:
        if not isinstance(other, Corpus):
            return NotImplemented
        return Corpus(self.extractions + other.extractions, self.errors + other.errors)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}" for name in ("summits", "meetings", "agreements", "statements")
        )
        failed = f", {len(self.errors)} failed" if self.errors else ""
        return f"<Corpus: {len(self)} articles{failed}; {counts}>"

    def _repr_html_(self) -> str:
        import html

        from summitlib._html import selection_html

        return f"<p>{html.escape(repr(self))}</p>{selection_html(self.summits)}"


def load_seeds(*, executor: ExecutorChoice = None) -> Corpus:
    """The bundled seed articles, extracted (``summitlib/seeds`` in a wheel, ``seeds/`` in the repo).

    Args:
        executor: as for :meth:`Corpus.from_paths`.

    Returns:
        The seed corpus.

    Raises:
        summitlib.errors.ArticleNotFoundError: when the installation holds no seed articles.
    """
    from summitlib._seeds import seed_paths

    paths = seed_paths()
    if not paths:
        raise ArticleNotFoundError(errno.ENOENT, "no seed articles are installed", "summitlib/seeds")
    return Corpus.from_paths([str(p) for p in paths], executor=executor)
