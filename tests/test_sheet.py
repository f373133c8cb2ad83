"""qa/sheet.py: which facts a story's dispute sheet asks, from its stored frames, and which
answered rows it keeps, in what order."""

from __future__ import annotations

from index.models import StoredPassage, Value
from qa.models import Agreement, Answer, AskResponse, OutletStance, QType
from qa.sheet import (
    Fact,
    count_facts,
    event_noun,
    facts_of,
    inflect,
    object_facts,
    outcome_facts,
    participle,
    rows_of,
    who_fact,
)
from tests.helpers import stored, value


def pairs(*passages: StoredPassage) -> list[tuple[str, Value]]:
    return [(p.outlet, x) for p in passages for x in p.values]


def test_inflection_for_questions():
    assert inflect("shoot", "VBD") == "shot"
    assert inflect("person", "NNS") == "people"
    assert participle("fire") == "were fired"
    assert participle("dead") == "were dead"
    assert participle("die") == "died"  # no passive
    assert participle("deployment") is None  # a noun act is not asked as a verb


def test_event_noun_is_the_subject_most_outlets_use(no_word_model):
    a = stored(
        "A", 1,
        value("agent", "The incident", "incident", "occur"),
        value("sentence", "…", "incident occur street"),
        value("sentence", "…", "shooting leave one dead"),
    )  # fmt: skip
    b = stored(
        "B", 1,
        value("agent", "the shooting", "shooting", "take"),
        value("sentence", "…", "shooting take place"),
    )  # fmt: skip
    c = stored("C", 1, value("sentence", "…", "shooting draw protest"))
    assert event_noun(pairs(a, b, c)) == "shooting"
    # a name is not an event's noun ("Smith-Jones occurred" is a parse, not an event)
    d = stored(
        "D", 1, value("agent", "Smith-Jones", "jones", "occur"), value("sentence", "…", "jones")
    )
    assert event_noun(pairs(d)) is None


def test_who_fact_from_the_act_outlets_report_in_their_own_voice(no_word_model):
    a = stored(
        "A", 1,
        value("agent", "an officer", "officer", "shoot"),
        value("object", "a woman", "woman", "shoot"),
    )  # fmt: skip
    b = stored("B", 1, value("agent", "the officer", "officer", "shoot"))
    said = stored(
        "C", 1,
        value("agent", "a protester", "protester", "attack", attributed_to="DHS"),
        value("agent", "the mayor", "mayor", "say"),
    )  # fmt: skip
    assert who_fact(pairs(a, b, said)) == Fact("who", "Who shot the woman?")
    assert who_fact(pairs(said)) is None  # a claim and a speech verb are not the story's act


def test_counts_two_outlets_report_or_an_outcome_from_one(no_word_model):
    a = stored(
        "A", 1,
        value("number", "two shots", "2..2", "shot", act="fire"),
        value("number", "1.6km", "1.6..1.6", "km", act="stretch"),
        value("number", "12 people", "12..12", "people", act="injure"),
    )  # fmt: skip
    b = stored("B", 1, value("number", "three shots", "3..3", "shot", act="fire"))
    c = stored("C", 1, value("number", "40 people", "40..40", "people", act="die"))
    questions = [f.question for f in count_facts(pairs(a, b, c))]
    assert questions == [
        "How many shots were fired?",
        "How many people died?",
        "How many people were injured?",
    ]
    assert count_facts(pairs(a)) == [Fact("count", "How many people were injured?")]


def test_outcomes_of_people_not_what_they_did(no_word_model):
    hurt = stored(
        "A", 1,
        value("agent", "the officers", "officer", "expect"),
        value("sentence", "…", "officer hurt expect make recovery"),
    )  # fmt: skip
    doer = stored(
        "B", 1,
        value("agent", "an officer", "officer", "kill"),
        value("sentence", "…", "officer shoot kill woman"),
    )  # fmt: skip
    asked = [f.question for f in outcome_facts([hurt, doer], ["officer"])]
    assert "Were any officers hurt?" in asked
    assert "Were any officers killed?" not in asked  # the officer killed; none was killed


def test_what_an_agent_reached_is_one_point_whatever_the_verb(word_model):
    a = stored(
        "A", 1,
        value("agent", "the car", "car", "crash"),
        value("object", "a parked vehicle", "vehicle", "crash:into"),
    )  # fmt: skip
    b = stored(
        "B", 1,
        value("agent", "the vehicle", "vehicle", "ram"),
        value("object", "a pole", "pole", "ram:into"),
    )  # fmt: skip
    facts = object_facts([a, b])
    assert len(facts) == 1 and facts[0].kind == "what"
    assert facts[0].question in {"What did the car crash into?", "What did the vehicle ram into?"}
    assert object_facts([a]) == []  # one outlet is no point of comparison


def test_facts_start_with_when_and_where(no_word_model):
    facts = facts_of([stored("A", 1, value("sentence", "…", "rain fall"))])
    assert [f.kind for f in facts[:2]] == ["when", "where"]
    assert facts[0].question == "When did it happen?"


def response(verdict: str, stances: list[tuple[str, str, str | None]]) -> AskResponse:
    outlets = [
        OutletStance(outlet=o, doc_ids=[o], stance=s, passage_id=p)  # type: ignore[arg-type]
        for o, s, p in stances
    ]
    return AskResponse(
        question="q",
        qtype=QType.what,
        answer=Answer(),
        agreement=Agreement(verdict=verdict, outlets=outlets, explanation="…"),  # type: ignore[arg-type]
        passages=[],
    )


def test_rows_disputed_first_and_only_what_outlets_state():
    answers = {
        "When?": response("mixed", [("A", "conflicts", "a:1"), ("B", "supports", "b:1")]),
        "Where?": response("consistent", [("A", "supports", "a:2"), ("B", "supports", "b:2")]),
        "Who?": response("no_evidence", [("A", "unclear", None)]),
        "What calm?": response("consistent", [("A", "supports", "a:3"), ("B", "supports", "b:3")]),
        "What hit?": response("conflicting", [("A", "conflicts", "a:4"), ("B", "supports", "b:4")]),
        "How many?": response("consistent", [("A", "supports", "a:2"), ("B", "supports", "b:2")]),
    }
    facts = [
        Fact("where", "Where?"),
        Fact("when", "When?"),
        Fact("who", "Who?"),
        Fact("what", "What calm?"),
        Fact("what", "What hit?"),
        Fact("count", "How many?"),
    ]
    rows = rows_of(facts, answers.__getitem__)
    assert [r.question for r in rows] == ["When?", "What hit?", "Where?"]
    assert [r.disputed for r in rows] == [True, True, False]
    # "How many?" repeats "Where?"'s answers exactly: dropped; "Who?": no outlet states it


def test_an_adverbial_after_at_is_no_target(word_model):
    def fired_at(outlet: str, text: str, norm: str) -> StoredPassage:
        return stored(
            outlet, 1,
            value("agent", "the officer", "officer", "fire"),
            value("object", text, norm, "fire:at"),
        )  # fmt: skip

    close, blank = (
        fired_at("A", "close range", "range"),
        fired_at("C", "point-blank range", "range"),
    )
    assert object_facts([close, blank]) == []  # "at close range" says how, not at what
    crowd, car = fired_at("B", "the crowd", "crowd"), fired_at("D", "the car", "car")
    assert [f.question for f in object_facts([crowd, car])] == ["What did the officer fire at?"]
