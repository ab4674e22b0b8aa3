"""Entity-level NER scores on ANERcorp test: the trained Stanza model, the gazetteer, both.

Standard CoNLL scoring (as conlleval): an entity is correct only when its span and its
type both match exactly; precision, recall and F1 per type and overall. Spans are
compared in tokens, as conlleval does: kg's finders start a mention after a conjunction
or preposition glued to a name (وواشنطن → واشنطن), ANERcorp tags the whole token. Each test sentence
becomes one document whose text is its tokens joined by spaces; tokens are split the way
kg.text tokenizes (``(د`` is ``(`` + ``د``), and gold entity spans are trimmed of
punctuation split off their edges, exactly as the training recipe does.

The gazetteer finds actors and places, not names in general; its mentions are typed
Person → PER, Country and places → LOC, every other actor type → ORG. Its nisba
adjectives (الروسية) name actors but are no named entities (ANERcorp tags them O), so they
are left out here. In the combination the gazetteer wins on overlap and Stanza adds the
names the gazetteer lacks.

Run: ``OMP_NUM_THREADS=1 python bench/ner_anercorp.py [--model-dir DIR]``; writes
``bench/results/ner_anercorp.json``.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kg.model import AnalyzedText, Document, Mention, Sentence, Token
from kg.ner.train import read_conll, retokenize
from kg.text import match_form, normalize, tokenize

TYPES = ("PER", "ORG", "LOC", "MISC")
_DEFAULT_TEST = Path(__file__).resolve().parents[2] / "shared" / "data" / "anercorp" / "test.conll"
_RESULTS = Path(__file__).resolve().parent / "results" / "ner_anercorp.json"
_TAG_TYPES = {"PERS": "PER"}
_ACTOR_TYPES = {"Person": "PER", "Country": "LOC"}

Span = tuple[int, int, int, str]  # (sentence, first token, last token, type)


def analyzed_sentence(index: int, words: Sequence[str]) -> tuple[AnalyzedText, list[tuple[int, int]]]:
    """The sentence as a document, and the character span of each given word."""
    text = " ".join(words)
    spans, tokens, offset = [], [], 0
    for word in words:
        spans.append((offset, offset + len(word)))
        norm = normalize(word)
        for a, b in tokenize(norm.text):
            start, end = norm.original_span(a, b)
            tokens.append(Token(offset + start, offset + end, word[start:end], match_form(norm.text[a:b]), 0))
        offset += len(word) + 1
    document = Document(id=f"anercorp-test-{index}", text=text)
    return AnalyzedText(document, (Sentence(0, 0, len(text)),), tuple(tokens)), spans


def gold_entities(index: int, sentence: Sequence[tuple[str, str]], spans, text: AnalyzedText) -> set[Span]:
    """Gold entities (conlleval chunking: an ``I-`` after another type starts a chunk).

    Each entity's span runs from its first to its last word piece, as in training.
    """
    pieces = _pieces(sentence, spans, text)
    entities, current = set(), None
    for (start, end), (_, tag) in zip(pieces, sentence):
        kind = _TAG_TYPES.get(tag[2:], tag[2:]) if tag != "O" else None
        if kind is None or start is None:
            if kind is None:
                current = _close(entities, index, current)
            continue
        if tag.startswith("B-") or current is None or current[2] != kind:
            current = _close(entities, index, current)
            current = [start, end, kind]
        else:
            current[1] = end
    _close(entities, index, current)
    return entities


def _pieces(sentence, spans, text: AnalyzedText) -> list[tuple[int | None, int | None]]:
    """Per word: the span of its alphanumeric pieces (None when it has none)."""
    out = []
    for a, b in spans:
        words = [t for t in text.tokens if a <= t.start and t.end <= b and any(c.isalnum() for c in t.norm)]
        out.append((words[0].start, words[-1].end) if words else (None, None))
    return out


def _close(entities: set, index: int, current):
    if current is not None:
        entities.add((index, current[0], current[1], current[2]))
    return None


def on_tokens(text: AnalyzedText, index: int, start: int, end: int, kind: str) -> Span:
    """The character span ``[start, end)`` of sentence ``index`` as its first and last token."""
    first = next(k for k, t in enumerate(text.tokens) if t.end > start)
    last = max(k for k, t in enumerate(text.tokens) if t.start < end)
    return index, first, last, kind


def gazetteer_type(mention: Mention, actor_types: dict[str, str]) -> str:
    """PER, LOC or ORG for a gazetteer mention."""
    if mention.label == "PLACE":
        return "LOC"
    return _ACTOR_TYPES.get(actor_types.get(mention.actor or "", ""), "ORG")


def combine(gazetteer: list[Span], stanza: list[Span]) -> set[Span]:
    """Gazetteer spans, plus Stanza spans that overlap none of them."""
    taken = {(s, i) for s, a, b, _ in gazetteer for i in range(a, b + 1)}
    return set(gazetteer) | {e for e in stanza if not any((e[0], i) in taken for i in range(e[1], e[2] + 1))}


def score(gold: set[Span], predicted: set[Span]) -> dict:
    """Precision, recall, F1 and counts per type and overall (exact span and type)."""
    result = {}
    for kind in (*TYPES, "overall"):
        g = {e for e in gold if kind == "overall" or e[3] == kind}
        p = {e for e in predicted if kind == "overall" or e[3] == kind}
        correct = len(g & p)
        precision = correct / len(p) if p else 0.0
        recall = correct / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[kind] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                        "gold": len(g), "predicted": len(p), "correct": correct}
    return result


def _table(results: dict) -> str:
    lines = [f"{'system':<22}{'type':<9}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    for system, scores in results.items():
        for kind, s in scores.items():
            lines.append(f"{system:<22}{kind:<9}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                         f"{s['gold']:>7}{s['predicted']:>7}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--test", type=Path, default=_DEFAULT_TEST)
    parser.add_argument("--model-dir", type=Path, help="Trained model folder (default: the shipped one).")
    parser.add_argument("--out", type=Path, default=_RESULTS)
    args = parser.parse_args(argv)

    from kg.gazetteer import load_gazetteer, load_places
    from kg.ner.gazetteer import GazetteerMentionFinder
    from kg.ner.stanza_finder import TRAINED_MODEL_DIR, StanzaMentionFinder, find_models

    sentences = [s for s in read_conll(args.test) if retokenize(s)]
    texts, gold = [], set()
    for i, sentence in enumerate(sentences):
        text, spans = analyzed_sentence(i, [w for w, _ in sentence])
        texts.append(text)
        gold |= {on_tokens(text, *e) for e in gold_entities(i, sentence, spans, text)}

    models = find_models(trained_dir=args.model_dir or TRAINED_MODEL_DIR)
    if models is None:
        parser.error(f"no trained model in {args.model_dir or TRAINED_MODEL_DIR}")
    finder = StanzaMentionFinder.from_models(models)
    started = time.perf_counter()
    stanza_found = finder.find_batch(texts)
    stanza_seconds = time.perf_counter() - started
    stanza_spans = [on_tokens(texts[i], i, m.start, m.end, m.label) for i, ms in enumerate(stanza_found) for m in ms]

    actors = load_gazetteer()
    places = {p.id: (p.name_ar, *p.aliases_ar) for p in load_places()}
    gazetteer = GazetteerMentionFinder(actors, places)
    actor_types = {a.id: a.type for a in actors.values()}
    gazetteer_spans = [
        on_tokens(t, i, m.start, m.end, gazetteer_type(m, actor_types))
        for i, t in enumerate(texts) for m in gazetteer.find(t) if m.form != "nisba"
    ]

    results = {
        "stanza (trained)": score(gold, set(stanza_spans)),
        "gazetteer": score(gold, set(gazetteer_spans)),
        "gazetteer + stanza": score(gold, combine(gazetteer_spans, stanza_spans)),
    }
    print(_table(results))
    tokens = sum(len(t.tokens) for t in texts)
    report = {
        "test_file": str(args.test),
        "sentences": len(texts),
        "tokens": tokens,
        "gold_entities": len(gold),
        "gold_by_type": dict(Counter(e[3] for e in gold)),
        "model": str(models.ner_model),
        "stanza_seconds": round(stanza_seconds, 1),
        "stanza_tokens_per_second": round(tokens / stanza_seconds),
        "scores": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return report


if __name__ == "__main__":
    main()
