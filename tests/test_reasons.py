"""Whether a sentence gives a reason, on sentences written for these tests."""

import pytest

from qa.reasons import gives_reason


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was closed because cracks were found in two piers.",
        "Flights were grounded due to ash from the volcano.",
        "A preliminary report blamed the outage on a faulty relay.",
        "The walls were not built to bear the load, resulting in the collapse.",
        "The guard, fearing for his life, fired twice.",
        "He said he acted in self-defence.",
        "She was detained after the court found she had hidden assets.",
        "Troops were sent to the port as part of the relief effort.",
    ],
)
def test_a_cause_a_result_or_a_motive(text):
    assert gives_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "The storm flooded 40 homes in three villages.",
        "He was held pending the outcome of his trial.",
        "The river rose two metres overnight.",
        "A self-defenseless claim",  # a cue inside a longer word is no cue
    ],
)
def test_no_reason(text):
    assert not gives_reason(text)


def test_the_reason_is_the_text_from_its_cue_on():
    from qa.reasons import reason_of

    text = "He was held in May after the judge found he had paid a witness."
    assert reason_of(text) == "after the judge found he had paid a witness."
    assert reason_of("The river rose two metres overnight.") is None


def test_why_a_figure_was_lowered_is_answered_by_why_it_was_revised(tmp_path):
    from tests.helpers import answered, extracted, hit_of

    text = "The death toll was revised to 38 after officials found some bodies counted twice."
    hit = hit_of(*extracted(text, tmp_path))
    assert answered("Why was the death toll lowered?", hit) == [text]
