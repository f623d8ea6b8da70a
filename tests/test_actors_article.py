"""Within one article: names, titles, descriptions and pronouns resolve to the right actor."""
import json
import re

import pytest

from data_prep.actors import resolve_article_actors
from data_prep.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def quote(text: str, quote_text: str, speaker: str, name: str | None = None) -> dict:
    """A quote dict as data_prep.quotes makes it; the speaker is the first whole-word match after the
    quote, else the nearest one before it."""
    start = text.index(quote_text)
    end = start + len(quote_text)
    pattern = re.compile(rf"\b{re.escape(speaker)}\b")
    after = pattern.search(text, end)
    speaker_start = after.start() if after else [m.start() for m in pattern.finditer(text, 0, start)][-1]
    name_start = text.index(name) if name else None
    return {"quote_text": quote_text, "quote_start": start, "quote_end": end, "quote_spans": [[start, end]],
            "quote_type": "direct", "cue": "said", "cue_start": None, "cue_end": None,
            "speaker_text": speaker, "speaker_start": speaker_start, "speaker_end": speaker_start + len(speaker),
            "speaker_is_pronoun": speaker.lower() in {"he", "she", "they", "who", "it"},
            "speaker_name": name, "speaker_name_start": name_start,
            "speaker_name_end": name_start + len(name) if name else None}


def resolve(nlp, text, quotes=()):
    return resolve_article_actors(nlp(text), list(quotes))


def actor_named(result, name):
    matches = [a for a in result["actors"] if a["name"] == name]
    assert len(matches) == 1, f"expected one actor {name!r}, got {[a['name'] for a in result['actors']]}"
    return matches[0]


def mention_texts(result, key):
    return [m["text"] for m in result["mentions"] if m["key"] == key]


def test_title_surname_and_pronoun_are_one_actor(nlp):
    text = ("U.S. President Donald Trump said on Wednesday that the talks went well. Trump later met reporters. "
            "“It was a good meeting,” he said.")
    result = resolve(nlp, text, [quote(text, "“It was a good meeting,”", "he")])
    trump = actor_named(result, "Donald Trump")
    assert trump["kind"] == "person"
    assert trump["role"] == "president"
    assert trump["affiliation"] == "United States"
    assert {"Donald Trump", "Trump", "he"} <= set(mention_texts(result, trump["key"]))
    assert result["quote_keys"] == [trump["key"]]
    assert len([a for a in result["actors"] if a["kind"] == "person"]) == 1


def test_description_of_a_known_actor_links_to_it(nlp):
    text = ("Russia's Vladimir Putin wants to end the war, even as the Kremlin leader renewed threats "
            "against Ukraine.")
    result = resolve(nlp, text)
    putin = actor_named(result, "Vladimir Putin")
    assert putin["affiliation"] == "Russia"
    assert "the Kremlin leader" in mention_texts(result, putin["key"])
    kremlin = actor_named(result, "Kremlin")
    assert (kremlin["kind"], kremlin["affiliation"]) == ("organization", "Russia")


def test_ambiguous_description_is_left_unlinked(nlp):
    text = ("President Emmanuel Macron met President Joe Biden in Paris. The president said the meeting "
            "was useful.")
    result = resolve(nlp, text)
    linked = [m for m in result["mentions"] if m["text"].lower() == "the president"]
    assert linked == []


def test_roles_from_titles_and_appositives(nlp):
    text = ("Kremlin foreign policy adviser Yury Ushakov told journalists the sides disagreed. "
            "Anna Smith, a city councillor, said the road was unsafe. "
            "Andriy Yermak, head of the presidential office, said talks would continue. "
            "Top Ukrainian negotiator Rustem Umerov flew to Florida.")
    result = resolve(nlp, text)
    ushakov = actor_named(result, "Yury Ushakov")
    assert (ushakov["role"], ushakov["affiliation"]) == ("foreign policy adviser", "Russia")
    assert actor_named(result, "Anna Smith")["role"] == "city councillor"
    assert actor_named(result, "Andriy Yermak")["role"] == "head of the presidential office"
    assert actor_named(result, "Rustem Umerov")["affiliation"] == "Ukraine"


def test_possessor_lends_its_affiliation(nlp):
    text = "U.S. President Donald Trump sent envoys. Trump's special envoy Steve Witkoff met officials."
    result = resolve(nlp, text)
    witkoff = actor_named(result, "Steve Witkoff")
    assert (witkoff["role"], witkoff["affiliation"]) == ("special envoy", "United States")


