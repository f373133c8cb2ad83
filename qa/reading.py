"""How one sentence reads a claim: supports, contradicts, hedges, or says nothing of it. The
claim's act, parties, counts and dates are matched by meaning (`qa/match.py`), a "not" only
in its own clause, a hedge as uncertainty, not denial."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.frames import by_pronoun
from index.lexicon import PRONOUNS, lexicon
from index.models import Value
from qa.acts import shares_doer
from qa.compare import ROUND_SHARE, compare, interval
from qa.contact import contact_acts, contact_relation
from qa.lexicon import grammar
from qa.match import (
    ANYONE,
    antonym_pairs,
    any_act,
    is_outcome,
    is_person,
    phrase_act,
    prime,
    reported_by,
    same_act,
    same_thing,
    stem,
)
from qa.models import CheckStance
from qa.question import framing_verbs
from qa.stance import hedge_cue
from qa.statement import ClaimFrame
from qa.superlatives import states_superlative

# a sentence speaks to a claim when it states most of the claim's content words (and its act)
ABOUT_MIN = 0.6
SAME_STATEMENT = 0.8  # share of the claim a sentence must state for its polarity to count
ACT_KINDS = {"agent", "object", "date"}  # values whose head is the verb of their sentence
PARTY_KINDS = {"agent", "object"}  # who did an act, to whom or what
NAME_PARTS = re.compile(r"[\s-]+")


def read_sentence(
    frame: ClaimFrame, sentence: Value, inside: list[Value]
) -> tuple[CheckStance, float] | None:
    """(stance, share of the claim it states) for a sentence that speaks to the claim."""
    if frame.superlatives and not states_superlative(frame.superlatives, inside):
        return None  # "a powerful quake struck" does not say "the most powerful ever"
    words = [w for w in sentence.norm.split() if w != "NOT"]
    stems = {stem(w) for w in words} | _named_by_pronoun(inside)
    stems |= {stem(v.norm) for v in frame.superlatives}  # stated in like words, above
    inside = _of_the_event(frame, words, inside)
    verbs = [v.head.split(":")[0] for v in inside if v.head and v.kind in ACT_KINDS]
    # what the claim's doer ran into, whatever the verb of the motion (`qa/contact.py`):
    # "ploughed into a post" states "crashed into a post"
    contact = contact_relation(frame.parties, inside, stems)
    if contact == "same":
        verbs += contact_acts(frame.parties)
    flipped = _reversed_acts(frame, set(words))
    if _people_in(frame, words):
        stems |= ANYONE  # "people" is stated by any noun for a kind of person
    things = [v.key_head for v in inside if v.kind in PARTY_KINDS]
    about = _stated(frame, stems, verbs, flipped, things)
    asked = [frame.main] if frame.main in frame.acts else frame.acts
    # a claim about what someone said is stated by any verb of saying ("maintains his
    # innocence" for "he says he is innocent")
    says = frame.speech and bool(set(words) & lexicon().speech_verbs)
    acted = not asked or any(
        _phrase_stated(frame, stems, verbs, inside)
        if a == frame.main and frame.phrase  # "found guilty" is not any finding
        else stem(a) in stems
        or _act_of_party(frame, a, verbs, inside)
        or a in flipped
        or reported_by(a, verbs)
        or (says and a in lexicon().speech_verbs)
        for a in asked
    )
    # without a known act (the tagger missed it) every content word must be there: "found
    # guilty" is not "pleaded guilty"
    values = _values(frame, inside)
    acted = acted or contact is not None
    if about < (ABOUT_MIN if frame.acts else 1.0) or not acted:
        # a count of the claim's thing that cannot be the claim's ("three gunshots rang out"
        # for "fired five shots"), or another thing run into, contradicts it, whatever else
        # the sentence says
        if _count_conflict(frame, inside) and not _other_party(frame, inside):
            return "contradicts", about
        return ("contradicts", about) if contact == "conflict" else None
    if _other_party(frame, inside) or _missing_party(frame, stems, things):
        return None
    if _only_reported(asked, stems, verbs) and _negates(sentence, inside):
        return None  # "the minaret did not collapse" denies no damage
    if values == "conflict" or contact == "conflict":
        return "contradicts", about
    if hedge_cue(sentence.text):  # "it was not clear whether …": uncertain, not a denial
        return "hedges", about
    if values == "missing":
        # "an officer fired" neither confirms nor denies "fired three shots", and a "not"
        # elsewhere in it denies no date or count
        return None
    if flipped or _negation_differs(frame, sentence, inside, about):
        return "contradicts", about
    return "supports", about


def _only_reported(asked: list[str], stems: set[str], verbs: list[str]) -> bool:
    """The claim's act is stated only by an act that reports it ("collapsed" for "damaged")."""
    direct = any(stem(a) in stems or any_act(a, verbs) for a in asked)
    return not direct and any(reported_by(a, verbs) for a in asked)


