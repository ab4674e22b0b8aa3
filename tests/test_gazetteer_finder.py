from kg.link import link_mentions, merge_mentions, mint_actor_id, name_index
from kg.model import Actor, Document, Mention
from kg.ner.gazetteer import GazetteerMentionFinder, nisba_forms, proclitic_stems
from kg.text import analyze

ACTORS = {
    a.id: a
    for a in [
        Actor("russia", "Country", "روسيا", "Russia", aliases_ar=("الروس",), nisba_ar=("روسي",),
              metonyms_ar=("موسكو", "الكرملين")),
        Actor("russia.mod", "Government", "وزارة الدفاع الروسية", parent="russia",
              parent_rel="PART_OF"),
        Actor("syria.gov", "Government", "النظام السوري",
              aliases_ar=("قوات الأسد", "الجيش السوري", "النظام"), metonyms_ar=("دمشق",)),
        Actor("sdf", "ArmedGroup", "قوات سوريا الديمقراطية", acronyms_ar=("قسد",)),
        Actor("lavrov", "Person", "سيرغي لافروف", parent="russia", parent_rel="MEMBER_OF"),
        Actor("asharq_al_awsat", "Media", "الشرق الأوسط", requires_context_ar=("صحيفة",)),
        Actor("rt", "Media", "روسيا اليوم", aliases_en=("RT",)),
    ]
}


def _find(text, places=None):
    doc = Document("t", text)
    found = GazetteerMentionFinder(ACTORS, places).find(analyze(doc))
    for m in found:
        assert doc.text[m.start:m.end] == m.text
    return [(m.text, m.actor, m.form, m.label) for m in found]


def test_clitics_nisba_metonym_longest_match():
    got = _find("وقالت وزارة الدفاع الروسية إن الطائرات الروسية وموسكو ولقوات سوريا الديمقراطية.")
    assert ("وزارة الدفاع الروسية", "russia.mod", "name", "ACTOR") in got
    assert ("الروسية", "russia", "nisba", "ACTOR") in got
    assert ("موسكو", "russia", "metonym", "ACTOR") in got
    assert ("قوات سوريا الديمقراطية", "sdf", "name", "ACTOR") in got
    assert len(got) == 4  # وزارة الدفاع الروسية is one mention, not also a nisba


def test_a_dash_between_the_words_of_a_name():
    got = _find("وقالت «قوات سوريا – الديمقراطية» إن الهجوم صد، ثم انسحب المهاجمون.")
    assert got == [("قوات سوريا – الديمقراطية", "sdf", "name", "ACTOR")]
    # a dash after a name is no part of it
    got = _find("وأعلنت وزارة الدفاع الروسية - في بيان - أن الدورية عادت.")
    assert got == [("وزارة الدفاع الروسية", "russia.mod", "name", "ACTOR")]


def test_quotes_inside_a_name_and_a_kunya_in_every_case():
    actors = {a.id: a for a in [
        Actor("tv", "Media", "قناة النهار"),
        Actor("council", "Organization", "المجلس المحلي في حلب", aliases_ar=("المجلس المحلي",)),
        Actor("abu_ali", "Person", "أبو علي الشامي"),
    ]}

    def find(text):
        return [(m.text, m.actor) for m in GazetteerMentionFinder(actors).find(analyze(Document("t", text)))]

    # a quote opened inside the name, closed after it, belongs to the mention
    assert find("وقالت قناة «النهار» إن الطريق مغلق.") == [("قناة «النهار»", "tv")]
    # a quoted name ends at its closing quote: what follows it is no part of it
    assert find("وقال «المجلس المحلي» في حلب إن الطريق مغلق.") == [("المجلس المحلي", "council")]
    # أبو in the genitive (بأبي) and the accusative (أبا)
    assert find("وقتل المعروف بأبي علي الشامي.") == [("أبي علي الشامي", "abu_ali")]
    assert find("إن أبا علي الشامي قتل.") == [("أبا علي الشامي", "abu_ali")]


def test_nisba_inflections_and_broken_plural():
    got = _find("المستشارون الروسيون والخبراء الروس وللروسيتين والقوات الروسيّة")
    assert [g[1] for g in got] == ["russia"] * 4


def test_capital_as_place_after_locative():
    got = _find("وصل الوفد إلى دمشق، وقالت دمشق إنها ترفض. وهبطت الطائرة بدمشق")
    assert got[0][1:] == ("place:دمشق", "metonym", "PLACE")
    assert got[1][1:] == ("syria.gov", "metonym", "ACTOR")
    assert got[2][3] == "PLACE"


def test_context_required_and_acronym_and_latin():
    assert _find("حلفاء إيران في الشرق الأوسط") == []
    got = _find('نقلت صحيفة الشرق الأوسط وقناة "RT" عن قسد')
    assert [g[1] for g in got] == ["asharq_al_awsat", "rt", "sdf"]


def test_places():
    got = _find("قصفت قوات الأسد بلدة كفرنبل ومدينة إدلب", {"place:إدلب": ["إدلب", "ادلب"]})
    assert ("قوات الأسد", "syria.gov", "alias", "ACTOR") in got
    assert ("إدلب", "place:إدلب", "name", "PLACE") in got


def test_helpers():
    assert nisba_forms("تركي")[1] == "تركيه"
    assert ("روسيا", "ل") in proclitic_stems("لروسيا")


