"""qa/compare.py: two outlets' answers are the same, in conflict, or not comparable."""

from __future__ import annotations

import datetime as dt

from index.models import Value
from qa.compare import compare
from qa.question import analyze


def number(text: str, lo: float, hi: float | None, act: str | None = None) -> Value:
    return Value(kind="number", start=0, end=len(text), text=text, norm=text, lo=lo, hi=hi, act=act)


def day(text: str, d: dt.date) -> Value:
    o = d.toordinal()
    return Value(kind="date", start=0, end=len(text), text=text, norm=d.isoformat(), lo=o, hi=o)


def named(kind: str, norm: str) -> Value:
    return Value(kind=kind, start=0, end=len(norm), text=norm, norm=norm)  # type: ignore[arg-type]


def clock(text: str, norm: str, lo: float, hi: float) -> Value:
    return Value(kind="time", start=0, end=len(text), text=text, norm=norm, lo=lo, hi=hi)


def test_times_of_day_compare_by_interval_on_one_clock():
    exact = clock("9:12 pm", "21:12", 1272, 1272)
    assert compare(exact, clock("just after 9 pm", "21:00", 1260, 1320)) == "same"
    # vaguer readings a few minutes apart: cannot tell, not a conflict
    assert compare(exact, clock("shortly before 10 pm", "22:00", 1290, 1320)) == "unclear"
    assert compare(exact, clock("around 6 am", "06:00", 300, 420)) == "conflict"
    assert compare(exact, clock("2012 GMT", "20:12 gmt", 1212, 1212)) == "unclear"


def test_two_clock_figures_are_one_time_within_a_quarter_of_an_hour():
    four = clock("around 4 pm", "16:00", 900, 1020)  # the hour, rounded, and "around"
    assert compare(four, clock("4:10 pm", "16:10", 970, 970)) == "same"
    assert compare(four, clock("around 4.25pm", "16:25", 955, 1015)) == "conflict"
    # a span told from one side is no figure: its interval holds, with half an hour's slack
    after = clock("just after 4 pm", "16:00", 960, 990)
    assert compare(after, clock("4.25pm", "16:25", 985, 985)) == "same"


def lasted(text: str, lo: float, hi: float) -> Value:
    return Value(kind="duration", start=0, end=len(text), text=text, norm=text, lo=lo, hi=hi)


def test_durations_compare_by_interval_with_slack_for_vague_readings():
    month = lasted("a month-long", 365, 1095)
    assert compare(month, lasted("five-week", 756, 924)) == "same"
    # a loose reading a little apart: vagueness; two counted readings apart: a conflict
    assert compare(lasted("about four hours", 3.2, 4.8), lasted("six hours", 5.5, 6.5)) == "unclear"
    assert compare(lasted("more than 40 years", 40, 60.5), lasted("80 years", 79.5, 80.5)) == (
        "unclear"
    )
    assert compare(lasted("four hours", 3.5, 4.5), lasted("six hours", 5.5, 6.5)) == "conflict"
    assert compare(lasted("90 years", 89.5, 90.5), lasted("95 years", 94.5, 95.5)) == "conflict"
    assert compare(lasted("four hours", 3.5, 4.5), lasted("two days", 36, 60)) == "conflict"


def sentence(norm: str) -> Value:
    return Value(kind="sentence", start=0, end=len(norm), text=norm, norm=norm)


def test_counts_compare_by_value():
    assert compare(number("three", 3, 3), number("three or four", 3, 4)) == "same"
    assert compare(number("two", 2, 2), number("five", 5, 5)) == "conflict"
    assert compare(number("at least 632", 632, None), number("820", 820, 820)) == "same"


def test_a_count_of_acts_joined_by_or_holds_the_count_of_each():
    # "over 150 flights were cancelled, delayed or diverted"; "95 flights were cancelled"
    either = number("over 150 flights", 151, None, act="cancel/delay/divert")
    assert compare(number("95 flights", 95, 95, act="cancel"), either) == "same"
    assert compare(either, number("95 flights", 95, 95, act="divert")) == "same"
    # no more than 40 in all, so not 95 cancelled
    fewer = number("40 flights", 40, 40, act="cancel/delay")
    assert compare(number("95 flights", 95, 95, act="cancel"), fewer) == "conflict"
    # of another act: compared as counts are
    assert compare(number("95 flights", 95, 95, act="land"), fewer) == "conflict"
    assert compare(number("40 flights", 40, 40, act="land"), fewer) == "same"


