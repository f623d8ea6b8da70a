"""The actor behind each quote's speaker: the name the quote module resolved, a pronoun, a named
mention at the head of the speaker phrase, a description of someone already in the article, or a new
anonymous source, group, organisation or person named by the phrase."""
from __future__ import annotations

import numbers
from typing import TYPE_CHECKING

from spacy.tokens import Span

from data_prep.actors import kinds, titles
from data_prep.actors.naming import clean_person_name, fold, pronoun_kind
from data_prep.actors.textual import could_be_personal_name, glued_web_name, is_title_reference

if TYPE_CHECKING:
    from data_prep.actors.article import ArticleActor, ArticleActors
    from data_prep.actors.pronouns import PronounResolver


def offset(value) -> int | None:
    """A character offset from a quote dict: any integer (numpy's too), else None."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and value >= 0:
        return int(value)
    return None


class SpeakerResolver:
    def __init__(self, article: ArticleActors, pronouns: PronounResolver):
        self.article = article
        self.pronouns = pronouns

    def speaker_key(self, quote: dict) -> str | None:
        name_start, name_end = offset(quote.get("speaker_name_start")), offset(quote.get("speaker_name_end"))
        start, end = offset(quote.get("speaker_start")), offset(quote.get("speaker_end"))
        speaker_text = quote.get("speaker_text") or ""
        pronoun = quote.get("speaker_is_pronoun") or (start is not None and end is not None
                                                      and pronoun_kind(self.article.text[start:end]))
        if not pronoun and name_start is not None and name_end is not None and name_end > name_start:
            actor = self._actor_for_phrase(name_start, name_end)
            if actor and start is not None and end is not None and pronoun_kind(speaker_text):
                self.article.add_mention(actor, start, end, self._token_at(start))
            return actor.key if actor else None
        if start is None or end is None or end <= start:
            return None
        if pronoun:
            actor = self.pronouns.resolve(self._token_at(start))
            if actor:
                self.article.add_mention(actor, start, end, self._token_at(start))
            return actor.key if actor else None
        actor = self._actor_for_phrase(start, end)
        return actor.key if actor else None

    def _token_at(self, char: int) -> int:
        span = self.article.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _actor_for_phrase(self, start: int, end: int) -> ArticleActor | None:
        """The actor a speaker phrase names: a mention at its head, a linked description, or a new
        anonymous source, group or organisation."""
        span = self.article.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            return None
        root = span.root
        # Only a mention at the head speaks: in "Trump's spokesman" or "the Clinton campaign" Trump and
        # Clinton are not the speaker.
        for mention in sorted(self.article.mentions, key=lambda m: m.end - m.start):
            if mention.start <= root.idx < mention.end:
                return self.article.actors[mention.key]
        if pronoun_kind(span.text):
            return None
        if linked := self.article.link_description(span):
            return linked
        if is_title_reference(span) and span[0].lower_ in ("the", "this", "that"):
            return None  # "the president said" with no president named: unresolved, never "President"
        if root.pos_ == "PROPN" and all(t.text[:1].isupper() or t.is_punct for t in span if t.dep_ != "det"):
            return self._proper_name_speaker(span)
        return self._unnamed_actor(span)

    def _proper_name_speaker(self, span: Span) -> ArticleActor:
        """A capitalised speaker phrase the recogniser missed: an outlet or institution by the gazetteer,
        "the ..." an organisation, otherwise a person when it has at least two words."""
        if web_name := glued_web_name(span):  # "Caliber.Az reported": the outlet, never a person "Az"
            found = kinds.EntityKind("media", web_name, None)
        else:
            found = kinds.entity_kind("ORG", span.text, is_agent=True)
        if found and (found.kind != "organization" or span[0].lower_ == "the"):
            actor = next((a for a in self.article.actors.values() if a.kind == found.kind and fold(a.name) == fold(found.name)),
                         None) or self.article.new_actor(found.name, found.kind, found.affiliation)
            self.article.add_mention(actor, span.start_char, span.end_char, span.root.i)
            return actor
        same_name = next((a for a in self.article.actors.values() if fold(a.name) == fold(span.text)), None)
        if same_name:  # "Politifact" for the PolitiFact recognised elsewhere in the article
            self.article.add_mention(same_name, span.start_char, span.end_char, span.root.i)
            return same_name
        named = self.article.person_name_span(span)
        if named and len(clean_person_name(named[0].text).split()) >= 2:
            actor = self.article.person_for_full_name(clean_person_name(named[0].text))
            self.article.add_person_mention(actor, *named)
            return actor
        if named and not span.root.ent_type_ and could_be_personal_name(named[0]):
            # A lone capitalised word that speaks ("PENCE:", "Trump said") is a person's name.
            name = clean_person_name(named[0].text)
            actor = self.article.surname_owner(named[0], name, named[1]) or self.article.new_actor(name, "person")
            self.article.add_person_mention(actor, *named)
            return actor
        return self._unnamed_actor(span)

    def _unnamed_actor(self, span: Span) -> ArticleActor:
        root = span.root
        lemma = root.lemma_.lower()
        kind = kinds.common_noun_kind(lemma, root.tag_ in ("NNS", "NNPS"), root.pos_ == "PROPN") or "unknown"
        affiliation, possessors = titles.span_affiliation(span)
        if not affiliation:
            for token_index in possessors:
                owner = self.article.actor_of_token(token_index)
                affiliation = owner.affiliation if owner else None
        # "Critics of the program, like Senator X," and "leaders who have been ..." are named by the words
        # before the comma or the relative clause.
        clauses = {inner.i for token in span if token.dep_ in ("relcl", "acl", "appos") for inner in token.subtree}
        kept = [t for t in span if t.i not in clauses]
        cut = next((n for n, t in enumerate(kept) if t.text == ","), len(kept))
        words = "".join(t.text_with_ws for t in kept[:cut]).split()
        if words and words[0].lower() == "the":
            words = words[1:]
        name = " ".join(words) or root.text
        existing = None
        if kind in ("anonymous", "group"):
            existing = next((a for a in self.article.actors.values() if a.kind == kind and a.head_lemma == lemma
                             and (span[0].lower_ == "the" or fold(a.name) == fold(name))), None)
        elif kind in ("organization", "unknown"):
            existing = next((a for a in self.article.actors.values() if a.kind == kind and fold(a.name) == fold(name)), None)
        actor = existing or self.article.new_actor(name, kind, affiliation)
        actor.head_lemma = lemma
        if kind == "anonymous" and not actor.roles:
            actor.roles[lemma] += 1
        self.article.add_mention(actor, span.start_char, span.end_char, root.i)
        return actor
