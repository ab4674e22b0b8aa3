"""Relation extraction on sentences written for these tests (none comes from a corpus).

Each case gives a document, the actor names a mention finder would link in it, and the
statements expected as (subject, predicate, object, negated, hedged, reported_by).
"""
import re

import pytest

from kg.model import Actor, Document, Mention
from kg.relations import extract_statements, load_relation_rules
from kg.text import analyze

ACTORS = {
    a.id: a
    for a in (
        Actor("russia", "Country", "روسيا"),
        Actor("turkey", "Country", "تركيا"),
        Actor("iran", "Country", "إيران"),
        Actor("usa", "Country", "الولايات المتحدة"),
        Actor("uk", "Country", "بريطانيا"),
        Actor("france", "Country", "فرنسا"),
        Actor("israel", "Country", "إسرائيل"),
        Actor("syria.gov", "Government", "النظام السوري"),
        Actor("opposition", "ArmedGroup", "فصائل المعارضة"),
        Actor("hts", "ArmedGroup", "هيئة تحرير الشام"),
        Actor("sdf", "ArmedGroup", "قوات سوريا الديمقراطية"),
        Actor("ypg", "ArmedGroup", "وحدات حماية الشعب"),
        Actor("pkk", "ArmedGroup", "حزب العمال الكردستاني"),
        Actor("hezbollah", "ArmedGroup", "حزب الله"),
        Actor("iran.irgc", "ArmedGroup", "الحرس الثوري الإيراني", parent="iran", parent_rel="PART_OF"),
        Actor("sna", "ArmedGroup", "الجيش الوطني السوري"),
        Actor("sultan_murad", "ArmedGroup", "فرقة السلطان مراد"),
        Actor("sohr", "Organization", "المرصد السوري لحقوق الإنسان"),
        Actor("anadolu", "Media", "الأناضول"),
        Actor("putin", "Person", "فلاديمير بوتين", parent="russia", parent_rel="MEMBER_OF"),
        Actor("erdogan", "Person", "رجب طيب أردوغان", parent="turkey", parent_rel="MEMBER_OF"),
        Actor("jolani", "Person", "أبو محمد الجولاني"),
    )
}

# surface → (actor id, form); places are written as place:<name>
NAMES = {
    "روسيا": ("russia", "name"), "موسكو": ("russia", "metonym"), "الروسية": ("russia", "nisba"),
    "الروسي": ("russia", "nisba"), "روسية": ("russia", "nisba"),
    "تركيا": ("turkey", "name"), "أنقرة": ("turkey", "metonym"), "التركية": ("turkey", "nisba"),
    "التركي": ("turkey", "nisba"), "إيران": ("iran", "name"),
    "الولايات المتحدة": ("usa", "name"), "واشنطن": ("usa", "metonym"), "الأمريكي": ("usa", "nisba"),
    "بريطانيا": ("uk", "name"), "فرنسا": ("france", "name"), "إسرائيلية": ("israel", "nisba"),
    "قوات النظام": ("syria.gov", "alias"), "النظام": ("syria.gov", "alias"),
    "المعارضة": ("opposition", "alias"), "الفصائل": ("opposition", "alias"),
    "هيئة تحرير الشام": ("hts", "name"), "قوات سوريا الديمقراطية": ("sdf", "name"),
    "قسد": ("sdf", "acronym"), "وحدات حماية الشعب": ("ypg", "name"),
    "حزب العمال الكردستاني": ("pkk", "name"), "حزب الله": ("hezbollah", "name"),
    "الحرس الثوري الإيراني": ("iran.irgc", "name"), "الجيش الوطني السوري": ("sna", "name"),
    "فرقة السلطان مراد": ("sultan_murad", "name"),
    "المرصد السوري لحقوق الإنسان": ("sohr", "name"), "الأناضول": ("anadolu", "name"),
    "فلاديمير بوتين": ("putin", "name"), "رجب طيب أردوغان": ("erdogan", "name"),
    "أبو محمد الجولاني": ("jolani", "name"),
}

RULES = load_relation_rules()


