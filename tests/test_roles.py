"""Role + name patterns on sentences written for these tests."""
import json

import pytest

from kg.gazetteer import GazetteerError, load_gazetteer, load_places
from kg.link import link_mentions, merge_mentions, name_index
from kg.model import Document
from kg.ner.gazetteer import GazetteerMentionFinder
from kg.ner.roles import RoleMentionFinder, load_roles
from kg.text import analyze


@pytest.fixture(scope="module")
def actors():
    return load_gazetteer()


@pytest.fixture(scope="module")
def finder(actors):
    places = {p.id: (p.name_ar, *p.aliases_ar) for p in load_places()}
    return RoleMentionFinder(GazetteerMentionFinder(actors, places), actors)


def _find(finder, text):
    doc = Document("t", text)
    found = finder.find(analyze(doc))
    for m in found:
        assert doc.text[m.start:m.end] == m.text
        assert (m.label, m.finder, m.form) == ("PER", "role", "role")
    return [(m.text, m.role, m.org, m.actor) for m in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        # known people: role + nisba, role + organization, counterpart
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر.",
         [("سيرغي لافروف", "وزير الخارجية", "russia", "lavrov")]),
        # the organ the role heads, where the gazetteer has one (russia.mod), else the state
        ("وأعلن وزير الدفاع الروسي سيرغي شويغو ونظيره التركي خلوصي أكار اتفاقا.",
         [("سيرغي شويغو", "وزير الدفاع", "russia.mod", "shoigu"),
          ("خلوصي أكار", "نظيره", "turkey", "akar")]),
        ("والتقى الرئيس التركي رجب طيب أردوغان نظيره الإيراني حسن روحاني في طهران.",
         [("رجب طيب أردوغان", "الرئيس", "turkey", "erdogan"),
          ("حسن روحاني", "نظيره", "iran", "rouhani")]),
        ("وصرح المتحدث باسم الكرملين دميتري بيسكوف للصحفيين بأن الاتصال جرى.",
         [("دميتري بيسكوف", "المتحدث باسم", "russia", "peskov")]),
        ("وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن الاتهامات باطلة.",
         [("ماريا زاخاروفا", "المتحدثة باسم", "russia", "zakharova")]),
        ("وأكد الرئيس الأمريكي السابق باراك أوباما أن الحل سياسي.",
         [("باراك أوباما", "الرئيس", "usa", "obama")]),
        ("وقال المبعوث الأممي الخاص إلى سوريا غير بيدرسن إن الجولة انتهت.",
         [("غير بيدرسن", "المبعوث الأممي الخاص", "un", "pedersen")]),
        ("وقال وزير الخارجية والمغتربين فيصل المقداد إن بلاده ترفض الشروط.",
         [("فيصل المقداد", "وزير الخارجية والمغتربين", "syria.gov", "faisal_mekdad")]),
        ("وأكد العاهل الأردني الملك عبد الله الثاني دعم الحل.",
         [("الملك عبد الله الثاني", "العاهل", "jordan", "king_abdullah_ii")]),
        # people the gazetteer does not know: the name ends at a particle, a verb or a
        # family name with the article
        ("أعلن الناطق الرسمي باسم الجبهة الوطنية للتحرير مازن الخطيب أن الهجوم صُدّ.",
         [("مازن الخطيب", "الناطق الرسمي باسم", "nlf", None)]),
        ("وقال قائد جيش العزة العقيد سامر الحلبي مقتل ثلاثة عناصر.",
         [("سامر الحلبي", "قائد", "jaysh_al_izza", None)]),
        ("وقال القائد العسكري في جيش الإسلام أبو همام الدوماني لوكالة الأناضول إن المعركة بدأت.",
         [("أبو همام الدوماني", "القائد العسكري في", "jaysh_al_islam", None)]),
        ("ونقلت الوكالة عن المتحدث باسم قسد رامز شيخو قوله إن الهجوم فشل.",
         [("رامز شيخو", "المتحدث باسم", "sdf", None)]),
        ("وقال السفير الروسي في دمشق ألكسندر كوزنيتسوف إن العلاقات متينة.",
         [("ألكسندر كوزنيتسوف", "السفير", "russia", None)]),
        ("وقال قائد فصيل جيش العزة، وائل عبد الكريم حسون، إن الجبهة هادئة.",
         [("وائل عبد الكريم حسون", "قائد", "jaysh_al_izza", None)]),
        # apposition: the name before the role
        ("وقال سامر الحلبي، القيادي في هيئة تحرير الشام، إن الهدنة انهارت.",
         [("سامر الحلبي", "القيادي في", "hts", None)]),
        ("وقال أحمد العودة القائد العام لفصيل شباب السنة إن قواته انسحبت.",
         [("أحمد العودة", "القائد العام", "shabab_al_sunna", "ahmad_al_awda")]),
        # a role whose organization is only a pronoun (مندوبها)
        ("وقالت موسكو على لسان مندوبها لدى منظمة حظر الأسلحة الكيميائية ألكسندر شولغين إن التقرير مسيس.",
         [("ألكسندر شولغين", "مندوبها", None, "shulgin")]),
        # a plural pronoun (قائدهم) and the counterpart of several (نظيرهم السوري)
        ("ووصل المقاتلون إلى البلدة، وقال قائدهم العقيد سامر الحلبي إن المعركة طويلة.",
         [("سامر الحلبي", "قائدهم", None, None)]),
        ("واستقبل وزراء الخارجية العرب نظيرهم السوري فيصل المقداد في القاهرة.",
         [("فيصل المقداد", "نظيرهم", "syria.gov", "faisal_mekdad")]),
        # the organization in quotes or followed by a parenthesis, a rank before the name
        ("وأوضح المتحدث باسم «جيش الإسلام» مراد الشامي أن الهدنة صامدة.",
         [("مراد الشامي", "المتحدث باسم", "jaysh_al_islam", None)]),
        ("وقال المتحدث باسم وزارة الدفاع الأمريكية (البنتاغون) روبرت هاريس إن الدورية عادت.",
         [("روبرت هاريس", "المتحدث باسم", "usa", None)]),
        ("وذكر المتحدث باسم القيادة المركزية الأمريكية الأميرال ستيفن ميلر أن الطائرة سقطت.",
         [("ستيفن ميلر", "المتحدث باسم", "usa.centcom", None)]),
        # an organ named only by its nisba (الجيش الإسرائيلي)
        ("وقال المتحدث باسم الجيش الإسرائيلي يوسي كوهين إن الغارة أصابت هدفها.",
         [("يوسي كوهين", "المتحدث باسم", "israel", None)]),
        # the domain of an office (للشؤون ...) between the organization and the name
        ("وصرح مستشار المرشد الأعلى الإيراني للشؤون العسكرية يحيى رحيم صفوي بأن الرد قادم.",
         [("يحيى رحيم صفوي", "مستشار المرشد الأعلى", "iran", None)]),
        ("وأكدت مساعدة وزير الخارجية الأمريكي لشؤون الشرق الأدنى باربرا ليف أن الحوار مستمر.",
         [("باربرا ليف", "مساعدة وزير الخارجية", "usa", "barbara_leaf")]),
        # a representative of Syria: the territory names the state
        ("وقالت مندوبة سوريا لدى الأمم المتحدة سلمى الخطيب إن القرار منحاز.",
         [("سلمى الخطيب", "مندوبة", "syria.gov", None)]),
        ("وتلا المندوب الروسي الدائم لدى الأمم المتحدة فاسيلي نيبينزيا البيان.",
         [("فاسيلي نيبينزيا", "المندوب", "russia", "nebenzia")]),
        # a fuller form of a known name
        ("وقال وزير الخارجية السعودي عادل بن أحمد الجبير إن المملكة تدعم الحل.",
         [("عادل بن أحمد الجبير", "وزير الخارجية", "saudi_arabia", "adel_al_jubeir")]),
        # علي is a name, على a preposition
        ("وأعلن وزير الداخلية السوري علي ديب أن الطريق فتح.",
         [("علي ديب", "وزير الداخلية", "syria.gov", None)]),
        # more offices: a Syrian ministry, an agency head, a delegation, a party leader
        ("وقال وزير المصالحة الوطنية سامر عيسى إن التسوية شملت ألف شخص.",
         [("سامر عيسى", "وزير المصالحة الوطنية", "syria.gov", None)]),
        ("وقالت المديرة العامة لليونسكو أودري أزولاي إن الموقع تضرر.",
         [("أودري أزولاي", "المديرة العامة", "unesco", "audrey_azoulay")]),
        ("وقال رئيس وفد المعارضة نادر حمدان إن الجولة فشلت.",
         [("نادر حمدان", "رئيس وفد", "opposition", None)]),
        ("وانتقد زعيم حزب الشعب الجمهوري كمال كليتشدار أوغلو سياسة الحكومة.",
         [("كمال كليتشدار أوغلو", "زعيم", "chp", "kilicdaroglu")]),
        ("وقال المبعوث الخاص للأمين العام للأمم المتحدة إلى سوريا ستافان دي ميستورا إن الجولة انتهت.",
         [("ستافان دي ميستورا", "المبعوث الخاص للأمين العام", "un", "de_mistura")]),
        # an organization named again by its head noun (المجلس، الفيلق، للجامعة): the
        # latest one of the document whose name opens with it, with the rest of the name
        ("أصدر مجلس منبج العسكري بيانا أمس. وقال الناطق باسم المجلس كاوا حسن إن الطريق آمن.",
         [("كاوا حسن", "الناطق باسم", "manbij_military_council", None)]),
        ("انسحب فيلق الرحمن من الحي، وأوضح القائد العام للفيلق سامي الأحمد أن الانسحاب مؤقت.",
         [("سامي الأحمد", "القائد العام", "faylaq_al_rahman", None)]),
        ("اجتمعت اللجنة المركزية في درعا صباحا. وقال عضو اللجنة المركزية المهندس خالد الزعبي إن الحوار مستمر.",
         [("خالد الزعبي", "عضو", "daraa_central_committee", None)]),
        # the organization before the role (X بزعامة Y، بقيادة، برئاسة)
        ("وشاركت «حركة أحرار الشام» بقيادة جابر العلي في الهجوم.",
         [("جابر العلي", "بقيادة", "ahrar_al_sham", None)]),
        # a noun with a pronoun after a name is not part of it
        ("وأعلنت «حركة أحرار الشام» بزعامة جابر العلي رفضها للاتفاق.",
         [("جابر العلي", "بزعامة", "ahrar_al_sham", None)]),
        # pilots, officers and soldiers with their nisba; tribal sheikhs; France's minister
        ("وأسر المسلحون الطيار التركي مراد ييلماز بعد سقوط طائرته.",
         [("مراد ييلماز", "الطيار", "turkey", None)]),
        ("وطالب شيخ قبيلة العكيدات سليمان الجاسم بالإفراج عن المعتقلين.",
         [("سليمان الجاسم", "شيخ", "akidat", None)]),
        ("وقالت وزيرة الجيوش الفرنسية كلير مارتان إن القوات باقية.",
         [("كلير مارتان", "وزيرة الجيوش", "france", None)]),
        ("وقال عضو اللجنة التنفيذية لمنظمة التحرير الفلسطينية سامي النجار إن المخيم محاصر.",
         [("سامي النجار", "عضو اللجنة التنفيذية", "plo", None)]),
        # a domain (لحقوق الإنسان) and a comma before the name; a lone clitic letter ends it
        ("وطالب المفوض السامي للأمم المتحدة لحقوق الإنسان، كارلوس مندوزا، بحماية المدنيين.",
         [("كارلوس مندوزا", "المفوض السامي", "un", None)]),
        ("ووصف المتحدث باسم مكتب تنسيق الشؤون الإنسانية بيتر يانسن بـ\"الصعبة\" أوضاع النازحين.",
         [("بيتر يانسن", "المتحدث باسم", "un.ocha", None)]),
        # a qualifier of the leader after the organization (المسجون)
        ("ورفع المحتجون صورا لزعيم «حزب العمال الكردستاني» المسجون، سامي دوغان، في الساحة.",
         [("سامي دوغان", "زعيم", "pkk", None)]),
        # an organ of four words before its nisba; the joint UN–Arab League envoy
        ("وحذر المتحدث باسم المجلس الأعلى للأمن القومي الإيراني رضا كريمي من التصعيد.",
         [("رضا كريمي", "المتحدث باسم", "iran", None)]),
        ("ووصل المبعوث الأممي والعربي المشترك سامي النجار إلى القاهرة.",
         [("سامي النجار", "المبعوث الأممي والعربي المشترك", "un", None)]),
        # the organization after في (رئيس هيئة الأركان في الجيش الحر); Israel as its
        # adversaries name it
        ("وقال رئيس هيئة الأركان في الجيش السوري الحر العقيد سامي الحسن إن الجبهة هادئة.",
         [("سامي الحسن", "رئيس هيئة الأركان", "fsa", None)]),
        ("وقال رئيس وزراء كيان الاحتلال دافيد ليفي إن الرد قادم.",
         [("دافيد ليفي", "رئيس وزراء", "israel", None)]),
        # a rank before في and the organization; the organization in quotes after في
        ("وقتل في الغارة العقيد في الحرس الثوري الإيراني حسن رضائي مع مرافقيه.",
         [("حسن رضائي", "العقيد في", "iran.irgc", None)]),
        ("ونعت طهران المستشار العسكري في «الحرس الثوري» العميد حسن رضائي أمس.",
         [("حسن رضائي", "المستشار العسكري", "iran.irgc", None)]),
        # one of the commanders of an organization, after the name it describes; a word
        # with the article before the name opens no name
        ("وقتل في الغارة العقيد حسن رضائي أحد أبرز قادة فيلق القدس مع مرافقيه.",
         [("حسن رضائي", "أحد أبرز قادة", "iran.quds_force", None)]),
        ("واعتقلت الدورية بعد الاشتباك الشيخ سامر الحلبي أحد مؤسسي هيئة تحرير الشام.",
         [("سامر الحلبي", "أحد مؤسسي", "hts", None)]),
        # a known person after "one of the commanders of" (an unknown one is too often a
        # noun phrase); a conjunction glued to a kunya before an appositive role
        ("وقال أحد قادة فيلق القدس قاسم سليماني إن الرد قادم.",
         [("قاسم سليماني", "أحد قادة", "iran.quds_force", "soleimani")]),
        ("واجتمع الوسطاء مع سامر الحلبي وأبو خالد الشامي القيادي في هيئة تحرير الشام.",
         [("أبو خالد الشامي", "القيادي في", "hts", None)]),
        # a word with و after two words of a name opens the next clause
        ("وقال الرئيس اليمني السابق سالم ناصر وأكد أن الحرب انتهت.",
         [("سالم ناصر", "الرئيس", "yemen", None)]),
        # a name ends before a preposition on a verbal noun in ت
        ("وأمر وزير الدفاع اللبناني سامي نادر بتمديد خدمة الضباط.",
         [("سامي نادر", "وزير الدفاع", "lebanon", None)]),
        # two ministers named together: each known one a member of his own state
        ("ويلتقي وزيرا خارجية البلدين سيرغي لافروف وفيصل المقداد الأسبوع المقبل.",
         [("سيرغي لافروف", "وزيرا خارجية", "russia", "lavrov"),
          ("فيصل المقداد", "وزيرا خارجية", "syria.gov", "faisal_mekdad")]),
        # a role without its organization before a known person: his own organization
        ("ودعا الأمين العام للمنظمة بان كي مون إلى وقف القتال.",
         [("بان كي مون", "الأمين العام", "un", "ban_ki_moon")]),
        ("وقال رئيس مجلس النواب نبيه بري إن الجلسة تأجلت.",
         [("نبيه بري", "رئيس مجلس النواب", "lebanon", "nabih_berri")]),
        # a relative clause of leading after the organization, which agrees with the pronoun
        ("وانتشرت «الفرقة الرابعة» في جيش النظام، التي يقودها فعليا سامر الحلبي، حول المدينة.",
         [("سامر الحلبي", "التي يقودها", "syria.gov.fourth_division", None)]),
        ("وهاجم حزب الله، الذي يتزعمه حسن نصر الله، مواقع المسلحين.",
         [("حسن نصر الله", "الذي يتزعمه", "hezbollah", "nasrallah")]),
        ("وقال الناطق الرسمي باسم الجماعة أسامة بن لادن إن الهجوم ناجح.",
         [("أسامة بن لادن", "الناطق الرسمي باسم", "al_qaeda", "osama_bin_laden")]),
        # an affiliation participle between the organization and the name
        ("واعتقلت الدورية قائد «مجلس منبج العسكري» المنضوي في صفوفها كاوا حسن أمس.",
         [("كاوا حسن", "قائد", "manbij_military_council", None)]),
        # a preposition glued before a name (وبحق)، a party named after a name
        ("وأصدرت المحكمة حكما غيابيا وبحق سامر الحلبي القيادي في هيئة تحرير الشام.",
         [("سامر الحلبي", "القيادي في", "hts", None)]),
        ("وطالب الرئيس اللبناني ميشال سليمان الحزب بالانسحاب من القتال.",
         [("ميشال سليمان", "الرئيس", "lebanon", "michel_suleiman")]),
    ],
)
def test_role_and_name(finder, text, expected):
    assert _find(finder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وقال الرئيس إن البلاد تواجه حربا.",  # no name after the role
        "وقال قائد الفصيل إن الهجوم فشل.",  # an organization the gazetteer does not know
        "وقال المتحدث باسم الفصائل المحلية إن المعارك مستمرة.",
        "وأكد وزير الخارجية الروسي أن بلاده لن تتراجع.",
        "وقال الرئيس الروسي للصحفيين إن الاتفاق صامد.",
        "والتقى وزير الدفاع وفدا من الخبراء.",  # a single unknown word without organization
        # a head noun with no organization of the document named with it before
        "وقال المتحدث باسم المجلس كاوا حسن إن الطريق آمن.",
        # an organization named with the head noun only through another of its names
        "وحذرت أنقرة من التصعيد. وقال القائد العام للمجلس كاوا حسن إن قواته باقية.",
        # a head noun that opens another name (المجلس الأعلى ...) does not name again the
        # organization of the document that opens with it
        "اجتمع مجلس الأمن الدولي أمس. وقال المتحدث باسم المجلس الأعلى للتنسيق سامي حسن إن الرد قادم.",
        # an unknown phrase after "one of the members of"; a role with only a nisba and no
        # comma before it has no name before it
        "وكان وراء الاشتباك محاولة أحد أعضاء هيئة تحرير الشام مصادرة منزل قروي.",
        "وكرمت القناة في حادثة هبوط الطيار الإيراني في المطار عنوة.",
        # a noun that governs the role (إدارة الرئيس الإيراني) is no name; nor is an
        # unknown phrase without a rank, title or comma before أحد قادة X
        "وشدد على ضرورة التزام إدارة الرئيس الإيراني بوعودها.",
        "أثار انشقاق أحد كبار قادة هيئة تحرير الشام جدلا واسعا.",
        # a conjoined actor is no complement of the role (الرئيس والنظام)
        "وقال المعارض إن الرئيس والنظام فقدا الشرعية.",
        # a preposition on a verbal noun in ت is no name (لتجرع، بتمديد)
        "واضطر الزعيم الإيراني لتجرع السم بعد الحرب.",
        # a role in a construct with a person is the person's officer, not the person
        "والتقى وزير خارجية الأسد نظيره العماني في مسقط.",
        # a noun with "our" is no name word; a preposition before a known name is none
        "وقال وزير خارجيتنا إن الزيارة ناجحة.",
        # a relative clause of leading with no name after it
        "وتدعم إيران قوات المعارضة التي يقودها المتمردون الحوثيون.",
        # the organization before بقيادة, and a common noun after it
        "وقاتل موالون لتنظيم داعش بقيادة رجل غامض في الصحراء.",
        # a verbal noun after a comma is no name
        "وانضم الأمين العام لجامعة الدول العربية، لمواصلة الحوار مع الحكومة.",
        # a verb or another role before a role is no name
        "وتوعد مستشار المرشد الأعلى الإيراني للشؤون الدولية بالرد على الضربة.",
        "وبحث ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية، خلال اللقاء، العلاقات الثنائية.",
        # common nouns after a role are no name
        "والتقى وزير الخارجية نظيره المصري بمقر فرع وزارة الخارجية في جدة.",
        "وأكد وزير الخارجية على أن الحل سياسي.",
        "وقال الرئيس الروسي لوكالة تاس إن الاتفاق صامد.",
    ],
)
def test_no_person_without_a_name(finder, text):
    assert _find(finder, text) == []


