"""The one pronoun resolver (data_prep.actors.pronouns.PronounResolver) asked directly: the owner of a
possessive "his"/"her" in front of a body, and the document an "It said" takes up."""
import pytest

from actor_credit import nlp  # noqa: F401 (a fixture)
from data_prep.actors.article import collect_article_mentions
from data_prep.quote_record import QuoteRecord
from data_prep.quotes import extract_quotes


def resolver(nlp, text):
    doc = nlp(text)
    records = [QuoteRecord.of(quote) for quote in extract_quotes(doc)]
    _, _, pronouns = collect_article_mentions(doc, records)
    return doc, pronouns


def token_index(doc, word, occurrence=0):
    return [token.i for token in doc if token.text == word][occurrence]


@pytest.mark.parametrize("text, possessive, owner", [
    # the one woman named, inside the words her office reports
    ("Minister Ana Berg ordered the strikes, her office said.", "her", "Ana Berg"),
    # named inside the words another person is reported to have said, where a "she" never looks
    ("Mr. Tom Ray said Minister Ana Berg had resigned. Her office said she was at work.", "Her", "Ana Berg"),
    # named in the sentence before, after someone the text gives the other pronoun
    ("Mr. Tom Ray met Minister Ana Berg on Monday. Her office said the talks went well.", "Her", "Ana Berg"),
    ("Ms. Ana Berg met Minister Tom Ray on Monday. His office said the talks went well.", "His", "Tom Ray"),
])
def test_possessive_owner_is_the_one_person_of_that_pronoun_named_just_before(nlp, text, possessive, owner):
    doc, pronouns = resolver(nlp, text)
    found = pronouns.possessive_owner(token_index(doc, possessive))
    assert found is not None and found.name == owner


def test_possessive_owner_is_nobody_named_only_inside_quotation_marks(nlp):
    doc, pronouns = resolver(nlp, "“Ana Berg ordered the strikes,” her office said.")
    assert pronouns.possessive_owner(token_index(doc, "her")) is None


def test_it_after_a_statement_takes_up_the_statement(nlp):
    doc, pronouns = resolver(nlp, "The ministry issued a statement on Monday. It said the port would reopen.")
    document = pronouns.document_antecedent(token_index(doc, "It"))
    assert document is not None and document.text == "statement"
    assert pronouns.document_antecedent(token_index(doc, "ministry")) is None  # no pronoun: nothing to take up
