"""Bodies as speakers: named seats of government (data) and bodies the gazetteer does not know.

* :func:`named_body` finds a body of ``data/speaker_bodies_de.tsv`` in a phrase (``der Pressedienst
  des Kremls`` -> RU, ``die Präsidialverwaltung Akorda`` -> KZ, ``der Eurasischen
  Wirtschaftskommission`` -> EAEU). The table is data, loaded once and compiled into one regex of
  literal alternatives (linear in the phrase).
* :func:`unknown_body` reads a body the text names but no table knows, as written: a class noun and a
  proper name (``die Organisation Human Rights Watch`` -> ``Human Rights Watch``), or capitalised
  adjectives before a body noun (``der Neuen Entwicklungsbank`` -> ``Neue Entwicklungsbank``; the
  weak adjective ending after a definite article is put back into the nominative), or a proper name
  ending in a body word (``Amnesty International``, ``Freedom House``, ``der Ost-Ausschuss``,
  ``die Weltbank``, ``Nordwind GmbH``); a determiner may open the phrase.
* :func:`fullest_body` gives the fullest form the text writes earlier (``Ost-Ausschuss`` ->
  ``Ost-Ausschuss der Deutschen Wirtschaft``); :func:`introduced_body` tells whether a bare name was
  introduced by a class noun (``der Energiekonzern Nordwind`` makes a later ``Nordwind`` a body).
"""

from __future__ import annotations

import functools
import re

from summitlib._data import read_rows
from summitlib.model import Country, Organization, Speaker

__all__ = ["class_referent", "fullest_body", "headed_body", "introduced_body", "named_body", "unknown_body"]

_DATA = "speaker_bodies_de.tsv"
_COLUMNS = ("forms", "speaker", "notes")