def test_a_round_count_is_read_as_the_rounding_it_is():
    # "2,000 agents" and "more than 2,000 officers" are the same report
    assert compare(number("2,000", 2000, 2000), number("more than 2,000", 2001, None)) == "same"
    assert compare(number("2,012", 2012, 2012), number("2,059", 2059, 2059)) == "conflict"


def test_dates_compare_by_day():
    wed, fri = dt.date(2026, 1, 7), dt.date(2026, 1, 9)
    assert compare(day("Wednesday", wed), day("Jan 7", wed)) == "same"
    assert compare(day("Wednesday", wed), day("Friday", fri)) == "conflict"


def test_names_and_places_that_differ_are_not_a_conflict():
    assert compare(named("place", "minneapolis"), named("place", "texas")) == "unclear"
    assert compare(named("person", "jacob frey"), named("person", "tim walz")) == "unclear"
    assert compare(named("person", "frey"), named("person", "jacob frey")) == "same"
    # one name inside another as whole words, not letters: an acronym is not a surname
    assert compare(named("organization", "ma"), named("person", "mason")) == "unclear"
    assert compare(named("place", "minneapolis"), named("place", "south minneapolis")) == "same"
    assert compare(named("place", "leeds"), named("place", "leedstown")) == "unclear"
    assert compare(named("place", "minneapolis"), named("number", "3")) == "unclear"


def test_statements_conflict_only_when_one_negates_the_other():
    a = sentence("council approve budget plan vote")
    assert compare(a, sentence("council approve budget plan vote NOT")) == "conflict"
    assert compare(a, sentence("council approve budget plan")) == "same"
    # a "not" in a merely related sentence is no contradiction
    assert compare(a, sentence("mayor NOT attend council meeting budget")) == "unclear"


def test_on_topic_sentences_are_one_answer_only_when_both_name_what_is_asked():
    q = analyze("What did residents see on the airbag?")
    blood = sentence("resident say see blood airbag driver side")
    cpr = sentence("resident live near site describe see paramedic perform cpr")
    assert compare(blood, cpr, q) == "unclear"  # both saw something; one names no airbag
    stain = sentence("resident tell reporter see stain airbag")
    assert compare(blood, stain, q) == "same"
    reacted = analyze("How did the mayor react to the shooting?")
    blasted = sentence("mayor blast officer shooting reckless")
    demanded = sentence("mayor governor demand agent leave city shooting")
    assert compare(blasted, demanded, reacted) == "same"  # two reactions, neither denied


def test_two_things_one_speaker_said_are_not_one_answer_by_the_speakers_name():
    q = analyze("What compensation did the railway minister announce for the victims?")
    by = "Railway Minister Asha Rao"
    aid = sentence("railway minister asha rao announce payment rupee kin deceased injured")
    probe = sentence(
        "board recommend police inquiry crash claim life sunday union railway minister asha "
        "rao clear driver blame say cause identify"
    )
    aid, probe = (
        aid.model_copy(update={"attributed_to": by}),
        probe.model_copy(update={"attributed_to": "Union " + by}),
    )
    assert compare(aid, probe, q) == "unclear"  # the shared words are the minister's name
    again = sentence("minister asha rao announce payment rupee kin deceased")
    assert compare(aid, again.model_copy(update={"attributed_to": by}), q) == "same"


def test_objects_and_agents_of_one_act_compare_by_their_head(word_model):
    assert compare(named("object", "a parked vehicle"), named("object", "two parked car")) == "same"
    assert compare(named("object", "a pole"), named("object", "two parked car")) == "conflict"
    assert compare(named("agent", "ice officer"), named("agent", "police officer")) == "same"
    assert compare(named("agent", "ice officer"), named("agent", "federal agent")) != "conflict"
    assert compare(named("agent", "ice officer"), named("agent", "protester")) == "unclear"


