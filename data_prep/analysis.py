"""Per-article analysis: one spaCy parse, then quotes and the article's actors, as plain data.

Workers each load the pipeline once and run ``nlp.pipe`` over a chunk of articles, returning
JSON-ready dicts, so the expensive part scales with processes and the results can be cached.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from data_prep import nlp as nlp_module

CHUNK_SIZE = 16
CHUNKS_PER_WORKER = 4


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
    return ArticleAnalysis(article_id, quotes=quotes, actors=actors)


def _analyse_chunk(model: str | None, chunk: Sequence[tuple[str, str]]) -> list[ArticleAnalysis]:
    nlp = nlp_module.load_pipeline(model)
    try:
        docs = list(nlp_module.parse((text for _, text in chunk), nlp))
    except Exception:  # one text the parser rejects: parse the chunk one by one to find it
        return [_analyse_alone(nlp, article_id, text) for article_id, text in chunk]
    return [analyse_doc(article_id, doc) for (article_id, _), doc in zip(chunk, docs)]


def _analyse_alone(nlp, article_id: str, text: str) -> ArticleAnalysis:
    try:
        doc = nlp(text)
    except Exception as error:
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        return ArticleAnalysis(article_id, error=f"parse failed: {detail}")
    return analyse_doc(article_id, doc)


def analyse_articles(items: Sequence[tuple[str, str]], model: str | None = None, workers: int = 1,
                     on_done: Callable[[int], None] | None = None) -> Iterator[ArticleAnalysis]:
    """(article_id, text) pairs in, one analysis each out, in input order."""
    # Several chunks per worker, so one chunk of long articles does not leave the other workers idle.
    size = max(1, min(CHUNK_SIZE, -(-len(items) // (max(1, workers) * CHUNKS_PER_WORKER))))
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    if workers <= 1 or len(chunks) <= 1:
        results = (_analyse_chunk(model, chunk) for chunk in chunks)
        for batch in results:
            yield from batch
            if on_done:
                on_done(len(batch))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in pool.map(_analyse_chunk, [model] * len(chunks), chunks):
            yield from batch
            if on_done:
                on_done(len(batch))
