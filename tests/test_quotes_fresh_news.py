"""Quote errors a tester found on fresh news (#12, session 7): deeds and quoted titles taken as quotes,
spans cut short or run on, single quotation marks with apostrophes inside, and missed constructions. One
construction per test, on short texts written for these tests."""
from quote_found import attributions, nlp, only, quotes  # noqa: F401  (nlp is a fixture)


# --- deeds and names that are no one's words ---

def test_a_clause_before_a_colon_is_no_content_of_a_deed(nlp):
    text = "The damage remains vast: the army council declared a state of emergency in four provinces."
    assert quotes(nlp, text) == []
    assert only(attributions(nlp, text))["attribution"] == "act"


def test_a_day_of_mourning_with_its_purpose_is_a_deed(nlp):
    assert quotes(nlp, "The regional government declared Friday a day of national mourning to honour the miners.") == []


def test_posting_a_rise_in_profit_is_a_deed_even_with_a_quoted_word(nlp):
    text = "The Ridgeway Air Group posted a 12% rise in annual profit amid “robust and lasting” demand."
    assert quotes(nlp, text) == []
    assert only(attributions(nlp, text))["attribution"] == "act"


def test_a_declaration_with_a_clause_stays_speech(nlp):
    found = only(quotes(nlp, "The minister declared that the strike was over."))
    assert found["quote_text"] == "that the strike was over"


def test_film_titles_of_award_winners_are_no_quote(nlp):
    text = ("Other winners included Mira Holm, who was named best actress for “The Quiet Shore,” and Jon Berg, "
            "who won best actor for “Salt.”")
    assert quotes(nlp, text) == []


def test_a_work_unveiled_under_its_quoted_title_is_no_quote(nlp):
    assert quotes(nlp, "On Tuesday the director unveiled his “Moonfall,” a lavish retelling of the old legend.") == []


def test_a_quoted_nickname_is_no_direct_quote(nlp):
    text = "The detained man, known as \"El Tigre,\" is notorious for selecting targets for the gang."
    assert quotes(nlp, text) == []


def test_a_quoted_name_given_by_the_speaker_stays_a_partial_quote(nlp):
    found = only(quotes(nlp, "The senator called him “Little Marco” at the rally."))
    assert found["quote_type"] in ("mixed", "direct") and "Little Marco" in found["quote_text"]


def test_a_quoted_subheading_is_no_quote(nlp):
    text = "“We will dig again,” the foreman said.\n\n'Coal Is Not the Villain.'\n\nIt was raining that day."
    assert [found["quote_text"] for found in quotes(nlp, text)] == ["“We will dig again,”"]


def test_describing_a_thing_is_no_claim_but_describing_it_as_something_is(nlp):
    assert quotes(nlp, "Officer Dana Reyes described the scene. Glass covered the road.") == []
    found = only(quotes(nlp, "Officer Dana Reyes described the scene as chaotic."))
    assert found["quote_text"] == "the scene as chaotic"


def test_figures_with_no_issuer_are_no_quote(nlp):
    text = "Nine cases have been confirmed in the northern district, according to provisional figures."
    assert quotes(nlp, text) == []


# --- spans ---

def test_not_only_keeps_its_but_half(nlp):
    found = only(quotes(nlp, "Union leader Pat Moyo said the layoffs are not only caused by weak demand, "
                             "but high power prices are making factories uncompetitive."))
    assert found["quote_text"].endswith("making factories uncompetitive")


def test_a_present_clause_after_he_added_and_goes_on_with_the_words(nlp):
    text = ("The carrier's growth was driven by “relentless demand”, he added, and the appetite for travel is "
            "expected to continue into next year.\n\nThe board met later.")
    found = only(quotes(nlp, text))
    assert found["quote_text"].endswith("is expected to continue into next year")
    assert found["speaker_text"] == "he"


def test_a_past_clause_after_he_said_and_is_the_reporters(nlp):
    found = only(quotes(nlp, "The talks were useful, he said, and the crowd cheered."))
    assert "cheered" not in found["quote_text"]


# --- single quotation marks ---

