"""Rules of qa/claims.py: an outlet's answers in a passage (a value, or a sentence that states
the act asked about and gives its reason), and whom it attributes them to."""

from __future__ import annotations

import pytest

from qa.question import analyze
from tests.helpers import answered, hit_of, value, value_in


def test_measure_questions_are_typed():
    for text, kind in [
        ("How fast was the train going?", "fast"),
        ("How deep was the earthquake?", "deep"),
        ("How long did the jury deliberate?", "long"),
    ]:
        q = analyze(text)
        assert q.focus == f"measure:{kind}" and q.qtype == "how_many"
    assert analyze("How did the fire start?").focus is None  # "how" + a verb asks for a way


def test_how_close_asks_for_a_distance():
    q = analyze("How close was the shooting to the station?")
    assert q.focus == "measure:close"


def test_what_time_takes_the_time_of_day_of_the_act_not_its_date(word_model):
    from qa.claims import answers

    q = analyze("At what time did the tanker run aground?")
    sentence = value("sentence", "The tanker ran aground at 4:10 am on Sunday.", "tanker run")
    four = value_in(sentence, "time", "4:10 am", "04:10", head="run", lo=250, hi=250)
    sunday = value_in(sentence, "date", "Sunday", "2025-06-01", head="run")
    hit = hit_of(sentence, four, sunday)
    assert [v.text for v, _, _ in answers(q, hit)] == ["4:10 am"]
    # and "when?" still asks for the date
    assert [v.text for v, _, _ in answers(analyze("When did the tanker run aground?"), hit)] == [
        "Sunday"
    ]


def test_a_reason_is_given_only_by_a_sentence_of_the_act(word_model):
    from qa.claims import answers

    q = analyze("Why was the mayor arrested?")
    other = value("sentence", "The mayor spoke to reporters after the hearing.", "mayor speak")
    spoke = value_in(other, "agent", "The mayor", "mayor", head="speak")
    hit = hit_of(other, spoke)
    assert answers(q, hit) == []  # shares "mayor", states no arrest
    held = value(
        "sentence", "The mayor was arrested after police found cash in his office.", "mayor"
    )
    arrested = value_in(held, "object", "The mayor", "mayor", head="arrest")
    hit = hit_of(held, arrested, n=2)
    assert [v.text for v, _, _ in answers(q, hit)] == [held.text]
    # a question of another kind answered by a sentence keeps word overlap
    assert answers(analyze("How did the mayor react?"), hit_of(other, spoke))


def test_a_day_is_not_the_thing_an_act_was_done_to(word_model):
    from qa.claims import answers

    q = analyze("What did the council spend the grant on?")
    sentence = value(
        "sentence", "The council was fined on Monday over the grant.", "council fine grant"
    )
    monday = value_in(sentence, "object", "Monday", "monday", head="fine:on")
    day = value_in(sentence, "date", "Monday", "2025-05-05", head="fine")
    hit = hit_of(sentence, monday, day)
    assert answers(q, hit) == []
    spent = value("sentence", "The council spent the grant on new buses.", "council spend")
    buses = value_in(spent, "object", "new buses", "bus", head="spend:on")
    hit = hit_of(spent, buses, n=2)
    assert [v.text for v, _, _ in answers(q, hit)] == ["new buses"]


def test_where_is_not_answered_by_where_it_came_from(word_model):
    from qa.claims import answers
    from tests.helpers import places_hit

    text = "The ferry sailed from Dover in Kent to Calais on Monday."
    places = ["Dover", "Kent", "Calais"]
    hit = places_hit(text, "ferry sail dover kent calais", places, "The ferry", "sail")
    to = answers(analyze("Where did the ferry sail?"), hit)
    assert [v.text for v, _, _ in to] == ["Calais"]
    came = answers(analyze("Where did the ferry sail from?"), hit)
    assert "Dover" in [v.text for v, _, _ in came]


