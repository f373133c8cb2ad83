"""Render an answer as a Slack message: Block Kit blocks plus a plain-text fallback.

Built with slack-sdk's block models, whose validators enforce Block Kit's limits when the
message is serialised; the clipping here keeps every text inside them (a section's text at
most 3,000 characters, a header 150, at most 50 blocks), cutting at a word with an ellipsis.
"""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from qa.models import AskResponse, CheckOutlet, CheckResponse, OutletStance, PassageOut

# At most 16 blocks: 4 head, 1 + 4 outlet sections, 1 + 2 per quoted passage (Slack allows 50).
SECTION_CHARS = 3000
HEADER_CHARS = 150
CONTEXT_ELEMENTS = 10
QUOTE_CHARS = 600  # a quoted passage; long passages are cut around the answer
TOP_PASSAGES = 3
OUTLET_SECTIONS = 4  # up to ~12,000 characters of outlet lines; the rest are counted
ELLIPSIS = "…"

VERDICT_MARK = {
    "consistent": ":large_green_circle:",
    "mixed": ":large_yellow_circle:",
    "conflicting": ":red_circle:",
    "single_source": ":large_blue_circle:",
    "no_evidence": ":white_circle:",
}
STANCE_MARK = {
    "conflicts": ":x:",
    "contradicts": ":x:",
    "supports": ":white_check_mark:",
    "unclear": ":grey_question:",
    "hedges": ":grey_question:",
    "silent": ":heavy_minus_sign:",
}
STANCE_ORDER = {"conflicts": 0, "supports": 1, "unclear": 2, "silent": 3}
CHECK_MARK = {
    "supported": ":large_green_circle:",
    "contradicted": ":red_circle:",
    "disputed": ":large_yellow_circle:",
    "attributed_only": ":large_blue_circle:",
    "unverified": ":white_circle:",
}
CHECK_ORDER = {"contradicts": 0, "supports": 1, "hedges": 2, "silent": 3}

USAGE = (
    "*/factcheck* answers a question from the indexed articles, quoting its sources and "
    "scoring how far the outlets agree.\n"
    "• `/factcheck how many shots were fired?` (only you see the answer)\n"
    "• `/factcheck share who fired?` (posts the answer in the channel)\n"
    "• `/factcheck story:<id> who fired?` (within one story; by default the best match)\n"
    "• `/factcheck check the officer fired three shots` (a claim check: who supports it, "
    "contradicts it, hedges it)\n"
    "• `/factcheck help` (this message)"
)


def escape(text: str) -> str:
    """Slack mrkdwn's three control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int, keep: tuple[int, int] | None = None) -> tuple[str, int]:
    """Cut `text` to at most `limit` characters at word boundaries, marking cuts with "…".

    The window is placed around `keep` (a start/end range) when it is given. Returns the cut
    text and the shift: a character at `i` in `text` is at `i - shift` in the cut text.
    """
    if len(text) <= limit:
        return text, 0
    budget = limit - 2 * len(ELLIPSIS)
    lo, hi = keep if keep and keep[1] - keep[0] <= budget else (0, 0)
    start = max(0, min(lo - (budget - (hi - lo)) // 2, len(text) - budget))
    end = min(len(text), start + budget)
    if start > 0:  # forward to a word start, never past the kept range
        space = text.find(" ", start, lo if hi else end)
        start = space + 1 if space != -1 else start
    if end < len(text):  # back to a word end, never into the kept range
        space = text.rfind(" ", max(start, hi), end)
        end = space if space > start else end
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    return head + text[start:end] + tail, start - len(head)


def quote(p: PassageOut) -> str:
    """The passage as a mrkdwn quote, the answer in bold, cut around the answer if long."""
    span = None
    if p.answer_span and p.start <= p.answer_span.start < p.answer_span.end <= p.end:
        span = (p.answer_span.start - p.start, p.answer_span.end - p.start)
    text, shift = clip(p.text, QUOTE_CHARS, span)
    a, b = (span[0] - shift, span[1] - shift) if span else (0, 0)
    if 0 <= a < b <= len(text) and text[a:b].strip() == text[a:b]:
        body = f"{escape(text[:a])}*{escape(text[a:b])}*{escape(text[b:])}"
    else:
        body = escape(text)
    return "> " + re.sub(r"\s*\n\s*", "\n> ", body)


def link(url: str | None) -> str | None:
    """A URL safe inside mrkdwn's `<url|label>` (http and https only)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20")


def source_line(p: PassageOut) -> str:
    parts = [f"*{escape(p.outlet)}*", str(p.published) if p.published else "date unknown"]
    title = escape(clip(p.title or p.doc_id, 120)[0])
    url = link(p.url)
    parts.append(f"<{url}|{title}>" if url else title)
    parts.append(f"`{p.id}` [{p.start}:{p.end}]")
    return " · ".join(parts)


def outlet_line(o: OutletStance | CheckOutlet) -> str:
    hedged = "".join(f" ({n})" for n in o.notes) if isinstance(o, OutletStance) else ""
    line = f"{STANCE_MARK[o.stance]} *{escape(o.outlet)}* {o.stance}{hedged}"
    said = o.display if isinstance(o, OutletStance) else (o.quote.text if o.quote else None)
    if said:
        line += f": “{escape(clip(said, 200)[0])}”"
    if o.attributed_to:
        line += f" (according to {escape(clip(o.attributed_to, 120)[0])})"
    if o.same_origin_as:
        line += f" · same origin as {escape(o.same_origin_as)}"
    return line