def test_speaker_kinds(nlp):
    text = ("The deal is off, two U.S. officials told AFP. "
            "The Kremlin said the offer stood. "
            "Protesters said they would return. "
            "A senior diplomat said the talks were stuck.")
    quotes = [quote(text, "The deal is off", "two U.S. officials"),
              quote(text, "the offer stood", "The Kremlin"),
              quote(text, "they would return", "Protesters"),
              quote(text, "the talks were stuck", "A senior diplomat")]
    result = resolve(nlp, text, quotes)
    by_key = {a["key"]: a for a in result["actors"]}
    speakers = [by_key[key] for key in result["quote_keys"]]
    assert [s["kind"] for s in speakers] == ["anonymous", "organization", "group", "anonymous"]
    assert speakers[0]["affiliation"] == "United States"
    assert speakers[1]["name"] == "Kremlin"
    assert actor_named(result, "AFP")["kind"] == "media"


def test_relative_pronoun_speaker_is_the_person_it_follows(nlp):
    text = "The plan was attacked by Maria Lopez, who said it would fail within a year."
    result = resolve(nlp, text, [quote(text, "it would fail within a year", "who")])
    result_quote = result["quote_keys"][0]
    assert result_quote == actor_named(result, "Maria Lopez")["key"]


def test_pronoun_respects_what_the_text_says_about_gender(nlp):
    text = ("John Brown said he was hopeful. Brown met Anna Smith on Monday. "
            "“The talks were useful,” she said.")
    result = resolve(nlp, text, [quote(text, "“The talks were useful,”", "she")])
    assert result["quote_keys"] == [actor_named(result, "Anna Smith")["key"]]


def test_headline_verb_is_not_part_of_a_name(nlp):
    text = ("Trump Says Russia Wants Peace Even as Putin Vows to Take Donbas\n\n"
            "Russian President Vladimir Putin said on Thursday that his troops would advance.")
    result = resolve(nlp, text)
    people = [a["name"] for a in result["actors"] if a["kind"] == "person"]
    assert "Putin Vows" not in people
    assert people.count("Vladimir Putin") == 1


def test_result_is_json_and_has_one_key_per_quote(nlp):
    text = "“We are ready,” Putin said. Nobody answered."
    quotes = [quote(text, "“We are ready,”", "Putin"),
              {**quote(text, "“We are ready,”", "Putin"), "speaker_start": None, "speaker_end": None,
               "speaker_text": None}]
    result = resolve(nlp, text, quotes)
    assert json.loads(json.dumps(result)) == result
    assert len(result["quote_keys"]) == 2
    assert result["quote_keys"][1] is None
    assert result["quote_keys"][0] == actor_named(result, "Putin")["key"]


def test_actors_talked_about_are_kept_without_quotes(nlp):
    text = "Ukrainian President Volodymyr Zelensky visited Germany on Monday."
    result = resolve(nlp, text)
    zelensky = actor_named(result, "Volodymyr Zelensky")
    assert (zelensky["role"], zelensky["affiliation"]) == ("president", "Ukraine")
    assert actor_named(result, "Germany")["kind"] == "country"


@pytest.mark.parametrize("text, name", [
    ("The memo came from Peter Novak, a clerk at the State Department who said it was lost.", "Peter Novak"),
    ("Mark Jones is a former lawyer who said the case was weak.", "Mark Jones"),
])
def test_who_climbs_from_a_title_or_place_to_the_person(nlp, text, name):
    said = text.index("said") + len("said ")
    result = resolve(nlp, text, [quote(text, text[said:-1], "who")])
    assert result["quote_keys"] == [actor_named(result, name)["key"]]


def test_abbreviated_titles_are_spelled_out(nlp):
    text = "Gov. Rita Alvarez of New Mexico said the ruling was a mistake."
    result = resolve(nlp, text)
    assert actor_named(result, "Rita Alvarez")["role"] == "governor"


def test_odd_quote_dicts_give_no_speaker_instead_of_an_error(nlp):
    text = "Vladimir Putin spoke on Monday."
    quotes = [{}, {"speaker_start": 500, "speaker_end": 510, "speaker_text": "ghost"},
              {"speaker_start": 10, "speaker_end": 2, "speaker_text": "reversed"},
              {"speaker_start": 0, "speaker_end": 14, "speaker_text": "Vladimir Putin", "quote_spans": None}]
    result = resolve(nlp, text, quotes)
    assert result["quote_keys"][:3] == [None, None, None]
    assert result["quote_keys"][3] == actor_named(result, "Vladimir Putin")["key"]
    assert resolve(nlp, "", []) == {"actors": [], "mentions": [], "quote_keys": [], "co_speaker_keys": []}


