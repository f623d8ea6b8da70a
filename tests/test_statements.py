"""One statement across outlets: the same point by the same speaker grouped, different points kept apart."""
import json

import numpy as np
import pandas as pd

from data_prep import schema, store
from data_prep.pipeline import build_dataset
from data_prep.statements import link_quotes, normalise, speaker_keys, statements_table

COLUMNS = ["quote_id", "article_id", "quote_text", "quote_type", "quote_start", "actor_id", "speaker_name",
           "speaker_kind", "outlet", "published"]


def _quotes(*rows):
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"]).dt.date
    return frame


def _meaning(groups):
    """A stand-in sentence encoder: texts in one group get the same direction, other groups orthogonal ones."""
    def encode(texts):
        vectors = np.zeros((len(texts), len(groups) + 1))
        for row, text in enumerate(texts):
            found = next((n for n, words in enumerate(groups) if any(w in text for w in words)), len(groups))
            vectors[row, found] = 1.0
        return vectors
    return encode


def test_a_full_and_a_partial_quote_in_two_outlets_are_one_statement():
    quotes = _quotes(
        ("q1", "a1", "“There will be no compromise on the border this year,” he said", "direct", 10, "act_1",
         "Ana Ruiz", "person", "Coast Courier", "2025-03-05"),
        ("q2", "a2", "no compromise on the border this year", "direct", 50, "act_1", "Ana Ruiz", "person",
         "Valley Herald", "2025-03-04"),
        ("q3", "a3", "“The ferries will be free in May,” she said", "direct", 5, "act_1", "Ana Ruiz", "person",
         "Hill Times", "2025-03-04"))
    ids = link_quotes(quotes)
    assert ids[0] is not None and ids[0] == ids[1]
    assert ids[2] is None
    table = statements_table(quotes, ids)
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["speaker"], row["first_outlet"], str(row["first_seen"])) == ("Ana Ruiz", "Valley Herald", "2025-03-04")
    assert (row["n_quotes"], row["n_outlets"]) == (2, 2)
    assert row["text"].startswith("“There will be no compromise")


