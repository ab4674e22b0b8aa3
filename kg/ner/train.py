"""Train the project's Arabic NER model with Stanza's own trainer: a reproducible recipe.

Steps, each a function below:

1. read ANERcorp ``train.conll`` and re-tokenize every sentence the way :mod:`kg.text`
   tokenizes at inference time, each token in its matching form (:func:`model_form`);
2. carve a development split from the end of train (``test.conll`` is never read here);
3. train word vectors with gensim on the ANERcorp train tokens plus the SaudiNewsNet
   Syria texts, pruned to words seen at least ``min_count`` times, and convert them to
   Stanza's ``Pretrain`` ``.pt`` file;
4. train a forward and a backward character language model on the same texts with
   ``python -m stanza.models.charlm`` (the two directions run side by side, one CPU
   thread each);
5. write Stanza NER JSON and run ``python -m stanza.models.ner_tagger --mode train`` on
   one CPU thread, with the word vectors and both character language models;
6. keep the model, the pretrain file, the two character models, the attribution note and
   an empty ``resources.json`` (Stanza's Pipeline wants one) in the output folder.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.model import Document
from kg.text import analyze, match_form, normalize, tokenize

__all__ = [
    "MODEL_FILE",
    "PRETRAIN_FILE",
    "CHARLM_FILES",
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
    "write_charlm_text",
    "charlm_command",
    "train_charlms",
    "tagger_command",
    "train",
    "main",
]

#: File names inside a model folder (the project model and the tiny fixture alike).
MODEL_FILE = "ar_anercorp_nertagger.pt"
PRETRAIN_FILE = "ar_anercorp_pretrain.pt"
CHARLM_FILES = {"forward": "ar_anercorp_forward_charlm.pt", "backward": "ar_anercorp_backward_charlm.pt"}

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
- Word vectors (the pretrain file) and the forward and backward character language
  models (the charlm files) were trained on the ANERcorp train tokens and on SaudiNewsNet
  texts (inparallel/SaudiNewsNet, CC BY-NC-SA 4.0: attribution, non-commercial,
  share-alike).

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
    use_news: bool  # add the SaudiNewsNet texts to the vector and character LM corpus
    charlm_hidden_dim: int
    charlm_emb_dim: int
    charlm_epochs: int
    charlm_cutoff: int  # characters seen fewer times are unknown to the character LM
    hidden_dim: int
    word_dropout: float  # how often a training word is replaced by UNK
    max_steps: int
    eval_interval: int
    max_steps_no_improve: int
    batch_size: int
    optim: str
    lr: float


FULL = Recipe(
    train_sentences=None, dev_fraction=0.1, vector_dim=100, min_count=3, vector_epochs=10,
    use_news=True, charlm_hidden_dim=256, charlm_emb_dim=64, charlm_epochs=10, charlm_cutoff=5,
    hidden_dim=256, word_dropout=0.05, max_steps=4000, eval_interval=250,
    max_steps_no_improve=1000, batch_size=32, optim="adam", lr=0.002,
)
TINY = Recipe(
    train_sentences=240, dev_fraction=0.15, vector_dim=16, min_count=2, vector_epochs=20,
    use_news=False, charlm_hidden_dim=24, charlm_emb_dim=12, charlm_epochs=2, charlm_cutoff=2,
    hidden_dim=32, word_dropout=0.01, max_steps=300, eval_interval=100,
    max_steps_no_improve=300, batch_size=16, optim="adam", lr=0.005,
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


def write_charlm_text(sentences: Iterable[Sequence[str]], path: Path) -> Path:
    """Plain text for a character language model: one sentence a line, words spaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for words in sentences:
            if words:
                out.write(" ".join(words) + "\n")
    return path


def charlm_command(recipe: Recipe, direction: str, train_dir: Path, dev_file: Path,
                   save_dir: Path, seed: int) -> list[str]:
    """The ``python -m stanza.models.charlm --mode train`` command line of one direction."""
    return [
        sys.executable, "-m", "stanza.models.charlm", "--mode", "train", "--cpu",
        "--direction", direction, "--shorthand", "ar_anercorp",
        "--train_dir", str(train_dir), "--eval_file", str(dev_file),
        "--char_hidden_dim", str(recipe.charlm_hidden_dim),
        "--char_emb_dim", str(recipe.charlm_emb_dim),
        "--cutoff", str(recipe.charlm_cutoff),
        "--epochs", str(recipe.charlm_epochs),
        "--eval_steps", "-1",  # evaluate after each epoch, keep the best
        "--save_dir", str(save_dir), "--save_name", CHARLM_FILES[direction],
        "--vocab_save_name", f"vocab_{direction}.pt",
        "--seed", str(seed),
    ]


