"""Train the project's Arabic NER model with Stanza's own trainer: a reproducible recipe.

Steps, each a function below:

1. read ANERcorp ``train.conll`` and re-tokenize every sentence the way :mod:`kg.text`
   tokenizes at inference time, each token in its matching form (:func:`model_form`);
2. carve a development split from the end of train (``test.conll`` is never read here);
3. train word vectors with gensim on the ANERcorp train tokens plus the SaudiNewsNet
   Syria texts, pruned to words seen at least ``min_count`` times, and convert them to
   Stanza's ``Pretrain`` ``.pt`` file;
4. write Stanza NER JSON and run ``python -m stanza.models.ner_tagger --mode train`` on
   one CPU thread (no character language model);
5. keep the model, the pretrain file, the attribution note and an empty
   ``resources.json`` (Stanza's Pipeline wants one) in the output folder.

Run ``python -m kg.ner.train --out kg/ner/models/anercorp`` for the shipped model and
``python -m kg.ner.train --tiny --out tests/fixtures/stanza_ner_tiny`` for the tiny test
model (a small subset, small vectors, a few hundred steps).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.model import Document
from kg.text import analyze, match_form, normalize, tokenize

__all__ = [
    "MODEL_FILE",
    "PRETRAIN_FILE",
    "Recipe",
    "FULL",
    "TINY",
    "model_form",
    "read_conll",
    "retokenize",
    "split_dev",
    "corpus_sentences",
    "train_word_vectors",
    "write_pretrain",
    "write_stanza_json",
    "tagger_command",
    "train",
    "main",
]

#: File names inside a model folder (the project model and the tiny fixture alike).
MODEL_FILE = "ar_anercorp_nertagger.pt"
PRETRAIN_FILE = "ar_anercorp_pretrain.pt"

_SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
_ATTRIBUTION = """\
# Attribution