def test_a_paraphrase_joins_by_meaning_and_a_surname_finds_the_speaker():
    quotes = _quotes(
        ("q1", "a1", "that the port would not be sold to any foreign company", "indirect", 0, "act_1",
         "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
        ("q2", "a2", "the harbour would not be sold to foreign buyers", "indirect", 0, "act_9",
         "Mayor Ruiz", "person", "Valley Herald", "2025-03-05"))
    assert link_quotes(quotes) == [None, None]  # the words alone are too far apart
    ids = link_quotes(quotes, _meaning([["sold"]]))
    assert ids[0] is not None and ids[0] == ids[1]


def test_different_points_of_one_speaker_on_one_day_stay_apart():
    sold, free = "that the port would not be sold to any foreign company", "that the ferries would be free in May"
    both = "that the port would not be sold and the ferries would be free in May"
    quotes = _quotes(
        ("q1", "a1", sold, "indirect", 0, "act_1", "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
        ("q2", "a1", free, "indirect", 90, "act_1", "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
        ("q3", "a2", both, "indirect", 0, "act_1", "Ana Ruiz", "person", "Valley Herald", "2025-03-04"))
    # The third quote is close to both points; the article that quotes the two apart keeps them apart.
    directions = {normalise(sold): [1.0, 0.0, 1.05], normalise(free): [0.0, 1.0, 1.05], normalise(both): [0, 0, 1.0]}

    def encode(texts):
        vectors = np.array([directions[text] for text in texts])
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    ids = link_quotes(quotes, encode)
    assert ids[2] is not None
    assert ids[0] != ids[1]


def test_weeks_apart_or_unnamed_speakers_are_not_grouped():
    text = "“There will be no compromise on the border this year,” he said"
    far = _quotes(("q1", "a1", text, "direct", 0, "act_1", "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
                  ("q2", "a2", text, "direct", 0, "act_1", "Ana Ruiz", "person", "Valley Herald", "2025-04-04"))
    assert link_quotes(far) == [None, None]
    unnamed = _quotes(("q1", "a1", text, "direct", 0, "act_a", "officials", "anonymous", "Coast Courier", "2025-03-04"),
                      ("q2", "a2", text, "direct", 0, "act_a", "officials", "anonymous", "Valley Herald", "2025-03-04"))
    assert link_quotes(unnamed) == [None, None]
    assert speaker_keys("officials", "anonymous", "act_a") == set()
    assert "name:ruiz" in speaker_keys("Mayor Ana Ruiz", "person", "act_1")


def test_a_build_writes_statements_and_quote_statement_ids(tmp_path):
    records = [{"title": "Border", "url": "https://coastcourier.example/a", "date": "2025-03-04",
                "text": "Border talks\n\n“There will be no compromise on the border this year,” Mayor Ana Ruiz said."},
               {"title": "Talks", "url": "https://valleyherald.example/b", "date": "2025-03-05",
                "text": "Talks stall\n\n“There will be no compromise on the border this year,” Mayor Ana Ruiz said "
                        "on Tuesday."}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    build_dataset([source], tmp_path / "data", stance_backend="none")
    statements = store.read_table(tmp_path / "data", schema.STATEMENTS)
    quotes = store.read_table(tmp_path / "data", schema.QUOTES)
    assert len(statements) == 1 and statements.iloc[0]["n_outlets"] == 2
    assert quotes["statement_id"].nunique() == 1 and quotes["statement_id"].notna().all()


def test_a_speaker_quoted_hundreds_of_times_still_has_the_repeated_statement_found():
    import random
    pick = random.Random(7)
    vocabulary = ("ferries schools harbour bridges clinics libraries markets railways taxes farmers nurses "
                  "pensions tunnels airports rivers forests miners drivers bakers courts museums parks").split()
    texts = [" ".join(pick.sample(vocabulary, 7)) for _ in range(400)]
    rows = [(f"q{n}", f"a{n}", text, "indirect", 0, "act_1", "Ana Ruiz", "person", f"Outlet {n}", "2025-03-04")
            for n, text in enumerate(texts)]
    rows.append(("q_repeat", "a_repeat", texts[17], "indirect", 0, "act_1", "Ana Ruiz", "person", "Outlet repeat",
                 "2025-03-05"))
    ids = link_quotes(_quotes(*rows))
    assert ids[17] is not None and ids[17] == ids[-1]
    assert sum(statement is not None for statement in ids) == 2


LONG = ("“The ferries will be free for every resident from the first of May. The old port will not be sold to "
        "any foreign company, whatever they offer. We expect the summer to bring more visitors than ever,” she said")


def test_a_short_quote_on_a_long_quotes_topic_but_none_of_its_points_is_not_linked():
    topic = "“This summer the ferries, the port and the visitors will all do better than ever,” she said"
    quotes = _quotes(
        ("q1", "a1", LONG, "direct", 0, "act_1", "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
        ("q2", "a2", topic, "direct", 0, "act_1", "Ana Ruiz", "person", "Valley Herald", "2025-03-04"))

    def encode(texts):  # the two whole quotes point the same way; each sentence of the long one elsewhere
        whole = {normalise(LONG), normalise(topic)}
        vectors = np.array([[1.0, 0.0] if text in whole else [0.2, 1.0] for text in texts])
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    assert link_quotes(quotes, encode) == [None, None]


def test_two_quotes_that_each_repeat_a_different_point_of_one_long_quote_stay_apart():
    quotes = _quotes(
        ("q1", "a1", LONG, "direct", 0, "act_1", "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
        ("q2", "a2", "“The ferries will be free for every resident from the first of May,” she said", "direct", 0,
         "act_1", "Ana Ruiz", "person", "Valley Herald", "2025-03-04"),
        ("q3", "a3", "“The old port will not be sold to any foreign company, whatever they offer,” Ruiz said",
         "direct", 0, "act_1", "Ana Ruiz", "person", "Hill Times", "2025-03-05"))
    ids = link_quotes(quotes, _meaning([["ferries"], ["port"]]))
    assert ids[0] is not None and ids[0] in (ids[1], ids[2])
    assert ids[1] != ids[2]
    without_encoder = link_quotes(quotes)
    assert without_encoder[1] != without_encoder[2]


def test_only_pairs_sharing_content_words_go_to_the_encoder():
    seen = []

    def encode(texts):
        seen.extend(texts)
        return _meaning([["ferries"]])(texts)

    quotes = _quotes(
        ("q1", "a1", "“It is not up to us to do it now,”", "direct", 0, "act_1", "Ana Ruiz",
         "person", "Coast Courier", "2025-03-04"),
        ("q2", "a2", "“It is up to you to do so and be on time,”", "direct", 0, "act_1", "Ana Ruiz",
         "person", "Valley Herald", "2025-03-04"))
    assert link_quotes(quotes, encode) == [None, None]
    assert seen == []  # the words half match, but only function words: nothing worth encoding


def _recording(encode):
    """The encoder, keeping every text it is given."""
    def recorded(texts):
        recorded.texts.extend(texts)
        return encode(texts)
    recorded.texts = []
    return recorded


def test_quotes_sharing_only_common_words_are_not_encoded_and_a_paraphrase_still_links():
    quotes = _quotes(
        ("q1", "a1", "that the port would not be sold to any foreign company", "indirect", 0, "act_1",
         "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
        ("q2", "a2", "the harbour would not be sold to foreign buyers", "indirect", 0, "act_1",
         "Ana Ruiz", "person", "Valley Herald", "2025-03-05"),
        ("q3", "a3", "that they would have more teachers with them", "indirect", 0, "act_1",
         "Ana Ruiz", "person", "Hill Times", "2025-03-05"))
    encode = _recording(_meaning([["sold"]]))
    ids = link_quotes(quotes, encode)
    assert ids[0] is not None and ids[0] == ids[1] and ids[2] is None
    # The teachers quote shares "that", "would", "with" with the others, which says nothing of its point.
    assert not any("teachers" in text for text in encode.texts)


def test_a_long_quote_is_encoded_point_by_point_only_when_the_whole_is_close():
    long = ("the port will not be sold. the ferries will be free in may. the new bridge opens in june "
            "after years of work on the river")
    quotes = _quotes(
        ("q1", "a1", long, "direct", 0, "act_1", "Ana Ruiz", "person", "Coast Courier", "2025-03-04"),
        ("q2", "a2", "the port will be sold off soon", "direct", 0, "act_1", "Ana Ruiz", "person",
         "Valley Herald", "2025-03-05"))
    far = _recording(lambda texts: np.eye(len(texts), 4)[:len(texts)])  # every text its own direction
    assert link_quotes(quotes, far) == [None, None]
    assert len(far.texts) == 2  # the two wholes, never the long quote's sentences


def test_a_speaker_quoted_every_day_links_a_statement_repeated_days_apart_but_not_a_month_apart():
    import itertools
    names = ("".join(letters) for letters in itertools.product("bcdfgklmnprstvz", repeat=4))
    rows = []
    start = pd.Timestamp("2025-01-01")
    for day in range(300):  # a block far larger than the every-pair limit: one quote a day, each its own words
        text = " ".join(next(names) for _ in range(8))
        rows.append((f"q{day}", f"a{day}", text, "direct", 0, "act_1", "Ana Ruiz", "person", "Coast Courier",
                     str((start + pd.Timedelta(days=day)).date())))
    repeated = "the ferries across the river will stay free for every family this winter"
    for quote_id, day in (("r1", 5), ("r2", 9), ("r3", 60)):  # 9 lies in the next week of days counted
        rows.append((quote_id, f"b{day}", repeated, "direct", 0, "act_1", "Ana Ruiz", "person", "Hill Times",
                     str((start + pd.Timedelta(days=day)).date())))
    ids = link_quotes(_quotes(*rows))
    first, second, late = ids[-3:]
    assert first is not None and first == second
    assert late is None  # the same words seven weeks later are not the same statement
    assert not any(ids[:300])


def test_an_unchanged_rebuild_encodes_no_quote_again(tmp_path, monkeypatch):
    from data_prep import build_cache, corpus_links

    encoded = []

    def encode(texts):  # a stand-in encoder that counts what it is asked for: every text one meaning
        encoded.extend(texts)
        return np.ones((len(texts), 1))

    monkeypatch.setattr(corpus_links, "sentence_encoder", lambda: encode)
    records = [{"title": "Border", "url": "https://coastcourier.example/a", "date": "2025-03-04",
                "text": "Border talks\n\n“There will be no compromise on the border crossing,” Mayor Ana Ruiz said."},
               {"title": "Talks", "url": "https://valleyherald.example/b", "date": "2025-03-05",
                "text": "Talks stall\n\nMayor Ana Ruiz said there would be no compromise at the border this year."}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    build_dataset([source], tmp_path / "data", stance_backend="none")
    first = store.read_table(tmp_path / "data", schema.STATEMENTS)
    assert encoded and (tmp_path / "data" / build_cache.VECTOR_CACHE_FILE).is_file()
    encoded.clear()
    build_dataset([source], tmp_path / "data", stance_backend="none")
    assert encoded == []  # every vector came from the previous dataset
    assert store.read_table(tmp_path / "data", schema.STATEMENTS).equals(first)
    build_dataset([source], tmp_path / "data", stance_backend="none", full=True)
    assert encoded  # --full encodes again


def test_a_rebuild_with_every_vector_known_does_not_load_the_encoder(tmp_path, monkeypatch):
    from data_prep.stance import encoder as encoder_module

    loads = []

    class CountedEncoder(encoder_module.MiniLMEncoder):  # the real encoder, counting how often it is loaded
        def __init__(self, *args, **kwargs):
            loads.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(encoder_module, "MiniLMEncoder", CountedEncoder)
    records = [{"title": "Border", "url": "https://coastcourier.example/a", "date": "2025-03-04",
                "text": "Border talks\n\n“There will be no compromise on the border crossing,” Mayor Ana Ruiz said."},
               {"title": "Talks", "url": "https://valleyherald.example/b", "date": "2025-03-05",
                "text": "Talks stall\n\nMayor Ana Ruiz said there would be no compromise at the border this year."}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    build_dataset([source], tmp_path / "data", stance_backend="none")
    assert len(loads) == 1  # the two quotes were compared by meaning
    build_dataset([source], tmp_path / "data", stance_backend="none")
    assert len(loads) == 1  # nothing new to encode: the model was not loaded again
    build_dataset([source], tmp_path / "data", stance_backend="none", full=True)
    assert len(loads) == 2  # --full encodes again
