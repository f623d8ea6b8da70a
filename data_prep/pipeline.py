"""A dataset build: ingest -> analyse each new article once -> merge actors -> quotes, stances -> tables.

``build_dataset`` is the one entry point, shared by ``newsvoices prep``, ``newsvoices app`` and the
dashboard's upload page. It never raises for bad input (that goes to the ingest log); it raises
``BuildError`` only when nothing sensible can be built (no pipeline, unknown stance backend).
"""
from __future__ import annotations

import collections
import hashlib
import itertools
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from data_prep import build_cache, schema, store
from data_prep.actors import ActorIndex, actor_index
from data_prep.analysis import analyse_batch, stance_batch, text_batches
from data_prep.execution import ExecutionError, Executor, local_executor
from data_prep.ingest import DEFAULT_MAX_BYTES, IngestResult, expand_inputs, iter_ingest, log_row
from data_prep.ingest.article import Article
from data_prep.nlp import ModelNotFound, resolve_model_name
from data_prep.corpus_links import link_tables
from data_prep.outlet_groups import OUTLETS_FILE, describe_outlets, load_user_outlets
from data_prep.parquet_stream import RowWriter, read_batches, read_rows
from data_prep.progress import phase
from data_prep.spool import Entry, Spool
from data_prep.stance.cache import quote_hash
from data_prep.stance.registry import DEFAULT_BACKEND
from data_prep.worker_ingest import ingest_on_workers

ALIASES_FILE = "aliases.csv"
MAX_ARTICLE_CHARS = 1_000_000  # spaCy's own limit for one text
STANCE_BATCH_ARTICLES = 256  # one stance task: the quotes of this many articles
SPOOL_FOLDER = ".spool"  # inside the staging folder: ingested articles waiting for their analyses
Progress = Callable[[int, int], None]


class BuildError(RuntimeError):
    pass


@dataclass
class BuildSummary:
    inputs: int = 0
    built: int = 0
    reused: int = 0
    duplicates: int = 0
    failed: int = 0
    quotes: int = 0
    actors: int = 0
    stances: int = 0
    seconds: float = 0.0
    written: bool = True
    log: list[dict] = field(default_factory=list, repr=False)

    @property
    def failures(self) -> list[dict]:
        return [row for row in self.log if row["status"] == "failed"]

    @property
    def message(self) -> str:
        if not self.written:
            return (f"{self.inputs} inputs, nothing built ({self.duplicates} duplicates + {self.failed} failed); "
                    "the dataset was left as it was")
        return (f"{self.inputs} inputs = {self.built} built ({self.reused} unchanged, reused) "
                f"+ {self.duplicates} duplicates + {self.failed} failed; "
                f"{self.quotes} quotes, {self.actors} actors, {self.stances} stances in {self.seconds:.1f} s")


def _count(log: list[dict], status: str) -> int:
    return sum(row["status"] == status for row in log)


def quote_id_for(article_id: str, start: int, end: int) -> str:
    return "q_" + hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def previous_articles(data_dir: Path) -> Iterator[Article]:
    """The articles of the dataset already in ``data_dir``, with the source and record they came from."""
    log = store.read_table(data_dir, schema.INGEST_LOG, columns=["article_id", "record", "status"])
    built = log["status"] == "built"
    records = dict(zip(log.loc[built, "article_id"], log.loc[built, "record"]))
    for rows in read_rows(store.table_path(data_dir, schema.ARTICLES)):
        for row in rows:
            yield Article(text=row["text"], title=row["title"], outlet=row["outlet"], url=row["url"],
                          published=row["published"], author=row["author"], agency=row.get("agency"),
                          source=row["source"] or "", record=records.get(row["article_id"], "file"))


def _quote_rows(article_id: str, quotes: list[dict], actor_ids: Sequence[str | None],
                co_speaker_ids: Sequence[list[str]] = ()) -> list[dict]:
    rows = []
    co_speaker_ids = [*co_speaker_ids, *[[] for _ in range(len(quotes) - len(co_speaker_ids))]]
    names = schema.columns(schema.QUOTES)
    for quote, actor_id, co_speakers in zip(quotes, actor_ids, co_speaker_ids):
        rows.append({**{name: quote.get(name) for name in names},
                     "quote_id": quote_id_for(article_id, quote["quote_start"], quote["quote_end"]),
                     "article_id": article_id, "actor_id": actor_id, "co_speaker_ids": co_speakers})
    return rows


