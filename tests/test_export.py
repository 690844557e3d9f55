"""Exporters of selections: JSON, pandas, Arrow and Parquet round trips; missing extras."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitlib.corpus import Corpus, load_seeds
from summitlib.errors import ExtraError, SummitlibError
from summitlib.model import (
    Act,
    Agreement,
    AgreementKind,
    Meeting,
    Money,
    PartialDate,
    Person,
    Qualifier,
    Span,
    Statement,
    Summit,
)
from summitlib.query import Provenance, Selection
from tests import strategies as sst

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SUMMIT = Summit(
    "GUS-Gipfel",
    "CIS",
    "Dushanbe",
    "TJ",
    PartialDate.day(dt.date(2025, 10, 10)),
    Person("Emomali Rahmon", "TJ"),
    ("KZ", "RU"),
    (Person("Vladimir Putin", "RU"),),
)
DEAL = Agreement(
    AgreementKind.CONTRACT,
    parties=("KZ", "US"),
    value=Money(Decimal("17000000000.50"), "USD", Qualifier.MORE_THAN),
    sectors=("energy",),
)
DOCS = Agreement(AgreementKind.DOCUMENTS, count="several")
THREE = Agreement(AgreementKind.AGREEMENT, count=3)
SAY = Statement(Person("Kassym-Jomart Tokayev", "KZ"), Act.PROPOSE, Span(0, 3, "abc"), content="KI", summit=0)


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_seeds(executor="serial")


def _selections(corpus: Corpus) -> list[tuple[Selection[Any], type]]:
    return [
        (corpus.summits, Summit),
        (corpus.meetings, Meeting),
        (corpus.agreements, Agreement),
        (corpus.statements, Statement),
        (corpus.money, Money),
    ]


class TestJson:
    def test_seed_selections_round_trip(self, seeds: Corpus) -> None:
        for selection, cls in _selections(seeds):
            back: Selection[Any] = Selection.from_json(selection.to_json(), cls)
            assert list(back) == list(selection)
            for (_, p1), (_, p2) in zip(selection.entries(), back.entries(), strict=True):
                assert p1 is not None
                assert p2 is not None
                assert (p2.sources, p2.date, p2.date_source) == (p1.sources, p1.date, p1.date_source)

    def test_provenance_is_an_extra_key(self, seeds: Corpus) -> None:
        rows = json.loads(seeds.summits.to_json(indent=2))
        assert {"name", "organization", "city", "country", "date", "provenance"} <= set(rows[0])
        assert rows[0]["provenance"]["sources"] == [seeds.summits.source(0)]

    def test_alternatives_are_written(self) -> None:
        from summitlib.query import Alternative

        prov = Provenance(("a", "b"), alternatives=(Alternative("city", "Astana", "a"),))
        back = Selection.from_json(Selection([SUMMIT], [prov]).to_json(), Summit)
        back_prov = back.provenance(0)
        assert back_prov is not None
        assert back_prov.alternatives == prov.alternatives

    @settings(max_examples=30)
    @given(st.lists(sst.statements, max_size=4))
    def test_random_statements_round_trip(self, records: list[Statement]) -> None:
        assert list(Selection.from_json(Selection(records).to_json(), Statement)) == records

    @settings(max_examples=30)
    @given(st.lists(sst.agreements, max_size=4))
    def test_random_agreements_round_trip(self, records: list[Agreement]) -> None:
        assert list(Selection.from_json(Selection(records).to_json(), Agreement)) == records

    @pytest.mark.parametrize("text", ["{", "{}", "[1]", '[{"name": 1, "countries": 5}]'])
    def test_bad_json_is_a_summitlib_error(self, text: str) -> None:
        with pytest.raises(SummitlibError):
            Selection.from_json(text, Summit)

    def test_dump_json(self, tmp_path: Path) -> None:
        path = tmp_path / "s.json"
        with path.open("w", encoding="utf-8") as fp:
            Selection([SAY]).dump_json(fp)
        assert list(Selection.from_json(path.read_text(encoding="utf-8"), Statement)) == [SAY]


class TestPandas:
    def test_dtypes(self, seeds: Corpus) -> None:
        frame = seeds.summits.to_frame()
        assert str(frame["date"].dtype) == "datetime64[ns]"
        assert isinstance(frame["organization"].dtype, pd.CategoricalDtype)
        assert frame["name"].dtype == "string"
        assert frame["n_sources"].dtype == "Int64"
        assert isinstance(frame["countries"][0], list)
        statements = seeds.statements.to_frame()
        assert isinstance(statements["act"].dtype, pd.CategoricalDtype)
        assert statements["direct_quote"].dtype == "boolean"

    def test_money_is_float_plus_exact_string(self) -> None:
        frame = Selection([DEAL, DOCS, THREE]).to_frame()
        assert frame["value"].dtype == "float64"
        assert frame["value"][0] == pytest.approx(17e9)
        assert Decimal(frame["value_exact"][0]) == Decimal("17000000000.50")
        assert pd.isna(frame["value"][1])
        assert pd.isna(frame["value_high"][0])
        assert list(frame["several"]) == [False, True, False]
        assert frame["count"][2] == 3
        assert pd.isna(frame["count"][1])
        assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)

    def test_round_trip_to_records(self, seeds: Corpus) -> None:
        """Every exported value maps back to the record it came from."""
        frame = seeds.agreements.to_frame()
        for i, agreement in enumerate(seeds.agreements):
            assert frame["kind"][i] == agreement.kind.value
            assert list(frame["parties"][i]) == list(agreement.parties)
            if agreement.value is not None:
                assert Decimal(frame["value_exact"][i]) == agreement.value.amount
        frame = seeds.summits.to_frame()
        for i, s in enumerate(seeds.summits):
            assert s.date is not None
            assert frame["date"][i].date() == s.date.start
            assert frame["date_end"][i].date() == s.date.end
            assert frame["source"][i] == seeds.summits.source(i)

    def test_every_record_class_has_a_frame(self, seeds: Corpus) -> None:
        for selection, _ in _selections(seeds):
            assert len(selection.to_frame()) == len(selection)
        outlets = seeds.articles.to_frame()["outlet"]
        assert [None if pd.isna(o) else o for o in outlets] == [a.outlet for a in seeds.articles]

    def test_empty_selections(self) -> None:
        assert list(Selection([], record_type=Statement).to_frame().columns)[:2] == ["speaker", "speaker_kind"]
        assert Selection([]).to_frame().empty

    def test_unknown_record_class(self) -> None:
        with pytest.raises(TypeError, match="no tabular form"):
            Selection([1, 2]).to_frame()


class TestArrow:
    def test_schema(self) -> None:
        table = Selection([SUMMIT]).to_arrow()
        assert table.schema.field("date").type == pa.date32()
        assert pa.types.is_dictionary(table.schema.field("organization").type)
        assert table.schema.field("countries").type == pa.list_(pa.string())
        assert table.column("date").to_pylist() == [dt.date(2025, 10, 10)]

    def test_parquet_round_trip(self, seeds: Corpus, tmp_path: Path) -> None:
        for selection, cls in _selections(seeds):
            path = tmp_path / f"{cls.__name__}.parquet"
            selection.to_parquet(path)
            back = pq.read_table(path)
            assert back.equals(selection.to_arrow()), cls

    def test_money_values_survive_parquet(self, tmp_path: Path) -> None:
        path = tmp_path / "deals.parquet"
        Selection([DEAL, DOCS]).to_parquet(path)
        exact = pq.read_table(path).column("value_exact").to_pylist()
        assert exact == ["17000000000.50", None]

    def test_arrow_and_pandas_agree(self, seeds: Corpus) -> None:
        frame = seeds.statements.to_frame()
        table = seeds.statements.to_arrow()
        assert table.column_names == list(frame.columns)
        assert table.column("content").to_pylist() == list(frame["content"])


class TestMissingExtras:
    @pytest.mark.parametrize(
        ("module", "call"),
        [
            ("pandas", lambda s: s.to_frame()),
            ("pyarrow", lambda s: s.to_arrow()),
            ("networkx", lambda s: s.co_attendance_network()),
        ],
    )
    def test_extra_error_names_the_extra(self, monkeypatch: pytest.MonkeyPatch, module: str, call: Any) -> None:
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(ExtraError, match=r"pip install 'summitlib\["):
            call(Selection([SUMMIT]))

    def test_progress_without_tqdm(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "tqdm", None)
        with pytest.raises(ExtraError, match="progress"):
            Corpus.from_texts(["x"], progress=True)

    def test_plot_without_matplotlib(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from summitlib.plot import plot_timeline

        monkeypatch.setitem(sys.modules, "matplotlib", None)
        monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
        with pytest.raises(ExtraError, match="plot"):
            plot_timeline(Selection([SUMMIT]))


class TestPlots:
    def test_timeline_and_network_draw(self, seeds: Corpus, tmp_path: Path) -> None:
        pytest.importorskip("matplotlib")
        import matplotlib

        matplotlib.use("Agg")
        from summitlib.plot import plot_meeting_network, plot_timeline

        ax = plot_timeline(seeds.summits)
        assert ax.get_title() == "Timeline"
        import matplotlib.pyplot as plt

        plt.savefig(tmp_path / "timeline.png")
        ax2 = plot_meeting_network(seeds.meetings)
        assert ax2.get_title() == "Meetings"
        assert (tmp_path / "timeline.png").stat().st_size > 0
