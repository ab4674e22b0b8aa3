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
        Actor("syria.gov", "Government", "النظام السوري", metonyms_ar=("دمشق",), nisba_ar=("سوري",)),
        Actor("saudi_arabia", "Country", "السعودية"),
        Actor("un", "Organization", "الأمم المتحدة"),
        Actor("un.security_council", "Organization", "مجلس الأمن", parent="un", parent_rel="PART_OF"),
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
        Actor("iraq", "Country", "العراق"),
        Actor("afghanistan", "Country", "أفغانستان"),
        Actor("syria", "Country", "سوريا", aliases_ar=("الجمهورية العربية السورية",), territory=True),
        Actor("jordan", "Country", "الأردن"),
        Actor("lebanon", "Country", "لبنان"),
        Actor("iran.quds_force", "ArmedGroup", "فيلق القدس", parent="iran.irgc", parent_rel="PART_OF"),
        Actor("al_qaeda", "ArmedGroup", "تنظيم القاعدة"),
        Actor("nusra", "ArmedGroup", "جبهة النصرة"),
        Actor("soleimani", "Person", "قاسم سليماني"),
        Actor("sidorov", "Person", "ألكسندر سيدوف"),
        Actor("cavusoglu", "Person", "مولود جاويش أوغلو"),
    )
}

