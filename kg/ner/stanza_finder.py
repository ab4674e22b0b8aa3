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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from kg.model import AnalyzedText, Mention, Token
from kg.ner.base import MentionFinder
from kg.ner.train import MODEL_FILE, PRETRAIN_FILE
from kg.text import normalize

__all__ = [
    "TRAINED_MODEL_DIR",
    "NER_LABELS",
    "NerModels",
    "ModelsUnavailable",
    "StanzaMentionFinder",
    "find_models",
    "load_stanza_finder",
    "download_official_models",
]

#: Where the project-trained model is installed (package data of ``kg.ner``).
TRAINED_MODEL_DIR = Path(str(files("kg.ner").joinpath("models", "anercorp")))
#: Labels a Stanza mention carries; ANERcorp's ``PERS`` is ``PER``, other names are ``MISC``.
NER_LABELS = ("PER", "ORG", "LOC", "MISC")
_LABEL_ALIASES = {"PERS": "PER"}
_OFFICIAL_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"


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
    """

    name = "stanza"

    def __init__(self, pipeline, match_forms: bool = True):
        self.pipeline = pipeline
        self.match_forms = match_forms

    @classmethod
    def from_models(cls, models: NerModels) -> StanzaMentionFinder:
        """Load the Stanza pipeline for ``models`` (once; pass the finder around)."""
        import stanza

        options = dict(
            lang="ar", processors="tokenize,ner", tokenize_pretokenized=True,
            download_method=None, logging_level="ERROR",
        )
        if models.kind == "official":
            return cls(stanza.Pipeline(dir=str(models.directory), **options), match_forms=False)
        # The project model directory carries an empty resources.json: Stanza's Pipeline
        # insists on one, and all model paths are given explicitly.
        pipeline = stanza.Pipeline(
            dir=str(models.directory), allow_unknown_language=True,
            ner_model_path=str(models.ner_model), ner_pretrain_path=str(models.pretrain),
            **options,
        )
        return cls(pipeline, match_forms=True)

    def find(self, text: AnalyzedText) -> list[Mention]:
        return self.find_batch([text])[0]

    def find_batch(self, texts: Iterable[AnalyzedText]) -> list[list[Mention]]:
        """Mentions of each text, the texts run through Stanza as one batch."""
        texts = list(texts)
        results: list[list[Mention]] = [[] for _ in texts]
        indices = [i for i, t in enumerate(texts) if t.tokens]
        if not indices:
            return results
        documents = self.pipeline([self._stanza_document(texts[i]) for i in indices])
        for i, document in zip(indices, documents):
            results[i] = self._mentions(texts[i], document)
        return results

    def _word(self, token: Token) -> str:
        word = token.norm if self.match_forms else normalize(token.surface).text
        return word or token.surface

    def _stanza_document(self, text: AnalyzedText):
        from stanza.models.common.doc import Document as StanzaDocument

        by_sentence: dict[int, list[Token]] = {}
        for token in text.tokens:
            by_sentence.setdefault(token.sentence, []).append(token)
        sentences = [
            [
                {"id": (k + 1,), "text": self._word(t), "misc": f"start_char={t.start}|end_char={t.end}"}
                for k, t in enumerate(tokens)
            ]
            for _, tokens in sorted(by_sentence.items())
        ]
        return StanzaDocument(sentences, text=text.document.text)

    @staticmethod
    def _mentions(text: AnalyzedText, document) -> list[Mention]:
        sentence_of = {t.start: t.sentence for t in text.tokens}
        source = text.document.text
        mentions = []
        for entity in document.ents:
            label = _LABEL_ALIASES.get(entity.type, entity.type)
            mentions.append(
                Mention(
                    start=entity.start_char,
                    end=entity.end_char,
                    text=source[entity.start_char : entity.end_char],
                    label=label if label in NER_LABELS else "MISC",
                    finder=StanzaMentionFinder.name,
                    sentence=sentence_of[entity.start_char],
                    form="ner",
                )
            )
        return mentions


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
