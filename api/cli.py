"""The `crosscheck` command line: index, ask, check, stories, serve, eval, bench."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.render import error_line, plain
from index.config import get_settings

if TYPE_CHECKING:
    from index.store import Store
    from qa.models import AskResponse, CheckResponse

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False
)
console = Console()
err = Console(stderr=True)


@app.callback()
def _main() -> None:
    """crosscheck: answers from news articles, with agreement across outlets."""


def _open_store(check_model: bool = True):
    from index.faults import StoreError
    from index.store import Store

    settings = get_settings()
    try:
        return Store.from_settings(settings, check_model=check_model)
    except StoreError as exc:
        err.print(error_line(str(exc)))
        raise typer.Exit(2) from None


@app.command()
def index(
    paths: list[Path] | None = typer.Argument(  # noqa: B008
        None, help="Files (.txt, .jsonl) or folders. Default: seeds/"
    ),
    rebuild: bool = typer.Option(
        False, "--rebuild", help="Re-embed everything with the current model."
    ),
) -> None:
    """Index articles: clean, chunk, extract, embed and store them (unchanged files are skipped)."""
    from index.build import index_documents
    from index.faults import StorageError
    from index.ingest import read_paths

    settings = get_settings()
    if settings.index_nice:
        # a bulk ingest yields the CPU to a server answering beside it (issue 18: at nice 0
        # a server's ask median went from 15.8 to 52.1 ms while `crosscheck index` ran)
        os.nice(settings.index_nice)
    paths = paths or [Path("seeds")]
    store = _open_store(check_model=not rebuild)
    raws, errors = read_paths(paths)
    columns = (
        TextColumn("[bold]indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[passages]} passages · {task.fields[rate]:.0f} passages/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as bar:
        task = bar.add_task("index", total=len(raws), passages=0, rate=0.0)
        counts = {"passages": 0}

        def progress(docs: int, passages: int) -> None:
            counts["passages"] += passages
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(
                task, advance=docs, passages=counts["passages"], rate=counts["passages"] / elapsed
            )

        try:
            report = index_documents(store, raws, settings, rebuild=rebuild, progress=progress)
        except StorageError as exc:
            bar.stop()
            err.print(error_line(str(exc)))
            err.print(
                f"Documents written before this are kept ({store.document_count()} documents "
                "in the index); run the same command again once it can write: unchanged "
                "files are skipped."
            )
            raise typer.Exit(3) from None
    errors += report.errors
    for e in errors:
        err.print(error_line(str(e), "skipped", "yellow"), soft_wrap=True)
    stats = store.stats()
    console.print(
        f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} "
        f"unchanged, {len(errors)} skipped; {report.passages} passages embedded in "
        f"{report.embed_seconds:.2f}s ({report.passages_per_second:.0f}/s); total "
        f"{report.seconds:.2f}s. Index: {stats['documents']} documents, {stats['passages']} "
        f"passages, {stats['disk_bytes'] / 1024:.0f} KiB in {settings.data_dir}."
    )
    if errors:
        raise typer.Exit(1)


@app.command()
def ask(
    question: str = typer.Argument(..., help="The question, in quotes."),
    k: int = typer.Option(8, "-k", help="Passages to show (1..50)."),
    outlet: list[str] | None = typer.Option(None, "--outlet", help="Only these outlets."),  # noqa: B008
    story: str | None = typer.Option(
        None, "--story", help="Answer within this story (default: the best match)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the response model as JSON."),
) -> None:
    """Answer a question from the index, with agreement across outlets."""
    from api.render import render_answer
    from qa.service import Service

    service = Service(get_settings(), _open_store())
    _show(lambda: service.ask(question, k, outlet or None, story=story), render_answer, as_json)


def _show(
    call: Callable[[], AskResponse | CheckResponse],
    render: Callable[[Any, Console], None],
    as_json: bool,
) -> None:
    """Run an ask or a check; a user's mistake is an error line and exit code 2."""
    from qa.service import BadRequest

    try:
        response = call()
    except BadRequest as exc:
        err.print(error_line(str(exc)))
        raise typer.Exit(2) from None
    if as_json:
        print(response.model_dump_json(indent=2))
    else:
        render(response, console)