@functools.cache
def _table() -> tuple[re.Pattern[str], dict[str, Speaker]]:
    """The body forms as one regex (longest first) and form -> speaker.

    Raises:
        ValueError: when the data file has a malformed row (a packaging error, never input-dependent).
    """
    speakers: dict[str, Speaker] = {}
    for cells in read_rows(_DATA, columns=_COLUMNS, min_cells=2)[1]:
        code = cells[1]
        sp: Speaker = Country(code) if len(code) == 2 and code.isupper() else Organization(code)
        for form in cells[0].split("|"):
            for variant in (form, form.replace("ß", "ss")):
                speakers[variant] = sp
    alternatives = "|".join(re.escape(f) for f in sorted(speakers, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)"), speakers


def named_body(phrase: str) -> Speaker | None:
    """The state or organization of the first named body in ``phrase``, if any."""
    pattern, speakers = _table()
    m = pattern.search(phrase)
    return speakers[m.group()] if m else None


# "die Organisation Human Rights Watch", "die Denkfabrik Carnegie Endowment": a class noun and a name.
_CLASS_NAME = re.compile(
    r"""
    (?:(?:[Dd]ie|[Dd]er|[Dd]as|[Dd]em|[Dd]en|[Dd]es)\s+)?(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}
    (?:[\w-]*[Oo]rganisation|Denkfabrik|Stiftung|Initiative|Institut|[\w-]*[Bb]ewegung|Partei|[\w-]*[Kk]onzern
     |Unternehmen|Firma|[\w-]*[Vv]erband|[\w-]*[Ee]ntwickler|[\w-]*[Hh]ersteller|[\w-]*[Bb]etreiber
     |[\w-]*[Ii]nvestor|Förderbank|Entwicklungsbank|Staatsbank|Reederei|Holding|Plattform|Nachrichtenagentur)\s+
    (?P<name>(?:[A-Z][\w&'.-]*\s+){0,3}[A-Z][\w&'.-]*)          # Latin capitalised words: a proper name
    (?=\s|[,.;:!?)]|$)
    """,
    re.VERBOSE,
)
# "der (in Shanghai ansässigen) Neuen Entwicklungsbank": capitalised adjectives and a body noun.
_ADJ_BODY = re.compile(
    r"""
    (?P<name>(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)\s+){1,3}        # capitalised adjectives
    [A-ZÄÖÜ][\w-]*(?:bank|kommission|organisation|agentur|behörde|fonds|sekretariat|institut|union)) # body
    \b
    """,
    re.VERBOSE,
)


# "Amnesty International", "der Ost-Ausschuss (der Deutschen Wirtschaft)", "die Weltbank": a proper name
# ending in a body word (English heads after one to three capitalised words; German heads in a compound).
_PROPER_BODY = re.compile(
    r"""
    (?P<name>
      (?:[A-Z][\w&'.-]*\s+){1,3}
      (?:International|Watch|House|Bank|Fund|Institute|Foundation|Council|Group|Forum|Endowment
       |GmbH|AG|SE|Inc\.|Ltd\.|Corporation|Holding)
    | (?:[A-ZÄÖÜ][\w]*-)+(?:Ausschuss|Verband|Kommission|Bank|Institut|Stiftung|Fonds|Forum|Komitee)
    | [A-ZÄÖÜ][a-zäöüß]+(?:verband|ausschuss|stiftung) | Weltbank)
    (?P<of>\s+(?:der|des)\s+(?:[A-ZÄÖÜ][a-zäöüß]+(?:en|er|es)\s+){1,2}[A-ZÄÖÜ][\w-]+)?  # der Deutschen Wirtschaft
    (?![\w-])
    """,
    re.VERBOSE,
)
_OF_TAIL = re.compile(r"\s+(?:der|des)\s+(?:[A-ZÄÖÜ][a-zäöüß]+(?:en|er|es)\s+){1,2}[A-ZÄÖÜ][\w-]+(?![\w-])")
_DET = re.compile(r"(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es)\s+")
_FEMININE_HEAD = re.compile(r"(?:bank|kommission|organisation|agentur|behörde|union)\Z")
# a class noun right before a name: "der deutsche Projektentwickler Nordwind", "das Unternehmen Nordwind"
_CLASS_BEFORE = re.compile(
    r"""(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]em|[Dd]en|[Dd]es)\s+(?:[a-zäöüß]+(?:e|en|er|es)\s+){0,2}[\w-]*
    (?:[Kk]onzern|[Uu]nternehmen|[Ee]ntwickler|[Hh]ersteller|[Bb]etreiber|[Ff]irma|[Gg]esellschaft|[Bb]ank
     |[Vv]erband|[Oo]rganisation|[Ii]nvestor|[Aa]gentur|[Gg]ruppe|[Rr]eederei|[Ss]tart-?up|[Hh]olding)
    \s+\Z""",
    re.VERBOSE,
)


def unknown_body(text: str, start: int, end: int) -> tuple[Organization, int, int] | None:
    """A body named in ``text[start:end]`` as written, with where its phrase starts and ends.

    The phrase starts at ``start`` when a determiner there opens it (``die Eurasische Entwicklungsbank``).
    """
    m = _CLASS_NAME.match(text, start, end)
    if m:
        return Organization(m.group("name")), m.start(), m.end()
    det = _DET.match(text, start, end)
    at = det.end() if det else start
    m = _PROPER_BODY.match(text, at, end)
    if m:
        return Organization(" ".join(m.group().split())), start, m.end()
    m = _ADJ_BODY.search(text, at, end)
    if m:
        words = m.group("name").split()
        feminine = _FEMININE_HEAD.search(words[-1]) is not None
        adjectives = [
            w[:-1] if w.endswith("en") or (feminine and w.endswith("er")) else w[:-1] + "r" if w.endswith("em") else w
            for w in words[:-1]
        ]
        return Organization(" ".join([*adjectives, words[-1]])), start if m.start() == at else m.start(), m.end()
    return None


# A body named by a head noun with attributes, as the whole subject before the verb: "Der Zentralrat der
# Armenier in Deutschland", "Die Armenisch-Apostolische Kirche in Deutschland", "Die Wirtschaftskammer
# Österreich" (body = the name as written, without the article).
_HEADED = re.compile(
    r"""
    (?:[Dd]er|[Dd]ie|[Dd]as)\s+
    (?P<name>
      (?:[A-ZÄÖÜ][\w-]*(?:e|en)\s+){0,2}                                     # capitalised adjectives
      (?:[A-ZÄÖÜ][\w-]*(?:rat|kammer|kirche|gemeinde|verband|bund|komitee|kongress|gewerkschaft|vereinigung
          |akademie|ausschuss|stiftung|zentrum|netzwerk|liga|konferenz)
       |Rat|Kammer|Kirche|Gemeinde|Gewerkschaft|Vereinigung|Akademie|Liga)(?<!Emirat)(?<!Senat)
      (?:\s+(?:(?:der|des|in|im|für|von|vom|zur|zum|und)\s+){0,2}[A-ZÄÖÜ][\w.-]*){1,3}   # attributes
    )
    \Z""",
    re.VERBOSE,
)


def headed_body(text: str, start: int, end: int) -> Organization | None:
    """``Der Zentralrat der Armenier in Deutschland`` as the whole phrase ``text[start:end]``: the body."""
    m = _HEADED.match(text, start, end)
    return Organization(" ".join(m.group("name").split())) if m else None


_CLASS_NOUNS = re.compile(
    r"""(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:[a-zäöüß]+e\s+)?
    (?P<noun>[\w-]*(?:[Bb]ank|[Kk]onzern|[Ee]ntwickler|[Hh]ersteller|[Bb]etreiber|[Vv]erband|[Kk]ammer|[Ss]tiftung
     |[Oo]rganisation|[Aa]gentur|[Rr]eederei|[Hh]olding)|Unternehmen|Firma|Gesellschaft)\b""",
    re.VERBOSE,
)
_REFERENT_REACH = 3000  # how far back a class noun looks for the body it names (keeps the scan bounded)
_ACRONYM = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w.&-]*[A-ZÄÖÜ][\w.&-]*")  # KfW, CITIC: two capitals


