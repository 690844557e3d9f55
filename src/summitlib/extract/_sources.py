"""Bodies as speakers: named seats of government (data) and bodies the gazetteer does not know.

* :func:`named_body` finds a body of ``data/speaker_bodies_de.tsv`` in a phrase (``der Pressedienst
  des Kremls`` -> RU, ``die Präsidialverwaltung Akorda`` -> KZ, ``der Eurasischen
  Wirtschaftskommission`` -> EAEU). The table is data, loaded once and compiled into one regex of
  literal alternatives (linear in the phrase).
* :func:`unknown_body` reads a body the text names but no table knows, as written: a class noun and a
  proper name (``die Organisation Human Rights Watch`` -> ``Human Rights Watch``), or capitalised
  adjectives before a body noun (``der Neuen Entwicklungsbank`` -> ``Neue Entwicklungsbank``; the
  weak adjective ending after a definite article is put back into the nominative).
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

from summitlib.model import Country, Organization, Speaker

__all__ = ["named_body", "unknown_body"]

_DATA = "speaker_bodies_de.tsv"
_COLUMNS = ("forms", "speaker", "notes")


@functools.cache
def _table() -> tuple[re.Pattern[str], dict[str, Speaker]]:
    """The body forms as one regex (longest first) and form -> speaker.

    Raises:
        ValueError: when the data file has a malformed row (a packaging error, never input-dependent).
    """
    speakers: dict[str, Speaker] = {}
    header_seen = False
    with files("summitlib.data").joinpath(_DATA).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if not header_seen:
                header_seen = True
                if tuple(cells[: len(_COLUMNS)]) != _COLUMNS:
                    raise ValueError(f"{_DATA}: unexpected header {cells!r}")
                continue
            if len(cells) < 2:
                raise ValueError(f"{_DATA}: short row {line!r}")
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
    (?:[Dd]ie|[Dd]er|[Dd]as)\s+
    (?:[\w-]*[Oo]rganisation|Denkfabrik|Stiftung|Initiative|Institut|[\w-]*[Bb]ewegung|Partei)\s+
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


def unknown_body(text: str, start: int, end: int) -> tuple[Organization, int, int] | None:
    """A body named in ``text[start:end]`` as written, with where its phrase starts and ends."""
    m = _CLASS_NAME.match(text, start, end)
    if m:
        return Organization(m.group("name")), m.start(), m.end()
    m = _ADJ_BODY.search(text, start, end)
    if m:
        words = m.group("name").split()
        name = " ".join([w[:-1] if w.endswith("en") else w for w in words[:-1]] + words[-1:])
        return Organization(name), m.start(), m.end()
    return None
