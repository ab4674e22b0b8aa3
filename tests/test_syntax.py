"""Dependency parses placed on our tokens (kg.syntax), from real Stanza documents.

No Arabic parser model can be fetched here, so the parse is written by hand in CoNLL-U
(Universal Dependencies, as Stanza's Arabic models label it) and read with Stanza's own
CoNLL reader: the code under test sees exactly what a Stanza pipeline returns.
"""
from dataclasses import replace

from stanza.utils.conll import CoNLL

from kg.model import Document
from kg.syntax import dependents, head_word, subtree, words_from_stanza
from kg.text import analyze

TEXT = "وقصفت الطائرات الروسية مواقع للمعارضة."


def _conllu(text) -> str:
    # token rows (with their offsets) and the words of multi-word tokens
    spans = {t.surface: (t.start, t.end) for t in text.tokens}

    def misc(surface):
        start, end = spans[surface]
        return f"start_char={start}|end_char={end}"

    rows = [
        f"1-2\tوقصفت\t_\t_\t_\t_\t_\t_\t_\t{misc('وقصفت')}",
        "1\tو\tو\tCCONJ\t_\t_\t2\tcc\t_\t_",
        "2\tقصفت\tقصف\tVERB\t_\t_\t0\troot\t_\t_",
        f"3\tالطائرات\tطائرة\tNOUN\t_\t_\t2\tnsubj\t_\t{misc('الطائرات')}",
        f"4\tالروسية\tروسي\tADJ\t_\t_\t3\tamod\t_\t{misc('الروسية')}",
        f"5\tمواقع\tموقع\tNOUN\t_\t_\t2\tobj\t_\t{misc('مواقع')}",
        f"6-7\tللمعارضة\t_\t_\t_\t_\t_\t_\t_\t{misc('للمعارضة')}",
        "6\tل\tل\tADP\t_\t_\t7\tcase\t_\t_",
        "7\tالمعارضة\tمعارضة\tNOUN\t_\t_\t5\tnmod\t_\t_",
        f"8\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t{misc('.')}",
    ]
    return "\n".join(rows) + "\n\n"


def _parsed():
    text = analyze(Document(id="d", text=TEXT))
    document = CoNLL.conll2doc(input_str=_conllu(text))
    return text, words_from_stanza(text, document)


def test_words_sit_on_our_tokens():
    text, words = _parsed()
    assert [(w.text, text.tokens[w.token].surface) for w in words] == [
        ("و", "وقصفت"), ("قصفت", "وقصفت"), ("الطائرات", "الطائرات"), ("الروسية", "الروسية"),
        ("مواقع", "مواقع"), ("ل", "للمعارضة"), ("المعارضة", "للمعارضة"), (".", "."),
    ]
    assert [w.head for w in words] == [1, -1, 1, 2, 1, 6, 4, 1]
    assert words[1].deprel == "root" and words[2].deprel == "nsubj"


def test_the_predicate_of_a_token_is_its_word_the_sentence_attaches_to():
    _, words = _parsed()
    assert head_word(words, 0) == 1  # قصفت, not the conjunction
    assert head_word(words, 4) == 6  # المعارضة, not the preposition
    assert subtree(words, 4) == {4, 5, 6}


def test_dependents_of_a_verb_cover_whole_phrases():
    _, words = _parsed()
    found = {d.deprel: sorted(d.tokens) for d in dependents(words, 0)}
    # the subject phrase takes its adjective (the nisba names the actor), the object its
    # genitive; the conjunction on the verb's own token and the full stop are no dependents
    assert found == {"nsubj": [1, 2], "obj": [3, 4]}


