"""Statements: reporting verbs, their speakers, acts, quotes and evidence spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitlib.extract._doc import Doc
from summitlib.extract._marks import Marks
from summitlib.extract._speech import VerbIndex, lexicon
from summitlib.extract.entities import EntityKind, EntityMention
from summitlib.extract.sentences import split_sentences
from summitlib.extract.statements import _find, find_statements
from summitlib.model import Act, Article, Country, Organization, Person, Span, Speaker, Statement, Summit

# Surface form -> (kind, key, country, form). The helper marks every occurrence as a mention, so the
# tests do not depend on the entity finder.
NAMES: dict[str, tuple[EntityKind, str, str | None, str]] = {
    "Mirsijojew": (EntityKind.PERSON, "Shavkat Mirziyoyev", "UZ", "surname"),
    "Schawkat Mirsijojew": (EntityKind.PERSON, "Shavkat Mirziyoyev", "UZ", "name"),
    "Rachmon": (EntityKind.PERSON, "Emomali Rahmon", "TJ", "surname"),
    "Alijew": (EntityKind.PERSON, "Ilham Aliyev", "AZ", "surname"),
    "Paschinjan": (EntityKind.PERSON, "Nikol Pashinyan", "AM", "surname"),
    "Macron": (EntityKind.PERSON, "Emmanuel Macron", "FR", "surname"),
    "tadschikische Präsident": (EntityKind.PERSON, "Emomali Rahmon", "TJ", "role_phrase"),
    "Kirgisistan": (EntityKind.COUNTRY, "KG", "KG", "name"),
    "Armenien": (EntityKind.COUNTRY, "AM", "AM", "name"),
    "aserbaidschanische": (EntityKind.COUNTRY, "AZ", "AZ", "adjective"),
    "Baku": (EntityKind.CITY, "Baku", "AZ", "capital"),
    "Eriwan": (EntityKind.CITY, "Yerevan", "AM", "capital"),
    "OVKS": (EntityKind.ORGANIZATION, "CSTO", None, "abbreviation"),
    # for the cases in the style of other outlets (dpa, Reuters, NZZ, FAZ, Spiegel)
    "türkische Präsident Recep Tayyip Erdoğan": (EntityKind.PERSON, "Recep Tayyip Erdogan", "TR", "name"),
    "Erdoğan": (EntityKind.PERSON, "Recep Tayyip Erdogan", "TR", "surname"),
    "Tokajew": (EntityKind.PERSON, "Kassym-Jomart Tokayev", "KZ", "surname"),
    "Scholz": (EntityKind.PERSON, "Olaf Scholz", "DE", "surname"),
    "Putin": (EntityKind.PERSON, "Vladimir Putin", "RU", "surname"),
    "Astana": (EntityKind.CITY, "Astana", "KZ", "capital"),
    "kasachischen": (EntityKind.COUNTRY, "KZ", "KZ", "adjective"),
    "Kasachstan": (EntityKind.COUNTRY, "KZ", "KZ", "name"),
    "Von der Leyen": (EntityKind.PERSON, "Ursula von der Leyen", "EU", "surname"),
    "Kronprinz Salim Haddad": (EntityKind.PERSON, "Salim Haddad", "OM", "name"),
    "Emir Karim al-Nasser": (EntityKind.PERSON, "Karim al-Nasser", "QA", "name"),
    "Hanno Wendt": (EntityKind.PERSON, "Hanno Wendt", "DE", "name"),
    "Wendt": (EntityKind.PERSON, "Hanno Wendt", "DE", "surname"),
    "Österreich": (EntityKind.COUNTRY, "AT", "AT", "name"),
    "Deutschland": (EntityKind.COUNTRY, "DE", "DE", "name"),
    "Georgier": (EntityKind.COUNTRY, "GE", "GE", "demonym"),
}


def make_doc(text: str, subheadings: tuple[Span, ...] = ()) -> Doc:
    """A Doc with sentences from the splitter and a mention for every NAMES surface form."""
    found: list[EntityMention] = []
    taken: set[int] = set()
    for surface in sorted(NAMES, key=len, reverse=True):
        kind, key, country, form = NAMES[surface]
        at = text.find(surface)
        while at >= 0:
            if not taken & set(range(at, at + len(surface))):
                taken |= set(range(at, at + len(surface)))
                found.append(EntityMention(Span.of(text, at, at + len(surface)), kind, key, country, None, form))
            at = text.find(surface, at + 1)
    found.sort(key=lambda m: m.span.start)
    article = Article(id="t", text=text, subheadings=subheadings)
    return Doc(article, tuple(split_sentences(text)), tuple(found), (), ())


def run(text: str, organization: str | None = "CSTO") -> list[Statement]:
    return find_statements(make_doc(text), [Summit(name="Gipfel", organization=organization)])


MIRZ = Person("Shavkat Mirziyoyev", "UZ")
ERDOGAN = Person("Recep Tayyip Erdogan", "TR")
TOKAYEV = Person("Kassym-Jomart Tokayev", "KZ")
SCHOLZ = Person("Olaf Scholz", "DE")
PUTIN = Person("Vladimir Putin", "RU")
RAHMON = Person("Emomali Rahmon", "TJ")
ALIYEV = Person("Ilham Aliyev", "AZ")

# (id, text, [(speaker, act, a substring the evidence must overlap, direct_quote)])
Expected = list[tuple[Speaker, Act, str, bool]]
CASES: list[tuple[str, str, Expected]] = [
    (
        "v2-dass",
        "Mirsijojew unterstrich, dass die Region zusammenhalten müsse.",
        [(MIRZ, Act.EMPHASIZE, "unterstrich", False)],
    ),
    (
        "inverted-after-adverbial",
        "Auf der Pressekonferenz mahnte Rachmon mehr Tempo beim Wasserabkommen an.",
        [(RAHMON, Act.CALL_FOR, "mahnte Rachmon", False)],
    ),
    (
        "parenthetical-pronoun",
        "Rachmon sprach in Baku. Man müsse die Gletscher schützen, sagte er.",
        [(RAHMON, Act.STATE, "sagte er", False)],
    ),
    (
        "so-x",
        "Der Güterverkehr sei um ein Drittel gewachsen, so Alijew.",
        [(ALIYEV, Act.STATE, "so Alijew", False)],
    ),
    (
        "separable-particle-at-end",
        "Alijew schlug eine gemeinsame Kommission für die Grenzflüsse vor.",
        [(ALIYEV, Act.PROPOSE, "schlug", False)],
    ),
    (
        "coordinated-two-verbs",
        "Mirsijojew dankte den Gastgebern für den Empfang und kündigte an, die Zölle zu senken.",
        [(MIRZ, Act.THANK, "dankte", False), (MIRZ, Act.ANNOUNCE, "kündigte an", False)],
    ),
    (
        "plural-both",
        "Mirsijojew traf Rachmon in Baku. Beide Präsidenten bekräftigten ihre Freundschaft.",
        [(MIRZ, Act.REAFFIRM, "bekräftigten", False), (RAHMON, Act.REAFFIRM, "bekräftigten", False)],
    ),
    (
        "two-names-plural",
        "Mirsijojew und Alijew lobten die neue Bahnverbindung.",
        [(MIRZ, Act.PRAISE, "lobten", False), (ALIYEV, Act.PRAISE, "lobten", False)],
    ),
    (
        "role-phrase-subject",
        "Der tadschikische Präsident warnte vor neuen Konflikten.",
        [(RAHMON, Act.WARN, "warnte", False)],
    ),
    (
        "country-subject",
        "Kirgisistan begrüßte die Einigung über den Grenzverlauf.",
        [(Country("KG"), Act.SUPPORT, "begrüßte", False)],
    ),
    (
        "ministry-subject",
        "Das aserbaidschanische Außenministerium teilte mit, die Gespräche gingen weiter.",
        [(Country("AZ"), Act.ANNOUNCE, "teilte mit", False)],
    ),
    (
        "kremlin",
        "Der Kreml erklärte, man respektiere die Entscheidung.",
        [(Country("RU"), Act.STATE, "erklärte", False)],
    ),
    (
        "capital-metonym-inverted",
        "Am Abend kritisierte Eriwan die Verzögerung scharf.",
        [(Country("AM"), Act.CRITICIZE, "kritisierte", False)],
    ),
    (
        "declaration-group",
        "In der Abschlusserklärung fordern die Mitgliedstaaten ein Ende der Kämpfe.",
        [(Organization("CSTO"), Act.CALL_FOR, "fordern", False)],
    ),
    (
        "heisst-es",
        "Die Lage bleibe angespannt, heißt es in der Erklärung.",
        [(Organization("CSTO"), Act.STATE, "heißt es", False)],
    ),
    (
        "direct-quote-before",
        "„Wir bauen gemeinsam eine neue Brücke“, sagte Alijew.",
        [(ALIYEV, Act.STATE, "sagte Alijew", True)],
    ),
    (
        "quoted-name-not-quote",
        "Alijew lobte die Initiative „Grüner Korridor“ als Vorbild.",
        [(ALIYEV, Act.PRAISE, "lobte", False)],
    ),
    (
        "quoted-words",
        "Alijew sprach von einer „neuen Epoche der Zusammenarbeit“.",
        [(ALIYEV, Act.STATE, "sprach von", True)],
    ),
    (
        "reaffirm-erneut",
        "Mirsijojew betonte erneut seine Bereitschaft zu Gesprächen.",
        [(MIRZ, Act.REAFFIRM, "betonte", False)],
    ),
    (
        "relative-clause",
        "Den Vorsitz hatte Rachmon, der zu mehr Zusammenarbeit aufrief.",
        [(RAHMON, Act.CALL_FOR, "aufrief", False)],
    ),
    (
        "perfect-tense",
        "Im Frühjahr hatte Paschinjan erklärt, Armenien ziehe sich zurück.",
        [(Person("Nikol Pashinyan", "AM"), Act.STATE, "erklärt", False)],
    ),
    (
        "um-zu",
        "Rachmon nutzte den Gipfel, um zu mehr Vertrauen aufzurufen.",
        [(RAHMON, Act.CALL_FOR, "aufzurufen", False)],
    ),
    (
        "reflexive-call-for",
        "Alijew sprach sich für offene Grenzen aus.",
        [(ALIYEV, Act.CALL_FOR, "sprach sich", False)],
    ),
    (
        "invite",
        "Zum Schluss lud Mirsijojew die Kollegen nach Samarkand ein.",
        [(MIRZ, Act.INVITE, "lud", False)],
    ),
    (
        "nach-worten",
        "Der Handel wuchs nach Worten Alijews um zehn Prozent.",
        [(ALIYEV, Act.STATE, "nach Worten", False)],
    ),
    (
        "infinitive-in-content-is-no-verb",
        "Alijew rief die Partner auf, die Nachbarn weiter zu unterstützen.",
        [(ALIYEV, Act.CALL_FOR, "rief", False)],
    ),
    (
        "swiss-spelling",
        "Alijew äusserte sich zufrieden über den Verlauf.",
        [(ALIYEV, Act.STATE, "äusserte", False)],
    ),
]

# Sentences in the style of outlets other than DAZ (dpa, Reuters, NZZ, FAZ, Spiegel), written for these
# tests to check that the grammar is not fitted to one house style.
OTHER_OUTLETS: list[tuple[str, str, Expected]] = [
    (
        "dpa-titled-unknown-name",
        "Der Kremlsprecher Dmitri Peskow sagte, die Gespräche seien konstruktiv gewesen.",
        [(Person("Dmitri Peskow"), Act.STATE, "sagte", False)],
    ),
    (
        "zufolge",
        "Scholz zufolge soll das Abkommen noch in diesem Jahr unterzeichnet werden.",
        [(SCHOLZ, Act.STATE, "Scholz zufolge", False)],
    ),
    (
        "wie-ministry-mitteilte",
        "Wie das Außenministerium in Astana mitteilte, sollen die Verhandlungen im Herbst fortgesetzt werden.",
        [(Country("KZ"), Act.ANNOUNCE, "mitteilte", False)],
    ),
    (
        "quote-am-rande",
        "„Wir stehen an einem Wendepunkt“, sagte Erdoğan am Rande des Treffens.",
        [(ERDOGAN, Act.STATE, "sagte Erdoğan", True)],
    ),
    (
        "beide-praesidenten-coordinated",
        "Tokajew empfing Erdoğan in Astana. "
        "Die beiden Präsidenten unterzeichneten ein Abkommen und betonten die Bedeutung der Partnerschaft.",
        [(TOKAYEV, Act.EMPHASIZE, "betonten", False), (ERDOGAN, Act.EMPHASIZE, "betonten", False)],
    ),
    (
        "nach-angaben-sentence-initial",
        "Nach Angaben des kasachischen Präsidialamts wurden zwölf Abkommen unterzeichnet.",
        [(Country("KZ"), Act.STATE, "Nach Angaben", False)],
    ),
    (
        "laut-kreml-sentence-initial",
        "Laut Kreml ging es vor allem um die Energieversorgung.",
        [(Country("RU"), Act.STATE, "Laut Kreml", False)],
    ),
    (
        "colon-quote",
        "Putin: „Russland ist bereit, die Lieferungen auszuweiten.“",
        [(PUTIN, Act.STATE, "Putin", True)],
    ),
    (
        "auch-x-aeusserte-sich",
        "Auch Tokajew äußerte sich: Die Lage in der Region sei stabil.",
        [(TOKAYEV, Act.STATE, "äußerte", False)],
    ),
    (
        "role-adjective-name",
        "Der türkische Präsident Recep Tayyip Erdoğan forderte einen sofortigen Waffenstillstand.",
        [(ERDOGAN, Act.CALL_FOR, "forderte", False)],
    ),
    (
        "federal-government",
        "Die Bundesregierung begrüßte die Einigung als wichtigen Schritt.",
        [(Country("DE"), Act.SUPPORT, "begrüßte", False)],
    ),
    (
        "partial-quote-parenthetical",
        "Das Treffen sei „ein Durchbruch“ gewesen, sagte Scholz nach den Gesprächen in Astana.",
        [(SCHOLZ, Act.STATE, "sagte Scholz", True)],
    ),
    (
        "sagte-dative-agency",
        "Tokajew sagte der Nachrichtenagentur Kazinform, Kasachstan setze weiter auf Dialog.",
        [(TOKAYEV, Act.STATE, "sagte", False)],
    ),
    (
        "two-names-reflexive",
        "Scholz und Tokajew sprachen sich für einen Ausbau der Energiepartnerschaft aus.",
        [(SCHOLZ, Act.CALL_FOR, "sprachen", False), (TOKAYEV, Act.CALL_FOR, "sprachen", False)],
    ),
    (
        "inverted-vor-journalisten",
        "Im Anschluss an das Treffen kündigte Erdoğan vor Journalisten an, im Frühjahr nach Astana zu reisen.",
        [(ERDOGAN, Act.ANNOUNCE, "kündigte Erdoğan", False)],
    ),
]

# Constructions of feature, ticker and agency styles (present tense, perfect, source phrases, bodies and
# analysts), written for these tests.
MORE_GRAMMAR: list[tuple[str, str, Expected]] = [
    (
        "present-separable",
        "Rachmon kündigt für den Herbst neue Gespräche über die Grenze an.",
        [(RAHMON, Act.ANNOUNCE, "kündigt", False)],
    ),
    (
        "present-plural",
        "Mirsijojew und Alijew betonen die Bedeutung des Korridors.",
        [(MIRZ, Act.EMPHASIZE, "betonen", False), (ALIYEV, Act.EMPHASIZE, "betonen", False)],
    ),
    (
        "present-verweist",
        "Alijew verweist auf die gestiegenen Exporte.",
        [(ALIYEV, Act.EMPHASIZE, "verweist", False)],
    ),
    (
        "present-laedt-zum",
        "Tokajew lädt die Nachbarn zum nächsten Gipfel nach Astana.",
        [(TOKAYEV, Act.INVITE, "lädt", False)],
    ),
    (
        "sentence-initial-von-name",
        "Von der Leyen kündigt neue Mittel für die Region an.",
        [(Person("Ursula von der Leyen", "EU"), Act.ANNOUNCE, "kündigt", False)],
    ),
    (
        "pluperfect-quote-inside",
        "Alijew hatte schon im Frühjahr vor einem «Handelskrieg» in der Region gewarnt.",
        [(ALIYEV, Act.WARN, "gewarnt", False)],
    ),
    (
        "perfect-focus-particle",
        "Tokajew selbst hat den Kurs stets verteidigt.",
        [(TOKAYEV, Act.STATE, "verteidigt", False)],
    ),
    (
        "perfect-over-enumeration",
        "Tokajew hat am Montag Rachmon, Mirsijojew, die Vertreter der Mongolei und Alijew nach Astana eingeladen.",
        [(TOKAYEV, Act.INVITE, "eingeladen", False)],
    ),
    (
        "perfect-preposition-before",
        "Alijew hat zu einer Konferenz über Wasser geladen.",
        [(ALIYEV, Act.INVITE, "geladen", False)],
    ),
    (
        "relative-after-preposition",
        "Rachmon eröffnete das Forum, zu dem Tokajew Gäste aus vielen Ländern eingeladen hat.",
        [(TOKAYEV, Act.INVITE, "eingeladen", False)],
    ),
    (
        "new-verb-pries",
        "Alijew pries den neuen Hafen als Tor nach Europa.",
        [(ALIYEV, Act.PRAISE, "pries", False)],
    ),
    (
        "new-verb-vorrechnen-body",
        "Das Weiße Haus rechnete vor, der Handel habe sich verdoppelt.",
        [(Country("US"), Act.STATE, "rechnete", False)],
    ),
    (
        "nach-seinen-worten",
        "Rachmon sprach in Baku. Die Lage sei nach seinen Worten stabil.",
        [(RAHMON, Act.STATE, "nach seinen Worten", False)],
    ),
    (
        "nach-angaben-des-role",
        "Tokajew empfing die Delegationen. Nach Angaben des Präsidenten wächst der Handel.",
        [(TOKAYEV, Act.STATE, "Nach Angaben", False)],
    ),
    (
        "nach-adjective-angaben",
        "Der Handel wuchs nach kasachischen Angaben um ein Fünftel.",
        [(Country("KZ"), Act.STATE, "nach kasachischen Angaben", False)],
    ),
    (
        "wie-press-service-of-seat",
        "Wie der Pressedienst des Kremls mitteilte, reist die Delegation im Mai ab.",
        [(Country("RU"), Act.ANNOUNCE, "mitteilte", False)],
    ),
    (
        "laut-seat-of-government",
        "Laut Akorda wurden zwölf Dokumente unterzeichnet.",
        [(Country("KZ"), Act.STATE, "Laut Akorda", False)],
    ),
    (
        "international-body-zufolge",
        "Den Angaben der Eurasischen Wirtschaftskommission zufolge stieg der Warenverkehr.",
        [(Organization("EAEU"), Act.STATE, "zufolge", False)],
    ),
    (
        "unknown-body-nach-angaben",
        "Nach Angaben der in Almaty ansässigen Eurasischen Entwicklungsbank stiegen die Kredite.",
        [(Organization("Eurasische Entwicklungsbank"), Act.STATE, "Nach Angaben", False)],
    ),
    (
        "wie-office-apposition-name",
        "Wie die Sprecherin des Ministeriums, Anna Berg, mitteilte, beginnen die Gespräche im Juni.",
        [(Person("Anna Berg"), Act.ANNOUNCE, "mitteilte", False)],
    ),
    (
        "role-noun-neuter",
        "Tokajew eröffnete die Sitzung. „Wir bleiben offen“, sagte das Staatsoberhaupt.",
        [(TOKAYEV, Act.STATE, "sagte das Staatsoberhaupt", True)],
    ),
    (
        "named-ngo",
        "Die Organisation Amnesty International kritisierte die Festnahmen.",
        [(Organization("Amnesty International"), Act.CRITICIZE, "kritisierte", False)],
    ),
    (
        "bloc-class-noun",
        "Die Gruppe der Gründerstaaten hat Armenien als Beobachter eingeladen.",
        [(Organization("CSTO"), Act.INVITE, "eingeladen", False)],
    ),
    (
        "summit-leaders-as-bloc",
        "Am Ende sprachen sich die Staats- und Regierungschefs für eine engere Abstimmung aus.",
        [(Organization("CSTO"), Act.CALL_FOR, "sprachen", False)],
    ),
    (
        "analyst-with-profession",
        "„Die Region wird selbstbewusster“, sagt der Politologe Jan Weber. Weber verweist auf den Handel.",
        [
            (Person("Jan Weber"), Act.STATE, "sagt der Politologe", True),
            (Person("Jan Weber"), Act.EMPHASIZE, "verweist", False),
        ],
    ),
    (
        "joint-gemeinsam-mit",
        "Gemeinsam mit Mirsijojew warb Tokajew für einen Wasserpakt.",
        [(TOKAYEV, Act.CALL_FOR, "warb", False), (MIRZ, Act.CALL_FOR, "warb", False)],
    ),
    (
        "pronoun-after-source",
        "Tokajew eröffnete den Gipfel. Laut Mirsijojew wächst der Handel; er forderte zugleich neue Bahnlinien.",
        [(MIRZ, Act.STATE, "Laut Mirsijojew", False), (MIRZ, Act.CALL_FOR, "forderte", False)],
    ),
]

NOT_STATEMENTS: list[tuple[str, str]] = [
    ("talks", "Mirsijojew sprach mit Rachmon über Wasserfragen."),
    ("cancelled-trip", "Alijew sagte seine Reise nach Baku kurzfristig ab."),
    ("greeting", "Rachmon begrüßte die Gäste am Flughafen."),
    ("greeting-person", "Rachmon begrüßte Mirsijojew am Flughafen."),
    ("unnamed-source", "Beobachter betonten, der Gipfel sei ein Erfolg gewesen."),
    ("passive", "Es wurde betont, dass die Zusammenarbeit wachsen solle."),
    ("konjunktiv-continuation", "Die Region müsse zusammenstehen. Nur so lasse sich der Frieden sichern."),
    ("non-speaker-subject", "Das Treffen in Baku machte deutlich, dass die Region enger zusammenrückt."),
    ("so-planned", "Die Sitzung dauerte nur zwei Stunden – so hatte es Alijew geplant."),
    ("phoned", "Mirsijojew rief Alijew am Abend an."),
    ("unnamed-zufolge", "Diplomaten zufolge war die Stimmung angespannt."),
    ("unnamed-experts-present", "Experten sagen, die Region wachse schneller als erwartet."),
    ("laden-loaded", "Die Lastwagen hatten Getreide geladen."),
    ("laden-passive", "Die Gäste wurden zum Gipfel nach Astana geladen."),
    ("unnamed-community", "Die internationale Gemeinschaft forderte eine Waffenruhe."),
    ("unnamed-analysts", "Die Analysten warnen davor, zu viel zu erwarten."),
    ("class-noun-without-referent", "Das Geld fließe in Schulen, teilte die Förderbank mit."),
    ("unnamed-speaker-role-only", "Die Sprecherin sagte, die Gespräche dauerten an."),
]


# Bodies named as written, persons introduced by a profession, more reply verbs, and context resolution
# (sentences written for these tests).
HADDAD = Person("Salim Haddad", "OM")
PASHINYAN = Person("Nikol Pashinyan", "AM")
BODIES_AND_TITLES: list[tuple[str, str, Expected]] = [
    (
        "english-body-subject",
        "Transparency International kritisierte die Vergabe der Bauaufträge.",
        [(Organization("Transparency International"), Act.CRITICIZE, "kritisierte", False)],
    ),
    (
        "laut-english-body",
        "Laut Crisis Group hat sich die Lage an der Grenze entspannt.",
        [(Organization("Crisis Group"), Act.STATE, "Laut", False)],
    ),
    (
        "adjective-bank-with-determiner",
        "Die Kaspische Entwicklungsbank kündigte neue Kredite für Kirgisistan an.",
        [(Organization("Kaspische Entwicklungsbank"), Act.ANNOUNCE, "kündigte", False)],
    ),
    (
        "laut-adjective-bank-strong-ending",
        "Die Kredite stiegen laut Kaspischer Entwicklungsbank um ein Drittel.",
        [(Organization("Kaspische Entwicklungsbank"), Act.STATE, "laut", False)],
    ),
    (
        "compound-body-fullest-form",
        "Tokajew warb beim Nordost-Verband der Deutschen Industrie um Investitionen. "
        "Der Nordost-Verband begrüßte die neuen Projekte.",
        [
            (TOKAYEV, Act.CALL_FOR, "warb", False),
            (Organization("Nordost-Verband der Deutschen Industrie"), Act.SUPPORT, "begrüßte", False),
        ],
    ),
    (
        "company-introduced-by-class-noun",
        "Der Energiekonzern Nordwind baut einen Windpark bei Astana. "
        "Insgesamt beziffert Nordwind die Investitionen auf drei Milliarden Euro.",
        [(Organization("Nordwind"), Act.STATE, "beziffert", False)],
    ),
    (
        "profession-adjective-name-inverted",
        "„Das reicht nicht“, sagt die usbekische Journalistin Malika Rustamova.",
        [(Person("Malika Rustamova"), Act.STATE, "sagt", True)],
    ),
    (
        "possessive-office-name",
        "Deren Sprecherin Jana Wolters forderte mehr Transparenz bei den Krediten.",
        [(Person("Jana Wolters"), Act.CALL_FOR, "forderte", False)],
    ),
    (
        "name-of-body",
        "„Die Verhandlungen sind festgefahren“, erklärte Lara Bendix von Transparency International.",
        [(Person("Lara Bendix"), Act.STATE, "erklärte", True)],
    ),
    (
        "titled-then-surname-zufolge",
        "Kremlberater Boris Lenz kündigte das Treffen an. Lenz zufolge reisen zehn Staatschefs an.",
        [(Person("Boris Lenz"), Act.ANNOUNCE, "kündigte", False), (Person("Boris Lenz"), Act.STATE, "zufolge", False)],
    ),
    (
        "wie-compound-office",
        "Putin reist danach weiter, wie Kreml-Berater Boris Lenz am Abend sagte.",
        [(Person("Boris Lenz"), Act.STATE, "sagte", False)],
    ),
    (
        "reply-verbs",
        "Putin räumte ein, die Gespräche seien schwierig. Alijew entgegnete, Baku bleibe offen. "
        "Paschinjan erwiderte nichts. Die Lage sei stabil, behauptete er.",
        [
            (PUTIN, Act.STATE, "räumte", False),
            (ALIYEV, Act.STATE, "entgegnete", False),
            (PASHINYAN, Act.STATE, "erwiderte", False),
            (PASHINYAN, Act.STATE, "behauptete", False),
        ],
    ),
    (
        "unter-berufung-auf",
        "Tokajew reist nach Baku, meldete die Agentur unter Berufung auf den Pressedienst von Akorda.",
        [(Country("KZ"), Act.STATE, "unter Berufung", False)],
    ),
    (
        "presidential-office-in-context",
        "Putin empfängt die Staatschefs am Freitag. Das teilte das Präsidialamt am Sonntag mit.",
        [(Country("RU"), Act.ANNOUNCE, "teilte", False)],
    ),
    (
        "inverted-subject-remembered",
        "Noch schärfer wurde der tadschikische Präsident Rachmon beim Treffen mit Putin. "
        "«Wir brauchen Frieden», sagte er seinem Gast ins Gesicht.",
        [(RAHMON, Act.STATE, "sagte", True)],
    ),
    (
        "title-noun-alone",
        "Tokajew traf Kronprinz Salim Haddad und danach den Emir Karim al-Nasser. "
        "Der Kronprinz würdigte die Zusammenarbeit.",
        [(HADDAD, Act.PRAISE, "würdigte", False)],
    ),
    (
        "content-of-parenthetical",
        "Kirgisistan unterstützte die Initiative, sagte Tokajew.",
        [(TOKAYEV, Act.STATE, "sagte", False)],
    ),
    (
        "dass-clause-object-state",
        "Paschinjan kritisierte, dass die Nachbarn Armenien kaum unterstützten.",
        [(PASHINYAN, Act.CRITICIZE, "kritisierte", False)],
    ),
    ("common-noun-government", "Die Regierung begrüßte den Plan.", []),
    ("unnamed-experts", "Experten kritisierten die Pläne scharf.", []),
]


WENDT = Person("Hanno Wendt", "DE")

# Visits, hosts and guests; bodies named by a head noun; offices before names; coordination by comma.
VISITS_AND_BODIES: list[tuple[str, str, Expected]] = [
    (
        "comma-coordination-inherits",
        "Tokajew lobte die Gespräche, kritisierte jedoch die neuen Zölle.",
        [(TOKAYEV, Act.PRAISE, "lobte", False), (TOKAYEV, Act.CRITICIZE, "kritisierte", False)],
    ),
    (
        "comma-after-content-is-no-coordination",
        "Tokajew sagte, die Region wachse, Experten sagen das Gegenteil.",
        [(TOKAYEV, Act.STATE, "sagte", False)],
    ),
    (
        "mahnte-an-after-comma",
        "Der Bauernverband Nordmark begrüßte die Einigung, mahnte aber schnellere Zulassungen an.",
        [
            (Organization("Bauernverband Nordmark"), Act.SUPPORT, "begrüßte", False),
            (Organization("Bauernverband Nordmark"), Act.CALL_FOR, "mahnte", False),
        ],
    ),
    (
        "begruendete",
        "Am Montag begründete Kasachstan die Verschiebung mit Terminproblemen.",
        [(Country("KZ"), Act.STATE, "begründete", False)],
    ),
    (
        "relative-clause-with-quote",
        "Putin und Tokajew führten ein Gespräch, das der Kreml als „offen und konstruktiv“ bezeichnete.",
        [(Country("RU"), Act.STATE, "bezeichnete", True)],
    ),
    (
        "head-noun-with-attributes",
        "Der Landesrat der Georgier in Deutschland erklärte, die Lage sei ernst. "
        "Die Evangelisch-Reformierte Kirche in Österreich rief die Regierung auf, zu vermitteln.",
        [
            (Organization("Landesrat der Georgier in Deutschland"), Act.STATE, "erklärte", False),
            (Organization("Evangelisch-Reformierte Kirche in Österreich"), Act.CALL_FOR, "rief", False),
        ],
    ),
    (
        "chamber-with-country",
        "Die Handelskammer Österreich bezifferte den Handel auf 90 Millionen Euro und forderte ein Abkommen.",
        [
            (Organization("Handelskammer Österreich"), Act.STATE, "bezifferte", False),
            (Organization("Handelskammer Österreich"), Act.CALL_FOR, "forderte", False),
        ],
    ),
    (
        "analysts-of-named-body",
        "Die Analysten von Steppe Monitor warnen davor, zu viel zu erwarten.",
        [(Organization("Steppe Monitor"), Act.WARN, "warnen", False)],
    ),
    (
        "class-noun-refers-back",
        "Die staatliche Förderbank Nordkredit gibt 20 Millionen Euro. "
        "Das Geld fließe in Schulen, teilte die Förderbank mit.",
        [(Organization("Nordkredit"), Act.ANNOUNCE, "teilte", False)],
    ),
    (
        "class-noun-refers-to-acronym-subject",
        "Die NKB stellt 5 Millionen Euro bereit, teilte die Förderbank mit.",
        [(Organization("NKB"), Act.ANNOUNCE, "teilte", False)],
    ),
    (
        "laut-class-noun-and-name",
        "Das Werk soll laut dem Entwickler Sonnfeld 3 Milliarden Euro kosten.",
        [(Organization("Sonnfeld"), Act.STATE, "laut", False)],
    ),
    (
        "office-apposition-in-source",
        "Nach Worten des Vorstandschefs der Bank, Boris Kalinin, sei die Nachfrage hoch.",
        [(Person("Boris Kalinin"), Act.STATE, "Nach Worten", False)],
    ),
    (
        "office-compound-zufolge",
        "Kremlberater Pawel Sorokin zufolge ging es um Energie.",
        [(Person("Pawel Sorokin"), Act.STATE, "zufolge", False)],
    ),
    (
        "topic-pronoun-and-guest",
        "Bundespräsident Hanno Wendt ist zu einem Staatsbesuch in Kasachstan eingetroffen. "
        "Sein Gastgeber Tokajew empfing ihn in Astana. Für Wendt ist es die erste Reise in die Region. "
        "Er lobte die Reformen und sprach von einem „mutigen Weg“. "
        "Zugleich mahnte der Gast, die Reformen müssten weitergehen.",
        [
            (WENDT, Act.PRAISE, "lobte", False),
            (WENDT, Act.STATE, "sprach", True),
            (WENDT, Act.CALL_FOR, "mahnte", False),
        ],
    ),
    (
        "laut-gastgeber-without-chair",
        "Sein Gastgeber Tokajew empfing Scholz in Astana. Laut Gastgeber soll der Handel wachsen.",
        [(TOKAYEV, Act.STATE, "Laut Gastgeber", False)],
    ),
    (
        "bundespraesident-titled",
        "Scholz traf Bundespräsident Hanno Wendt und Tokajew. Der Bundespräsident würdigte die Partnerschaft.",
        [(WENDT, Act.PRAISE, "würdigte", False)],
    ),
    (
        "beide-seiten-are-the-two-states",
        "Tokajew empfing Putin in Astana. Beide Seiten bekräftigten ihr Interesse an der Partnerschaft.",
        [(Country("KZ"), Act.REAFFIRM, "bekräftigten", False), (Country("RU"), Act.REAFFIRM, "bekräftigten", False)],
    ),
]

#: Verbs and bodies added after a fresh held-out set showed them missing (sentences written for these tests).
MORE_VERBS_AND_BODIES: list[tuple[str, str, Expected]] = [
    (
        "beipflichten",
        "Rachmon sprach über Wasser. Alijew pflichtete ihm bei.",
        [(ALIYEV, Act.SUPPORT, "pflichtete", False)],
    ),
    (
        "zusichern-konjunktiv-perfekt",
        "Mirsijojew habe zugesichert, die Grenzübergänge offen zu halten.",
        [(MIRZ, Act.REAFFIRM, "habe zugesichert", False)],
    ),
    (
        "anbieten-with-zu-infinitive",
        "Tokajew bot an, das nächste Treffen in Almaty auszurichten.",
        [(TOKAYEV, Act.PROPOSE, "bot", False)],
    ),
    (
        "beschreiben-in-relative-clause",
        "Rachmon, der Tadschikistan gern als Wasserturm der Region beschreibt, griff den Vorschlag auf.",
        [(RAHMON, Act.STATE, "beschreibt", False)],
    ),
    (
        "eingehen-auf-inverted",
        "In seiner Ansprache ging Erdoğan auf die Lage im Südkaukasus ein.",
        [(ERDOGAN, Act.STATE, "ging", False)],
    ),
    (
        "praesidentschaft-with-state-adjective",
        "Das Treffen dauerte drei Stunden. Das teilte die aserbaidschanische Präsidentschaft mit.",
        [(Country("AZ"), Act.ANNOUNCE, "teilte", False)],
    ),
    (
        "source-body-before-an-inverted-subject",
        "Nach Angaben des Kremls reiste Putin am Abend ab.",
        [(Country("RU"), Act.STATE, "Nach Angaben", False)],
    ),
    (
        "source-capital-genitive",
        "Der Handel wuchs nach Angaben Astanas um ein Fünftel.",
        [(Country("KZ"), Act.STATE, "nach Angaben", False)],
    ),
    (
        "lassen-with-infinitive",
        "Rachmon ließ über seinen Sprecher erklären, er werde nicht anreisen.",
        [(RAHMON, Act.STATE, "ließ", False)],
    ),
    (
        "relayed-konjunktiv-perfect-keeps-both",
        "Rachmon habe die Einigung gelobt, sagte Tokajew.",
        [(RAHMON, Act.PRAISE, "habe", False), (TOKAYEV, Act.STATE, "sagte", False)],
    ),
    (
        "nach-eigenen-angaben-is-the-subject",
        "Kasachstan exportierte nach eigenen Angaben mehr Weizen als je zuvor.",
        [(Country("KZ"), Act.STATE, "nach eigenen Angaben", False)],
    ),
    (
        "bundespresseamt",
        "Die Gespräche seien konstruktiv gewesen, wie das Bundespresseamt mitteilte.",
        [(Country("DE"), Act.ANNOUNCE, "mitteilte", False)],
    ),
]

NOT_STATEMENTS_MORE: list[tuple[str, str]] = [
    ("ging-without-auf-is-no-statement", "Die Sitzung ging am Abend zu Ende."),
    ("bot-as-offer-of-things-without-speaker", "Der Markt bot wenig Neues an."),
    ("lassen-reflexive-is-no-statement", "Tokajew ließ sich beim Gipfel vertreten."),
    ("eigene-angaben-after-a-pronoun", "Tokajew traf die Bankchefin. Sie vergab nach eigenen Angaben mehr Kredite."),
]


class TestFindStatements:
    """The case tables above, written for these tests (not corpus sentences)."""

    @pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
    def test_cases(self, text: str, expected: Expected) -> None:
        got = run(text)
        assert len(got) == len(expected), [(s.speaker, s.act, s.evidence.text) for s in got]
        for stmt, (speaker, act, anchor, quoted) in zip(got, expected, strict=True):
            at = text.index(anchor)
            assert stmt.speaker == speaker
            assert stmt.act is act
            assert stmt.evidence.overlaps(Span(at, at + len(anchor)))
            assert stmt.evidence.text == text[stmt.evidence.start : stmt.evidence.end]
            assert stmt.direct_quote is quoted
            assert stmt.summit == 0

    @pytest.mark.parametrize(("text", "expected"), [c[1:] for c in OTHER_OUTLETS], ids=[c[0] for c in OTHER_OUTLETS])
    def test_other_outlets(self, text: str, expected: Expected) -> None:
        """The same grammar on sentences in the style of other outlets."""
        self.test_cases(text, expected)

    @pytest.mark.parametrize(
        ("text", "expected"), [c[1:] for c in BODIES_AND_TITLES], ids=[c[0] for c in BODIES_AND_TITLES]
    )
    def test_bodies_and_titles(self, text: str, expected: Expected) -> None:
        """Bodies as written, titled persons, reply verbs and speakers resolved from context."""
        self.test_cases(text, expected)

    @pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MORE_GRAMMAR], ids=[c[0] for c in MORE_GRAMMAR])
    def test_more_grammar(self, text: str, expected: Expected) -> None:
        """Present tense, perfect, source phrases, bodies and analysts."""
        self.test_cases(text, expected)

    @pytest.mark.parametrize(
        ("text", "expected"), [c[1:] for c in VISITS_AND_BODIES], ids=[c[0] for c in VISITS_AND_BODIES]
    )
    def test_visits_and_bodies(self, text: str, expected: Expected) -> None:
        """Guests and hosts, topics for pronouns, bodies by head noun or class noun, offices before names."""
        self.test_cases(text, expected)

    @pytest.mark.parametrize(
        ("text", "expected"), [c[1:] for c in MORE_VERBS_AND_BODIES], ids=[c[0] for c in MORE_VERBS_AND_BODIES]
    )
    def test_more_verbs_and_bodies(self, text: str, expected: Expected) -> None:
        self.test_cases(text, expected)

    @pytest.mark.parametrize("text", [c[1] for c in NOT_STATEMENTS_MORE], ids=[c[0] for c in NOT_STATEMENTS_MORE])
    def test_more_non_statements(self, text: str) -> None:
        assert run(text) == []

    @pytest.mark.parametrize("text", [c[1] for c in NOT_STATEMENTS], ids=[c[0] for c in NOT_STATEMENTS])
    def test_not_statements(self, text: str) -> None:
        """Verbs that look like reporting verbs but report no speech by a named speaker."""
        assert run(text) == []

    def test_two_verbs_get_distinct_spans(self) -> None:
        text = "Alijew warnte vor neuen Zöllen und schlug vor, eine Freihandelszone zu schaffen."
        first, second = run(text)
        assert not first.evidence.overlaps(second.evidence)
        assert "schlug" not in first.evidence.text

    def test_quote_and_content(self) -> None:
        text = "„Die Grenzen sollen verbinden“, sagte Rachmon."
        (stmt,) = run(text)
        assert stmt.quote == "Die Grenzen sollen verbinden"
        assert "Grenzen" in stmt.content

    def test_no_summit_no_index(self) -> None:
        doc = make_doc("Alijew betonte die Bedeutung des Korridors.")
        (stmt,) = find_statements(doc, [])
        assert stmt.summit is None

    def test_declaration_without_summit_org_is_skipped(self) -> None:
        assert run("In der Erklärung fordern die Mitgliedstaaten Frieden.", organization=None) == []

    def test_subheading_is_skipped(self) -> None:
        text = "Alijew warnte vor Zöllen\n\nDer Gipfel endete am Abend."
        doc = make_doc(text, subheadings=(Span.of(text, 0, 24),))
        assert find_statements(doc, []) == []

    def test_pronoun_after_named_subject(self) -> None:
        text = "Mirsijojew eröffnete die Sitzung. Er kritisierte die schleppende Umsetzung."
        (stmt,) = run(text)
        assert stmt.speaker == MIRZ


class TestLexicon:
    def test_every_act_is_reachable(self) -> None:
        acts = {f.entry.act for forms in lexicon().values() for f in forms}
        assert set(Act) <= acts

    def test_forms_are_lower_case(self) -> None:
        assert all(word == word.lower() for word in lexicon())


class TestIndexes:
    @given(st.text(alphabet=st.sampled_from(list('aWz „“”«»‚‘’",;:()–—-\nLautWorten heißt zufolge ßİ')), max_size=300))
    @settings(max_examples=200, deadline=None)
    def test_marks_from_the_verb_pass_equal_a_direct_search(self, text: str) -> None:
        """The punctuation the verb automaton reports gives the same marks as searching the text."""
        direct, shared = Marks(text), Marks(text, VerbIndex(text).literals)
        for name in ("quotes", "bounds", "hard", "dashes", "colons"):
            assert getattr(shared, name) == getattr(direct, name), name
        for cue, found in direct.cues.items():  # lower-cased cues may find more, never less
            assert set(found) <= set(shared.cues[cue])

    def test_verb_hits_skip_sentences_without_a_lexicon_word(self) -> None:
        text = "Die Gäste kamen an. Tokajew betonte die Rolle."
        index = VerbIndex(text)
        assert index.hits(0, 19) == []
        assert [text[a:b] for a, b, _ in index.hits(20, len(text))] == ["betonte"]


_SENTENCES = [
    "Mirsijojew eröffnete die Sitzung.",
    "Er kritisierte die schleppende Umsetzung.",
    "Sie betonte die Rolle Armeniens.",
    "Für Alijew ist es der erste Besuch.",
    "Deutlicher wurde der aserbaidschanische Präsident Alijew.",
    "Der Gipfel endete am Abend.",
    "Rachmon begrüßte die Gäste.",
    "Laut Paschinjan ist das ein Fortschritt.",
    "Das sei wichtig, sagte er.",
    "Baku kritisierte den Plan, so Macron.",
    "Zudem kündigte er an, die Hilfe auszuweiten.",
    "Der tadschikische Präsident warnte vor Zöllen",
    "Eriwan hatte erklärt, man sei bereit.",
    "Es regnete.",
    "Er kam an.",
    "Sie kam in Baku an.",
    "Der Gipfel mit Alijew endete.",
    "Der Gipfel mit Mirsijojew endete.",
]


class TestShortcuts:
    @given(st.lists(st.sampled_from(_SENTENCES), max_size=12), st.sets(st.integers(0, 11), max_size=3))
    @settings(max_examples=200, deadline=None)
    def test_lazy_subjects_and_skipped_sentences_agree_with_the_plain_loop(
        self, sentences: list[str], heads: set[int]
    ) -> None:
        """Resolving sentence subjects only when a pronoun asks, and visiting only sentences with a
        verb or a cue, finds what resolving every sentence at once finds."""
        text = "\n\n".join(sentences)
        doc = make_doc(text)
        spans = [s for i, s in enumerate(doc.sentences) if i in heads]
        doc = make_doc(text, subheadings=tuple(spans))
        summits = [Summit(name="Gipfel", organization="CSTO")]
        assert _find(doc, summits) == _find(doc, summits, eager=True)


class TestMemory:
    def test_a_long_run_of_pronoun_sentences_resolves_without_nesting(self) -> None:
        """Resolving the noted sentences walks them one by one (no recursion per pronoun)."""
        (stmt,) = run("Mirsijojew kam an. " + "Er kam an. " * 3000 + "Er betonte die Rolle.")
        assert stmt.speaker == MIRZ

    def test_a_pronoun_before_any_subject_means_the_person_named_before_it(self) -> None:
        """With nothing remembered, the first ``Er`` takes the last person named before it; later ones
        keep that person (the plain pass resolves sentence by sentence, earliest first)."""
        text = (
            "Der Gipfel mit Mirsijojew endete. Er kam an. Der Gipfel mit Alijew endete. Er kam an. "
            "Er betonte die Rolle."
        )
        (stmt,) = run(text)
        assert stmt.speaker == MIRZ


class TestRobustness:
    @given(st.text(alphabet=st.sampled_from(list('ab „“«»",.:–Er sagte betonte Alijew ()\n')), max_size=300))
    @settings(max_examples=200, deadline=None)
    def test_never_raises(self, text: str) -> None:
        for stmt in run(text):
            assert 0 <= stmt.evidence.start <= stmt.evidence.end <= len(text)

    @given(st.text(max_size=200))
    @settings(max_examples=100, deadline=None)
    def test_never_raises_on_any_text(self, text: str) -> None:
        run(text)

    @pytest.mark.parametrize("unit", ["Präsident ", "„Alijew betonte, ", "Alijew: „a“ ", "Alijew zufolge, "])
    def test_adversarial_input_is_consistent(self, unit: str) -> None:
        """Long repetitive input with unclosed quotes runs through; every statement is well-formed.

        Speed is checked by the benchmarks, not here.
        """
        text = unit * 5_000
        doc = Doc(Article(id="a", text=text), tuple(split_sentences(text)), (), (), ())
        for stmt in find_statements(doc, []):
            assert 0 <= stmt.evidence.start <= stmt.evidence.end <= len(text)
            assert stmt.evidence.text == text[stmt.evidence.start : stmt.evidence.end]
            assert stmt.summit is None
