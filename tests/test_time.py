"""kg.time: Arabic temporal expressions, statement dates and document dates.

Every sentence here is written for these tests. Reference weekdays: 2018-09-04 is a
Tuesday, 2019-03-15 a Friday.
"""
import json
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from kg.model import DateValue, Document
from kg.resources import schema_file
from kg.text import split_sentences
from kg.time import (
    KINDS,
    TimeLexiconError,
    context_dates,
    document_date,
    find_time_expressions,
    hijri_to_gregorian,
    load_time_lexicon,
    precision_of,
    statement_date,
)

TUE = "2018-09-04"
FRI = "2019-03-15"
MONTH = "2020-07"
YEAR = "2017"

# (sentence, reference date, expected ISO of its one expression, expected precision)
CASES = [
    # relative days and weekdays
    ("قصفت الطائرات البلدة أمس الاثنين", TUE, "2018-09-03", "day"),
    ("وصل الوفد إلى أنقرة أمس", TUE, "2018-09-03", "day"),
    ("التقى الوزيران البارحة في موسكو", TUE, "2018-09-03", "day"),
    ("يعقد المجلس جلسته اليوم في جنيف", TUE, "2018-09-04", "day"),
    ("أعلن الجيش اليوم الثلاثاء سيطرته على التلة", TUE, "2018-09-04", "day"),
    ("اندلعت الاشتباكات أول أمس قرب المطار", TUE, "2018-09-02", "day"),
    ("وصلت التعزيزات أول من أمس", TUE, "2018-09-02", "day"),
    ("دوى انفجار منتصف ليل أمس في المدينة", TUE, "2018-09-03", "day"),
    ("سقطت القذائف مساء أمس الخميس على الحي", FRI, "2019-03-14", "day"),
    ("وصلت القافلة نهار أمس", FRI, "2019-03-14", "day"),
    ("حدد الوزير اليوم (الخميس) موعد الجولة", "2019-03-15T02:10:00", "2019-03-14", "day"),
    ("شنت الطائرات غارات فجر اليوم", FRI, "2019-03-15", "day"),
    ("خرج الآلاف في مظاهرات الجمعة الماضية", TUE, "2018-08-31", "day"),
    ("تظاهر السكان يوم الجمعة الماضي", FRI, "2019-03-08", "day"),
    ("اجتمع الطرفان يوم الأحد في أنقرة", TUE, "2018-09-02", "day"),
    ("هاجم المسلحون القرية السبت", TUE, "2018-09-01", "day"),
    ("أعلنت الوزارة الثلاثاء فتح المعبر", TUE, "2018-09-04", "day"),
    ("قال الرئيس، الإثنين، إن القوات ستنسحب", TUE, "2018-09-03", "day"),
    ("يصل المبعوث الأربعاء المقبل", TUE, "2018-09-05", "day"),
    ("وقع الهجوم يوم الخميس", FRI, "2019-03-14", "day"),
    ("تعقد الجولة غدا الأربعاء", TUE, "2018-09-05", "day"),
    ("قتل ثلاثة مقاتلين في الليلة الماضية", FRI, "2019-03-14", "day"),
    # weeks, months and years relative to the reference
    ("تقدمت القوات الأسبوع الماضي", TUE, "2018-08", "month"),
    ("تراجعت القوات الأسبوع الماضي", FRI, "2019-03", "month"),
    ("تكثفت الغارات هذا الأسبوع", TUE, "2018-09", "month"),
    ("وقعت الاتفاقية الشهر الماضي", TUE, "2018-08", "month"),
    ("تتواصل المعارك خلال الشهر الجاري", TUE, "2018-09", "month"),
    ("تبدأ المحادثات الشهر المقبل", TUE, "2018-10", "month"),
    ("انسحبت الفصائل الشهر الماضي", "2019-01-10", "2018-12", "month"),
    ("تصاعد القصف مطلع الشهر", TUE, "2018-09", "month"),
    ("جرت الانتخابات أواخر الشهر الماضي", TUE, "2018-08", "month"),
    ("تحسنت العلاقات العام الماضي", TUE, "2017", "year"),
    ("بلغت الميزانية للعام الماضي مليار دولار", TUE, "2017", "year"),
    ("ارتفع عدد الضحايا خلال العام الجاري", TUE, "2018", "year"),
    ("تدهور الاقتصاد السنة الماضية", MONTH, "2019", "year"),
    ("زار الوزير دمشق مرتين هذا العام", MONTH, "2020", "year"),
    ("انطلقت العملية مطلع العام الجاري", FRI, "2019", "year"),
    ("ارتفعت الأسعار خلال الشهر الحالي", FRI, "2019-03", "month"),
    ("وقعت الحادثة قبل يومين", TUE, "2018-09-02", "day"),
    ("انشق الضابط قبل ثلاثة أيام", TUE, "2018-09-01", "day"),
    ("انتهت الهدنة قبل أسبوع", TUE, "2018-08", "month"),
    ("غادر البلاد قبل عامين", TUE, "2016", "year"),
    # a reference of month or year precision: day expressions degrade to it
    ("قصفت المدفعية الحي أمس", MONTH, "2020-07", "month"),
    ("يجتمع الضامنون اليوم", MONTH, "2020-07", "month"),
    ("تظاهر المئات الجمعة الماضية", MONTH, "2020-07", "month"),
    ("اتفق الطرفان الشهر الماضي", MONTH, "2020-06", "month"),
    ("اتفق الطرفان الشهر الماضي", YEAR, "2017", "year"),
    # explicit days and months without a year
    ("نفذت الطائرة رحلتها في 9 يوليو", TUE, "2018-07-09", "day"),
    ("انطلقت القافلة في 2 أغسطس من الحدود", TUE, "2018-08-02", "day"),
    ("سيطرت القوات على البلدة في 24 مارس / آذار الماضي", TUE, "2018-03-24", "day"),
    ("وقعت المجزرة في 7 من شهر أبريل الجاري", "2018-04-20", "2018-04-07", "day"),
    ("سقطت المدينة في السابع من أبريل/ نيسان", TUE, "2018-04-07", "day"),
    ("جرى التبادل في الحادي والعشرين من آب", TUE, "2018-08-21", "day"),
    ("تنعقد القمة في 13 الشهر الجاري", TUE, "2018-09-13", "day"),
    ("تم الإفراج عنه في الخامس من الشهر الماضي", TUE, "2018-08-05", "day"),
    ("وقع الانفجار في الـ 3 من أيلول", TUE, "2018-09-03", "day"),
    ("شنت القوات هجوما في تموز", TUE, "2018-07", "month"),
    ("توقفت المعارك في شهر تموز", MONTH, "2020-07", "month"),
    ("جرت المفاوضات في تموز الماضي", MONTH, "2019-07", "month"),
    ("انسحب المقاتلون في أيار الماضي", TUE, "2018-05", "month"),
    ("عقد المؤتمر في ديسمبر", FRI, "2018-12", "month"),
    ("تجددت الاشتباكات في يونيه الماضي", TUE, "2018-06", "month"),
    ("جرت الانتخابات في أغسطس/آب", TUE, "2018-08", "month"),
    ("انهارت الهدنة في نوفمبر/تشرين الثاني الماضي", TUE, "2017-11", "month"),
    ("تكثف القصف مطلع أيلول", TUE, "2018-09", "month"),
    ("دارت المعارك بين 10 و12 تموز", MONTH, "2020-07-12", "day"),
    ("عقدت القمة الافتراضية في الأول من تموز الجاري", MONTH, "2020-07-01", "day"),
    ("سيطرت الفصائل على المدينة مطلع العام 2012", None, "2012", "year"),
    ("في 10 ذي الحجة", "2020-07-15", "2019-08-12", "day"),
    # explicit dates with a year, in both month systems and in Arabic-Indic digits
    ("أعلن عن الاتفاق في 19 كانون الأول 2019", None, "2019-12-19", "day"),
    ("بدأت العملية في 3 تشرين الثاني/نوفمبر 2015", None, "2015-11-03", "day"),
    ("تغيرت المعادلة في سبتمبر/أيلول 2018", None, "2018-09", "month"),
    ("سقطت المدينة في شهر حزيران من العام 2014", None, "2014-06", "month"),
    ("وقعت الاتفاقية في ١٥ آذار ٢٠١٩", None, "2019-03-15", "day"),
    ("صدر القرار في يوليه 2016", None, "2016-07", "month"),
    ("اندلعت الاحتجاجات عام 2011", None, "2011", "year"),
    ("انضمت الفصائل إلى التحالف في 2019", None, "2019", "year"),
    ("تأسس المجلس العام 2013", None, "2013", "year"),
    ("انتهت المعركة في ۲۰۱۶", None, "2016", "year"),
    ("نشر البيان بتاريخ 12/3/2019", None, "2019-03-12", "day"),
    ("أعلن عن الهدنة يوم الجمعة 15 آذار 2019", None, "2019-03-15", "day"),
    # Hijri dates
    ("أعلن عن بدء الصيام في 1 رمضان 1440 هـ", None, "2019-05-06", "day"),
    ("توقفت المعارك في شهر رمضان 1439", None, "2018-05", "month"),
    ("صدر الكتاب عام 1440 هـ", None, "2019", "year"),
]