def _mentions(doc: Document, text) -> list[Mention]:
    """Every occurrence of a name of NAMES, longest first, behind at most two proclitics."""
    taken: list[tuple[int, int]] = []
    out = []
    for name in sorted(NAMES, key=len, reverse=True):
        # after ل the article's alef drops (للمعارضة): that mention keeps its لل, as the
        # gazetteer finder's does
        fused = "ل" + name[1:] if name.startswith("ال") else None
        pattern = rf"(?:[وفبلك]{{0,2}})({re.escape(name)})" + (rf"|((?:[وف])?{re.escape(fused)})" if fused else "")
        for m in re.finditer(rf"(?<![^\s\"«(])(?:{pattern})(?![\w])", doc.text):
            g = 1 if m.group(1) else 2
            start, end = m.span(g)
            if g == 2:
                start += 0 if m.group(2).startswith("لل") else 1
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            actor, form = NAMES[name]
            sentence = next(s.index for s in text.sentences if s.start <= start < s.end)
            out.append(Mention(start, end, doc.text[start:end], "ACTOR", "test", sentence, actor=actor, form=form))
    return sorted(out, key=lambda m: m.start)


def extract(sentence: str, date: str = "2019-06-10"):
    doc = Document("t", sentence, date=date)
    text = analyze(doc)
    return extract_statements(text, _mentions(doc, text), ACTORS, RULES)


def triples(statements):
    return {(s.subject, s.predicate, s.object, s.negated, s.hedged, s.reported_by) for s in statements}