def _negates(sentence: Value, inside: list[Value]) -> bool:
    return "NOT" in sentence.norm.split() or any(v.kind == "negation" for v in inside)


def _of_the_event(frame: ClaimFrame, words: list[str], inside: list[Value]) -> list[Value]:
    """ "A collision occurred on Tuesday" reports the event of "the crash happened on Tuesday":
    for a claim about an event, a sentence in which something happened, naming the event by
    a noun of like meaning, has its values of happening read as the event's own act."""
    act = frame.main
    if not frame.event or not act:
        return inside
    framing = framing_verbs("place" in words)  # "took place"
    if not any((v.head or "").partition(":")[0] in framing for v in inside):
        return inside
    if not any(same_act(w, act) for w in words):
        return inside
    out = []
    for v in inside:
        verb, colon, prep = (v.head or "").partition(":")
        out.append(v.model_copy(update={"head": act + colon + prep}) if verb in framing else v)
    return out


def _stated(
    frame: ClaimFrame,
    stems: set[str],
    verbs: list[str],
    flipped: set[str],
    things: Sequence[str] = (),
) -> float:
    """Share of the claim's content words a sentence or clause states: by stem, the claim's
    acts also by meaning or by their opposite, and its things also by a thing of like
    meaning the sentence is about ("the crash" in "the worst rail accident"); the words of
    its setting count only when stated."""

    phrase = (frame.phrase or "").split()
    phrased = bool(phrase) and any(phrase_act(frame.phrase, v) for v in verbs)

    def said(w: str) -> bool:
        if w in phrase:  # "found guilty" by its words, or as a whole by meaning
            return stem(w) in stems or phrased
        if stem(w) in stems:
            return True
        if w in frame.acts:
            return any_act(w, verbs) or w in flipped or reported_by(w, verbs)
        return any(same_thing(w, t) for t in things)

    found = [w for w in frame.lemmas if said(w)]
    needed = [w for w in frame.lemmas if w not in frame.setting] + [
        w for w in found if w in frame.setting
    ]
    return len(found) / len(needed) if needed else 0.0


def _people_in(frame: ClaimFrame, words: list[str]) -> bool:
    """The claim speaks of people in general and the sentence of some kind of person."""
    if not ANYONE & set(frame.lemmas):
        return False
    prime(words, ("thing",))  # one batch for the sentence's new words
    return any(is_person(w) for w in words)


def _named_by_pronoun(values: list[Value]) -> set[str]:
    """The stems of the people a sentence's "he" or "she" stands for (read at index time as
    the person the article named last), so that "he pleaded not guilty" is about him."""
    return {
        stem(w)
        for v in values
        if by_pronoun(v)
        for w in NAME_PARTS.split(v.norm)  # "smith-jones": the parser's "smith", "jones"
        if w
    }


def _values(frame: ClaimFrame, inside: list[Value]) -> str:
    """'conflict' when the sentence gives a count or date of the claim differently ("two
    shots" for "three shots"), 'missing' when it does not give one the claim states, else
    'same'. Counts compare only with counts of the same thing (or, without a noun, of the
    same act: "a magnitude of 5.9")."""
    for cv in frame.values:
        rel = _relations(cv, inside, _gives_value)
        if _against(rel):
            return "conflict"
        if "same" not in rel:
            return "missing"
    return "same"


Match = Callable[[Value, Value, list[Value]], bool]  # (claimed, said, the sentence's values)


def _relations(claimed: Value, inside: list[Value], matches: Match) -> list[str]:
    """How each value of the sentence that gives the claimed one (by `matches`) reads it."""
    return [
        _entails(sv, claimed)
        for sv in inside
        if sv.kind == claimed.kind and matches(claimed, sv, inside)
    ]


