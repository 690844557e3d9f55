"""Tests for :mod:`summitlib.extract.agreements`: tables of fresh German sentences, then properties."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitlib.extract._doc import Doc
from summitlib.extract._documents import (
    _CLAUSE,
    GUEST,
    find_all,
    guest_starts,
    has_company,
    lexicon,
    noun_kind,
    scan,
    sectors_in,
)
from summitlib.extract._lexicon import fold_free
from summitlib.extract._lexicon import lower_same_length as _lower
from summitlib.extract.agreements import find_agreements
from summitlib.extract.dates import find_dates
from summitlib.extract.entities import find_entities
from summitlib.extract.sentences import split_sentences
from summitlib.model import Agreement, AgreementKind, Money, PartialDate, Qualifier, Span, Summit

PUBLISHED = dt.date(2025, 5, 20)

#: A summit of the five Central Asian states held in Astana the day before publication.
C5 = Summit(
    name="Gipfeltreffen",
    organization="C5",
    city="Astana",
    country="KZ",
    date=PartialDate.day(dt.date(2025, 5, 19)),
    countries=("KZ", "UZ", "KG", "TJ", "TM"),
)
#: A summit of the EU and Central Asia.
CA_EU = Summit(
    name="Gipfel",
    organization="CA-EU",
    city="Samarkand",
    country="UZ",
    date=PartialDate.day(dt.date(2025, 5, 19)),
    countries=("UZ", "KZ", "KG", "TJ", "TM"),
)

_AMOUNT = re.compile(
    r"(?P<hedge>über |rund |mehr als )?(?P<num>\d+(?:,\d+)?) "
    r"(?P<scale>Milliarden|Millionen) (?P<cur>US-Dollar|Euro|Dollar)"
)


def _money(text: str) -> tuple[Money, ...]:
    """Stand-in money pass for the tests (only the forms used below)."""
    out = []
    for m in _AMOUNT.finditer(text):
        scale = Decimal(10) ** (9 if m["scale"] == "Milliarden" else 6)
        hedge = {"über ": Qualifier.MORE_THAN, "mehr als ": Qualifier.MORE_THAN, "rund ": Qualifier.ABOUT}
        qualifier = hedge.get(m["hedge"] or "", Qualifier.EXACT)
        out.append(
            Money(
                Decimal(m["num"].replace(",", ".")) * scale,
                "EUR" if m["cur"] == "Euro" else "USD",
                qualifier,
                Span.of(text, m.start(), m.end()),
            )
        )
    return tuple(out)


def _doc(text: str) -> Doc:
    from summitlib.model import Article

    paragraphs = []
    pos = 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        paragraphs.append(Span.of(text, start, start + len(block)))
        pos = start + len(block)
    article = Article(id="test", text=text, published=PartialDate.day(PUBLISHED), paragraphs=tuple(paragraphs))
    return Doc(
        article=article,
        sentences=tuple(split_sentences(text)),
        entities=tuple(find_entities(text, PUBLISHED)),
        dates=tuple(find_dates(text, PUBLISHED)),
        money=_money(text),
    )


def _run(text: str, summits: tuple[Summit, ...] = (C5,)) -> list[Agreement]:
    return find_agreements(_doc(text), summits)


# (id, text, expected [(kind, count, parties as a set or None to skip, summit)])
CASES_KIND_COUNT = [
    (
        "declaration-adopted-by-members",
        "Zum Abschluss verabschiedeten die Staatschefs eine gemeinsame Erklärung.",
        [("declaration", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0)],
    ),
    (
        "digits-count-and-darunter-list",
        "Insgesamt unterzeichneten die Präsidenten 14 Dokumente, darunter einen Aktionsplan für den Verkehr.",
        [("documents", 14, None, 0), ("other", None, None, 0)],
    ),
    (
        "number-word-dozen",
        "Die Delegationen unterzeichneten zwei Dutzend Vereinbarungen zur Wasserwirtschaft.",
        [("agreement", 24, None, 0)],
    ),
    (
        "number-word-plain",
        "Am Ende wurden neun Memoranden über die Zusammenarbeit im Tourismus unterzeichnet.",
        [("memorandum", 9, None, 0)],
    ),
    (
        "several-from-eine-reihe-von",
        "Die Regierungen schlossen eine Reihe von Abkommen über Zölle ab.",
        [("agreement", "several", None, 0)],
    ),
    (
        "treaty-between-states",
        "Usbekistan und Kirgisistan unterzeichneten einen Vertrag über die gemeinsame Grenze.",
        [("treaty", None, {"UZ", "KG"}, 0)],
    ),
    (
        "contract-between-companies",
        "Zudem schlossen usbekische und chinesische Unternehmen Verträge über Textilmaschinen ab.",
        [("contract", None, {"UZ", "CN"}, 0)],
    ),
    (
        "partner-after-mit",
        "Die Staatschefs unterzeichneten außerdem ein Freihandelsabkommen mit Aserbaidschan.",
        [("agreement", None, {"KZ", "UZ", "KG", "TJ", "TM", "AZ"}, 0)],
    ),
    (
        "plan-with-modal-is-not-an-agreement",
        "Im Herbst wollen Kasachstan und Turkmenistan ein Abkommen über Gaslieferungen unterzeichnen.",
        [],
    ),
    (
        "passive-plan-is-not-an-agreement",
        "Das Abkommen soll im kommenden Monat in Aschgabat unterzeichnet werden.",
        [],
    ),
    (
        "decision-without-document",
        "Die Staatschefs vereinbarten, sich künftig jedes Jahr zu treffen.",
        [],
    ),
    (
        "noun-without-signing-verb",
        "Die Erklärung sieht eine engere Abstimmung in Fragen der Wasserverteilung vor.",
        [],
    ),
    (
        "negated-signing",
        "Turkmenistan unterzeichnete die Erklärung nicht.",
        [],
    ),
    (
        "relative-clause-signs-the-noun-before",
        "Im Zentrum stand eine Charta der regionalen Zusammenarbeit, die alle fünf Präsidenten billigten.",
        [("other", None, None, 0)],
    ),
    (
        "final-declaration-needs-no-verb",
        "Die Abschlusserklärung ist nur drei Seiten lang.",
        [("declaration", None, None, 0)],
    ),
    (
        "same-document-twice-is-one-entry",
        "Die Staatschefs unterzeichneten die Duschanbe-Erklärung. "
        "Neben der Duschanbe-Erklärung billigten sie keinen weiteren Text.",
        [("declaration", None, None, 0)],
    ),
    (
        "joining-is-not-concluding",
        "Dem Abkommen schlossen sich später auch Aserbaidschan und Georgien an.",
        [],
    ),
]


#: Separable adoption verbs, passive signing in the leaders' presence, appositions and source phrases.
CASES_GRAMMAR = [
    (
        "separable-verb-with-long-middle-field-and-darunter",
        "Am zweiten Tag nahmen die Präsidenten nach Angaben des usbekischen Außenministeriums insgesamt "
        "18 Dokumente an, darunter die Erklärung von Chiwa und ein Fahrplan für den Wassersektor bis 2030.",
        [
            ("documents", 18, {"KZ", "UZ", "KG", "TJ", "TM"}, 0),
            ("declaration", None, None, 0),
            ("other", None, None, 0),
        ],
    ),
    (
        "separable-verb-particle-before-comma-clause",
        "Einstimmig nahmen die fünf Staatschefs am Nachmittag ein Statut der Kommission an, das bereits im "
        "Vorfeld ausgehandelt worden war.",
        [("other", None, None, 0)],
    ),
    (
        "an-as-preposition-is-no-particle",
        "Die Außenminister nahmen an einer Debatte über das Abkommen zum Klimaschutz teil.",
        [],
    ),
    (
        "passive-signing-in-presence-of-the-leaders",
        "Im Beisein der Staatschefs wurden 20 Abkommen unterzeichnet, darunter ein Abkommen über den "
        "Bahnverkehr sowie ein Memorandum über die Hochschulbildung.",
        [
            ("agreement", 20, {"KZ", "UZ", "KG", "TJ", "TM"}, 0),
            ("agreement", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0),
            ("memorandum", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0),
        ],
    ),
    (
        "named-witnesses-are-the-sides-when-nobody-signs-by-name",
        "Im Beisein von Tokajew und Mirsijojew wurden drei Abkommen über den Grenzverkehr unterzeichnet.",
        [("agreement", 3, {"KZ", "UZ"}, 0)],
    ),
    (
        "generic-document-in-apposition-is-the-same-document",
        "Die Staatschefs verabschiedeten die Erklärung von Aralsk, ein Dokument mit 40 Punkten.",
        [("declaration", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0)],
    ),
    (
        "segneten-ab-with-particle",
        "Die Staatsoberhäupter segneten am Abend einen Aktionsplan zur Bewässerung ab.",
        [("other", None, None, 0)],
    ),
    (
        "segneten-without-particle-is-no-adoption",
        "Die Priester segneten die Erklärung der Präsidenten.",
        [],
    ),
    (
        "verstaendigten-sich-auf-a-roadmap",
        "Die Regierungschefs verständigten sich auf eine Roadmap für den digitalen Zoll.",
        [("other", None, None, 0)],
    ),
]

#: Document nouns: (noun phrase after "Die Präsidenten unterzeichneten", expected kind).
CASES_NOUNS = [
    ("den Haushalt der Organisation", "other"),
    ("das Budget des Sekretariats", "other"),
    ("einen Fahrplan zur Zollunion", "other"),
    ("eine Roadmap für den Handel", "other"),
    ("ein Kommuniqué", "declaration"),
    ("ein Communiqué", "declaration"),
    ("einen Aktionsplan", "other"),
    ("eine Konzeption der Sicherheit", "other"),
    ("die Satzung des Fonds", "other"),
    ("das Statut des Rates", "other"),
    ("eine Gipfelerklärung", "declaration"),
    ("eine Friedenserklärung", "declaration"),
    ("einen Freundschaftsvertrag", "treaty"),
    ("ein Rahmenabkommen", "agreement"),
    ("ein Freihandelsabkommen", "agreement"),
    ("ein Partnerschaftsabkommen", "agreement"),
    ("ein Investitionsabkommen", "agreement"),
    ("Lieferverträge", "contract"),
    ("eine Kreditvereinbarung", "agreement"),
    ("einen Sicherheitspakt", "treaty"),
    ("ein Dokument über Zölle", "documents"),
]

#: Final documents that need no verb.
CASES_SELF = [
    ("Das Abschlussdokument umfasst zwölf Seiten.", "declaration"),
    ("Im Schlussdokument fehlt jeder Hinweis auf den Krieg.", "declaration"),
    ("Die Gipfelerklärung nennt den Klimawandel an erster Stelle.", "declaration"),
]


class TestGrammar:
    """Separable verbs, passives, appositions and the lexicon of document nouns."""

    @pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES_GRAMMAR], ids=[c[0] for c in CASES_GRAMMAR])
    def test_table(self, text: str, expected: list[tuple[str, object, set[str] | None, int | None]]) -> None:
        got = _run(text)
        assert [(str(a.kind), a.count, a.summit) for a in got] == [(k, c, s) for k, c, _, s in expected]
        for agreement, (_, _, parties, _) in zip(got, expected, strict=True):
            if parties is not None:
                assert set(agreement.parties) == parties

    @pytest.mark.parametrize(("phrase", "kind"), CASES_NOUNS, ids=[c[0] for c in CASES_NOUNS])
    def test_noun(self, phrase: str, kind: str) -> None:
        (agreement,) = _run(f"In Astana unterzeichneten die Präsidenten außerdem {phrase}.")
        assert str(agreement.kind) == kind

    @pytest.mark.parametrize(("text", "kind"), CASES_SELF, ids=[c[1] + "-" + c[0].split()[1] for c in CASES_SELF])
    def test_final_document(self, text: str, kind: str) -> None:
        (agreement,) = _run(text)
        assert str(agreement.kind) == kind
        assert agreement.summit == 0


class TestKindsAndCounts:
    """What counts as an agreement, its kind, count, parties and summit."""

    @pytest.mark.parametrize(
        ("text", "expected"), [c[1:] for c in CASES_KIND_COUNT], ids=[c[0] for c in CASES_KIND_COUNT]
    )
    def test_table(self, text: str, expected: list[tuple[str, object, set[str] | None, int | None]]) -> None:
        got = _run(text)
        assert [(str(a.kind), a.count, a.summit) for a in got] == [(k, c, s) for k, c, _, s in expected]
        for agreement, (_, _, parties, _) in zip(got, expected, strict=True):
            if parties is not None:
                assert set(agreement.parties) == parties


#: Sentences that add documents to the sentence before, coordinated adjectives, the two sides named
#: across a paragraph: (id, text, summits, expected [(kind, count, parties or None, summit)]).
CASES_FOLLOW_UP: list[tuple[str, str, tuple[Summit, ...], list[tuple[str, object, set[str] | None, int | None]]]] = [
    (
        "hinzu-kommt-adds-to-the-documents-before",
        "Die Präsidenten unterzeichneten eine Erklärung über den Wasserhaushalt. "
        "Hinzu kommt ein Fahrplan für die Digitalisierung der Zollstellen.",
        (C5,),
        [("declaration", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0), ("other", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0)],
    ),
    (
        "darunter-sind-names-members-with-the-same-sides",
        "Kasachstan und Usbekistan schlossen elf Abkommen ab. "
        "Darunter sind ein Vertrag über den Bau einer Brücke und eine Vereinbarung über Tourismus.",
        (),
        [
            ("agreement", 11, {"KZ", "UZ"}, None),
            ("contract", None, {"KZ", "UZ"}, None),
            ("agreement", None, {"KZ", "UZ"}, None),
        ],
    ),
    (
        "dazu-kamen-with-its-own-partner",
        "Tadschikistan unterzeichnete zwei Memoranden mit China. Dazu kamen drei Abkommen mit Indien.",
        (),
        [("memorandum", 2, {"TJ", "CN"}, None), ("agreement", 3, {"TJ", "CN", "IN"}, None)],
    ),
    (
        "dazu-gehoeren-names-members",
        "Am Ende wurden 12 Vereinbarungen unterfertigt. Dazu gehören ein Protokoll über den Zoll und ein "
        "Memorandum über die Forschung.",
        (C5,),
        [("agreement", 12, None, 0), ("other", None, None, 0), ("memorandum", None, None, 0)],
    ),
    (
        "hinzu-kommen-investments-are-no-deal-without-a-verb",
        "Die Präsidenten unterzeichneten ein Abkommen über Zölle. "
        "Hinzu kommen Investitionen von 3 Milliarden Euro in die Infrastruktur.",
        (C5,),
        [("agreement", None, None, 0)],
    ),
    (
        "hinzu-kommen-other-subjects-add-no-document",
        "Die Präsidenten unterzeichneten eine Erklärung zur Sicherheit. "
        "Hinzu kommen Streitigkeiten über das Abkommen von 2019.",
        (C5,),
        [("declaration", None, None, 0)],
    ),
    (
        "hinzu-kommt-without-a-signing-before-is-nothing",
        "Die Gespräche dauerten drei Stunden. Hinzu kommt ein Abkommen über Visa, das noch verhandelt wird.",
        (C5,),
        [],
    ),
    (
        "dazu-kam-only-right-after-the-signing",
        "Die Präsidenten unterzeichneten ein Abkommen über Zölle. Die Gespräche dauerten lange. "
        "Dazu kam eine Erklärung zur Lage in Afghanistan.",
        (C5,),
        [("agreement", None, None, 0)],
    ),
    (
        "count-over-coordinated-adjectives",
        "Die Regierungen schlossen 17 staatliche und private Abkommen über Logistik ab.",
        (C5,),
        [("agreement", 17, None, 0)],
    ),
    (
        "business-topic-makes-a-contract",
        "Turkmenistan und Iran unterzeichneten einen Vertrag über die Lieferung von Strom.",
        (),
        [("contract", None, {"TM", "IR"}, None)],
    ),
    (
        "two-sides-from-the-persons-named-earlier-in-the-paragraph",
        "Putin lobte Lukaschenko. Putin und Lukaschenko sprachen lange.\n\n"
        "Mirsijojew traf am Morgen in Bischkek ein. Dort empfing ihn Dschaparow. "
        "Die beiden Präsidenten unterzeichneten eine Erklärung über Freundschaft.",
        (),
        [("declaration", None, {"UZ", "KG"}, None)],
    ),
]


#: Collocating verbs, decisions, orders, mixed sets and the signer "er und X".
CASES_COLLOCATIONS: list[tuple[str, str, tuple[Summit, ...], list[tuple[str, object, set[str] | None, int | None]]]] = [
    (
        "vereinbarungen-getroffen-in-a-relative-clause",
        "Die Minister prüften die Vereinbarungen, die Kasachstan und China im Mai getroffen hatten.",
        (),
        [("agreement", None, {"KZ", "CN"}, None)],
    ),
    (
        "trafen-eine-vereinbarung",
        "Usbekistan und Tadschikistan trafen eine Vereinbarung über die Nutzung des Wassers.",
        (),
        [("agreement", None, {"UZ", "TJ"}, None)],
    ),
    (
        "traf-a-person-about-agreements-is-no-signing",
        "Putin traf Tokajew zur Umsetzung der Vereinbarungen über Gas.",
        (),
        [],
    ),
    (
        "fronted-agreement-topic-before-traf-is-no-signing",
        "Zur Umsetzung der Vereinbarung traf Putin den kasachischen Präsidenten.",
        (),
        [],
    ),
    (
        "reflexive-getroffen-is-no-signing",
        "Die Präsidenten hatten sich zur Prüfung der Vereinbarungen in Chiwa getroffen.",
        (),
        [],
    ),
    (
        "getroffen-with-another-noun-is-no-signing",
        "Die Präsidenten haben sich nach der Erklärung in Duschanbe getroffen.",
        (C5,),
        [],
    ),
    (
        "beschluss-gefasst",
        "Zum Abschluss fassten die Staatschefs einen Beschluss über die Aufnahme neuer Mitglieder.",
        (C5,),
        [("other", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0)],
    ),
    (
        "beschluss-over-a-budget-is-the-budget",
        "Die Präsidenten billigten einen Beschluss über den Haushalt des Sekretariats.",
        (C5,),
        [("other", None, None, 0)],
    ),
    (
        "document-noun-as-topic-is-no-second-document",
        "Die Präsidenten unterzeichneten eine Erklärung über den Wasserhaushalt der Region.",
        (C5,),
        [("declaration", None, None, 0)],
    ),
    (
        "passive-main-clause-after-a-comma-has-its-own-signers",
        "Die Union gewährte Usbekistan den Status eines Partners, ein entsprechender Beschluss wurde gefasst.",
        (C5,),
        [("other", None, {"KZ", "UZ", "KG", "TJ", "TM"}, 0)],
    ),
    (
        "order-signed-by-a-company",
        "Ein usbekischer Baukonzern unterschrieb einen Auftrag über zwei Brücken in Aserbaidschan.",
        (),
        [("contract", None, None, None)],
    ),
    (
        "im-auftrag-is-on-behalf",
        "Im Auftrag der Regierung unterzeichnete der Botschafter ein Abkommen mit Georgien.",
        (),
        [("agreement", None, {"GE"}, None)],
    ),
    (
        "mixed-bare-plurals-are-one-set-of-documents",
        "In Anwesenheit der Präsidenten wurden 9 Abkommen und Verträge unterzeichnet.",
        (C5,),
        [("documents", 9, None, 0)],
    ),
    (
        "er-und-x-both-sign",
        "Tokajew reiste am Montag nach Aschgabat. Dort unterzeichneten er und Präsident Berdimuhamedow "
        "nach Angaben der Präsidialverwaltung sechs Abkommen.",
        (),
        [("agreement", 6, {"KZ", "TM"}, None)],
    ),
    (
        "empfing-er-x-both-sign-what-the-meeting-agreed",
        "Xi sprach am Morgen vor Studenten. Danach empfing er Tokajew zu Gesprächen, in denen beide Regierungen "
        "ein Abkommen über den Bahnverkehr unterzeichneten.",
        (),
        [("agreement", None, {"CN", "KZ"}, None)],
    ),
    (
        "er-is-the-person-of-the-clause-before",
        "Lukaschenko eröffnete die Sitzung. Putin sprach zuerst mit Alijew; danach empfing er Paschinjan, "
        "und die beiden Präsidenten unterzeichneten ein Memorandum.",
        (),
        [("memorandum", None, {"RU", "AM"}, None)],
    ),
    (
        "er-as-speaker-does-not-sign",
        "Xi sprach am Morgen vor Studenten. Er sagte, Kasachstan habe ein Abkommen mit Katar unterzeichnet.",
        (),
        [("agreement", None, {"KZ", "QA"}, None)],
    ),
    (
        "die-beiden-with-a-verb-are-the-two-sides",
        "Mirsijojew sprach lange mit Tokajew. Anschließend unterzeichneten die beiden eine Erklärung.",
        (),
        [("declaration", None, {"UZ", "KZ"}, None)],
    ),
    (
        "leading-die-seiten-are-the-two-sides",
        "Rachmon empfing Dschaparow in Duschanbe. "
        "Die Seiten bekräftigten die Vereinbarungen, die Kirgistan im Vorjahr getroffen hatte.",
        (),
        [("agreement", None, {"TJ", "KG"}, None)],
    ),
]


class TestFollowUp:
    """Documents added by the next sentence, counts over coordinated adjectives, the two sides."""

    @pytest.mark.parametrize(
        ("text", "summits", "expected"), [c[1:] for c in CASES_FOLLOW_UP], ids=[c[0] for c in CASES_FOLLOW_UP]
    )
    def test_table(
        self,
        text: str,
        summits: tuple[Summit, ...],
        expected: list[tuple[str, object, set[str] | None, int | None]],
    ) -> None:
        got = _run(text, summits)
        assert [(str(a.kind), a.count, a.summit) for a in got] == [(k, c, s) for k, c, _, s in expected]
        for agreement, (_, _, parties, _) in zip(got, expected, strict=True):
            if parties is not None:
                assert set(agreement.parties) == parties

    @pytest.mark.parametrize(
        ("text", "summits", "expected"), [c[1:] for c in CASES_COLLOCATIONS], ids=[c[0] for c in CASES_COLLOCATIONS]
    )
    def test_collocations(
        self,
        text: str,
        summits: tuple[Summit, ...],
        expected: list[tuple[str, object, set[str] | None, int | None]],
    ) -> None:
        self.test_table(text, summits, expected)


class TestValue:
    """The money of the clause becomes the agreement's value."""

    def test_contract_value_with_hedge(self) -> None:
        text = (
            "Am Rande des Gipfels schlossen kasachische und deutsche Firmen "
            "Verträge über mehr als 3,2 Milliarden Euro ab."
        )
        (agreement,) = _run(text)
        assert agreement.kind is AgreementKind.CONTRACT
        assert agreement.value is not None
        assert agreement.value.amount == Decimal("3200000000")
        assert agreement.value.qualifier is Qualifier.MORE_THAN
        assert set(agreement.parties) == {"KZ", "DE"}

    def test_value_from_a_relative_clause(self) -> None:
        text = (
            "Kirgistan und Usbekistan unterzeichneten Lieferverträge, deren Gesamtvolumen die Regierung "
            "auf rund 2,5 Milliarden Dollar schätzt."
        )
        (agreement,) = _run(text, ())
        assert agreement.value is not None
        assert agreement.value.amount == Decimal("2500000000")
        assert agreement.value.qualifier is Qualifier.ABOUT

    def test_relative_clause_without_a_value_noun_gives_none(self) -> None:
        text = "Kirgistan unterzeichnete Lieferverträge, deren Partner 2,5 Milliarden Dollar investieren."
        (agreement,) = _run(text, ())
        assert agreement.value is None

    def test_investment_agreed_with_an_amount_is_a_deal(self) -> None:
        text = "Die beiden Regierungen vereinbarten Investitionen von 40 Millionen Euro in ein Stahlwerk."
        (agreement,) = _run(text, ())
        assert agreement.kind is AgreementKind.AGREEMENT
        assert agreement.value is not None
        assert agreement.value.amount == Decimal("40000000")

    def test_deal_with_an_amount(self) -> None:
        text = "Ein französischer Konzern und Usbekistan besiegelten einen Deal über 2 Milliarden Euro für Uran."
        (agreement,) = _run(text, ())
        assert agreement.value is not None
        assert set(agreement.parties) == {"FR", "UZ"}
        assert _run("Die Präsidenten besiegelten einen Deal zur Migration.", ()) == []

    def test_business_deals_with_an_amount_are_contracts(self) -> None:
        text = "Am Rande wurden Geschäfte über 4 Milliarden Dollar abgeschlossen."
        (agreement,) = _run(text)
        assert agreement.kind is AgreementKind.CONTRACT
        assert agreement.value is not None
        assert _run("Die Firmen schlossen Geschäfte mit Partnern in Asien ab.") == []

    def test_investment_without_an_amount_is_no_deal(self) -> None:
        assert _run("Die Präsidenten vereinbarten Investitionen in die Landwirtschaft.", ()) == []

    def test_investment_as_a_topic_is_no_second_deal(self) -> None:
        text = "Kasachstan unterzeichnete ein Abkommen über Investitionen von 2 Milliarden Dollar mit Katar."
        (agreement,) = _run(text, ())
        assert agreement.name == "Abkommen"
        assert agreement.value is not None
        assert set(agreement.parties) == {"KZ", "QA"}

    def test_money_in_another_sentence_is_not_the_value(self) -> None:
        text = "Die Präsidenten unterzeichneten ein Abkommen über Bewässerung. Es kostet 40 Millionen Euro."
        (agreement,) = _run(text)
        assert agreement.value is None
        assert "water" in agreement.sectors

    def test_lead_and_body_mention_merge(self) -> None:
        text = (
            "Die beim Gipfel abgeschlossenen Verträge im Wert von 5 Milliarden US-Dollar "
            "gelten als Erfolg.\n\n"
            "Während des Gipfels wurden Verträge zwischen kirgisischen und türkischen Unternehmen "
            "im Wert von 5 Milliarden US-Dollar abgeschlossen."
        )
        (agreement,) = _run(text)
        assert set(agreement.parties) == {"KG", "TR"}
        assert len(agreement.evidence) == 2


