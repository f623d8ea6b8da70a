"""Quote extraction, one newsroom construction per test, on short texts written for these tests."""
import pytest

from data_prep.nlp import load_pipeline
from data_prep.quotes import extract_attributions, extract_quotes

KEYS = {"quote_text", "quote_start", "quote_end", "quote_spans", "quote_type", "cue", "cue_start", "cue_end",
        "speaker_text", "speaker_start", "speaker_end", "speaker_is_pronoun", "speaker_name",
        "speaker_name_start", "speaker_name_end", "headline", "attribution"}


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture
def quotes(nlp):
    def extract(text):  # the plain form, as the quotes table gets it
        return [quote.as_dict() for quote in extract_quotes(nlp(text))]
    return extract


@pytest.fixture
def attributions(nlp):
    def extract(text):  # beliefs and acts too, as PolNeAR counts them
        return [quote.as_dict() for quote in extract_attributions(nlp(text))]
    return extract


def spans_text(text, quote):
    return [text[start:end] for start, end in quote["quote_spans"]]


def only(found):
    assert len(found) == 1, found
    return found[0]


def test_record_shape_and_offsets(quotes):
    text = "“We will rebuild the bridge before winter,” Mayor Anna Berg said on Monday."
    quote = only(quotes(text))
    assert set(quote) == KEYS
    assert quote["quote_type"] == "direct"
    assert spans_text(text, quote) == ["“We will rebuild the bridge before winter,”"]
    assert (quote["quote_start"], quote["quote_end"]) == (0, len("“We will rebuild the bridge before winter,”"))
    assert text[quote["cue_start"]:quote["cue_end"]] == quote["cue"] == "said"
    assert text[quote["speaker_start"]:quote["speaker_end"]] == quote["speaker_text"] == "Mayor Anna Berg"
    assert quote["speaker_name"] == "Mayor Anna Berg" and quote["speaker_is_pronoun"] is False


def test_split_quote_around_the_attribution_is_one_quote(quotes):
    text = ("Port director Tom Hale opened the terminal. “The budget is tight,” he said. "
            "“But we will find the money.”")
    quote = only([q for q in quotes(text) if q["quote_type"] == "direct"])
    assert spans_text(text, quote) == ["“The budget is tight,”", "“But we will find the money.”"]
    assert quote["speaker_text"] == "he" and quote["speaker_is_pronoun"]


def test_quote_running_over_paragraphs(quotes):
    text = ("“The first phase of the work starts in March and will take a year.\n\n"
            "“The second phase depends on the budget,” the engineer said.")
    quote = only(quotes(text))
    assert len(quote["quote_spans"]) == 2
    assert quote["quote_end"] == text.index("”") + 1
    assert quote["speaker_text"] == "the engineer"


def test_partial_quotes_make_a_mixed_quote(quotes):
    text = "Anna Berg called the meeting “useful” and “constructive.”"
    quote = only(quotes(text))
    assert quote["quote_type"] == "mixed"
    assert "“useful”" in quote["quote_text"] and "“constructive.”" in quote["quote_text"]
    assert quote["speaker_text"] == "Anna Berg"


def test_colon_introduced_quote(quotes):
    text = "The mayor told reporters: “We have no money left for this project.”"
    quote = only(quotes(text))
    assert quote["quote_type"] == "direct"
    assert spans_text(text, quote) == ["“We have no money left for this project.”"]
    assert quote["speaker_text"] == "The mayor" and quote["cue"] == "told"


def test_guillemets_and_straight_quotes(quotes):
    for text in ('The mayor said: «We will not give in to these demands.»',
                 'The mayor said: "We will not give in to these demands."'):
        quote = only(quotes(text))
        assert quote["quote_type"] == "direct" and quote["speaker_text"] == "The mayor"
        assert quote["quote_text"][0] in '«"'


@pytest.mark.parametrize("cue", ["said", "warned", "reiterated", "cautioned", "added"])
def test_reported_speech_with_that(quotes, cue):
    text = f"Finance minister Anna Berg {cue} on Tuesday that the deficit would shrink next year."
    quote = only(quotes(text))
    assert quote["quote_type"] == "indirect" and quote["cue"] == cue
    assert quote["speaker_text"] == "Finance minister Anna Berg"
    assert "the deficit would shrink next year" in quote["quote_text"]


def test_speaker_after_the_statement(quotes):
    text = "The talks ended without a deal, the minister said."
    quote = only(quotes(text))
    assert quote["quote_text"] == "The talks ended without a deal"
    assert quote["speaker_text"] == "the minister"


def test_according_to(quotes):
    quote = only(quotes("The harbour will close in May, according to two port officials."))
    assert quote["quote_text"] == "The harbour will close in May"
    assert quote["speaker_text"] == "two port officials"


