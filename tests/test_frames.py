"""Who did each act and to what, on sentences written for these tests."""

import pytest

from tests.helpers import extracted


def agents(text: str, tmp_path) -> dict[str, str]:
    return {v.head or "": v.text for v in extracted(text, tmp_path) if v.kind == "agent"}


@pytest.mark.parametrize(
    "text, act, doer",
    [
        # a participle after the clause is done by the clause's doer
        ("The storm hit the coast on Friday, killing 12 people.", "kill", "The storm"),
        ("The mayor rejected the plan, ordering the agents to leave.", "order", "The mayor"),
        # "he" in what a named person says is that person
        ("Transport Minister Jane Doe said she had ordered an inquiry.", "order",
         "Transport Minister Jane Doe"),
        ("Smith said he would resign and leave the city.", "leave", "Smith"),
        # a relative pronoun stands for its noun
        ("The case went to Judge Mira Ito, who presided over the hearing.", "preside",
         "Judge Mira Ito"),
        ("It was a storm that flooded two towns.", "flood", "a storm"),
    ],
)  # fmt: skip
def test_an_act_without_a_named_subject_finds_its_doer(text, act, doer, tmp_path):
    assert agents(text, tmp_path).get(act) == doer


@pytest.mark.parametrize(
    "text, act",
    [
        ("Police said he fled the scene.", "flee"),  # police are not "he"
        ("He was shot, leaving him paralysed.", "leave"),  # no doer named
    ],
)
def test_a_pronoun_no_name_speaks_for_stays_unresolved(text, act, tmp_path):
    assert act not in agents(text, tmp_path)


def test_he_or_she_is_the_person_named_last(tmp_path):
    text = "Senator Ann Marsh arrived late on Tuesday. She voted against the bill."
    voted = [v for v in extracted(text, tmp_path) if v.kind == "agent" and v.head == "vote"]
    assert [(v.text, v.norm) for v in voted] == [("She", "ann marsh")]
    assert text[voted[0].start : voted[0].end] == "She"  # quoted where it stands


def test_the_speaker_after_a_labels_colon(tmp_path):
    text = "Flood Update: Regional Water Minister Hale said that the breach had been found."
    sentence = next(v for v in extracted(text, tmp_path) if v.kind == "sentence")
    assert sentence.attributed_to == "Regional Water Minister Hale"  # not "Flood Update"


def objects(text: str, tmp_path) -> list[tuple[str, str]]:
    return [(v.head or "", v.text) for v in extracted(text, tmp_path) if v.kind == "object"]


def test_each_thing_of_a_list_and_each_example_is_an_object(tmp_path):
    listed = objects("The council spent the grant on roads, schools and a clinic.", tmp_path)
    assert {t for h, t in listed if h == "spend:on"} == {"roads", "schools", "a clinic"}
    examples = objects(
        "The fund paid for public works such as bridges and ferries.", tmp_path
    ) + objects("The storm damaged buildings including a school and two churches.", tmp_path)
    named = {t for _, t in examples}
    assert {"bridges", "ferries", "a school", "two churches"} <= named
    # "as" alone gives no example: what they questioned is not "mayor"
    asked = objects("Critics questioned his time as mayor of the city.", tmp_path)
    assert [t for h, t in asked if h == "question"] == ["his time as mayor of the city"]
