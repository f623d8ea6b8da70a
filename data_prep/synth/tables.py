"""The six dataset tables drawn directly, without parsing: dashboard-scale data in seconds.

Everything is vectorised over quotes with numpy; the only per-row Python work is string assembly.
Distributions: speakers by a Zipf law (a few speakers quoted thousands of times, a long tail quoted
once), two to six quotes per article, dates spread over seven years, outlets of unequal size, one or
two stance targets for most quotes. Each article's text is its headline followed by one short
paragraph per quote, and every offset indexes into that text.
"""
from __future__ import annotations

import gc
import random
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from data_prep import schema, store
from data_prep.ingest.article import count_words
from data_prep.synth import statements
from data_prep.synth import vocabulary as vocab
from data_prep.synth.cast import make_person, surnames
from data_prep.synth.constructions import CLOSE, OPEN, capitalised

QUOTES_PER_ARTICLE = (2, 6)
ZIPF_EXPONENT = 1.1
POOL_SIZE = 2000
TYPE_SHARES = {"direct": 0.55, "indirect": 0.35, "mixed": 0.10}
DIRECT_CUE_SHARES = {"said": 0.8, "added": 0.2}
LABEL_SHARES = {"favor": 0.25, "against": 0.35, "neutral": 0.3, "unclear": 0.1}
TARGETS_PER_QUOTE = {0: 0.2, 1: 0.5, 2: 0.3}
EVIDENCE_WORDS = ("support", "reject", "welcome", "ultimatum", "trap", "hope", "failure", "progress", "betrayal")
FIRST_DAY = np.datetime64("2019-01-01")
DAYS_SPANNED = 7 * 365


def actor_count(n_quotes: int) -> int:
    """Grows slower than the quotes, as real corpora do: 1k actors at 10k quotes, 30k at 1M."""
    return max(40, int(n_quotes ** 0.75))


def _choose(rng: np.random.Generator, shares: dict, size: int) -> np.ndarray:
    keys = list(shares)
    probabilities = np.array([shares[key] for key in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size, p=probabilities / probabilities.sum())]


def _group_actors() -> list[dict]:
    """Organisations, unnamed sources, outlets, countries and groups, each as written mid-sentence."""
    rows = []
    for country in vocab.COUNTRIES:
        slots = {"demonym": vocab.DEMONYMS[country], "city": vocab.CITIES[country][0]}
        for phrase in vocab.ORGANISATIONS:
            rows.append({"written": phrase.format(**slots), "kind": "organization", "affiliation": country})
        rows.append({"written": country, "kind": "country", "affiliation": ""})
        for city in vocab.CITIES[country]:
            rows.append({"written": f"residents of {city}", "kind": "group", "affiliation": country})
    rows += [{"written": phrase[:1].lower() + phrase[1:], "kind": "anonymous", "affiliation": ""}
             for phrase in vocab.ANONYMOUS_SOURCES]
    rows += [{"written": name, "kind": "media", "affiliation": ""} for name, _ in vocab.OUTLETS]
    unique = {row["written"]: row for row in rows}
    return list(unique.values())


