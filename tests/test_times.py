"""The times stage: finding time expressions and normalising them.

Most tables run the deterministic grammar on plain text (no model); the tables marked
``model`` parse with spaCy, which settles tense ("will meet on Friday") and ambiguous
words ("May" the person, "2000 troops").
"""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.records import Published, Section, Span, TimeExpr
from eventwire.times import find_times, find_times_in_text, infer_published, normalise

# The shared seed article, beside the repository (as in conftest.py).
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "mee-iraq-russia-2015.txt"

PUB = "2015-10-31"  # a Saturday


def _one(found: tuple[TimeExpr, ...], span: str) -> TimeExpr:
    matches = [t for t in found if t.span.text == span]
    assert matches, f"{span!r} not found in {[t.span.text for t in found]}"
    return matches[0]


# (sentence, published, span text, value, granularity)
PLAIN = [
    # weekdays: the most recent one on or before publication in news copy
    ("Hakem al-Zamli told Anadolu Agency on Friday that the measure worked.", PUB, "Friday", "2015-10-30", "day"),
    ("The minister resigned on Saturday.", PUB, "Saturday", "2015-10-31", "day"),
    ("Protesters gathered in Tahrir Square on Monday.", PUB, "Monday", "2015-10-26", "day"),
    ("Gunmen opened fire on a bus on Tuesday morning.", PUB, "Tuesday morning", "2015-10-27", "day"),
    ("Clashes broke out on Monday night near the border.", PUB, "Monday night", "2015-10-26", "day"),
    ("Thursday's bombing killed 12 people.", PUB, "Thursday", "2015-10-29", "day"),
    ("The talks collapsed last Friday.", PUB, "last Friday", "2015-10-30", "day"),
    ("The envoy will arrive next Tuesday.", PUB, "next Tuesday", "2015-11-03", "day"),
    ("The ministers will meet on Friday in Vienna.", PUB, "Friday", "2015-11-06", "day"),
    ("Talks are scheduled to resume on Wednesday.", PUB, "Wednesday", "2015-11-04", "day"),
    ("The summit is due to open on Monday.", "2015-10-28", "Monday", "2015-11-02", "day"),
    # day and month, year inferred
    ("Russia began carrying out air strikes in Syria on 30 September.", PUB, "30 September", "2015-09-30", "day"),
    ("The ceasefire took hold on September 30.", PUB, "September 30", "2015-09-30", "day"),
    ("The agreement was signed on Sept. 30 in Moscow.", PUB, "Sept. 30", "2015-09-30", "day"),
    ("The agreement was signed on 30 Sept in Moscow.", PUB, "30 Sept", "2015-09-30", "day"),
    ("Elections were held on the 1st of October.", PUB, "1st of October", "2015-10-01", "day"),
    ("The offensive began on 20 December.", PUB, "20 December", "2014-12-20", "day"),
    ("The vote, on 5 November, is expected to be close.", PUB, "5 November", "2015-11-05", "day"),
    ("Parliament will vote on 3 October.", PUB, "3 October", "2016-10-03", "day"),
    ("BAGHDAD, Oct 30 (Reuters) - Iraqi forces advanced.", PUB, "Oct 30", "2015-10-30", "day"),
    # full dates
    ("A view of the Baiji on 20 October 2015 after the battle.", PUB, "20 October 2015", "2015-10-20", "day"),
    ("The raid took place on Oct. 20, 2015, officials said.", PUB, "Oct. 20, 2015", "2015-10-20", "day"),
    ("The report is dated 2015-10-20.", PUB, "2015-10-20", "2015-10-20", "day"),
    ("He was born on 3 March 1970 in Tikrit.", PUB, "3 March 1970", "1970-03-03", "day"),
    ("The decree of 14/07/2015 was annulled.", PUB, "14/07/2015", "2015-07-14", "day"),
    ("The decree of 07/14/2015 was annulled.", PUB, "07/14/2015", "2015-07-14", "day"),
    ("Officials said on Thursday, Oct. 29, that the raid succeeded.", PUB, "Thursday, Oct. 29", "2015-10-29", "day"),
    ("The letter, sent on Friday 9 October 2015, went unanswered.", PUB, "Friday 9 October 2015",
     "2015-10-09", "day"),
    ("The deal was sealed on the 30th of September 2015.", PUB, "30th of September 2015", "2015-09-30", "day"),
    ("The talks of January 5, 2016 are in doubt.", PUB, "January 5, 2016", "2016-01-05", "day"),
    # months
    ("Iraq has been gripped by a security vacuum since June 2014.", PUB, "June 2014", "2014-06", "month"),
    ("The uprising began in March 2011.", PUB, "March 2011", "2011-03", "month"),
    ("Fighting resumed in mid-October.", PUB, "mid-October", "2015-10", "month"),
    ("The siege was lifted in early September.", PUB, "early September", "2015-09", "month"),
    ("The militants were pushed back at the end of June.", PUB, "the end of June", "2015-06", "month"),
    ("The town fell in June.", PUB, "June", "2015-06", "month"),
    ("The parliament dissolved itself last May.", PUB, "last May", "2015-05", "month"),
    ("Elections are planned for next March.", PUB, "next March", "2016-03", "month"),
    ("Talks are expected in December.", PUB, "December", "2015-12", "month"),
    ("The strikes continued between 10 and 12 October.", PUB, "10 and 12 October", "2015-10", "month"),
    ("The conference, held from 10-12 October, ended without a deal.", PUB, "10-12 October", "2015-10", "month"),
    ("The deal was agreed in June of 2014.", PUB, "June of 2014", "2014-06", "month"),
    # relative to the publication date
    ("Earlier this month, Iraqi security officials told MEE that Russia would be invited.", PUB,
     "Earlier this month", "2015-10", "month"),
    ("The army said earlier this month that it had retaken the town.", PUB, "earlier this month", "2015-10", "month"),
    ("The ministry said this month that aid had arrived.", PUB, "this month", "2015-10", "month"),
    ("The UN warned last month of a famine.", PUB, "last month", "2015-09", "month"),
    ("Talks will resume next month.", PUB, "next month", "2015-11", "month"),
    ("The militants attacked the base last week.", PUB, "last week", "2015-W43", "week"),
    ("Parliament will debate the law next week.", PUB, "next week", "2015-W45", "week"),
    ("Protests spread this week.", PUB, "this week", "2015-W44", "week"),
    ("Rockets hit the city last weekend.", PUB, "last weekend", "2015-W43-WE", "week"),
    ("Two days ago, militants attacked a checkpoint.", PUB, "Two days ago", "2015-10-29", "day"),
    ("The ambush happened three weeks ago.", PUB, "three weeks ago", "2015-W41", "week"),
    ("The town was captured a year ago.", PUB, "a year ago", "2014", "year"),
    ("The plant closed six months ago.", PUB, "six months ago", "2015-04", "month"),
    ("The minister said yesterday that talks had failed.", PUB, "yesterday", "2015-10-30", "day"),
    ("Officials will meet today in Geneva.", PUB, "today", "2015-10-31", "day"),
    ("The deadline expires tomorrow.", PUB, "tomorrow", "2015-11-01", "day"),
    ("Shelling continued last night.", PUB, "last night", "2015-10-30", "day"),
    ("Turnout fell this year.", PUB, "this year", "2015", "year"),
    ("The group was founded last year.", PUB, "last year", "2014", "year"),
    ("Earlier this year, the group seized Ramadi.", PUB, "Earlier this year", "2015", "year"),
    ("The army lost Tikrit late last year.", PUB, "late last year", "2014", "year"),
    ("Elections are due next year.", PUB, "next year", "2016", "year"),
    ("The front was quiet last summer.", PUB, "last summer", "2015-SU", "season"),
    ("Aid agencies fear this winter will be hard.", PUB, "this winter", "2015-WI", "season"),
    ("Output fell last quarter.", PUB, "last quarter", "2015-Q3", "quarter"),
    # years, decades, centuries, seasons, quarters
    ("The group was expelled from the city in 2014.", PUB, "2014", "2014", "year"),
    ("The conflict flared again in late 2014.", PUB, "late 2014", "2014", "year"),
    ("Production recovered by mid-2015.", PUB, "mid-2015", "2015", "year"),
    ("Sanctions were lifted at the end of 2013.", PUB, "the end of 2013", "2013", "year"),
    ("Fighting raged between 2012 and 2014.", PUB, "2014", "2014", "year"),
    ("The occupation lasted from 2003-2011.", PUB, "2011", "2011", "year"),
    ("The civil war of the 1990s left deep scars.", PUB, "1990s", "199X", "decade"),
    ("The insurgency of the mid-2000s was crushed.", PUB, "mid-2000s", "200X", "decade"),
    ("The border was drawn in the 19th century.", PUB, "19th century", "18", "century"),
    ("The summer of 2014 saw the fall of Mosul.", PUB, "summer of 2014", "2014-SU", "season"),
    ("Growth slowed in the third quarter of 2015.", PUB, "third quarter of 2015", "2015-Q3", "quarter"),
    ("Exports rose in Q2 2015.", PUB, "Q2 2015", "2015-Q2", "quarter"),
    ("The ceasefire was broken on Christmas Day.", PUB, "Christmas Day", "2014-12-25", "day"),
    ("Troops will be home by Christmas 2015.", PUB, "Christmas 2015", "2015-12-25", "day"),
    # other publication dates
    ("The attack happened on Friday.", "2016-01-04", "Friday", "2016-01-01", "day"),
    ("The army said last week that it had won.", "2016-01-05", "last week", "2015-W53", "week"),
    ("The embassy reopened on 30 December.", "2016-01-04", "30 December", "2015-12-30", "day"),
    ("The embassy reopened last month.", "2016-01-04", "last month", "2015-12", "month"),
]


