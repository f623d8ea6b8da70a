"""Source phrases of fresh coverage that named no actor or the wrong one (issue #12): a body described by a
common noun before its name, unnamed members of the public and bodies the nouns table lacked, an update as a
document, the office of a named person, a joint subject the parse split."""
from actor_credit import credited, nlp, speaker  # noqa: F401 (nlp is a fixture)
from data_prep.actors import resolve_article_actors
from data_prep.quotes import extract_quotes


def test_company_described_before_its_name_is_the_company(nlp):
    text = "In a brief statement, aircraft manufacturer Boeing said: \"We are in contact with the airline.\""
    assert speaker(nlp, text, "in contact") == ("Boeing", "organization")


def test_unnamed_members_of_the_public_are_unnamed_sources(nlp):
    assert speaker(nlp, "\"Our town looks like a ruin,\" the volunteer said.", "ruin") == ("volunteer", "anonymous")
    assert speaker(nlp, "According to eyewitnesses, the wave hit the pier first.", "pier")[1] == "anonymous"
    assert speaker(nlp, "\"It came out of nowhere,\" an unnamed surfer said.", "nowhere")[1] == "anonymous"


def test_judiciary_is_a_body(nlp):
    assert speaker(nlp, "The Portuguese judiciary announced that it had opened an inquiry.", "inquiry") \
        == ("Portuguese judiciary", "organization")


def test_an_update_speaks_for_the_body_it_comes_from(nlp):
    text = "An update on Friday from the regional fire service indicates that 12 people have died."
    assert speaker(nlp, text, "12 people") == ("regional fire service", "organization")


def test_office_of_a_named_person_is_that_persons_office(nlp):
    text = "A statement from the office of Mayor Pia Lind said the city was \"in mourning.\""
    assert speaker(nlp, text, "in mourning") == ("Pia Lind's office", "organization")


def test_joint_subject_the_parse_split_at_a_paragraph_start_credits_both(nlp):
    text = ("Peter Hansen, the league's technical director, and Jonas Brandt, a former national team coach, "
            "spoke on Saturday.\n\nGAP CLOSING\n\nHansen and Brandt said South American clubs were quickly "
            "closing the gap in preparation.")
    doc = nlp(text)
    quotes = extract_quotes(doc)
    result = resolve_article_actors(doc, quotes)
    names = {actor["key"]: actor["name"] for actor in result["actors"]}
    (key,), (co_keys,) = result["quote_keys"], result["co_speaker_keys"]
    assert {names[key], *(names[k] for k in co_keys)} == {"Peter Hansen", "Jonas Brandt"}


def test_countries_dropped_from_a_role_take_their_and_with_them(nlp):
    _, actors = credited(nlp, "Jonas Brandt, former Germany and U.S. national team coach, spoke on Saturday.")
    assert [a["role"] for a in actors if a["name"] == "Jonas Brandt"] == ["former national team coach"]


def test_he_after_an_unnamed_subject_is_that_source_not_the_name_in_its_description(nlp):
    text = "The request was approved, an aide to Governor Ann Lee confirmed. He also added that talks had begun."
    assert speaker(nlp, text, "talks had begun") == ("an aide", "anonymous")


def test_the_former_and_the_latter_are_the_pair_just_named(nlp):
    assert speaker(nlp, "Chile and Peru met on Monday. The former said the border would reopen.", "reopen") \
        == ("Chile", "country")
    assert speaker(nlp, "Talks between Chile and Peru stalled. The latter said the border was closed.", "closed") \
        == ("Peru", "country")
    quotes, _ = credited(nlp, "The former said the border would reopen.")
    assert [actor for _, actor in quotes] == [None]