def test_quoted_as_saying(quotes):
    quote = only(quotes("The senator was quoted as saying that the vote would be delayed."))
    assert quote["speaker_text"] == "The senator" and quote["cue"] == "saying"
    assert "the vote would be delayed" in quote["quote_text"]


def test_headline_attribution(quotes):
    quote = only(quotes("Mayor Berg Says City Will Build New Bridge"))
    assert quote["speaker_text"] == "Mayor Berg"
    assert quote["quote_text"] == "City Will Build New Bridge"


def test_plans_and_vows_are_attributions(quotes):
    quote = only(quotes("Paul Meyer vowed to fight the decision in court."))
    assert quote["cue"] == "vowed" and quote["quote_text"] == "to fight the decision in court"


def test_pronoun_source_is_left_to_the_actor_stage(quotes):
    # tests/test_actors_speakers.py checks whom the pronoun stands for
    text = "Anna Berg met the union leaders on Friday. She warned that the strike could spread to other ports."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "She" and quote["speaker_is_pronoun"]
    assert quote["speaker_name"] is None


def test_paragraph_continuing_the_previous_speakers_quote(quotes):
    text = ("Port director Tom Hale spoke at length about the new terminal.\n\n"
            "“It will double our capacity,” he said.\n\n"
            "“And it will bring hundreds of jobs to the city.”")
    found = quotes(text)
    assert [q["speaker_text"] for q in found] == ["he", "he"]
    assert found[1]["quote_text"] == "“And it will bring hundreds of jobs to the city.”"


def test_organisation_and_anonymous_sources(quotes):
    ministry = only(quotes("The ministry said this week that exports had fallen sharply."))
    assert ministry["speaker_text"] == "The ministry"
    officials = only(quotes("The port will reopen next week, two officials told Reuters."))
    assert officials["speaker_text"] == "two officials"
    assert officials["quote_text"] == "The port will reopen next week"


def test_news_agency_told_is_the_recipient_not_the_speaker(quotes):
    quote = only(quotes("Two senior officials told AFP that the deal was close."))
    assert quote["speaker_text"] == "Two senior officials"
    assert "AFP" not in quote["speaker_text"]


def test_quote_without_a_recoverable_speaker_keeps_speaker_null(quotes):
    text = ("“Nobody in this town has seen a storm like this one in fifty years.”\n\n"
            "The river rose two metres overnight.")
    quote = only(quotes(text))
    assert quote["quote_type"] == "direct"
    assert quote["speaker_text"] is None and quote["speaker_name"] is None and quote["cue"] is None


def test_dash_credit_after_a_quote(quotes):
    text = "“This city deserves better than empty promises.” ― Maria Lopez\n“We want jobs.” ― Tom Hale"
    assert [q["speaker_text"] for q in quotes(text)] == ["Maria Lopez", "Tom Hale"]


def test_scare_quotes_alone_are_not_quotes(quotes):
    assert quotes("The so-called “reform” left the harbour empty.") == []


def test_results_sorted_by_position(quotes):
    text = ("The mayor said that the bridge would open in May. The union warned that workers could strike. "
            "“We are ready,” the union leader said.")
    starts = [q["quote_start"] for q in quotes(text)]
    assert len(starts) == 3 and starts == sorted(starts)


def test_belief_with_a_clause_and_a_source_is_an_attribution_not_a_quote(quotes, attributions):
    text = "Most analysts believe that the harbour will reopen next spring."
    quote = only(attributions(text))
    assert quote["cue"] == "believe" and quote["speaker_text"] == "Most analysts"
    assert "the harbour will reopen next spring" in quote["quote_text"]
    assert quote["attribution"] == "belief" and quotes(text) == []


def test_ambiguous_belief_word_without_a_clause_is_not(attributions):
    assert attributions("Most analysts believe the mayor.") == []


def test_belief_nested_in_a_statement_is_part_of_it(quotes):
    quote = only(quotes("The mayor said that she believes the harbour will reopen next spring."))
    assert quote["cue"] == "said" and "she believes the harbour will reopen" in quote["quote_text"]


@pytest.mark.parametrize("sentence, cue", [("The union wants to sign a new contract before the summer.", "wants"),
                                           ("The union plans to sign a new contract before the summer.", "plans")])
def test_wants_and_plans(quotes, attributions, sentence, cue):
    quote = only(attributions(sentence))
    assert quote["cue"] == cue and quote["speaker_text"] == "The union"
    assert quote["quote_text"] == "to sign a new contract before the summer"
    assert quote["attribution"] == "belief" and quotes(sentence) == []


@pytest.mark.parametrize("sentence", ["The council refused to publish the report.",
                                      "The senator declined to delay the budget."])