def test_a_sentence_of_its_own_keeps_its_heads_local():
    text = analyze(Document(id="d", text=TEXT + " " + TEXT))
    first, second = _conllu(analyze(Document(id="d", text=TEXT))), []
    # the second sentence's offsets are shifted by the first one's length + 1
    shift = len(TEXT) + 1
    for row in first.strip().split("\n"):
        cells = row.split("\t")
        if cells[9].startswith("start_char="):
            start, end = (int(x.split("=")[1]) for x in cells[9].split("|"))
            cells[9] = f"start_char={start + shift}|end_char={end + shift}"
        second.append("\t".join(cells))
    document = CoNLL.conll2doc(input_str=first + "\n".join(second) + "\n\n")
    words = words_from_stanza(text, document)
    assert len(words) == 16
    assert words[9].head == -1 and words[10].head == 9  # root, then الطائرات → قصفت
    assert {d.deprel for d in dependents(words, len(text.tokens) // 2)} == {"nsubj", "obj"}


def test_core_of_a_participant_leaves_its_relative_clause_out():
    text = analyze(Document(id="d", text="هاجمت الفصائل المدعومة من تركيا مواقع قسد"))
    tok = {t.surface: t for t in text.tokens}

    def misc(surface):
        return f"start_char={tok[surface].start}|end_char={tok[surface].end}"

    rows = [
        f"1\tهاجمت\t_\tVERB\t_\t_\t0\troot\t_\t{misc('هاجمت')}",
        f"2\tالفصائل\t_\tNOUN\t_\t_\t1\tnsubj\t_\t{misc('الفصائل')}",
        f"3\tالمدعومة\t_\tADJ\t_\t_\t2\tacl\t_\t{misc('المدعومة')}",
        f"4\tمن\t_\tADP\t_\t_\t5\tcase\t_\t{misc('من')}",
        f"5\tتركيا\t_\tPROPN\t_\t_\t3\tobl\t_\t{misc('تركيا')}",
        f"6\tمواقع\t_\tNOUN\t_\t_\t1\tobj\t_\t{misc('مواقع')}",
        f"7\tقسد\t_\tPROPN\t_\t_\t6\tnmod\t_\t{misc('قسد')}",
    ]
    words = words_from_stanza(text, CoNLL.conll2doc(input_str="\n".join(rows) + "\n\n"))
    subject, obj = dependents(words, 0)
    assert (subject.deprel, sorted(subject.tokens), sorted(subject.core)) == ("nsubj", [1, 2, 3, 4], [1])
    assert (obj.deprel, sorted(obj.core)) == ("obj", [5, 6])  # مواقع قسد: the genitive names it


def _parse(text, rows):
    """``text`` with the parse of ``rows``: (upos, head, deprel) per token, in order."""
    lines = [
        f"{k}\t{t.surface}\t_\t{upos}\t_\t_\t{head}\t{deprel}\t_\tstart_char={t.start}|end_char={t.end}"
        for k, (t, (upos, head, deprel)) in enumerate(zip(text.tokens, rows), 1)
    ]
    document = CoNLL.conll2doc(input_str="\n".join(lines) + "\n\n")
    return replace(text, words=words_from_stanza(text, document))


def test_relation_extractor_reads_subject_and_object_from_the_parse():
    from kg.model import Actor, Mention
    from kg.relations import extract_statements, load_relation_rules

    # VSO with a long adjunct between the verb and its subject: beyond the reach of the
    # surface patterns, plain to the parser
    sentence = ("قصفت صباح اليوم بعد أسابيع من هدوء حذر ساد المنطقة منذ توقيع اتفاق خفض "
                "التصعيد في الربيع الماضي الطائرات الروسية مواقع المعارضة.")
    text = analyze(Document(id="d", text=sentence, date="2019-05-02"))
    rows = [("VERB", 0, "root"), ("NOUN", 1, "obl"), ("NOUN", 2, "nmod"), ("ADP", 5, "case"),
            ("NOUN", 1, "obl"), ("ADP", 7, "case"), ("NOUN", 5, "nmod"), ("ADJ", 7, "amod"),
            ("VERB", 7, "acl"), ("NOUN", 9, "obj"), ("ADP", 12, "case"), ("NOUN", 9, "obl"),
            ("NOUN", 12, "nmod"), ("NOUN", 13, "nmod"), ("NOUN", 14, "nmod"), ("ADP", 17, "case"),
            ("NOUN", 9, "obl"), ("ADJ", 17, "amod"), ("NOUN", 1, "nsubj"), ("ADJ", 19, "amod"),
            ("NOUN", 1, "obj"), ("NOUN", 21, "nmod"), ("PUNCT", 1, "punct")]
    assert len(rows) == len(text.tokens)
    russia, opposition = sentence.index("الروسية"), sentence.index("المعارضة")
    mentions = [
        Mention(russia, russia + 7, "الروسية", "ACTOR", "gazetteer", 0, actor="russia", form="nisba"),
        Mention(opposition, opposition + 8, "المعارضة", "ACTOR", "gazetteer", 0, actor="opposition"),
    ]
    actors = {"russia": Actor("russia", "Country", "روسيا"),
              "opposition": Actor("opposition", "ArmedGroup", "المعارضة")}
    rules = load_relation_rules()

    def triples(t):
        return [(s.subject, s.predicate, s.object) for s in extract_statements(t, mentions, actors, rules)]

    assert triples(text) == []  # the surface patterns alone
    assert triples(_parse(text, rows)) == [("russia", "ATTACKS", "opposition")]


def test_an_actor_in_the_subjects_relative_clause_is_not_the_subject():
    from kg.model import Actor, Mention
    from kg.relations import extract_statements, load_relation_rules

    sentence = "هاجمت الفصائل المدعومة من تركيا مواقع قسد."
    text = analyze(Document(id="d", text=sentence, date="2019-05-02"))
    rows = [("VERB", 0, "root"), ("NOUN", 1, "nsubj"), ("ADJ", 2, "acl"), ("ADP", 5, "case"),
            ("PROPN", 3, "obl"), ("NOUN", 1, "obj"), ("PROPN", 6, "nmod"), ("PUNCT", 1, "punct")]

    def at(name, actor):
        i = sentence.index(name)
        return Mention(i, i + len(name), name, "ACTOR", "gazetteer", 0, actor=actor)

    mentions = [at("الفصائل", "opposition"), at("تركيا", "turkey"), at("قسد", "sdf")]
    actors = {a: Actor(a, "ArmedGroup", a) for a in ("opposition", "sdf")} | {
        "turkey": Actor("turkey", "Country", "تركيا")}
    found = {(s.subject, s.predicate, s.object)
             for s in extract_statements(_parse(text, rows), mentions, actors, load_relation_rules())}
    assert ("opposition", "ATTACKS", "sdf") in found
    assert ("turkey", "ATTACKS", "sdf") not in found