def test_merge_and_link_mint_unknown_people():
    doc = Document("t", "قال الناطق ناجي مصطفى إن سيرغي لافروف وصل")
    gaz = GazetteerMentionFinder(ACTORS).find(analyze(doc))
    role = Mention(doc.text.index("سيرغي"), doc.text.index("سيرغي") + len("سيرغي لافروف"),
                   "سيرغي لافروف", "PER", "role", 0, form="role", role="وزير", org="russia")
    ner = [
        Mention(doc.text.index("ناجي"), doc.text.index("ناجي") + 9, "ناجي مصطفى", "PER", "stanza", 0, form="ner"),
        Mention(doc.text.index("سيرغي"), doc.text.index("سيرغي") + 5, "سيرغي", "PER", "stanza", 0, form="ner"),
    ]
    merged = merge_mentions(gaz + [role] + ner)
    assert [(m.text, m.finder) for m in merged] == [("ناجي مصطفى", "stanza"), ("سيرغي لافروف", "role")]
    assert merged[1].actor == "lavrov" and merged[1].role == "وزير"
    linked, minted = link_mentions(merged, name_index(ACTORS))
    assert linked[0].actor == mint_actor_id("ناجي مصطفى") and minted[0].type == "Person"
    assert minted[0].discovered and minted[0].name_ar == "ناجي مصطفى"


def test_a_place_written_with_the_article_needs_it():
    places = {"place:الحسكة": ["الحسكة"], "place:الدانا": ["الدانا"]}
    got = _find("وقال الناطق بروسك حسكة إن القصف طال الحسكة والدانا وقالت دانا إنها بخير", places)
    assert [(g[0], g[1]) for g in got] == [("الحسكة", "place:الحسكة"), ("الدانا", "place:الدانا")]


def test_a_territory_after_an_office_word_is_its_state():
    actors = ACTORS | {"syria": Actor("syria", "Country", "سوريا", territory=True)}
    finder = GazetteerMentionFinder(actors, state_words=["مندوب", "سفير"])
    doc = Document("t", "وقال مندوب سوريا إن الغارات على سوريا مستمرة، وسفير سوريا غادر.")
    got = [(m.text, m.actor, m.label) for m in finder.find(analyze(doc))]
    assert got == [("سوريا", "syria.gov", "ACTOR"), ("سوريا", "place:سوريا", "PLACE"),
                   ("سوريا", "syria.gov", "ACTOR")]
    # by default the office words come from the role lexicon (وزير خارجية سوريا)
    doc = Document("t", "واستقبل الوزير وزير خارجية سوريا في موسكو.")
    got = [(m.text, m.actor) for m in GazetteerMentionFinder(actors).find(analyze(doc))]
    assert got[0] == ("سوريا", "syria.gov")


def test_a_capital_in_the_dateline_is_a_place():
    got = _find("موسكو (أ ف ب) - قالت موسكو إنها سترد.")
    assert got[0][1:] == ("place:موسكو", "metonym", "PLACE")
    assert got[1][1:] == ("russia", "metonym", "ACTOR")
    got = _find("دمشق/موسكو (وكالات) - أعلن الكرملين أن الاتصال جرى.")
    assert [g[1] for g in got] == ["place:دمشق", "place:موسكو", "russia"]
    assert _find("موسكو تحذر أنقرة.")[0][1] == "russia"


def test_a_list_of_countries_after_min_names_the_states():
    actors = ACTORS | {
        "jordan": Actor("jordan", "Country", "الأردن"),
        "uae": Actor("uae", "Country", "الإمارات"),
        "turkey": Actor("turkey", "Country", "تركيا"),
    }
    finder = GazetteerMentionFinder(actors)
    doc = Document("t", "وشاركت طائرات من الإمارات والأردن في الغارات، ووصل لاجئون من تركيا.")
    got = [(m.text, m.actor) for m in finder.find(analyze(doc))]
    assert got == [("الإمارات", "uae"), ("الأردن", "jordan"), ("تركيا", "place:تركيا")]


def test_statistical_mentions_with_a_non_name_word_are_no_actors():
    from kg.pipeline import _non_name_words

    text = "التقى رائد جبر في نيسان وفدا قال إنه"
    def ner(words, label="PER"):
        start = text.index(words)
        return Mention(start, start + len(words), words, label, "stanza", 0, form="ner")

    mentions = [ner("رائد جبر"), ner("في نيسان"), ner("وفدا قال", "ORG")]
    linked, minted = link_mentions(mentions, name_index(ACTORS), _non_name_words())
    # a month name and a reporting verb are misreadings of the tagger, not new actors
    assert [m.text for m in linked] == ["رائد جبر"]
    assert [a.name_ar for a in minted] == ["رائد جبر"]
    # without the word list every statistical name becomes an actor
    assert len(link_mentions(mentions, name_index(ACTORS))[1]) == 3


def test_a_one_word_statistical_name_is_the_person_named_in_full_or_nobody():
    text = "وصل الجنرال يوان خسروي أمس، وقال خسروي إن بري وافق، وانتقدت الجامعة القرار."

    def ner(words, label="PER"):
        start = text.index(words)
        return Mention(start, start + len(words), words, label, "stanza", 0, form="ner")

    mentions = [ner("يوان خسروي"), ner("خسروي"), ner("بري"), ner("الجامعة", "ORG")]
    linked, minted = link_mentions(mentions, name_index(ACTORS))
    assert [a.name_ar for a in minted] == ["يوان خسروي"]
    # خسروي is the person named before; بري names nobody of the text, الجامعة is a word
    assert [(m.text, m.actor) for m in linked] == [("يوان خسروي", minted[0].id), ("خسروي", minted[0].id)]