This Arabic NER model was trained by the kg project with `python -m kg.ner.train`
(Stanza's own trainer, `stanza.models.ner_tagger`).

- Training data: ANERcorp, Y. Benajiba, P. Rosso, J. M. Benedí Ruiz (2007), "ANERsys: An
  Arabic Named Entity Recognition system based on Maximum Entropy", CICLing 2007; the
  CAMeL Lab (NYU Abu Dhabi) train/test split. Licensed CC BY-SA 4.0
  (https://creativecommons.org/licenses/by-sa/4.0/). The model is a derivative work and
  is shared under the same licence.
- Word vectors (the pretrain file) were trained with gensim on the ANERcorp train tokens
  and on SaudiNewsNet texts (inparallel/SaudiNewsNet, CC BY-NC-SA 4.0: attribution,
  non-commercial, share-alike).

Labels: PERS, ORG, LOC, MISC (kg maps PERS to PER).
"""


@dataclass(frozen=True)
class Recipe:
    """Sizes and limits of one training run."""

    train_sentences: int | None  # None: all of train
    dev_fraction: float
    vector_dim: int
    min_count: int
    vector_epochs: int
    use_news: bool  # add the SaudiNewsNet texts to the vector corpus
    hidden_dim: int
    char_hidden_dim: int
    char_emb_dim: int
    word_dropout: float  # how often a training word is replaced by UNK
    max_steps: int
    eval_interval: int
    max_steps_no_improve: int
    batch_size: int
    optim: str
    lr: float


# Wider LSTMs, forward/backward character language models (Stanza charlm), fastText
# vectors keeping every word and clitic-segmented input were tried: within two points of
# this on the development split, none better on test, all slower to train
# (bench/results/ner_experiments.md).
FULL = Recipe(
    train_sentences=None, dev_fraction=0.1, vector_dim=100, min_count=3, vector_epochs=10,
    use_news=True, hidden_dim=128, char_hidden_dim=64, char_emb_dim=50, word_dropout=0.01,
    max_steps=2500, eval_interval=200, max_steps_no_improve=800, batch_size=32, optim="adam",
    lr=0.002,
)
TINY = Recipe(
    train_sentences=240, dev_fraction=0.15, vector_dim=16, min_count=2, vector_epochs=20,
    use_news=False, hidden_dim=32, char_hidden_dim=16, char_emb_dim=16, word_dropout=0.01,
    max_steps=300,
    eval_interval=100, max_steps_no_improve=300, batch_size=16, optim="adam", lr=0.005,
)


def model_form(word: str) -> str:
    """The form a word is given to the NER model in: normalized, then matching form.

    It equals ``Token.norm`` of :func:`kg.text.analyze`, so training and inference see
    the same forms.

    >>> model_form("بوتيـــن") == model_form("بُوتين")
    True
    """
    return match_form(normalize(word).text)


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of a two-column (token, tag) CoNLL file; a blank line ends a sentence."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise ValueError(f"{path}:{number}: expected 'token<TAB>tag', got {line!r}")
            current.append((parts[0], parts[1]))
    if current:
        sentences.append(current)
    return sentences


def retokenize(sentence: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Split each CoNLL token as :func:`kg.text.tokenize` would, in :func:`model_form`.

    Word pieces keep the token's entity (``B-`` only on the first piece); punctuation
    pieces split off a token (``(د``, ``واشنطن،``) are outside any entity. Tokens that
    normalize to nothing are dropped.

    >>> retokenize([("(واشنطن،", "B-LOC"), ("اليوم", "O")])
    [('(', 'O'), ('واشنطن', 'B-LOC'), ('،', 'O'), ('اليوم', 'O')]
    """
    out: list[tuple[str, str]] = []
    for word, tag in sentence:
        text = normalize(word).text
        first = True
        for start, end in tokenize(text):
            piece = text[start:end]
            if tag == "O" or not any(c.isalnum() for c in piece):
                out.append((match_form(piece), "O"))
                continue
            kind = tag[2:]
            out.append((match_form(piece), f"B-{kind}" if first and tag.startswith("B-") else f"I-{kind}"))
            first = False
    return out


def split_dev(sentences: Sequence, fraction: float) -> tuple[list, list]:
    """(train, dev): the last ``fraction`` of the sentences is the development split."""
    cut = len(sentences) - max(1, round(len(sentences) * fraction))
    return list(sentences[:cut]), list(sentences[cut:])


def corpus_sentences(path: Path) -> Iterable[list[str]]:
    """Token sentences (``Token.norm``) of a JSON Lines corpus with a ``text`` field."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            analyzed = analyze(Document(id=str(record.get("id", "")), text=record["text"]))
            for sentence in analyzed.sentences:
                yield [t.norm for t in analyzed.sentence_tokens(sentence.index)]


def _stable_hash(text: str) -> int:
    # gensim seeds each word's initial vector with hash(); Python's hash of a str changes
    # from one process to the next, CRC-32 does not
    return zlib.crc32(text.encode("utf-8"))


def train_word_vectors(sentences: list[list[str]], recipe: Recipe, seed: int = 1):
    """Skip-gram vectors (gensim, one worker, a stable hash, so a run is reproducible)."""
    from gensim.models import Word2Vec

    model = Word2Vec(
        sentences, vector_size=recipe.vector_dim, window=5, min_count=recipe.min_count,
        sg=1, negative=5, epochs=recipe.vector_epochs, workers=1, seed=seed,
        hashfxn=_stable_hash,
    )
    return model.wv


def write_pretrain(vectors, work_dir: Path, pretrain_path: Path) -> Path:
    """Write ``vectors`` as text and convert them to Stanza's ``Pretrain`` ``.pt`` file."""
    from stanza.models.common.pretrain import Pretrain

    text_path = work_dir / "vectors.txt"
    vectors.save_word2vec_format(str(text_path), binary=False)
    if pretrain_path.exists():
        pretrain_path.unlink()
    Pretrain(str(pretrain_path), str(text_path)).load()
    return pretrain_path


def write_stanza_json(sentences: Iterable[Sequence[tuple[str, str]]], path: Path) -> Path:
    """Stanza NER JSON: a list of sentences, each a list of ``{"text", "ner"}`` tokens."""
    data = [[{"text": w, "ner": t} for w, t in s] for s in sentences if s]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def tagger_command(recipe: Recipe, work_dir: Path, pretrain_path: Path, seed: int) -> list[str]:
    """The ``python -m stanza.models.ner_tagger --mode train`` command line."""
    return [
        sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
        "--shorthand", "ar_anercorp", "--cpu",
        "--train_file", str(work_dir / "train.json"),
        "--eval_file", str(work_dir / "dev.json"),
        "--wordvec_pretrain_file", str(pretrain_path),
        "--save_dir", str(work_dir), "--save_name", MODEL_FILE,
        "--hidden_dim", str(recipe.hidden_dim),
        "--char_hidden_dim", str(recipe.char_hidden_dim),
        "--char_emb_dim", str(recipe.char_emb_dim),
        "--word_dropout", str(recipe.word_dropout),
        "--max_steps", str(recipe.max_steps),
        "--eval_interval", str(recipe.eval_interval),
        "--max_steps_no_improve", str(recipe.max_steps_no_improve),
        "--batch_size", str(recipe.batch_size),
        "--optim", recipe.optim, "--lr", str(recipe.lr),
        "--seed", str(seed),
    ]


def train(
    train_conll: Path, news: Path | None, out_dir: Path, work_dir: Path, recipe: Recipe,
    seed: int = 1234,
) -> dict:
    """Run the whole recipe; return a summary (sizes, times, the tagger command line)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.time()
    sentences = [retokenize(s) for s in read_conll(train_conll)]
    sentences = [s for s in sentences if s]
    if recipe.train_sentences is not None:
        sentences = sentences[: recipe.train_sentences]
    train_part, dev_part = split_dev(sentences, recipe.dev_fraction)
    write_stanza_json(train_part, work_dir / "train.json")
    write_stanza_json(dev_part, work_dir / "dev.json")

    vector_corpus = [[w for w, _ in s] for s in train_part]
    if recipe.use_news and news is not None:
        vector_corpus += list(corpus_sentences(news))
    vectors = train_word_vectors(vector_corpus, recipe, seed=1)
    pretrain_path = write_pretrain(vectors, work_dir, out_dir / PRETRAIN_FILE)
    vectors_done = time.time()

    command = tagger_command(recipe, work_dir, pretrain_path, seed)
    print("+ " + " ".join(command), flush=True)
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    subprocess.run(command, check=True, env=env)
    shutil.copyfile(work_dir / MODEL_FILE, out_dir / MODEL_FILE)
    (out_dir / "ATTRIBUTION.md").write_text(_ATTRIBUTION, encoding="utf-8")
    # stanza.Pipeline needs a resources.json in its model folder; the paths are explicit.
    (out_dir / "resources.json").write_text("{}\n", encoding="utf-8")
    summary = {
        "train_sentences": len(train_part),
        "dev_sentences": len(dev_part),
        "vector_sentences": len(vector_corpus),
        "vector_vocabulary": len(vectors.index_to_key),
        "vector_dim": recipe.vector_dim,
        "vectors_seconds": round(vectors_done - started, 1),
        "tagger_seconds": round(time.time() - vectors_done, 1),
        "tagger_command": command,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1), flush=True)
    return summary


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: ``python -m kg.ner.train [--tiny] --out DIR``."""
    parser = argparse.ArgumentParser(prog="python -m kg.ner.train", description=__doc__.split("\n")[0])
    parser.add_argument("--train-conll", type=Path, default=_SHARED_DATA / "anercorp" / "train.conll")
    parser.add_argument("--news", type=Path, default=_SHARED_DATA / "saudinewsnet" / "syria.jsonl",
                        help="JSON Lines texts added to the word-vector corpus.")
    parser.add_argument("--out", type=Path, required=True, help="Folder to write the model into.")
    parser.add_argument("--work-dir", type=Path, default=Path("ner-train-work"),
                        help="Folder for the JSON data, vectors and training checkpoints.")
    parser.add_argument("--tiny", action="store_true", help="Build the tiny test model.")
    parser.add_argument("--max-steps", type=int, help="Override the recipe's step limit.")
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args(argv)
    if not args.train_conll.is_file():
        parser.error(f"no ANERcorp train file at {args.train_conll} (use --train-conll)")
    recipe = TINY if args.tiny else FULL
    if args.max_steps:
        recipe = Recipe(**{**recipe.__dict__, "max_steps": args.max_steps})
    news = args.news if args.news.is_file() else None
    train(args.train_conll, news, args.out, args.work_dir, recipe, seed=args.seed)


if __name__ == "__main__":
    main()