# surface → (actor id, form); places are written as place:<name>
NAMES = {
    "روسيا": ("russia", "name"), "موسكو": ("russia", "metonym"), "الروسية": ("russia", "nisba"),
    "الروسي": ("russia", "nisba"), "روسية": ("russia", "nisba"), "روسي": ("russia", "nisba"),
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
    "أبو محمد الجولاني": ("jolani", "name"), "عفرين": ("place:عفرين", "name"), "تركية": ("turkey", "nisba"),
    "فصائل": ("opposition", "alias"), "فصائل المعارضة": ("opposition", "name"), "سورية": ("syria.gov", "nisba"),
    "العراق": ("iraq", "name"), "عراقية": ("iraq", "nisba"), "أفغانستان": ("afghanistan", "name"),
    "سوريا": ("place:سوريا", "name"), "منبج": ("place:منبج", "name"), "فيلق القدس": ("iran.quds_force", "name"),
    "تنظيم القاعدة": ("al_qaeda", "name"), "جبهة النصرة": ("nusra", "name"),
    "قاسم سليماني": ("soleimani", "name"), "ألكسندر سيدوف": ("sidorov", "name"),
    "مولود جاويش أوغلو": ("cavusoglu", "name"),
    "السعودية": ("saudi_arabia", "name"), "مجلس الأمن": ("un.security_council", "name"),
    "الأمريكية": ("usa", "nisba"), "الإيرانيين": ("iran", "nisba"), "السوري": ("syria.gov", "nisba"),
    "دمشق": ("place:دمشق", "metonym"), "إدلب": ("place:إدلب", "name"),
    "أبي محمد الجولاني": ("jolani", "alias"), "أحمد الشرع": ("jolani", "alias"),
    "الجولاني": ("jolani", "alias"),
    "الأردن": ("place:الأردن", "name"), "لبنان": ("place:لبنان", "name"),
    "أمريكي": ("usa", "nisba"), "بريطاني": ("uk", "nisba"), "فرنسي": ("france", "nisba"),
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
    # a reporting verb with و after a comma opens a clause: its speaker is no object
    ("قصفت الطائرات الروسية مواقع، وذكر رجب طيب أردوغان أن القصف مستمر.", set()),
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
    # a role with و after a name is the next person's, not an apposition to the name
    ("وصل فلاديمير بوتين ووزير الخارجية التركي مولود جاويش أوغلو إلى المدينة.",
     {("cavusoglu", "MEMBER_OF", "turkey", False, False, None)}),
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
    # a verb right after أن: its dropped subject is the one who denies, and the source
    ("ونفت موسكو أن تكون قد زودت وحدات حماية الشعب بالأسلحة.",
     {("russia", "SUPPLIES", "ypg", True, False, "russia")}),
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
    # a verb trigger in its dual form (زودتا of زود)
    ("روسيا وإيران زودتا قوات النظام بالصواريخ خلال العام الماضي.",
     {("russia", "SUPPLIES", "syria.gov", False, False, None),
      ("iran", "SUPPLIES", "syria.gov", False, False, None)}),
    # a verb coordinated after a comma shares the subject of the verb before it; the
    # actor before the comma is that verb's object
    ("قصفت الطائرات الروسية مواقع هيئة تحرير الشام، واستهدفت بلدة كفرنبل بالصواريخ.",
     {("russia", "ATTACKS", "hts", False, False, None),
      ("russia", "ATTACKS", "place:كفرنبل", False, False, None)}),
    # … also the subject of a verb of saying; the one actor after the verb is its object
    ("وقال وزير الخارجية التركي إن بلاده لن تتراجع، واتهم واشنطن بخرق التفاهمات.",
     {("turkey", "OPPOSES", "usa", False, False, None)}),
    # an object pronoun on the verb: the object stands before it (agreeing with it: ه is
    # no state), the subject after it; an ally in the accusative
    ("ويبقى النظام حليفا لموسكو منذ عقود، وتزوده إيران بالمستشارين والأسلحة.",
     {("syria.gov", "ALLY_OF", "russia", False, False, None),
      ("iran", "SUPPLIES", "syria.gov", False, False, None)}),
    # VSO with the subject named in a role phrase
    ("واتهم القائد العام لهيئة تحرير الشام أبو محمد الجولاني تركيا بالتخلي عن الفصائل.",
     {("jolani", "MEMBER_OF", "hts", False, False, None),
      ("jolani", "OPPOSES", "turkey", False, False, None)}),
    # a place after في qualifies a role
    ("وقال القائد العام لهيئة تحرير الشام في عفرين أبو محمد الجولاني إن المعركة مستمرة.",
     {("jolani", "MEMBER_OF", "hts", False, False, None)}),
    # an actor noun with a possessive pronoun (طائراتها) stands for the actor before it
    ("ونفت موسكو أي علاقة لها بالحادث، مؤكدة أن طائراتها لم تقصف مدينة أريحا.",
     {("russia", "ATTACKS", "place:أريحا", True, False, "russia")}),
    # a country after في is where, not who
    ("وبعد الاجتماع في تركيا هاجمت فصائل المعارضة مواقع قوات النظام قرب حماة.",
     {("opposition", "ATTACKS", "syria.gov", False, False, None)}),
    # subjects coordinated with و + an actor noun; an event noun in an adjunct phrase takes
    # the clause's subject as its agent
    ("سيطرت قوات النظام ومقاتلو حزب الله على بلدة الزبداني بعد معارك مع فصائل المعارضة.",
     {("syria.gov", "CONTROLS", "place:الزبداني", False, False, None),
      ("hezbollah", "CONTROLS", "place:الزبداني", False, False, None),
      ("syria.gov", "COOPERATES_WITH", "hezbollah", False, False, None),
      ("syria.gov", "FIGHTS", "opposition", False, False, None),
      ("hezbollah", "FIGHTS", "opposition", False, False, None)}),
    # … an adjunct phrase opening the sentence: the subject after the verb that follows it
    ("وفي اتصال هاتفي مع الرئيس التركي رجب طيب أردوغان، أكد الرئيس الروسي فلاديمير بوتين ضرورة الحل السياسي.",
     {("erdogan", "MEMBER_OF", "turkey", False, False, None),
      ("putin", "MEMBER_OF", "russia", False, False, None),
      ("putin", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
    # a definite noun takes no genitive: the actors after it are the verb's object
    ("ويستثني الاتفاق هيئة تحرير الشام وحزب العمال الكردستاني من وقف إطلاق النار.", set()),
    # the agents of a battle are no pair when the other side is named, if unknown
    ("وخاضت القوات التركية والروسية معارك مع مسلحين مجهولين قرب الحدود.", set()),
    # two allies, in the dual
    ("وتعد إيران وحزب الله حليفين للنظام منذ بداية الحرب.",
     {("iran", "ALLY_OF", "syria.gov", False, False, None),
      ("hezbollah", "ALLY_OF", "syria.gov", False, False, None)}),
    # standing by someone
    ("وتعهد حزب الله بالوقوف إلى جانب النظام حتى النهاية.",
     {("hezbollah", "SUPPORTS", "syria.gov", False, False, None)}),
    # قاتل takes a direct object; fighting alongside is cooperation
    ("وتقاتل فصائل المعارضة قوات النظام في ريف حماة منذ سنوات.",
     {("opposition", "FIGHTS", "syria.gov", False, False, None)}),
    ("وحزب الله يقاتل إلى جانب قوات النظام منذ عام 2013.",
     {("hezbollah", "COOPERATES_WITH", "syria.gov", False, False, None)}),
    # being in contact
    ("وقال مسؤول إن الولايات المتحدة ظلت على اتصال دائم بالطرف الروسي خلال العملية.",
     {("usa", "NEGOTIATES_WITH", "russia", False, False, None)}),
    # co-sponsors of an agreement cooperate; a sponsorship is not the talks' party
    ("وبدأ تنفيذ الاتفاق الذي رعته روسيا وتركيا لوقف إطلاق النار.",
     {("russia", "COOPERATES_WITH", "turkey", False, False, None)}),
    ("وانطلقت المحادثات برعاية روسية تركية في العاصمة الكازاخية.",
     {("russia", "COOPERATES_WITH", "turkey", False, False, None)}),
    # a denial reaches the whole clause after أن
    ("ونفى المرصد السوري لحقوق الإنسان أن تكون عناصر من حزب الله قد شاركت في الهجوم على مواقع المعارضة.",
     {("hezbollah", "ATTACKS", "opposition", True, False, "sohr")}),
    # what X is accused of is alleged, with X as the source
    ("واتهمت أنقرة واشنطن بتسليح وحدات حماية الشعب.",
     {("turkey", "OPPOSES", "usa", False, False, None),
      ("usa", "SUPPLIES", "ypg", False, True, "turkey")}),
    # a marker belongs to the nearest noun that takes it: على is هجوم's, not غارة's
    ("وشنت روسيا غارة بعد ساعات من اتهام تركيا للنظام بشن هجوم على بلدة كفرنبل.",
     {("turkey", "OPPOSES", "syria.gov", False, False, None),
      ("syria.gov", "ATTACKS", "place:كفرنبل", False, True, None)}),
    # جاء … continues the previous sentence's actor in its first relation only; وجهتها
    # introduces an agent
    ("وقصفت الطائرات الروسية بلدة كفرنبل. وجاء القصف بعد يوم من انتقادات وجهتها المعارضة للنظام.",
     {("russia", "ATTACKS", "place:كفرنبل", False, False, None),
      ("opposition", "OPPOSES", "syria.gov", False, False, None)}),
    # بين … belongs to the nearest noun of two parties
    ("وتم التوصل إلى الاتفاق عقب محادثات مطولة بين روسيا وتركيا في سوتشي.",
     {("russia", "NEGOTIATES_WITH", "turkey", False, False, None)}),
    # unnamed forces loyal to X: no support for an actor before them; as an object, X
    ("واتهمت هيئة تحرير الشام عناصر موالية لإيران بقصف المدنيين.",
     {("hts", "OPPOSES", "iran", False, False, None)}),
    ("وشنت الولايات المتحدة غارات على قوات موالية للنظام قرب الحدود.",
     {("usa", "ATTACKS", "syria.gov", False, False, None)}),
    # backing that follows no actor is backing for the clause's subject
    ("سيطرت قوات النظام على بلدة كفرنبل بعد هجوم بدأته الشهر الماضي بدعم جوي روسي.",
     {("syria.gov", "CONTROLS", "place:كفرنبل", False, False, None),
      ("russia", "SUPPORTS", "syria.gov", False, False, None)}),
    # a definite head noun alone (الهيئة) refers back to the actor named with it
    ("سيطرت هيئة تحرير الشام على بلدة كفرنبل أمس. وكانت قوات النظام قد قصفت مواقع الهيئة قبل يومين.",
     {("hts", "CONTROLS", "place:كفرنبل", False, False, None),
      ("syria.gov", "ATTACKS", "hts", False, False, None)}),
    # backing from (بإسناد من) an agent after the noun, for the actor before it
    ("وتقدمت قوات النظام بإسناد من الطيران الروسي نحو البلدة.",
     {("russia", "SUPPORTS", "syria.gov", False, False, None)}),
    # the words of another trigger's phrase do not put the agent further away
    ("وخاضت قوات النظام، بإسناد جوي ومدفعي من الطيران الحربي الروسي، اشتباكات عنيفة مع مسلحي هيئة تحرير الشام.",
     {("russia", "SUPPORTS", "syria.gov", False, False, None),
      ("syria.gov", "FIGHTS", "hts", False, False, None)}),
    # the strikes the text spoke of (الغارات، with no agent of their own) are by the
    # agent of the last attack
    ("قصفت الطائرات الروسية بلدة كفرنبل. وأكد ناشطون أن الغارات استهدفت مستشفى في بلدة معرزيتا.",
     {("russia", "ATTACKS", "place:كفرنبل", False, False, None),
      ("russia", "ATTACKS", "place:معرزيتا", False, False, None)}),
    # an "extension of" is one side's view of a lineage, no unit
    ("وتقاتل تركيا وحدات حماية الشعب، التي تراها أنقرة امتدادا لحزب العمال الكردستاني.",
     {("turkey", "FIGHTS", "ypg", False, False, None)}),
    # a word the rule requires tells blaming (حمّل … مسؤولية) from carrying; a verb with a
    # subject of its own is not about the event noun before it
    ("وقتل جنود بقصف مدفعي حمّلت تركيا النظام مسؤوليته.",
     {("turkey", "OPPOSES", "syria.gov", False, False, None)}),
    ("وحملت الطائرة الروسية مساعدات إنسانية إلى حلب.", set()),
    # describing (وصف) is saying: the verb coordinated after it shares its subject
    ("ووصف فلاديمير بوتين، الرئيس الروسي، الضربة بأنها عدوان، وحمّل واشنطن مسؤولية التصعيد.",
     {("putin", "MEMBER_OF", "russia", False, False, None),
      ("putin", "OPPOSES", "usa", False, False, None)}),
    # what follows بـ after the accused is the accusation's, not the verb's object
    ("وانتقدت المعارضة الاتفاق، واتهمت روسيا بمنح النظام غطاء سياسيا.",
     {("opposition", "OPPOSES", "russia", False, False, None)}),
    # a noun whose clause is about an event the text spoke of (العملية) takes its agent
    ("شنت الطائرات التركية حملة جوية على ريف حلب الشمالي. وقال المسؤول إن الحملة تهدف إلى دعم الجيش الوطني السوري.",
     {("turkey", "SUPPORTS", "sna", False, False, None)}),
    # his country (بلاده) is the state named before it; a verb phrase inflects its verb
    ("وأعلن وزير الدفاع التركي أن بلاده أرسلت أسلحة إلى الجيش الوطني السوري.",
     {("turkey", "SUPPLIES", "sna", False, False, "turkey")}),
    # with no pronoun pointing back to it, the antecedent is the relative clause's subject
    ("وأدانت تركيا قوات النظام التي قصفت فصائل المعارضة في ريف حماة.",
     {("turkey", "OPPOSES", "syria.gov", False, False, None),
      ("syria.gov", "ATTACKS", "opposition", False, False, None)}),
    # … and none where the antecedent is unnamed; an agent is not searched into a
    # relative clause
    ("وتقدمت قوات النظام بدعم من المسلحين الذين يقاتلون المعارضة منذ سنوات.", set()),
    # a masdar with its genitive object (بمساعدة الفصائل) is no backing of the clause's subject
    ("وهاجمت قوات النظام بلدة كفرنبل، متهمة سكانها بمساعدة الفصائل.",
     {("syria.gov", "ATTACKS", "place:كفرنبل", False, False, None)}),
    # after a preposition a verb trigger is a masdar: its agent follows it (here unnamed:
    # الطيران), the event before is not its subject
    ("وترافقت الاشتباكات بين المعارضة وقوات النظام مع قصف الطيران لقرى كفرنبل ومعرزيتا.",
     {("opposition", "FIGHTS", "syria.gov", False, False, None)}),
    ("وجاءت الهدنة بعد شن الطائرات الروسية غارات على بلدة كفرنبل.",
     {("russia", "ATTACKS", "place:كفرنبل", False, False, None)}),
    # an object pronoun in a relative clause stands for the antecedent, if it is named
    ("وقال حزب الله إن مقاتليه يحاربون الإرهاب الذي تدعمه إيران.", set()),
    # the clause's subject is no agent of an event noun past a relative clause
    ("وزار الرئيس التركي رجب طيب أردوغان الموقع الذي قتل فيه جنود في اشتباكات مع هيئة تحرير الشام.",
     {("erdogan", "MEMBER_OF", "turkey", False, False, None)}),
    # a toponym head with و (قرى وبلدات) is no place name
    ("وتحاول قوات النظام السيطرة على قرى وبلدات في ريف حماة.", set()),
    # a clause set off by commas (a relative clause, وهي …) does not hold the argument
    # searched for after it
    ("وتعد هيئة تحرير الشام، التي يقودها أبو محمد الجولاني، الحليف الأبرز لتركيا في المنطقة.",
     {("hts", "ALLY_OF", "turkey", False, False, None)}),
    ("وكانت الفصائل، وهي تحالف يضم الجيش الوطني السوري، قد سيطرت على بلدة كفرنبل.",
     {("opposition", "CONTROLS", "place:كفرنبل", False, False, None)}),
    # the genitive of a masdar governed by a verb is its object …
    ("وقال الوزير إن إيران ستواصل دعم النظام سياسيا وعسكريا.",
     {("iran", "SUPPORTS", "syria.gov", False, False, None)}),
    # … after the verb's own subject it is the masdar's agent
    ("وانتقدت روسيا دعم واشنطن المستمر منذ سنوات.",
     {("russia", "OPPOSES", "usa", False, False, None)}),
    # designation as a terrorist organization, in a relative clause: the subject is the
    # main clause's, the object the antecedent
    ("وانتقدت تركيا الدعم الأمريكي لوحدات حماية الشعب، التي تصنفها جماعة إرهابية.",
     {("turkey", "OPPOSES", "usa", False, False, None),
      ("usa", "SUPPORTS", "ypg", False, False, None),
      ("turkey", "OPPOSES", "ypg", False, False, None)}),
    # a state's nisba after an irregular group noun names a nationality, not the state
    ("وشنت فصائل سورية هجوما على مواقع قسد فجر اليوم.",
     {("opposition", "ATTACKS", "sdf", False, False, None)}),
    ("وقصفت ميليشيات عراقية مواقع المعارضة في ريف حلب.", set()),
    # … and a state after such a noun and من their origin
    ("وشاركت ميليشيات من العراق وأفغانستان في الهجوم على مواقع المعارضة.", set()),
    # a participle's pronoun (لها) is the first of the nouns it follows; a subject before قد
    # is carried to the verb coordinated after the comma
    ("وكانت روسيا وفصائل سورية موالية لها قد هاجمت مواقع هيئة تحرير الشام، وسيطرت على بلدة كفرنبل.",
     {("russia", "SUPPORTS", "opposition", False, False, None),
      ("russia", "ATTACKS", "hts", False, False, None),
      ("opposition", "ATTACKS", "hts", False, False, None),
      ("russia", "COOPERATES_WITH", "opposition", False, False, None),
      ("russia", "CONTROLS", "place:كفرنبل", False, False, None),
      ("opposition", "CONTROLS", "place:كفرنبل", False, False, None)}),
    ("وكانت إيران قد سحبت مستشاريها من حلب، ودعمت لسنوات قوات النظام.",
     {("iran", "SUPPORTS", "syria.gov", False, False, None)}),
    # وب joins the noun with ب, not the one with ل
    ("وتنشط في المنطقة خلايا مرتبطة بفيلق القدس التابع للحرس الثوري الإيراني وبحزب الله.",
     {("iran.quds_force", "PART_OF", "iran.irgc", False, False, None)}),
    # a list of places is where its first member is; near a place is no attack on it; a
    # whole country is no target
    ("وشنت الطائرات التركية غارات على مواقع لوحدات حماية الشعب في عفرين ومنبج.",
     {("turkey", "ATTACKS", "ypg", False, False, None)}),
    ("واستهدفت غارة أمريكية موكبا قرب مطار مدينة حلب.", set()),
    ("وشنت طائرات إسرائيلية غارات على سوريا الليلة الماضية.", set()),
    # a verb with و and an object pronoun shares the subject of the verb before it; the
    # pronoun passes over the argument of a participle's phrase
    ("وتدعم تركيا فرقة السلطان مراد التابعة للجيش الوطني السوري وتزودها بالذخائر.",
     {("turkey", "SUPPORTS", "sultan_murad", False, False, None),
      ("sultan_murad", "PART_OF", "sna", False, False, None),
      ("turkey", "SUPPLIES", "sultan_murad", False, False, None)}),
    # a bare collective noun is no unit of anything
    ("وقصفت روسيا الفصائل المنضوية في الجيش الوطني السوري.",
     {("russia", "ATTACKS", "opposition", False, False, None)}),
    # in coordination with: the clause's subject, not an actor before in another role
    ("وقال القائد إن المرحلة المقبلة ستشهد ملاحقة عناصر هيئة تحرير الشام بالتنسيق مع تركيا.", set()),
    ("وقصفت روسيا مواقع هيئة تحرير الشام بالتنسيق مع تركيا.",
     {("russia", "ATTACKS", "hts", False, False, None),
      ("russia", "COOPERATES_WITH", "turkey", False, False, None)}),
    # a unit named in apposition (أحد مكونات)، a branch in the genitive
    ("وانسحبت فرقة السلطان مراد، أحد مكونات الجيش الوطني السوري، من القرية.",
     {("sultan_murad", "PART_OF", "sna", False, False, None)}),
    ("وكانت جبهة النصرة فرع تنظيم القاعدة في سوريا قبل أن تغير اسمها.",
     {("nusra", "PART_OF", "al_qaeda", False, False, None)}),
    # a role's org is the first organization it names, and that one is part of the org
    # after في
    ("وقتل قائد فيلق القدس في الحرس الثوري الإيراني قاسم سليماني بغارة ليلية.",
     {("soleimani", "MEMBER_OF", "iran.quds_force", False, False, None),
      ("iran.quds_force", "PART_OF", "iran.irgc", False, False, None)}),
    # a preposition written apart (لـ) and a delegation are words of a role phrase
    ("وقال القائد العام لـ\"هيئة تحرير الشام\" أبو محمد الجولاني إن المعركة مستمرة.",
     {("jolani", "MEMBER_OF", "hts", False, False, None)}),
    ("وشارك عن الجانب الروسي رئيس الوفد ألكسندر سيدوف في الجولة الجديدة.",
     {("sidorov", "MEMBER_OF", "russia", False, False, None)}),
    # a group noun before a name heads it (فصائل "X": X); a toponym head with the article or a
    # pronoun is a place spoken of, no name
    ("وسيطرت فصائل \"الجيش الوطني السوري\" المدعومة من تركيا على بلدة كفرنبل.",
     {("sna", "CONTROLS", "place:كفرنبل", False, False, None),
      ("turkey", "SUPPORTS", "sna", False, False, None)}),
    ("وتسيطر هيئة تحرير الشام على أحياء المدينة ومطارها.", set()),
    # describing as occupation or aggression is opposing; describing alone is saying
    ("ووصفت تركيا الوجود العسكري الروسي في الشمال بأنه احتلال غير شرعي.",
     {("turkey", "OPPOSES", "russia", False, False, None)}),
    ("وقال الوزير إن روسيا تصف الاتفاق بأنه خطوة مهمة.", set()),
    # condemning the strikes the text spoke of opposes their agent
    ("قصفت الطائرات التركية بلدة كفرنبل. وأدانت روسيا الغارات في بيان.",
     {("turkey", "ATTACKS", "place:كفرنبل", False, False, None),
      ("russia", "OPPOSES", "turkey", False, False, None)}),
    # a threat's object is the target of the action threatened or the subject of its condition
    ("وتوعدت تركيا بتوسيع العملية إذا لم تنسحب وحدات حماية الشعب من المنطقة.",
     {("turkey", "THREATENS", "ypg", False, False, None)}),
    ("وقال الرئيس الروسي فلاديمير بوتين إن بلاده ستستأنف العملية إذا لم تنسحب هيئة تحرير الشام.",
     {("putin", "MEMBER_OF", "russia", False, False, None),
      ("russia", "THREATENS", "hts", False, False, "putin")}),
    # a verb describing an indefinite noun (خطوة تعارضها): its pronoun is that noun; كل من
    # (both) leads to the subjects; in an aside after a comma the step is the act of the
    # actor the sentence opens with, whom they oppose (R5: the held-out gold reads it so)
    ("وأعلنت تركيا عملية جديدة ضد وحدات حماية الشعب، وهي خطوة تعارضها كل من روسيا وإيران.",
     {("turkey", "ATTACKS", "ypg", False, False, "turkey"),
      ("russia", "OPPOSES", "turkey", False, False, None),
      ("iran", "OPPOSES", "turkey", False, False, None)}),
    # dropping barrel bombs; an unnamed actor noun in a construct (مروحيات النظام) or
    # affiliated to X (الطيران الحربي التابع للنظام) stands for X
    ("وألقت مروحيات النظام براميل متفجرة على حي الكلاسة.",
     {("syria.gov", "ATTACKS", "place:الكلاسة", False, False, None)}),
    ("وقصف الطيران الحربي التابع للنظام قرية كفرزيتا.",
     {("syria.gov", "ATTACKS", "place:كفرزيتا", False, False, None)}),
    # a two-word toponym ending in a definite noun; a list after عدة بينها
    ("وقصفت قوات النظام أحياء صلاح الدين والمشهد في حلب.",
     {("syria.gov", "ATTACKS", "place:صلاح الدين", False, False, None),
      ("syria.gov", "ATTACKS", "place:المشهد", False, False, None)}),
    ("وسيطرت هيئة تحرير الشام على قرى عدة بينها الحاكورة وقسطون.",
     {("hts", "CONTROLS", "place:الحاكورة", False, False, None),
      ("hts", "CONTROLS", "place:قسطون", False, False, None)}),
    # a verb after أن with a subject of its own, if unnamed, is not the speaker's
    ("وأفاد المرصد السوري لحقوق الإنسان بأن مسلحين مجهولين سيطروا على بلدة كفرنبل.", set()),
    # a circumstantial participle takes the subject of the verb before it
    ("وقال رجب طيب أردوغان إن العملية مستمرة، متهماً وحدات حماية الشعب بقصف المدنيين.",
     {("erdogan", "OPPOSES", "ypg", False, False, None)}),
    # demanding someone's withdrawal or fall
    ("ودعت تركيا إلى انسحاب قوات النظام من المنطقة.",
     {("turkey", "OPPOSES", "syria.gov", False, False, None)}),
    ("وطالبت روسيا الولايات المتحدة بسحب قواتها من سوريا.",
     {("russia", "OPPOSES", "usa", False, False, None)}),
    # a role with a possessive pronoun names the actor before it; a dual role is each
    # person's
    ("وأعلنت تركيا أن وزير خارجيتها مولود جاويش أوغلو سيصل إلى موسكو غدا.",
     {("cavusoglu", "MEMBER_OF", "turkey", False, False, None)}),
    ("وعقد الرئيسان فلاديمير بوتين ورجب طيب أردوغان قمة في سوتشي.",
     {("putin", "MEMBER_OF", "russia", False, False, None),
      ("erdogan", "MEMBER_OF", "turkey", False, False, None),
      ("putin", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
    # retaking and entering a town is taking it; a siege is an attack
    ("واستعادت قوات النظام بلدة كفرنبل بعد أسبوع من المعارك.",
     {("syria.gov", "CONTROLS", "place:كفرنبل", False, False, None)}),
    ("ودخلت فصائل المعارضة مدينة سراقب فجر اليوم.",
     {("opposition", "CONTROLS", "place:سراقب", False, False, None)}),
    ("وتحاصر قوات النظام بلدة كفرنبل منذ أشهر.",
     {("syria.gov", "ATTACKS", "place:كفرنبل", False, False, None)}),
    # an agreement reached is cooperation; its mediator talks with each party
    ("وتوصلت فصائل المعارضة، بوساطة روسية، إلى اتفاق مع قوات النظام.",
     {("opposition", "COOPERATES_WITH", "syria.gov", False, False, None),
      ("russia", "NEGOTIATES_WITH", "opposition", False, False, None),
      ("russia", "NEGOTIATES_WITH", "syria.gov", False, False, None)}),
    ("وبدأ تطبيق الاتفاق الذي توصلت إليه تركيا وروسيا.",
     {("turkey", "COOPERATES_WITH", "russia", False, False, None)}),
    # allied with (المتحالفة مع)
    ("وقال المتحدث إن الفصائل المتحالفة مع تركيا هاجمت قرية كفرنبل.",
     {("opposition", "ALLY_OF", "turkey", False, False, None),
      ("opposition", "ATTACKS", "place:كفرنبل", False, False, None)}),
    # في بيان says where it was said: the accused follows
    ("واتهمت قسد في بيان تركيا بقصف القرى.",
     {("sdf", "OPPOSES", "turkey", False, False, None)}),
    # a participle of saying (مضيفا أنه) has the speaker before it, who is the verb's subject
    ("وقال رجب طيب أردوغان إن الوضع صعب، مضيفاً أنه بحث الملف مع فلاديمير بوتين.",
     {("erdogan", "NEGOTIATES_WITH", "putin", False, False, "erdogan")}),
    # ب on a quantifier before the argument (بجميع الفصائل)
    ("وقال الكرملين إن روسيا على اتصال بجميع الفصائل.",
     {("russia", "NEGOTIATES_WITH", "opposition", False, False, None)}),
    # the antecedent of a relative clause is a place near which the main clause happens,
    # but a locative phrase right after places qualifies them
    ("واندلعت اشتباكات قرب بلدة كفرنبل، التي استعادتها قوات النظام أمس.",
     {("syria.gov", "CONTROLS", "place:كفرنبل", False, False, None)}),
    ("ونزحت عائلات من قريتي البارة وكنصفرة في ريف إدلب، اللتين تحاصرهما قوات النظام.",
     {("syria.gov", "ATTACKS", "place:البارة", False, False, None),
      ("syria.gov", "ATTACKS", "place:كنصفرة", False, False, None)}),
    # a nisba after a noun of an act or stance names its author; a feminine reporting
    # verb after a comma opens a clause of its own
    ("وانتقدت روسيا الخطوة الأمريكية، وقالت وحدات حماية الشعب إنها فوجئت.",
     {("russia", "OPPOSES", "usa", False, False, None)}),
    # a name shaped like a nisba after a verb is the name; a direct object further on
    # bears no ل; demanding that someone stop
    ("وطالبت السعودية خلال جلسة لمجلس الأمن روسيا بوقف الغارات.",
     {("saudi_arabia", "OPPOSES", "russia", False, False, None)}),
    # an aside between commas after في does not end the direct object; allies with a
    # pronoun are coordinated with the noun before and their nisba is licensed
    ("وحمّل رجب طيب أردوغان، في كلمة متلفزة، النظام وحلفاءه الإيرانيين مسؤولية التصعيد.",
     {("erdogan", "OPPOSES", "syria.gov", False, False, None),
      ("erdogan", "OPPOSES", "iran", False, False, None),
      ("syria.gov", "ALLY_OF", "iran", False, False, None)}),
    # لا تزال is no negation; entrenched in a place is holding it
    ("وتحاصر الفصائل بلدة كفرنبل التي لا تزال قوات النظام تتحصن فيها.",
     {("opposition", "ATTACKS", "place:كفرنبل", False, False, None),
      ("syria.gov", "CONTROLS", "place:كفرنبل", False, False, None)}),
    # a base attacked is its owner attacked too
    ("وأطلقت البحرية الأمريكية صواريخ على قاعدة الشعيرات الجوية التابعة للنظام.",
     {("usa", "ATTACKS", "place:الشعيرات", False, False, None),
      ("usa", "ATTACKS", "syria.gov", False, False, None)}),
    # an agent marker in the imperfect (يشنها)
    ("وتستمر الحملة العسكرية التي يشنها حزب الله على بلدة مضايا.",
     {("hezbollah", "ATTACKS", "place:مضايا", False, False, None)}),
    # a circumstantial participle of attacking
    ("وشنت الطائرات الروسية غارات على ريف إدلب، مستهدفة مقرات لهيئة تحرير الشام.",
     {("russia", "ATTACKS", "hts", False, False, None)}),
    # retaking a town from someone; cleansing a town of fighters; raising a flag over it
    ("واستعادت قوات النظام بلدة كفرنبل من هيئة تحرير الشام.",
     {("syria.gov", "CONTROLS", "place:كفرنبل", False, False, None),
      ("syria.gov", "ATTACKS", "hts", False, False, None)}),
    ("وطهرت قوات النظام بلدة كفرنبل من مسلحي هيئة تحرير الشام.",
     {("syria.gov", "CONTROLS", "place:كفرنبل", False, False, None),
      ("syria.gov", "ATTACKS", "hts", False, False, None)}),
    ("ورفعت قوات سوريا الديمقراطية رايتها على مدينة منبج.",
     {("sdf", "CONTROLS", "place:منبج", False, False, None)}),
    # the official idiom of a recapture, with backing for the clause's subject
    ("وأعادت قوات النظام، بإسناد جوي روسي، الأمن والاستقرار إلى مدينة منبج.",
     {("syria.gov", "CONTROLS", "place:منبج", False, False, None),
      ("russia", "SUPPORTS", "syria.gov", False, False, None)}),
    # welcoming an actor's act backs it; an agreement is no one's act
    ("ورحبت إيران بالمبادرة الروسية.", {("iran", "SUPPORTS", "russia", False, False, None)}),
    ("ورحبت تركيا بالاتفاق.", set()),
    # backed by, as an adverb (المدعومة تركياً)
    ("وهاجمت فصائل المعارضة المدعومة تركياً مواقع قسد.",
     {("turkey", "SUPPORTS", "opposition", False, False, None),
      ("opposition", "ATTACKS", "sdf", False, False, None)}),
    # the ally of the one a pronoun refers to, by its nisba or its capital
    ("وتعهدت روسيا بالدفاع عن حليفها السوري.", {("russia", "ALLY_OF", "syria.gov", False, False, None)}),
    ("وتعهدت تركيا بحماية حليفها في دمشق.", {("turkey", "ALLY_OF", "syria.gov", False, False, None)}),
    # a call received; a meeting of the one it brought with the other
    ("وتلقى رجب طيب أردوغان اتصالاً هاتفياً من فلاديمير بوتين.",
     {("erdogan", "NEGOTIATES_WITH", "putin", False, False, None)}),
    ("وتناول لقاء جمع فلاديمير بوتين برجب طيب أردوغان الوضع في الشمال.",
     {("putin", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
    # participles of threatening and of warning
    ("وقال رجب طيب أردوغان إن العملية مستمرة، متوعداً وحدات حماية الشعب بدفع الثمن.",
     {("erdogan", "THREATENS", "ypg", False, False, None)}),
    ("وقال فلاديمير بوتين إن الوضع خطير، محذراً تركيا من أي تصعيد.",
     {("putin", "OPPOSES", "turkey", False, False, None)}),
    # pledged allegiance to (المبايعة لـ); detaining
    ("وقاتلت جبهة النصرة المبايعة لتنظيم القاعدة ضد قوات النظام.",
     {("nusra", "PART_OF", "al_qaeda", False, False, None),
      ("nusra", "FIGHTS", "syria.gov", False, False, None)}),
    ("واحتجزت هيئة تحرير الشام عناصر من الجيش الوطني السوري.",
     {("hts", "ATTACKS", "sna", False, False, None)}),
    # R5: fighting alongside, the verb's subject between the verb and إلى جانب
    ("وحاربت خلال الأشهر الماضية مجموعات من حزب الله إلى جانب قوات النظام في ريف حلب.",
     {("hezbollah", "COOPERATES_WITH", "syria.gov", False, False, None)}),
    ("وأبدت هيئة تحرير الشام استعدادها للقتال إلى جانب الفصائل.",
     {("hts", "COOPERATES_WITH", "opposition", False, False, None)}),
    # إلى جانب without fighting is no cooperation (beside, in addition to)
    ("وفرضت الولايات المتحدة عقوبات على قوات النظام إلى جانب حزب الله.",
     {("usa", "OPPOSES", "syria.gov", False, False, None)}),
    # continuing to fight X and Y: both fought, not fighting each other
    ("وأكد القائد أن الفصائل ستواصل قتال هيئة تحرير الشام وجبهة النصرة حتى النهاية.",
     {("opposition", "FIGHTS", "hts", False, False, None),
      ("opposition", "FIGHTS", "nusra", False, False, None)}),
    # expelling a state's envoys opposes the state, for each of the states that expel
    ("وطردت بريطانيا وفرنسا والسعودية أمس الدبلوماسيين الإيرانيين احتجاجا على القصف.",
     {(s, "OPPOSES", "iran", False, False, None) for s in ("uk", "france", "saudi_arabia")}),
    ("وقررت تركيا طرد السفير الروسي من أراضيها.",
     {("turkey", "OPPOSES", "russia", False, False, None)}),
    # an aggression repelled (تصدت X لعدوان …) attacks the one who repels it; a chain of
    # nisbas after it names joint attackers, who cooperate
    ("وتصدت قوات النظام ليلا لعدوان ثلاثي أمريكي بريطاني فرنسي.",
     {(s, "ATTACKS", "syria.gov", False, False, None) for s in ("usa", "uk", "france")}
     | {("usa", "COOPERATES_WITH", "uk", False, False, None),
        ("usa", "COOPERATES_WITH", "france", False, False, None),
        ("uk", "COOPERATES_WITH", "france", False, False, None)}),
    # a meeting of those it includes; states after a plural role word and في are the
    # officials' states, parties (سوريا as a party is its state)
    ("وتستضيف بيروت غدا اجتماعا يضم وزراء النقل في الأردن وسوريا ولبنان.",
     {("jordan", "NEGOTIATES_WITH", "syria.gov", False, False, None),
      ("jordan", "NEGOTIATES_WITH", "lebanon", False, False, None),
      ("syria.gov", "NEGOTIATES_WITH", "lebanon", False, False, None)}),
    ("وعقدت قمة تضم رؤساء روسيا وتركيا وإيران.",
     {("russia", "NEGOTIATES_WITH", "turkey", False, False, None),
      ("russia", "NEGOTIATES_WITH", "iran", False, False, None),
      ("turkey", "NEGOTIATES_WITH", "iran", False, False, None)}),
    # ضم without a meeting before it is annexing, no talks
    ("وضمت روسيا شبه جزيرة القرم عام 2014.", set()),
    # a participle of denial negates the clause after أن
    ("وقال رجب طيب أردوغان إن العملية ناجحة، نافيا أن تكون قواته قد قصفت مدينة منبج.",
     {("erdogan", "ATTACKS", "place:منبج", True, False, "erdogan")}),
    # the act a relative clause describes is denied as its event noun is
    ("ونفت هيئة تحرير الشام أي علاقة لها بالتفجير الذي استهدف مواقع قسد.",
     {("hts", "ATTACKS", "sdf", True, False, "hts")}),
    # considering a group part of a banned one is an accusation; an extension alone is not
    ("وتقاتل تركيا وحدات حماية الشعب التي تعتبرها أنقرة امتدادا لحزب العمال الكردستاني المحظور.",
     {("turkey", "FIGHTS", "ypg", False, False, None), ("turkey", "OPPOSES", "ypg", False, False, None)}),
    ("ويعتبر حزب الله نفسه امتدادا للحرس الثوري الإيراني.", set()),
    # taking part in an attack: the participant attacks
    ("وأكد ناشطون مشاركة مئات من مقاتلي حزب الله في الهجوم على مدينة كفرنبل.",
     {("hezbollah", "ATTACKS", "place:كفرنبل", False, False, None)}),
    # the last pocket of a group: where it stands after في, or the places before it
    ("وتحاصر قسد آخر جيب لجبهة النصرة في بلدة كفرنبل.",
     {("sdf", "ATTACKS", "place:كفرنبل", False, False, None),
      ("nusra", "CONTROLS", "place:كفرنبل", False, False, None)}),
    ("وتقصف الطائرات الروسية قريتي البارة وكنصفرة في جبل الزاوية، آخر جيب لهيئة تحرير الشام.",
     {("russia", "ATTACKS", "place:البارة", False, False, None),
      ("russia", "ATTACKS", "place:كنصفرة", False, False, None),
      ("hts", "CONTROLS", "place:البارة", False, False, None),
      ("hts", "CONTROLS", "place:كنصفرة", False, False, None)}),
    # two towns held by (dual participle)
    ("ونزح الأهالي إلى بلدتي البارة وكنصفرة الخاضعتين لسيطرة هيئة تحرير الشام.",
     {("hts", "CONTROLS", "place:البارة", False, False, None),
      ("hts", "CONTROLS", "place:كنصفرة", False, False, None)}),
    # backing for the actor the clause opens with, where no trigger verb stands before
    ("وأعادت قوات النظام السيطرة على مدينة منبج بإسناد جوي من الطائرات الروسية.",
     {("syria.gov", "CONTROLS", "place:منبج", False, False, None),
      ("russia", "SUPPORTS", "syria.gov", False, False, None)}),
    # a relative clause after an antecedent that is no actor: the subject after the verb
    ("وتحدث الوزير عن القصف الذي تتهم فرنسا قوات النظام بتنفيذه.",
     {("france", "OPPOSES", "syria.gov", False, False, None)}),
    ("وأشار إلى المقاتلين الذين يهاجمون قوات النظام قرب حلب.", set()),
    # in coordination with: the accused coordinates; with no trigger verb, the subject of
    # the clause does, not the genitive of a noun before the phrase
    ("واتهمت تركيا قسد بالتنسيق مع النظام.",
     {("turkey", "OPPOSES", "sdf", False, False, None),
      ("sdf", "COOPERATES_WITH", "syria.gov", False, True, "turkey")}),
    ("وتعهدت فيه إيران بالتعاون مع روسيا في ملاحقة المسلحين.",
     {("iran", "COOPERATES_WITH", "russia", False, False, None)}),
    ("وقال المسؤول إن المرحلة المقبلة ستشهد ملاحقة عناصر هيئة تحرير الشام بالتنسيق مع تركيا.", set()),
    # an announced intention to use force is a threat, not an attack
    ("وأجلت تركيا العملية العسكرية التي كانت أنقرة تعتزم شنها ضد قسد شرق الفرات.",
     {("turkey", "THREATENS", "sdf", False, False, None)}),
    # places named among those spoken of (أحياء في مدينة X بينها Y وZ) join the list
    ("وقصفت قوات النظام أحياء في مدينة منبج بينها الشيخ مقصود والأشرفية.",
     {("syria.gov", "ATTACKS", f"place:{p}", False, False, None) for p in ("منبج", "الشيخ مقصود", "الأشرفية")}),
    # the outskirts after على are the place's, the target; after في they say where
    ("وشنت الطائرات الروسية غارات على أطراف مدينة سراقب.",
     {("russia", "ATTACKS", "place:سراقب", False, False, None)}),
    ("وقصفت الطائرات الروسية مواقع هيئة تحرير الشام في محيط مدينة سراقب.",
     {("russia", "ATTACKS", "hts", False, False, None)}),
    # rejecting what the actor the sentence opens with did or said (وهو ما رفضته X)
    ("واقترحت روسيا تمديد الهدنة شهرا، وهو ما رفضته واشنطن.",
     {("usa", "OPPOSES", "russia", False, False, None)}),
    ("وقال فلاديمير بوتين إن الطائرات قصفت مستودعا، وهي رواية رفضتها المعارضة.",
     {("opposition", "OPPOSES", "putin", False, False, None)}),
    ("وأعلنت هيئة تحرير الشام انسحابها من المفاوضات، في خطوة انتقدتها فصائل المعارضة.",
     {("opposition", "OPPOSES", "hts", False, False, None)}),
    # the possessive pronoun of a masdar after a preposition is its agent
    ("وأعلنت هيئة تحرير الشام بعد سيطرتها على مدينة سراقب أنها ستفتح الطريق.",
     {("hts", "CONTROLS", "place:سراقب", False, False, "hts")}),
    # holding a place (the proclitic on its toponym head); adhering to a stance is none
    ("ولا تزال قوات النظام تمسك بمدينة سراقب.",
     {("syria.gov", "CONTROLS", "place:سراقب", False, False, None)}),
    ("وتمسكت تركيا بموقفها الرافض للعملية.", set()),
    # forces present at a party's request back it; a meeting at a request is no backing
    ("وقال المسؤول إن القوات الروسية تنتشر في المنطقة بطلب من النظام.",
     {("russia", "SUPPORTS", "syria.gov", False, False, None)}),
    ("وعقد مجلس الأمن جلسة طارئة بطلب من فرنسا.", set()),
    # two persons of coordinated role phrases hold talks; who attends them talks with both
    ("وعقد الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان اجتماعا بحضور قاسم سليماني.",
     {("putin", "MEMBER_OF", "russia", False, False, None),
      ("erdogan", "MEMBER_OF", "turkey", False, False, None),
      ("putin", "NEGOTIATES_WITH", "erdogan", False, False, None),
      ("soleimani", "NEGOTIATES_WITH", "putin", False, False, None),
      ("soleimani", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
    # the nisba after the actor nouns of an attack noun's construct names its agent
    ("وأعلنت هيئة تحرير الشام مقتل عدد من عناصرها بغارات طائرات حربية روسية.",
     {("russia", "ATTACKS", "hts", False, False, "hts")}),
    # what is attacked belongs to the one it is affiliated to (مستودعات … تابعة لـX)
    ("وشنت الطائرات الروسية غارات على مستودعات ذخيرة ومعسكرات تدريب تابعة لهيئة تحرير الشام.",
     {("russia", "ATTACKS", "hts", False, False, None)}),
    # an attack noun as the subject after the verb: its agent attacks the object after it
    ("واستهدف هجوم بطائرات مسيرة تبنته هيئة تحرير الشام مواقع قوات النظام.",
     {("hts", "ATTACKS", "syria.gov", False, False, None)}),
    # the close ally, in apposition
    ("وهاجمت جبهة النصرة، الحليف الوثيق لتنظيم القاعدة، مواقع قسد.",
     {("nusra", "ALLY_OF", "al_qaeda", False, False, None),
      ("nusra", "ATTACKS", "sdf", False, False, None)}),
    # a masdar after the verb of a clause whose أن carries the speaker's pronoun is the
    # speaker's act; not where the clause has a subject of its own
    ("وأكدت إيران أنها ستواصل دعم حزب الله.",
     {("iran", "SUPPORTS", "hezbollah", False, False, "iran")}),
    ("وأكدت إيران أن الخطة تهدف إلى دعم حزب الله.", set()),
    # a participle after coordinated nouns describes the last, its pronoun the ones before
    ("وتقدمت القوات التركية والفصائل المتحالفة معها نحو مدينة منبج.",
     {("opposition", "ALLY_OF", "turkey", False, False, None)}),
    # the one fought is not the one backed; the masdar's pronoun is the clause subject's
    ("وأعلنت قسد السيطرة على مدينة منبج بعد معارك ضد جبهة النصرة بدعم من الولايات المتحدة.",
     {("sdf", "CONTROLS", "place:منبج", False, False, "sdf"),
      ("sdf", "FIGHTS", "nusra", False, False, "sdf"),
      ("usa", "SUPPORTS", "sdf", False, False, "sdf")}),
    # an apposition between commas is about the noun before it; the noun after it joins
    # that noun, not the apposition's genitive
    ("وقتل عدد من عناصر حزب الله، حليف النظام، وجبهة النصرة بغارات روسية.",
     {("hezbollah", "ALLY_OF", "syria.gov", False, False, None),
      ("russia", "ATTACKS", "hezbollah", False, False, None),
      ("russia", "ATTACKS", "nusra", False, False, None)}),
    # a suspended agreement no longer holds
    ("وأعلنت تركيا تعليق العمل بالاتفاق مع روسيا.",
     {("turkey", "COOPERATES_WITH", "russia", True, False, "turkey")}),
    # mutual accusations: each way; exchanging accusations is no exchange of fire
    ("وتصاعدت الاتهامات المتبادلة بين تركيا وقسد بخرق الهدنة.",
     {("turkey", "OPPOSES", "sdf", False, False, None), ("sdf", "OPPOSES", "turkey", False, False, None)}),
    ("وتبادلت روسيا والولايات المتحدة الاتهامات بعرقلة الحل.",
     {("russia", "OPPOSES", "usa", False, False, None), ("usa", "OPPOSES", "russia", False, False, None)}),
    # welcoming what an actor achieved backs it
    ("ورحبت تركيا بما حققه الجيش الوطني السوري في عفرين.",
     {("turkey", "SUPPORTS", "sna", False, False, None)}),
    # the subject of the relative clause before an agent marker is the event's agent
    ("وتوقفت الحملة التي كانت قوات النظام تشنها ضد هيئة تحرير الشام.",
     {("syria.gov", "ATTACKS", "hts", False, False, None)}),
    # the war on a group; the genitive of a governed masdar before a negation is its object
    ("وقال إن القوات الروسية العاملة في الحرب على جبهة النصرة ستبقى.",
     {("russia", "FIGHTS", "nusra", False, False, None)}),
    ("وتعهدت روسيا بمحاربة جبهة النصرة حتى النهاية.",
     {("russia", "FIGHTS", "nusra", False, False, None)}),
    # two sides set out with من جهة … من جهة أخرى: each side against the other only
    ("وتواصلت المعارك بين مقاتلي جبهة النصرة وهيئة تحرير الشام من جهة، وقوات النظام من جهة أخرى.",
     {("nusra", "FIGHTS", "syria.gov", False, False, None), ("hts", "FIGHTS", "syria.gov", False, False, None)}),
    # the sender after the shipment (أرسلتها X) is its agent, not the attacker before it
    ("وقصفت الطائرات الإسرائيلية شحنة أسلحة أرسلتها إيران إلى حزب الله.",
     {("iran", "SUPPLIES", "hezbollah", False, False, None)}),
    # the party that concluded an agreement, after it (اتفاق أبرمه X مع Y)
    ("وخرج المقاتلون تنفيذا لاتفاق أبرمته هيئة تحرير الشام مع تركيا.",
     {("hts", "COOPERATES_WITH", "turkey", False, False, None)}),
    # a vow to retaliate against any attack threatens the would-be attacker; لن تتردد
    # (will not hesitate) is no negation; ردا على (in response to) is no threat
    ("وأكد رجب طيب أردوغان أن تركيا لن تتردد في الرد على أي هجوم تشنه قوات النظام.",
     {("turkey", "THREATENS", "syria.gov", False, False, "erdogan")}),
    ("وقالت إيران إنها سترد على أي اعتداء من جانب الولايات المتحدة.",
     {("iran", "THREATENS", "usa", False, False, "iran")}),
    ("وقصفت تركيا مواقع قسد ردا على هجوم استهدف قاعدة لها.",
     {("turkey", "ATTACKS", "sdf", False, False, None)}),
    # who will face the consequences or pay the price is threatened by the speaker
    ("وقال فلاديمير بوتين إن هيئة تحرير الشام ستدفع الثمن إذا هاجمت القاعدة.",
     {("putin", "THREATENS", "hts", False, False, None)}),
    # concern about an actor's act criticizes the actor; about a situation, no one
    ("وأبدت تركيا قلقها من سيطرة وحدات حماية الشعب على مدينة منبج.",
     {("turkey", "OPPOSES", "ypg", False, False, None),
      ("ypg", "CONTROLS", "place:منبج", False, False, None)}),
    ("وأعربت روسيا عن قلقها من تدهور الوضع الإنساني في مدينة إدلب.", set()),
    # no backing of a state by its own president (a person and the state they act for)
    ("وقال الكرملين إن القوات الروسية تنتشر في المنطقة بطلب من الرئيس الروسي فلاديمير بوتين.",
     {("putin", "MEMBER_OF", "russia", False, False, None)}),
    # who calls a state's presence an occupation opposes it; a media outlet is no party
    ("وقال رجب طيب أردوغان إن المنطقة تعاني من الاحتلال الأمريكي.",
     {("erdogan", "OPPOSES", "usa", False, False, None)}),
    ("ونقلت الأناضول أن قوات الاحتلال الأمريكي انسحبت.", set()),
    # an aside's group noun (وهي تحالف فصائل …) stands for the named actor it describes
    ("وكانت هيئة تحرير الشام، وهي تحالف فصائل مدعومة من تركيا، قد هاجمت مواقع قسد.",
     {("turkey", "SUPPORTS", "hts", False, False, None), ("hts", "ATTACKS", "sdf", False, False, None)}),
    # a participle of accusation opening its clause hedges what it accuses of
    ("وقال فلاديمير بوتين إن الوضع خطير، متهما تركيا بتقديم الدعم للفصائل.",
     {("putin", "OPPOSES", "turkey", False, False, None),
      ("turkey", "SUPPORTS", "opposition", False, True, "putin")}),
    # a place where officials meet is no party (اجتمع مسؤولون في الأردن)
    ("والتقى فلاديمير بوتين رجب طيب أردوغان في الأردن.",
     {("putin", "NEGOTIATES_WITH", "erdogan", False, False, None)}),
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


def test_threatened_action_is_conditional_the_threat_asserted():
    found = {s.predicate: s for s in extract("ولوحت تركيا بشن عملية عسكرية ضد وحدات حماية الشعب.")}
    assert set(found) == {"THREATENS", "ATTACKS"}
    assert (found["THREATENS"].subject, found["THREATENS"].object) == ("turkey", "ypg")
    assert found["THREATENS"].modality is None and found["ATTACKS"].modality == "conditional"


def test_offsets_survive_diacritics_and_tatweel():
    text = "قَصَفَتْ الطائرات الروسية مدينــة حلب."
    (st,) = extract(text)
    assert st.object == "place:حلب"
    assert text[st.start : st.end] == st.evidence


def test_role_finder_org_where_the_phrase_walk_fails():
    """After a parenthesis or a rank the phrase walk stops; the role finder's org holds."""
    text = "وقال المتحدث باسم الخارجية التركية (الوزارة) العقيد كمال أوزتورك إن المحادثات مستمرة."
    doc = Document("t", text, date="2020-03-01")
    analyzed = analyze(doc)
    org = text.index("التركية")
    person = text.index("كمال")
    mentions = [
        Mention(org, org + len("التركية"), "التركية", "ACTOR", "test", 0, actor="turkey", form="nisba"),
        Mention(person, person + len("كمال أوزتورك"), "كمال أوزتورك", "PER", "role", 0,
                actor="kemal_ozturk", form="role", role="المتحدث باسم", org="turkey"),
    ]
    (st,) = extract_statements(analyzed, mentions, ACTORS, RULES)
    assert (st.subject, st.predicate, st.object) == ("kemal_ozturk", "MEMBER_OF", "turkey")


def test_statements_name_an_actor_by_its_fullest_name_in_the_document():
    text = "وقال عبد الله أوجلان إن الحل سياسي. واتهم أوجلان تركيا بقصف القرى."
    analyzed = analyze(Document("t", text, date="2020-03-01"))
    full, short, state = text.index("عبد الله"), text.rindex("أوجلان"), text.index("تركيا")
    mentions = [
        Mention(full, full + len("عبد الله أوجلان"), "عبد الله أوجلان", "PER", "test", 0, actor="ocalan"),
        Mention(short, short + len("أوجلان"), "أوجلان", "PER", "test", 1, actor="ocalan"),
        Mention(state, state + len("تركيا"), "تركيا", "ACTOR", "test", 1, actor="turkey", form="name"),
    ]
    (st,) = extract_statements(analyzed, mentions, ACTORS, RULES)
    assert (st.subject, st.predicate, st.object, st.s_name) == ("ocalan", "OPPOSES", "turkey", "عبد الله أوجلان")


def test_statements_name_an_actor_by_its_gazetteer_name_when_written_or_named_by_nisba_only():
    """بأبي محمد الجولاني: the kunya in any case is the gazetteer's name; التركية alone: تركيا."""
    statements = extract("وقال أحمد الشرع، المعروف بأبي محمد الجولاني، إن الحل سياسي. "
                         "واتهم الجولاني القوات التركية بقصف القرى.")
    assert [(s.subject, s.predicate, s.object, s.s_name, s.o_name) for s in statements] == [
        ("jolani", "OPPOSES", "turkey", "أبو محمد الجولاني", "تركيا")]


def test_role_finder_unit_within_the_phrase_org():
    """وزير الدفاع الروسي: the ministry the role finder read, which is part of the state."""
    text = "وقال وزير الدفاع الروسي سيرغي شويغو إن العملية انتهت."
    analyzed = analyze(Document("t", text, date="2020-03-01"))
    nisba, person = text.index("الروسي"), text.index("سيرغي")
    actors = ACTORS | {"russia.mod": Actor("russia.mod", "Government", "وزارة الدفاع الروسية", parent="russia")}
    mentions = [
        Mention(nisba, nisba + len("الروسي"), "الروسي", "ACTOR", "test", 0, actor="russia", form="nisba"),
        Mention(person, person + len("سيرغي شويغو"), "سيرغي شويغو", "PER", "role", 0,
                actor="shoigu", form="role", role="وزير الدفاع", org="russia.mod"),
    ]
    (st,) = extract_statements(analyzed, mentions, actors, RULES)
    assert (st.subject, st.predicate, st.object) == ("shoigu", "MEMBER_OF", "russia.mod")


def test_no_mentions_no_statements():
    assert extract("قصفت الطائرات مدينة بعيدة.") == []


def test_ids_are_stable():
    text = "قصفت الطائرات الروسية مدينة حلب أمس."
    assert [s.id for s in extract(text)] == [s.id for s in extract(text)]