def _gives_value(claimed: Value, said: Value, inside: list[Value]) -> bool:
    """The count of the same thing and act, or the date of the same act (or its doer's)."""
    return _same_count(claimed, said) or _conjoined(claimed, said, inside)


def _counts_same_thing(claimed: Value, said: Value, inside: list[Value]) -> bool:
    """A count of the claim's thing, of its act or the subject of its own verb."""
    return (
        bool(said.head)
        and same_thing(claimed.head, said.head)
        and (not said.act or same_act(said.act, claimed.act) or _is_subject(said, inside))
    )


def _against(relations: list[str]) -> bool:
    """The sentence gives the value only otherwise: a conflict and nothing the same."""
    return "conflict" in relations and "same" not in relations


def _entails(said: Value, claimed: Value) -> str:
    """'same' when what the sentence says falls within what the claim says ("three shots"
    confirms "at least two shots"; "at least two" does not confirm "five", nor contradict
    it: 'unclear'), 'conflict' when the two cannot both hold."""
    rel = compare(said, claimed)
    if rel != "same" or claimed.kind not in {"number", "duration"}:
        return rel
    said_at, claimed_at = interval(said), interval(claimed)
    if said_at is None or claimed_at is None:
        return "unclear"
    (slo, shi), (clo, chi) = said_at, claimed_at
    if slo >= clo * (1 - ROUND_SHARE) and shi <= chi * (1 + ROUND_SHARE):
        return "same"
    # "some 64 km" (54-74) states "64 km", "about 2,000" states "2,000": an approximation
    # centred on the claimed figure, around it
    centred = clo <= (slo + shi) / 2 <= chi and slo <= clo and chi <= shi
    return "same" if centred else "unclear"


def _count_conflict(frame: ClaimFrame, inside: list[Value]) -> bool:
    """The sentence counts the claim's thing (named on both sides, not a unit: "64 km" and
    "a depth of 18 km" measure different things) differently, and its count is of the
    claim's act or is the subject of its own verb ("three gunshots rang out"), not what
    someone did something to ("pleaded not guilty to two counts")."""
    units = grammar().units
    for cv in frame.values:
        if cv.kind != "number" or not cv.head or cv.head in units:
            continue
        if _against(_relations(cv, inside, _counts_same_thing)):
            return True
    return False


def _is_subject(count: Value, inside: list[Value]) -> bool:
    """The count is the subject of its verb (an agent value over it, of that verb)."""
    return any(
        a.kind == "agent" and a.head == count.act and a.start <= count.start < a.end for a in inside
    )


def _conjoined(claimed: Value, said: Value, inside: list[Value]) -> bool:
    """A date of another act of the claim's doer dates the claim's act too (`shares_doer`)."""
    if claimed.kind != "date" or not claimed.head or not said.head:
        return False
    return shares_doer(said.head, inside, lambda act: same_act(act, claimed.head))


def _same_count(a: Value, b: Value) -> bool:
    """Two values of one thing: dates of one act ("struck on Friday", not "said on
    Saturday"), counts of one thing and act ("2,000 officers were sent", not "three officers
    were hurt")."""
    if a.kind == "date":
        return not a.head or not b.head or same_act(a.head, b.head)
    if a.head and b.head:
        # the verb separates counts of different outcomes ("2,000 officers were sent" vs
        # "three officers were hurt"); otherwise the counted thing decides ("three
        # gunshots rang out" counts the shots "fired"), as it does for `ask`
        outcome = any(is_outcome(w) for v in (a, b) for w in v.acts)
        if outcome and a.act and b.act and not same_act(a.act, b.act):
            return False
        return same_thing(a.head, b.head)
    if a.act and b.act and not same_act(a.act, b.act):
        return False
    if a.head or b.head:
        return same_thing(a.head, b.head)
    return same_act(a.act, b.act)


def _missing_party(frame: ClaimFrame, stems: set[str], things: Sequence[str] = ()) -> bool:
    """The claim's doer named by a noun that the sentence never mentions, by its word or as
    a party of like meaning ("the quake" for "the earthquake"): "he said the probe would
    find what caused the derailment" says nothing of "a bomb caused it"."""
    for cp in frame.parties:
        if cp.kind != "agent":
            continue  # the target has other names ("the fire", "the blaze"); the doer is named
        head = cp.key_head
        if (
            head
            and head not in PRONOUNS
            and not (set(cp.norm.split()) & stems or stem(head) in stems)
            and not any(same_thing(head, t) for t in things)
        ):
            return True
    return False


