"""index/affiliation.py: the organisation a named person holds a post in."""

from __future__ import annotations

import pytest

from index.affiliation import speaks_for
from index.nlp import get_nlp


def posts(sentence: str) -> dict[str, str | None]:
    doc = get_nlp()(sentence)
    return {e.text: speaks_for(e) for e in doc.ents if e.label_ in {"PERSON", "ORG"}}


@pytest.mark.parametrize(
    ("sentence", "name", "org"),
    [
        # an appositive's post "of / for" an organisation
        ("Karl Brant, a spokesman for the Ruritanian Red Cross, said the toll had risen.",
         "Karl Brant", "Ruritanian Red Cross"),
        ("So far, 40 people have died, said Tom Hale, chief press officer of the Northern "
         "Harbour Authority.", "Tom Hale", "Northern Harbour Authority"),
        # a title before the name: its proper nouns less the post
        ("Interior Ministry spokesman Karl Brant said the toll had risen.",
         "Karl Brant", "Interior Ministry"),
        ("Acme founder Tom Hale was convicted on Friday.", "Tom Hale", "Acme"),
    ],
)  # fmt: skip
def test_a_post_names_the_organisation_it_is_held_in(sentence, name, org):
    assert posts(sentence)[name] == org


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Former President Ana Ruiz said so.", "Ana Ruiz"),  # an adjective, no organisation
        ("US Senator Tom Hale said so.", "Tom Hale"),  # a country is no organisation here
        ("Judge Ana Ruiz said so.", "Ana Ruiz"),  # a post alone
        ("Tom Hale, the son of John Smith, said so.", "Tom Hale"),  # kin: a person
        ("Tom Hale, a resident of Amberley, said so.", "Tom Hale"),  # no post
        ("Prime Minister Ana Ruiz said so.", "Ana Ruiz"),  # all title
        ("Ponzi schemer Tom Hale was jailed.", "Tom Hale"),  # no post
        ("He was jailed after Judge Lewis A. Kaplan revoked his bail.", "Lewis A. Kaplan"),
    ],
)
def test_a_title_or_kin_without_an_organisation_names_none(sentence, name):
    assert posts(sentence)[name] is None
