import datetime as dt

from index.clean import clean, parse_header
from index.store import Store
from tests.conftest import SEEDS, make_settings

DEBRIS = [
    "[INTERNAL_LINK",
    "Leave a Comment",
    "Scroll to Top",
    "Table of Contents",
    "Your email address will not be published",
    "This is a developing story",
    "is a reporter for",
    "contributed to this report",
    "Updates take time",
]


def test_date_header_is_metadata_not_text():
    published, body = parse_header(" date 2026-01-07 One person is dead.\n\nMore.")
    assert published == dt.date(2026, 1, 7)
    assert body == "One person is dead.\n\nMore."
    c = clean(" date 2025-12-31 Text here.")
    assert c.published == dt.date(2025, 12, 31) and c.text == "Text here."
    assert parse_header("The date 2026-01-07 is in text.")[0] is None


def test_debris_of_any_web_page_is_dropped():
    raw = (
        "Storm hits coast\n\nTable of Contents\n\nThe storm hit at dawn [INTERNAL_LINK:storms].\n"
        "Leave a Reply\nYour email address will not be published. Required fields are marked *\n"
        "Post Comment\nScroll to Top\nJane Roe\n\nJane Roe is a staff writer for The Gazette.\n"
        "This is a developing story. Check back.\n"
    )
    text = clean(raw).text
    assert text == "Storm hits coast\n\nThe storm hit at dawn."


def test_bio_rule_keeps_news_about_people():
    text = clean("Jane Roe is a senator from Ohio.\nThe agent was arrested.").text
    assert "Jane Roe is a senator" in text and "The agent was arrested." in text


def test_no_passage_or_document_holds_debris(seed_dir):
    store = Store(seed_dir, make_settings(seed_dir).embed_model)
    docs = store.all_documents()
    assert len(docs) == len(list(SEEDS.glob("*.txt")))
    for d in docs:
        for marker in DEBRIS:
            assert marker not in d.text, (d.doc_id, marker)
        for p in store.passages_of(d.doc_id):
            assert d.text[p.start : p.end] == p.text
            assert not any(m in p.text for m in DEBRIS)
