"""Across articles: one actor per real person, namesakes apart, aliases applied, stable ids."""
import pandas as pd

from data_prep import schema
from data_prep.actors import merge_corpus_actors


def article(*actors, quote_keys=()):
    """An article result as resolve_article_actors returns it; each actor gets one mention."""
    entries, mentions = [], []
    for number, (name, kind, role, affiliation) in enumerate(actors):
        key = f"a{number}"
        entries.append({"key": key, "name": name, "kind": kind, "role": role, "affiliation": affiliation,
                        "variants": [name]})
        mentions.append({"key": key, "start": number * 10, "end": number * 10 + len(name), "text": name})
    return {"actors": entries, "mentions": mentions, "quote_keys": list(quote_keys)}


def person(name, role=None, affiliation=None):
    return (name, "person", role, affiliation)


def names_of(result, kind="person"):
    return sorted(result.actors.loc[result.actors["kind"] == kind, "name"])


def test_spelling_variants_are_one_actor_with_the_most_common_spelling():
    result = merge_corpus_actors({
        "one": article(person("Volodymyr Zelensky", "president", "Ukraine")),
        "two": article(person("Volodymyr Zelenskyy", "president", "Ukraine")),
        "three": article(person("Volodymyr Zelenskiy")),
        "four": article(person("Volodymyr Zelensky")),
        "five": article(person("Zelenskyy")),
    })
    assert names_of(result) == ["Volodymyr Zelensky"]
    row = result.actors.iloc[0]
    assert (row["n_mentions"], row["role"], row["affiliation"]) == (5, "president", "Ukraine")


def test_bare_surname_goes_to_the_one_well_known_namesake():
    result = merge_corpus_actors({
        "one": article(person("Donald Trump", "president", "United States")),
        "two": article(person("Donald Trump")),
        "three": article(person("Ivanka Trump", "adviser")),
        "four": article(person("Trump"), quote_keys=["a0"]),
    })
    assert names_of(result) == ["Donald Trump", "Ivanka Trump"]
    trump = result.actors.set_index("name").loc["Donald Trump"]
    assert (trump["n_quotes"], trump["n_mentions"]) == (1, 3)
    assert result.quote_actor_ids["four"] == [trump["actor_id"]]


def test_namesakes_with_different_first_names_or_roles_stay_apart():
    result = merge_corpus_actors({
        "one": article(person("Anna Smith", "city councillor", "United Kingdom")),
        "two": article(person("John Smith", "senator", "United States")),
        "three": article(person("Smith", "senator")),
        "four": article(person("Smith", "city councillor")),
        "five": article(person("Donald Trump Jr.")),
        "six": article(person("Donald Trump")),
    })
    actors = result.actors.set_index("name")
    assert names_of(result) == ["Anna Smith", "Donald Trump", "Donald Trump Jr.", "John Smith"]
    assert actors.loc["John Smith", "n_mentions"] == 2
    assert actors.loc["Anna Smith", "n_mentions"] == 2


def test_bare_surname_shared_by_equally_known_people_stays_its_own_actor():
    result = merge_corpus_actors({
        "one": article(person("Anna Smith")),
        "two": article(person("John Smith")),
        "three": article(person("Smith")),
    })
    assert names_of(result) == ["Anna Smith", "John Smith", "Smith"]


def test_same_full_name_is_one_actor_when_one_article_says_less():
    articles = {"one": article(person("Vladimir Putin", "president", "Russia")),
                "two": article(person("Vladimir Putin"))}
    assert names_of(merge_corpus_actors(articles)) == ["Vladimir Putin"]


def test_actor_id_does_not_depend_on_other_articles():
    first = merge_corpus_actors({"one": article(person("Vladimir Putin"), ("AFP", "media", None, None))})
    more = merge_corpus_actors({"zero": article(person("Keir Starmer")),
                                "one": article(person("Vladimir Putin"), ("AFP", "media", None, None)),
                                "two": article(person("Putin"))})
    ids = lambda result: dict(zip(result.actors["name"], result.actors["actor_id"]))  # noqa: E731
    assert ids(first)["Vladimir Putin"] == ids(more)["Vladimir Putin"]
    assert ids(first)["AFP"] == ids(more)["AFP"]
    assert ids(first)["Vladimir Putin"].startswith("act_")


