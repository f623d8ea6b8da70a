"""A dataset build: ingest -> analyse each new article once -> merge actors -> stances -> tables.

``build_dataset`` is the one entry point, shared by ``newsvoices prep``, ``newsvoices app`` and the
dashboard's upload page. It never raises for bad input (that goes to the ingest log); it raises
``BuildError`` only when nothing sensible can be built (no pipeline, unknown stance backend).
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from data_prep import build_cache, schema, store
from data_prep.analysis import analyse_articles
from data_prep.ingest import DEFAULT_MAX_BYTES, ingest, log_row
from data_prep.ingest.article import Article
from data_prep.nlp import ModelNotFound, resolve_model_name
from data_prep.outlet_groups import OUTLETS_FILE, describe_outlets, load_user_outlets

ALIASES_FILE = "aliases.csv"
MAX_ARTICLE_CHARS = 1_000_000  # spaCy's own limit for one text
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


def _deduplicate(articles: list[Article], log: list[dict]) -> list[Article]:
    first_seen: dict[str, Article] = {}
    for article in articles:
        earlier = first_seen.get(article.article_id)
        if earlier is not None:
            log.append(log_row(article.source, article.record, "duplicate",
                               f"same text as {earlier.source} ({earlier.record})", article.article_id))
        else:
            first_seen[article.article_id] = article
    return list(first_seen.values())


def previous_articles(data_dir: Path) -> list[Article]:
    """The articles of the dataset already in ``data_dir``, with the source and record they came from."""
    table = store.read_table(data_dir, schema.ARTICLES)
    log = store.read_table(data_dir, schema.INGEST_LOG, columns=["article_id", "record", "status"])
    records = dict(zip(log.loc[log["status"] == "built", "article_id"], log.loc[log["status"] == "built", "record"]))
    table = table.astype(object).where(table.notna(), None)
    return [Article(text=row["text"], title=row["title"], outlet=row["outlet"], url=row["url"],
                    published=row["published"], author=row["author"], agency=row.get("agency"),
                    source=row["source"] or "",
                    record=records.get(row["article_id"], "file"))
            for row in table.to_dict("records")]


def _quote_rows(article_id: str, quotes: list[dict], actor_ids: Sequence[str | None]) -> list[dict]:
    rows = []
    for quote, actor_id in zip(quotes, actor_ids):
        rows.append({**{name: quote.get(name) for name in schema.columns(schema.QUOTES)},
                     "quote_id": quote_id_for(article_id, quote["quote_start"], quote["quote_end"]),
                     "article_id": article_id, "actor_id": actor_id})
    return rows


def _stance_setup(name: str, targets_file: Path | None):
    """The stance backend and topics, checked before any parsing so a bad model or file fails fast."""
    if name == "none":
        return None, []
    from data_prep.stance import get_backend, load_targets
    try:
        return get_backend(name), load_targets(targets_file)
    except (ValueError, OSError, RuntimeError) as error:
        raise BuildError(str(error)) from error


def _stances(quotes: pd.DataFrame, corpus, backend, topics) -> pd.DataFrame:
    from data_prep.stance import stance_rows
    if backend is None or quotes.empty:
        return schema.empty_frame(schema.STANCES)
    return stance_rows(quotes, corpus.mentions, corpus.actors, backend, topics)


def build_dataset(inputs: Sequence[str | Path], data_dir: str | Path, *, model: str | None = None,
                  stance_backend: str = "minilm", targets_file: Path | None = None, workers: int = 1,
                  full: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, urls: Sequence[str] = (),
                  keep_existing: bool = False, progress: Progress | None = None) -> BuildSummary:
    """Build the dataset in ``data_dir`` from ``inputs`` (and ``urls``).

    By default the dataset holds exactly the articles of this build's inputs (removed inputs leave it);
    with ``keep_existing`` the articles already in the dataset stay and the inputs are added to them.
    """
    from data_prep.actors import merge_corpus_actors

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

    ingested = ingest(inputs, max_bytes=max_bytes, urls=urls)
    log = ingested.log
    kept = previous_articles(data_dir) if keep_existing else []
    articles = _deduplicate(kept + ingested.articles, log)

    fingerprint = build_cache.analysis_fingerprint(model_name)
    cached = {} if full else build_cache.load_cache(data_dir, fingerprint)
    analyses = {article.article_id: cached[article.article_id] for article in articles
                if article.article_id in cached}
    failures = {article.article_id: f"article too long: {len(article.text):,} characters, over the "
                                    f"{MAX_ARTICLE_CHARS:,} one article may have; split it into parts"
                for article in articles if len(article.text) > MAX_ARTICLE_CHARS}
    to_analyse = [(article.article_id, article.text) for article in articles
                  if article.article_id not in analyses and article.article_id not in failures]
    done = len(analyses)
    if progress:
        progress(done, len(articles))

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, len(articles))

    for analysis in analyse_articles(to_analyse, model=model_name, workers=workers, on_done=advance):
        if analysis.error:
            failures[analysis.article_id] = analysis.error
        else:
            analyses[analysis.article_id] = analysis.as_cache_record()

    built = [article for article in articles if article.article_id not in failures]
    reused = {article.article_id for article in built if article.article_id in cached}
    for article in articles:
        if article.article_id in failures:
            log.append(log_row(article.source, article.record, "failed", failures[article.article_id],
                               article.article_id))
        else:
            message = "unchanged, analysis reused" if article.article_id in reused else "built"
            log.append(log_row(article.source, article.record, "built",
                               "; ".join([message, *article.warnings]), article.article_id))

    if not built:
        return BuildSummary(inputs=len(log), duplicates=_count(log, "duplicate"), failed=_count(log, "failed"),
                            seconds=time.perf_counter() - started, written=False, log=log)

    aliases = data_dir / ALIASES_FILE
    corpus = merge_corpus_actors({a.article_id: analyses[a.article_id]["actors"] for a in built},
                                 aliases if aliases.is_file() else None)
    quote_rows = [row for article in built for row in _quote_rows(
        article.article_id, analyses[article.article_id]["quotes"],
        corpus.quote_actor_ids.get(article.article_id, []))]
    quotes = schema.frame_from_rows(schema.QUOTES, quote_rows)
    stances = _stances(quotes, corpus, backend, topics)

    tables = {
        schema.ARTICLES: describe_outlets(schema.frame_from_rows(schema.ARTICLES, [a.as_row() for a in built]),
                                          load_user_outlets(data_dir / OUTLETS_FILE)),
        schema.QUOTES: quotes,
        schema.ACTORS: corpus.actors,
        schema.MENTIONS: corpus.mentions,
        schema.STANCES: stances,
        schema.INGEST_LOG: schema.frame_from_rows(schema.INGEST_LOG, log),
    }
    kept_analyses = {article.article_id: analyses[article.article_id] for article in built}
    summary = BuildSummary(
        inputs=len(log), built=len(built), reused=len(reused),
        duplicates=_count(log, "duplicate"), failed=_count(log, "failed"), log=log,
        quotes=len(quotes), actors=len(corpus.actors), stances=len(stances),
        seconds=time.perf_counter() - started)
    store.write_dataset(data_dir, tables,
                        extra_files={build_cache.CACHE_FILE: build_cache.cache_bytes(kept_analyses, fingerprint)},
                        info={"model": model_name, "stance_backend": stance_backend,
                              "summary": summary.message})
    return summary
