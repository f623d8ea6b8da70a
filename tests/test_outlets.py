"""Outlet identity from the page alone, and the researcher's outlets.csv."""
import json

import pandas as pd

from data_prep import schema, store
from data_prep.ingest.article import make_article
from data_prep.ingest.outlets import canonical_outlet, credited_agency, identify_outlet
from data_prep.outlet_groups import describe_outlets, load_user_outlets
from data_prep.pipeline import build_dataset


def test_a_known_domain_gets_the_outlet_name_and_a_parent_domain_counts():
    assert identify_outlet("https://www.reuters.com/world/x").outlet == "Reuters"
    assert identify_outlet("https://edition.cnn.com/2025/x").outlet == "CNN"
    assert identify_outlet("https://japannews.yomiuri.co.jp/politics/").outlet == "The Japan News"


def test_a_dateline_credit_names_the_agency_but_the_page_keeps_its_outlet():
    text = "Harbour talks\n\nOSLO, May 3 (Reuters) - The ferry company said on Friday it would add boats."
    found = identify_outlet("https://www.straitstimes.com/world/ferry", text=text)
    assert found == ("The Straits Times", "Reuters")
    assert credited_agency("LIMA, June 2. /TASS/. Officials said the port reopened.") == "TASS"
    assert credited_agency("The mayor said the port reopened.\n\n— AFP") == "AFP"


def test_an_agency_mentioned_in_the_story_is_not_a_credit():
    text = "The mayor told Reuters on Monday that the port reopened, and AFP later confirmed it."
    assert credited_agency(text) is None


def test_the_agency_of_its_own_page_is_not_repeated():
    found = identify_outlet("https://tass.com/world/1", text="LIMA, June 2. /TASS/. The port reopened.")
    assert found == ("TASS", None)


def test_an_aggregator_page_is_credited_to_the_outlet_it_names():
    reposted = identify_outlet("https://menafn.com/1/x", text="ROME, May 3 (AFP) - The ferry was late again.")
    assert reposted.outlet == "AFP"
    mirrored = identify_outlet("http://www.globalsecurity.org/x.htm",
                               text="The plan is sound, a professor told the Global Times on Friday.")
    assert mirrored.outlet == "Global Times"
    assert identify_outlet("https://menafn.com/1/y", text="The ferry was late.").outlet == "MENAFN"


def test_an_unknown_outlet_is_named_from_the_page_or_its_domain():
    spelled = identify_outlet("https://www.valleyherald.example/news/1",
                              text="The mayor told the Valley Herald that the bridge opens in May.")
    assert spelled.outlet == "Valley Herald"
    assert identify_outlet("https://coastalnews.example/1", text="No name here.").outlet == "Coastal News"
    assert identify_outlet("https://kq7z.example/1", text="No name here.").outlet == "kq7z.example"
    assert identify_outlet("https://kq7z.example/1", site_name="Harbour Weekly").outlet == "Harbour Weekly"
    assert identify_outlet("https://kq7z.example/1", site_name="kq7z.example").outlet == "kq7z.example"



def test_pages_naming_the_same_mastheads_are_each_credited_to_their_own_domain():
    # The same words on pages of two outlets the table lacks: each page names the one its domain spells.
    text = "The Valley Herald ran the story of the bridge. So did the Coastal Post."
    assert identify_outlet("https://valleyherald.example/1", text=text).outlet == "The Valley Herald"
    assert identify_outlet("https://coastalpost.example/1", text=text).outlet == "Coastal Post"
    assert identify_outlet("https://valleyherald.example/2", text=text).outlet == "The Valley Herald"
    assert identify_outlet("https://ridgewire.example/1", text=text).outlet == "Ridge Wire"