@pytest.mark.parametrize("sentence,published,span,value,granularity", PLAIN)
def test_plain_text(sentence, published, span, value, granularity):
    t = _one(find_times_in_text(sentence, published), span)
    assert (t.value, t.granularity) == (value, granularity)
    assert sentence[t.span.start:t.span.end] == t.span.text


@pytest.mark.parametrize("sentence,span", [
    ("Iraq has been gripped by a security vacuum since June 2014.", "June 2014"),
    ("The city has been besieged since Friday.", "Friday"),
    ("Prices have doubled since the 1990s.", "1990s"),
    ("Nothing has changed ever since 2003.", "2003"),
])
def test_since(sentence, span):
    assert _one(find_times_in_text(sentence, PUB), span).since


@pytest.mark.parametrize("sentence", [
    "Fighting has continued for three days.",
    "The truce held for 24 hours.",
    "A 35-year-old man was among the dead.",
    "The coalition sent 2,000 troops.",
    "Prices rose over the past three years.",
    "Prices rose in the last week.",
    "The town was calm for the next month.",
    "Rebels commemorated Bloody Sunday.",
    "The explosion happened at 3pm.",
    "Some 1,500 people fled.",
    "She read USA Today in the lobby.",
    "The army of Theresa May is small.",
    "The decree of 03/04/2015 was annulled.",
    "The march on the capital was peaceful.",
    "Fridays are quiet in Baghdad.",
])
def test_not_times(sentence):
    assert find_times_in_text(sentence, PUB) == ()