def _stance_setup(name: str, targets_file: Path | None):
    """The stance backend (None: stance skipped) and topics, checked before any parsing so a bad model
    or file fails fast."""
    from data_prep.stance import get_backend, load_targets
    try:
        backend = get_backend(name)
        return backend, (load_targets(targets_file) if backend is not None else [])
    except (ValueError, OSError, RuntimeError) as error:
        raise BuildError(str(error)) from error


def _executor(workers: int, scheduler: str | None, model_name: str, fingerprint: str) -> Executor:
    if not scheduler:
        return local_executor(workers)
    try:
        from data_prep.cluster import connect
    except ImportError as error:
        raise BuildError(f"--scheduler needs Dask: pip install 'newsvoices[dask]' ({error})") from error
    return connect(scheduler, workers, model_name, fingerprint)


def build_dataset(inputs: Sequence[str | Path], data_dir: str | Path, *, model: str | None = None,
                  stance_backend: str = DEFAULT_BACKEND, targets_file: Path | None = None, workers: int = 1,
                  scheduler: str | None = None, full: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                  urls: Sequence[str] = (), keep_existing: bool = False, follow_links: bool = False,
                  progress: Progress | None = None, stance_progress: Progress | None = None) -> BuildSummary:
    """Build the dataset in ``data_dir`` from ``inputs`` (and ``urls``).

    By default the dataset holds exactly the articles of this build's inputs (removed inputs leave it);
    with ``keep_existing`` the articles already in the dataset stay and the inputs are added to them.
    The per-article work runs in this process (``workers`` 1), in a pool of ``workers`` processes, or
    on the Dask cluster at ``scheduler`` ("local" starts one of ``workers`` processes); every way
    writes the same tables. Memory does not grow with the corpus: articles and analyses wait on disk
    in the staging folder and the tables are written a row group at a time. ``progress`` is called with
    (articles analysed, articles) as analyses finish, ``stance_progress`` likewise as their stances do.
    """
    started = time.perf_counter()
    data_dir = Path(data_dir)
    store.recover(data_dir)
    if keep_existing and store.holds_partial_dataset(data_dir):
        raise BuildError(f"{data_dir} holds an incomplete dataset, so its articles cannot be kept; "
                         "not building over it (rebuild it from its inputs with newsvoices prep)")
    try:
        model_name = resolve_model_name(model)
    except ModelNotFound as error:
        raise BuildError(str(error)) from error
    backend, topics = _stance_setup(stance_backend, targets_file)
    fingerprint = build_cache.analysis_fingerprint(model_name)

    plan = _Plan(model_name, fingerprint, stance_backend, topics if backend else None, full, started)
    try:
        with _executor(workers, scheduler, model_name, fingerprint) as executor, \
                store.staged_dataset(data_dir) as staging:
            log: list[dict] = []
            source = _Inputs(max_bytes=max_bytes)
            if executor.reads_files and not keep_existing and not urls:
                files = expand_inputs(inputs, IngestResult(log=log), follow_links)
                if executor.sees_files(files):
                    source.files = files
                else:
                    source.articles = iter_ingest(files, max_bytes=max_bytes, log=log)
            else:
                previous = previous_articles(staging.data_dir) if keep_existing else ()
                source.articles = itertools.chain(previous, iter_ingest(inputs, max_bytes=max_bytes, urls=urls,
                                                                         log=log, follow_links=follow_links))
            return _build(plan, executor, staging, source, log, progress, stance_progress)
    except ExecutionError as error:
        raise BuildError(str(error)) from error


@dataclass
class _Inputs:
    """What the build reads: articles read here, or files its workers read (data_prep/worker_ingest.py)."""
    max_bytes: int
    articles: Iterable[Article] = ()
    files: list[Path] | None = None


@dataclass
class _Plan:
    model_name: str
    fingerprint: str
    stance_backend: str
    topics: list | None  # None: no stances
    full: bool
    started: float