def test_only_a_preposition_of_direction_stands_in_for_the_act(word_model):
    from qa.claims import answers

    spend = analyze("What did the council spend the grant on?")
    sentence = value("sentence", "The mayor was charged on two counts of fraud.", "mayor charge")
    counts = value_in(sentence, "object", "two counts of fraud", "count", head="charge:on")
    assert answers(spend, hit_of(sentence, counts)) == []
    crash = analyze("What did the van crash into?")
    sped = value("sentence", "The van sped into a bus shelter.", "van speed bus shelter")
    shelter = value_in(sped, "object", "a bus shelter", "bus shelter", head="speed:into")
    found = answers(crash, hit_of(sped, shelter, n=2))
    assert [v.text for v, _, _ in found] == ["a bus shelter"]


def test_an_indefinite_object_of_the_asked_act_counts_one(word_model):
    from qa.claims import answers

    q = analyze("How many cars did the van hit?")
    sentence = value("sentence", "The van hit a parked car.", "van hit park car")
    car = value_in(sentence, "object", "a parked car", "park car", head="hit")
    found = answers(q, hit_of(sentence, car))
    assert [(v.kind, v.lo, v.hi, v.text) for v, _, _ in found] == [
        ("number", 1.0, 1.0, "a parked car")
    ]
    other = value("sentence", "A witness saw a car before the van arrived.", "witness see car")
    seen = value_in(other, "object", "a car", "car", head="see")
    assert answers(q, hit_of(other, seen, n=2)) == []
    several = value("sentence", "The van hit a row of cars.", "van hit row car")
    row = value_in(several, "object", "a row of cars", "car", head="hit")
    assert answers(q, hit_of(several, row, n=3)) == []


def test_which_role_takes_the_name_the_role_is_of(word_model):

    q = analyze("Which lawyer spoke for the mayor after the ruling?")
    assert q.party == "lawyer"
    text = "Jon Reyes, the defendant's attorney, asked for a recess after the ruling."
    sentence = value("sentence", text, "jon reyes defendant attorney ask recess ruling")
    reyes = value_in(sentence, "person", "Jon Reyes", "reyes")
    owner = value_in(sentence, "person", "the defendant", "defendant")
    # "attorney" is "lawyer" by meaning; "the defendant's" names whose attorney, not who
    assert answered(q.text, hit_of(sentence, reyes, owner)) == ["Jon Reyes"]


@pytest.mark.parametrize(
    "text, states",
    [
        ("What did the neighbours hear that night?", False),
        ('He asked: "Why did they not stop?"', False),
        ("The neighbours heard two shots.", True),
        ("Was it a bomb? Police said it was not.", True),  # the last sentence answers
    ],
)
def test_a_question_in_an_article_states_no_answer(text, states, tmp_path):
    from qa.claims import asserts
    from tests.helpers import extracted

    # index time marks the sentence that asks (`index/extract.py`); the question side reads it
    last = [v for v in extracted(text, tmp_path) if v.kind == "sentence"][-1]
    assert asserts(last) is states
    assert not asserts(value("sentence", "Storm hits coast", "x", head="heading"))


def _sentences_answering(question: str, text: str, tmp_path) -> list[str]:
    from qa.claims import answers
    from qa.retrieve import Hit
    from tests.helpers import extracted, stored

    hit = Hit(stored("Courier", 1, *extracted(text, tmp_path), text=text), 1.0, 0.6, None)
    return [v.text for v, _, _ in answers(analyze(question), hit)]


@pytest.mark.parametrize(
    ("question", "answering", "other"),
    [
        # a sentence that states the seeing, not one that only shares the neighbours
        (
            "What did the neighbours see?",
            "Neighbours saw smoke rising from the warehouse roof.",
            "Neighbours said the warehouse had been empty for years.",
        ),
        # what the mayor said, not another speaker's words about the mayor
        (
            "What did the mayor announce for the old town?",
            "Mayor Lena Ortiz announced a curfew for the old town.",
            "Police officials said the curfew would be enforced after the mayor met them.",
        ),
        # a reason, not a sentence that only shares the question's words
        (
            "Why did so many houses collapse, according to engineers?",
            "Many houses collapsed because their walls were made of unreinforced brick.",
            "Engineers said that 40 houses collapsed in the old quarter on Friday.",
        ),
        (
            "What caused the blackout?",
            "The blackout was blamed on a fault at the main substation.",
            "The blackout lasted six hours across the eastern districts.",
        ),
    ],
)
def test_a_do_questions_sentence_states_its_act(question, answering, other, tmp_path, word_model):
    found = _sentences_answering(question, f"{answering} {other}", tmp_path)
    assert found == [answering]