class TestSummitLink:
    """Which summit an agreement belongs to."""

    def test_state_visit_is_not_the_summit(self) -> None:
        text = (
            "Schon am Vortag hatte Mirsijojew Astana zu einem Staatsbesuch erreicht. "
            "Tokajew und Mirsijojew unterzeichneten dabei mehrere Abkommen über den Grenzverkehr."
        )
        (agreement,) = _run(text)
        assert agreement.summit is None
        assert agreement.count == "several"
        assert set(agreement.parties) == {"KZ", "UZ"}

    def test_earlier_year_is_not_the_summit(self) -> None:
        text = "Die Präsidenten sprachen über die Umsetzung des 2019 unterzeichneten Vertrags über Freundschaft."
        (agreement,) = _run(text)
        assert agreement.summit is None
        assert agreement.kind is AgreementKind.TREATY

    def test_visit_report_signings_are_not_the_summit(self) -> None:
        """In an article about a state visit, a session of the two delegations is no summit cue."""
        text = (
            "Der usbekische Präsident Schawkat Mirsijojew ist zu einem Staatsbesuch in Kasachstan "
            "eingetroffen. Tokajew empfing den Gast in Astana.\n\n"
            "Nach einer Sitzung der beiden Regierungen wurde im Beisein der Staatschefs ein Dutzend "
            "Dokumente unterzeichnet, darunter ein Abkommen über den Transit und ein Memorandum über "
            "Wasser.\n\n"
            "Zudem schlossen Firmen beider Länder Lieferverträge ab."
        )
        got = _run(text)
        assert [(str(a.kind), a.count) for a in got] == [
            ("documents", 12),
            ("agreement", None),
            ("memorandum", None),
            ("contract", None),
        ]
        assert all(a.summit is None for a in got)
        assert all(set(a.parties) == {"KZ", "UZ"} for a in got)

    def test_declaration_signed_earlier_elsewhere(self) -> None:
        """A relative clause dates the signing before the summit and names who signed with "er"."""
        text = (
            "Tokajew sprach über die Wasserversorgung der Region. "
            "Er verwies auf die Grenzerklärung, die er im Februar gemeinsam mit Mirsijojew unterzeichnet hatte. "
            "Am Ende unterzeichneten die Staatschefs die Erklärung von Astana."
        )
        first, second = _run(text)
        assert first.summit is None
        assert set(first.parties) == {"KZ", "UZ"}
        assert second.summit == 0
        assert set(second.parties) == {"KZ", "UZ", "KG", "TJ", "TM"}

    def test_undated_summit_is_recent(self) -> None:
        """An undated current summit lies within weeks of publication: an earlier month unlinks."""
        undated = attrs.evolve(C5, date=None)
        text = "Die Präsidenten lobten das im Januar paraphierte Abkommen zwischen Kasachstan und Kirgistan."
        (agreement,) = _run(text, (undated,))
        assert agreement.summit is None
        (recent,) = _run("Die Präsidenten unterzeichneten am 18. Mai ein Abkommen über Zölle.", (undated,))
        assert recent.summit == 0

    def test_summit_named_in_the_section(self) -> None:
        """Under a subheading, the summit named in the section takes the documents of a later paragraph."""
        text = (
            "Gipfeltreffen der GUS in Minsk. Die Präsidenten trafen sich am Montag.\n\n"
            "Wirtschaftsrat\n\n"
            "Am Dienstag tagte der Eurasische Wirtschaftsrat.\n\n"
            "Putin sprach über Zölle.\n\n"
            "Die Staatschefs unterzeichneten acht Dokumente."
        )
        at = text.index("Gipfeltreffen")
        cis = Summit(
            name="Gipfeltreffen der GUS",
            date=PartialDate.day(dt.date(2025, 5, 19)),
            countries=("RU", "BY", "KZ", "KG", "TJ", "AM"),
            evidence=(Span.of(text, at, at + 21),),
        )
        at = text.index("Eurasische Wirtschaftsrat")
        council = Summit(
            name="Eurasische Wirtschaftsrat",
            date=PartialDate.day(dt.date(2025, 5, 20)),
            countries=("RU", "BY", "KZ", "KG", "AM"),
            evidence=(Span.of(text, at, at + 25),),
        )
        head = text.index("Wirtschaftsrat\n")
        doc = _doc(text)
        article = attrs.evolve(doc.article, subheadings=(Span.of(text, head, head + 14),))
        (agreement,) = find_agreements(attrs.evolve(doc, article=article), (cis, council))
        assert agreement.summit == 1
        assert set(agreement.parties) == {"RU", "BY", "KZ", "KG", "AM"}
        (plain,) = find_agreements(doc, (cis, council))
        assert plain.summit == 0  # without the subheading, the first current summit

    def test_other_documents_of_different_heads_stay_apart(self) -> None:
        text = (
            "Die Staatschefs billigten einen Aktionsplan für den Verkehr. "
            "Außerdem verabschiedeten sie den Haushalt des Sekretariats."
        )
        assert [a.name for a in _run(text)] == ["Aktionsplan", "Haushalt"]

    def test_eu_format_adds_the_union(self) -> None:
        text = "Zum Abschluss nahmen die Staats- und Regierungschefs eine gemeinsame Erklärung an."
        (agreement,) = _run(text, (CA_EU,))
        assert agreement.summit == 0
        assert "EU" in agreement.parties

    def test_no_summit(self) -> None:
        (agreement,) = _run("Kasachstan und Usbekistan unterzeichneten ein Abkommen über Wasser.", ())
        assert agreement.summit is None
        assert set(agreement.parties) == {"KZ", "UZ"}


