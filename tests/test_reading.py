"""Rules of qa/reading.py: how one sentence, parsed as index time parses it, reads a claim."""

from __future__ import annotations

import pytest

from qa.reading import _conjoined, _count_conflict
from qa.statement import ClaimFrame
from tests.helpers import reading, value


def test_a_date_of_a_conjoined_act_dates_the_claims_act(word_model):
    claimed = value("date", "March 15", "2026-03-15", "shoot")
    said = value("date", "Wednesday", "2026-01-07", "kill", start=40)
    officer_shoots = value("agent", "An officer", "officer", "shoot")
    officer_kills = value("agent", "An officer", "officer", "kill")
    rescuers_search = value("agent", "rescuers", "rescuer", "kill", start=60)
    assert _conjoined(claimed, said, [officer_shoots, officer_kills, said])
    assert not _conjoined(claimed, said, [officer_shoots, rescuers_search, said])


def test_a_count_that_is_its_verbs_subject_can_contradict(word_model):
    five = value("number", "five shots", "5..5", "shot", act="fire", lo=5, hi=5)
    frame = ClaimFrame("The officer fired five shots", ["officer", "fire", "shot"], ["fire"], False)
    frame.values = [five]
    rang = value("number", "three gunshots", "3..3", "gunshot", start=10, act="ring", lo=3, hi=3)
    subject = value("agent", "three gunshots", "gunshot", "ring", start=10)
    assert _count_conflict(frame, [rang, subject])
    # what someone did something to is another count ("pleaded not guilty to two counts")
    assert not _count_conflict(frame, [rang])
    # a unit measures, it does not count the claim's thing
    km = value("number", "64 km", "64..64", "km", act="be", lo=64, hi=64)
    depth = value("number", "18 km", "18..18", "km", start=20, act="be", lo=18, hi=18)
    unit_frame = ClaimFrame("The epicentre was 64 km away", ["epicentre", "km"], [], False)
    unit_frame.values = [km]
    assert not _count_conflict(unit_frame, [depth])


@pytest.mark.parametrize(
    "claim, sentence, stance",
    [
        # a duration the claim states must be the one the sentence gives
        ("The mayor was sentenced to 12 years in prison.",
         "The mayor was sentenced to 12 years in prison on Monday.", "supports"),
        ("The mayor was sentenced to 12 years in prison.",
         "The mayor was sentenced to four years in prison on Monday.", "contradicts"),
        ("The mayor was sentenced to 12 years in prison.",
         "The mayor faces a maximum sentence of 40 years in prison.", None),
    ],
)  # fmt: skip
def test_a_claimed_duration_is_compared(claim, sentence, stance, tmp_path):
    assert reading(claim, sentence, tmp_path) == stance


def test_a_victim_named_with_an_article_is_no_count_a_claim_states(tmp_path):
    claim = "A gunman killed a teacher in Springfield"
    said = "The gunman killed the teacher in Springfield on Monday."  # no count given
    assert reading(claim, said, tmp_path) == "supports"


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # a "not" denies its own clause: the plea, not the testimony
        ("The mayor testified in his own defence.",
         "The mayor pleaded not guilty to every count and testified on his own behalf.",
         "supports"),
        ("The mayor pleaded guilty.",
         "The mayor pleaded not guilty to every count and testified on his own behalf.",
         "contradicts"),
        # a negated clause of the claim's act denies it as a sentence stating it supports it
        ("The victim's identity was released.",
         "Police named no suspect in the crash, and the identity of the driver was not released.",
         "contradicts"),
        ("Officers were injured.", "None of the officers appears injured.", "contradicts"),
        # "she" is the person the article named last
        ("Dana Holt pleaded guilty.",
         "Dana Holt arrived at the court on Monday. She pleaded not guilty to all charges.",
         "contradicts"),
    ],
)  # fmt: skip
def test_a_negation_denies_the_claim_only_in_its_clause(claim, text, stance, tmp_path):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # the act of the claim's main clause must be stated; its setting ("before he fired")
        # alone says nothing of whether the car hit him
        ("The car hit the guard before he fired.",
         "The car moved forward and the guard standing in front of the car fired two shots.",
         None),
        ("The car hit the guard before he fired.",
         "The car hit the guard, who then fired two shots.", "supports"),
    ],
)  # fmt: skip
def test_the_main_act_of_a_claim_must_be_stated(claim, text, stance, tmp_path):
    assert reading(claim, text, tmp_path) == stance


def test_a_claim_about_what_was_said_is_read_by_what_was_said(tmp_path):
    claim = "The agency said the guard acted in self-defense."
    said = "Agency officials claimed the guard acted in self-defense."
    assert reading(claim, said, tmp_path) == "supports"