def _build(plan: _Plan, executor: Executor, staging: store.Staging, source: _Inputs, log: list[dict],
           progress: Progress | None, stance_progress: Progress | None = None) -> BuildSummary:
    spool = staging.path / SPOOL_FOLDER
    spool.mkdir()
    phase("ingest")
    failures: dict[str, str] = {}
    early: set[str] = set()  # analysed by the workers that read the files
    with Spool(spool / schema.ARTICLES, log) as spooled:
        if source.files is None:
            for article in source.articles:
                spooled.add(article)
        else:
            reusable = set() if plan.full else build_cache.cached_ids(staging.data_dir, plan.fingerprint)
            with build_cache.new_writer(spool) as new_analyses:
                early = ingest_on_workers(executor, plan.model_name, source.files, source.max_bytes,
                                          MAX_ARTICLE_CHARS, reusable, spooled,
                                          lambda analysis: _keep(analysis, new_analyses, failures, plan.fingerprint),
                                          _Progress(progress, len(source.files), 0).advance)
    entries = spooled.entries
    failures.update({article_id: f"article too long: {entry.chars:,} characters, over the {MAX_ARTICLE_CHARS:,} "
                                 "one article may have; split it into parts"
                     for article_id, entry in entries.items() if entry.chars > MAX_ARTICLE_CHARS})
    wanted = set(entries).difference(failures)
    phase("analyse")
    with build_cache.new_writer(staging.path) as cache:
        reused = set() if plan.full else build_cache.copy_reusable(staging.data_dir, cache, plan.fingerprint, wanted)
        if early:
            build_cache.copy_analyses(spool, cache, early - reused)
        todo = wanted - reused - early
        _analyse(executor, plan, spool / schema.ARTICLES, todo, entries, cache, failures,
                 _Progress(progress, len(entries), len(entries) - len(todo)))

    built = len(entries) - len(failures)
    summary = BuildSummary(inputs=len(log) + len(entries), built=built, reused=len(reused),
                           duplicates=_count(log, "duplicate"), failed=_count(log, "failed") + len(failures),
                           log=log + [row for row in _entry_log_rows(entries, failures, reused)
                                      if row["status"] != "built"])
    if not built:
        summary.written, summary.seconds = False, time.perf_counter() - plan.started
        return summary

    phase("actor merge")
    aliases = staging.data_dir / ALIASES_FILE
    index = actor_index(build_cache.read_actors(staging.path), aliases if aliases.is_file() else None)
    known = {} if plan.full or plan.topics is None else build_cache.load_stance_cache(staging.data_dir)
    phase("quotes, mentions, stances")
    stance_done = _Progress(stance_progress if plan.topics is not None else None, built, 0)
    summary.quotes, summary.stances = _write_quote_tables(executor, plan, staging.path, index, known, stance_done)
    phase("articles")
    _write_articles(spool / schema.ARTICLES, staging.path, failures, load_user_outlets(staging.data_dir / OUTLETS_FILE))
    actors = index.actors_frame()
    summary.actors = len(actors)
    store.write_table(staging.path, schema.ACTORS, actors)
    phase("ingest log")
    # The ingest log now, so the per-article records (an entry, ids in three sets: ~100 MB at 200k
    # articles) are gone before the corpus-wide steps and the dashboard's views, the build's largest.
    with RowWriter(store.table_path(staging.path, schema.INGEST_LOG), schema.TABLE_SCHEMAS[schema.INGEST_LOG]) as writer:
        writer.extend(log)
        writer.extend(_entry_log_rows(entries, failures, reused))
    del index, actors, known, entries, failures, reused, wanted, early, todo, log, spooled
    link_tables(staging.path, None if plan.full else staging.data_dir)  # the old dataset's sentence vectors
    phase("swap")
    shutil.rmtree(spool)
    summary.seconds = time.perf_counter() - plan.started
    staging.commit({"model": plan.model_name, "stance_backend": plan.stance_backend, "summary": summary.message,
                    "executor": executor.description},
                   owned={build_cache.CACHE_FILE, build_cache.STANCE_CACHE_FILE, build_cache.VECTOR_CACHE_FILE})
    return summary


class _Progress:
    """Finished articles out of all, counting reused ones as finished from the start."""

    def __init__(self, callback: Progress | None, total: int, done: int):
        self.callback, self.total, self.done = callback, total, done
        self.advance(0)

    def advance(self, count: int) -> None:
        self.done += count
        self.total = max(self.total, self.done)  # a total counted in files: a file may hold several articles
        if self.callback:
            self.callback(self.done, self.total)


