"""Render an answer or a claim check for people in a terminal (rich): verdict, outlets, quotes."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from qa.models import AskResponse, CheckResponse

# control characters shown as their Unicode "control pictures" (ESC as ␛): one character for
# one, so answer offsets into a passage still hold, and nothing from an article reaches the
# terminal as a command
VISIBLE = (
    {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
    | {0x7F: 0x2421}
    | {c: 0xFFFD for c in range(0x80, 0xA0)}
)


def visible(text: str) -> str:
    return text.translate(VISIBLE)


def plain(text: str | None, style: str = "") -> Text:
    """Text from data, never read as rich markup ("[bold]" in a title stays as typed)."""
    return Text(visible(text or ""), style=style)


def error_line(message: str, label: str = "error", style: str = "red") -> Text:
    return Text.assemble((f"{label}: ", style), visible(message))


VERDICT_STYLE = {
    "consistent": "bold green",
    "mixed": "bold yellow",
    "conflicting": "bold red",
    "single_source": "bold cyan",
    "no_evidence": "bold magenta",
}
STANCE_STYLE = {
    "supports": "green",
    "conflicts": "red",
    "contradicts": "red",
    "unclear": "yellow",
    "hedges": "yellow",
    "silent": "dim",
}
CHECK_STYLE = {
    "supported": "bold green",
    "contradicted": "bold red",
    "disputed": "bold yellow",
    "attributed_only": "bold cyan",
    "unverified": "bold magenta",
}


def render_answer(r: AskResponse, console: Console) -> None:
    a = r.agreement
    score = "–" if a.score is None else f"{a.score:.2f}"
    console.print(plain(f"Q: {r.question}  [{r.qtype.value}]", "bold"))
    if r.story is not None:
        also = ", ".join(o.id for o in r.other_stories[:3])
        console.print(
            Text.assemble(
                ("Story: ", "bold"),
                plain(f"{r.story.title} ({r.story.id})"),
                (f"   also matched: {also}" if also else "", "dim"),
            )
        )
    console.print(
        Text.assemble(
            ("Verdict: ", "bold"),
            (a.verdict, VERDICT_STYLE[a.verdict]),
            f"   score {score}   {a.origins} independent origin(s)",
        )
    )
    if r.answer.display:
        console.print(Text.assemble(("Consensus: ", "bold"), plain(r.answer.display)))
    console.print(plain(a.explanation))
    table = Table(show_header=True, header_style="bold", expand=False)
    for col in ("outlet", "stance", "says", "attributed to", "same origin as"):
        table.add_column(col, overflow="fold")
    for o in a.outlets:
        table.add_row(
            plain(o.outlet),
            Text(o.stance + "".join(f" ({n})" for n in o.notes), STANCE_STYLE[o.stance]),
            plain(o.display),
            plain(o.attributed_to),
            plain(o.same_origin_as),
        )
    console.print(table)
    for p in r.passages:
        head = (
            f"#{p.rank} {p.outlet} · {p.published or 'date unknown'} · {p.id} [{p.start}:{p.end}]"
        )
        console.print(plain(head, "bold blue"))
        body = plain(p.text)
        if p.answer_span:
            a0 = p.answer_span.start - p.start
            body.stylize("bold reverse", a0, a0 + len(p.answer_span.text))
        console.print(body)


def render_check(r: CheckResponse, console: Console) -> None:
    console.print(plain(f"Claim: {r.claim}", "bold"))
    if r.story is not None:
        console.print(Text.assemble(("Story: ", "bold"), plain(f"{r.story.title} ({r.story.id})")))
    console.print(Text.assemble(("Verdict: ", "bold"), (r.verdict, CHECK_STYLE[r.verdict])))
    console.print(plain(r.explanation))
    table = Table(show_header=True, header_style="bold", expand=False)
    for col in ("outlet", "stance", "quote", "attributed to", "same origin as"):
        table.add_column(col, overflow="fold")
    for o in r.outlets:
        quote = (
            f"{o.quote.text} [{o.quote.doc_id} {o.quote.start}:{o.quote.end}]" if o.quote else ""
        )
        table.add_row(
            plain(o.outlet),
            Text(o.stance, STANCE_STYLE[o.stance]),
            plain(quote),
            plain(o.attributed_to),
            plain(o.same_origin_as),
        )
    console.print(table)