def _other_party(frame: ClaimFrame, inside: list[Value]) -> bool:
    """The sentence's act is done by someone else than the claim's: "his executives pleaded
    guilty" is not about "he pleaded guilty" (nor does it contradict it)."""
    for cp in frame.parties:
        if cp.kind != "agent":
            continue  # what an act was done to has too many names ("the fire", "the blaze")
        verb, _, prep = (cp.head or "").partition(":")
        theirs = [
            v
            for v in inside
            if v.kind == cp.kind
            and (v.head or "").partition(":")[2] == prep
            and same_act((v.head or "").partition(":")[0], verb)
        ]
        if theirs and not any(_same_party(cp, v) for v in theirs):
            return True
    return False


def _same_party(a: Value, b: Value) -> bool:
    wa, wb = set(a.norm.split()), set(b.norm.split())
    return bool(wa & wb) or same_thing(a.key_head, b.key_head)


def _phrase_stated(
    frame: ClaimFrame, stems: set[str], verbs: list[str], inside: list[Value]
) -> bool:
    """The claim's act phrase ("found guilty") in its words, or as a whole by a verb of its
    meaning done by or to the claim's party ("convicted" 0.67): not its bare verb ("find" is
    0.67 from "look")."""
    words = (frame.phrase or "").split()
    if words and all(stem(w) in stems for w in words):
        return True
    return _act_of_party(frame, frame.phrase, verbs, inside, phrase_act)


def _act_of_party(
    frame: ClaimFrame,
    act: str | None,
    verbs: list[str],
    inside: list[Value],
    means: Callable[[str | None, str | None], bool] = same_act,
) -> bool:
    """A verb of the sentence means the claim's act (or its phrase, "found guilty"), and is
    done by or to a party of the claim where the sentence names who: "his friends
    cooperated as witnesses" is no report that he was acquitted, though "cooperate" is 0.68
    from "acquit" by vector."""
    alike = [v for v in verbs if act and means(act, v)]
    if not alike:
        return False
    taking_part = [
        v for v in inside if v.kind in PARTY_KINDS and (v.head or "").split(":")[0] in alike
    ]
    named = set(frame.lemmas) - set(frame.acts)  # "Ruiz was acquitted": no parse of parties
    if not taking_part or not (frame.parties or named):
        return True
    if frame.parties:
        return any(_same_party(cp, p) for cp in frame.parties for p in taking_part)
    return any(
        set(p.norm.split()) & named or any(same_thing(p.key_head, w) for w in named)
        for p in taking_part
    )


def _reversed_acts(frame: ClaimFrame, words: set[str]) -> set[str]:
    """The claim's acts whose opposite the sentence states ("rejected" for "approved")."""
    return {a for a in frame.acts for p in antonym_pairs() if a in p and (p - {a}) & words}


def _negation_differs(
    frame: ClaimFrame, sentence: Value, inside: list[Value], about: float
) -> bool:
    """One negates the other. A negated clause that states the claim's act and most of its
    words denies it, as a sentence stating them supports it ("whose name wasn't immediately
    released" denies that the name was released); a "not" of another clause denies nothing
    ("he pleaded not guilty and took the stand" does not deny that he testified). A sentence
    that denies nothing contradicts a negated claim only when it states nearly all of it; so
    does a "not" with no verb above it ("No survivors."), or one in a document not indexed
    again since negated clauses were stored (EXTRACT_VERSION 24)."""
    denials = [v for v in inside if v.kind == "negation"]
    if not denials:
        return about >= SAME_STATEMENT and ("NOT" in sentence.norm.split()) != frame.negated
    if _denies(frame, inside, denials):
        return not frame.negated
    return about >= SAME_STATEMENT and frame.negated


def _denies(frame: ClaimFrame, inside: list[Value], denials: list[Value]) -> bool:
    """A negated clause that states the claim's own act (the same verb, in it or its
    complement: "none of the officers appears injured"; by meaning "testify" and "plead" are
    0.645 alike) and most of the claim."""
    for d in denials:
        clause = [v for v in inside if d.start <= v.start and v.end <= d.end]
        stems = {stem(w) for w in d.norm.split()} | _named_by_pronoun(clause)
        if not any(stem(a) in stems for a in frame.acts):
            continue
        if _stated(frame, stems, [], set()) >= ABOUT_MIN:
            return True
    return False