class TestProperties:
    """Never raises, whatever the text."""

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
    def test_arbitrary_text(self, text: str) -> None:
        result = _run(text)
        assert isinstance(result, list)

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "Die",
                    "Staatschefs",
                    "unterzeichneten",
                    "mehrere",
                    "Abkommen",
                    ",",
                    "darunter",
                    "eine",
                    "Erklärung",
                    "Vertrag",
                    "mit",
                    "Kasachstan",
                    "und",
                    "China",
                    "nicht",
                    "sollen",
                    "werden",
                    "zwölf",
                    "Dutzend",
                    "im",
                    "Beisein",
                    "beider",
                    ".",
                    "\n\n",
                    "Gipfel",
                    "Staatsbesuch",
                ]
            ),
            max_size=40,
        )
    )
    def test_word_salad(self, words: list[str]) -> None:
        for agreement in _run(" ".join(words)):
            assert agreement.evidence
            assert all(span.text for span in agreement.evidence)


#: Pieces of text around the words that the shortcuts of ``_documents`` look for, with the characters
#: that case-insensitive patterns fold (ı, İ, ſ) and a few spellings in capitals.
_PIECES = [
    " ",
    "  ",
    "\n\n",
    ",",
    "-",
    "als",
    "Als",
    "Pals",
    "Gast",
    "Gäste",
    "Gaststaat",
    "Gastgeber",
    "Beobachter",
    "Beobachterstatus",
    "hinzu",
    "hinzufügen",
    "GIPFEL",
    "Gipfel",
    "gipfel",
    "Telefonat",
    "telefonatelefonat",
    "Sitzung",
    "Staatsbesuch",
    "Vorjahr",
    "Unternehmen",
    "Fırmen",
    "Gesellſchaft",
    "UNTERNEHMEN",
    "İnvestoren",
    "Energie",
    "erneuerbaren Energien",
    "Landwirtschaft",
    "Beisein",
    "laut",
    "Laut-",
    "Dokumente",
    "Abkommen",
    "x",
]


