"""Show an evaluation: a rich table in the terminal, JSON on disk, a PNG comparing methods."""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from eval.bench import BenchReport
from eval.claims import ClaimReport
from eval.harness import EvalReport, MethodSummary

COLUMNS = [
    ("recall_at_1", "R@1"),
    ("recall_at_5", "R@5"),
    ("recall_at_10", "R@10"),
    ("mrr_at_10", "MRR@10"),
    ("ndcg_at_10", "nDCG@10"),
    ("doc_coverage_at_10", "DocCov@10"),
    ("typed_accuracy", "Typed acc"),
    ("verdict_accuracy", "Verdict acc"),
    ("conflict_precision", "Conflict P"),
    ("conflict_recall", "Conflict R"),
    ("hedged_precision", "Hedged P"),
    ("hedged_recall", "Hedged R"),
    ("basis_accuracy", "Basis acc"),
]


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


COMPACT = [  # the key columns, readable in 80 columns and when piped
    ("recall_at_5", "R@5"),
    ("typed_accuracy", "typed"),
    ("verdict_accuracy", "verdict"),
    ("conflict_precision", "confP"),
    ("conflict_recall", "confR"),
    ("routing_accuracy", "route"),
]


def _short(x: float | None) -> str:
    """A share in four characters (".927", "1.00"): the compact table fits 80 columns."""
    if x is None:
        return "–"
    return "1.00" if x >= 0.9995 else f"{x:.3f}"[1:]


def _row(name: str, s: MethodSummary, columns: list[tuple[str, str]], wide: bool) -> list[str]:
    fmt = _fmt if wide else _short
    cells = [name[:20], str(s.questions), *(fmt(getattr(s, key)) for key, _ in columns)]
    cells.append(str(s.contaminated))
    cells.append(f"{s.latency_median_ms:.1f}")
    if wide:
        cells.append(f"{s.latency_p95_ms:.1f}")
    return cells


def print_report(
    report: EvalReport, console: Console, misses: bool = False, wide: bool = False
) -> None:
    """One row per method (and, with several gold files, one per file under each method)."""
    columns = COLUMNS + [("routing_accuracy", "Route acc")] if wide else COMPACT
    table = Table(
        title=f"{report.gold}: {report.methods[0].summary.questions} questions · "
        f"{report.documents} documents · {report.passages} passages",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1) if wide else (0, 0, 0, 1),
    )
    # in 80 columns the names are cut (to 16), the figures and their headers never are
    name = "method" if len(report.methods) > 1 else "gold"
    table.add_column(name, no_wrap=True, max_width=None if wide else 16)
    table.add_column("n", justify="right", no_wrap=True, min_width=3)
    for _, label in columns:
        table.add_column(label, justify="right", no_wrap=True, min_width=len(label))
    table.add_column("contam" if not wide else "Contaminated", justify="right", min_width=6)
    table.add_column("ms" if not wide else "median ms", justify="right", min_width=4)
    if wide:
        table.add_column("p95 ms", justify="right")
    for m in report.methods:
        table.add_row(*_row(m.variant.name, m.summary, columns, wide), style="bold")
        for name, g in m.groups.items():
            table.add_row(*_row(f"  {name}", g, columns, wide))
    console.print(table)
    last = report.methods[-1]
    verdicts = sorted({v for row in last.summary.verdict_confusion.values() for v in row})
    conf = Table(title=f"verdicts, {last.variant.name} (rows: gold, columns: answered)")
    conf.add_column("gold")
    for v in verdicts:
        conf.add_column(v, justify="right")
    for gold, row in last.summary.verdict_confusion.items():
        conf.add_row(gold, *(str(row.get(v, 0)) for v in verdicts))
    console.print(conf)
    if misses:
        for q in last.questions:
            wrong = []
            if q.recall_at_5 == 0:
                wrong.append(
                    f"no answer-bearing passage in top 5 (first at {q.first_relevant_rank})"
                )
            if q.typed_correct is False:
                wrong.append(f"typed answer {q.answer_display!r}")
            if q.verdict != q.verdict_gold:
                wrong.append(f"verdict {q.verdict} (gold {q.verdict_gold})")
            if wrong:
                console.print(f"[yellow]{q.id}[/yellow] {q.question} — " + "; ".join(wrong))