def train_charlms(recipe: Recipe, train_dir: Path, dev_file: Path, save_dir: Path,
                  seed: int, env: Mapping[str, str]) -> dict[str, Path]:
    """Train the forward and the backward character LM side by side; their model files."""
    save_dir.mkdir(parents=True, exist_ok=True)
    running = {}
    for direction in CHARLM_FILES:
        command = charlm_command(recipe, direction, train_dir, dev_file, save_dir, seed)
        print("+ " + " ".join(command), flush=True)
        running[direction] = subprocess.Popen(command, env=env)
    failed = [d for d, process in running.items() if process.wait() != 0]
    if failed:
        raise subprocess.CalledProcessError(1, f"stanza.models.charlm ({', '.join(failed)})")
    return {d: save_dir / CHARLM_FILES[d] for d in CHARLM_FILES}


def tagger_command(recipe: Recipe, work_dir: Path, pretrain_path: Path,
                   charlms: Mapping[str, Path], seed: int) -> list[str]:
    """The ``python -m stanza.models.ner_tagger --mode train`` command line."""
    return [
        sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
        "--shorthand", "ar_anercorp", "--cpu",
        "--train_file", str(work_dir / "train.json"),
        "--eval_file", str(work_dir / "dev.json"),
        "--wordvec_pretrain_file", str(pretrain_path),
        "--charlm", "--charlm_shorthand", "ar_anercorp",
        "--charlm_forward_file", str(charlms["forward"]),
        "--charlm_backward_file", str(charlms["backward"]),
        "--save_dir", str(work_dir), "--save_name", MODEL_FILE,
        "--hidden_dim", str(recipe.hidden_dim),
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
    """Run the whole recipe; return a summary (sizes, times, the command lines)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Threads make CPU training several times slower here; each process gets one.
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    started = time.time()
    sentences = [retokenize(s) for s in read_conll(train_conll)]
    sentences = [s for s in sentences if s]
    if recipe.train_sentences is not None:
        sentences = sentences[: recipe.train_sentences]
    train_part, dev_part = split_dev(sentences, recipe.dev_fraction)
    write_stanza_json(train_part, work_dir / "train.json")
    write_stanza_json(dev_part, work_dir / "dev.json")

    text_corpus = [[w for w, _ in s] for s in train_part]
    if recipe.use_news and news is not None:
        text_corpus += list(corpus_sentences(news))
    vectors = train_word_vectors(text_corpus, recipe, seed=1)
    pretrain_path = write_pretrain(vectors, work_dir, out_dir / PRETRAIN_FILE)
    vectors_done = time.time()

    lm_train = write_charlm_text(text_corpus, work_dir / "charlm" / "train" / "text.txt")
    lm_dev = write_charlm_text(([w for w, _ in s] for s in dev_part), work_dir / "charlm" / "dev.txt")
    charlms = train_charlms(recipe, lm_train.parent, lm_dev, work_dir / "charlm", seed, env)
    charlm_done = time.time()

    command = tagger_command(recipe, work_dir, pretrain_path, charlms, seed)
    print("+ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, env=env)
    shutil.copyfile(work_dir / MODEL_FILE, out_dir / MODEL_FILE)
    for direction, path in charlms.items():
        shutil.copyfile(path, out_dir / CHARLM_FILES[direction])
    (out_dir / "ATTRIBUTION.md").write_text(_ATTRIBUTION, encoding="utf-8")
    # stanza.Pipeline needs a resources.json in its model folder; the paths are explicit.
    (out_dir / "resources.json").write_text("{}\n", encoding="utf-8")
    summary = {
        "train_sentences": len(train_part),
        "dev_sentences": len(dev_part),
        "text_sentences": len(text_corpus),
        "vector_vocabulary": len(vectors.index_to_key),
        "vector_dim": recipe.vector_dim,
        "vectors_seconds": round(vectors_done - started, 1),
        "charlm_seconds": round(charlm_done - vectors_done, 1),
        "tagger_seconds": round(time.time() - charlm_done, 1),
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