def test_whom_an_outcome_befell_is_one_person_by_many_names(word_model):
    def obj(text: str, norm: str, head: str) -> Value:
        return Value(kind="object", start=0, end=len(text), text=text, norm=norm, head=head)

    woman, motorist = obj("a woman", "woman", "kill"), obj("a motorist", "motorist", "kill")
    assert compare(woman, motorist) == "unclear"  # one victim, two descriptions
    pole, cars = obj("a pole", "pole", "crash:into"), obj("two parked cars", "car", "crash:into")
    assert compare(pole, cars) == "conflict"  # what a car hit is a thing: a pole is not cars


def test_two_places_of_an_act_may_both_hold(word_model):
    station = named("object", "station")
    assert compare(named("object", "village"), station) == "unclear"  # near one, in the other
    assert compare(named("object", "pole"), station) == "conflict"  # a thing is no place


def test_a_name_tagged_as_a_person_or_an_organisation_is_one_name():
    # the small model tags "Frey" as an organisation in one sentence, a person in another
    assert compare(named("person", "frey"), named("organization", "frey")) == "same"
    assert compare(named("person", "frey"), named("organization", "dhs")) == "unclear"


def test_a_person_answers_as_the_organisation_they_hold_a_post_in():
    spokesman = named("person", "brant").model_copy(update={"speaks_for": "Interior Ministry"})
    ministry = Value(kind="organization", start=0, end=8, text="Ministry", norm="ministry")
    assert compare(spokesman, ministry) == "same"
    assert compare(ministry, spokesman) == "same"
    by_acronym = named("organization", "im")  # "the IM", as canonical_org writes it
    assert compare(spokesman, by_acronym) == "same"
    assert compare(spokesman, named("organization", "red cross")) == "unclear"
    colleague = named("person", "ruiz").model_copy(update={"speaks_for": "Interior Ministry"})
    assert compare(spokesman, colleague) == "unclear"  # two people of one ministry: two answers


def test_an_institution_told_by_what_it_does_is_the_one_so_named():
    def org(text: str, norm: str) -> Value:
        return Value(kind="organization", start=0, end=len(text), text=text, norm=norm)

    centre = org("Ruritania's seismological centre", "rsc")
    assert compare(centre, org("National Institute of Seismology", "nis")) == "same"
    assert compare(org("US Geological Survey", "usgs"), centre) == "unclear"
    interior = org("interior ministry", "im")
    assert compare(interior, org("Ministry of the Interior", "mi")) == "same"
    assert compare(interior, org("Ministry of Health", "mh")) == "unclear"
    assert compare(org("ministry", "ministry"), org("Ministry of Health", "mh")) == "unclear"


def test_amounts_in_two_currencies_are_not_compared():
    dollars = number("$6 billion", 6e9, 6e9).model_copy(update={"head": "money:usd"})
    rupees = number("₹20 lakh", 2e6, 2e6).model_copy(update={"head": "money:inr"})
    assert compare(dollars, rupees) == "unclear"
    other = number("$4 billion", 4e9, 4e9).model_copy(update={"head": "money:usd"})
    assert compare(dollars, other) == "conflict"


def test_a_place_told_from_another_is_one_only_with_the_same_telling():
    from qa.where import TOLD_FROM

    told = named("place", "southwest of varna").model_copy(update={"head": TOLD_FROM})
    assert compare(told, told.model_copy(update={"text": "60 km south-west of Varna"})) == "same"
    assert compare(told, named("place", "varna")) == "unclear"  # the anchor is not the place
    north = named("place", "north of varna").model_copy(update={"head": TOLD_FROM})
    assert compare(told, north) == "unclear"


def test_two_answers_to_why_are_one_only_when_their_reasons_are():
    def said(text: str, norm: str) -> Value:
        return Value(kind="sentence", start=0, end=len(text), text=text, norm=norm)

    q = analyze("Why was the mayor arrested before the trial?")
    tampering = said(
        "The mayor was arrested in May after a judge found he had paid a trial witness.",
        "mayor arrest may judge find pay trial witness",
    )
    verdict = said(
        "A jury convicted the mayor after a two-week trial in which his aide testified.",
        "jury convict mayor week trial aide testify",
    )
    again = said(
        "He was arrested after the judge found he had paid a witness in the trial.",
        "arrest judge find pay witness trial",
    )
    # both say "mayor" and "trial", as every answer to the question does: two reasons
    assert compare(tampering, verdict, q) == "unclear"
    assert compare(tampering, again, q) == "same"
