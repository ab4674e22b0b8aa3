"""A tiny hand-made Extraction shared by the store, query and Neo4j tests.

Four short Arabic reports written for these tests (not taken from any article); the
answers the canned queries must give on it are computed by hand in tests/test_queries.py.
"""
from kg.model import Actor, Document, Extraction, LinkedMention, Role, Statement

ACTORS = [
    Actor(id="russia", type="Country", name_ar="روسيا", name_en="Russia", metonyms_ar=("موسكو",)),
    Actor(id="russia.mod", type="Government", name_ar="وزارة الدفاع الروسية",
          name_en="Russian Ministry of Defence", parent="russia", parent_rel="PART_OF"),
    Actor(id="putin", type="Person", name_ar="فلاديمير بوتين", name_en="Vladimir Putin",
          aliases_ar=("بوتين",), roles=(Role(org="russia", title_en="President",
                                             title_ar="الرئيس", start="2012-05-07"),)),
    Actor(id="turkey", type="Country", name_ar="تركيا", name_en="Turkey"),
    Actor(id="iran", type="Country", name_ar="إيران", name_en="Iran"),
    Actor(id="syria.gov", type="Government", name_ar="النظام السوري", name_en="Syrian government"),
    Actor(id="hts", type="ArmedGroup", name_ar="هيئة تحرير الشام", name_en="Hayat Tahrir al-Sham",
          aliases_en=("HTS",)),
    Actor(id="sdf", type="ArmedGroup", name_ar="قوات سوريا الديمقراطية",
          name_en="Syrian Democratic Forces", acronyms_ar=("قسد",)),
]

DOCUMENTS = [
    Document(id="d1", text="", date="2019-03-10", source="وكالة الشام", title="لقاء في أنقرة"),
    Document(id="d2", text="", date="2019-09-02", source="وكالة الشام", title="شحنة أسلحة"),
    Document(id="d3", text="", date="2020-02-15", source="صحيفة الفرات", title="تصعيد في الشمال"),
    Document(id="d4", text="", date="2020-03-05", source="صحيفة الفرات", title="اشتباكات"),
]

_NAMES = {a.id: a.name_ar for a in ACTORS} | {"place:إدلب": "إدلب"}


def st(doc, sentence, s, p, o, date, evidence, trigger, precision="day", **flags) -> Statement:
    return Statement(doc=doc, subject=s, predicate=p, object=o, s_name=_NAMES[s], o_name=_NAMES[o],
                     sentence=sentence, start=sentence * 100, end=sentence * 100 + len(evidence),
                     evidence=evidence, trigger=trigger, date=date, date_precision=precision,
                     date_source="sentence", confidence=0.8, **flags)


STATEMENTS = [
    st("d1", 0, "russia", "SUPPORTS", "syria.gov", "2019-03-10", "أكدت روسيا دعمها الكامل للنظام السوري", "دعم"),
    st("d1", 1, "turkey", "ATTACKS", "sdf", "2019-03", "قصفت المدفعية التركية مواقع قسد", "قصف", "month"),
    st("d1", 2, "russia", "COOPERATES_WITH", "turkey", "2019-03-10", "نسقت موسكو وأنقرة دورية مشتركة", "نسق"),
    st("d2", 0, "iran", "SUPPLIES", "syria.gov", "2019-09-02", "أرسلت إيران شحنة صواريخ إلى النظام السوري", "شحنة"),
    st("d2", 1, "russia", "NEGOTIATES_WITH", "turkey", "2019-09-01", "بحث بوتين مع أنقرة الوضع في الشمال", "بحث"),
    st("d2", 2, "turkey", "SUPPORTS", "hts", "2019-09-02", "نفت تركيا دعم هيئة تحرير الشام", "دعم", negated=True),
    st("d3", 0, "russia", "ATTACKS", "hts", "2020-02-15", "شنت الطائرات الروسية غارات على هيئة تحرير الشام", "غارات"),
    st("d3", 1, "turkey", "THREATENS", "syria.gov", "2020-02-14", "هددت أنقرة النظام السوري برد قاس", "هدد"),
    st("d3", 2, "russia", "OPPOSES", "turkey", "2020-02-15", "انتقدت موسكو التعزيزات التركية", "انتقد"),
    st("d3", 3, "syria.gov", "ATTACKS", "place:إدلب", "2020-02-15", "قصفت قوات النظام ريف إدلب", "قصف"),
    st("d4", 0, "russia", "ATTACKS", "place:إدلب", "2020-03-05", "يعتقد أن طائرات روسية قصفت إدلب", "قصف", hedged=True),
    st("d4", 1, "turkey", "FIGHTS", "syria.gov", "2020-03-05", "اشتبكت القوات التركية مع قوات النظام", "اشتبك"),
    st("d4", 2, "russia", "ATTACKS", "hts", "2020-03", "واصلت روسيا قصف مواقع الهيئة", "قصف", "month"),
    st("d4", 3, "iran", "ATTACKS", "hts", "2020-03-05", "هاجمت ميليشيات إيران مواقع الهيئة", "هاجم"),
]

MENTIONS = [
    LinkedMention(doc=s.doc, actor=a, name=_NAMES[a], start=s.start, end=s.start + 5,
                  sentence=s.sentence, finder="gazetteer")
    for s in STATEMENTS for a in (s.subject, s.object) if not a.startswith("place:")
]


def extraction() -> Extraction:
    """A fresh copy of the fixture (lists may be changed by a test)."""
    return Extraction(documents=list(DOCUMENTS), actors=list(ACTORS), mentions=list(MENTIONS),
                      statements=list(STATEMENTS))
