"""Per-article work, the same on every path: one spaCy parse, then quotes and the article's actors,
as plain data; and, once actors are merged across the corpus, the stances of a batch of quotes.

The task functions (``analyse_batch``, ``stance_batch``) take and return plain, picklable data and
load their models once per process, so they run unchanged in this process, in a local process pool
or on a Dask cluster (``data_prep/execution.py``), and their results can be cached.
"""
from __future__ import annotations

import threading
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from data_prep import budget
from data_prep import nlp as nlp_module
from data_prep import schema

MAX_BATCH_CHARS = 32_000  # about 16 news articles of 2,000 characters
BATCHES_PER_SLOT = 4
_per_thread = threading.local()


@dataclass
class ArticleAnalysis:
    article_id: str
    quotes: list[dict] | None = None
    actors: dict | None = None
    error: str | None = None

    def as_cache_record(self) -> dict:
        return {"article_id": self.article_id, "quotes": self.quotes, "actors": self.actors}


def analyse_doc(article_id: str, doc) -> ArticleAnalysis:
    from data_prep.actors import resolve_article_actors
    from data_prep.quotes import extract_quotes

    try:
        quotes = extract_quotes(doc)
        actors = resolve_article_actors(doc, quotes)
    except Exception as error:  # one article's failure must not cost the others
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        return ArticleAnalysis(article_id, error=f"analysis failed: {detail}")
    return ArticleAnalysis(article_id, quotes=[quote.as_dict() for quote in quotes], actors=actors)


def analyse_batch(model: str | None, batch: Sequence[tuple[str, str]]) -> list[ArticleAnalysis]:
    """The task every path runs: (article_id, text) pairs in, one analysis each out, in order."""
    nlp = _pipeline(model)
    batch = [(article_id, budget.bounded_text(text)) for article_id, text in batch]
    seconds = budget.article_seconds()
    try:
        with budget.time_limit(seconds * len(batch)):
            docs = list(nlp_module.parse((text for _, text in batch), nlp))
    except (Exception, budget.OverBudget):  # a text the parser rejects or that takes too long: one by one
        return [_within_budget(article_id, seconds, lambda: _analyse_alone(nlp, article_id, text))
                for article_id, text in batch]
    return [_within_budget(article_id, seconds, lambda: analyse_doc(article_id, doc))
            for (article_id, _), doc in zip(batch, docs)]


def _within_budget(article_id: str, seconds: float, work) -> ArticleAnalysis:
    """``work()``, or a failed analysis saying the article ran past its time (data_prep/budget.py)."""
    try:
        with budget.time_limit(seconds):
            return work()
    except budget.OverBudget as error:
        return ArticleAnalysis(article_id, error=str(error))


def _pipeline(model: str | None):
    """Loaded once per process; a Dask worker running several threads gets one pipeline per thread,
    since a spaCy pipeline's vocabulary is not safe to grow from two threads at once."""
    if threading.current_thread() is threading.main_thread():
        return nlp_module.load_pipeline(model)
    loaded = _per_thread.__dict__.setdefault("pipelines", {})
    if model not in loaded:
        loaded[model] = nlp_module.load_pipeline.__wrapped__(model)
    return loaded[model]


def _analyse_alone(nlp, article_id: str, text: str) -> ArticleAnalysis:
    try:
        doc = nlp(text)
    except Exception as error:
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        return ArticleAnalysis(article_id, error=f"parse failed: {detail}")
    return analyse_doc(article_id, doc)


def text_batches(items: Iterable[tuple[str, str]], total_chars: int, slots: int) -> Iterator[list[tuple[str, str]]]:
    """(article_id, text) pairs grouped into batches of about equal length in characters.

    Several batches per parallel slot, so one batch of long articles does not leave the others idle,
    and never more than MAX_BATCH_CHARS, so a batch stays a small message and a lost worker costs little.
    """
    target = max(1, min(MAX_BATCH_CHARS, total_chars // (max(1, slots) * BATCHES_PER_SLOT)))
    batch: list[tuple[str, str]] = []
    size = 0
    for article_id, text in items:
        if batch and size + len(text) > target:
            yield batch
            batch, size = [], 0
        batch.append((article_id, text))
        size += len(text)
    if batch:
        yield batch


def stance_batch(backend_name: str, topics: list, quotes: list[dict], mentions: list[dict],
                 actors: list[dict], known: dict[str, str] | None = None) -> tuple[list[dict], list[dict]]:
    """The stances of a batch of quotes, once their actors are merged: ``mentions`` are those of the
    quotes' articles and ``actors`` those the quotes and mentions name; ``known`` holds the previous
    build's results for these quotes (data_prep/stance/cache.py), which are not scored again.
    Returns rows of ``schema.STANCES`` and the stance-cache rows this batch used."""
    from data_prep.stance import get_backend, stance_rows
    from data_prep.stance.cache import CachedBackend

    backend = CachedBackend(get_backend(backend_name), known)
    frame = stance_rows(schema.frame_from_rows(schema.QUOTES, quotes),
                        schema.frame_from_rows(schema.MENTIONS, mentions),
                        schema.frame_from_rows(schema.ACTORS, actors), backend, topics)
    return frame.to_dict("records"), backend.used_rows()
