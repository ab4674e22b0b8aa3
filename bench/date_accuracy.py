#!/usr/bin/env python3
"""Date accuracy on the development gold: statement dates at the gold's precision.

Two numbers:

1. extractor: for gold records with a date whose (doc, s, p, o) a prediction matches
   (actor ids keyed and rolled up as ``shared/eval/score.py`` does, imported from there),
   the fraction whose predicted date equals the gold date at the gold's precision
   (a finer predicted date counts when it truncates to the gold date).
2. kg.time alone: for every gold record with a date, ``statement_date`` of the corpus
   sentence holding the gold evidence quote, with the document date of ``docs.jsonl`` as
   reference, compared the same way.

Usage::

    python bench/date_accuracy.py [--pred statements.jsonl] [--eval ../shared/eval]
        [--corpus ../shared/corpus] [--show]
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

from kg.time import context_dates, statement_date

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def load_score(eval_dir: Path):
    """The scorer module of ``eval_dir/score.py``, imported, not copied."""
    spec = importlib.util.spec_from_file_location("kg_bench_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def date_matches(predicted: str | None, gold: str) -> bool:
    """The predicted date equals the gold date at the gold's precision."""
    return bool(predicted) and len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def strict_keys(score, records: list[dict], reg) -> list[tuple[dict, tuple]]:
    """Each relation record with its (doc, s, p, o) key, rolled up as score.py does."""
    rels = [r for r in records if r.get("type", "relation") == "relation"]
    extra_parent: dict[str, str] = {}
    keyed = []
    for r in rels:
        s, o = reg.key(r.get("s"), r.get("s_name")), reg.key(r.get("o"), r.get("o_name"))
        keyed.append((r, s, o))
        if r.get("p") in score.STRUCTURAL and not r.get("neg"):
            extra_parent.setdefault(s, o)
    out = []
    for r, s, o in keyed:
        p = r.get("p")
        if p not in score.STRUCTURAL:
            s, o = reg.top(s, extra_parent), reg.top(o, extra_parent)
            if p in score.SYMMETRIC:
                s, o = sorted((s, o))
        out.append((r, (r["doc"], s, p, o)))
    return out


def extractor_accuracy(score, gold: list[dict], pred: list[dict], reg, show: bool):
    """(matched gold records with a date, of which correctly dated)."""
    by_key: dict[tuple, list[dict]] = {}
    for r, key in strict_keys(score, pred, reg):
        by_key.setdefault(key, []).append(r)
    matched = correct = 0
    for g, key in strict_keys(score, gold, reg):
        if not g.get("date") or key not in by_key:
            continue
        candidates = by_key[key]
        ev = score.norm_ar(g.get("evidence"))
        best = next((r for r in candidates if ev and (ev in score.norm_ar(r.get("evidence"))
                                                      or score.norm_ar(r.get("evidence")) in ev)),
                    candidates[0])
        matched += 1
        ok = date_matches(best.get("date"), g["date"])
        correct += ok
        if show and not ok:
            print(f"  extractor {'':5} {key} gold={g['date']} pred={best.get('date')}")
    return matched, correct


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, split on . ! ? ؟ and newlines (bench only)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?؟\n]+[.!?؟]*", text)]


def evidence_sentence(score, text: str, spans: list[tuple[int, int]],
                      evidence: str) -> tuple[int, int | None] | None:
    """Index of the sentence holding the evidence quote, and the quote's offset in it."""
    at = text.find(evidence)
    if at != -1:
        for i, (a, b) in enumerate(spans):
            if a <= at < b:
                return i, at - a
    ev = score.norm_ar(evidence)
    for i, (a, b) in enumerate(spans):
        if ev and ev in score.norm_ar(text[a:b]):
            return i, None
    words = set(ev.split())
    if not words or not spans:
        return None
    best = max(range(len(spans)),
               key=lambda i: len(words & set(score.norm_ar(text[spans[i][0]:spans[i][1]]).split())))
    return best, None


def time_accuracy(score, gold: list[dict], docs: dict[str, str | None], corpus: Path,
                  with_context: bool, show: bool):
    """(gold records with a date found in the corpus, of which statement_date is right).

    With ``with_context`` the sentence's news-item date (kg.time.context_dates) comes
    before the document date.
    """
    texts: dict[str, tuple[str, list, list]] = {}
    total = correct = 0
    for g in gold:
        if not g.get("date"):
            continue
        doc = g["doc"]
        if doc not in texts:
            path = corpus / f"{doc}.txt"
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            spans = sentences(text)
            texts[doc] = text, spans, context_dates(text, spans, docs.get(doc))
        text, spans, contexts = texts[doc]
        found = evidence_sentence(score, text, spans, g.get("evidence", ""))
        if not found:
            continue
        index, anchor = found
        sentence = text[spans[index][0]:spans[index][1]]
        value = statement_date(sentence, docs.get(doc), anchor,
                               context=contexts[index] if with_context else None)
        total += 1
        ok = date_matches(value.iso if value else None, g["date"])
        correct += ok
        if show and not ok:
            print(f"  kg.time {doc} gold={g['date']} got={value.iso if value else None} "
                  f"({value.source if value else '-'}): {sentence[:90]}")
    return total, correct


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pred", help="statements.jsonl written by `kg extract`")
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="shared/eval folder")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="shared/corpus folder")
    ap.add_argument("--show", action="store_true", help="list the wrong dates")
    a = ap.parse_args(argv)
    if not (a.eval / "score.py").exists():
        sys.exit(f"no score.py in {a.eval}; pass --eval PATH/TO/shared/eval")
    score = load_score(a.eval)
    reg = score.Registry([str(a.eval / "actors.tsv")])
    gold = list(score.read_jsonl(sorted(str(p) for p in a.eval.glob("gold-dev-*.jsonl"))))
    docs = {d["doc"]: d.get("date") for d in score.read_jsonl([str(a.eval / "docs.jsonl")])}
    if a.pred:
        pred = [r for r in score.read_jsonl([a.pred]) if r.get("doc") in docs]
        matched, correct = extractor_accuracy(score, gold, pred, reg, a.show)
        rate = correct / matched if matched else 0.0
        print(f"extractor: {correct}/{matched} matched gold records with a date "
              f"correctly dated = {rate:.3f}")
    for with_context, label in ((False, "sentence, else document date"),
                                (True, "sentence, else news-item date, else document date")):
        total, correct = time_accuracy(score, gold, docs, a.corpus, with_context, a.show)
        rate = correct / total if total else 0.0
        print(f"kg.time statement_date on gold evidence sentences ({label}): "
              f"{correct}/{total} = {rate:.3f}")


if __name__ == "__main__":
    main()