def test_single_marks_with_apostrophes_inside_are_one_direct_quote(nlp):
    text = "'It's been a long season and we've earned this. The boys never gave up,' Tomas Verhoef said."
    found = only(quotes(nlp, text))
    assert found["quote_type"] == "direct" and found["quote_text"].startswith("'It's been a long season")
    assert found["speaker_text"] == "Tomas Verhoef"


def test_a_single_quoted_sentence_with_a_contraction_keeps_its_marks(nlp):
    found = only(quotes(nlp, "The coach spoke after the game.\n\n'We didn't play our best football,' he added."))
    assert found["quote_type"] == "direct" and found["quote_text"] == "'We didn't play our best football,'"


def test_plural_possessives_are_no_quote_marks(nlp):
    assert quotes(nlp, "The fans' chants grew louder as the players' bus arrived.") == []


# --- missed constructions ---

def test_a_participle_with_a_clause_after_a_speech_cue_is_speech(nlp):
    text = "“Our town looks like a ruin,” the volunteer said, estimating that a fifth of the buildings had collapsed."
    found = [(quote["cue"], quote["speaker_text"]) for quote in quotes(nlp, text)]
    assert found == [("said", "the volunteer"), ("estimating", "the volunteer")]


def test_a_results_headline_with_a_sum_is_a_deed(nlp):
    text = "Harbour Air posts $2.1bn in record annual profit as demand holds up\nThe airline said demand held up."
    assert [found["cue"] for found in quotes(nlp, text)] == ["said"]


def test_a_quoted_claim_before_a_colon_stays_the_words(nlp):
    text = "'We want a new leader': students say they are marching for change\n\nThe students marched on Monday."
    found = [quote["quote_text"] for quote in quotes(nlp, text)]
    assert found and found[0].startswith("'We want a new leader'")


def test_a_negated_speech_verb_reports_no_words(nlp):
    text = "While Ottawa has not suggested it will close the border, tensions rose. Officials have not confirmed the figures."
    assert quotes(nlp, text) == []
    assert len(attributions(nlp, text)) == 2  # PolNeAR still counts them


def test_a_negation_inside_the_words_stays_a_quote(nlp):
    found = only(quotes(nlp, "The minister said she would not close the border."))
    assert found["quote_text"] == "she would not close the border"


def test_a_participle_opening_the_sentence_is_no_part_of_the_words(nlp):
    found = only(quotes(nlp, "Speaking in Lima, the minister clarified that the delegation would not include the army chief."))
    assert found["quote_text"] == "that the delegation would not include the army chief"


def test_an_infinitive_of_purpose_reports_no_words(nlp):
    assert quotes(nlp, "The students, to express their anger at the fee rise, also blocked the main road.") == []
    assert quotes(nlp, "The nation observed Unity Day across the country to honour the soldiers.") == []


def test_a_request_infinitive_stays_a_claim(nlp):
    found = only(quotes(nlp, "The envoy urged the rebels to lay down their arms."))
    assert found["quote_text"] == "the rebels to lay down their arms"


def test_requests_listed_after_a_colon_are_the_content(nlp):
    text = ("In a letter on Thursday, the union asked the minister to:\nCall an urgent meeting with employers.\n"
            "Cut the fuel levy for a year.\nThe minister has not replied.")
    found = only(quotes(nlp, text))
    assert found["speaker_text"] == "the union" and found["cue"] == "asked"
    assert found["quote_text"] == "Call an urgent meeting with employers. Cut the fuel levy for a year."


def test_what_someone_called_a_thing_in_quote_marks_is_their_words(nlp):
    # without the marks the name is the reporter's phrase (tests/test_quotes_reported_objects.py)
    text = "The winger's side showed what Arno Duval called “the most modern style in the league.”"
    found = [quote for quote in quotes(nlp, text) if quote["speaker_text"] == "Arno Duval"]
    assert [quote["quote_text"] for quote in found] == ["“the most modern style in the league.”"]


def test_a_question_about_a_name_stays_the_askers(nlp):
    found = only(quotes(nlp, "She asked what he called the plan."))
    assert found["speaker_text"] == "She"


def test_an_infinitive_of_purpose_parsed_as_the_root_reports_no_words(nlp):
    text = ("The protesters, to express their anger with the graft in the country and the need for reform, also "
            "set fire to the town hall.")
    assert quotes(nlp, text) == []
