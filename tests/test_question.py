"""Question analysis on questions written for these tests: type, the act, and what is counted."""

import pytest

from qa.models import QType
from qa.question import analyze


@pytest.mark.parametrize(
    "text, qtype, focus",
    [
        ("How many boats sank in the harbour?", QType.how_many, "boat"),
        # counting occurrences of the act: the same head extraction gives "fired four times"
        ("How many times did the crew fire the cannon?", QType.how_many, "time:fire"),
        ("How many times was the alarm sounded?", QType.how_many, "time:sound"),
        ("How many times did the bell ring?", QType.how_many, "time:ring"),  # 'ring' as a noun
        ("How old was the pilot?", QType.how_many, "year-old"),
        ("When did the ferry leave?", QType.when, None),
        # a time of day, not a date
        ("At what time did the ferry leave?", QType.when, "clock"),
        ("Roughly what time of day did the storm hit?", QType.when, "clock"),
        ("What time frame did the council set?", QType.when, None),
        # "which" + a kind of party asks who, whatever adjectives come between
        ("Which senior judge heard the appeal?", QType.who, None),
        ("Which judge heard the appeal?", QType.who, None),
        ("Which agency recorded the tremor?", QType.who, None),
        ("Which state agency recorded the tremor?", QType.who, None),
        ("Which rebel group claimed the attack?", QType.who, None),
        ("Which bridge was closed first?", QType.what, None),
        ("What did the ministry say?", QType.what, None),
        # a noun naming a measure asks what "how deep / long / fast …?" asks
        ("What was the depth of the tremor?", QType.how_many, "measure:deep"),
        ("What was the tremor's depth?", QType.how_many, "measure:deep"),
        ("What is the longest jail term the captain faces?", QType.how_many, "measure:lasting"),
        ("What is the maximum sentence Ana Ruiz faces?", QType.how_many, "measure:lasting"),
        ("What was the top speed of the ferry?", QType.how_many, "measure:fast"),
        ("What is the name of the ferry?", QType.what, None),
        ("Who is Ana Ruiz-Cole's lawyer?", QType.who, "lawyer"),  # not the possessor
        # a unit asks for a reading in it, after "what" or as the thing asked about
        ("What magnitude was the tremor?", QType.what, "measure:magnitude"),
        ("What was the magnitude of the tremor?", QType.what, "measure:magnitude"),
    ],
)
def test_type_and_focus(text, qtype, focus):
    q = analyze(text)
    assert (q.qtype, q.focus) == (qtype, focus)


def test_a_measure_noun_keeps_what_it_measures():
    q = analyze("What is the longest jail term the captain faces?")
    assert q.measured == ["jail", "captain"]
    assert analyze("What was the length of the strike?").measured == ["strike"]
    assert analyze("How deep was the tremor?").measured == []


def test_a_state_asked_with_be_is_kept_as_a_phrase():
    assert analyze("For how many days was the captain in detention?").state == "in detention"
    assert analyze("How long was the captain in custody?").state == "in custody"
    assert analyze("How long did the strike last?").state is None


def test_a_count_of_times_without_a_verb_keeps_its_noun():
    assert analyze("How many times?").focus == "time"


def test_the_act_phrase_keeps_an_idioms_object():
    from qa.question import analyze

    assert analyze("Who pulled the trigger?").phrase == "pull the trigger"
    assert analyze("How many people lost their lives?").phrase == "lose their lives"
    assert analyze("Who fired?").phrase is None  # a verb alone is matched as a verb


@pytest.mark.parametrize(
    "text, copular, passive, focus",
    [
        ("Who is the council spokesperson quoted in the report?", True, False, "spokesperson"),
        ("Who was the judge overseeing the case?", True, False, "judge"),
        ("Who was arrested by police?", False, True, None),
        ("Who is leading the inquiry?", False, False, None),
        # the passive completes the clause of an active verb: who said it, not who was found
        ("Who said the cause of the fire had been found?", False, False, None),
        ("Who was shot and killed?", False, True, None),
    ],
)
def test_a_participle_after_the_noun_still_asks_who_holds_the_role(text, copular, passive, focus):
    q = analyze(text)
    assert (q.copular, q.passive, q.focus) == (copular, passive, focus)


@pytest.mark.parametrize(
    "text, figures",
    [
        ("When was the death toll put above 1,000?", [(1001.0, float("inf"))]),
        ("When was the toll revised to 275?", [(275.0, 275.0)]),
        ("Which agency gave the 5.9 reading?", [(5.9, 5.9)]),
        ("Which agency put the magnitude at 6 or more?", [(6.0, float("inf"))]),
        ("Who put the toll at 40 or fewer?", [(0.0, 40.0)]),
        ("When were the 2,000 agents sent?", []),  # a count of agents, not a tally's figure
    ],
)
def test_the_figures_a_question_about_a_tally_states(text, figures):
    assert analyze(text).figures == figures


@pytest.mark.parametrize(
    "question, qualifiers",
    [
        ("How many SWAT units were sent to the plant?", ["SWAT"]),
        ("How many units of the National Guard were deployed?", ["National Guard"]),
        ("How many bodies had been identified by Sunday?", []),  # a day names no thing
    ],
)
def test_a_count_question_names_what_it_counts(question, qualifiers):
    assert analyze(question).qualifiers == qualifiers


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        # the tagger takes these verbs for nouns; the do-question's run ends with its verb
        ("What compensation did the port authority announce for the crews?", ["announce"]),
        ("When did the council vote on the budget?", ["vote"]),
        ("When did the rescue operation end?", ["end"]),
    ],
)
def test_a_do_questions_verb_tagged_as_a_noun(text, verbs):
    q = analyze(text)
    assert q.verbs == verbs and q.done


@pytest.mark.parametrize(
    "text, said",
    [
        ("Which resident told the paper he saw the river rise?", ["see", "river", "rise"]),
        ("Who said the cause had been found?", ["cause", "find"]),
        ("Who told Reuters that Hale resigned?", ["resign"]),  # names are not what was said
        ("Who fired the shots?", []),  # no speech
    ],
)
def test_what_a_speaker_is_asked_to_have_said(text, said):
    assert analyze(text).said == said


@pytest.mark.parametrize(
    "text, verbs, lemmas",
    [
        # whose account is asked is not an act ("accord") nor a thing the answer must name
        ("Why did the dam fail, according to engineers?", ["fail"], ["dam", "fail"]),
        ("According to the coastguard, why did the ferry sink?", ["sink"], ["ferry", "sink"]),
        # the verb of causing frames the question; the act asked about is the event
        ("What caused the blackout?", ["blackout"], ["blackout"]),
        ("What led to the evacuation of the ward?", ["evacuation"], ["evacuation", "ward"]),
    ],
)
def test_the_frame_of_a_why_question_is_not_its_act(text, verbs, lemmas):
    q = analyze(text)
    assert (q.qtype, q.verbs, q.lemmas, q.text) == (QType.why, verbs, lemmas, text)


def test_what_caused_is_a_why_question_but_what_was_caught_is_not():
    assert analyze("What was behind the delay?").qtype == QType.why
    assert analyze("What did the net catch?").qtype == QType.what


def test_the_act_phrase_keeps_the_adjective_it_predicates():
    assert analyze("When was Okafor found guilty?").phrase == "find guilty"
    assert analyze("When was Okafor arrested?").phrase is None
