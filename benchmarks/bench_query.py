"""Benchmark of the query helpers and of parallel parsing (a script, not a timed test).

Run: ``python benchmarks/bench_query.py [--records 100000] [--copies 20]``

Measures

1. a composed ``where`` over 100,000 synthetic statements and summits (target: < 0.2 s);
2. memory per ``Statement`` (tracemalloc), alone and inside a selection with its provenance;
3. parsing speed-up with 2 worker processes against 1, on copies of the seed articles in a temp dir.

Prints a small table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from summitlib._seeds import seed_paths
from summitlib.corpus import Corpus
from summitlib.model import Act, Country, PartialDate, Person, Span, Statement, Summit
from summitlib.query import Predicate, Provenance, Selection, q

PEOPLE = [
    Person("Kassym-Jomart Tokayev", "KZ", ("Tokajew",)),
    Person("Vladimir Putin", "RU", ("Putin",)),
    Person("Shavkat Mirziyoyev", "UZ", ("Mirsijojew",)),
    Person("Xi Jinping", "CN"),
    Person("Donald Trump", "US"),
]
ORGS = ["CIS", "SCO", "C5+1", "EAEU", "OTS"]
ACTS = list(Act)


def summits(n: int) -> list[Summit]:
    out = []
    for i in range(20):
        month = PartialDate.month(2025, 1 + i % 12)
        out.append(Summit(f"summit {i}", ORGS[i % 5], "Astana", "KZ", month, countries=("KZ", "RU", "UZ")[: 1 + i % 3]))
    return [out[i % 20] for i in range(n)]


def statements(n: int) -> Selection[Statement]:
    pool = summits(20)
    provs = [Provenance((f"a{i}",), s.date, "summit", s) for i, s in enumerate(pool)]
    records, prov = [], []
    for i in range(n):
        speaker = PEOPLE[i % 5] if i % 7 else Country("KZ")
        records.append(
            Statement(speaker, ACTS[i % len(ACTS)], Span(i, i + 10, "text"), content=f"content {i}", summit=i % 20)
        )
        prov.append(provs[i % 20])
    return Selection(records, prov, record_type=Statement)


def best_of(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def memory_per_statement(n: int) -> tuple[float, float]:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    records = [
        Statement(PEOPLE[i % 5], ACTS[i % len(ACTS)], Span(i, i + 10, "text"), content=f"content {i}") for i in range(n)
    ]
    after = tracemalloc.take_snapshot()
    alone = sum(s.size_diff for s in after.compare_to(before, "filename")) / n
    prov = Provenance(("a",), PartialDate.day(dt.date(2025, 1, 1)), "publication")
    sel = Selection(records, [prov] * n)
    after_sel = tracemalloc.take_snapshot()
    with_sel = sum(s.size_diff for s in after_sel.compare_to(before, "filename")) / n
    tracemalloc.stop()
    del records, sel
    return alone, with_sel


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def cpu_control() -> float:
    """Speed-up of pure CPU-bound work with 2 processes vs 1: what this machine can give at best."""
    times = []
    for workers in (1, 2):
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_burn, [10] * workers))
            t = time.perf_counter()
            list(pool.map(_burn, [2_000_000] * 8))
            times.append(time.perf_counter() - t)
    return times[0] / times[1]


def parse_speedup(copies: int) -> tuple[int, float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k in range(copies):
            for p in seed_paths():
                target = Path(tmp) / f"{k:03d}_{p.name}"
                shutil.copyfile(p, target)
                paths.append(target)
        Corpus.from_paths(paths[:2], executor="serial")  # warm up gazetteers in this process
        serial, _ = best_of(lambda: Corpus.from_paths(paths, executor="serial"), repeat=1)
        with ProcessPoolExecutor(1) as one:
            one.submit(int).result()
            t1, _ = best_of(lambda: Corpus.from_paths(paths, executor=one), repeat=2)
        with ProcessPoolExecutor(2) as two:
            list(two.map(int, range(2)))
            t2, _ = best_of(lambda: Corpus.from_paths(paths, executor=two), repeat=2)
    return len(paths), serial, t1, t2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--copies", type=int, default=20, help="copies of each seed for the parsing test")
    args = parser.parse_args()
    n = args.records

    rows: list[tuple[str, str]] = []
    sel = statements(n)
    pred: Predicate[Statement] = (
        (q.speaker("Tokayev") | q.attended_by("RU")) & ~q.act("state") & q.between("2025-03-01", "2025-09-30")
    ) & ~q.organization("SCO")
    t, hits = best_of(lambda: sel.where(pred))
    rows.append((f"where, 4 leaves + NOT/OR, {n:,} statements", f"{t * 1000:.1f} ms ({len(hits):,} hits)"))
    summit_sel = Selection(summits(n), record_type=Summit)
    spec = q.attended_by("KZ") & q.between("2025-10-01", "2025-11-30")
    t, hits = best_of(lambda: summit_sel.where(spec))
    rows.append((f"where, attended_by & between, {n:,} summits", f"{t * 1000:.1f} ms ({len(hits):,} hits)"))
    t, _ = best_of(lambda: sel.count_by("speaker"), repeat=3)
    rows.append((f"count_by('speaker'), {n:,} statements", f"{t * 1000:.1f} ms"))
    t, _ = best_of(lambda: sel.sort_by("date"), repeat=3)
    rows.append((f"sort_by('date'), {n:,} statements", f"{t * 1000:.1f} ms"))

    alone, with_sel = memory_per_statement(n)
    rows.append(("memory per Statement (record, its span, content)", f"{alone:.0f} B"))
    rows.append(("  ... inside a Selection with shared provenance", f"{with_sel:.0f} B"))

    files, serial, t1, t2 = parse_speedup(args.copies)
    rows.append((f"parse {files} articles, serial", f"{serial:.2f} s"))
    rows.append((f"parse {files} articles, 1 worker process", f"{t1:.2f} s"))
    rows.append((f"parse {files} articles, 2 worker processes", f"{t2:.2f} s (speed-up x{t1 / t2:.2f})"))
    rows.append(("control: CPU-bound loop, 2 processes vs 1", f"speed-up x{cpu_control():.2f}"))
    rows.append(("CPUs available", str(len(os.sched_getaffinity(0)))))

    width = max(len(k) for k, _ in rows)
    print(f"{'measure'.ljust(width)}  result")
    print(f"{'-' * width}  {'-' * 30}")
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


if __name__ == "__main__":
    main()