def test_party_and_company_are_affiliations_when_no_country_is_given(nlp):
    text = ("Republican presidential nominee Donald Trump debated Democratic nominee Hillary Clinton. "
            "The Republican nominee said the debate was rigged. "
            "Wells Fargo chief executive John Stumpf apologised.")
    result = resolve(nlp, text)
    trump = actor_named(result, "Donald Trump")
    assert trump["affiliation"] == "Republican"
    assert actor_named(result, "Hillary Clinton")["affiliation"] == "Democratic"
    assert "The Republican nominee" in mention_texts(result, trump["key"])
    assert actor_named(result, "John Stumpf")["affiliation"] == "Wells Fargo"


def test_reported_speech_tells_the_speakers_pronoun(nlp):
    text = ("John Brown told Anna Smith that he would resign. Brown and Smith left together. "
            "“It was hard,” she said.")
    result = resolve(nlp, text, [quote(text, "“It was hard,”", "she")])
    assert result["quote_keys"] == [actor_named(result, "Anna Smith")["key"]]


def test_a_name_inside_a_speaker_phrase_is_not_the_speaker(nlp):
    text = ("U.S. President Donald Trump left early. The talks failed, Trump's spokesman said. "
            "The plan is dead, the Clinton campaign said.")
    result = resolve(nlp, text, [quote(text, "The talks failed", "Trump's spokesman"),
                                 quote(text, "The plan is dead", "the Clinton campaign")])
    by_key = {a["key"]: a for a in result["actors"]}
    spokesman, campaign = (by_key[key] for key in result["quote_keys"])
    assert (spokesman["kind"], spokesman["affiliation"]) == ("anonymous", "United States")
    assert campaign["kind"] == "organization" and campaign["name"] == "Clinton campaign"


def test_an_epithet_glued_to_a_full_name_is_not_a_new_person(nlp):
    text = ("Hillary Clinton spoke in Ohio. Donald Trump said he had beaten "
            "Crooked Hillary Clinton in every debate.")
    result = resolve(nlp, text)
    people = sorted(a["name"] for a in result["actors"] if a["kind"] == "person")
    assert people == ["Donald Trump", "Hillary Clinton"]


def test_headline_words_glued_to_a_name_are_cut_off(nlp):
    text = ("Garrow: Maria Asking Judges To Rescue Her Bill\n\n"
            "Radio host Dan Garrow said on Tuesday that Maria Marsh wanted the judges to save her bill.")
    result = resolve(nlp, text)
    people = sorted(a["name"] for a in result["actors"] if a["kind"] == "person")
    assert people == ["Dan Garrow", "Maria Marsh"]
    marsh = actor_named(result, "Maria Marsh")
    assert "Maria" in mention_texts(result, marsh["key"])


def test_full_name_only_in_the_headline_still_owns_the_body_surnames(nlp):
    text = ("Linda Brooks Takes On Peter Lindqvist Over Tolls\n\n"
            "On Tuesday evening, Brooks cast Lindqvist as a coward. Brooks said he hid his donors.")
    result = resolve(nlp, text)
    people = sorted(a["name"] for a in result["actors"] if a["kind"] == "person")
    assert people == ["Linda Brooks", "Peter Lindqvist"]


def test_capitalised_speaker_phrases_the_recogniser_missed(nlp):
    text = ("Taxes will rise, the Dallas Morning News reported. "
            "The answer was wrong, Fox News' Megyn Kelly said. "
            "The vote is close, Reuters reported.")
    quotes = [quote(text, "Taxes will rise", "the Dallas Morning News"),
              quote(text, "The answer was wrong", "Fox News' Megyn Kelly"),
              quote(text, "The vote is close", "Reuters")]
    result = resolve(nlp, text, quotes)
    by_key = {a["key"]: a for a in result["actors"]}
    speakers = [(by_key[k]["name"], by_key[k]["kind"]) for k in result["quote_keys"]]
    assert speakers[1] == ("Megyn Kelly", "person")
    assert speakers[2] == ("Reuters", "media")
    assert speakers[0][1] in ("organization", "media") and "Dallas Morning News" in speakers[0][0]


def test_headline_epithet_and_title_pick_the_right_namesake(nlp):
    text = ("Derelict Obama Ignores The Threat\n\n"
            "Former President Barack Obama spoke in Chicago on Monday. His wife, Michelle Obama, spoke in "
            "Ohio. Later President Obama said the threat was small.")
    result = resolve(nlp, text)
    people = sorted(a["name"] for a in result["actors"] if a["kind"] == "person")
    assert people == ["Barack Obama", "Michelle Obama"]
    barack = actor_named(result, "Barack Obama")
    assert barack["role"] in ("president", "former president")
    assert mention_texts(result, barack["key"]).count("Obama") == 2
    assert actor_named(result, "Michelle Obama")["role"] is None


