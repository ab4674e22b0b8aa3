"""A tiny hand-made extraction with known answers, shared by the graph, RDF, plot and
CLI tests. The Arabic sentences are written for these tests.

Asserted pair scores (sum of predicate weights):
  2019: russia–syria.gov +0.8, iran–syria.gov +0.8, russia–turkey +0.6,
        opposition–turkey +0.8, opposition–russia −1.0, opposition–syria.gov −1.0
  2020: syria.gov–turkey −0.9, russia–turkey +0.3 (2020-02), russia–usa −0.4 (year only)
Left out of scores: iran ALLY_OF turkey (negated), usa SUPPLIES opposition (hedged),
putin MEMBER_OF russia (weight 0), russia ATTACKS place:إدلب (a place).
"""
from __future__ import annotations

from kg.model import Actor, Document, Extraction, LinkedMention, Statement

__all__ = ["tiny_extraction"]


def _st(doc, s, p, o, date, evidence, trigger, **flags):
    names = {
        "russia": "روسيا", "syria.gov": "النظام السوري", "iran": "إيران", "turkey": "تركيا",
        "opposition": "المعارضة", "usa": "الولايات المتحدة", "putin": "فلاديمير بوتين",
        "place:إدلب": "إدلب",
    }
    sentence = flags.pop("sentence", 0)
    return Statement(
        doc=doc, subject=s, predicate=p, object=o, s_name=names[s], o_name=names[o],
        sentence=sentence, start=10 * sentence, end=10 * sentence + len(evidence),
        evidence=evidence, trigger=trigger, date=date,
        date_precision={10: "day", 7: "month", 4: "year"}[len(date)], **flags,
    )


def tiny_extraction() -> Extraction:
    """Three documents, 13 statements, 8 actors and one place."""
    documents = [
        Document(id="d1", text="", date="2019-03-10", source="وكالة المثال",
                 url="https://news.example.org/d1", title="دعم روسي وإيراني لدمشق"),
        Document(id="d2", text="", date="2019-07-02", source="وكالة المثال",
                 url="https://news.example.org/d2", title="دوريات وغارات في الشمال"),
        Document(id="d3", text="", date="2020-02-15", source="نشرة الاختبار"),
    ]
    actors = [
        Actor("russia", "Country", "روسيا", "Russia", wikidata="Q159"),
        Actor("turkey", "Country", "تركيا", "Turkey", wikidata="Q43"),
        Actor("iran", "Country", "إيران", "Iran", wikidata="Q794"),
        Actor("usa", "Country", "الولايات المتحدة", "United States", wikidata="Q30"),
        Actor("syria.gov", "Government", "النظام السوري", "Syrian government"),
        Actor("opposition", "ArmedGroup", "المعارضة", "Syrian opposition"),
        Actor("putin", "Person", "فلاديمير بوتين", "Vladimir Putin", wikidata="Q7747"),
        Actor("anadolu", "Media", "الأناضول", "Anadolu Agency", wikidata="Q379281"),
    ]
    statements = [
        _st("d1", "russia", "SUPPORTS", "syria.gov", "2019-03-10",
            "أكدت روسيا دعمها الكامل للحكومة السورية في حربها على الإرهاب.", "دعمها"),
        _st("d1", "iran", "SUPPLIES", "syria.gov", "2019-03",
            "وصلت شحنة صواريخ إيرانية جديدة إلى دمشق هذا الشهر.", "شحنة", sentence=1),
        _st("d2", "russia", "COOPERATES_WITH", "turkey", "2019-07-01",
            "سيّرت القوات الروسية والتركية دورية مشتركة قرب الحدود.", "دورية مشتركة"),
        _st("d2", "turkey", "SUPPORTS", "opposition", "2019-07",
            "جددت أنقرة دعمها لفصائل المعارضة في الشمال.", "دعمها", sentence=1,
            reported_by="anadolu"),
        _st("d2", "russia", "ATTACKS", "opposition", "2019-07-01",
            "قصفت الطائرات الروسية مواقع للفصائل المعارضة في ريف إدلب.", "قصفت", sentence=2),
        _st("d2", "russia", "ATTACKS", "place:إدلب", "2019-07-01",
            "قصفت الطائرات الروسية مواقع للفصائل المعارضة في ريف إدلب.", "قصفت", sentence=2),
        _st("d2", "syria.gov", "ATTACKS", "opposition", "2019-07-02",
            "استهدفت مدفعية النظام نقاط المعارضة فجر اليوم.", "استهدفت", sentence=3),
        _st("d3", "turkey", "FIGHTS", "syria.gov", "2020-02",
            "اندلعت اشتباكات عنيفة بين الجيش التركي وقوات النظام.", "اشتباكات"),
        _st("d3", "russia", "NEGOTIATES_WITH", "turkey", "2020-02-14",
            "بحث وفد روسي مع مسؤولين أتراك في أنقرة التهدئة في الشمال.", "بحث", sentence=1),
        _st("d3", "usa", "OPPOSES", "russia", "2020",
            "انتقدت واشنطن الدور الروسي في سوريا خلال العام.", "انتقدت", sentence=2),
        _st("d3", "iran", "ALLY_OF", "turkey", "2020-02",
            "نفت طهران وجود أي تحالف مع أنقرة.", "تحالف", sentence=3, negated=True),
        _st("d3", "usa", "SUPPLIES", "opposition", "2020-02",
            "يُعتقد أن واشنطن أرسلت أسلحة إلى فصائل معارضة.", "أرسلت", sentence=4, hedged=True),
        _st("d3", "putin", "MEMBER_OF", "russia", "2020-02-14",
            "قال الرئيس الروسي فلاديمير بوتين إن التهدئة ممكنة.", "الرئيس", sentence=5),
    ]
    mentions = [
        LinkedMention("d1", "russia", "روسيا", 5, 10, 0, "gazetteer"),
        LinkedMention("d2", "turkey", "أنقرة", 5, 10, 1, "gazetteer"),
        LinkedMention("d2", "place:إدلب", "إدلب", 50, 54, 2, "gazetteer"),
    ]
    return Extraction(documents=documents, actors=actors, mentions=mentions, statements=statements)
