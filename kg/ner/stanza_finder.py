"""Stanza Arabic NER as a mention finder (PER, ORG, LOC, MISC).

Stanza is fed our own tokens with their original character offsets (``start_char`` and
``end_char`` in each token's ``misc``), so the entities it returns index the original
document text, whatever normalization the tokens went through.

Models are looked for in this order: a directory of official Stanza Arabic models (the
layout ``stanza.download('ar', model_dir=...)`` writes); the model this project trains
with :mod:`kg.ner.train`, shipped in ``kg/ner/models/anercorp``; else none, and the
pipeline runs on the gazetteer alone.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from kg.model import AnalyzedText, Mention, Token
from kg.ner.base import MentionFinder
from kg.ner.train import MODEL_FILE, PRETRAIN_FILE
from kg.text import NOUN_PROCLITICS, clitic_letters, letters_offset, match_form, normalize

__all__ = [
    "TRAINED_MODEL_DIR",
    "NER_LABELS",
    "NerModels",
    "ModelsUnavailable",
    "StanzaMentionFinder",
    "find_models",
    "load_stanza_finder",
    "proclitic_letters",
    "stanza_document",
    "download_official_models",
]

#: Where the project-trained model is installed (package data of ``kg.ner``).
TRAINED_MODEL_DIR = Path(str(files("kg.ner").joinpath("models", "anercorp")))
#: Labels a Stanza mention carries; ANERcorp's ``PERS`` is ``PER``, other names are ``MISC``.
NER_LABELS = ("PER", "ORG", "LOC", "MISC")
_LABEL_ALIASES = {"PERS": "PER"}
_OFFICIAL_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
# Proclitics that may be glued to the first word of an entity, longest first.
_PROCLITICS = tuple(p for p in NOUN_PROCLITICS[::-1] if p and p != "ال")


class ModelsUnavailable(RuntimeError):
    """Official Stanza models could not be fetched (no network, or the server refused)."""


@dataclass(frozen=True)
class NerModels:
    """The NER model that would be used, and where it is.

    ``kind`` is ``"official"`` (a directory written by ``stanza.download``; Stanza resolves
    the pretrain and character models from its ``resources.json``) or ``"trained"`` (the
    project model: ``ner_model`` and ``pretrain`` files, words in matching form).
    """

    kind: str
    directory: Path
    ner_model: Path
    pretrain: Path | None


def _official_models(model_dir: Path) -> NerModels | None:
    ner = sorted((model_dir / "ar" / "ner").glob("*.pt"))
    if not ner or not (model_dir / "resources.json").is_file():
        return None
    pretrain = sorted((model_dir / "ar" / "pretrain").glob("*.pt"))
    return NerModels("official", model_dir, ner[0], pretrain[0] if pretrain else None)


def _trained_models(trained_dir: Path) -> NerModels | None:
    model, pretrain = trained_dir / MODEL_FILE, trained_dir / PRETRAIN_FILE
    if not (model.is_file() and pretrain.is_file()):
        return None
    return NerModels("trained", trained_dir, model, pretrain)


def find_models(model_dir: Path | None = None, trained_dir: Path = TRAINED_MODEL_DIR) -> NerModels | None:
    """The NER model to use: official models in ``model_dir``, else the trained one, else None.

    Parameters
    ----------
    model_dir : Path, optional
        A directory written by ``stanza.download('ar', model_dir=...)`` (``kg models
        download``): ``resources.json``, ``ar/ner/*.pt``, ``ar/pretrain/*.pt``.
    trained_dir : Path
        Folder of the project-trained model (default: the one shipped with kg).

    Returns
    -------
    NerModels or None
    """
    if model_dir is not None:
        found = _official_models(Path(model_dir))
        if found is not None:
            return found
        warnings.warn(
            f"no official Stanza Arabic NER models in {model_dir} (expected resources.json and "
            "ar/ner/*.pt, as written by 'kg models download'); trying the project-trained model",
            stacklevel=2,
        )
    return _trained_models(Path(trained_dir))


class StanzaMentionFinder(MentionFinder):
    """Mentions found by a Stanza NER pipeline run on our own tokens.

    Parameters
    ----------
    pipeline : stanza.Pipeline
        A pipeline with ``tokenize_pretokenized=True`` and an ``ner`` processor.
    match_forms : bool
        Feed tokens in matching form (``Token.norm``), as the project-trained model was
        trained; otherwise in normalized form with the original spelling of hamza, alef
        maqsura and taa marbuta (what official Stanza models expect).
    word_rank : Mapping[str, int], optional
        Each word of the model's word vectors and its place in their frequency order; it
        decides whether a proclitic is glued to an entity (see :func:`proclitic_letters`).
    """

    name = "stanza"

    def __init__(self, pipeline, match_forms: bool = True, word_rank: Mapping[str, int] | None = None):
        self.pipeline = pipeline
        self.match_forms = match_forms
        self.word_rank = word_rank or {}

    @classmethod
    def from_models(cls, models: NerModels) -> StanzaMentionFinder:
        """Load the Stanza pipeline for ``models`` (once; pass the finder around)."""
        import stanza

        options = dict(
            lang="ar", processors="tokenize,ner", tokenize_pretokenized=True,
            download_method=None, logging_level="ERROR",
        )
        rank = _word_rank(models.pretrain)
        if models.kind == "official":
            return cls(stanza.Pipeline(dir=str(models.directory), **options), False, rank)
        # The project model directory carries an empty resources.json: Stanza's Pipeline
        # insists on one, and all model paths are given explicitly.
        pipeline = stanza.Pipeline(
            dir=str(models.directory), allow_unknown_language=True,
            ner_model_path=str(models.ner_model), ner_pretrain_path=str(models.pretrain),
            **options,
        )
        return cls(pipeline, True, rank)

    def find(self, text: AnalyzedText) -> list[Mention]:
        return self.find_batch([text])[0]

    def find_batch(self, texts: Iterable[AnalyzedText]) -> list[list[Mention]]:
        """Mentions of each text, the texts run through Stanza as one batch."""
        texts = list(texts)
        results: list[list[Mention]] = [[] for _ in texts]
        indices = [i for i, t in enumerate(texts) if t.tokens]
        if not indices:
            return results
        # Our documents are tokenized already: only the NER processor runs. Through the
        # whole pipeline, Stanza's tokenizer would deep-copy every document first, which
        # took 40% of the NER time.
        ner = self.pipeline.processors["ner"]
        documents = ner.bulk_process([stanza_document(texts[i], self.match_forms) for i in indices])
        for i, document in zip(indices, documents):
            results[i] = self._mentions(texts[i], document)
        return results

    def _mentions(self, text: AnalyzedText, document) -> list[Mention]:
        token_at = {t.start: t for t in text.tokens}
        source = text.document.text
        mentions = []
        for entity in document.ents:
            label = _LABEL_ALIASES.get(entity.type, entity.type)
            first = token_at[entity.start_char]
            glued = proclitic_letters(match_form(_model_word(first, self.match_forms)), self.word_rank)
            start = first.start + letters_offset(first.surface, glued) if glued else first.start
            mentions.append(
                Mention(
                    start=start,
                    end=entity.end_char,
                    text=source[start : entity.end_char],
                    label=label if label in NER_LABELS else "MISC",
                    finder=self.name,
                    sentence=first.sentence,
                    form="ner",
                )
            )
        return mentions


def _model_word(token: Token, match_forms: bool) -> str:
    word = token.norm if match_forms else normalize(token.surface).text
    return word or token.surface


def stanza_document(text: AnalyzedText, match_forms: bool):
    """A ``stanza.Document`` of our tokens, each with its original offsets in ``misc``.

    ``match_forms``: words in matching form (``Token.norm``, what the project-trained
    model learnt on), else normalized with their original spelling (official models).
    """
    from stanza.models.common.doc import Document as StanzaDocument

    sentences = [
        [
            {"id": (k + 1,), "text": _model_word(t, match_forms),
             "misc": f"start_char={t.start}|end_char={t.end}"}
            for k, t in enumerate(tokens)
        ]
        for tokens in (text.sentence_tokens(s.index) for s in text.sentences)
        if tokens
    ]
    return StanzaDocument(sentences, text=text.document.text)


def _word_rank(pretrain: Path | None) -> dict[str, int]:
    """Each word of a Stanza pretrain file and its place in the file's frequency order."""
    if pretrain is None:
        return {}
    from stanza.models.common.pretrain import Pretrain

    return {word: rank for rank, word in enumerate(Pretrain(str(pretrain)).vocab._id2unit)}


def proclitic_letters(word: str, word_rank: Mapping[str, int]) -> int:
    """Letters of a conjunction or preposition glued to the first word of an entity.

    Stanza tags whole tokens, and Arabic writes و ف ب ل ك joined to the next word
    (وروسيا، بالريف); the entity starts after them. The model's own word frequencies
    (``word_rank``, a word's place in the frequency-sorted vocabulary of its word vectors)
    decide between the word and its stem: the more frequent one wins, so واشنطن and وليد
    stay whole while وروسيا loses its و. When neither is known, a proclitic before the
    article, or a lone و (the conjunction is far more frequent than a name starting with
    it), is cut; other letters stay.

    Parameters
    ----------
    word : str
        The entity's first word, in match form.
    word_rank : Mapping[str, int]
        Frequency rank of each known word (0 is the most frequent).

    Returns
    -------
    int
        Letters to skip; the article ال is never cut.

    Examples
    --------
    >>> rank = {"روسيا": 317, "وروسيا": 1327, "واشنطن": 210, "الريف": 2549, "بالريف": 10668,
    ...         "تل": 900}
    >>> [proclitic_letters(w, rank) for w in ("وروسيا", "واشنطن", "بالريف", "وبينين", "فرنسا", "وتل")]
    [1, 0, 1, 1, 0, 1]
    """
    whole = word_rank.get(word)
    for prefix in _PROCLITICS:
        stem = word[len(prefix):]
        if not word.startswith(prefix) or len(stem) < 2:
            continue
        known = word_rank.get("ال" + stem if prefix.endswith(("ال", "لل")) else stem)
        if whole is not None and (known is None or whole <= known):
            return 0
        # a short stem is cut only when the model knows it (وتل، وأم); a long one also when
        # the letters before it can only be a proclitic
        if known is not None or (len(stem) >= 3 and (prefix.endswith(("ال", "لل")) or prefix == "و")):
            return clitic_letters(prefix)
    return 0


def load_stanza_finder(
    model_dir: Path | None = None, trained_dir: Path = TRAINED_MODEL_DIR
) -> StanzaMentionFinder | None:
    """A Stanza finder on the best available model, or None (with one warning).

    Parameters
    ----------
    model_dir : Path, optional
        Directory of official Stanza Arabic models (see :func:`find_models`).
    trained_dir : Path
        Folder of the project-trained model.

    Returns
    -------
    StanzaMentionFinder or None
        None when no model is found; a warning then says only the gazetteer is used.
    """
    models = find_models(model_dir, trained_dir)
    if models is None:
        warnings.warn(
            "no Stanza Arabic NER model found (run 'kg models download' or reinstall kg with "
            "its trained model); names are found by the gazetteer and role patterns only",
            stacklevel=2,
        )
        return None
    return StanzaMentionFinder.from_models(models)


def download_official_models(model_dir: Path) -> Path:
    """Fetch the official Stanza Arabic models into ``model_dir``.

    Raises
    ------
    ModelsUnavailable
        When the Stanza model server cannot be reached.
    """
    import stanza

    model_dir = Path(model_dir)
    try:
        stanza.download("ar", model_dir=str(model_dir), processors=_OFFICIAL_PROCESSORS)
    except Exception as e:  # requests/urllib/stanza errors alike mean "could not fetch"
        raise ModelsUnavailable(
            f"could not download the Stanza Arabic models into {model_dir} ({type(e).__name__}: "
            f"{e}); check the internet connection, or copy a folder written by "
            "stanza.download('ar', model_dir=...) from another machine"
        ) from e
    return model_dir