@pytest.mark.parametrize("sentence, ref, iso, precision", CASES)
def test_expression_table(sentence, ref, iso, precision):
    found = find_time_expressions(sentence, ref)
    assert [(e.value.iso, e.value.precision) for e in found] == [(iso, precision)]


def test_table_is_large_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("sentence", [
    "مارس الجيش ضغوطا كبيرة على الفصائل",
    "اتفق الاثنين على وقف إطلاق النار",
    "تدعم روسيا النظام منذ 7 سنوات",
    "أفرج عنه بعد 64 يوما من الاعتقال",
    "وفي اليوم التالي انسحبت القوات",
    "صوت المجلس على القرار 2254",
    "قال المدير العام للمنظمة إن الوضع صعب",
    "التقى الأب بابنه في المعبر",
    "وصل اللاعبون الأحد عشر إلى الملعب",
    "قاتلت قوات شباب السنة في درعا",
])
def test_not_dates(sentence):
    assert find_time_expressions(sentence, TUE) == []


def test_offsets_point_at_the_original_text():
    text = "قُصفت البلدة أمسِ الاثنيـن بعنف"
    (e,) = find_time_expressions(text, TUE)
    assert text[e.start:e.end] == e.text == "أمسِ الاثنيـن"
    assert e.value == DateValue("2018-09-03", "day", "text")


