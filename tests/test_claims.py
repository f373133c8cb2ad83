"""qa/claims.py: which value of a sentence fills the slot a question asks about."""

from __future__ import annotations

import pytest

from qa.question import analyze
from qa.when import date_score
from tests.helpers import answered, hit_of, value, value_in


def test_a_measure_question_takes_a_number_in_its_unit():
    from qa.claims import measures

    sentence = value("sentence", "The train ran at 128 km/h, 40 km from the station.", "x")
    rate, away = (
        value_in(sentence, "number", "128 km", "n", head="km", act="run"),
        value_in(sentence, "number", "40 km", "n", head="km", act="station"),
    )
    assert measures("measure:fast", rate, sentence)  # km followed by /h is a speed
    assert not measures("measure:fast", away, sentence)  # a distance is not
    assert measures("measure:far", away, sentence)


def test_a_depth_is_not_a_distance():
    from qa.claims import measures

    sentence = value("sentence", "It struck at a depth of 18 km, 64 km from Springfield.", "x")
    depth, away = (
        value_in(sentence, "number", "18 km", "n", head="km", act="depth"),
        value_in(sentence, "number", "64 km", "n", head="km", act="strike"),
    )
    assert measures("measure:deep", depth, sentence)
    assert not measures("measure:deep", away, sentence)
    assert measures("measure:far", away, sentence)
    assert not measures("measure:far", depth, sentence)
    people = value_in(sentence, "number", "18", "n", head="people")
    assert not measures("measure:far", people, sentence)  # not a unit of length at all


def test_measure_questions_are_typed():
    for text, kind in [
        ("How fast was the train going?", "fast"),
        ("How deep was the earthquake?", "deep"),
        ("How long did the jury deliberate?", "long"),
    ]:
        q = analyze(text)
        assert q.focus == f"measure:{kind}" and q.qtype == "how_many"
    assert analyze("How did the fire start?").focus is None  # "how" + a verb asks for a way


def test_an_age_answers_how_old_whatever_its_sentence_is_about():
    from qa.claims import _value_score

    q = analyze("How old was the driver?")
    sentence = value("sentence", "The death of this 37-year-old driver shocked the city.", "x")
    age = value_in(
        sentence, "number", "37-year-old", "n", head="year-old", act="death"
    )  # its act is an outcome
    assert _value_score(q, age, sentence) is not None
    count = value_in(sentence, "number", "37", "n", head="people", act="death")
    assert _value_score(q, count, sentence) is None


def test_how_close_asks_for_a_distance():
    q = analyze("How close was the shooting to the station?")
    assert q.focus == "measure:close"


def test_which_places_are_places_of_the_act_asked_about(word_model):
    from qa.claims import _value_score

    q = analyze("Which countries sent rescue teams?")
    assert q.places
    sentence = value(
        "sentence", "Spain sent rescue teams to the area on Sunday.", "spain send rescue team"
    )
    spain = value("place", "Spain", "spain", start=0)
    sent = value("agent", "Spain", "spain", "send")
    assert _value_score(q, spain, sentence, [spain, sent]) is not None
    other = value("sentence", "Rescue teams worked in Spain.", "rescue team work spain")
    worked = value("agent", "Rescue teams", "team", "work")
    assert _value_score(q, spain, other, [spain, worked]) is None  # another act: no answer


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


def test_a_unit_asked_by_name_takes_a_number_named_in_it():
    from qa.claims import measures
    from qa.slots import typed_kinds

    q = analyze("What magnitude was the tremor?")
    assert q.focus == "measure:magnitude" and typed_kinds(q) == ("number",)
    assert analyze("Which year did the bridge open?").focus is None  # a year asks for a date
    text = "A magnitude of 5.9 was recorded, and a 6.1-magnitude tremor hit 40 towns."
    sentence = value("sentence", text, "x")
    of, compound, towns = (
        value_in(sentence, "number", "5.9", "n", head=None),
        value_in(sentence, "number", "6.1-magnitude tremor", "n", head="tremor"),
        value_in(sentence, "number", "40 towns", "n", head="town"),
    )
    assert measures(q.focus, of, sentence) and measures(q.focus, compound, sentence)
    assert not measures(q.focus, towns, sentence)
    put = value("sentence", "The survey put the magnitude at 5.9 and counted 12 aftershocks.", "x")
    at, shocks = value_in(put, "number", "5.9", "n"), value_in(put, "number", "12", "n")
    assert measures(q.focus, at, put) and not measures(q.focus, shocks, put)