def test_acts_are_attributions_not_quotes(quotes, attributions, sentence):
    assert only(attributions(sentence))["attribution"] == "act"
    assert quotes(sentence) == []


@pytest.mark.parametrize("sentence", ["The mayor stressed that the harbour will reopen in May.",
                                      "The mayor demanded that the port reopen in May."])
def test_verbs_of_communication_are_speech(quotes, sentence):
    assert only(quotes(sentence))["attribution"] == "speech"


def test_quoted_words_are_speech_whatever_the_cue(quotes):
    quote = only(quotes("The mayor hopes the harbour will be “open to everyone by May.”"))
    assert quote["quote_type"] == "mixed" and quote["attribution"] == "speech"


def test_it_resolves_to_an_organisation(quotes):
    found = quotes("Reuters published the report on Monday. It said that the talks would continue.")
    quote = only([q for q in found if q["cue"] == "said"])
    assert quote["speaker_text"] == "It" and quote["speaker_is_pronoun"]


def test_attribution_set_off_by_commas_inside_the_statement(quotes):
    text = "The bridge, Ms. Varga said, would cut the commute in half."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "Ms. Varga"
    assert spans_text(text, quote)[0] == "The bridge"
    assert "would cut the commute in half" in spans_text(text, quote)[1]


def test_appositive_is_part_of_the_mention_not_of_the_name(quotes):
    quote = only(quotes("Ivo Brandt, the chancellor's trade adviser, told journalists that the visit went well."))
    assert quote["speaker_text"] == "Ivo Brandt, the chancellor's trade adviser"
    assert quote["speaker_name"] == "Ivo Brandt"


def test_quote_with_its_own_cue_after_a_statement_is_kept(quotes):
    text = ("Moreno said the neighbours would seek new tariffs.\n\n"
            "“Let me be plain, our country will never accept this plan,” he said.")
    found = quotes(text)
    assert [q["quote_type"] for q in found] == ["indirect", "direct"]
    assert found[1]["speaker_text"] == "he"


def test_verb_framing_a_quote_beats_a_cue_word_further_away(quotes):
    text = ("After the governor criticized the budget at a town hall, the mayor shot back, "
            "“Maybe I should have brought charts, but I trusted the voters.”")
    quote = only([q for q in quotes(text) if q["quote_type"] == "direct"])
    assert quote["speaker_text"] == "the mayor"


def test_short_exclamation_framed_by_any_verb(quotes):
    text = "“Who is going to pay for it?” the mayor asked.\n\n“The state!” the crowd screamed back."
    assert [(q["quote_text"], q["speaker_text"]) for q in quotes(text)] == [
        ("“Who is going to pay for it?”", "the mayor"), ("“The state!”", "the crowd")]


def test_dash_credit_on_the_line_after_the_quote(quotes):
    text = "“I went to the river board before the flood and warned them.”\n\n- Maria Lopez.\n\nThe hearing ended."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "Maria Lopez"


def test_quoted_programme_title_is_not_a_quote(quotes):
    found = quotes("In an interview with “Harbour Mornings,” the senator said that the plan was dead.")
    assert [q["quote_type"] for q in found] == ["indirect"]
    assert found[0]["speaker_text"] == "the senator"


def test_name_and_colon_before_a_quote(quotes):
    quote = only(quotes("Gardeners agree. Rosa Imhof: “The hardest lesson was to water less often in spring.”"))
    assert quote["speaker_text"] == "Rosa Imhof"


def test_quote_after_a_clause_ending_in_a_colon(quotes):
    quote = only(quotes("The senator gave a curt reply: “Nobody is scrapping this bill. We will pass it.”"))
    assert quote["speaker_text"] == "The senator" and quote["quote_type"] == "direct"


def test_relative_pronoun_source_resolves_to_its_noun(quotes):
    text = "The plan was criticised by Anna Berg, who said that it would cost too much."
    quote = only([q for q in quotes(text) if q["cue"] == "said"])
    assert quote["speaker_text"] == "who" and quote["speaker_is_pronoun"]


def test_statement_saying_is_attributed_to_who_issued_it(quotes):
    quote = only(quotes("Her office issued a statement saying the town could not repair every road."))
    assert quote["speaker_text"] == "Her office" and quote["cue"] == "saying"


def test_claim_noun_with_a_possessor_and_a_that_clause(quotes):
    quote = only(quotes("Anna Berg repeated her claim that thousands of people had cheered."))
    assert quote["cue"] == "claim" and quote["speaker_text"] == "her"
    assert quote["quote_text"] == "that thousands of people had cheered"


def test_a_cue_inside_someone_elses_reported_words_is_not_a_second_quote(quotes):
    text = ("The harbour master warned that nobody could yet predict the outcome of the talks "
            "“because the owners keep changing their minds.”")
    quote = only(quotes(text))
    assert quote["speaker_text"] == "The harbour master" and quote["cue"] == "warned"