@app.command()
def check(
    claim: str = typer.Argument(..., help="The statement to check, in quotes."),
    outlet: list[str] | None = typer.Option(None, "--outlet", help="Only these outlets."),  # noqa: B008
    story: str | None = typer.Option(
        None, "--story", help="Check within this story (default: the best match)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the response model as JSON."),
) -> None:
    """Check a claim: which outlets support it, contradict it, hedge it or say nothing."""
    from api.render import render_check
    from qa.service import Service

    service = Service(get_settings(), _open_store())
    _show(lambda: service.check(claim, story, outlet or None), render_check, as_json)


@app.command()
def stories(
    as_json: bool = typer.Option(False, "--json", help="Print the stories as JSON."),
) -> None:
    """List the stories (one news event each), newest first."""
    from rich.table import Table

    from api.routers.stories import newest_first

    items = newest_first(list(_open_store().stories().values()))
    if as_json:
        print("[" + ",".join(s.model_dump_json() for s in items) + "]")
        return
    table = Table(title=f"{len(items)} stories", show_lines=False)
    for col in ("story", "title", "docs", "outlets", "dates"):
        table.add_column(col, overflow="fold")
    for s in items:
        dates = f"{s.first} … {s.last}" if s.first else "undated"
        table.add_row(
            plain(s.story_id), plain(s.title), str(s.documents), str(len(s.outlets)), dates
        )
    console.print(table)


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Default: CROSSCHECK_HOST (127.0.0.1)."),
    port: int | None = typer.Option(None, help="Default: CROSSCHECK_PORT (8000)."),
    index_seeds: bool = typer.Option(False, "--index-seeds", help="Index seeds/ first if empty."),
) -> None:
    """Serve the HTTP API with uvicorn."""
    from api.server import serve as run_server

    settings = get_settings()
    if index_seeds:
        store = _open_store()
        _index_seeds_if_empty(store)
        store.close()
    run_server(settings, host or settings.host, port or settings.port)


def _index_seeds_if_empty(store) -> None:
    if store.document_count() == 0:
        from index.build import index_documents
        from index.ingest import read_paths

        raws, errors = read_paths([Path("seeds")])
        index_documents(store, raws, get_settings())
        for e in errors:
            err.print(error_line(str(e), "skipped", "yellow"), soft_wrap=True)


@app.command("eval")
def evaluate(
    gold: list[Path] | None = typer.Option(  # noqa: B008
        None,
        "--gold",
        help="Gold questions (JSONL), or a folder of story folders with gold.jsonl; repeat "
        "for several. Default: the seed gold set in eval/.",
    ),
    methods: str = typer.Option(
        "bm25,dense,hybrid",
        "--methods",
        help="Comma-separated: bm25, dense, hybrid, or NAME=METHOD:setting=value (…;…).",
    ),
    json_path: Path | None = typer.Option(None, "--json", help="Write every metric here."),  # noqa: B008
    plot_path: Path | None = typer.Option(None, "--plot", help="Write a PNG comparing methods."),  # noqa: B008
    repeat: int = typer.Option(1, "--repeat", min=1, help="Ask each question N times (latency)."),
    misses: bool = typer.Option(False, "--misses", help="List what the last method gets wrong."),
    wide: bool = typer.Option(False, "--wide", help="Every metric (a wide table)."),
    index_seeds: bool = typer.Option(False, "--index-seeds", help="Index seeds/ first if empty."),
    claims: Path | None = typer.Option(  # noqa: B008
        None, "--claims", help="Also check the claims of this file (e.g. eval/claims.jsonl)."
    ),
) -> None:
    """Score the index against gold questions: retrieval, answers, verdicts, latency; with
    --claims, claim-check verdicts too."""
    from eval.gold import DEFAULT_GOLD, GoldError, load_golds
    from eval.harness import parse_variant, run_eval
    from eval.report import print_report, write_json, write_plot

    gold_paths = gold or [DEFAULT_GOLD]
    gold_name = ", ".join(p.name if p.name != "gold.jsonl" else p.parent.name for p in gold_paths)
    try:
        questions = load_golds(gold_paths)
        variants = [parse_variant(m.strip()) for m in methods.split(";" if ":" in methods else ",")]
    except (GoldError, ValueError) as exc:
        err.print(error_line(str(exc)))
        raise typer.Exit(2) from None
    store = _open_store()
    if index_seeds:
        _index_seeds_if_empty(store)
    if store.document_count() == 0:
        err.print("[red]error:[/red] the index is empty; run `crosscheck index seeds/` first")
        raise typer.Exit(2)
    known = {d.doc_id for d in store.list_documents(limit=10**9)}
    missing = sorted({d for q in questions for d in q.docs} - known)
    if missing:
        err.print(
            f"[yellow]warning:[/yellow] gold documents not in the index: {', '.join(missing)}"
        )
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("evaluating", total=len(questions) * len(variants))
        report = run_eval(
            store,
            get_settings(),
            questions,
            variants,
            repeat=repeat,
            gold_name=gold_name,
            progress=lambda name, n: bar.update(task, advance=n, description=name),
        )
    print_report(report, console, misses=misses, wide=wide)
    if claims is not None:
        _evaluate_claims(store, claims, misses)
    if json_path:
        write_json(report, json_path)
        console.print(f"wrote {json_path}")
    if plot_path:
        write_plot(report, plot_path)
        console.print(f"wrote {plot_path}")