class TestShortcuts:
    """The one-pass lookups give what the plain patterns and ``str.find`` loops give."""

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=30))
    def test_cue_stems_as_find_loops(self, pieces: list[str]) -> None:
        text = "".join(pieces)
        low = _lower(text)
        found = scan(low)
        for start, end in ((0, len(low)), (len(low) // 3, len(low) - 2)):
            want: list[int] = []
            for stem in lexicon().cue_stems:
                at = low.find(stem, start, end)
                while at >= 0:
                    want.append(at)
                    at = low.find(stem, at + len(stem), end)
            assert find_all(found, start, end) == sorted(want)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(["als", "Als", "Pals", " ", "\n", "Gast", "Gäste", "Beobachter", "hinzu", "x"])))
    def test_guest_phrases(self, pieces: list[str]) -> None:
        text = "".join(pieces)
        assert guest_starts(text, scan(_lower(text))) == [m.start() for m in GUEST.finditer(text)]

    @pytest.mark.parametrize(
        "text",
        [
            "Ungarn nahm als Gast teil.",
            "Als  \n Beobachter war die Türkei dabei.",
            "Pals Gast",
            "Als Gäste kamen Aserbaidschan und die Mongolei hinzu.",
            "Der Gastgeber Tokajew, als Gaststaat Ungarn.",
            "alsGast Beobachterstatus",
        ],
    )
    def test_guest_examples(self, text: str) -> None:
        assert guest_starts(text, scan(_lower(text))) == [m.start() for m in GUEST.finditer(text)]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=30))
    def test_lower_case_patterns(self, pieces: list[str]) -> None:
        text = "".join(pieces)
        low = _lower(text)
        lex = lexicon()
        assert has_company(low, 0, len(low), lex) == (lex.company_re.search(text) is not None)
        assert sectors_in(low, lex) == _sectors_plain(text)
        pattern = lex.aside_low if fold_free(low) else lex.aside_re
        assert [m.span() for m in pattern.finditer(low)] == [m.span() for m in lex.aside_re.finditer(text)]

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=" ,;:–—-\n\tabdeisowr", max_size=40))
    def test_clause_boundaries(self, text: str) -> None:
        plain = re.compile(
            r"\s*[;:]\s*|\s+[–—]\s+|,\s*(?=(?:der|die|das|den|dem|deren|dessen|welche[rsnm]?|dass|daß|wie|wo|als"
            r"|weil|nachdem|ob|wenn|obwohl|damit|sodass|während|um|bevor|seit|seitdem|aber|doch|sondern"
            r"|teilte|hieß|sagte|erklärte|so)\b)"
        )
        assert [m.span() for m in _CLAUSE.finditer(text)] == [m.span() for m in plain.finditer(text)]

    @pytest.mark.parametrize(
        "word", ["handelsabkommen", "astana-erklärung", "abschlusserklärung", "dokumente", "pakt", "akt", "xyz"]
    )
    def test_noun_kind_by_longest_ending(self, word: str) -> None:
        lex = lexicon()
        want = None
        if word[-4:] in lex.noun_tails:
            part = word.rsplit("-", 1)[-1]
            for n in range(len(part), 3, -1):
                if part[-n:] in lex.nouns:
                    want = lex.nouns[part[-n:]]
                    break
                if part[-n:] in lex.self_nouns:
                    want = (lex.self_nouns[part[-n:]], "sg")
                    break
        assert noun_kind(word, lex) == want


def _sectors_plain(text: str) -> tuple[str, ...]:
    """``sectors_in`` as it read the original text with the case-insensitive pattern."""
    lex = lexicon()
    out: list[str] = []
    for m in lex.sector_re.finditer(text):
        low = " ".join(m.group().lower().split())
        label = next((lex.sectors[low[:n]] for n in range(len(low), 2, -1) if low[:n] in lex.sectors), None)
        if label is None:
            first = low.split()[0]
            label = next((v for k, v in lex.sectors.items() if k.split()[0] == first[: len(k.split()[0])]), None)
        if label is not None and label not in out:
            out.append(label)
    return tuple(out)