def test_long_chain_of_short_quotes_and_cues_completes(quotes):
    """Hostile input (#15): 3 KB of '"a," said "b," said ...' parsed as one chain of nested clauses.
    Extraction used to take seconds here and minutes at 10 KB (benchmarks/quote_hostile_input.py)."""
    text = ('"a," said "b," said ' * 150)[:3000]
    found = quotes(text)
    assert all(0 <= q["quote_start"] < q["quote_end"] <= len(text) for q in found)


def test_letters_outside_quote_marks_are_counted_between_the_marks():
    from data_prep.quotes.direct import _more_letters_outside
    text = 'so "we will stay" and "then go" now'
    first, second = text.index('"we'), text.index('"then')
    marked = [[first, text.index('"', first + 1) + 1], [second, text.index('"', second + 1) + 1]]
    covered = [[0, marked[1][1]]]  # "so" and "and" are outside: 5 letters
    assert _more_letters_outside(text, covered, marked, 4)
    assert not _more_letters_outside(text, covered, marked, 5)
    assert not _more_letters_outside(text, [marked[0]], marked, 0)


def test_reporters_contrast_after_the_statement_is_not_the_speakers(quotes):
    text = "The mayor said the bridge will reopen in May, even as engineers found new cracks in it."
    quote = only(quotes(text))
    assert quote["quote_text"] == "the bridge will reopen in May"


def test_reporters_appraisal_after_a_quote_is_not_the_speakers(quotes):
    text = 'The coach called the match "our hardest test", a clear sign that the team is worried.'
    quote = only(quotes(text))
    assert "sign" not in quote["quote_text"] and "our hardest test" in quote["quote_text"]


def test_threat_reported_inside_the_reporters_clause_is_its_own_quote(quotes):
    text = ("The mayor said the bridge will reopen in May, even as the union renewed threats to "
            "strike and talks this week failed to produce a deal.")
    found = quotes(text)
    threat = only([q for q in found if q["cue"] == "threats"])
    assert threat["speaker_text"] == "the union" and threat["quote_text"] == "to strike"


def test_headline_attribution_repeated_in_the_body_is_one_quote(quotes):
    text = ("Mayor Berg Says Bridge Will Reopen in May\n\n"
            "Mayor Anna Berg said on Monday that the bridge would reopen in May after the repairs.")
    quote = only(quotes(text))
    assert quote["headline"] is False and quote["cue"] == "said"


def test_headline_quote_the_body_does_not_carry_is_kept_and_marked(quotes):
    text = ("Mayor Berg Says Bridge Will Reopen in May\n\n"
            "The repairs began last week. Workers replaced the old cables on Tuesday.")
    quote = only(quotes(text))
    assert quote["headline"] is True and quote["quote_text"] == "Bridge Will Reopen in May"


def test_speakerless_headline_quote_the_body_repeats_is_one_quote(quotes):
    # the headline in Title Case, the body's quoted words in lower case
    text = ("“We Close a Sad Chapter and Look Ahead”\n\n"
            "The mayor of Port Alden told residents that the town would “close a sad chapter and look ahead” "
            "once the dockers returned to work.")
    quote = only(quotes(text))
    assert quote["headline"] is False and quote["speaker_text"] == "The mayor of Port Alden"
    # a body that does not repeat the words leaves the headline quote standing
    text = ("“We Close a Sad Chapter and Look Ahead”\n\n"
            "The dockers returned to work on Friday after a long strike over night shifts.")
    assert only(quotes(text))["headline"] is True


def test_object_pointing_back_at_earlier_words_is_not_a_quote(quotes):
    text = "The minister said the plan was fair. The mayor echoed that sentiment on Tuesday."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "The minister"


def test_citing_another_outlet_is_not_a_quote(quotes):
    text = "The talks were postponed, citing NBC News."
    assert not [q for q in quotes(text) if q["cue"] == "citing"]


def test_question_put_to_the_speaker_is_not_the_speakers_quote(quotes):
    text = "Asked whether he would attend the summit, the minister said he had not decided."
    quote = only(quotes(text))
    assert quote["cue"] == "said" and quote["quote_text"] == "he had not decided"


def test_wrong_way_closing_mark_does_not_swallow_the_attribution(quotes):
    text = "“We hope the worst of the storm is behind us,“ the envoy told reporters at the lunch."
    quote = only(quotes(text))
    assert quote["quote_text"] == "“We hope the worst of the storm is behind us,“"
    assert quote["speaker_text"] == "the envoy"


def test_partial_quote_after_as_is_only_the_quoted_words(quotes):
    text = "The coach described the long season as “a real test of nerves” on Sunday."
    quote = only(quotes(text))
    assert quote["quote_type"] == "direct" and quote["quote_text"] == "“a real test of nerves”"


