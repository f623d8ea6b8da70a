"""Shared copy: reporting two outlets carry word for word is found; a shared quotation alone is not."""
import pandas as pd

from data_prep.shared_copy import find_shared_copy, quotes_in_shared_copy, shared_spans, wire_outlets

WIRE_PASSAGE = ("The harbour authority closed the northern pier on Tuesday after engineers found cracks in two "
                "of its concrete supports, and ferries to the island will leave from the old fish market "
                "until repairs are finished later this spring.")
QUOTE = "“We will not reopen the pier until every support has been checked twice,” the harbour master said."


def _articles(*rows):
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "published", "agency", "text", "outlet_type"])
    frame["published"] = pd.to_datetime(frame["published"]).dt.date
    return frame


def test_a_passage_two_outlets_share_is_found_from_both_sides():
    articles = _articles(
        ("a1", "Coast Courier", "2025-03-04", "AFP", f"Pier shut\n\nLISBON (AFP) - {WIRE_PASSAGE}\n\nLocals were upset.",
         "private"),
        ("a2", "Valley Herald", "2025-03-05", None, f"Pier closed\n\n{WIRE_PASSAGE} The mayor was not available.",
         "private"),
        ("a3", "Hill Times", "2025-03-05", None, "Pier news\n\nThe pier is shut, and the ferries leave from elsewhere "
         "this spring, said a spokesman for the harbour.", "private"))
    shared = find_shared_copy(articles)
    assert sorted(zip(shared["article_id"], shared["other_article_id"])) == [("a1", "a2"), ("a2", "a1")]
    row = shared.set_index("article_id").loc["a2"]
    text = articles.set_index("article_id").loc["a2", "text"]
    (start, end), = row["spans"]
    assert text[start:end] == WIRE_PASSAGE.rstrip(".")
    assert row["shared_chars"] == end - start
    assert row["agency"] == "AFP"


def test_the_same_outlet_twice_or_weeks_apart_is_not_shared_copy():
    same_outlet = _articles(("a1", "Coast Courier", "2025-03-04", None, WIRE_PASSAGE, "private"),
                            ("a2", "Coast Courier", "2025-03-04", None, "Update\n\n" + WIRE_PASSAGE, "private"))
    assert find_shared_copy(same_outlet).empty
    far_apart = _articles(("a1", "Coast Courier", "2025-03-04", None, WIRE_PASSAGE, "private"),
                          ("a2", "Valley Herald", "2025-06-04", None, "Update\n\n" + WIRE_PASSAGE, "private"))
    assert find_shared_copy(far_apart).empty
    undated = _articles(("a1", "Coast Courier", "2025-03-04", None, WIRE_PASSAGE, "private"),
                        ("a2", "Valley Herald", None, None, "Update\n\n" + WIRE_PASSAGE, "private"))
    assert len(find_shared_copy(undated)) == 2


def test_the_same_quotation_in_two_outlets_is_not_shared_copy():
    long_quote = ("“We will not reopen the northern pier until every single support has been checked twice by "
                  "two different engineers, and I will not apologise for that,” the harbour master said.")
    articles = _articles(("a1", "Coast Courier", "2025-03-04", None, "The pier stays shut. " + long_quote, "private"),
                         ("a2", "Valley Herald", "2025-03-04", None, "Ferries are late. " + long_quote, "private"))
    assert find_shared_copy(articles).empty


def test_quotes_inside_shared_copy_are_flagged_except_in_the_agencys_own_story():
    wire_text = f"LISBON (Reuters) - {WIRE_PASSAGE} {QUOTE}"
    copy_text = f"Pier closed\n\n{WIRE_PASSAGE} {QUOTE}\n\nOur reporter asked the mayor, who said “no comment”."
    articles = _articles(("w", "Reuters", "2025-03-04", None, wire_text, "wire"),
                         ("c", "Valley Herald", "2025-03-04", "Reuters", copy_text, "private"))
    quote_start = copy_text.index("We will")
    own_start = copy_text.index("no comment")
    quotes = pd.DataFrame({"article_id": ["c", "c", "w"],
                           "quote_start": [quote_start, own_start, wire_text.index("We will")],
                           "quote_end": [quote_start + 60, own_start + 10, wire_text.index("We will") + 60]})
    wires = wire_outlets(dict(zip(articles["outlet"], articles["outlet_type"])))
    shared = find_shared_copy(articles, wires)
    flags = quotes_in_shared_copy(quotes, shared_spans(shared, {"w": "Reuters"}))
    assert set(shared["agency"]) == {"Reuters"}
    assert flags.tolist() == [True, False, False]


def test_no_articles_or_no_quotes_give_empty_results():
    empty = _articles()
    assert find_shared_copy(empty).empty
    assert quotes_in_shared_copy(pd.DataFrame(columns=["article_id", "quote_start", "quote_end"]),
                                 shared_spans(find_shared_copy(empty), {})).tolist() == []


def test_a_build_writes_the_shared_copy_table_and_flags_its_quotes(tmp_path):
    import json

    from data_prep import schema, store
    from data_prep.pipeline import build_dataset

    quote = "“The pier stays shut until every support is checked,” harbour master Ana Ruiz said."
    records = [{"title": "Pier shut", "url": "https://coastcourier.example/a", "date": "2025-03-04",
                "text": f"{WIRE_PASSAGE}\n\n{quote}"},
               {"title": "Pier closed", "url": "https://valleyherald.example/b", "date": "2025-03-05",
                "text": f"{WIRE_PASSAGE}\n\n{quote}\n\nThe mayor said that the ferries would be free this week."}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    build_dataset([source], tmp_path / "data", stance_backend="none")
    shared = store.read_table(tmp_path / "data", schema.SHARED_COPY)
    assert len(shared) == 2
    quotes = store.read_table(tmp_path / "data", schema.QUOTES)
    pier = quotes[quotes["quote_text"].str.contains("pier stays shut")]
    own = quotes[quotes["quote_text"].str.contains("ferries would be free")]
    assert len(pier) == 2 and pier["shared_copy"].all()
    assert len(own) == 1 and not own["shared_copy"].any()


def test_wire_copy_run_by_a_hundred_outlets_links_each_to_the_first_carriers(monkeypatch):
    """A passage in more articles than CROWDED_SHINGLE links each carrier to the first few, not to all,
    and pairs counted across several folds of the pair counter come out the same."""
    from data_prep import shared_copy

    carriers = [(f"w{n:03d}", f"Outlet {n}", "2025-03-04", None, f"Story {n}\n\n{WIRE_PASSAGE}", "private")
                for n in range(100)]
    articles = _articles(*carriers)
    pairs = lambda frame: sorted(zip(frame["article_id"], frame["other_article_id"]))
    whole = pairs(find_shared_copy(articles))
    monkeypatch.setattr(shared_copy._PairCounter, "FOLD_AT", 50)
    assert pairs(find_shared_copy(articles)) == whole
    partners = {}
    for mine, other in whole:
        partners.setdefault(mine, set()).add(other)
    assert set(partners) == {row[0] for row in carriers}
    assert len(partners["w099"]) <= shared_copy.CROWD_ANCHORS
    assert len(whole) < 100 * 99
