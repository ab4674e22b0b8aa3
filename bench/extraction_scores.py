"""Extraction scores on every gold set, with and without Stanza, as ``score.py`` gives them.

    python bench/extraction_scores.py [--no-stanza]

Sets: the development corpus (../shared/corpus, gold in ../shared/eval: tuned on), the
examples (examples/, tuned on) and every held-out set bench/heldout*/ (each written for
the project by someone who had not read the extractor, scored once untouched, and only
then used for development; bench/results/README.md says which were tuned on).
Each set is extracted with the library (what ``kg extract`` runs), scored by
``../shared/eval/score.py`` in a subprocess, and the last line of each score is kept.
Writes bench/results/extraction_scores[_no_stanza].json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.pipeline import PipelineConfig, build_pipeline, extract
from kg.records import write_records

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
#: Held-out sets scored, by folder under bench/ (a set is added once it is complete).
HELDOUT = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5")


def _sets(tmp: Path) -> dict[str, tuple[Path, list[str]]]:
    """Set name → (input folder, score.py options)."""
    examples_actors = []
    for doc, actors in json.loads((ROOT / "examples" / "actors.json").read_text(encoding="utf-8")).items():
        path = tmp / f"actors-{doc}.json"
        path.write_text(json.dumps({"doc": doc, "actors": actors}), encoding="utf-8")
        examples_actors.append(str(path))
    sets = {
        "dev": (SHARED / "corpus", []),
        "examples": (ROOT / "examples", ["--gold", str(ROOT / "examples" / "expected.jsonl"),
                                         "--actors", *examples_actors]),
    }
    for name in HELDOUT:
        folder = HERE / name
        sets[name] = (folder, ["--gold", str(folder / "gold.jsonl"), "--actors",
                               *map(str, sorted(folder.glob("actors-*.json")))])
    return sets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-stanza", action="store_true", help="gazetteer and patterns only")
    args = ap.parse_args()
    if not SCORER.is_file():
        raise SystemExit(f"extraction_scores: no scorer at {SCORER}")
    finders = ("gazetteer", "role") if args.no_stanza else ("gazetteer", "role", "stanza")
    pipeline = build_pipeline(PipelineConfig(finders=finders))
    results = {"finders": [f.name for f in pipeline.finders]}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (folder, options) in _sets(Path(tmp)).items():
            started = time.perf_counter()
            extraction = extract([folder], pipeline)
            seconds = time.perf_counter() - started
            pred = Path(tmp) / f"{name}.jsonl"
            write_records(extraction, pred)
            out = subprocess.run([sys.executable, str(SCORER), "--pred", str(pred), *options],
                                 capture_output=True, text=True, check=True).stdout
            last = out.strip().splitlines()[-1]
            scores = dict(item.split("=") for item in last.split())
            results[name] = {k: float(v) for k, v in scores.items()} | {
                "documents": len(extraction.documents), "statements": len(extraction.statements),
                "seconds": round(seconds, 2)}
            print(f"{name:<10} {last}")
    out_file = HERE / "results" / ("extraction_scores_no_stanza.json" if args.no_stanza else "extraction_scores.json")
    out_file.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out_file}")


if __name__ == "__main__":
    main()
