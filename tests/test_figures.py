"""qa/figures.py: the figures a question names in a sentence's counts, on sentences written
for these tests."""

from qa.figures import figure_counts, states_the_figure
from qa.question import analyze
from tests.helpers import value, value_in


def test_a_count_the_questions_figure_holds():
    q = analyze("Who put the death toll above 300?")
    said = value("sentence", "Officials said on Monday that 312 people had died.", "x")
    monday = value_in(said, "date", "Monday", "weekday:monday", head="say")
    count = value_in(said, "number", "312 people", "312..312", head="people", lo=312, hi=312)
    assert figure_counts(q, monday, [said, monday, count]) == [count]
    lower = count.model_copy(update={"lo": 212.0, "hi": 212.0})
    assert not states_the_figure(q, monday, [said, monday, lower])
    assert figure_counts(analyze("Who said it?"), monday, [said, monday, count]) == []


def test_a_figure_in_a_unit_is_a_reading_in_it():
    q = analyze("Which agency put the magnitude at 6 or more?")
    said = value("sentence", "The agency said 6.2-magnitude tremor hurt 40 people.", "x")
    at = value_in(said, "date", "said", "x", head="say")
    reading = value_in(said, "number", "6.2-magnitude", "6.2", head="magnitude", lo=6.2, hi=6.2)
    hurt = value_in(said, "number", "40 people", "40", head="people", lo=40, hi=40)
    assert figure_counts(q, at, [said, at, reading, hurt]) == [reading]
