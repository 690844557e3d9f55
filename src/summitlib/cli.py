"""The ``summitlib`` command: a thin layer over the public API.

``summitlib``                     a readable summary of the bundled seed articles (the main job)
``summitlib summary PATH...``     the same summary for your own articles
``summitlib extract PATH...``     the JSON contract, one object per article (``--format json|jsonl``)

Exit status: 0 when every file was read, 1 when some failed (each failure on stderr, the others still
written), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import glob
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from summitlib._seeds import seed_paths
from summitlib.errors import SummitlibError
from summitlib.export.json import to_jsonable
from summitlib.model import Country, Extraction, Meeting, Organization, PartialDate, Person, Speaker, Summit

__all__ = ["main"]

_DESCRIPTION = """\
Turn German news articles about diplomatic summits into typed records.

Without a command, summitlib prints a summary of the two bundled seed articles
(a C5+1 summit in Washington and a CIS summit in Dushanbe) so you can see what it extracts.
"""

_EPILOG = """\
examples:
  summitlib                                   summary of the bundled seed articles
  summitlib summary articles/*.txt            summary of your own articles
  summitlib extract articles/ --format jsonl  one JSON object per article and line
  summitlib extract a.txt --published 2025-10-14 --format json

An article is UTF-8 text; its first line may start with " date YYYY-MM-DD" (or YYYY-MM).
Without that header, pass --published so that "am Freitag" can be resolved.
The JSON contract is documented in docs/json-contract.md.
"""


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summitlib",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from summitlib import __version__

    parser.add_argument("--version", action="version", version=f"summitlib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="article files, directories (their *.txt files) or glob patterns",
        )
        p.add_argument(
            "--published",
            metavar="DATE",
            help="publication date (YYYY-MM-DD or YYYY-MM) for articles without a date header",
        )
        p.add_argument("--progress", action="store_true", help="show a progress bar (needs the tqdm extra)")

    ex = sub.add_parser(
        "extract",
        help="print the JSON contract for each article",
        description="Print one JSON object per article with the keys article, summits, meetings, "
        "agreements, money and statements.",
    )
    add_inputs(ex)
    ex.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one object, or an array for several articles (default); jsonl: one object per line",
    )
    ex.add_argument("--indent", type=int, default=None, help="indent JSON output by this many spaces")
    ex.add_argument("--no-text", action="store_true", help="leave the article text out of the output")

    sm = sub.add_parser("summary", help="print a readable summary of each article")
    add_inputs(sm)
    return parser


def _expand(paths: Sequence[str]) -> list[Path]:
    """Files for the given paths: files as given, directories as their sorted *.txt, globs expanded."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.txt") if q.is_file()))
        elif p.exists() or not glob.has_magic(raw):
            out.append(p)
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise _UsageError(f"no files match {raw!r}")
            out.extend(Path(m) for m in matches)
    return out


def _extract_all(
    paths: Sequence[Path], published: str | None, progress: bool, err: IO[str]
) -> Iterator[Extraction | None]:
    """Extract each path in order; yield None (after reporting on ``err``) for files that failed."""
    from summitlib.extract import extract

    items: Sequence[Path] | Iterator[Path] = paths
    if progress:
        from summitlib._progress import progress_bar

        items = progress_bar(paths, desc="extracting", unit="article")
    for path in items:
        try:
            yield extract(path, published=published)
        except (SummitlibError, OSError) as exc:
            print(f"summitlib: {path}: {exc}" if isinstance(exc, OSError) else f"summitlib: {exc}", file=err)
            yield None


# ----------------------------------------------------------------- summary
def _speaker_name(s: Speaker) -> str:
    if isinstance(s, Person):
        return s.name
    if isinstance(s, Country):
        from summitlib.gazetteer import country_name

        try:
            return f"{country_name(s.code, 'en')} ({s.code})"
        except SummitlibError:
            return s.code
    assert isinstance(s, Organization)
    return s.key


def _people(persons: Sequence[Person]) -> str:
    return ", ".join(p.name for p in persons) or "-"


def _summit_line(i: int, s: Summit) -> list[str]:
    where = ", ".join(x for x in (s.city, s.country) if x) or "venue not stated"
    when = str(s.date) if s.date else "date not stated"
    org = f" [{s.organization}]" if s.organization else ""
    lines = [f"  Summit {i}: {s.name}{org}", f"    where: {where}   when: {when}"]
    lines.append(f"    chair: {s.chair.name if s.chair else '-'}")
    lines.append(f"    states: {', '.join(s.countries) or '-'}")
    lines.append(f"    leaders: {_people(s.leaders)}")
    return lines


def _meeting_line(m: Meeting) -> str:
    at = f" (sidelines of summit {m.summit})" if m.summit is not None else ""
    where = f" in {m.city}" if m.city else ""
    when = f" on {m.date}" if m.date else ""
    return f"    {m.kind.value}: {' – '.join(p.name for p in m.participants)}{where}{when}{at}"


def summarize(ex: Extraction) -> str:
    """A readable, multi-line summary of one article's records."""
    a = ex.article
    head = f"{a.id}  published {a.published or '?'}" + (f"  {a.outlet}" if a.outlet else "")
    lines = [head, "=" * len(head)]
    if not ex.summits:
        lines.append("  no summit found")
    for i, s in enumerate(ex.summits):
        lines.extend(_summit_line(i, s))
    lines.append(f"  Meetings ({len(ex.meetings)}):")
    lines.extend(_meeting_line(m) for m in ex.meetings)
    lines.append(f"  Agreements ({len(ex.agreements)}):")
    for ag in ex.agreements:
        count = f" ({ag.count})" if ag.count is not None else ""
        value = f", value {ag.value}" if ag.value else ""
        parties = f", parties {', '.join(ag.parties)}" if ag.parties else ""
        sectors = f", sectors: {', '.join(ag.sectors)}" if ag.sectors else ""
        lines.append(f"    {ag.kind.value}{count}{parties}{value}{sectors}")
    if ex.money:
        lines.append(f"  Money: {'; '.join(str(m) for m in ex.money)}")
    lines.append(f"  Statements ({len(ex.statements)}):")
    by_speaker: dict[str, Counter[str]] = {}
    for st in ex.statements:
        by_speaker.setdefault(_speaker_name(st.speaker), Counter())[st.act.value] += 1
    for name, acts in sorted(by_speaker.items(), key=lambda kv: -sum(kv[1].values())):
        detail = ", ".join(f"{act} {n}" for act, n in acts.most_common())
        lines.append(f"    {name}: {sum(acts.values())} ({detail})")
    return "\n".join(lines)


# ----------------------------------------------------------------- commands
def _cmd_extract(args: argparse.Namespace, paths: list[Path], out: IO[str], err: IO[str]) -> int:
    import json

    failed = 0
    docs: list[object] = []
    for ex in _extract_all(paths, args.published, args.progress, err):
        if ex is None:
            failed += 1
            continue
        data = to_jsonable(ex)
        if args.no_text:
            for key in ("text", "paragraphs", "subheadings"):
                data["article"].pop(key, None)
        if args.format == "jsonl":
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            docs.append(data)
    if args.format == "json" and docs:
        payload = docs[0] if len(paths) == 1 else docs
        out.write(json.dumps(payload, ensure_ascii=False, indent=args.indent) + "\n")
    return 1 if failed else 0


def _cmd_summary(paths: list[Path], published: str | None, progress: bool, out: IO[str], err: IO[str]) -> int:
    failed = 0
    for ex in _extract_all(paths, published, progress, err):
        if ex is None:
            failed += 1
            continue
        out.write(summarize(ex) + "\n\n")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help/--version
        return int(exc.code or 0)
    try:
        if args.command is None:
            return _cmd_summary(seed_paths(), None, False, out, err)
        if not args.paths:
            parser.error(f"{args.command}: give at least one PATH")
        if args.published is not None:
            try:
                PartialDate.parse(args.published)
            except ValueError:
                raise _UsageError(f"--published takes YYYY-MM-DD or YYYY-MM, not {args.published!r}") from None
        paths = _expand(args.paths)
        if args.command == "extract":
            return _cmd_extract(args, paths, out, err)
        return _cmd_summary(paths, args.published, args.progress, out, err)
    except _UsageError as exc:
        print(f"summitlib: {exc}", file=err)
        return 2
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:  # `summitlib extract ... | head`
        return 0
