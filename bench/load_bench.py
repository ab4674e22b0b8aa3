"""Load benchmark: 100k synthetic statements into the embedded store (and Neo4j when
NEO4J_URI is set), then the median latency of every canned query on that graph.

    OMP_NUM_THREADS=1 python bench/load_bench.py [--statements 100000] [--runs 5]

Writes bench/results/load_bench.json. Goals (issue 5): >= 20,000 statements/s into Neo4j,
every canned query under 200 ms at 100k statements. With NEO4J_URI set (user and password
from NEO4J_USER / NEO4J_PASSWORD, database from NEO4J_DATABASE) the Neo4j database is
EMPTIED first: point it at a scratch server.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

from kg.canned import coerce_params, list_queries, run_query
from kg.loaders.falkordb import EmbeddedStore
from kg.loaders.rows import predicate_weights
from kg.model import ACTOR_TYPES, Actor, Document, Extraction, LinkedMention, Statement

RESULTS = Path(__file__).parent / "results" / "load_bench.json"

#: Parameters of each canned query on the synthetic graph (actor a0 is the busiest).
QUERY_PARAMS = {
    "allies_of": {"actor": "a0", "from": "2015-01-01", "to": "2018-12-31"},
    "adversaries_of": {"actor": "a0"},
    "relation_timeline": {"a": "a0", "b": "a1", "granularity": "month"},
    "alliance_shifts": {"first_from": "2015-01-01", "first_to": "2015-12-31",
                        "second_from": "2016-01-01", "second_to": "2016-12-31"},
    "supporters_and_suppliers": {"target": "a2"},
    "attacks_on": {"target": "a3"},
    "common_enemies": {"actor": "a0", "from": "2016-01-01", "to": "2016-12-31"},
    "actor_profile": {"actor": "a0"},
    "evidence": {"a": "a0", "b": "a1", "predicate": "ATTACKS"},
}


def synthetic(n_statements: int, n_actors: int = 300, per_doc: int = 10, seed: int = 7) -> Extraction:
    """A reproducible random extraction: skewed actor popularity, dates 2011-2023."""
    rng = random.Random(seed)
    actors = [Actor(id=f"a{i}", type=ACTOR_TYPES[i % len(ACTOR_TYPES)], name_ar=f"فاعل {i}",
                    name_en=f"Actor {i}") for i in range(n_actors)]
    weights = [1 / (i + 1) for i in range(n_actors)]
    predicates = sorted(p for p in predicate_weights() if p not in ("MEMBER_OF", "PART_OF"))
    ex = Extraction(actors=actors)
    for d in range(n_statements // per_doc):
        year, month = rng.randint(2011, 2023), rng.randint(1, 12)
        doc = Document(id=f"doc{d}", text="", date=f"{year}-{month:02d}-15", source="مصدر")
        ex.documents.append(doc)
        for k in range(per_doc):
            s, o = rng.choices(range(n_actors), weights, k=2)
            if s == o:
                o = (o + 1) % n_actors
            day = rng.randint(1, 28)
            st = Statement(doc=doc.id, subject=f"a{s}", predicate=rng.choice(predicates),
                           object=f"a{o}", s_name=f"فاعل {s}", o_name=f"فاعل {o}", sentence=k,
                           start=k * 80, end=k * 80 + 60,
                           evidence=f"جملة تجريبية رقم {k} عن الفاعل {s} والفاعل {o}",
                           trigger="x", date=f"{year}-{month:02d}-{day:02d}",
                           date_precision="day", negated=rng.random() < 0.03)
            ex.statements.append(st)
            ex.mentions.append(LinkedMention(doc=doc.id, actor=f"a{s}", name=f"فاعل {s}",
                                             start=k * 80, end=k * 80 + 6, sentence=k, finder="gazetteer"))
    return ex


def latencies(run, runs: int) -> dict:
    out = {}
    for q in list_queries():
        params = coerce_params(q, QUERY_PARAMS[q.name])
        rows = run(q, params)  # warm-up (plan cache), and the row count
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            run(q, params)
            times.append((time.perf_counter() - t) * 1000)
        out[q.name] = {"median_ms": round(statistics.median(times), 1), "rows": len(rows)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    ex = synthetic(args.statements)
    result = {"statements": len(ex.statements), "documents": len(ex.documents),
              "actors": len(ex.actors), "machine": platform.platform(),
              "cpus": os.cpu_count(), "runs": args.runs}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        with EmbeddedStore.open(Path(tmp) / "store") as store:
            report = store.load(ex)
            result["embedded"] = {"load_seconds": round(report.seconds, 2),
                                  "statements_per_second": round(report.statements_per_second),
                                  "queries": latencies(lambda q, p: run_query(q, p, store=store),
                                                       args.runs)}
            t = time.perf_counter()
            store.load(ex)
            result["embedded"]["reload_seconds"] = round(time.perf_counter() - t, 2)
    if os.environ.get("NEO4J_URI"):
        from kg.loaders.neo4j import connect, load

        database = os.environ.get("NEO4J_DATABASE") or None
        with connect(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                     os.environ.get("NEO4J_PASSWORD", "")) as driver:
            with driver.session(database=database) as session:  # IN TRANSACTIONS needs auto-commit
                session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS").consume()
            report = load(driver, ex, database=database)
            result["neo4j"] = {"load_seconds": round(report.seconds, 2),
                               "statements_per_second": round(report.statements_per_second),
                               "queries": latencies(lambda q, p: run_query(q, p, driver=driver,
                                                                           database=database),
                                                    args.runs)}
    else:
        result["neo4j"] = "skipped: NEO4J_URI is not set"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