def test_anonymous_sources_are_not_merged_across_articles_but_outlets_are():
    result = merge_corpus_actors({
        "one": article(("two U.S. officials", "anonymous", "official", "United States"), ("AFP", "media", None, None)),
        "two": article(("two U.S. officials", "anonymous", "official", "United States"), ("AFP", "media", None, None)),
    })
    assert len(result.actors[result.actors["kind"] == "anonymous"]) == 2
    assert len(result.actors[result.actors["kind"] == "media"]) == 1


def test_frames_have_exactly_the_schema_columns():
    result = merge_corpus_actors({"one": article(person("Vladimir Putin"), quote_keys=["a0", None])})
    assert list(result.actors.columns) == schema.columns(schema.ACTORS)
    assert list(result.mentions.columns) == schema.columns(schema.MENTIONS)
    assert result.quote_actor_ids["one"][1] is None
    mention = result.mentions.iloc[0]
    assert (mention["article_id"], mention["text"], mention["actor_id"]) == \
        ("one", "Vladimir Putin", result.actors.iloc[0]["actor_id"])


def test_aliases_merge_separate_and_drop(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,action\n"
                       "Vova,Vladimir Putin,merge\n"
                       "Smith,John Smith,separate\n"
                       "Putin Vows,,drop\n"
                       "broken row without canonical,,merge\n"
                       "X,Y,explode\n", encoding="utf-8")
    articles = {"one": article(person("Vladimir Putin")), "two": article(person("Vova")),
                "three": article(person("John Smith")), "four": article(person("Smith")),
                "five": article(person("Putin Vows"))}
    without = merge_corpus_actors(articles)
    assert names_of(without) == ["John Smith", "Putin Vows", "Vladimir Putin", "Vova"]
    result = merge_corpus_actors(articles, aliases)
    assert names_of(result) == ["John Smith", "Smith", "Vladimir Putin"]
    assert result.actors.set_index("name").loc["Vladimir Putin", "n_mentions"] == 2
    assert result.quote_actor_ids["five"] == []


def test_a_malformed_article_costs_only_itself():
    result = merge_corpus_actors({"bad": {"actors": [{"name": "no key"}]},
                                  "good": article(person("Vladimir Putin"), quote_keys=["a0"])})
    assert names_of(result) == ["Vladimir Putin"]
    assert result.quote_actor_ids["good"] == [result.actors.iloc[0]["actor_id"]]


def test_missing_alias_file_is_no_aliases(tmp_path):
    result = merge_corpus_actors({"one": article(person("Vladimir Putin"))}, tmp_path / "absent.csv")
    assert isinstance(result.actors, pd.DataFrame) and names_of(result) == ["Vladimir Putin"]


def test_bad_alias_rows_are_reported_with_their_line_and_skipped(tmp_path, caplog):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,action\nX,Y,explode\nVova,Vladimir Putin,\n", encoding="utf-8")
    with caplog.at_level("WARNING"):
        result = merge_corpus_actors({"one": article(person("Vova"))}, aliases)
    assert "aliases.csv:2" in caplog.text and "explode" in caplog.text
    assert names_of(result) == ["Vladimir Putin"]


def test_alias_file_without_header_is_reported_not_fatal(tmp_path, caplog):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("Vova;Vladimir Putin\n", encoding="utf-8")
    with caplog.at_level("WARNING"):
        result = merge_corpus_actors({"one": article(person("Vova"))}, aliases)
    assert "missing column" in caplog.text
    assert names_of(result) == ["Vova"]


def test_a_new_job_does_not_split_a_person():
    result = merge_corpus_actors({
        "one": article(person("Donald J. Trump", "republican nominee", "United States")),
        "two": article(person("Donald Trump", "president", "United States")),
        "three": article(person("Donald Trump", "president")),
        "four": article(person("Trump", "nominee")),
    })
    assert names_of(result) == ["Donald Trump"]


def test_an_organisation_and_its_initials_are_one_actor():
    org = lambda name: (name, "organization", None, None)  # noqa: E731
    result = merge_corpus_actors({
        "one": article(org("Federal Bureau of Investigation")),
        "two": article(org("FBI")),
        "three": article(org("FBI"), org("North Atlantic Treaty Organization")),
        "four": article(org("NATO"), org("IMF")),
    })
    assert sorted(result.actors["name"]) == ["FBI", "IMF", "North Atlantic Treaty Organization"]
    assert result.actors.set_index("name").loc["FBI", "n_mentions"] == 3


def test_common_noun_bodies_are_not_merged_across_articles():
    police = ("police", "organization", None, None)
    result = merge_corpus_actors({"one": article(police), "two": article(police),
                                  "three": article(("Supreme Court", "organization", None, None)),
                                  "four": article(("Supreme Court", "organization", None, None))})
    names = list(result.actors["name"])
    assert names.count("police") == 2 and names.count("Supreme Court") == 1