def test_a_meeting_does_not_plan_or_aim(quotes):
    assert quotes("Their meeting aims to prepare the ground for a wider deal next month.") == []


def test_where_a_message_was_posted_is_not_what_it_said(quotes):
    text = "The consul wrote a message that was posted on X. The ministry posted on its website."
    assert not [q for q in quotes(text) if q["cue"] == "posted"]


def test_agentless_mention_in_a_document_is_not_a_quote(quotes):
    assert quotes("No plan for coal is mentioned in the final text of the summit.") == []


def test_what_is_being_weighed_is_not_said(quotes):
    text = "Delegates fought over whether to mention coal in the final text."
    assert not [q for q in quotes(text) if q["cue"] == "mention"]


def test_trailing_cue_after_a_weak_cue_word_takes_the_clause(quotes):
    text = "Some unions were weighing a strike, the organiser added, while others stayed calm."
    quote = only(quotes(text))
    assert quote["cue"] == "added" and quote["speaker_text"] == "the organiser"
    assert quote["quote_text"] == "Some unions were weighing a strike"


def test_british_spelling_of_a_cue(quotes):
    quote = only(quotes("The agency characterised the talks as constructive."))
    assert quote["cue"] == "characterised" and quote["speaker_text"] == "The agency"
    assert "the talks as constructive" in quote["quote_text"]


def test_describing_something_as_something_is_speech(quotes, attributions):
    quote = only(quotes("She presented the summit as a turning point for the region."))
    assert quote["speaker_text"] == "She" and quote["attribution"] == "speech"
    seeing = "Critics see the new law as a gift to landlords."
    assert only(attributions(seeing))["attribution"] == "belief" and quotes(seeing) == []


def test_concession_holding_a_second_statement_is_its_own_quote(quotes):
    text = "The union calls the plan “a good start,” despite describing it as “too timid.”"
    found = quotes(text)
    calls = next(q for q in found if q["cue"] == "calls")
    assert "too timid" not in calls["quote_text"] and "a good start" in calls["quote_text"]
    describing = next(q for q in found if q["cue"] == "describing")
    assert spans_text(text, describing) == ["“too timid.”"] and describing["quote_type"] == "direct"


def test_absolute_clause_of_another_speaker_is_not_part_of_the_first(quotes, attributions):
    text = "The panel focused on the budget, with Dr. Lund stressing that “cuts must come soon.”"
    assert all("Lund" not in q["quote_text"] for q in attributions(text) if q["cue"] == "focused")
    lund = only(quotes(text))
    assert lund["cue"] == "stressing" and lund["speaker_text"] == "Dr. Lund"


def test_one_sentence_lead_without_a_headline_is_body(quotes):
    text = ("Finance minister Anna Berg announced she will meet the union leaders in Oslo next week.\n\n"
            "Berg confirmed the planned meeting on Friday.")
    announced = next(q for q in quotes(text) if q["cue"] == "announced")
    assert announced["headline"] is False


def test_partial_quote_joined_to_content_does_not_take_in_the_cue(quotes, attributions):
    text = "In a statement, the union calls the plan “a good start.”"
    # the quotes table keeps the quoted name alone (quoted_name_only); PolNeAR's attribution is mixed
    assert spans_text(text, only(quotes(text))) == ["“a good start.”"]
    quote = only(attributions(text))
    assert quote["quote_type"] == "mixed" and any("“a good start.”" in piece for piece in spans_text(text, quote))
    assert not any("calls" in piece for piece in spans_text(text, quote))


def test_headline_credited_by_a_colon(quotes):
    quote = quotes("Mayor Berg: Harbour Tax Is Fair\n\nMayor Tom Berg said the bridge would reopen.")[0]
    assert quote["speaker_text"] == "Mayor Berg" and quote["quote_text"] == "Harbour Tax Is Fair"
    assert quote["headline"] is True and quote["cue"] is None


@pytest.mark.parametrize("headline", ["Analysis: Bridge Will Reopen in May", "Oslo: Leaders Gather for Talks",
                                      "Stealth Over Health: Bridge Will Reopen"])
def test_section_labels_places_and_catchphrases_before_a_colon_are_not_speakers(quotes, headline):
    assert quotes(headline + "\n\nMayor Tom Berg met the council in Oslo on Monday.") == []


def test_interview_transcript_turns(quotes):
    text = ("Partial transcript:\n\nHOST: Will the bridge open in May?\n\n"
            "BERG: Yes, it will open in May, and the city will pay for it.")
    assert [(q["speaker_text"], q["quote_text"]) for q in quotes(text)] == [
        ("HOST", "Will the bridge open in May?"), ("BERG", "Yes, it will open in May, and the city will pay for it.")]