@pytest.mark.parametrize("sentence,span", [
    ("Hakem al-Zamli said on Friday that the measure worked.", "Friday"),
    ("Earlier this month, officials told MEE.", "Earlier this month"),
    ("Russia began air strikes on 30 September.", "30 September"),
    ("The town fell two days ago.", "two days ago"),
])
def test_relative_needs_a_publication_date(sentence, span):
    assert all(t.span.text != span for t in find_times_in_text(sentence, None))
    assert _one(find_times_in_text(sentence, PUB), span).relative


@pytest.mark.parametrize("sentence,span,value", [
    ("A view of the Baiji on 20 October 2015 after the battle.", "20 October 2015", "2015-10-20"),
    ("Iraq has been gripped by a security vacuum since June 2014.", "June 2014", "2014-06"),
    ("The war of the 1990s.", "1990s", "199X"),
])
def test_absolute_without_publication_date(sentence, span, value):
    t = _one(find_times_in_text(sentence, None), span)
    assert (t.value, t.relative) == (value, False)


def test_sorted_and_spans_hold():
    text = "On 30 September, a week after the talks of 20 September 2015, Russia struck; last week it struck again."
    found = find_times_in_text(text, PUB)
    assert [t.span.start for t in found] == sorted(t.span.start for t in found)
    assert all(text[t.span.start:t.span.end] == t.span.text for t in found)
    assert [t.span.text for t in found] == ["30 September", "20 September 2015", "last week"]


