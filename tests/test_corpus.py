"""Corpora: seeds, paths and globs, executors (serial, threads, processes, Dask), failures, streaming."""

from __future__ import annotations

import inspect
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import summitlib as sl
from summitlib._seeds import seed_paths
from summitlib.corpus import Corpus, ExtractionFailure, iter_extract, load_seeds
from summitlib.errors import ArticleNotFoundError, EmptyArticleError, SummitlibWarning
from summitlib.model import Statement, Summit
from summitlib.query import Selection, q


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_seeds(executor="serial")


@pytest.fixture
def copies(tmp_path: Path) -> list[Path]:
    """Eight article files: four copies of each seed (distinct ids, same summits)."""
    out = []
    for n in range(4):
        for p in seed_paths():
            target = tmp_path / f"{n}_{p.name}"
            shutil.copyfile(p, target)
            out.append(target)
    return sorted(out)


def _summary(corpus: Corpus) -> list[tuple[str, int, int]]:
    return [(e.article.id, len(e.summits), len(e.statements)) for e in corpus]


class TestSpecExample:
    def test_the_spec_example_reads_naturally(self) -> None:
        """The example of SPEC.md "Query helpers", on the bundled seeds."""
        corpus = sl.load_seeds()
        kz_autumn = corpus.summits.where(sl.q.attended_by("KZ") & sl.q.between("2025-10-01", "2025-11-30"))
        assert sorted(s.organization or "" for s in kz_autumn) == ["C5+1", "CIS"]
        frame = corpus.statements.where(sl.q.speaker("Tokayev") & sl.q.act("propose")).to_frame()
        assert len(frame) >= 1
        assert set(frame["act"]) == {"propose"}
        assert set(frame["speaker"]) == {"Kassym-Jomart Tokayev"}
        total = corpus.agreements.total_value("USD")
        assert total.low >= 17_000_000_000
        assert total.high is None  # "über 17 Milliarden": no upper bound
        talks = corpus.meetings.where(sl.q.between_leaders("Tokayev", "Putin"))
        assert len(talks) == 1
        assert corpus.summits[talks[0].summit or 0].organization == "CIS"

    def test_typed_chains(self) -> None:
        corpus = sl.load_seeds()
        statements: Selection[Statement] = corpus.statements.where(sl.q.speaker("Tokayev"))
        summits: Selection[Summit] = corpus.summits.sort_by("date").where(sl.q.organization("CIS"))
        assert len(statements) > 0
        assert summits.first() is not None


class TestSeeds:
    def test_seeds_load_without_errors(self, seeds: Corpus) -> None:
        assert len(seeds) == 2
        assert seeds.errors == ()
        assert {s.organization for s in seeds.summits} == {"C5+1", "CIS"}

    def test_seed_summits_carry_their_source(self, seeds: Corpus) -> None:
        ids = [a.id for a in seeds.articles]
        assert sorted(seeds.summits.source(i) or "" for i in range(len(seeds.summits))) == sorted(ids)

    def test_undated_summit_is_flagged(self, seeds: Corpus) -> None:
        c51 = seeds.summits.where(q.organization("C5+1"))
        prov = c51.provenance(0)
        assert prov is not None
        assert prov.date_from_publication
        assert c51[0].date == seeds.articles[0].published

    def test_repr_and_html(self, seeds: Corpus) -> None:
        assert repr(seeds).startswith("<Corpus: 2 articles; 2 summits")
        assert "&lt;Corpus" in seeds._repr_html_()
        assert "<table>" in seeds._repr_html_()

    def test_corpora_add(self, seeds: Corpus) -> None:
        both = seeds + seeds
        assert len(both) == 4
        assert len(both.summits) == 2  # the same summits, now with two sources each
        prov = both.summits.provenance(0)
        assert prov is not None
        assert len(prov.sources) == 1  # same article id twice counts once


