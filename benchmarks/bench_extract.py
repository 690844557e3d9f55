"""Speed of extraction: throughput, comparison with dateparser, cold start, and linear scaling.

Run: ``python benchmarks/bench_extract.py`` (``pip install -e '.[bench]'`` for the dateparser
comparison). Prints a table; nothing here runs in the test suite.

Measured:
1. ``summitlib.extract`` on the seed articles, one core, articles per second (median of rounds);
2. ``dateparser.search_dates(text, languages=["de"])`` on the same articles in the same run, and the ratio;
3. ``import summitlib`` plus the first extraction in a fresh interpreter (cold start), in ms;
4. every pass on adversarial text of 250 KB and 1 MB (unclosed quotes, 100,000 × "Präsident ", long
   digit runs, repeated date ranges): the time ratio should be about 4 when the patterns are linear.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import summitlib
from summitlib._seeds import seed_paths
from summitlib.extract import analyse, extract
from summitlib.extract.agreements import find_agreements
from summitlib.extract.dates import find_dates
from summitlib.extract.entities import find_entities
from summitlib.extract.meetings import find_meetings
from summitlib.extract.money import find_money
from summitlib.extract.sentences import split_sentences
from summitlib.extract.statements import find_statements
from summitlib.extract.summits import find_summits
from summitlib.model import Article
from summitlib.reading import parse_article, read_article


def _rate(fn: Callable[[], object], n_items: int, *, rounds: int = 7, min_time: float = 0.3) -> float:
    """Items per second: the median over ``rounds`` of repeated calls lasting at least ``min_time``."""
    fn()  # warm caches (gazetteer automaton, lexica)
    rates = []
    for _ in range(rounds):
        reps, start = 0, time.perf_counter()
        while True:
            fn()
            reps += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        rates.append(reps * n_items / elapsed)
    return statistics.median(rates)


def throughput(articles: list[Article]) -> float:
    return _rate(lambda: [extract(a) for a in articles], len(articles))


def per_pass(articles: list[Article], rounds: int = 300) -> dict[str, float]:
    """Milliseconds per article for each pass, timed in pipeline order on fresh documents.

    Each round analyses the article anew, so per-document look-ups built on first use (the keyword
    automaton pass, mention indexes) are charged to the pass that builds them, as in :func:`extract`.
    Medians over ``rounds``; the shared passes inside ``analyse`` are timed on their own as well.
    """
    times: dict[str, list[float]] = {
        name: []
        for name in (
            "sentences",
            "entities",
            "dates",
            "money",
            "analyse (all four + Doc)",
            "summits",
            "meetings",
            "agreements",
            "statements",
        )
    }
    clock = time.perf_counter
    for _ in range(rounds):
        for a in articles:
            text, published = a.text, a.published.start if a.published else None
            t0 = clock()
            split_sentences(text)
            t1 = clock()
            find_entities(text, published)
            t2 = clock()
            find_dates(text, published)
            t3 = clock()
            find_money(text)
            t4 = clock()
            doc = analyse(a)
            t5 = clock()
            summits = find_summits(doc)
            t6 = clock()
            find_meetings(doc, summits)
            t7 = clock()
            find_agreements(doc, summits)
            t8 = clock()
            find_statements(doc, summits)
            t9 = clock()
            stamps = (t0, t1, t2, t3, t4, t5, t6, t7, t8, t9)
            for name, start, end in zip(times, stamps[:-1], stamps[1:], strict=True):
                times[name].append(end - start)
    return {name: 1000 * statistics.median(values) for name, values in times.items()}


def dateparser_rate(articles: list[Article]) -> float | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    texts = [a.text for a in articles]
    return _rate(lambda: [search_dates(t, languages=["de"]) for t in texts], len(texts), rounds=3, min_time=1.0)


def cold_start_ms(path: str) -> float:
    """``import summitlib`` plus the first extraction, in a fresh interpreter (best of 5)."""
    code = (
        "import time; t=time.perf_counter(); import summitlib; "
        f"summitlib.extract({path!r}); print((time.perf_counter()-t)*1000)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    return min(runs)


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "Präsident x N": lambda n: "Präsident " * (n // 10),
    "unclosed quotes": lambda n: "„Tokajew betonte, " * (n // 18),
    "digit run": lambda n: "7" * n,
    "date ranges": lambda n: "vom 3. bis 4. Juli und " * (n // 23),
    "money hedges": lambda n: "über rund 5 Mrd. US-Dollar " * (n // 27),
    "summit words": lambda n: "Am Rande des Gipfels traf Putin Xi. " * (n // 36),
    "no sentence end": lambda n: "„Der Gipfel in Duschanbe " * (n // 26),
}


def scaling() -> dict[str, tuple[float, float]]:
    """Seconds for the whole pipeline on 250 KB and 1 MB of each adversarial text."""
    out = {}
    for name, make in ADVERSARIAL.items():
        times = []
        for size in (250_000, 1_000_000):
            article = parse_article(make(size), published="2025-10-14")
            start = time.perf_counter()
            extract(article)
            times.append(time.perf_counter() - start)
        out[name] = (times[0], times[1])
    return out


def main() -> int:
    articles = [read_article(p) for p in seed_paths()]
    print(f"summitlib {summitlib.__version__}, Python {sys.version.split()[0]}, {len(articles)} seed articles")
    ours = throughput(articles)
    print(f"\nextract: {ours:,.0f} articles/s ({1000 / ours:.2f} ms per article, one core)")
    theirs = dateparser_rate(articles)
    if theirs is None:
        print("dateparser not installed: pip install -e '.[bench]' for the comparison")
    else:
        print(f"dateparser.search_dates(de): {theirs:,.1f} articles/s -> summitlib is {ours / theirs:,.0f}x faster")
    print(f"cold start (import + first extraction): {cold_start_ms(str(seed_paths()[0])):.0f} ms")
    print("\nper pass (ms per article):")
    for name, ms in per_pass(articles).items():
        print(f"  {name:<26} {ms:6.3f}")
    print("\nadversarial scaling (whole pipeline):")
    print(f"  {'input':<16} {'250 KB':>8} {'1 MB':>8} {'ratio':>6}")
    for name, (small, big) in scaling().items():
        print(f"  {name:<16} {small:7.2f}s {big:7.2f}s {big / small:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
