"""Synthetic articles in the seed's text style, with gold attributions in the PolNeAR format.

Article ``i`` of seed ``s`` depends only on ``(s, i)`` and the people of seed ``s``, so a bigger run
starts with the articles of a smaller one. The gold ``text`` is the article text exactly as
``newsvoices prep`` ingests the written file (headline, blank line, paragraphs), so gold offsets
index into ``articles.text``.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from data_prep.ingest.article import article_id_for
from data_prep.synth import constructions as build
from data_prep.synth import statements
from data_prep.synth import vocabulary as vocab
from data_prep.synth.cast import Mention, Person, make_people, mention_of, zipf_weights

GOLD_FILE = "gold.jsonl"
# Articles go in a subfolder: `newsvoices prep OUT_DIR` would otherwise also read gold.jsonl as records.
ARTICLES_FOLDER = "articles"
PEOPLE_PER_SEED = 400
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
PARAGRAPHS = (5, 11)
NARRATION_SHARE, ANONYMOUS_SHARE, ORGANISATION_SHARE = 0.2, 0.1, 0.1
SAME_SPEAKER_SHARE = 0.4


@dataclass
class SynthArticle:
    name: str
    title: str
    published: dt.date
    outlet: str
    url: str
    text: str
    quotes: list[build.GoldQuote] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.text[len(self.title) + 2:]

    def file_text(self) -> str:
        """The article as a saved text file: headline, date line, paragraphs, URL footer."""
        return (f"# {self.title}\n\n{self.published:%B %d, %Y}\n\n{self.body}\n\n"
                f"Original url: {self.url}\n")

    def gold_record(self) -> dict:
        return {"id": f"synth/{self.name}", "text": self.text,
                "quotes": [quote.as_record(self.text) for quote in self.quotes],
                "meta": {"source": "newsvoices synth", "publisher": self.outlet,
                         "publication_date": self.published.isoformat(), "title": self.title, "url": self.url}}


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def _slots(rng: random.Random, country: str, topic: str) -> dict:
    enemy = rng.choice([other for other in vocab.COUNTRIES[:2] if other != country] or [vocab.COUNTRIES[0]])
    cities = vocab.CITIES[country]
    return {"country": country, "enemy": enemy, "demonym": vocab.DEMONYMS[country], "topic": topic,
            "city": rng.choice(cities), "city2": rng.choice(cities), "region": rng.choice(vocab.REGIONS)}


def _person_source(rng: random.Random, person: Person, named: set[str], previous: Person | None,
                   topic: str) -> build.Source:
    mention = mention_of(person, person.name in named, person is previous, rng)
    named.add(person.name)
    slots = _slots(rng, person.country, topic)
    slots.update(city=person.city, region=person.region)
    return build.Source(mention, "person", slots)


def _group_source(rng: random.Random, country: str, topic: str, anonymous: bool) -> build.Source:
    slots = _slots(rng, country, topic)
    if anonymous:
        phrase = rng.choice(vocab.ANONYMOUS_SOURCES)
        return build.Source(Mention(phrase[:1].lower() + phrase[1:]), "anonymous", slots)
    return build.Source(Mention(rng.choice(vocab.ORGANISATIONS).format(**slots)), "organization", slots)


def _weighted(rng: random.Random, options):
    functions, weights = zip(*options)
    return rng.choices(functions, weights)[0]


def compose_article(rng: random.Random, index: int, people: list[Person], weights: list[float]) -> SynthArticle:
    outlet, domain = rng.choice(vocab.OUTLETS)
    published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    topic = rng.choice(vocab.TOPICS)
    cast = list(dict.fromkeys(rng.choices(people, weights, k=rng.randint(2, 4))))
    home = cast[0].country
    headline_slots = {**_slots(rng, home, topic), "topic_title": topic.removeprefix("the ").title(),
                      "region_title": rng.choice(vocab.REGIONS).removeprefix("the ").title()}
    title = build.capitalised(rng.choice(statements.HEADLINES).format(**headline_slots))

    builder = build.TextBuilder()
    builder.put(f"{title}\n\n")
    quotes: list[build.GoldQuote] = []
    named: set[str] = set()
    narrated: set[str] = set()
    previous: Person | None = None
    for number in range(rng.randint(*PARAGRAPHS)):
        if number:
            builder.put("\n\n")
        roll = rng.random()
        if roll < NARRATION_SHARE:
            build.narration(builder, rng, _slots(rng, home, topic), narrated)
            previous = None
        elif roll < NARRATION_SHARE + ANONYMOUS_SHARE + ORGANISATION_SHARE:
            source = _group_source(rng, home, topic, anonymous=roll < NARRATION_SHARE + ANONYMOUS_SHARE)
            quotes += _weighted(rng, build.GROUP_CONSTRUCTIONS)(builder, rng, source)
            previous = None
        else:
            person = previous if previous and rng.random() < SAME_SPEAKER_SHARE else rng.choice(cast)
            source = _person_source(rng, person, named, previous, topic)
            quotes += _weighted(rng, build.PERSON_CONSTRUCTIONS)(builder, rng, source)
            previous = person
    name = f"{index:06d}-{_slug(title)}"
    url = f"https://www.{domain}/{published:%Y/%m/%d}/{_slug(title)}-{index}"
    return SynthArticle(name=name, title=title, published=published, outlet=outlet, url=url,
                        text=builder.text(), quotes=quotes)


def generate_articles(count: int, seed: int = 0) -> Iterator[SynthArticle]:
    """``count`` articles with distinct texts (a rare repeat is drawn again), deterministic in ``seed``."""
    people = make_people(random.Random(f"people:{seed}"), PEOPLE_PER_SEED)
    weights = zipf_weights(len(people))
    seen: set[str] = set()
    for index in range(count):
        attempt = 0
        while True:
            article = compose_article(random.Random(f"article:{seed}:{index}:{attempt}"), index, people, weights)
            article_id = article_id_for(article.text)
            if article_id not in seen:
                break
            attempt += 1
        seen.add(article_id)
        yield article


def write_articles(count: int, out_dir: str | Path, seed: int = 0) -> Path:
    """Write ``count`` files into ``out_dir/articles/`` and ``out_dir/gold.jsonl``; return the gold path."""
    out_dir = Path(out_dir)
    articles_dir = out_dir / ARTICLES_FOLDER
    articles_dir.mkdir(parents=True, exist_ok=True)
    gold_path = out_dir / GOLD_FILE
    with gold_path.open("w", encoding="utf-8") as gold:
        for article in generate_articles(count, seed):
            (articles_dir / f"{article.name}.txt").write_text(article.file_text(), encoding="utf-8")
            gold.write(json.dumps(article.gold_record(), ensure_ascii=False) + "\n")
    return gold_path