class TestFromPaths:
    def test_paths_globs_and_directories(self, copies: list[Path], tmp_path: Path) -> None:
        by_glob = Corpus.from_paths(str(tmp_path / "*.txt"), executor="serial")
        by_dir = Corpus.from_paths(tmp_path, executor="serial")
        by_list = Corpus.from_paths(copies, executor="serial")
        assert _summary(by_glob) == _summary(by_dir) == _summary(by_list)
        assert [e.article.id for e in by_list] == [p.stem for p in copies]

    def test_failures_are_collected_not_fatal(self, copies: list[Path], tmp_path: Path) -> None:
        empty = tmp_path / "empty.txt"
        empty.write_text("   \n", encoding="utf-8")
        inputs: list[str | Path] = [
            copies[0],
            tmp_path / "missing.txt",
            str(tmp_path / "nothing-*.md"),
            empty,
            copies[1],
        ]
        corpus = Corpus.from_paths(inputs, executor="serial")
        assert [e.article.id for e in corpus] == [copies[0].stem, copies[1].stem]
        assert [type(f.error) for f in corpus.errors] == [ArticleNotFoundError, ArticleNotFoundError, EmptyArticleError]
        assert corpus.errors[0].source.endswith("missing.txt")
        assert "nothing-*.md" in str(corpus.errors[1])

    def test_merges_the_same_summit_across_files(self, copies: list[Path]) -> None:
        corpus = Corpus.from_paths(copies, executor="serial")
        assert len(corpus) == 8
        assert len(corpus.summits) == 2
        for i in range(2):
            prov = corpus.summits.provenance(i)
            assert prov is not None
            assert len(prov.sources) == 4
        assert len(corpus.meetings) == 1
        assert len(corpus.agreements) == 2
        assert str(corpus.agreements.total_value("USD")) == ">= 17 bn USD"

    def test_thread_pool_gives_the_same_result_in_order(self, copies: list[Path]) -> None:
        serial = Corpus.from_paths(copies, executor="serial")
        with ThreadPoolExecutor(max_workers=3) as pool:
            threaded = Corpus.from_paths(copies, executor=pool)
        assert threaded == serial

    def test_process_pool_by_default_for_many_files(self, copies: list[Path]) -> None:
        serial = Corpus.from_paths(copies, executor="serial")
        assert Corpus.from_paths(copies) == serial
        assert Corpus.from_paths(copies, executor="process") == serial

    def test_failures_cross_process_boundaries(self, copies: list[Path], tmp_path: Path) -> None:
        corpus = Corpus.from_paths([*copies, tmp_path / "missing.txt"], executor="process")
        assert len(corpus) == 8
        assert isinstance(corpus.errors[0].error, ArticleNotFoundError)

    def test_progress_bar(self, copies: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
        pytest.importorskip("tqdm")
        Corpus.from_paths(copies[:2], executor="serial", progress=True)
        assert "extracting" in capsys.readouterr().err

    def test_dask_executor(self, copies: list[Path]) -> None:
        """A Dask distributed cluster works through ``client.get_executor()``."""
        distributed = pytest.importorskip("distributed")
        serial = Corpus.from_paths(copies, executor="serial")
        with (
            distributed.LocalCluster(
                processes=False, n_workers=1, threads_per_worker=2, dashboard_address=":0"
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            corpus = Corpus.from_paths(copies, executor=client.get_executor())
        assert corpus == serial


class TestFromTexts:
    def test_texts_and_their_failures(self) -> None:
        text = seed_paths()[1].read_text(encoding="utf-8")
        corpus = Corpus.from_texts([text, "  ", "Das Wetter war mild."], published="2025-10-14")
        assert len(corpus) == 2
        assert [f.source for f in corpus.errors] == ["<text 1>"]
        assert "CIS" in {s.organization for s in corpus.summits}
        assert corpus.articles[1].published == sl.PartialDate.parse("2025-10-14")

    def test_a_text_is_never_a_path(self, tmp_path: Path) -> None:
        corpus = Corpus.from_texts([str(seed_paths()[0])])
        assert len(corpus) == 1
        assert corpus.summits.first() is None

    def test_from_extractions(self, seeds: Corpus) -> None:
        failure = ExtractionFailure("x.txt", EmptyArticleError("empty", source="x.txt"))
        again = Corpus.from_extractions(seeds.extractions, [failure])
        assert again.summits == seeds.summits
        assert str(again.errors[0]).startswith("x.txt: EmptyArticleError")


class TestIterExtract:
    def test_streams_in_order(self, copies: list[Path]) -> None:
        assert inspect.isgenerator(iter_extract(copies))
        assert [e.article.id for e in iter_extract(copies)] == [p.stem for p in copies]

    def test_streams_lazily_from_a_generator(self, copies: list[Path]) -> None:
        consumed: list[Path] = []

        def paths() -> Iterator[Path]:
            for p in copies:
                consumed.append(p)
                yield p

        stream = iter_extract(paths(), executor="serial")
        first = next(stream)
        assert first.article.id == copies[0].stem
        assert len(consumed) == 1
        stream.close()

    def test_bounded_window_with_an_executor(self, copies: list[Path]) -> None:
        with ThreadPoolExecutor(max_workers=2) as pool:
            ids = [e.article.id for e in iter_extract(copies, executor=pool)]
        assert ids == [p.stem for p in copies]

    def test_failures_go_to_the_list_or_warn(self, copies: list[Path], tmp_path: Path) -> None:
        errors: list[ExtractionFailure] = []
        got = list(iter_extract([tmp_path / "missing.txt", copies[0]], errors=errors))
        assert len(got) == 1
        assert len(errors) == 1
        with pytest.warns(SummitlibWarning, match="missing"):
            assert len(list(iter_extract([tmp_path / "missing.txt"]))) == 0