def test_clitics_before_the_role(finder):
    got = _find(finder, "ونقل عن للرئيس السوري بشار الأسد، ووزير الدفاع التركي خلوصي أكار.")
    assert got == [("بشار الأسد", "الرئيس", "syria.gov", "assad"),
                   ("خلوصي أكار", "وزير الدفاع", "turkey", "akar")]  # no turkey.mod: the state


def test_without_actor_types_names_found_by_the_gazetteer_count_as_people(actors):
    finder = RoleMentionFinder(GazetteerMentionFinder(actors))
    assert _find(finder, "وقال قائد جيش العزة جميل الصالح إن الوضع هادئ.") == [
        ("جميل الصالح", "قائد", "jaysh_al_izza", "jamil_al_saleh")
    ]


def test_linker_mints_a_member_of_the_organization(actors, finder):
    doc = Document("t", "وقال قائد جيش العزة العقيد سامر الحلبي إن الوضع هادئ.")
    text = analyze(doc)
    gaz = GazetteerMentionFinder(actors).find(text)
    linked, minted = link_mentions(merge_mentions(gaz + finder.find(text)), name_index(actors))
    assert [(a.name_ar, a.type, a.parent, a.parent_rel) for a in minted] == [
        ("سامر الحلبي", "Person", "jaysh_al_izza", "MEMBER_OF")
    ]
    assert {m.actor for m in linked} == {"jaysh_al_izza", minted[0].id}


def test_bad_role_lexicon_is_reported_with_its_line(tmp_path):
    path = tmp_path / "roles.jsonl"
    lines = [{"_meta": {"source": "test"}},
             {"role_ar": "قائد", "title_en": "Commander", "takes": ["org"], "needs_org": True,
              "relation": "MEMBER_OF"},
             {"role_ar": "قائد", "title_en": "Commander", "takes": ["place"], "needs_org": True,
              "relation": "MEMBER_OF"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"roles.jsonl:3: takes/0: 'place' is not one of"):
        load_roles(path)


def test_without_actor_types_a_known_person_is_not_taken_for_the_organization(actors):
    finder = RoleMentionFinder(GazetteerMentionFinder(actors))
    assert _find(finder, "كما قال وزير الخارجية جان إيف لودريان سابقًا إن الخطر قائم.") == [
        ("جان إيف لودريان", "وزير الخارجية", None, "le_drian")
    ]
