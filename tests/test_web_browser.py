"""The desk's web page in a real browser: Chromium from Debian, driven by Playwright, against a
real server on the seeds. Each page is saved as a screenshot under the test's folder and no
page may log a console error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.servers import Server

pytestmark = pytest.mark.slow
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:  # `make test` installs Debian's chromium where it can (root)
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True
    )

KEY = "desk-write-key"
STORY_SUFFIX = "ice-shooting"
# Chromium on a machine with no internet: no background fetches, no GPU, no sandbox (root)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(seed_dir, tmp_path_factory):
    data = tmp_path_factory.mktemp("web") / "data"
    shutil.copytree(seed_dir, data)
    s = Server(data, CROSSCHECK_API_KEYS=KEY)
    s.wait_ready()
    yield s
    s.stop()


@pytest.fixture()
def page(tmp_path):
    errors: list[str] = []
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.set_default_timeout(60_000)
        pg.shots = tmp_path  # type: ignore[attr-defined]
        pg.expected = []  # type: ignore[attr-defined]  # statuses a test causes on purpose
        yield pg
        context.close()
        browser.close()
    unexpected = [e for e in errors if not any(f"status of {c}" in e for c in pg.expected)]
    assert unexpected == [], f"console errors: {unexpected}"


def shot(pg, name: str) -> Path:
    path = pg.shots / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000
    return path


def open_story(pg, server) -> None:
    pg.goto(server.url + "/")
    link = pg.locator("table.stories a", has_text="Minneapolis").first
    link.click()
    pg.wait_for_selector("table.sheet")


def test_stories_list_and_filter(server, page):
    page.goto(server.url + "/")
    assert page.locator("h1").inner_text() == "Stories"
    rows = page.locator("table.stories tbody tr[data-text]")
    assert rows.count() >= 1
    shot(page, "stories")
    page.fill("#filter", "no story is called this")
    assert page.locator("table.stories tbody tr[data-text]:visible").count() == 0
    page.fill("#filter", "minneapolis")
    assert page.locator("table.stories tbody tr[data-text]:visible").count() == 1


def outlets_of(row, stance: str) -> str:
    return " ".join(row.locator(f"li.stance-{stance}").all_inner_texts())


def test_dispute_sheet_of_the_seeds(server, page):
    open_story(page, server)
    shot(page, "sheet")
    when = page.locator("table.sheet tr[data-kind=when]")
    assert "disputed" in (when.get_attribute("class") or "")
    conflicting = outlets_of(when, "conflicts")
    assert "001_" in conflicting and "March 15, 2024" in conflicting
    assert "001_" not in outlets_of(when, "supports")
    # disputed rows come first
    classes = [
        c or ""
        for c in page.locator("table.sheet tbody tr").evaluate_all(
            "rows => rows.map(r => r.className)"
        )
    ]
    first_plain = next(i for i, c in enumerate(classes) if "disputed" not in c)
    assert all("disputed" not in c for c in classes[first_plain:])
    shots = page.locator("table.sheet tr", has_text=re.compile(r"How many shots"))
    stated = outlets_of(shots, "supports") + outlets_of(shots, "conflicts")
    assert all(o in stated for o in ("001_", "002_", "MS NOW"))
    hit = page.locator("table.sheet tr[data-kind=what]", has_text=re.compile(r" into\?"))
    # "a pole" against "a parked vehicle", one origin each: no side is the consensus
    sides = outlets_of(hit, "unclear")
    assert "Al Jazeera" in sides and "MS NOW" in sides and "one side, no majority" in sides
    hurt = page.locator("table.sheet tr[data-kind=outcome]", has_text="officers")
    assert "MS NOW" in outlets_of(hurt, "supports") + outlets_of(hurt, "conflicts")
    # a stance is never carried by colour alone
    assert "conflicts" in when.locator("li.stance-conflicts .stance").first.inner_text()


def test_ask_check_and_follow_a_quote(server, page):
    open_story(page, server)
    page.fill("#q", "How many shots were fired?")
    page.locator("#q").press("Enter")
    page.wait_for_selector("#answer mark.answer")
    marks = page.locator("#answer mark.answer").all_inner_texts()
    assert any("shot" in m or "times" in m for m in marks)
    shot(page, "answer")
    passage = page.locator("#answer ol.passages li").first
    quoted = passage.locator("blockquote").inner_text()
    passage.get_by_role("link", name="open in the document").click()
    page.wait_for_selector("mark#passage")
    assert page.locator("mark#passage").inner_text().split() == quoted.split()
    assert "Outlet" in page.locator("dl.meta").inner_text()
    shot(page, "document")
    page.go_back()
    page.fill("#claim", "The officer fired two shots")
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector("#check .verdict")
    assert page.locator("#check li.outlet").count() >= 2
    quotes = page.locator("#check li.outlet q a")
    assert quotes.count() >= 1
    shot(page, "check")
    quotes.first.click()
    page.wait_for_selector("mark#passage")


def test_bad_question_is_a_clear_message(server, page):
    page.expected.append(422)  # the page answers a blank question with 422 and says why
    open_story(page, server)
    page.fill("#q", "   ")
    page.locator("#q").press("Enter")
    assert "empty" in page.locator("p.error").inner_text()


def test_add_an_article_and_find_it(server, page, tmp_path):
    page.goto(server.url + "/add")
    assert page.locator("p.error").count() == 1  # no key yet
    page.goto(server.url + "/key?next=/add")
    page.fill("#key", KEY)
    page.get_by_role("button", name="Use this key").click()
    page.wait_for_url(re.compile(r"/add$"))
    page.fill(
        "#text",
        (
            "A footbridge over the Arden canal collapsed on Tuesday evening, injuring seven "
            "walkers, the county fire service said. Engineers had closed the bridge for repairs "
            "in 2019. Investigators are examining the steel cables that held the deck."
        ),
    )
    page.fill("#title", "Footbridge collapse on the Arden canal injures seven")
    page.fill("#outlet", "Arden Courier")
    page.fill("#published", "2026-02-03")
    page.get_by_role("button", name="Add").click()
    page.wait_for_selector("ul.added")
    shot(page, "added")
    page.locator("ul.added a[href^='/stories/']").first.click()
    page.wait_for_selector("table.sheet")
    page.fill("#q", "How many walkers were injured?")
    page.locator("#q").press("Enter")
    page.wait_for_selector("#answer")
    assert "Arden Courier" in page.locator("#answer ol.passages").inner_text()
    assert "seven" in " ".join(page.locator("#answer mark.answer").all_inner_texts())

    saved = tmp_path / "saved-page.html"
    saved.write_text(
        "<html><head><title>Ferry runs aground off Kessock</title>"
        '<meta property="og:site_name" content="Firth Gazette"></head><body>'
        "<nav>Home | Sport | Weather</nav><article><h1>Ferry runs aground off Kessock</h1>"
        + "".join(
            f"<p>The ferry Morven ran aground off Kessock pier on Sunday morning with "
            f"{n} passengers aboard, the harbour master said. Tugs refloated it at noon.</p>"
            for n in ("forty",)
        )
        + "<p>No one was hurt, according to the coastguard, which sent two lifeboats.</p>"
        "</article><footer>Leave a Comment</footer></body></html>",
        encoding="utf-8",
    )
    page.goto(server.url + "/add")
    page.set_input_files("#file", str(saved))
    page.get_by_role("button", name="Add").click()
    page.wait_for_selector("ul.added")
    page.locator("ul.added a[href^='/documents/']").first.click()
    text = page.locator("article.doctext").inner_text()
    assert "ran aground off Kessock" in text and "Home | Sport" not in text
    assert "Firth Gazette" in page.locator("dl.meta").inner_text()


def test_phone_width_has_no_sideways_scroll(server, page):
    page.set_viewport_size({"width": 390, "height": 800})
    open_story(page, server)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400
    shot(page, "sheet-phone")


def test_keyboard_reaches_the_question_box(server, page):
    open_story(page, server)
    for _ in range(300):  # every link of the sheet comes first
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
