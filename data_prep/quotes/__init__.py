"""Quote extraction and speaker attribution: who said (or believes, or plans) what in an article.

``extract_quotes(doc)`` gives one parsed article's quotes (speech), ``extract_attributions(doc)`` also
its beliefs and acts (``kinds``); ``predict_records(records)`` parses and extracts many, in the PolNeAR
prediction format. Modules: ``marks`` (quotation-mark spans), ``lexicon`` (cue
words mined from PolNeAR train), ``speakers`` (source noun phrases), ``reported`` (content clauses
of cue verbs), ``direct`` (quoted passages to their cues, split and continued quotes),
``attribution`` (the record being assembled), ``labelled`` (colon credits: "Name: claim" headlines,
transcript turns), ``kinds`` (speech, belief or act), ``extract`` (the order of it all), ``predict`` (many
articles at once, pronoun sources named by the actor stage's resolver).
"""
from data_prep.quotes.extract import extract_attributions, extract_quotes
from data_prep.quotes.predict import predict_records

__all__ = ["extract_attributions", "extract_quotes", "predict_records"]