def test_a_place_or_date_off_the_act_does_not_answer(word_model):
    from qa.claims import _value_score

    q = analyze("Where were the jurors seated during the hearing?")
    text = "The jurors live with their families in Springfield, near the hearing room."
    sentence = value("sentence", text, "juror live family springfield hearing room")
    town = value_in(sentence, "place", "Springfield", "springfield")
    lives = value_in(sentence, "agent", "The jurors", "juror", head="live")
    assert _value_score(q, town, sentence, [sentence, town, lives]) is None
    seated = value_in(sentence, "agent", "The jurors", "juror", head="seat")
    assert _value_score(q, town, sentence, [sentence, town, seated]) is not None
    # a date of a light verb answers "when?" only in a sentence that names the act
    began = analyze("When did the hearing begin?")
    text = "The court has until May 2 to set a date for the hearing."
    sentence = value("sentence", text, "court may set date hearing")
    may = value_in(sentence, "date", "May 2", "2024-05-02", head="have")
    assert date_score(began, may, 0.5, [sentence, may]) is None


def test_how_many_people_counts_any_kind_of_person(word_model):
    from qa.claims import _value_score

    q = analyze("How many people died in the attack?")
    sentence = value("sentence", "A gunman killed a teacher and 3 cars burned.", "x")
    teacher = value_in(sentence, "number", "a teacher", "1..1", head="teacher", act="kill")
    cars = value_in(sentence, "number", "3 cars", "3..3", head="car", act="burn")
    assert _value_score(q, teacher, sentence, [sentence, teacher]) is not None
    assert _value_score(q, cars, sentence, [sentence, cars]) is None


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


def test_who_gave_a_figure_is_the_party_the_count_is_attributed_to(word_model):
    from qa.claims import _value_score

    q = analyze("Who put the death toll at 40?")
    said = value(
        "sentence", "So far 40 people have died, said police chief Ann Cole.",
        "far 40 people die say police chief ann cole", attributed_to="police chief Ann Cole",
    )  # fmt: skip
    cole = value_in(said, "person", "Ann Cole", "cole", attributed_to="police chief Ann Cole")
    count = value_in(
        said, "number", "40 people", "40..40", head="people", lo=40, hi=40,
        attributed_to="police chief Ann Cole",
    )  # fmt: skip
    assert _value_score(q, cole, said, [said, cole, count]) is not None
    other = count.model_copy(update={"lo": 41, "hi": 41, "norm": "41..41"})
    assert _value_score(q, cole, said, [said, cole, other]) is None  # another figure
    # the doer of another act in a sentence with the figure did not give it
    went = value("sentence", "The toll rose to 40 after a bus went off the road.",
                 "toll rise 40 bus go road")  # fmt: skip
    bus = value_in(went, "agent", "a bus", "bus", head="go")
    toll = value_in(went, "number", "40", "40..40", head="people", lo=40, hi=40)
    assert _value_score(q, bus, went, [went, bus, toll]) is None