def test_alias_for_a_surname_does_not_rename_a_namesake_who_was_called_by_it(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,action\nTrump,Donald Trump,merge\n", encoding="utf-8")
    ivanka = {"actors": [{"key": "a0", "name": "Ivanka Trump", "kind": "person", "role": None,
                          "affiliation": None, "variants": ["Ivanka Trump", "Trump"]}],
              "mentions": [], "quote_keys": []}
    result = merge_corpus_actors({"one": ivanka, "two": article(person("Trump"))}, aliases)
    assert names_of(result) == ["Donald Trump", "Ivanka Trump"]


def test_transliterations_of_one_person_are_one_actor():
    result = merge_corpus_actors({
        "one": article(person("Yuri Petrenko", "adviser", "Russia")),
        "two": article(person("Yury Petrenko", "adviser", "Russia")),
        "three": article(person("Oleg Budrys")),
        "four": article(person("Oleg Budris")),
        "five": article(person("Vladimir Hordiyenko", "president", "Ukraine")),
        "six": article(person("Volodymyr Hordiyenko", "president", "Ukraine")),
        "seven": article(person("Abdel Karim el-Masri", "president", "Egypt")),
        "eight": article(person("Abdel Karim al-Masri", "president", "Egypt")),
        "nine": article(person("Masri")),
    })
    assert len(names_of(result)) == 4


def test_namesakes_with_different_given_names_stay_apart():
    result = merge_corpus_actors({
        "one": article(person("Li Qiang", "premier", "China")),
        "two": article(person("Li Keqiang", "premier", "China")),
        "three": article(person("Vladimir Hordiyenko")),
        "four": article(person("Viktor Hordiyenko")),
    })
    assert names_of(result) == ["Li Keqiang", "Li Qiang", "Viktor Hordiyenko", "Vladimir Hordiyenko"]


def test_a_person_filed_as_an_organisation_in_one_article_is_the_person():
    result = merge_corpus_actors({
        "one": article(person("Maria Okonjo", "minister", "Nigeria")),
        "two": article(("Okonjo", "organization", None, None)),
        "three": article(("Maria Okonjo", "organization", None, None)),
    })
    assert names_of(result) == ["Maria Okonjo"]
    assert names_of(result, "organization") == []


def test_joint_speakers_count_for_each_across_the_corpus():
    one = article(person("Mark Holloway"), person("Daniel Kessler"), quote_keys=["a0"])
    one["co_speaker_keys"] = [["a1"]]
    result = merge_corpus_actors({"one": one, "two": article(person("Daniel Kessler"), quote_keys=["a0"])})
    by_name = result.actors.set_index("name")
    assert by_name.loc["Daniel Kessler", "n_quotes"] == 2 and by_name.loc["Mark Holloway", "n_quotes"] == 1
    assert result.quote_co_speaker_ids["one"] == [[by_name.loc["Daniel Kessler", "actor_id"]]]
    assert result.quote_co_speaker_ids["two"] == [[]]


def test_surname_before_the_first_full_name_goes_to_the_established_bearer():
    early = article(person("Oleh Zelenko", "city councillor"), person("Zelenko"))
    early["actors"][1]["local_bearer"] = "a0"
    others = {f"n{n}": article(person("Volodymyr Zelenko", "president", "Ukraine")) for n in range(3)}
    result = merge_corpus_actors({"local": early, **others})
    by_name = result.actors.set_index("name")
    assert by_name.loc["Volodymyr Zelenko", "n_mentions"] == 4
    assert by_name.loc["Oleh Zelenko", "n_mentions"] == 1


def test_surname_before_the_first_full_name_stays_with_the_namesake_when_none_is_established():
    early = article(person("Oleh Zelenko", "city councillor"), person("Zelenko"))
    early["actors"][1]["local_bearer"] = "a0"
    result = merge_corpus_actors({"local": early})
    assert names_of(result) == ["Oleh Zelenko"]


def test_a_state_body_without_its_state_is_not_merged_across_articles():
    body = ("Foreign Ministry", "organization", None, None)
    chinese = ("Chinese Foreign Ministry", "organization", None, "China")
    result = merge_corpus_actors({"one": article(body, chinese), "two": article(body, chinese)})
    assert sorted(result.actors.loc[result.actors["kind"] == "organization", "name"]) == [
        "Chinese Foreign Ministry", "Foreign Ministry", "Foreign Ministry"]