def test_role_words_are_titles_not_names_or_places(nlp):
    text = ("His daughter Ivanka Trump spoke. Paul Devlin, a lawyer at Hartley Brennan in Dayton, "
            "disagreed. Senate Majority Leader Mitch McConnell agreed.")
    result = resolve(nlp, text)
    assert actor_named(result, "Ivanka Trump")["role"] == "daughter"
    assert actor_named(result, "Paul Devlin")["role"] == "lawyer"  # the job; "at NAME" is no part of it
    mcconnell = actor_named(result, "Mitch McConnell")
    assert (mcconnell["role"], mcconnell["affiliation"]) == ("majority leader", "Senate")


def test_a_capital_is_its_country_only_when_it_acts(nlp):
    text = "Talks in Moscow failed on Tuesday. Washington said it would impose new sanctions."
    result = resolve(nlp, text)
    countries = {a["name"]: a for a in result["actors"] if a["kind"] == "country"}
    assert "Russia" not in countries
    assert mention_texts(result, countries["United States"]["key"]) == ["Washington"]


def test_offsets_from_a_dataframe_work_like_plain_ints(nlp):
    import numpy as np
    text = "“We are ready,” Putin said."
    plain = quote(text, "“We are ready,”", "Putin")
    from_frame = {**plain, "speaker_start": np.int64(plain["speaker_start"]),
                  "speaker_end": np.int64(plain["speaker_end"]),
                  "quote_spans": np.array([[plain["quote_start"], plain["quote_end"]]])}
    assert resolve(nlp, text, [from_frame])["quote_keys"] == resolve(nlp, text, [plain])["quote_keys"] != [None]


def test_lone_capitalised_speaker_and_long_group_phrases(nlp):
    text = ("PENCE: We will win Ohio. "
            "Migrants must stay out, Central European leaders who opposed the quota said.")
    pence = {**quote(text, "We will win Ohio", "PENCE"), "speaker_start": 0, "speaker_end": 5}
    leaders = quote(text, "Migrants must stay out", "Central European leaders who opposed the quota")
    result = resolve(nlp, text, [pence, leaders])
    by_key = {a["key"]: a for a in result["actors"]}
    speaker, group = (by_key[k] for k in result["quote_keys"])
    assert (speaker["name"], speaker["kind"]) == ("PENCE", "person")
    assert (group["name"], group["kind"]) == ("Central European leaders", "anonymous")  # unnamed


def test_pronoun_after_an_unnamed_person_is_not_given_to_a_named_one(nlp):
    text = ("Maria Lopez praised the plan on Monday. Later the woman beside her shook her head. "
            "“It will fail,” she said.")
    result = resolve(nlp, text, [quote(text, "“It will fail,”", "she")])
    assert result["quote_keys"] == [None]


def test_a_name_cut_before_its_particle_is_made_whole(nlp):
    text = "At the plenary, the conference president, Carlos Mendes do Rego, spoke. The text is final, Rego said."
    result = resolve(nlp, text, [quote(text, "The text is final", "Rego")])
    assert result["quote_keys"] == [actor_named(result, "Carlos Mendes do Rego")["key"]]


@pytest.mark.parametrize("speaker", ["Bergen", "many", "the peace"])
def test_places_and_abstract_nouns_do_not_speak(nlp, speaker):
    text = f"Leaders met in Bergen and made the peace. The deal is done, {speaker} said."
    result = resolve(nlp, text, [quote(text, "The deal is done", speaker)])
    assert result["quote_keys"] == [None]


def test_a_title_the_parse_made_the_head_still_gives_the_name_after_it(nlp):
    text = "The deal is off, Foreign Ministry spokeswoman Lin Meihua (林美華) said on Monday."
    result = resolve(nlp, text, [quote(text, "The deal is off", "Foreign Ministry spokeswoman Lin Meihua (林美華")])
    assert result["quote_keys"] == [actor_named(result, "Lin Meihua")["key"]]


def test_the_spokesman_for_a_person_is_not_that_person(nlp):
    text = "Senator Anna Berg left early. The deal is off, the spokesman for Senator Berg said."
    result = resolve(nlp, text, [quote(text, "The deal is off", "the spokesman for Senator Berg")])
    assert result["quote_keys"] != [actor_named(result, "Anna Berg")["key"]]
