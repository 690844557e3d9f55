"""End to end: the seed articles give the facts they state, and extract() never crashes."""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitlib import Act, AgreementKind, Country, Extraction, MeetingKind, Person, Precision, Qualifier, extract
from summitlib._seeds import seed_paths
from summitlib.errors import SummitlibError


@pytest.fixture(scope="module")
def c5() -> Extraction:
    """The DAZ report on the C5+1 summit in Washington (2025-11-10)."""
    return extract(next(p for p in seed_paths() if p.name.startswith("000_")))


@pytest.fixture(scope="module")
def cis() -> Extraction:
    """The DAZ report on the CIS summit in Dushanbe (2025-10-14)."""
    return extract(next(p for p in seed_paths() if p.name.startswith("003_")))


class TestSeedC5:
    def test_one_summit_in_washington_chaired_by_trump(self, c5: Extraction) -> None:
        assert len(c5.summits) == 1
        s = c5.summits[0]
        assert (s.organization, s.city, s.country) == ("C5+1", "Washington", "US")
        assert s.chair is not None
        assert s.chair.name == "Donald Trump"
        assert s.date is None  # the article names no day

    def test_participants(self, c5: Extraction) -> None:
        s = c5.summits[0]
        assert {"KZ", "KG", "TJ", "TM", "UZ", "US"} <= set(s.countries)
        assert {p.name for p in s.leaders} == {"Kassym-Jomart Tokayev", "Donald Trump"}

    def test_contracts_worth_more_than_17_bn(self, c5: Extraction) -> None:
        contracts = [a for a in c5.agreements if a.kind is AgreementKind.CONTRACT]
        assert len(contracts) == 1
        value = contracts[0].value
        assert value is not None
        assert (value.amount, value.currency, value.qualifier) == (
            Decimal(17_000_000_000),
            "USD",
            Qualifier.MORE_THAN,
        )
        assert {"KZ", "US"} <= set(contracts[0].parties)
        assert contracts[0].summit == 0

    def test_money_mentions(self, c5: Extraction) -> None:
        assert [(m.amount, m.currency) for m in c5.money] == [(Decimal(17_000_000_000), "USD")] * 2
        for m in c5.money:
            assert m.evidence is not None
            assert c5.article.text[m.evidence.start : m.evidence.end] == m.evidence.text

    def test_tokayev_presents_and_emphasizes(self, c5: Extraction) -> None:
        acts = {(s.speaker, s.act) for s in c5.statements}
        tokayev = Person("Kassym-Jomart Tokayev", "KZ")
        assert (tokayev, Act.PRESENT) in acts
        assert (tokayev, Act.EMPHASIZE) in acts
        assert (tokayev, Act.REAFFIRM) in acts
        assert (Country("KZ"), Act.REAFFIRM) in acts  # "Kasachstan betonte erneut"


class TestSeedCIS:
    def test_summit_in_dushanbe_on_10_october(self, cis: Extraction) -> None:
        s = cis.summits[0]
        assert (s.organization, s.city, s.country) == ("CIS", "Dushanbe", "TJ")
        assert s.date is not None
        assert (s.date.start, s.date.precision) == (dt.date(2025, 10, 10), Precision.DAY)
        assert s.chair is not None
        assert s.chair.name == "Emomali Rahmon"

    def test_member_states_listed(self, cis: Extraction) -> None:
        assert set(cis.summits[0].countries) == {"RU", "BY", "AM", "UZ", "KG", "AZ", "TM", "TJ", "KZ"}

    def test_tokayev_putin_on_the_sidelines(self, cis: Extraction) -> None:
        assert len(cis.meetings) == 1
        m = cis.meetings[0]
        assert {p.name for p in m.participants} == {"Kassym-Jomart Tokayev", "Vladimir Putin"}
        assert (m.kind, m.summit) == (MeetingKind.BILATERAL, 0)

    def test_several_documents_adopted(self, cis: Extraction) -> None:
        docs = [a for a in cis.agreements if a.kind is AgreementKind.DOCUMENTS]
        assert len(docs) == 1
        assert docs[0].count == "several"

    def test_hedged_amounts(self, cis: Extraction) -> None:
        assert [(m.amount, m.qualifier) for m in cis.money] == [
            (Decimal(28_000_000_000), Qualifier.EXACT),
            (Decimal(26_000_000_000), Qualifier.MORE_THAN),
            (Decimal(22_000_000_000), Qualifier.ABOUT),
        ]

    def test_statements(self, cis: Extraction) -> None:
        tokayev = [s for s in cis.statements if isinstance(s.speaker, Person) and s.speaker.surname == "Tokayev"]
        acts = [s.act for s in tokayev]
        assert acts.count(Act.PROPOSE) == 3
        assert Act.THANK in acts
        assert Act.RECALL in acts
        assert Act.WARN in acts
        quoted = [s for s in cis.statements if s.direct_quote]
        assert len(quoted) == 1
        assert isinstance(quoted[0].speaker, Person)
        assert quoted[0].speaker.name == "Vladimir Putin"
        for s in cis.statements:
            assert cis.article.text[s.evidence.start : s.evidence.end] == s.evidence.text


class TestEntryPoint:
    def test_text_with_published(self) -> None:
        text = (
            "Am Freitag ist in Taschkent ein Gipfeltreffen der Schanghaier Organisation für "
            "Zusammenarbeit zu Ende gegangen. Usbekistans Präsident Schawkat Mirsijojew forderte mehr Handel."
        )
        ex = extract(text, published="2025-06-16")
        assert ex.article.published is not None
        s = ex.summits[0]
        assert (s.organization, s.city) == ("SCO", "Tashkent")
        assert s.date is not None
        assert s.date.start == dt.date(2025, 6, 13)
        assert [(st_.speaker, st_.act) for st_ in ex.statements] == [
            (Person("Shavkat Mirziyoyev", "UZ"), Act.CALL_FOR)
        ]

    def test_no_summit_gives_empty_tuples(self) -> None:
        ex = extract("Das Wetter in Berlin war am Montag sonnig.", published="2025-06-16")
        assert (ex.summits, ex.meetings, ex.agreements, ex.money, ex.statements) == ((), (), (), (), ())


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_extract_never_raises_on_text(text: str) -> None:
    """Arbitrary text gives an Extraction or a SummitlibError, never anything else."""
    try:
        ex = extract(text, published="2025-01-01")
    except SummitlibError:
        return
    for s in ex.statements:
        assert ex.article.text[s.evidence.start : s.evidence.end] == s.evidence.text


_VOCABULARY = (
    "Gipfel Gipfeltreffen der GUS SOZ in Astana Duschanbe am 10. Oktober Präsident Tokajew Putin betonte "
    "sagte , . „ “ forderte unterzeichneten 15 Abkommen über 17 Milliarden US-Dollar Am Rande des traf sich "
    "mit Er kündigte an vom 3. bis 4. Juli Kasachstans Russlands der kasachische Staatschef"
)
_WORDS = st.sampled_from(_VOCABULARY.split(" "))


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=80).map(" ".join))
def test_extract_never_raises_on_summit_vocabulary(text: str) -> None:
    """Text made of the words the rules look for still never crashes the pipeline."""
    with contextlib.suppress(SummitlibError):
        extract(text, published="2025-10-14")