def test_one_upper_case_label_is_not_a_transcript(quotes):
    text = "BERG: Mayor Anna Berg announced the bridge will reopen.\n\nThe council met on Monday."
    assert [q["speaker_text"] for q in quotes(text)] == ["Mayor Anna Berg"]


def test_a_second_predicate_of_the_speaker_is_not_inside_the_demand(quotes):
    text = "The council has demanded he withdraw the plan and urged residents not to attend the rally."
    found = [(q["speaker_text"], q["quote_text"]) for q in quotes(text)]
    assert found == [("The council", "he withdraw the plan"), ("The council", "residents not to attend the rally")]


def test_conjuncts_that_share_the_clause_stay_in_the_content(quotes):
    text = "The mayor said the council would close the bridge and open a ferry."
    assert only(quotes(text))["quote_text"] == "the council would close the bridge and open a ferry"


def test_a_speech_participle_after_the_content_is_the_speakers(quotes):
    text = "The mayor stressed that parks are better than parking lots, calling for more trees in the city."
    found = [(q["speaker_text"], q["quote_text"]) for q in quotes(text)]
    assert found == [("The mayor", "that parks are better than parking lots"),
                     ("The mayor", "for more trees in the city")]


def test_a_medium_relaying_words_is_not_the_speaker(quotes):
    for text in ("The city told residents that it would close the bridge, local papers reported.",
                 "Local papers reported that the city told residents that it would close the bridge."):
        quote = only(quotes(text))
        assert quote["speaker_text"].lower() == "the city" and quote["quote_text"] == "that it would close the bridge"


def test_according_to_relaying_someones_words_leaves_them_the_quote(quotes):
    text = "The mayor told the council that the bridge would reopen in May, according to a city statement."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "The mayor" and quote["quote_text"] == "that the bridge would reopen in May"
    own = only(quotes("The bridge will reopen in May, according to a city statement."))
    assert own["speaker_text"] == "a city statement"  # the statement's own claim stays its own


def test_according_to_credit_is_not_part_of_the_content(quotes):
    text = "The mayor described the festival as a “great success,” according to a city statement."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "The mayor" and "according" not in quote["quote_text"]


def test_participle_after_a_conjunction_shares_the_main_subject(quotes):
    text = "The mayor called the vote “historic” while adding that “nobody expected this.”"
    found = [(q["speaker_text"], q["quote_text"]) for q in quotes(text)]
    assert ("The mayor", "“nobody expected this.”") in found
    # a finite clause after the conjunction has its own subject, passive or not: the report says nothing,
    # and a witness never called to speak said nothing either
    text = "The report means little because the witness was never called to tell the court what he saw."
    assert quotes(text) == []


def test_a_sourceless_infinitive_speech_verb_is_no_quote(quotes):
    assert quotes("The verdict holds since the porter was never sworn in to tell the jury his story.") == []
    # a sourceless passive report of words stays a quote
    quote = only(quotes("It was announced that the ferry would run again in March."))
    assert quote["quote_text"] == "that the ferry would run again in March" and quote["speaker_text"] is None


def test_a_person_reporting_another_keeps_the_quote(quotes):
    quote = only(quotes("The mayor said the council agreed to close the bridge."))
    assert quote["speaker_text"] == "The mayor" and quote["quote_text"] == "the council agreed to close the bridge"


def test_partial_quote_after_as_ends_at_its_closing_mark(quotes):
    text = "The mayor described the festival as “wonderful,” adding that it would return next year."
    first = quotes(text)[0]
    assert first["quote_type"] == "direct" and spans_text(text, first) == ["“wonderful,”"]


@pytest.mark.parametrize("text", [
    "The mayor criticised the plan.", "The mayor credited the volunteers.", "The mayor discussed the budget.",
    "She was responding to a councillor's question.", "The mayor spoke about the bridge.",
    "The union railed against the new law.", "The plan calls for a new bridge over the river.",
    "Earlier mayors avoided stating whether the bridge could close.",
    "The mayor did not say whether the bridge would close.",
    "The rebels released the two engineers on Sunday.",
    "The rebels released the two engineers as part of the truce.",
    "The mayor expressed gratitude to the firefighters."])
def test_reported_speech_without_a_claim_is_no_quote(quotes, text):
    assert quotes(text) == []


def test_criticism_without_a_claim_stays_an_attribution_as_polnear_counts_it(attributions):
    assert only(attributions("The mayor criticised the plan."))["quote_text"] == "the plan"