CASES = [
    # VSO, a nisba after an actor noun
    ("قصفت الطائرات الروسية مدينة حلب أمس.",
     {("russia", "ATTACKS", "place:حلب", False, False, None)}),
    # SVO
    ("الجيش التركي قصف مواقع وحدات حماية الشعب في ريف منبج.",
     {("turkey", "ATTACKS", "ypg", False, False, None)}),
    # agentive passive with من قبل and a toponym head
    ("تعرضت بلدة كفرنبل لقصف مدفعي من قبل قوات النظام.",
     {("syria.gov", "ATTACKS", "place:كفرنبل", False, False, None)}),
    # a coordinated list of villages, a locative phrase after it
    ("استهدفت الطائرات الروسية قرى البارة وكنصفرة ومرعيان في جبل الزاوية.",
     {("russia", "ATTACKS", f"place:{p}", False, False, None) for p in ("البارة", "كنصفرة", "مرعيان")}),
    # nominal: masdar + nisba agent + object after ل
    ("وأكد المسؤول أن الدعم التركي للمعارضة لن يتوقف.",
     {("turkey", "SUPPORTS", "opposition", False, False, None)}),
    # participle: backed by; and the clause's own attack
    ("هاجمت الفصائل المدعومة من تركيا مواقع قسد شرقي الفرات.",
     {("turkey", "SUPPORTS", "opposition", False, False, None),
      ("opposition", "ATTACKS", "sdf", False, False, None)}),
    # participle: loyal to (a metonym) and fighting against
    ("قاتلت الفصائل الموالية لأنقرة ضد قسد في ريف الرقة.",
     {("turkey", "SUPPORTS", "opposition", False, False, None),
      ("opposition", "FIGHTS", "sdf", False, False, None)}),
    # symmetric: بين X و Y
    ("اندلعت اشتباكات عنيفة بين قوات النظام وهيئة تحرير الشام في ريف حماة.",
     {("syria.gov", "FIGHTS", "hts", False, False, None)}),
    # coordination of three subjects of a symmetric noun: every pair
    ("عقدت تركيا وروسيا وإيران جولة جديدة من المباحثات في العاصمة الكازاخية.",
     {("turkey", "NEGOTIATES_WITH", "russia", False, False, None),
      ("turkey", "NEGOTIATES_WITH", "iran", False, False, None),
      ("russia", "NEGOTIATES_WITH", "iran", False, False, None)}),
    # a chain of nisba adjectives after a symmetric noun
    ("وأشاد الوزير بالتفاهم الروسي التركي بشأن الطريق الدولي.",
     {("russia", "COOPERATES_WITH", "turkey", False, False, None)}),
    # negation
    ("لم تقصف الطائرات الروسية بلدة سراقب اليوم.",
     {("russia", "ATTACKS", "place:سراقب", True, False, None)}),
    # hedging, SVO with a direct object
    ("ويعتقد أن الحرس الثوري الإيراني يزود حزب الله بالصواريخ.",
     {("iran.irgc", "SUPPLIES", "hezbollah", False, True, None)}),
    # attribution: the speaker is not the subject
    ("وقال المرصد السوري لحقوق الإنسان إن طائرات روسية قصفت مدينة معرة النعمان.",
     {("russia", "ATTACKS", "place:معرة النعمان", False, False, "sohr")}),
    # according to ...
    ("ووفقا لوكالة الأناضول، فإن الجيش التركي قصف مواقع لحزب العمال الكردستاني.",
     {("turkey", "ATTACKS", "pkk", False, False, "anadolu")}),
    # role phrases: preposed with a nisba, the persons as arguments of a meeting
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سوتشي.",
     {("putin", "MEMBER_OF", "russia", False, False, None),
      ("erdogan", "MEMBER_OF", "turkey", False, False, None),
      ("putin", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
    # role phrase after the name
    ("وظهر أبو محمد الجولاني، القائد العام لهيئة تحرير الشام، في تسجيل مصور.",
     {("jolani", "MEMBER_OF", "hts", False, False, None)}),
    # التابع لـ
    ("وانسحب عناصر فرقة السلطان مراد التابعة للجيش الوطني السوري من القرية.",
     {("sultan_murad", "PART_OF", "sna", False, False, None)}),
    # control of a place
    ("سيطرت هيئة تحرير الشام على مدينة سراقب بعد معارك.",
     {("hts", "CONTROLS", "place:سراقب", False, False, None)}),
    # relative clause: the place is the antecedent of عليها
    ("وقصفت الطائرات الروسية بلدة كنصفرة التي تسيطر عليها الفصائل.",
     {("russia", "ATTACKS", "place:كنصفرة", False, False, None),
      ("opposition", "CONTROLS", "place:كنصفرة", False, False, None)}),
    # joint action: each attacker, and cooperation between them
    ("وشنت الولايات المتحدة وبريطانيا وفرنسا ضربات على مواقع النظام.",
     {(s, "ATTACKS", "syria.gov", False, False, None) for s in ("usa", "uk", "france")}
     | {("usa", "COOPERATES_WITH", "uk", False, False, None),
        ("usa", "COOPERATES_WITH", "france", False, False, None),
        ("uk", "COOPERATES_WITH", "france", False, False, None)}),
    # accusation: VSO with two actors
    ("اتهمت موسكو واشنطن بعرقلة الحل السياسي.",
     {("russia", "OPPOSES", "usa", False, False, None)}),
    # an imperfect verb after a content word: the actors after it are its object, and the
    # patrol of two states is their cooperation
    ("وقع انفجار يستهدف الدورية الروسية التركية قرب الطريق.",
     {("russia", "COOPERATES_WITH", "turkey", False, False, None)}),
    # victims before a cause word are not the agents of the attack after it
    ("قتل عناصر من قوات النظام جراء هجوم على مدينة سلمى.", set()),
    # a participle describes a state: the conditional around it does not reach it
    ("وحذر الوزير من هجوم محتمل على محافظة إدلب الخاضعة لسيطرة المعارضة.",
     {("opposition", "CONTROLS", "place:إدلب", False, False, None)}),
    # جاء ذلك …: the missing subject is the previous sentence's main actor
    ("ورحب الرئيس الروسي فلاديمير بوتين بالمبادرة. وجاء ذلك خلال اتصال هاتفي مع نظيره التركي رجب طيب أردوغان.",
     {("putin", "MEMBER_OF", "russia", False, False, None),
      ("erdogan", "MEMBER_OF", "turkey", False, False, None),
      ("putin", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
    # a coordinated verb shares the subject of the verb before it
    ("شنت الطائرات التركية غارات على قرية كفرجنة، واستهدفت مواقع لحزب العمال الكردستاني.",
     {("turkey", "ATTACKS", "place:كفرجنة", False, False, None),
      ("turkey", "ATTACKS", "pkk", False, False, None)}),
    # a dateline is no subject; a nisba after an event noun is the object of a condemnation
    ("موسكو - انتقدت واشنطن الغارات الروسية على ريف إدلب.",
     {("usa", "OPPOSES", "russia", False, False, None)}),
    # the subject of a verb after an event noun is the event's agent
    ("وشن الطيران التركي غارات جوية استهدفت مواقع حزب العمال الكردستاني.",
     {("turkey", "ATTACKS", "pkk", False, False, None)}),
    # victims before the attack noun, the agent after it
    ("وقتل عناصر من قوات النظام بغارة إسرائيلية قرب العاصمة.",
     {("israel", "ATTACKS", "syria.gov", False, False, None)}),
    # a verb right after أن: its dropped subject is the one who denies
    ("ونفت موسكو أن تكون قد زودت وحدات حماية الشعب بالأسلحة.",
     {("russia", "SUPPLIES", "ypg", True, False, None)}),
    # two persons sharing one role phrase, the subject of an agreement
    ("واتفق الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان على وقف إطلاق النار.",
     {("putin", "MEMBER_OF", "russia", False, False, None),
      ("erdogan", "MEMBER_OF", "turkey", False, False, None),
      ("putin", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
    # apposition: X، حليف Y
    ("وقدمت موسكو الدعم لحزب الله، حليف إيران في لبنان.",
     {("russia", "SUPPORTS", "hezbollah", False, False, None),
      ("hezbollah", "ALLY_OF", "iran", False, False, None)}),
    # a trigger closed by its marker (تسعى مع): the coordinated partners after it
    ("وقال الوزير إن فرنسا تسعى مع تركيا وروسيا إلى حل سياسي.",
     {("france", "COOPERATES_WITH", "turkey", False, False, None),
      ("france", "COOPERATES_WITH", "russia", False, False, None)}),
    # repelling an attack: the attacker follows شنه, the attacked stands before
    ("وأعلنت الوزارة أن قوات النظام صدت هجوما شنه مسلحو هيئة تحرير الشام على مواقعها.",
     {("hts", "ATTACKS", "syria.gov", False, False, None)}),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sentence(sentence, expected):
    assert triples(extract(sentence)) == expected


def test_statement_carries_evidence_offsets_trigger_and_date():
    text = "مقدمة قصيرة.\nوقصفت الطائرات الروسية بلدة سراقب أمس."
    (st,) = extract(text, date="2020-02-05")
    assert text[st.start : st.end] == st.evidence == "وقصفت الطائرات الروسية بلدة سراقب أمس."
    assert st.trigger == "وقصفت"
    assert st.sentence == 1
    assert (st.date, st.date_precision) == ("2020-02-04", "day")
    assert st.doc == "t" and st.id and 0 < st.confidence <= 1


def test_future_is_flagged_not_dropped():
    (st, *rest) = extract("وسوف تسير روسيا وتركيا دوريات مشتركة على الطريق الدولي.")
    assert not rest
    assert {st.subject, st.object} == {"russia", "turkey"}
    assert st.predicate == "COOPERATES_WITH" and st.modality == "future"


def test_conditional_is_flagged_not_asserted():
    (st,) = extract("إذا قصفت روسيا مدينة إدلب فإن اللاجئين سيتدفقون إلى الحدود.")
    assert (st.subject, st.predicate, st.object) == ("russia", "ATTACKS", "place:إدلب")
    assert st.modality == "conditional" and not st.negated


def test_offsets_survive_diacritics_and_tatweel():
    text = "قَصَفَتْ الطائرات الروسية مدينــة حلب."
    (st,) = extract(text)
    assert st.object == "place:حلب"
    assert text[st.start : st.end] == st.evidence


def test_no_mentions_no_statements():
    assert extract("قصفت الطائرات مدينة بعيدة.") == []


def test_ids_are_stable():
    text = "قصفت الطائرات الروسية مدينة حلب أمس."
    assert [s.id for s in extract(text)] == [s.id for s in extract(text)]