def test_a_duration_of_lasting_measures_its_subject(tmp_path, word_model):
    # "the strike lasted nine days" measures the strike, not a lasting
    text = "The nurses' strike lasted nine days. Talks with the hospital went on for two days."
    found = _sentences_answering("For how many days did the nurses strike?", text, tmp_path)
    assert found == ["nine days"]


def test_a_speaker_the_tagger_named_no_one_answers_who_said_it(word_model):
    from qa.claims import answers

    q = analyze("Which resident told the paper he saw the river rise?")
    first = value("sentence", "Chidi Okoro, 41, spoke by phone.", "chidi okoro 41 speak phone")
    named = value_in(first, "person", "Chidi Okoro", "okoro")
    text = "“I saw the river rise,” said Okoro, who ran outside."
    said = value("sentence", text, "see river rise say okoro run", start=40, attributed_to="Okoro")
    other = "The bridge was closed, said resident Ada Bello."
    bello_said = value("sentence", other, "bridge close say resident ada bello", start=100)
    bello_said = bello_said.model_copy(update={"attributed_to": "resident Ada Bello"})
    bello = value_in(bello_said, "person", "Ada Bello", "bello")
    figures = "Rains rose, according to the latest figures."
    by_figures = value("sentence", figures, "rain rise figure", start=200)
    by_figures = by_figures.model_copy(update={"attributed_to": "the latest figures"})
    hit = hit_of(first, named, said, bello_said, bello, by_figures)
    found = [(v.kind, v.text, v.full) for v, _, _ in answers(q, hit)]
    # Okoro says what was asked (the tagger found no name there); Bello is a resident who
    # said something else; "the latest figures" names no one
    assert found == [("person", "Okoro", "Chidi Okoro")]


def test_who_an_act_was_done_to_is_its_object_not_what_it_was_done_for(word_model):

    q = analyze("Who was convicted?")
    sentence = value(
        "sentence", "The jury convicted the banker of fraud.", "jury convict banker fraud"
    )
    banker = value_in(sentence, "object", "the banker", "banker", head="convict")
    fraud = value_in(sentence, "object", "fraud", "fraud", head="convict:of")
    assert answered(q.text, hit_of(sentence, banker, fraud)) == ["the banker"]


def test_which_thing_is_answered_only_by_one_of_that_kind(word_model):

    q = analyze("Which hospital were the injured taken to?")
    text = "The injured were taken to the county infirmary after the bus hit a wall."
    sentence = value("sentence", text, "injure take county infirmary bus hit wall")
    infirmary = value_in(
        sentence, "object", "the county infirmary", "county infirmary", head="take:to"
    )
    wall = value_in(sentence, "object", "a wall", "wall", head="hit")
    assert answered(q.text, hit_of(sentence, infirmary, wall)) == ["the county infirmary"]


def test_a_question_of_a_kind_of_speech_is_answered_only_by_that_speech(word_model):

    text = "Attorney General Ana Ruiz issued a statement on Omar Hale, saying he had lied."
    norm = "attorney general ana ruiz issue statement omar hale say lie"
    sentence = value("sentence", text, norm, attributed_to="Attorney General Ana Ruiz")
    ruiz = value_in(sentence, "person", "Ana Ruiz", "ruiz")
    hit = hit_of(sentence, ruiz)
    assert answered("Who said Omar Hale had lied?", hit) == ["Ana Ruiz"]
    assert answered("Who testified against Omar Hale?", hit) == []


def test_another_verb_of_the_meaning_takes_the_thing_as_its_object(word_model):
    from qa.claims import answers

    q = analyze("What did the council spend the grant on?")
    funded = value("sentence", "The grant funded two new classrooms.", "grant fund classroom")
    rooms = value_in(funded, "object", "two new classrooms", "classroom", head="fund")
    assert [v.text for v, _, _ in answers(q, hit_of(funded, rooms))] == ["two new classrooms"]
    # the question's own verb takes it with its own preposition: "spent the grant" is not
    # what it was spent on
    spent = value("sentence", "The council spent the grant quickly.", "council spend grant")
    grant = value_in(spent, "object", "the grant", "award", head="spend")
    assert answers(q, hit_of(spent, grant, n=2)) == []