def synthetic_actors(n_actors: int, seed: int) -> pd.DataFrame:
    """Actor rows plus ``written`` (the mention as it appears mid-sentence); people fill the rest."""
    groups = _group_actors()[: max(0, n_actors // 4)]
    rng = random.Random(f"actors:{seed}")
    firsts = [(name, "f") for name in vocab.FIRST_NAMES_FEMALE] + [(name, "m") for name in vocab.FIRST_NAMES_MALE]
    lasts = surnames()
    n_people = n_actors - len(groups)
    # Past the first-by-last grid, a middle initial keeps names distinct.
    grid = len(firsts) * len(lasts)
    if n_people > grid * 27:
        raise ValueError(f"at most {grid * 27} synthetic people; asked for {n_people}")
    slots = rng.sample(range(grid), min(n_people, grid)) + rng.sample(range(grid, grid * 27), max(0, n_people - grid))
    people = []
    for slot in slots:
        (first, gender), last, initial = firsts[slot % len(firsts)], lasts[(slot // len(firsts)) % len(lasts)], slot // grid
        if initial:
            first = f"{first} {chr(ord('A') + initial - 1)}."
        person = make_person(rng, first, last, gender)
        people.append({"written": person.name, "kind": "person", "role": person.role,
                       "affiliation": person.affiliation})
    frame = pd.DataFrame([*people, *({"role": "", **group} for group in groups)])
    frame["name"] = frame["written"].map(lambda text: capitalised(text.removeprefix("the ")))
    frame["actor_id"] = [f"act_syn{index:09d}" for index in range(len(frame))]
    return frame


def _pool(rng: random.Random, templates: tuple[str, ...], size: int) -> list[str]:
    """``size`` filled-in statements, so that per-quote work is an array lookup."""
    pool = []
    for _ in range(size):
        country = rng.choice(vocab.COUNTRIES[:2])
        slots = {"country": country, "enemy": next(c for c in vocab.COUNTRIES[:2] if c != country),
                 "demonym": vocab.DEMONYMS[country], "topic": rng.choice(vocab.TOPICS),
                 "city": rng.choice(vocab.CITIES[country]), "region": rng.choice(vocab.REGIONS)}
        pool.append(rng.choice(templates).format(**slots))
    return pool


def _quote_sentences(quote_type: np.ndarray, content: np.ndarray, written: np.ndarray,
                     cue: np.ndarray) -> tuple[list[str], dict[str, np.ndarray]]:
    """One paragraph per quote, and each part's offsets inside it (direct: quote first; else speaker first).

    ``written`` is the speaker as written, already capitalised where it starts the sentence.
    """
    sentences = []
    for kind, text, speaker, verb in zip(quote_type, content, written, cue):
        if kind == "direct":
            sentences.append(f"{OPEN}{text},{CLOSE} {speaker} {verb}.")
        elif kind == "indirect":
            sentences.append(f"{speaker} {verb} that {text}.")
        else:
            sentences.append(f"{speaker} said {text}")
    content_length = np.fromiter(map(len, content), dtype=np.int64, count=len(content))
    speaker_length = np.fromiter(map(len, written), dtype=np.int64, count=len(written))
    cue_length = np.fromiter(map(len, cue), dtype=np.int64, count=len(cue))
    direct, indirect = quote_type == "direct", quote_type == "indirect"
    quote_start = np.where(direct, 0, speaker_length + cue_length + 2)
    quote_end = np.where(direct, content_length + 3, np.where(indirect, quote_start + 5 + content_length,
                                                              quote_start + content_length))
    speaker_start = np.where(direct, quote_end + 1, 0)
    speaker_end = speaker_start + speaker_length
    cue_start = speaker_end + 1
    return sentences, {"quote_start": quote_start, "quote_end": quote_end, "speaker_start": speaker_start,
                       "speaker_end": speaker_end, "cue_start": cue_start, "cue_end": cue_start + cue_length}


def _quotes_per_article(rng: np.random.Generator, n_quotes: int) -> np.ndarray:
    low, high = QUOTES_PER_ARTICLE
    counts = rng.integers(low, high + 1, size=n_quotes // low + 1)
    totals = np.cumsum(counts)
    last = int(np.searchsorted(totals, n_quotes))
    counts = counts[:last + 1].copy()
    counts[-1] -= totals[last] - n_quotes
    return counts


def synthetic_tables(n_quotes: int, seed: int = 0) -> dict[str, pd.DataFrame]:
    """All six tables with ``n_quotes`` quotes, deterministic in ``seed``."""
    if n_quotes < 1:
        raise ValueError("the number of quotes must be at least 1")
    with _collector_paused():
        return _draw_tables(n_quotes, seed)


def _draw_tables(n_quotes: int, seed: int) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    pools = random.Random(f"pools:{seed}")
    actors = synthetic_actors(actor_count(n_quotes), seed)
    per_article = _quotes_per_article(rng, n_quotes)
    ranks = rng.permutation(len(actors)) + 1
    popularity = 1.0 / ranks ** ZIPF_EXPONENT
    speaker = rng.choice(len(actors), n_quotes, p=popularity / popularity.sum())
    drawn = _draw_quotes(rng, pools, actors, speaker)
    sentences, offsets = _quote_sentences(drawn["quote_type"], drawn["content"], drawn["speaker_text"], drawn["cue"])

    n_articles = len(per_article)
    article_of_quote = np.repeat(np.arange(n_articles), per_article)
    first_quote = np.concatenate([[0], np.cumsum(per_article)[:-1]])
    titles = _headlines(pools, n_articles, rng)
    texts = [title + "\n\n" + "\n\n".join(sentences[start:start + count])
             for title, start, count in zip(titles, first_quote, per_article)]
    # Paragraph k of an article starts after the headline and k earlier paragraphs, each followed by "\n\n".
    title_length = np.fromiter(map(len, titles), dtype=np.int64, count=n_articles)
    sentence_length = np.fromiter(map(len, sentences), dtype=np.int64, count=n_quotes)
    global_start = np.cumsum(sentence_length + 2) - (sentence_length + 2)
    paragraph_start = (title_length[article_of_quote] + 2 + global_start
                       - global_start[first_quote][article_of_quote])
    n_words = np.fromiter(map(count_words, titles), dtype=np.int64, count=n_articles) \
        + np.add.reduceat(drawn.pop("words"), first_quote)

    article_ids = np.array([f"art_syn{index:012d}" for index in range(n_articles)], dtype=object)
    quote_ids = np.array([f"q_syn{index:012d}" for index in range(n_quotes)], dtype=object)
    absolute = {name: paragraph_start + values for name, values in offsets.items()}
    quotes = pd.DataFrame({
        "quote_id": quote_ids, "article_id": article_ids[article_of_quote], "quote_text": drawn["quote_text"],
        "quote_start": absolute["quote_start"], "quote_end": absolute["quote_end"],
        "quote_spans": _single_spans(absolute["quote_start"], absolute["quote_end"]),
        "quote_type": drawn["quote_type"], "cue": drawn["cue"], "cue_start": absolute["cue_start"],
        "cue_end": absolute["cue_end"], "speaker_text": drawn["speaker_text"],
        "speaker_start": absolute["speaker_start"], "speaker_end": absolute["speaker_end"],
        "actor_id": actors["actor_id"].to_numpy(dtype=object)[speaker], "shared_copy": False,
        "statement_id": None, "headline": False,
        "co_speaker_ids": None,  # one speaker per synthetic quote
    })
    mentions = pd.DataFrame({"article_id": quotes["article_id"], "actor_id": quotes["actor_id"],
                             "start": quotes["speaker_start"], "end": quotes["speaker_end"],
                             "text": quotes["speaker_text"]})
    counts = np.bincount(speaker, minlength=len(actors))
    ingest_log = pd.DataFrame({"source": [f"synthetic/{article_id}.txt" for article_id in article_ids],
                               "record": "file", "status": "built", "message": "built (synthetic)",
                               "article_id": article_ids})
    return {schema.ARTICLES: _article_frame(rng, article_ids, titles, texts, n_words), schema.QUOTES: quotes,
            schema.ACTORS: actors.assign(n_quotes=counts, n_mentions=counts)[schema.columns(schema.ACTORS)],
            schema.MENTIONS: mentions, schema.STANCES: _stance_frame(rng, quote_ids, actors, speaker),
            schema.INGEST_LOG: ingest_log, schema.SHARED_COPY: schema.empty_frame(schema.SHARED_COPY),
            schema.STATEMENTS: schema.empty_frame(schema.STATEMENTS)}


def _draw_quotes(rng: np.random.Generator, pools: random.Random, actors: pd.DataFrame,
                 speaker: np.ndarray) -> dict[str, np.ndarray]:
    """Per quote: type, cue, content, the speaker as written, the quoted span's text and its word count."""
    n_quotes = len(speaker)
    quote_type = _choose(rng, TYPE_SHARES, n_quotes)
    is_direct, is_indirect = quote_type == "direct", quote_type == "indirect"
    cue = np.where(is_direct, _choose(rng, DIRECT_CUE_SHARES, n_quotes), "said").astype(object)
    direct_pool = np.array(_pool(pools, statements.DIRECT, POOL_SIZE), dtype=object)
    reported_pool = np.array(_pool(pools, statements.REPORTED, POOL_SIZE), dtype=object)
    mixed_pool = np.array([f"{topic} was {OPEN}{evaluation}.{CLOSE}" for topic in vocab.TOPICS
                           for evaluation in statements.EVALUATIONS], dtype=object)
    pick = rng.integers(0, POOL_SIZE, n_quotes)
    mixed_pick = pick % len(mixed_pool)
    content = np.where(is_direct, direct_pool[pick], np.where(is_indirect, reported_pool[pick], mixed_pool[mixed_pick]))
    # The quoted span as written, looked up per pool entry instead of sliced out of each text.
    quote_text = np.where(is_direct, np.array([f"{OPEN}{text},{CLOSE}" for text in direct_pool], dtype=object)[pick],
                          np.where(is_indirect, np.array([f"that {text}" for text in reported_pool],
                                                         dtype=object)[pick], mixed_pool[mixed_pick]))
    written = actors["written"].to_numpy(dtype=object)
    speaker_text = np.where(is_direct, written[speaker],
                            np.array([capitalised(text) for text in written], dtype=object)[speaker])
    words = (_word_counts(content, pick, quote_type) + _word_counts(speaker_text, speaker, None) + 1 + is_indirect)
    return {"quote_type": quote_type, "cue": cue, "content": content, "quote_text": quote_text,
            "speaker_text": speaker_text, "words": words}


def _headlines(pools: random.Random, count: int, rng: np.random.Generator) -> list[str]:
    filled = []
    for _ in range(POOL_SIZE):
        country = pools.choice(vocab.COUNTRIES[:2])
        topic = pools.choice(vocab.TOPICS)
        filled.append(pools.choice(statements.HEADLINES).format(
            demonym=vocab.DEMONYMS[country], topic_title=topic.removeprefix("the ").title(),
            city=pools.choice(vocab.CITIES[country]),
            region_title=pools.choice(vocab.REGIONS).removeprefix("the ").title()))
    return list(np.array(filled, dtype=object)[rng.integers(0, POOL_SIZE, count)])


def _single_spans(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """``[[start, end]]`` per row, built by Arrow (a million small Python lists would take seconds), as the
    same nested arrays that reading the Parquet file gives."""
    bounds = pa.array(np.column_stack([starts, ends]).ravel())
    pairs = pa.ListArray.from_arrays(pa.array(np.arange(0, len(bounds) + 1, 2, dtype=np.int32)), bounds)
    spans = pa.ListArray.from_arrays(pa.array(np.arange(len(starts) + 1, dtype=np.int32)), pairs)
    return spans.to_numpy(zero_copy_only=False)


@contextmanager
def _collector_paused():
    """Millions of short-lived strings and no reference cycles: the cyclic collector only costs time here."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _word_counts(values: np.ndarray, keys: np.ndarray, kinds: np.ndarray | None) -> np.ndarray:
    """Words per value, counted once per distinct (kind, key) instead of once per row."""
    combined = keys if kinds is None else keys * len(TYPE_SHARES) + pd.factorize(kinds)[0]
    distinct, first_row, inverse = np.unique(combined, return_index=True, return_inverse=True)
    counted = np.fromiter((count_words(values[row]) for row in first_row), dtype=np.int64, count=len(distinct))
    return counted[inverse]


def _article_frame(rng: np.random.Generator, article_ids: np.ndarray, titles: list[str],
                   texts: list[str], n_words: np.ndarray) -> pd.DataFrame:
    count = len(article_ids)
    sizes = 1.0 / np.arange(1, len(vocab.OUTLETS) + 1)
    outlet_index = rng.choice(len(vocab.OUTLETS), count, p=sizes / sizes.sum())
    outlets = np.array([name for name, _ in vocab.OUTLETS], dtype=object)[outlet_index]
    domains = np.array([domain for _, domain in vocab.OUTLETS], dtype=object)[outlet_index]
    published = FIRST_DAY + rng.integers(0, DAYS_SPANNED, count).astype("timedelta64[D]")
    paths = np.char.replace(published.astype(str), "-", "/")
    urls = [f"https://www.{domain}/{path}/{article_id}" for domain, path, article_id in zip(domains, paths, article_ids)]
    return pd.DataFrame({
        "article_id": article_ids, "title": titles, "outlet": outlets, "url": urls,
        "published": published.astype("datetime64[D]").astype(object), "author": None, "agency": None,
        "outlet_country": None, "outlet_type": None, "outlet_group": None,
        "source": [f"synthetic/{article_id}.txt" for article_id in article_ids], "text": texts,
        "n_words": n_words,
    })


def _stance_frame(rng: np.random.Generator, quote_ids: np.ndarray, actors: pd.DataFrame,
                  speaker: np.ndarray) -> pd.DataFrame:
    """Topics and other actors as targets; labels with confidences that are lower for 'unclear'."""
    n_targets = _choose(rng, TARGETS_PER_QUOTE, len(quote_ids)).astype(np.int64)
    quote_of_row = np.repeat(np.arange(len(quote_ids)), n_targets)
    size = len(quote_of_row)
    is_topic = rng.random(size) < 0.6
    topics = np.array(vocab.TOPICS, dtype=object)[rng.integers(0, len(vocab.TOPICS), size)]
    popular_actors = np.argsort(np.bincount(speaker, minlength=len(actors)))[::-1][:200]
    actor_targets = actors["name"].to_numpy(dtype=object)[popular_actors[rng.integers(0, len(popular_actors), size)]]
    labels = _choose(rng, LABEL_SHARES, size)
    confidence = np.where(labels == "unclear", 0.25 + 0.2 * rng.random(size), 0.45 + 0.55 * rng.beta(2, 2, size))
    evidence_words = np.array(EVIDENCE_WORDS, dtype=object)
    evidence = np.where(labels == "unclear", "", evidence_words[rng.integers(0, len(evidence_words), size)])
    frame = pd.DataFrame({
        "quote_id": quote_ids[quote_of_row], "target": np.where(is_topic, topics, actor_targets),
        "target_kind": np.where(is_topic, "topic", "actor"), "label": labels, "confidence": confidence,
        "evidence": evidence, "backend": "synthetic",
    })
    return frame.drop_duplicates(["quote_id", "target"], ignore_index=True)


def write_synthetic_dataset(n_quotes: int, data_dir: str | Path, seed: int = 0) -> dict[str, int]:
    """Write the tables with ``store.write_dataset``; returns the row count of each table."""
    tables = synthetic_tables(n_quotes, seed)
    store.write_dataset(Path(data_dir), tables, info={"synthetic": {"quotes": n_quotes, "seed": seed}})
    return {name: len(frame) for name, frame in tables.items()}