def test_of_two_counts_the_one_that_names_the_thing_asked_answers(word_model):
    from qa.claims import _value_score

    q = analyze("How many SWAT teams were sent to the plant?")
    assert q.qualifiers == ["SWAT"]
    text = "Police sent four teams of the Riot Unit, two teams of SWAT and 9 fire crews, 2 SWAT."
    sentence = value("sentence", text, "x")
    riot = value_in(sentence, "number", "four teams", "4..4", head="team", act="send", lo=4, hi=4)
    swat = value_in(sentence, "number", "two teams", "2..2", head="team", act="send", lo=2, hi=2)
    short = value_in(sentence, "number", "2 SWAT", "2..2", head="swat", act="send", lo=2, hi=2)
    crews = value_in(sentence, "number", "9 fire crews", "9..9", head="crew", act="send")
    scores = {
        v.text: _value_score(q, v, sentence, [sentence, v]) for v in (riot, swat, short, crews)
    }
    assert scores["two teams"] > scores["four teams"]  # "of SWAT" names it
    assert scores["2 SWAT"] == scores["two teams"]  # a count of the name itself
    assert scores["9 fire crews"] is None


def test_who_said_asks_for_the_speaker_not_a_party_of_what_was_said(word_model):
    from qa.claims import _value_score

    q = analyze("Who said Harlow thought he was above the rules?")
    text = "The minister issued a statement, saying: “Jo Harlow thought he was above the rules.”"
    norm = "minister issue statement say jo harlow think rule"
    sentence = value("sentence", text, norm, attributed_to="The minister")
    thinker = value_in(sentence, "agent", "Jo Harlow", "harlow", head="think")
    named = value_in(sentence, "person", "Jo Harlow", "harlow")
    minister = value_in(sentence, "agent", "The minister", "minister", head="say")
    values = [sentence, thinker, named, minister]
    assert _value_score(q, thinker, sentence, values) is None  # he thought; he did not say
    assert _value_score(q, named, sentence, values) is None  # the question names him
    assert _value_score(q, minister, sentence, values) is not None


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


def test_where_was_a_named_party_is_answered_where_the_party_is_named(word_model):
    from qa.claims import _value_score

    q = analyze("Where was Dana Holt when the storm hit?")
    text = "Governor Dana Holt, who was in Ohio at the time, spoke."
    named = value("sentence", text, "governor dana holt ohio time speak")
    ohio = value_in(named, "place", "Ohio", "ohio")
    assert _value_score(q, ohio, named, [named, ohio]) is not None
    text = "The storm hit Ohio on Monday, flooding the governor's town."
    other = value("sentence", text, "storm hit ohio monday flood governor town")
    ohio_too = value_in(other, "place", "Ohio", "ohio")
    assert _value_score(q, ohio_too, other, [other, ohio_too]) is None  # where the storm was


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


def test_an_employer_is_the_organisation_named_with_the_person(word_model):
    from qa.claims import _value_score
    from qa.slots import typed_kinds

    def score(question: str, text: str, kind: str, phrase: str, head: str) -> float | None:
        sentence = value("sentence", text, text.lower())
        org = value_in(sentence, "organization", "Border Patrol", "border patrol")
        party = value_in(sentence, kind, phrase, phrase.split()[-1], head=head)
        return _value_score(analyze(question), org, sentence, [sentence, org, party])

    assert typed_kinds(analyze("Which agency did the officer work for?")) == ("organization",)
    officer = "A Border Patrol officer fired at the car."
    assert score("Which agency did the officer work for?", officer, "agent",
                 "A Border Patrol officer", "fire")  # fmt: skip
    # the one who did the act the question names the person by ("shooter": who shot)
    shot = "A Border Patrol agent shot the driver."
    assert score("Which agency did the shooter work for?", shot, "agent",
                 "A Border Patrol agent", "shoot")  # fmt: skip
    arrived = "A Border Patrol agent arrived later."
    assert score("Which agency did the shooter work for?", arrived, "agent",
                 "A Border Patrol agent", "arrive") is None  # fmt: skip
    # an organisation that qualifies a thing, not the person
    car = "The officer fired at a Border Patrol car."
    assert score("Which agency did the officer work for?", car, "object",
                 "a Border Patrol car", "fire:at") is None  # fmt: skip


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
