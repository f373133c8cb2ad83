"""What a bare count counts when its subject is a tally, on sentences written for these tests."""

import pytest

from tests.helpers import extracted


def counts(text: str, tmp_path) -> list[tuple[str | None, str | None, str]]:
    return [(v.head, v.act, v.norm) for v in extracted(text, tmp_path) if v.kind == "number"]


@pytest.mark.parametrize(
    "text, head, act",
    [
        ("The death toll from the storm climbed to 41 on Monday.", "people", "death"),
        ("The number of deaths was later revised to 39.", "people", "death"),
        ("By nightfall the toll stood at 17.", "people", "death"),
        ("The injury toll rose to 120.", "people", "injury"),
        ("The number of flights cancelled reached 300.", "flight", "cancel"),
        ("The blaze claimed 14 lives overnight.", "people", "death"),
    ],
)
def test_a_tally_names_what_its_bare_count_counts(text, head, act, tmp_path):
    (found,) = counts(text, tmp_path)
    assert found[:2] == (head, act)


@pytest.mark.parametrize(
    "text",
    [
        "The final score was 3 to 1.",  # a score is no tally
        "Officials said 12 people were hurt.",  # a head noun of its own wins
        "Lifeguards saved 30 lives this summer.",  # lives saved are no deaths
    ],
)
def test_other_counts_keep_their_own_reading(text, tmp_path):
    assert all(head != "people" or act != "death" for head, act, _ in counts(text, tmp_path))


@pytest.mark.parametrize(
    "text, count",
    [
        ("A gunman killed a teacher at the school.", ("teacher", "kill", "1..1")),
        ("A cyclist was injured in the crash.", ("cyclist", "injure", "1..1")),
        ("The gunman killed a teacher and a pupil.", None),  # two, not one
        ("A teacher spoke at the vigil.", None),  # no outcome befell her
    ],
)
def test_one_person_an_outcome_befell_is_a_count_of_one(text, count, tmp_path):
    found = counts(text, tmp_path)
    assert found == ([count] if count else [])