def write_json(report: EvalReport, path: Path) -> None:
    path.write_text(report.model_dump_json(indent=2), encoding="utf-8")


def write_plot(report: EvalReport, path: Path) -> None:
    """Grouped bars: one group per metric, one bar per method; latency in a second panel."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [m.variant.name for m in report.methods]
    fig, (ax, lat) = plt.subplots(
        1, 2, figsize=(13, 4.5), gridspec_kw={"width_ratios": [4, 1]}, constrained_layout=True
    )
    width = 0.8 / len(names)
    for i, m in enumerate(report.methods):
        vals = [getattr(m.summary, key) or 0.0 for key, _ in COLUMNS]
        xs = [j + (i - (len(names) - 1) / 2) * width for j in range(len(COLUMNS))]
        ax.bar(xs, vals, width, label=m.variant.name)
    ax.set_xticks(range(len(COLUMNS)), [label for _, label in COLUMNS], rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_title(
        f"{report.gold}: quality by method ({report.methods[0].summary.questions} questions)"
    )
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    med = [m.summary.latency_median_ms for m in report.methods]
    p95 = [m.summary.latency_p95_ms for m in report.methods]
    lat.bar(names, p95, color="#bbb", label="p95")
    lat.bar(names, med, label="median")
    lat.set_ylabel("ms per ask")
    lat.set_title("latency")
    lat.legend()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def print_bench(report: BenchReport, console: Console) -> None:
    """The bench table: one row per figure, with its target and whether it is met."""
    table = Table(title=f"crosscheck bench ({report.seconds:.0f} s)", header_style="bold")
    for col in ("section", "metric", "value", "target", ""):
        table.add_column(col)
    last = None
    for r in report.rows:
        value = "–" if r.value is None else f"{r.value:g} {r.unit}".strip()
        mark = "" if r.ok is None else ("[green]met[/green]" if r.ok else "[red]missed[/red]")
        table.add_row(r.section if r.section != last else "", r.metric, value, r.target or "", mark)
        last = r.section
    console.print(table)
    m = report.machine
    console.print(
        f"{m['cpus']} CPUs, Python {m['python']}, faiss {m['faiss']}, torch threads "
        f"{m['torch_threads']}; vector settings {report.settings}"
    )


def print_claims(report: ClaimReport, console: Console, misses: bool = False) -> None:
    """Claim-check verdict accuracy, its confusion matrix, and (with misses) what is wrong."""
    acc = "–" if report.verdict_accuracy is None else f"{report.verdict_accuracy:.3f}"
    stance = (
        "" if report.stance_accuracy is None else f", stance accuracy {report.stance_accuracy:.3f}"
    )
    skipped = f" ({len(report.skipped)} skipped: documents not indexed)" if report.skipped else ""
    console.print(
        f"claims: {report.claims}{skipped}; verdict accuracy {acc}{stance}; "
        f"median {report.latency_median_ms or 0:.1f} ms"
    )
    verdicts = sorted({v for row in report.confusion.values() for v in row})
    table = Table(title="claim verdicts (rows: gold, columns: checked)")
    table.add_column("gold")
    for v in verdicts:
        table.add_column(v, justify="right")
    for gold, row in report.confusion.items():
        table.add_row(gold, *(str(row.get(v, 0)) for v in verdicts))
    console.print(table)
    if misses:
        for r in report.results:
            if r.verdict != r.verdict_gold:
                console.print(
                    f"[yellow]{r.id}[/yellow] {r.claim} — {r.verdict} (gold {r.verdict_gold})"
                )
