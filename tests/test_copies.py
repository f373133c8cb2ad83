"""index/copies.py: which documents of a story copy one another, on texts written for these
tests."""

from __future__ import annotations

from index.copies import copies, reworded, words_of

WIRE = (
    "The regional ferry operator said on Sunday that its vessel struck the northern harbour "
    "wall shortly after leaving port with more than two hundred passengers aboard. "
    "Prosecutors later made the case that the captain ignored three separate warnings from "
    "the harbour master before the vessel struck the wall at full speed. "
    "Officials said eleven passengers were taken to the county hospital with minor injuries "
    "and that the ferry service would stay suspended until the inquiry was complete."
)
# the same wire text as a second paper ran it: a few words edited, nothing reordered
EDITED = (
    "The regional ferry company said on Sunday that its boat struck the northern harbour "
    "wall shortly after leaving port with more than two hundred travellers aboard. "
    "Prosecutors later made the case that the skipper ignored three separate warnings from "
    "the harbour master before the vessel hit the wall at full speed. "
    "Officials said eleven passengers were taken to the county hospital with minor injuries "
    "and that the ferry service would stay suspended until the inquiry was complete."
)
# its own report, with one sentence of the wire's among its own
OWN = (
    "Residents of the harbour town gathered on the quay on Sunday evening to watch the salvage "
    "crews work under floodlights as the tide came in. "
    "Several shop owners along the seafront said they had long complained about the speed at "
    "which the larger ferries entered the narrow harbour mouth. "
    "Officials said eleven passengers were taken to the county hospital with minor injuries "
    "and that the ferry service would stay suspended until the inquiry was complete. "
    "The town council will meet on Tuesday to discuss whether the harbour needs a lower "
    "speed limit for passenger vessels of that size."
)


def test_a_sentence_edited_word_by_word_is_the_same_sentence():
    a, b = words_of(WIRE.split(". ")[1]), words_of(EDITED.split(". ")[1])
    assert reworded(a, b)
    assert not reworded(a, words_of(OWN.split(". ")[1]))  # another sentence on the same event
    short = words_of("The ferry hit the wall."), words_of("The ferry struck the wall.")
    assert not reworded(*short)  # too short


def test_an_edited_copy_is_a_copy_and_one_borrowed_sentence_is_not():
    assert copies(WIRE, EDITED) and copies(EDITED, WIRE)
    assert not copies(WIRE, OWN)  # one of its four sentences is the wire's
