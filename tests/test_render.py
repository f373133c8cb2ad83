"""api/render.py: what reaches a terminal from data is shown as typed, never as rich markup
or control sequences."""

from __future__ import annotations

import io

from rich.console import Console

from api.render import error_line, render_answer, render_check, visible
from qa.models import (
    Agreement,
    Answer,
    AnswerSpan,
    AskResponse,
    CheckOutlet,
    CheckResponse,
    OutletStance,
    PassageOut,
    QType,
    Quote,
)

HOSTILE = "Close [/red] Outlet [bold]x[/bold] \x1b[31mred\x1b[0m"


def printed(render, response) -> str:
    out = io.StringIO()
    render(response, Console(file=out, width=200, force_terminal=True, color_system=None))
    return out.getvalue()


def test_control_characters_become_visible_one_for_one():
    assert visible("a\x1b[31mb") == "a\u241b[31mb"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"
    assert len(visible("\x00\x07\x7f\x9b")) == 4 and "\x1b" not in visible("\x1b")


def test_an_answer_with_markup_and_escapes_in_its_data_prints_as_typed():
    text = f"The {HOSTILE} said three shots were fired."
    start = text.index("three")
    answer = AskResponse(
        question=f"Who said [bold]it[/bold]? {HOSTILE}",
        qtype=QType.who,
        answer=Answer(value="3", display="three shots", type="number"),
        agreement=Agreement(
            verdict="single_source",
            outlets=[
                OutletStance(
                    outlet=HOSTILE, doc_ids=["d"], stance="supports", display=HOSTILE,
                    attributed_to="[/]", hedged=True,
                )
            ],
            explanation=f"Only {HOSTILE} reports it.",
        ),
        passages=[
            PassageOut(
                id="d:0", doc_id="d", outlet=HOSTILE, title=HOSTILE, published=None, url=None,
                text=text, start=0,
                end=len(text), score=1.0, rank=1,
                answer_span=AnswerSpan(start=start, end=start + 11, text="three shots"),
            )
        ],
    )  # fmt: skip
    out = printed(render_answer, answer)
    assert "Close [/red] Outlet [bold]x[/bold]" in out
    assert "\x1b[31mred" not in out and "\u241b[31mred" in out
    assert "Who said [bold]it[/bold]?" in out


def test_a_claim_check_with_markup_in_its_data_prints_as_typed():
    check = CheckResponse(
        claim=HOSTILE,
        verdict="supported",
        explanation=f"1 independent origin ({HOSTILE}) supports it.",
        outlets=[
            CheckOutlet(
                outlet=HOSTILE, doc_ids=["d"], stance="supports",
                quote=Quote(doc_id="d", start=0, end=len(HOSTILE), text=HOSTILE),
            )
        ],
    )  # fmt: skip
    out = printed(render_check, check)
    assert out.count("Close [/red] Outlet") >= 3 and "\x1b[31m" not in out


def test_error_lines_keep_bracketed_text():
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(
        error_line("doc_id must match '^[A-Za-z0-9_.\\-]+$'")
    )
    assert "'^[A-Za-z0-9_.\\-]+$'" in out.getvalue()
