"""Quotation-mark spans on text alone (no parsing)."""
from data_prep.quotes.marks import quote_mark_chains, quote_mark_spans


def quoted(text):
    return [text[span.start:span.end] for span in quote_mark_spans(text)]


def test_curly_and_straight_double_quotes():
    text = 'She said “we are ready” and he said "so are we" today.'
    assert quoted(text) == ["“we are ready”", '"so are we"']


def test_guillemets_and_low_high_quotes():
    assert quoted("Er sagte «nein» und „vielleicht morgen“ dazu.") == ["«nein»", "„vielleicht morgen“"]


def test_apostrophes_are_not_quotes():
    assert quoted("The minister's plan isn't the mayors' idea.") == []


def test_single_quotes_inside_double_quotes_stay_nested():
    text = "“He told me ‘not now’ and left,” she said."
    assert quoted(text) == ["“He told me ‘not now’ and left,”"]


def test_top_level_single_quotes_in_a_headline():
    assert quoted("Mayor Says 'We Will Rebuild' After Flood") == ["'We Will Rebuild'"]


def test_same_marks_nested_inside_a_quote():
    text = "“I would sooner sleep in what he calls “the bunker” than at home,” she said."
    assert quoted(text) == ["“I would sooner sleep in what he calls “the bunker” than at home,”"]


def test_quote_running_over_paragraphs_is_one_chain():
    text = "“The first part goes on.\n\n“The second part ends here,” he said.\n\nNext story."
    chains = quote_mark_chains(text)
    assert len(chains) == 1
    assert [text[s.start:s.end] for s in chains[0]] == ["“The first part goes on.",
                                                        "“The second part ends here,”"]
    assert chains[0][0].open_ended and not chains[0][1].open_ended


def test_separate_quotes_in_separate_paragraphs_are_separate_chains():
    text = "“One,” she said.\n\n“Two,” he said."
    assert len(quote_mark_chains(text)) == 2


def test_paragraph_opened_with_a_closing_mark_is_still_a_quote():
    text = "Intro line.\n”We were never asked,” a resident wrote."
    assert quoted(text) == ["”We were never asked,”"]


def test_marks_with_no_words_between_are_not_quotes():
    assert quoted('He said: “') == [] and quoted('“” and ""') == []


def test_two_apostrophes_as_a_double_mark():
    text = "''I have not tried it, but I mean to,'' she said of the bakery's ''rye loaf.''"
    assert quoted(text) == ["''I have not tried it, but I mean to,''", "''rye loaf.''"]


def test_markup_attribute_values_are_not_quotes():
    assert quoted('<tweet author="someone" id="12">We will win this vote.</tweet>') == []