def test_a_name_the_page_gives_is_used_when_it_fits_the_domain():
    # a title suffix, a copyright line, the label plus a masthead word, initials, a masthead sub-domain
    assert identify_outlet("https://kq7z.example/1", title="Port reopens | Kq7z Weekly").outlet == "Kq7z Weekly"
    assert identify_outlet("https://kq7z.example/1", title="Port reopens - Harbour City").outlet == "kq7z.example"
    assert identify_outlet("https://zorvat.example/1", text="The port reopened.\n\n© 2025 Zorvat Radio. "
                           "All rights reserved.").outlet == "Zorvat Radio"
    assert identify_outlet("https://zorvat.example/1",
                           text="Officials told Zorvat News the port reopened.").outlet == "Zorvat News"
    assert identify_outlet("https://hvnn.example/1",
                           text="He spoke to Harbour Valley News Network on Monday.").outlet == "Harbour Valley News Network"
    assert identify_outlet("https://eveningnews.zorvatgroup.example/1", text="No name.").outlet == "Evening News"
    # a syndication page names an outlet the table lacks
    mirrored = identify_outlet("http://www.globalsecurity.org/y.htm",
                               text="The plan is sound, a professor told the Harbour Times on Friday.")
    assert mirrored.outlet == "Harbour Times"


def test_the_table_covers_outlets_of_many_countries():
    assert identify_outlet("https://www.infobae.com/america/x").outlet == "Infobae"
    assert identify_outlet("https://www.kompas.com/x").outlet == "Kompas"
    assert identify_outlet("https://www.hurriyet.com.tr/x").outlet == "Hürriyet"
    assert identify_outlet("https://www.hurriyetdailynews.com/x").outlet == "Hürriyet Daily News"


def test_an_input_outlet_field_wins_in_the_table_spelling():
    assert canonical_outlet("New York Times") == "The New York Times"
    assert canonical_outlet("nytimes.com") == "The New York Times"
    assert canonical_outlet("Harbour Weekly") == "Harbour Weekly"
    article = make_article("The mayor said the port reopened.", outlet="Guardian", url="https://kq7z.example/1")
    assert article.outlet == "The Guardian"


def _values(column):
    return [value if isinstance(value, str) else None for value in column]


def _articles(rows):
    return pd.DataFrame([{"outlet": outlet, "url": url} for outlet, url in rows])


def test_outlet_facts_come_from_the_table(tmp_path):
    described = describe_outlets(_articles([("TASS", "https://tass.com/1"), ("Harbour Weekly", None)]))
    assert _values(described["outlet_country"]) == ["Russia", None]
    assert _values(described["outlet_type"]) == ["wire", None]


def test_the_users_outlets_file_renames_and_groups(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_bytes("outlet;name;group;type\nTASS;;Russian state;\nkq7z.example;Harbour Weekly;Local;paper\n"
                     "The Guardian;;Western;\n".encode("cp1252"))
    user = load_user_outlets(path)
    assert any("unknown type 'paper'" in problem for problem in user.problems)
    described = describe_outlets(_articles([("TASS", "https://tass.com/1"), ("kq7z.example", "https://kq7z.example/2"),
                                            ("The Guardian", "https://www.theguardian.com/x"),
                                            ("CNN", "https://cnn.com/x")]), user)
    assert described["outlet"].tolist() == ["TASS", "Harbour Weekly", "The Guardian", "CNN"]
    assert _values(described["outlet_group"]) == ["Russian state", "Local", "Western", None]


def test_a_build_applies_the_outlets_file_beside_the_dataset(tmp_path):
    records = [{"title": "Harbour vote", "url": "https://www.reuters.com/a",
                "text": "The ferry will run by June, council chair Tomas Berg said on Monday."},
               {"title": "Bridge", "url": "https://kq7z.example/b",
                "text": "OSLO, May 3 (AFP) - Engineer Lena Park said the bridge was not safe for trucks."}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "outlets.csv").write_text("outlet,group\nReuters,Wires\n", encoding="utf-8")
    build_dataset([source], data, stance_backend="none")
    articles = store.read_table(data, schema.ARTICLES).set_index("url")
    assert articles.loc["https://www.reuters.com/a", "outlet_group"] == "Wires"
    assert articles.loc["https://www.reuters.com/a", "outlet_type"] == "wire"
    assert articles.loc["https://kq7z.example/b", "agency"] == "AFP"
    assert (data / "outlets.csv").is_file()


def test_the_actor_side_reads_outlet_names_from_the_one_table():
    from data_prep.actors.gazetteer import gazetteer
    places = gazetteer()
    assert places.media_outlet("Kyiv Post") == "Kyiv Post"          # only in the outlets table
    assert places.media_outlet("Deutsche Presse-Agentur") == "dpa"  # the table's spelling
    assert places.media_outlet("the Times") == "The New York Times"  # a story's short form
    assert places.media_outlet("Dawn") is None and places.media_outlet("Petra") is None  # also given names
