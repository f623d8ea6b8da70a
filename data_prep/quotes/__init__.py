"""Quote extraction and speaker attribution: who said (or believes, or plans) what in an article.

``extract_quotes(doc)`` reads one parsed article; ``predict_records(records)`` parses and extracts
many, in the PolNeAR prediction format. Modules: ``marks`` (quotation-mark spans), ``lexicon`` (cue
words mined from PolNeAR train), ``speakers`` (source noun phrases), ``reported`` (content clauses),
``pronouns`` (pronoun sources to names), ``extract`` (putting them together).
"""
from data_prep.quotes.extract import extract_quotes
from data_prep.quotes.predict import predict_records

__all__ = ["extract_quotes", "predict_records"]
