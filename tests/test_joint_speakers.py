"""A quote two people said together counts for both: in the tables, the views and the speaker counts."""
import pyarrow as pa
import pyarrow.parquet as pq

from data_prep import schema, store
from dashboard import aggregate
from dashboard.views import build_views
from dashboard_fixture import MAYOR, MINISTER, fixture_tables


def joint_tables():
    """The dashboard fixture with one of the minister's quotes said together with the mayor."""
    tables = fixture_tables()
    quotes = tables[schema.QUOTES].copy()
    first = quotes.index[quotes["actor_id"] == MINISTER][0]
    quotes["co_speaker_ids"] = [[MAYOR] if row == first else [] for row in quotes.index]
    tables[schema.QUOTES] = quotes
    return tables, quotes.loc[first, "quote_id"]


def test_joint_quote_counts_for_each_speaker_but_once_in_the_total():
    plain = build_views(fixture_tables())
    views = build_views(joint_tables()[0])
    assert len(views.quotes) == len(plain.quotes)
    before = aggregate.top_speakers(plain.quotes).set_index("speaker")["quotes"]
    after = aggregate.top_speakers(aggregate.speaker_credits(views.quotes, views.joint)).set_index("speaker")["quotes"]
    assert after["Ana Lopez"] == before["Ana Lopez"] + 1 and after["Tom Berg"] == before["Tom Berg"]
    shares = aggregate.share_of_voice(aggregate.speaker_credits(views.quotes, views.joint), "kind").set_index("kind")
    assert shares.loc["person", "quotes"] == aggregate.share_of_voice(plain.quotes, "kind").set_index(
        "kind").loc["person", "quotes"] + 1


def test_speaker_page_lists_the_joint_quote_for_both():
    tables, quote_id = joint_tables()
    views = build_views(tables)
    for name in ("Ana Lopez", "Tom Berg"):
        assert quote_id in set(aggregate.quotes_credited_to(views.quotes, views.joint, name)["quote_id"])


def test_joint_credit_follows_the_filters():
    tables, quote_id = joint_tables()
    views = build_views(tables)
    without = views.quotes[views.quotes["quote_id"] != quote_id]
    assert len(aggregate.speaker_credits(without, views.joint)) == len(without)


def test_dataset_built_before_joint_speakers_still_reads(tmp_path):
    tables = fixture_tables()
    quotes = tables[schema.QUOTES].drop(columns=["co_speaker_ids"], errors="ignore")
    pq.write_table(pa.Table.from_pandas(quotes, preserve_index=False),
                   store.table_path(tmp_path, schema.QUOTES))
    read = store.read_table(tmp_path, schema.QUOTES, columns=["quote_id", "actor_id", "co_speaker_ids"])
    assert list(read.columns) == ["quote_id", "actor_id", "co_speaker_ids"]
    assert read["co_speaker_ids"].isna().all() and len(read) == len(quotes)
    tables[schema.QUOTES] = read.assign(**{c: tables[schema.QUOTES][c] for c in tables[schema.QUOTES].columns
                                           if c not in read.columns})
    assert build_views(tables).joint.empty