# (expression, published, tense, value, granularity)
NORMALISE = [
    ("on Friday", PUB, None, "2015-10-30", "day"),
    ("on Friday", PUB, "future", "2015-11-06", "day"),
    ("on Thursday", PUB, "future", "2015-11-05", "day"),
    ("30 September", PUB, None, "2015-09-30", "day"),
    ("on 30 September", PUB, "future", "2016-09-30", "day"),
    ("2 November", PUB, "past", "2014-11-02", "day"),
    ("2 November", PUB, None, "2015-11-02", "day"),
    ("Earlier this month", PUB, None, "2015-10", "month"),
    ("in June 2014", None, None, "2014-06", "month"),
    ("since June 2014", None, None, "2014-06", "month"),
    ("in the 1990s", None, None, "199X", "decade"),
    ("the '90s", PUB, None, "199X", "decade"),
    ("the '20s", PUB, None, "192X", "decade"),
    ("in 2014", None, None, "2014", "year"),
    ("late 2014", None, None, "2014", "year"),
    ("Oct. 20, 2015", None, None, "2015-10-20", "day"),
    ("29 February", "2016-03-10", None, "2016-02-29", "day"),
    ("last spring", PUB, None, "2015-SP", "season"),
    ("last autumn", PUB, None, "2014-FA", "season"),
    ("next summer", PUB, None, "2016-SU", "season"),
    ("last winter", "2016-01-15", None, "2014-WI", "season"),
    ("this winter", "2016-01-15", None, "2015-WI", "season"),
]


@pytest.mark.parametrize("expression,published,tense,value,granularity", NORMALISE)
def test_normalise(expression, published, tense, value, granularity):
    t = normalise(expression, published, tense)
    assert t is not None and (t.value, t.granularity) == (value, granularity)


def test_normalise_since_and_refusals():
    assert normalise("since June 2014", None).since
    assert normalise("on Friday", None) is None  # relative, and no publication date
    assert normalise("for three days", PUB) is None
    assert normalise("Friday and Saturday", PUB) is None  # not one expression


def _time(text: str, start: int, value: str, granularity="day", relative=False) -> TimeExpr:
    return TimeExpr(Span(text, start, start + len(text)), value, granularity, relative)


def test_infer_published_takes_the_latest_absolute_day():
    times = (
        _time("20 October 2015", 10, "2015-10-20"),
        _time("Friday", 100, "2015-10-16", relative=True),
        _time("June 2014", 200, "2014-06", "month"),
        _time("1 May 2015", 300, "2015-05-01"),
    )
    assert infer_published(times, ()) == Published("2015-10-20", "inferred")


def test_infer_published_unknown_without_days():
    times = (_time("June 2014", 0, "2014-06", "month"), _time("Friday", 20, "2015-10-30", relative=True))
    assert infer_published(times, ()) == Published(None, "unknown")


def test_infer_published_ignores_far_outliers_outside_captions():
    body = Section("body", 0, 1000)
    times = (_time("3 May 2015", 10, "2015-05-03"), _time("1 January 2019", 50, "2019-01-01"))
    assert infer_published(times, (body,)).value == "2015-05-03"
    caption = Section("caption", 40, 80)
    assert infer_published(times, (caption, body)).value == "2019-01-01"


def test_infer_published_ignores_the_future():
    times = (_time("3 May 2015", 10, "2015-05-03"), _time("1 January 2099", 50, "2099-01-01"))
    assert infer_published(times, ()).value == "2015-05-03"


# --------------------------------------------------------------------------- with the model