def _evaluate_claims(store: Store, path: Path, misses: bool) -> None:
    from eval.claims import load_claims, run_claims
    from eval.gold import GoldError
    from eval.report import print_claims
    from qa.service import Service

    try:
        gold = load_claims(path)
    except GoldError as exc:
        err.print(error_line(str(exc)))
        raise typer.Exit(2) from None
    report = run_claims(Service(get_settings(), store), gold)
    print_claims(report, console, misses)


@app.command()
def bench(
    quick: bool = typer.Option(False, "--quick", help="Every section small: under a minute."),
    json_path: Path | None = typer.Option(None, "--json", help="Write every figure here."),  # noqa: B008
    sizes: str | None = typer.Option(
        None, "--sizes", help="Vector counts, comma-separated (default 100000,1000000)."
    ),
    vectors: str = typer.Option("perturbed", "--vectors", help="perturbed (seed-like) or random."),
    work: Path | None = typer.Option(  # noqa: B008
        None, "--work", help="Scratch folder (default: a temporary one, removed after)."
    ),
    scale: int | None = typer.Option(
        None,
        "--scale",
        min=1_000,
        help="Only the whole product over this many synthetic passages (and over 100,000 "
        "first, for the growth of write cost; with --quick, over 2,000 and this many).",
    ),
) -> None:
    """Measure start-up, answer latency, HTTP throughput, indexing and vector search at scale."""
    import tempfile

    from eval.bench import QUICK, BenchConfig, run_bench, run_scale
    from eval.report import print_bench

    if scale is not None:
        scales = sorted({2_000 if quick else 100_000, scale})
        with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
            report = run_scale(
                scales, work or Path(tmp), get_settings(), quick,
                say=lambda m: err.print(f"[dim]· {m}[/dim]"),
            )  # fmt: skip
        print_bench(report, console)
        if json_path:
            json_path.write_text(report.model_dump_json(indent=2))
        return

    cfg = QUICK.model_copy() if quick else BenchConfig()
    try:
        if sizes:
            cfg.vector_sizes = [int(s.replace("_", "")) for s in sizes.split(",") if s.strip()]
        cfg = BenchConfig.model_validate({**cfg.model_dump(), "vector_kind": vectors})
    except ValueError as exc:
        err.print(error_line(str(exc)))
        raise typer.Exit(2) from None
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
        report = run_bench(
            cfg, work or Path(tmp), get_settings(), say=lambda m: err.print(f"[dim]· {m}[/dim]")
        )
    print_bench(report, console)
    if json_path:
        json_path.write_text(report.model_dump_json(indent=2))
        console.print(f"wrote {json_path}")


def main() -> None:  # pragma: no cover - console script entry
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
