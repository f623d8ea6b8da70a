"""Named holders after title words and businesses as bodies (issue #12): a name set off after a title's
"of" body is the title's holder; a business noun before a name makes it a company, whatever the
recogniser tagged it; a business noun alone is an unnamed company or the company it described before;
a spokesperson of a company named like a country speaks for the company."""
from actor_credit import credited, nlp, speaker  # noqa: F401 (nlp is a fixture)


def _actors(nlp, text):
    return {(actor["name"], actor["kind"]) for actor in credited(nlp, text)[1]}


def test_name_set_off_after_a_titles_of_body_is_the_speaker(nlp):
    text = "The Governor of the Central Bank, Amara Okonjo, said rates would stay."
    assert speaker(nlp, text, "rates would stay") == ("Amara Okonjo", "person")
    (person,) = [actor for actor in credited(nlp, text)[1] if actor["name"] == "Amara Okonjo"]
    assert (person["role"], person["affiliation"]) == ("governor", "Central Bank")


def test_name_set_off_after_two_of_phrases_is_the_speaker(nlp):
    text = "The Director of the Institute for Fiscal Studies, Lena Marsh, said taxes would rise."
    assert speaker(nlp, text, "taxes would rise") == ("Lena Marsh", "person")


def test_business_noun_before_a_name_tagged_a_person_makes_a_company(nlp):
    text = "The utility Keldara said power would return by night."
    assert speaker(nlp, text, "power would return") == ("Keldara", "organization")
    assert ("Keldara", "person") not in _actors(nlp, text)


def test_business_noun_before_a_name_makes_the_company_the_speaker(nlp):
    assert speaker(nlp, "The grid operator Redline said the outage was over.", "outage was over") \
        == ("Redline", "organization")


def test_business_noun_alone_is_an_unnamed_company_not_a_person(nlp):
    assert speaker(nlp, "The insurer said claims had doubled.", "claims had doubled") == ("insurer", "organization")


def test_business_noun_later_is_the_company_it_described(nlp):
    text = ("The lender Norvik reported higher profits. Its rival Halbrook lost money. "
            "The lender said costs rose.")
    assert speaker(nlp, text, "costs rose") == ("Norvik", "organization")


def test_spokesperson_of_a_company_named_like_a_country_is_the_companys(nlp):
    text = "The carrier Emirates cancelled flights on Monday. An Emirates spokesperson said flights would resume."
    quotes, _ = credited(nlp, text)
    (_, actor), = [(q, a) for q, a in quotes if "flights would resume" in q.text]
    assert (actor["kind"], actor["affiliation"]) == ("anonymous", "Emirates")


def test_spokesperson_named_by_a_country_word_stays_the_countrys(nlp):
    quotes, _ = credited(nlp, "An Emirates spokesperson said flights would resume.")
    (_, actor), = quotes
    assert (actor["kind"], actor["affiliation"]) == ("anonymous", "United Arab Emirates")


def test_name_set_off_after_a_business_noun_is_the_company(nlp):
    text = "The broadcaster, Kanton, said the show was cancelled."
    assert speaker(nlp, text, "show was cancelled") == ("Kanton", "organization")
    assert ("Kanton", "person") not in _actors(nlp, text)


def test_company_set_off_after_a_business_noun_is_the_speaker_not_the_noun(nlp):
    text = "The carmaker, Brandt, said it would cut jobs."
    assert speaker(nlp, text, "cut jobs") == ("Brandt", "organization")
    assert ("carmaker", "organization") not in _actors(nlp, text)