@pytest.mark.parametrize("text, words", [
    ("The mayor criticised the plan for its cost.", "the plan for its cost"),
    ("The mayor called for a new bridge.", "for a new bridge"),
    ("The mayor warned against travel to the coast.", "against travel to the coast"),
    ("The mayor announced new restrictions on parking.", "new restrictions on parking"),
    ("The council denied any plan to close the school.", "any plan to close the school"),
    ("The mayor called the vote a great victory.", "the vote a great victory"),
    ("The mayor expressed concern over the cost of the bridge.", "concern over the cost of the bridge"),
    ("The mayor expressed hope that the bridge would reopen.", "hope that the bridge would reopen")])
def test_reported_speech_with_a_claim_stays_a_quote(quotes, text, words):
    assert only(quotes(text))["quote_text"] == words


def test_a_manner_phrase_is_not_the_content(quotes):
    assert only(quotes("The mayor said with a smile that the bridge would open."))["quote_text"] == \
        "that the bridge would open"
    assert only(quotes("“We will win,” the mayor said with a smile."))["quote_text"] == "“We will win,”"


def test_a_second_verb_of_the_same_speaker_inside_the_content_is_one_quote(quotes):
    text = 'The mayor vowed to impose new fees on cars and restrict the sale of "luxury goods".'
    quote = only(quotes(text))
    assert quote["speaker_text"] == "The mayor" and quote["quote_text"].startswith("to impose new fees")


def test_a_mined_prepositional_frame_makes_a_weak_cue_an_attribution(attributions, quotes):
    text = "The senator spoke about the budget in Ohio."
    found = only(attributions(text))
    assert found["speaker_text"] == "The senator" and found["quote_text"].startswith("about the budget")
    assert quotes(text) == []  # a topic, not a claim


def test_embedded_tweet_markup_does_not_stop_the_article(nlp):
    from data_prep.quotes import predict_records
    text = ('The senator visited the plant on Monday, a reason for the visit.\n\n'
            '<tweet tweet-id="720271265504698368"><tweet/>.\n\nThe post said the senator was fine.')
    [prediction] = predict_records([{"id": "a", "text": text}], nlp=nlp)
    assert any(quote["quote_text"] == "the senator was fine" for quote in prediction["quotes"])


def test_a_mined_object_frame_makes_a_weak_cue_an_attribution(attributions, quotes):
    text = "Smith defended the new budget on Monday."
    assert only(attributions(text))["quote_text"].startswith("the new budget")
    assert quotes(text) == []  # a judgement of a thing, no claim


def test_a_sentence_case_first_paragraph_ending_on_a_full_stop_is_a_lead_not_a_headline(quotes):
    text = ("OSLO: The mayor urged the council to “finish the bridge this year” as the new session opened in Oslo.\n\n"
            "The mayor said the bridge would cost less than planned.")
    assert [quote["headline"] for quote in quotes(text)] == [False, False]


def test_a_that_clause_the_parser_made_an_object_is_the_content(nlp):
    from data_prep.quotes.lexicon import cue_for
    from data_prep.quotes.reported import content_indices
    doc = nlp("The engineer reaffirmed that closing the bridge was now “nearly certain.”")
    cue = next(token for token in doc if token.lower_ == "reaffirmed")
    that = next(token for token in doc if token.lower_ == "that")
    words = [doc[index].text for index in sorted(content_indices(cue, cue_for(cue)))]
    assert words[0] == "that" and words[-1] == "certain"
    if that.dep_ == "dobj":  # the misparse this guards against; the words are the same either way
        assert "breaching" in words


def test_a_passive_description_by_its_agent_is_a_quote(quotes):
    quote = only(quotes("The new bridge was hailed by the mayor as a victory for the city."))
    assert quote["speaker_text"] == "the mayor" and quote["quote_text"] == "as a victory for the city"


def test_a_claim_of_doing_something_is_the_owners_quote(quotes):
    quote = only(quotes("The mayor repeated his claim of building ten bridges."))
    assert quote["quote_text"] == "building ten bridges" and quote["speaker_text"] == "his"


def test_a_thing_that_threatens_and_an_as_conjunction_give_no_quote(quotes):
    text = ("The guild has turned down a fresh offer from the owners, as a bitter dispute over pay "
            "threatened to shut the mill.")
    assert quotes(text) == []


def test_an_affirmation_the_us_lexicon_lacks_is_a_quote(quotes):
    quote = quotes("The minister affirmed the right of farmers to sell their land.")[0]
    assert quote["speaker_text"] == "The minister" and quote["quote_text"] == "the right of farmers to sell their land"


def test_a_reproach_to_coordinated_people_is_one_quote(quotes):
    # (was "thanked A for X, and B for Y": since session 11 thanks for something are no claim)
    text = "Mayor Anna Berg criticised the firefighters for their delay, and the volunteers for their absence."
    quote = only(quotes(text))
    assert quote["quote_text"] == "the firefighters for their delay, and the volunteers for their absence"