@pytest.mark.parametrize(
    "claim, sentence, stance",
    [
        # what someone says is stated by any verb of saying
        ("The senator says he is innocent.", "The senator maintains his innocence.", "supports"),
        ("The senator says he is innocent.", "The senator was innocent, the jury found.", None),
        # "people" is stated by any noun for a kind of person, not by a thing
        ("People were trapped.", "Dozens of residents were trapped in the rubble.", "supports"),
        ("People were trapped.", "Several cars were trapped in the rubble.", None),
        # a time named by the story's event need not be repeated ...
        ("Residents were trapped in the rubble after the storm.",
         "Residents were trapped in the rubble on Sunday.", "supports"),
        # ... but a clause is a claim of its own
        ("The guard fired after the driver accelerated.", "The guard fired two shots.", None),
        # an approximation centred on the claimed figure states it
        ("2,000 officers were sent to the city.",
         "About 2,000 officers were sent to the city on Monday.", "supports"),
        ("The blast was 30 km from the border.",
         "The blast was some 30 km from the border, officials said.", "supports"),
        # an open claim is not confirmed by an estimate of its bound
        ("More than 2,000 officers were sent to the city.",
         "About 2,000 officers were sent to the city on Monday.", None),
        # a thing of like meaning the sentence is about states the claim's thing
        ("The death toll in the ferry crash was 41.",
         "The death toll rose to 41 in the worst ferry accident in years.",
         "supports"),
        # a verb of like meaning states the act only when done by or to the claim's party
        ("Okafor was acquitted.",
         "At the trial, friends of Okafor cooperated with prosecutors.", None),
        # an act with the adjective it predicates is read as a whole, by meaning
        ("Okafor was found guilty of fraud.",
         "A jury convicted Okafor of fraud on Friday.", "supports"),
        ("Okafor was found not guilty of fraud.",
         "A jury convicted Okafor of fraud on Friday.", "contradicts"),
        # …not as its bare verb ("find" is 0.67 from "look")
        ("Okafor was found guilty of fraud.",
         "None of the jurors looked at Okafor as the fraud verdict was read.", None),
        # the claim's doer named by a noun of like meaning; a magnitude given after its unit
        ("The earthquake had a magnitude of 5.9.",
         "The agency said the quake had a magnitude of 5.9 and struck at dawn.", "supports"),
        ("The earthquake had a magnitude of 5.9.",
         "The 6.1-magnitude quake struck at dawn, the agency said.", "contradicts"),
    ],
)  # fmt: skip
def test_a_sentence_states_a_claim_in_other_words(claim, sentence, stance, tmp_path, word_model):
    assert reading(claim, sentence, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # a claim about an event is stated where a thing of like meaning happened
        ("The crash happened on Tuesday evening.",
         "The collision occurred at about 7 pm on Tuesday, on the ring road.", "supports"),
        ("The crash happened on Wednesday.",
         "The collision occurred at about 7 pm on Tuesday, on the ring road.", "contradicts"),
        ("The crash happened on Tuesday.",
         "The accident took place shortly after 7 pm on Tuesday.", "supports"),
        # something else that happened is not the event
        ("The crash happened on Saturday.",
         "A protest occurred outside the town hall on Friday.", None),
    ],
)  # fmt: skip
def test_an_event_is_read_by_what_happened(claim, text, stance, tmp_path, word_model):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        ("The van crashed into a lamp post.", "The van ploughed into a post.", "supports"),
        ("The van crashed into a lamp post.",
         "The van then sped into two parked cars.", "contradicts"),
    ],
)  # fmt: skip
def test_what_the_claims_doer_ran_into_is_read_by_meaning(
    claim, text, stance, tmp_path, word_model
):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # "made contact with" names the contact a claim's "hit" states; hedged, it hedges
        ("The lorry hit the guard.",
         "It is not clear whether the lorry made contact with the guard.", "hedges"),
        ("The lorry hit the guard.", "The lorry made contact with the guard.", "supports"),
    ],
)  # fmt: skip
def test_a_contact_named_by_a_noun_is_read_as_contact(claim, text, stance, tmp_path, word_model):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # an act that reports the claim's act states it …
        ("The harbour district was damaged.",
         "Several warehouses in the harbour district collapsed in the storm.", "supports"),
        ("The town hall was damaged in the blast.",
         "The blast destroyed the town hall on Friday.", "supports"),
        # … one way only: a damage reports no collapse
        ("Several warehouses in the harbour district collapsed.",
         "The harbour district was damaged in the storm.", None),
        # and a "not" of the reporting act denies nothing of the act it reports
        ("The harbour district was damaged.",
         "The warehouses in the harbour district did not collapse in the storm.", None),
    ],
)  # fmt: skip
def test_an_act_that_reports_the_claims_act_states_it(claim, text, stance, tmp_path, word_model):
    assert reading(claim, text, tmp_path) == stance