PIECES = st.sampled_from([
    " ", "أمس", "اليوم", "الاثنين", "الجمعة", "الماضية", "الماضي", "الجاري", "المقبل", "يوم",
    "الشهر", "العام", "الأسبوع", "تموز", "آب", "مارس", "أيلول", "/", "(", ")", "،", ".", "\n",
    "من", "شهر", "عام", "في", "منذ", "قبل", "يومين", "أيام", "رمضان", "هـ", "الأول", "السابع",
    "2019", "١٤٤٠", "12", "7", "31", "0", "ـ", "\u064e", "&amp;", "<b>", "قصف", "و", "ل", "ب",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=25), st.sampled_from([None, TUE, MONTH, YEAR]))
def test_any_text_gives_ordered_spans_of_itself(pieces, ref):
    text = "".join(pieces)
    found = find_time_expressions(text, ref)
    for e in found:
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
        assert e.kind in KINDS and e.value.precision == precision_of(e.value.iso)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    value = statement_date(text, ref, anchor=len(text) // 2)
    assert value is None or value.source in ("sentence", "document")


def test_clitics_stay_outside_the_span():
    (e,) = find_time_expressions("وبأيلول 2018 تغير كل شيء", None)
    assert e.text == "أيلول 2018"


def test_kinds():
    kinds = {e.text: e.kind for e in find_time_expressions(
        "تدعم الفصائل منذ عام 2012 وستواصل الأسبوع المقبل كما فعلت مؤخرا", TUE)}
    assert kinds == {"عام 2012": "since", "الأسبوع المقبل": "future", "مؤخرا": "vague"}


def test_relative_without_reference_is_skipped():
    assert find_time_expressions("قصفت الطائرات البلدة أمس", None) == []


def test_month_named_as_current_moves_the_present():
    text = "قصف النظام المدينة في 7 من شهر أبريل الجاري ثم ضربت الدول مواقعه في 13 الشهر الجاري"
    assert [e.value.iso for e in find_time_expressions(text, TUE)] == ["2018-04-07", "2018-04-13"]


def test_month_named_as_current_keeps_a_matching_reference():
    text = "قصف النظام المدينة في 7 أبريل الجاري ثم قصفها مجددا أمس"
    assert [e.value.iso for e in find_time_expressions(text, "2018-04-20")] == ["2018-04-07", "2018-04-19"]


def test_bad_reference_is_a_clear_error():
    with pytest.raises(ValueError, match="not ISO"):
        find_time_expressions("أمس", "4 Sept 2018")
    with pytest.raises(ValueError, match="does not exist"):
        find_time_expressions("أمس", "2018-02-30")


@pytest.mark.parametrize("hijri, umm_al_qura", [
    ((1430, 1, 1), "2008-12-29"),
    ((1440, 9, 1), "2019-05-06"),
    ((1441, 1, 1), "2019-08-31"),
    ((1445, 9, 1), "2024-03-11"),
])
def test_hijri_arithmetic_is_within_a_day_of_the_official_calendar(hijri, umm_al_qura):
    assert abs((hijri_to_gregorian(*hijri) - date.fromisoformat(umm_al_qura)).days) <= 1


# ---------------------------------------------------------------- statement_date

def test_statement_date_nearest_to_anchor():
    s = "قصفت الطائرات البلدة أمس، وكانت قد قصفتها في 9 يوليو"
    assert statement_date(s, TUE, anchor=0) == DateValue("2018-09-03", "day", "sentence")
    at = s.index("قصفتها")
    assert statement_date(s, TUE, anchor=at) == DateValue("2018-07-09", "day", "sentence")


def test_statement_date_without_anchor_takes_the_first():
    s = "أعلن الجيش أمس أن الهجوم وقع في 2 أغسطس"
    assert statement_date(s, TUE).iso == "2018-09-03"


def test_statement_date_falls_back_to_the_document():
    assert statement_date("تدعم روسيا النظام منذ 7 سنوات", TUE) == DateValue(TUE, "day", "document")
    s = "اتفقت تركيا وروسيا على الهدنة"
    assert statement_date(s, MONTH) == DateValue(MONTH, "month", "document")
    assert statement_date("اتفقت تركيا وروسيا على الهدنة", None) is None


def test_statement_date_prefers_a_date_over_the_future():
    s = "أعلن الوزير أمس أنه سيزور أنقرة الأسبوع المقبل"
    assert statement_date(s, TUE, anchor=s.index("سيزور")).iso == "2018-09-03"
    future_only = "سيزور الوزير أنقرة الأسبوع المقبل"
    assert statement_date(future_only, TUE) == DateValue("2018-09", "month", "sentence")


def test_statement_date_ignores_dates_of_distant_clauses():
    s = ("اتفقت الدول الثلاث على التهدئة، في ظل ضغوط متزايدة، وغضب شعبي، ورفض واسع، "
         "عبر عنه المتظاهرون الجمعة الماضية")
    assert statement_date(s, TUE, anchor=0) == DateValue(TUE, "day", "document")


def test_statement_date_takes_the_date_of_the_saying_verb():
    s = "وكان مسؤول عسكري قد أكد في حديث للصحفيين يوم أمس، أن القوات، رغم الضغوط، ستواصل الهجوم"
    assert statement_date(s, TUE, anchor=s.index("ستواصل")).iso == "2018-09-03"


def test_statement_date_uses_the_context_before_the_document():
    context = DateValue("2018-09-03", "day", "context")
    assert statement_date("ونقلت القناة عن مصادر أن الشحنات وصلت", TUE, context=context) == context
    assert statement_date("ووصلت الشحنات اليوم", TUE, context=context).iso == TUE


# ---------------------------------------------------------------- context_dates

def _contexts(text, ref=TUE):
    return [d.iso if d else None for d in context_dates(text, split_sentences(text), ref)]


def test_context_lead_dates_its_item_until_the_next_item():
    text = ("كشفت القناة أمس الاثنين عن شحنات أسلحة جديدة.\n"
            "ونقلت القناة عن مصادر أن الشحنات عبرت الحدود.\n"
            "أعلن الجيش السيطرة على التلة.\n"
            "وقال المتحدث إن العملية مستمرة.")
    assert _contexts(text) == ["2018-09-03", "2018-09-03", None, None]


def test_context_from_the_second_sentence_of_an_item():
    text = "عبرت الحكومة عن قلقها من التأخير.\nوقال الوزير اليوم الثلاثاء إن التقرير تأخر."
    assert _contexts(text) == ["2018-09-04", "2018-09-04"]


def test_context_ignores_background_sentences():
    text = ("نقلت الصحيفة اليوم الثلاثاء عن مصدر أن الاتفاق قريب.\n"
            "وكان المصدر قد قال يوم أمس إن المفاوضات متعثرة.\n"
            "وبات الملف حاضرا على الطاولة.")
    assert _contexts(text) == ["2018-09-04", "2018-09-04", "2018-09-04"]


def test_context_follows_a_new_date_within_the_item():
    text = "قصفت الطائرات المدينة أمس الاثنين.\nوفي يوم الأحد، قصفت المدفعية القرية.\nوسقط جرحى."
    assert _contexts(text) == ["2018-09-03", "2018-09-02", "2018-09-02"]


# ---------------------------------------------------------------- document_date

def test_document_date_from_metadata():
    doc = Document("a", "قصفت الطائرات البلدة أمس", date="2020-07")
    assert document_date(doc) == DateValue("2020-07", "month", "metadata")


@pytest.mark.parametrize("text, iso", [
    ("دمشق - 12 آذار 2019 (د ب أ) - قصفت الطائرات البلدة", "2019-03-12"),
    ("عمان 5 رمضان 1440 هـ الموافق 10 مايو 2019 م واس قالت الوزارة إن المعبر فتح", "2019-05-10"),
    ("أنقرة (د ب أ) - 5/6/2019 - أعلنت الوزارة وصول التعزيزات", "2019-06-05"),
    ("بيروت، ٣ تشرين الأول (أكتوبر) ٢٠١٧ (رويترز) - قالت مصادر إن المعارك توقفت", "2017-10-03"),
])
def test_document_date_from_dateline(text, iso):
    assert document_date(Document("a", text)) == DateValue(iso, "day", "dateline")


def test_document_date_weekday_fixes_the_year():
    text = ("قصفت الطائرات يوم الثلاثاء 12 آذار البلدة التي تسيطر عليها المعارضة منذ عام 2015. "
            "وكانت البلدة قد شهدت معارك عنيفة في 2018.")
    # 12 March was a Tuesday in 2013 and 2019; 2019 is closest to 2018
    assert document_date(Document("a", text)) == DateValue("2019-03-12", "day", "weekday")


def test_document_date_from_a_date_in_the_opening_sentences():
    text = "قالت المصادر إن المعارك تجددت في الريف. ووقعت الاتفاقية في 5 أيار 2018 بعد مفاوضات."
    assert document_date(Document("a", text)) == DateValue("2018", "year", "text")


def test_a_date_inside_a_sentence_is_no_dateline():
    doc = Document("a", "نشرت الصحيفة في 4 يناير 2015 تقريرا عن المعارك")
    assert document_date(doc).source != "dateline"


def test_document_date_none_when_nothing():
    assert document_date(Document("a", "قصفت الطائرات البلدة أمس.")) is None


# ---------------------------------------------------------------- the lexicon is data

def test_lexicon_file_opens_with_meta_and_covers_both_month_systems():
    text = schema_file("time.jsonl").read_text(encoding="utf-8")
    lines = [json.loads(x) for x in text.splitlines() if x.strip()]
    assert set(lines[0]["_meta"]) >= {"source", "license", "changes"}
    months = {(r["system"], r["number"]) for r in lines[1:] if r["kind"] == "month"}
    assert {(s, n) for s in ("latin", "syriac") for n in range(1, 13)} <= months
    assert {r["number"] for r in lines[1:] if r["kind"] == "weekday"} == set(range(7))
    assert {r["number"] for r in lines[1:] if r["kind"] == "hijri_month"} == set(range(1, 13))


def test_lexicon_with_an_unknown_kind_is_rejected(tmp_path):
    path = tmp_path / "time.jsonl"
    path.write_text('{"_meta": {"source": "test"}}\n{"kind": "mnth", "forms": ["تموز"]}\n',
                    encoding="utf-8")
    with pytest.raises(TimeLexiconError, match="unknown kind 'mnth'"):
        load_time_lexicon(path)


def test_adding_a_word_is_editing_data(tmp_path):
    path = tmp_path / "time.jsonl"
    text = schema_file("time.jsonl").read_text(encoding="utf-8")
    path.write_text(text + json.dumps({"kind": "month", "system": "test", "number": 7,
                                       "forms": ["جولاي"]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    sentence = "وقعت المعركة في 4 جولاي 2015"
    assert find_time_expressions(sentence, None) == []
    (e,) = find_time_expressions(sentence, None, load_time_lexicon(path))
    assert e.value.iso == "2015-07-04"
