"""Throughput of ``kg extract``: articles, megabytes and mentions per second.

    OMP_NUM_THREADS=1 python bench/extract_throughput.py [INPUT] [--limit N] [--stanza]

INPUT defaults to ../shared/data/saudinewsnet/syria.jsonl. The process is pinned to one
CPU core; the pipeline is built first (not timed), the documents are read first (not
timed), then ``Pipeline.process`` is timed: without ``--stanza`` what ``kg extract
--no-stanza`` runs (gazetteer, role phrases, relation patterns), with it the default
pipeline (plus Stanza NER on the project-trained model). Prints one line and writes
bench/results/extract_throughput.json (or extract_throughput_stanza.json).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from kg.corpus import read_corpus
from kg.pipeline import PipelineConfig, build_pipeline

RESULTS = Path(__file__).parent / "results"
DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet" / "syria.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, help="time only the first N documents")
    ap.add_argument("--stanza", action="store_true", help="add Stanza NER (the default pipeline)")
    args = ap.parse_args()
    if not args.input.exists():
        raise SystemExit(f"extract_throughput: no such input: {args.input}")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    t0 = time.perf_counter()
    finders = ("gazetteer", "role", "stanza") if args.stanza else ("gazetteer", "role")
    pipeline = build_pipeline(PipelineConfig(finders=finders))
    build_s = time.perf_counter() - t0
    items = [i for i in read_corpus([args.input]) if not hasattr(i, "reason")][: args.limit]
    n_bytes = sum(len(d.text.encode("utf-8")) for d in items)

    t0 = time.perf_counter()
    cpu0 = time.process_time()
    extraction = pipeline.process(items)
    cpu_s = time.process_time() - cpu0
    wall_s = time.perf_counter() - t0

    result = {
        "input": str(args.input),
        "documents": len(items),
        "megabytes": round(n_bytes / 1e6, 3),
        "seconds": round(wall_s, 2),
        "cpu_seconds": round(cpu_s, 2),
        "articles_per_s": round(len(items) / wall_s, 2),
        "mb_per_s": round(n_bytes / 1e6 / wall_s, 4),
        "statements": len(extraction.statements),
        "mentions": len(extraction.mentions),
        "mentions_per_s": round(len(extraction.mentions) / wall_s, 1),
        "build_seconds": round(build_s, 2),
        "finders": [f.name for f in pipeline.finders],
        "cores": 1,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / ("extract_throughput_stanza.json" if args.stanza else "extract_throughput.json")
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"kg extract ({'+'.join(result['finders'])}): {result['documents']} articles, "
        f"{result['megabytes']} MB in {result['seconds']} s = {result['articles_per_s']} articles/s, "
        f"{result['mb_per_s']} MB/s (one core); {result['statements']} statements, "
        f"{result['mentions']} mentions ({result['mentions_per_s']}/s)"
    )


if __name__ == "__main__":
    main()
