"""Superlatives ("the deadliest storm", "the most powerful quake ever to hit"): a claim that
states one is stated only by a sentence that states one of like meaning; the act of its
scope ("ever RECORDED", "to HIT the island") is no act the sentence must repeat."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from index.models import Value
from qa.lexicon import grammar
from qa.match import prime, similarity

# Two superlatives of one degree, read as things ("the strongest"): on general pairs, one
# meaning scored 0.70-0.92 ("most lethal" ~ "deadliest" 0.70, "most powerful" ~ "strongest"
# 0.76, "largest" ~ "biggest" 0.92) and two 0.41-0.59 ("strongest" ~ "deadliest" 0.59,
# ~ "largest" 0.57, "worst" ~ "biggest" 0.45, "first" ~ "largest" 0.42)
ONE_DEGREE = 0.65
SCOPE_DEPS = {"acl", "relcl"}  # "the strongest quake EVER RECORDED", "the worst THE CITY HAD SEEN"


def scope(tokens: Iterable[Token]) -> list[Token]:
    """The clauses that bound a superlative's scope, on the superlative or on the noun it
    qualifies ("ever recorded in Ruritania", "to ever hit the country"), each verb first."""
    toks = list(tokens)
    heads = {t.i for t in toks if t.tag_ == "JJS"} | {
        t.head.i for t in toks if t.tag_ == "JJS" and t.dep_ == "amod"
    }
    heads |= {t.head.head.i for t in toks if t.tag_ == "RBS" and t.head.dep_ == "amod"}
    verbs = [t for t in toks if t.dep_ in SCOPE_DEPS and t.head.i in heads]
    return [w for v in verbs for w in [v, *(x for x in v.subtree if x is not v)]]


def states_superlative(claimed: list[Value], inside: list[Value]) -> bool:
    """The sentence (its values, `inside`) states a superlative of each of the claim's
    degrees (index/superlatives.py): the same adjective, or one of like meaning that is not
    its opposite."""
    said = [v for v in inside if v.kind == "superlative"]
    prime([v.text for v in claimed + said], ("thing",))
    return all(any(_one_degree(c, s) for s in said) for c in claimed)


def _one_degree(a: Value, b: Value) -> bool:
    if a.norm == b.norm:
        return True
    if frozenset((a.norm, b.norm)) in grammar().opposites:
        return False
    return (similarity(a.text, b.text, "thing") or 0.0) >= ONE_DEGREE