MODEL = [
    ("The ministers will meet on Friday in Vienna.", "Friday", "2015-11-06"),
    ("The ministers met on Friday in Vienna.", "Friday", "2015-10-30"),
    ("Talks are scheduled to resume on Tuesday in Geneva.", "Tuesday", "2015-11-03"),
    ("Talks resumed on Tuesday in Geneva.", "Tuesday", "2015-10-27"),
    ("The vote is due to take place on 5 November.", "5 November", "2015-11-05"),
    ("Parliament voted on 5 November to extend the mandate.", "5 November", "2014-11-05"),
    ("Russia began carrying out air strikes in Syria on 30 September.", "30 September", "2015-09-30"),
    ("Parliament will vote on 3 October.", "3 October", "2016-10-03"),
    ("The army has retaken the refinery on Monday.", "Monday", "2015-10-26"),
    ("The ministry said the budget, approved in January, would run until 2017.", "January", "2015-01"),
    ("Putin met Assad in Moscow on Tuesday night, 20 October.", "Tuesday night, 20 October", "2015-10-20"),
    ("Iraqi officials said on New Year’s Day that talks held on Christmas Eve had failed.",
     "New Year’s Day", "2015-01-01"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence,span,value", MODEL)
def test_tense_from_the_parse(nlp, sentence, span, value):
    assert _one(find_times(nlp(sentence), PUB), span).value == value


@pytest.mark.model
@pytest.mark.parametrize("sentence,expected", [
    ("Theresa May said in May that the deal was done.", [("May", "2015-05")]),
    ("The army deployed 2000 troops in 2014.", [("2014", "2014")]),
    ("Turnout in the 2014 elections was low.", [("2014", "2014")]),
    ("Fighting has continued for three days, with 24 hours of calm.", []),
    ("A 35-year-old man was killed on Monday night.", [("Monday night", "2015-10-26")]),
    ("Russia Today reported the strike on Tuesday morning.", [("Tuesday morning", "2015-10-27")]),
])
def test_model_disambiguates(nlp, sentence, expected):
    assert [(t.span.text, t.value) for t in find_times(nlp(sentence), PUB)] == expected


def _seed_sections(text: str) -> tuple[Section, ...]:
    start = text.index("A view of the Baiji")
    return (Section("caption", start, text.index("\n", start)),)


@pytest.mark.model
def test_seed(nlp):
    text = SEED.read_text("utf-8")
    doc = nlp(text)
    got = {(t.span.text, t.value) for t in find_times(doc, PUB)}
    assert {("Friday", "2015-10-30"), ("Earlier this month", "2015-10"), ("30 September", "2015-09-30"),
            ("June 2014", "2014-06"), ("20 October 2015", "2015-10-20")} <= got
    unpublished = find_times(doc, None)
    assert infer_published(unpublished, _seed_sections(text)) == infer_published(unpublished, ())
    published = infer_published(unpublished, _seed_sections(text))
    assert (published.value, published.basis) == ("2015-10-20", "inferred")


# -- anaphoric expressions: the day (or week) of the latest date named before them --------

ANAPHORS = [
    ("Rebels seized the port on Monday. On the same day, the airport was shelled.",
     "On the same day", "2015-10-26", "day"),
    ("The talks opened on 12 October 2015 in Vienna. The next day, the delegations walked out.",
     "The next day", "2015-10-13", "day"),
    ("The minister resigned on Thursday. The following day, protests spread.",
     "The following day", "2015-10-30", "day"),
    ("The truce collapsed on 20 October 2015, and the day before, both sides had traded fire.",
     "the day before", "2015-10-19", "day"),
    ("Troops entered the town on Wednesday. That day, 12 people were killed.",
     "That day", "2015-10-28", "day"),
    ("Floods hit the north on 5 October 2015. The same week, the army sent aid.",
     "The same week", "2015-W41", "week"),
    ("A strike began last week. That week, schools stayed shut.", "That week", "2015-W43", "week"),
]


@pytest.mark.parametrize("sentence,span,value,granularity", ANAPHORS)
def test_anaphors_take_the_previous_date(sentence, span, value, granularity):
    found = find_times_in_text(sentence, PUB)
    t = _one(found, span)
    assert (t.value, t.granularity) == (value, granularity)
    assert sentence[t.span.start:t.span.end] == t.span.text


@pytest.mark.parametrize("sentence", [
    "On the same day, the airport was shelled.",         # nothing to refer to
    "Talks began on Monday, and the day before the vote the army withdrew.",  # anchored elsewhere
    "They said that day was the worst of the war.",      # no earlier date
])
def test_anaphors_without_a_date_before_them(sentence):
    found = find_times_in_text(sentence, PUB)
    assert not [t for t in found if "day before" in t.span.text or "same day" in t.span.text
                or t.span.text == "that day"]


@pytest.mark.model
@pytest.mark.parametrize("sentence,span,value", [
    # reported future: "would" under a past speech verb looks ahead from publication
    ("She said her party would hold another rally in the capital on Friday.", "Friday", "2015-11-06"),
    ("The union said its members would strike on Monday.", "Monday", "2015-11-02"),
    # a plain conditional stays past-leaning
    ("Talks ended on Tuesday without a deal.", "Tuesday", "2015-10-27"),
])
def test_reported_future(nlp, sentence, span, value):
    assert _one(find_times(nlp(sentence), PUB), span).value == value


def test_reported_future_without_a_model():
    assert _one(find_times_in_text("He said the council would meet on Tuesday.", PUB), "Tuesday").value == "2015-11-03"
