"""Whom a named person speaks for: the organisation news names beside a person's name, in an
appositive ("Ana Ruiz, the head of the National Rescue Agency") or in the title before it
("Interior Ministry spokesman Karl Brant")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from index.lexicon import lexicon

# prepositions that tie a post to its organisation: "head OF", "spokesman FOR", "professor AT"
OF_ORG = frozenset({"of", "for", "at"})
# entities that name no organisation: "the son of John Smith", "a resident of Amberley"
NOT_ORG = frozenset({"PERSON", "GPE", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"})


def speaks_for(name: Span) -> str | None:
    """The organisation the sentence names as the one this person holds a post in, as written
    ("National Rescue Agency", "Interior Ministry"), or None."""
    return _in_appositive(name.root) or _in_title(name)


def _in_appositive(root: Token) -> str | None:
    """ "Ana Ruiz, the head of the National Rescue Agency": the proper noun an appositive's
    "of / for / at" governs, when the appositive names a post."""
    for post in (c for c in root.children if c.dep_ == "appos" and _a_post(c)):
        for prep in (c for c in post.children if c.dep_ == "prep" and c.lower_ in OF_ORG):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                named = _proper_phrase(obj)
                if named:
                    return named
    return None


def _proper_phrase(head: Token) -> str | None:
    """A proper noun with the proper nouns that qualify it ("South Eastern Railway"), unless
    the tagger reads it as a person, a place or a people."""
    if head.pos_ != "PROPN" or head.ent_type_ in NOT_ORG:
        return None
    doc, first = head.doc, head.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
        first -= 1
    return doc[first : head.i + 1].text


def _in_title(name: Span) -> str | None:
    """ "Interior Ministry spokesman Karl Brant", "Railways Minister Ana Ruiz": the proper
    nouns of the title before the name, less its last word (the post). An adjective ("Former
    President"), a place ("US Attorney") or a single word ("Judge") names no organisation."""
    doc, i = name.doc, name.start
    while i > name.sent.start and doc[i - 1].dep_ == "compound" and doc[i - 1].head.i >= i:
        i -= 1
    title = doc[i : name.start]
    if len(title) < 2 or not _a_post(title[-1]):
        return None  # "Ponzi schemer Tom Hale", "Judge Lewis A. Kaplan": no post named
    lex = lexicon()
    named = [t for t in title[:-1] if t.pos_ == "PROPN" or t.ent_type_ == "ORG"]  # "FTX" a noun
    words = [t for t in named if t.lower_ not in lex.post_modifiers]
    words = [t for t in words if t.lower_ not in lex.posts]  # "Chief Minister": all title
    if not words or words[-1].i != title[-2].i or words[0].ent_type_ in NOT_ORG:
        return None
    return doc[words[0].i : words[-1].i + 1].text


def _a_post(tok: Token) -> bool:
    """A noun for a post held in an organisation ("spokesman", "founder", "minister")."""
    return tok.lemma_.lower() in lexicon().posts or tok.lower_ in lexicon().posts