def _analyse(executor: Executor, plan: _Plan, articles: Path, todo: set[str], entries: dict[str, Entry],
             cache: RowWriter, failures: dict[str, str], progress: _Progress) -> None:
    """Analyse the ``todo`` articles (read back from ``articles``) and add each analysis to ``cache``."""
    items = ((row["article_id"], row["text"]) for rows in read_rows(articles, ["article_id", "text"])
             for row in rows if row["article_id"] in todo)
    total_chars = sum(entries[article_id].chars for article_id in todo)
    batches = ((plan.model_name, batch) for batch in text_batches(items, total_chars, executor.slots))
    for results in executor.run(analyse_batch, batches, on_done=lambda done: progress.advance(len(done))):
        for analysis in results:
            _keep(analysis, cache, failures, plan.fingerprint)


def _keep(analysis, cache: RowWriter, failures: dict[str, str], fingerprint: str) -> None:
    """An article's analysis to the build cache, or its error to ``failures``."""
    if analysis.error:
        failures[analysis.article_id] = analysis.error
    else:
        cache.add(build_cache.cache_row(analysis.as_cache_record(), fingerprint))


def _entry_log_rows(entries: dict[str, Entry], failures: dict[str, str], reused: set[str]) -> Iterator[dict]:
    for article_id, entry in entries.items():
        if article_id in failures:
            yield log_row(entry.source, entry.record, "failed", failures[article_id], article_id)
        else:
            message = "unchanged, analysis reused" if article_id in reused else "built"
            yield log_row(entry.source, entry.record, "built", "; ".join([message, *entry.warnings]), article_id)


def _write_quote_tables(executor: Executor, plan: _Plan, staging: Path, index: ActorIndex,
                        known: dict[str, dict[str, str]], progress: _Progress) -> tuple[int, int]:
    """Quotes and mentions with their merged actor ids, then stances (on the executor), a batch at a time;
    each stance batch gets the previous build's results for its quotes (``known``, by quote hash).
    ``progress`` counts the articles whose stances are written (those without quotes with the next batch)."""
    quotes = RowWriter(store.table_path(staging, schema.QUOTES), schema.TABLE_SCHEMAS[schema.QUOTES])
    mentions = RowWriter(store.table_path(staging, schema.MENTIONS), schema.TABLE_SCHEMAS[schema.MENTIONS])
    stances = RowWriter(store.table_path(staging, schema.STANCES), schema.TABLE_SCHEMAS[schema.STANCES])
    articles_per_task: collections.deque[int] = collections.deque()

    def stance_tasks() -> Iterator[tuple]:
        waiting = 0  # articles read since the last stance task
        for analyses in build_cache.read_analyses(staging, rows=STANCE_BATCH_ARTICLES):
            waiting += len(analyses)
            quote_rows, mention_rows = [], []
            for analysis in analyses:
                article_mentions, actor_ids = index.resolve(analysis["article_id"], analysis["actors"])
                co_speakers = index.co_speaker_ids(analysis["article_id"], analysis["actors"])
                quote_rows.extend(_quote_rows(analysis["article_id"], analysis["quotes"], actor_ids, co_speakers))
                mention_rows.extend(article_mentions)
            quotes.extend(quote_rows)
            mentions.extend(mention_rows)
            if plan.topics is not None and quote_rows:
                named = {row["actor_id"] for row in quote_rows + mention_rows if row["actor_id"]}
                remembered = {key: prediction for row in quote_rows
                              for key, prediction in known.get(quote_hash(row["quote_text"] or ""), {}).items()}
                articles_per_task.append(waiting)
                waiting = 0
                yield (plan.stance_backend, plan.topics, quote_rows, mention_rows,
                       [index.rows[i] for i in sorted(named)], remembered)
        progress.advance(waiting)

    with quotes, mentions, stances, build_cache.new_stance_writer(staging) as stance_cache:
        for rows, cache_rows in executor.run(stance_batch, stance_tasks()):
            stances.extend(rows)
            stance_cache.extend(cache_rows)
            progress.advance(articles_per_task.popleft())
    return quotes.count, stances.count


def _write_articles(spool: Path, staging: Path, failures: dict[str, str], outlets) -> None:
    """The articles table: every ingested article but those whose analysis failed, in input order,
    with its outlet's facts and the user's outlet names and groups."""
    with RowWriter(store.table_path(staging, schema.ARTICLES), schema.TABLE_SCHEMAS[schema.ARTICLES]) as writer:
        for batch in read_batches(spool):
            if failures:
                keep = [article_id not in failures for article_id in batch.column("article_id").to_pylist()]
                batch = batch.filter(pa.array(keep, type=pa.bool_()))
            writer.add_batch(schema.to_arrow(schema.ARTICLES, describe_outlets(batch.to_pandas(), outlets)))