def class_referent(text: str, start: int, end: int, since: int) -> tuple[Organization, int, int] | None:
    """``die Förderbank`` at ``start`` alone: the body the text named with that class noun before
    (``die staatliche Förderbank KfW`` -> KfW), else an acronym-like name between ``since`` and ``start``
    (``Die KfW stellt … bereit, teilte die Förderbank mit``); with the phrase end and where the acronym
    stands (-1 for a body named with the class noun)."""
    m = _CLASS_NOUNS.match(text, start, end)
    if m is None:
        return None
    noun = m.group("noun")
    lo = max(0, start - _REFERENT_REACH)
    at = text.rfind(noun, lo, start)
    for _ in range(4):
        if at < 0:
            break
        word = max(lo, text.rfind(" ", max(lo, at - 40), at) + 1)
        named = _CLASS_NAME.match(text, word, min(len(text), at + len(noun) + 60))
        if named is not None and named.start("name") > at:
            return Organization(named.group("name")), m.end(), -1
        at = text.rfind(noun, lo, at)
    last = None
    for a in _ACRONYM.finditer(text, since, start):
        last = a
    return (Organization(last.group()), m.end(), last.start()) if last is not None else None


def fullest_body(text: str, name: str, pos: int) -> str:
    """The fullest form of body ``name`` written before ``pos`` (``Ost-Ausschuss der Deutschen Wirtschaft``).

    Looks at the first few occurrences of ``name`` (each check is bounded), so the cost stays linear.
    """
    best = name
    at = text.find(name, 0, pos)
    for _ in range(4):
        if at < 0:
            break
        m = _OF_TAIL.match(text, at + len(name), at + len(name) + 80)
        if m is not None and len(name) + m.end() - m.start() > len(best):
            best = name + " " + " ".join(m.group().split())
        at = text.find(name, at + 1, pos)
    return best


def introduced_body(text: str, name: str, pos: int) -> bool:
    """Whether ``name`` was introduced before ``pos`` by a class noun (``der Energiekonzern Nordwind``)."""
    at = text.find(name, 0, pos)
    for _ in range(4):
        if at < 0:
            return False
        after = text[at + len(name) : at + len(name) + 1]
        if (not after or not (after.isalnum() or after == "-")) and _CLASS_BEFORE.search(text, max(0, at - 60), at):
            return True
        at = text.find(name, at + 1, pos)
    return False
