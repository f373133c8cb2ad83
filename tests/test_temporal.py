"""index/temporal.py: times of day and durations in parsed sentences written for these tests,
with the act each is of."""

from tests.helpers import extracted


def test_times_of_day_carry_the_act_they_time(tmp_path):
    text = (
        "The tanker ran aground just after 4 am (0300 GMT), the coastguard said. "
        "About 7 pm, crews had pumped out 30 tonnes of fuel."
    )
    values = extracted(text, tmp_path)
    times = [v for v in values if v.kind == "time"]
    assert [(v.text, v.norm, v.head) for v in times] == [
        ("just after 4 am", "04:00", "run"),
        ("About 7 pm", "19:00", "pump"),
    ]
    assert times[0].attributed_to == "the coastguard"
    # a time is no count, agent or object of its own ("0300 GMT", "7 pm")
    inside = [v for v in values if v.kind in {"number", "agent", "object"} and "GMT" in v.text]
    assert inside == [] and not any(v.kind == "agent" and "7 pm" in v.text for v in values)


def test_durations_carry_what_they_measure(tmp_path):
    text = (
        "The board voted after just over six hours of talks. "
        "A week-long strike ended on Monday. "
        "The pilots negotiated for three days."
    )
    values = extracted(text, tmp_path)
    durations = [(v.text, v.norm, v.head) for v in values if v.kind == "duration"]
    assert durations == [
        ("just over six hours", "6 hour", "talk"),
        ("A week-long", "1 week", "strike"),
        ("three days", "3 day", "negotiate"),
    ]
    assert not [v for v in values if v.kind == "number" and "hours" in v.text]