def test_a_second_coordinated_speech_cue_is_a_second_quote(quotes):
    text = "The envoy said the talks were useful and stressed that no deal had been reached."
    found = [(q["speaker_text"], q["cue"], q["quote_text"]) for q in quotes(text)]
    assert found == [("The envoy", "said", "the talks were useful"),
                     ("The envoy", "stressed", "that no deal had been reached")]
    # coordinated predicates of the content's subject stay in the content
    quote = only(quotes("The envoy said the rebels attacked the town and burned the market."))
    assert quote["quote_text"] == "the rebels attacked the town and burned the market"


@pytest.mark.parametrize("text, speaker, words", [
    ("The talks have stalled, the radio reported, citing an unnamed official.", "an unnamed official",
     "The talks have stalled"),
    ("Citing two diplomats, the agency reported that the talks had stalled.", "two diplomats",
     "that the talks had stalled"),
    ("The paper quoted a senior official as saying the talks had stalled.", "a senior official",
     "the talks had stalled"),
    ("The talks had stalled, a senior official was quoted by the paper as saying.", "a senior official",
     "The talks had stalled")])
def test_a_report_passing_on_its_sources_words_leaves_them_the_quote(quotes, text, speaker, words):
    quote = only(quotes(text))
    assert (quote["speaker_text"], quote["quote_text"]) == (speaker, words)


def test_polnear_attributions_keep_the_report_as_source(attributions):
    found = attributions("The talks have stalled, the radio reported, citing an unnamed official.")
    assert any(q["speaker_text"] == "the radio" and q["quote_text"] == "The talks have stalled" for q in found)


def test_a_report_citing_its_sources_of_someones_words_leaves_them_the_quote(quotes):
    text = "The city told residents that the bridge would close, the broadcaster reported, citing two aides."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "The city" and quote["quote_text"] == "that the bridge would close"


@pytest.mark.parametrize("text, speaker", [
    ("The gathering called for an immediate ceasefire in the region.", ""),
    ("Only time will tell whether the bridge can be saved.", None),
    ("Mayor Berg's remarks suggested that the bridge would close.", "Mayor Berg"),
    ("The summit's final declaration said the region needed peace.", "The summit's final declaration")])
def test_a_source_that_cannot_speak_gives_way_to_its_agent_or_none(quotes, text, speaker):
    found = quotes(text)
    if speaker is None:
        assert found == []
    else:
        assert (only(found)["speaker_text"] or "") == speaker


def test_a_named_object_of_a_stance_verb_is_an_attribution_not_a_quote(quotes, attributions):
    text = "Governor Lena Park endorsed Smith last week."
    assert [(q["speaker_text"], q["quote_text"]) for q in attributions(text)] == [("Governor Lena Park", "Smith")]
    assert quotes(text) == []
    # "called Smith" is a phone call, not a one-word statement
    assert attributions("Governor Lena Park called Smith.") == []


def test_a_finding_framed_by_its_poll_is_an_attribution_of_the_poll(quotes, attributions):
    text = "In a new city poll, 40 percent of residents backed the bridge plan."
    found = only(attributions(text))
    assert found["speaker_text"] == "a new city poll"
    assert found["quote_text"] == "40 percent of residents backed the bridge plan"
    assert quotes(text) == []
    # a cue inside the sentence owns its words
    said = only(attributions("In a new survey, analysts said the economy had slowed."))
    assert said["cue"] == "said" and said["speaker_text"] == "analysts"


def test_a_quoted_name_for_an_object_is_the_quote(quotes, attributions):
    text = "Mayor Anna Berg called the new harbour agreement “historic.”"
    quote = only(quotes(text))
    assert quote["quote_type"] == "direct" and spans_text(text, quote) == ["“historic.”"]
    # PolNeAR keeps the object with the quoted predicate
    assert "harbour agreement" in only(attributions(text))["quote_text"]
    # words of the reporter after the quoted name keep the whole (mixed)
    text = "The mayor called the festival “a great success” for the town."
    assert only(quotes(text))["quote_type"] == "mixed"


def test_a_main_verb_the_parser_hung_on_the_name_keeps_its_subject(quotes):
    text = "Berg, who became mayor in May, called on the council to lift the parking ban."
    quote = only(quotes(text))
    assert quote["speaker_text"] == "Berg" and quote["quote_text"].startswith("on the council")


def test_a_passive_cue_does_not_take_the_sentence_before(attributions):
    text = "The talks went well. The islands are claimed by the republic."
    assert all("talks went well" not in q["quote_text"] for q in attributions(text))


def test_what_the_object_is_called_with_as_is_content(quotes):
    text = "Mayor Anna Berg acknowledged the harbour master as “a true friend of the town” at the ceremony."
    quote = only(quotes(text))
    assert quote["quote_type"] == "direct" and spans_text(text, quote) == ["“a true friend of the town”"]
