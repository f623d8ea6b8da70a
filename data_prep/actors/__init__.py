"""Actors: one canonical actor per real speaker or mentioned entity.

``resolve_article_actors(doc, quotes)`` works on one parsed article (its result is JSON and is cached
between builds); ``merge_corpus_actors(per_article, aliases_file)`` joins the articles' actors into one
table for the dataset, applying the user's ``aliases.csv``; a build streaming a large corpus uses its two
halves, ``actor_index`` (clustering, from the actors alone) and ``ActorIndex.resolve`` (one article's
mentions and quotes). docs/actors.md explains the rules.

The modules form layers; each imports only modules of lower layers or of its own layer listed before it:

1. facts and words: ``gazetteer``; ``naming``, ``organisation_names``, ``kinds``, ``affiliation_facts``,
   ``bodies``, ``documents``
2. the words around a name: ``textual``, ``entity_repairs`` (spans the recogniser got wrong), ``titles``
3. the mention book of one article: ``book``
4. article stages over the book: ``descriptions``, ``entities``, ``pronouns`` (the one pronoun resolver),
   ``phrase_actors`` (unnamed sources and bodies a speaker phrase makes), ``continuations``
5. the speaker resolver: ``speakers``
6. one article, stage by stage: ``article``

and, for the corpus, on layer 1 only: ``aliases``, ``affiliations`` (each merged actor's side), ``corpus``.
"""
from data_prep.actors.article import resolve_article_actors
from data_prep.actors.corpus import ActorIndex, CorpusActors, actor_index, merge_corpus_actors

__all__ = ["ActorIndex", "CorpusActors", "actor_index", "merge_corpus_actors", "resolve_article_actors"]