def sections(lines: list[str], heading: str, max_sections: int) -> list[SectionBlock]:
    """Pack lines into sections of at most 3,000 characters; past `max_sections` say how
    many lines were left out rather than crowd the passages out of the message."""
    texts = [heading]
    for i, line in enumerate(lines):
        line = clip(line, SECTION_CHARS - len(heading) - 1)[0]
        if len(texts[-1]) + 1 + len(line) > SECTION_CHARS:
            if len(texts) == max_sections:
                more = f"{ELLIPSIS} and {len(lines) - i} more (full list: `crosscheck ask --json`)"
                texts[-1] = clip(texts[-1], SECTION_CHARS - len(more) - 1)[0] + "\n" + more
                break
            texts.append(heading)
        texts[-1] += "\n" + line
    return [SectionBlock(text=MarkdownTextObject(text=t)) for t in texts]


def fallback(r: AskResponse) -> str:
    """The plain-text line Slack shows in notifications and reads to screen readers."""
    a = r.agreement
    score = "no score" if a.score is None else f"score {a.score:.2f}"
    said = f" Answer: {r.answer.display}." if r.answer.display else ""
    return clip(f"{r.question} Verdict: {a.verdict.replace('_', ' ')} ({score}).{said}", 3000)[0]


def quoted(passages: list[PassageOut], top: int) -> list[PassageOut]:
    """The passages to quote: those carrying an answer first, each group in rank order."""
    return sorted(passages, key=lambda p: (p.answer_span is None, p.rank))[:top]


def answer_blocks(r: AskResponse, top: int = TOP_PASSAGES) -> list[Block]:
    a = r.agreement
    score = "–" if a.score is None else f"{a.score:.2f}"
    head = [
        HeaderBlock(text=PlainTextObject(text=clip(r.question, HEADER_CHARS)[0], emoji=False)),
        SectionBlock(
            text=MarkdownTextObject(
                text=f"{VERDICT_MARK[a.verdict]} *{a.verdict.replace('_', ' ').capitalize()}*"
                f" · agreement score *{score}* · {a.origins} independent origin(s)"
            )
        ),
    ]
    if r.answer.display:
        consensus = escape(clip(r.answer.display, 1000)[0])
        head.append(SectionBlock(text=MarkdownTextObject(text=f"*Answer:* {consensus}")))
    story = ""
    if r.story is not None:
        story = f"Story: {r.story.title} (`{r.story.id}`). "
        if r.other_stories:
            story += "Also matched: " + ", ".join(f"`{o.id}`" for o in r.other_stories[:3]) + ". "
    head.append(
        ContextBlock(
            elements=[MarkdownTextObject(text=escape(clip(story + a.explanation, 2000)[0]))]
        )
    )
    outlets = sorted(a.outlets, key=lambda o: (STANCE_ORDER[o.stance], o.outlet))
    body: list[Block] = []
    if outlets:
        body += [
            DividerBlock(),
            *sections([outlet_line(o) for o in outlets], "*Outlets*", OUTLET_SECTIONS),
        ]
    passages: list[Block] = []
    for p in quoted(r.passages, top):
        passages += [
            SectionBlock(text=MarkdownTextObject(text=quote(p))),
            ContextBlock(elements=[MarkdownTextObject(text=source_line(p))]),
        ]
    if passages:
        passages.insert(0, DividerBlock())
    return head + body + passages


def message(blocks: list[Block], text: str, response_type: str = "ephemeral") -> dict[str, Any]:
    """A slash-command reply; `to_dict` runs slack-sdk's Block Kit validators."""
    return {
        "response_type": response_type,
        "text": text,
        "blocks": [b.to_dict() for b in blocks],
    }


def answer_message(r: AskResponse, response_type: str = "ephemeral") -> dict[str, Any]:
    return message(answer_blocks(r), fallback(r), response_type)


def check_message(r: CheckResponse, response_type: str = "ephemeral") -> dict[str, Any]:
    """A claim check: the claim, the verdict and why, each outlet's stance and quote."""
    head: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=clip(r.claim, HEADER_CHARS)[0], emoji=False)),
        SectionBlock(
            text=MarkdownTextObject(
                text=f"{CHECK_MARK[r.verdict]} *{r.verdict.replace('_', ' ').capitalize()}*"
            )
        ),
    ]
    story = f"Story: {r.story.title} (`{r.story.id}`). " if r.story else ""
    head.append(
        ContextBlock(
            elements=[MarkdownTextObject(text=escape(clip(story + r.explanation, 2000)[0]))]
        )
    )
    outlets = sorted(r.outlets, key=lambda o: (CHECK_ORDER[o.stance], o.outlet))
    if outlets:
        head += [DividerBlock(), *sections([outlet_line(o) for o in outlets], "*Outlets*", 3)]
    text = clip(f"{r.claim} Verdict: {r.verdict.replace('_', ' ')}. {r.explanation}", 3000)[0]
    return message(head, text, response_type)


def note_message(text: str, response_type: str = "ephemeral") -> dict[str, Any]:
    """A short reply (usage, a problem with the question, "Checking…")."""
    return message(
        [SectionBlock(text=MarkdownTextObject(text=clip(text, SECTION_CHARS)[0]))],
        clip(text.replace("*", ""), 3000)[0],
        response_type,
    )
