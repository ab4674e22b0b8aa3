"""The Stanza mention finder on the real Stanza pipeline, with the tiny committed model,
and the data preparation of the training recipe (kg.ner.train).

The tiny model (tests/fixtures/stanza_ner_tiny) is built by the training recipe itself:
``python -m kg.ner.train --tiny --out tests/fixtures/stanza_ner_tiny``.
"""
from pathlib import Path

import json

import pytest

from kg.model import Document
from kg.ner.stanza_finder import (
    NER_LABELS,
    StanzaMentionFinder,
    find_models,
    load_stanza_finder,
    stanza_document,
)
from kg.ner.train import model_form, read_conll, retokenize, split_dev, write_stanza_json
from kg.text import analyze

TINY_MODEL = Path(__file__).parent / "fixtures" / "stanza_ner_tiny"

PLAIN = "وصل وفد من لبنان إلى العراق أمس، وقال مجلس الأمن إن حزب الله موجود في بيروت."
# Tatweel, diacritics and an obfuscated word: the normalized text differs from the original.
DECORATED = "قصـ.ف الطيران مواقع في لبـــنان وَالعِراق، وقال مجلسُ الأمن إنّ إسرائيل مسؤولة."


@pytest.fixture(scope="module")
def finder():
    models = find_models(trained_dir=TINY_MODEL)
    assert models is not None and models.kind == "trained"
    return StanzaMentionFinder.from_models(models)


def _texts():
    return [analyze(Document(id=str(i), text=t)) for i, t in enumerate((PLAIN, DECORATED))]


@pytest.mark.pipeline
def test_mentions_index_the_original_text(finder):
    texts = _texts()
    results = finder.find_batch(texts)
    assert sum(len(r) for r in results) > 0
    for text, mentions in zip(texts, results):
        starts = {t.start for t in text.tokens}
        ends = {t.end for t in text.tokens}
        for m in mentions:
            assert text.document.text[m.start : m.end] == m.text
            assert m.start in starts and m.end in ends
            assert m.label in NER_LABELS
            assert (m.finder, m.form, m.actor) == ("stanza", "ner", None)
            assert text.sentences[m.sentence].start <= m.start < m.end <= text.sentences[m.sentence].end


@pytest.mark.pipeline
def test_decorated_text_keeps_original_characters(finder):
    text = analyze(Document(id="d", text=DECORATED))
    mentions = finder.find(text)
    assert mentions, "the tiny model finds the country names of this sentence"
    decorated = [m for m in mentions if "\u0640" in m.text or any("\u064b" <= c <= "\u0652" for c in m.text)]
    assert decorated, [m.text for m in mentions]
    for m in decorated:
        assert DECORATED[m.start : m.end] == m.text


@pytest.mark.pipeline
def test_batch_equals_one_by_one(finder):
    texts = _texts()
    assert finder.find_batch(texts) == [finder.find(t) for t in texts]


@pytest.mark.pipeline
def test_empty_document_has_no_mentions(finder):
    empty = analyze(Document(id="e", text="   "))
    assert finder.find_batch([empty, analyze(Document(id="p", text=PLAIN))])[0] == []


def test_no_model_means_none_and_one_warning(tmp_path):
    with pytest.warns(UserWarning, match="gazetteer") as record:
        assert load_stanza_finder(trained_dir=tmp_path) is None
    assert len(record) == 1


@pytest.mark.pipeline
def test_folder_without_official_models_falls_back_to_trained(tmp_path):
    with pytest.warns(UserWarning, match="no official Stanza Arabic NER models"):
        models = find_models(tmp_path, trained_dir=TINY_MODEL)
    assert models is not None and models.kind == "trained"
    assert models.ner_model.parent == TINY_MODEL


CONLL = """\
قال\tO
الرئيس\tO
اللبناني\tO
ميشال\tB-PERS
عونـــ،\tI-PERS
(بيروت)\tB-LOC
.\tO

زار\tO
وَزيرُ\tO
الأمم\tB-ORG
المتحدة\tI-ORG
.\tO
"""


def test_conll_to_stanza_json_follows_inference_tokenization(tmp_path):
    path = tmp_path / "mini.conll"
    path.write_text(CONLL, encoding="utf-8")
    sentences = read_conll(path)
    assert [len(s) for s in sentences] == [7, 5]
    first = retokenize(sentences[0])
    # punctuation split off an entity word is outside the entity; tatweel is gone
    assert first[3:] == [("ميشال", "B-PERS"), ("عون", "I-PERS"), ("،", "O"), ("(", "O"),
                         ("بيروت", "B-LOC"), (")", "O"), (".", "O")]
    # the words are those kg.text gives at inference time (Token.norm)
    text = analyze(Document(id="x", text=" ".join(w for w, _ in sentences[1])))
    assert [w for w, _ in retokenize(sentences[1])] == [t.norm for t in text.tokens]
    assert retokenize(sentences[1])[1][0] == model_form("وَزيرُ") == "وزير"

    train, dev = split_dev([retokenize(s) for s in sentences], 0.5)
    assert (len(train), len(dev)) == (1, 1)
    data = json.loads(write_stanza_json(dev, tmp_path / "dev.json").read_text(encoding="utf-8"))
    assert data == [[{"text": w, "ner": t} for w, t in dev[0]]]


@pytest.mark.pipeline
def test_entity_starts_after_a_glued_conjunction(finder):
    # Stanza tags whole tokens; the conjunction glued to a name is not part of the entity.
    text = analyze(Document(id="w", text="قصفت الطائرات قرى بينين وسفوهن أمس."))
    document = stanza_document(text, finder.match_forms)
    tags = {"بينين": "S-LOC", "وسفوهن": "S-LOC"}
    for token in document.sentences[0].tokens:
        token.ner = tags.get(token.text, "O")
    document.build_ents()
    mentions = finder._mentions(text, document)
    assert [(m.text, m.label) for m in mentions] == [("بينين", "LOC"), ("سفوهن", "LOC")]
    assert text.document.text[mentions[1].start : mentions[1].end] == "سفوهن"
