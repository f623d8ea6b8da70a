"""Description linking: a job title standing for a person ("the ambassador", "the Kremlin leader",
"The PM") goes to the one person already named in the article who holds that job, or to nobody."""
from __future__ import annotations

from spacy.tokens import Span

from data_prep.actors import kinds, titles
from data_prep.actors.bodies import STATE_BODY_HEADS
from data_prep.actors.book import ArticleActor, MentionBook
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.naming import fold, normalise_role
from data_prep.actors.textual import FIELD_WORDS, is_title_reference
from data_prep.labels import SUBJECT_DEPS

DEFINITE_WORDS = ("the", "this", "that")
# Nouns for anyone holding a post of a body: "the UN official" can be its rights chief.
GENERIC_OFFICIAL_NOUNS = frozenset({"official"})
# Top jobs that a definite title can give to the one person an article names without saying their job
# ("the enraged leader"); not "head" or "chief", which are also words for other things ("her head").
LONE_HOLDER_ROLES = kinds.LEADER_ROLES - {"head", "chief", "head of state"}
# Words naming the body a spokesperson speaks for: its portfolio and its kind ("foreign", "ministry").
BODY_WORDS = FIELD_WORDS | {"foreign", "defence", "defense", "interior", "military", "army", "navy", "police",
                            "ministry", "department", "office", "embassy", "consulate", "government", "presidency",
                            "cabinet", "party", "commission", "council", "kremlin", "white", "house", "state"}
MAX_TITLE_WORDS = 8
# Words for a movement or armed group that a description uses for the one named before it ("the terror group").
# Words for an army: "the army", "the military", "the armed forces" name one body.
MILITARY_WORDS = {"army", "military", "forces"}
# Words for a news outlet that point back to the one named before ("the newspaper said").
OUTLET_WORDS = {"newspaper", "paper", "daily", "broadcaster", "outlet", "channel", "tabloid", "network"}
MOVEMENT_WORDS = {"group", "movement", "militia", "faction", "organisation", "organization"}
# How far apart an unnamed and a named spokesperson of one body may be and still be one briefing: ministries
# rotate spokespeople, so a name several paragraphs away is often someone else on another day.
MAX_SPOKESPERSON_SENTENCES = 3
# The day names that tell two briefings apart ("On Monday ... On Friday, spokesperson NAME"): another day,
# maybe another spokesperson. Month names and dates are left out: between the two mentions they mostly date
# what was said about (a remark of 7 November), not the briefing.
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def link_descriptions(book: MentionBook) -> None:
    for chunk in book.doc.noun_chunks:
        link_description(book, chunk)


def link_description(book: MentionBook, chunk: Span) -> ArticleActor | None:
    """The holder of the definite job title ``chunk``, recorded as a mention of them; else None."""
    root = chunk.root
    if chunk[0].lower_ == "the" and root.tag_ == "NN" and not book.is_quoted(chunk.start_char, chunk.end_char) \
            and (is_title_reference(chunk) or kinds.common_noun_kind(root.lemma_, False, False) == "anonymous") \
            and (named := apposed_person(book, chunk)):
        book.add_mention(named, chunk.start_char, chunk.end_char, root.i)
        return named  # "The lawyer for the driver, Paul Verne, said": the name set off after the title
    if (official := named_official_of_body(book, chunk)) is not None:
        book.add_mention(official, chunk.start_char, chunk.end_char, root.i)
        return official
    if not is_title_reference(chunk):
        return None
    if any(t.ent_type_ == "PERSON" for t in chunk) or book.is_quoted(chunk.start_char, chunk.end_char):
        return None
    if root.i + 1 < len(book.doc) and book.doc[root.i + 1].ent_type_ == "PERSON":
        return None  # a title in front of a name, handled with the name
    definite = chunk[0].lower_ in DEFINITE_WORDS or any(t.dep_ == "poss" for t in chunk)
    spokesperson = root.lemma_.lower() in kinds.SPOKESPERSON_ROLES and root.tag_ == "NN"
    if not definite and not spokesperson:
        return None
    affiliation, _ = titles.span_affiliation(chunk)
    if affiliation is None:  # "the Korean envoy": a nationality the gazetteer cannot place is still someone's
        affiliation = next((e.text for e in chunk.ents if e.label_ in ("NORP", "GPE")), None)
    role = normalise_role(" ".join(t.lower_ for t in chunk if (t.pos_ in ("NOUN", "ADJ") or t.i == root.i)
                                   and not t.ent_type_ and t.lower_ not in ("former",)))
    target = title_holder(book, chunk.start_char, affiliation, role or root.lower_) if definite else None
    if target is None and definite:
        target = named_later_holder(book, chunk.start_char, affiliation, role or root.lower_)
    if target is None and spokesperson:
        target = named_spokesperson(book, chunk, affiliation)
    if target:
        book.add_mention(target, chunk.start_char, chunk.end_char, root.i)
    return target


def apposed_person(book: MentionBook, chunk: Span) -> ArticleActor | None:
    """"The spokesman for the club, John Smithers, told reporters": the person named, set off by commas,
    right after the title and its phrase; the name belongs to the title, whose phrase the commas close."""
    doc = book.doc
    root = chunk.root
    # the first comma after the title ("for the driver" before it): the parser may hang the name on "driver"
    comma = next((i for i in range(root.i + 1, min(root.right_edge.i + 2, len(doc))) if doc[i].text == ","), len(doc))
    if comma + 1 >= len(doc) or doc[comma].text != "," or doc[comma + 1].ent_type_ != "PERSON":
        return None
    end = comma + 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and (end == comma + 1 or doc[end].ent_iob_ == "I"):
        end += 1
    if end >= len(doc) or not (doc[end].text == "," or doc[end].pos_ in ("VERB", "AUX")):
        return None
    actor = book.actor_of_token(comma + 1)
    return actor if actor is not None and actor.kind == "person" else None


def named_official_of_body(book: MentionBook, chunk: Span) -> ArticleActor | None:
    """"The UN human rights chief, NAME, said ... The UN official added": "the BODY official" after the one
    person of that body the article has named, when no unnamed official came before (then "the US official"
    is that one, "a US official" said ... "the US official added")."""
    root = chunk.root
    if chunk[0].lower_ != "the" or root.tag_ != "NN" or root.lemma_.lower() not in GENERIC_OFFICIAL_NOUNS \
            or book.is_quoted(chunk.start_char, chunk.end_char):
        return None
    country, _ = titles.span_affiliation(chunk)
    bodies = {e.text for e in chunk.ents if e.label_ in ("ORG", "GPE", "NORP")} | ({country} if country else set())
    if not bodies:
        return None
    earlier = [book.actors[m.key] for m in book.mentions if m.start < chunk.start_char]
    if any(actor.kind == "anonymous" and actor.head_lemma in GENERIC_OFFICIAL_NOUNS for actor in earlier):
        return None
    holders = {actor.key: actor for actor in earlier if actor.kind == "person" and bodies & set(actor.affiliations)}
    return next(iter(holders.values())) if len(holders) == 1 else None


def named_later_holder(book: MentionBook, before: int, affiliation: str | None, role: str) -> ArticleActor | None:
    """"The Lyon prosecutor said ... Anne Morel, the prosecutor, said": a definite title no one named
    before holds goes to the one person the article names after it with that very job (and no other
    country or body); none or several: nobody."""
    earlier = {m.key for m in book.mentions if m.start < before}
    holders = [a for a in book.people() if any(_same_job(role, r) for r in a.roles)
               and (not affiliation or not a.affiliations or affiliation in a.affiliations)]
    if len(holders) != 1 or holders[0].key in earlier:
        return None
    return holders[0]


def named_spokesperson(book: MentionBook, phrase: Span, affiliation: str | None) -> ArticleActor | None:
    """"a foreign ministry spokesperson said", "A spokesperson of the Ruritanian Interior Ministry": the one
    spokesperson of that body the article names, before or after; none or several named: nobody. A body's
    spokesperson speaks for it, so the article naming one ("Foreign Ministry spokesperson NAME") resolves
    the unnamed one; the gold of real coverage credits the named person."""
    whole = book.doc[phrase.root.left_edge.i: phrase.root.right_edge.i + 1]  # with "for Senator Berg"
    wanted = _body_words(whole)
    inside = {m.key for m in book.mentions if whole.start_char <= m.start < whole.end_char}
    principal = any(book.actors[key].kind == "person" for key in inside)  # "A spokesperson for NAME said"
    if not wanted and not affiliation and not principal:
        return None  # "Through a spokesman, he declined": whose spokesman, the words do not say
    found = []
    for actor in book.people():
        if actor.key in inside:
            continue  # "the spokesman for Senator Berg" is not Berg
        if not any(kinds.role_head(role) in kinds.SPOKESPERSON_ROLES for role in actor.roles):
            continue
        if affiliation and actor.affiliation and actor.affiliation != affiliation:
            continue
        held = set().union(*(_body_words(title) for title in _titles_of(book, actor)))
        if wanted and held and not (wanted <= held or held <= wanted):
            continue  # a defence ministry spokesperson is not the foreign ministry's
        if not wanted and not affiliation and not all(_plain_spokesperson_title(t) for t in _titles_of(book, actor)):
            continue  # "a spokesperson for NAME": not an "opposition spokesman" named nearby
        found.append(actor)
    if len(found) != 1:
        return None
    return found[0] if _same_briefing(book, phrase, found[0]) else None


# Words a title of a person's own spokesperson may hold besides the job ("presidential spokesman").
PLAIN_SPOKESPERSON_WORDS = frozenset({"the", "a", "an", "chief", "senior", "deputy", "personal", "official",
                                      "presidential"})


def _plain_spokesperson_title(title: Span) -> bool:
    return all(t.lower_ in PLAIN_SPOKESPERSON_WORDS or t.lower_ in kinds.SPOKESPERSON_ROLES or t.is_punct
               or t.dep_ == "poss" or t.dep_ == "case" for t in title)


def _same_briefing(book: MentionBook, phrase: Span, actor: ArticleActor) -> bool:
    """Whether the named spokesperson ``actor`` is close to the unnamed ``phrase`` (same or adjacent
    paragraph, a few sentences apart, or anywhere for a headline's), unless the two sentences name different days ("On Monday a
    spokesperson said ... On Friday, spokesperson NAME said": maybe two people)."""
    doc, text = book.doc, book.text
    if any(quote.headline and quote.speaker and quote.speaker[0] <= phrase.start_char < quote.speaker[1]
           for quote in book.quotes):
        return True  # a headline's spokesperson is the one of the article's briefing, however far down named
    sentences = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sentences)}
    here = index[phrase.sent.start]

    def paragraph(char: int) -> int:
        return sum(1 for line in text[:char].split("\n")[:-1] if line.strip())

    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in book.mentions if m.key == actor.key]
    near = [index[s.sent.start] for s in spans if s is not None and abs(index[s.sent.start] - here) <= MAX_SPOKESPERSON_SENTENCES
            and abs(paragraph(s.start_char) - paragraph(phrase.start_char)) <= 1]
    if not near:
        return False
    there = min(near, key=lambda n: abs(n - here))
    unnamed_days, named_days = _weekdays(sentences[here]), _weekdays(sentences[there])
    return not (unnamed_days and named_days and not unnamed_days & named_days)


def _weekdays(sentence: Span) -> set[str]:
    """The day names of a sentence's dates ({"friday"} of "On Friday, ...")."""
    return {t.lower_ for t in sentence if t.ent_type_ == "DATE" and t.lower_ in WEEKDAYS}


def _body_words(span: Span) -> set[str]:
    """The words naming a body in a title: {"foreign", "ministry"} of "Chinese Foreign Ministry spokesperson"."""
    return {t.lower_ for t in span if t.lower_ in BODY_WORDS}


def _titles_of(book: MentionBook, actor: ArticleActor) -> list[Span]:
    """The title words right before each mention of a person ("Foreign Ministry Spokesperson" of "Foreign
    Ministry Spokesperson Mao Ning") and an apposition after it (", a ministry spokesperson,")."""
    doc = book.doc
    found = []
    for span in _mention_spans(book, actor):
        start = span.start
        while start > span.sent.start and start > span.start - MAX_TITLE_WORDS \
                and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ", "PART") and not doc[start - 1].ent_type_ == "PERSON":
            start -= 1
        found.append(doc[start: span.start])
        if span.end < len(doc) and doc[span.end].text == ",":
            end = span.end + 1
            while end < span.sent.end and end < span.end + MAX_TITLE_WORDS and not doc[end].is_punct:
                end += 1
            found.append(doc[span.end + 1: end])
    return found


def title_phrase_holder(book: MentionBook, span: Span) -> ArticleActor | None:
    """"US President", "the Environment Minister" (a title the recogniser took for a name): its holder."""
    affiliation, _ = titles.span_affiliation(span)
    role = normalise_role(" ".join(t.lower_ for t in span if not gazetteer().affiliation(t.text)
                                   and t.lower_ not in ("the", "'s", "’s")))
    return title_holder(book, span.start_char, affiliation, role)


def headline_title_holder(book: MentionBook, span: Span) -> ArticleActor | None:
    """A headline's title-only speaker ("Brazilian leader calls out ...", "... - EU climate chief"): the
    holder the article names with that title anywhere in its body, or nobody."""
    affiliation, _ = titles.span_affiliation(span)
    body = next((e.text for e in span.ents if e.label_ in ("ORG", "NORP")), None)  # "EU climate chief"
    role = normalise_role(" ".join(t.lower_ for t in span if not gazetteer().affiliation(t.text) and not t.ent_type_
                                   and t.lower_ not in ("the", "'s", "’s") and not t.is_punct))
    return title_holder(book, len(book.text), affiliation or body, role) if role else None


def title_holder(book: MentionBook, before: int, affiliation: str | None, role: str) -> ArticleActor | None:
    """The one person named before ``before`` whose job fits ``role`` (and ``affiliation``), else None."""
    seen = {m.key for m in book.mentions if m.start < before}
    people = [a for a in book.people() if a.key in seen]
    compatible = [a for a in people if all(kinds.roles_compatible(role, r) for r in a.roles)]
    if affiliation:
        # "The US president" where the article never says whose president anyone is, "Russia's top diplomat"
        # where no one of Russia holds that job: the one person holding that very job with no country given
        same_job = [a for a in compatible if not a.affiliations and any(_same_job(role, r) for r in a.roles)
                    and not _meets_that_country(book, a, affiliation)]
        if not any(affiliation in a.affiliations for a in people):
            if not same_job and _lone_unplaced_person(people, role) and not _meets_that_country(book, people[0], affiliation, places_of_it=True):
                return people[0]  # "NAME said ... The Ukrainian leader urged ...": the one person named, job unsaid
            return same_job[0] if len(same_job) == 1 else None
        compatible = [a for a in compatible if affiliation in a.affiliations]
        with_role = [a for a in compatible if any(kinds.role_head(role) == kinds.role_head(r)
                                                  or kinds.roles_compatible(role, r) for r in a.roles)]
        if len(with_role) == 1:
            return with_role[0]
        if len(compatible) == 1:
            return compatible[0]
        return same_job[0] if not compatible and len(same_job) == 1 else None
    if _lone_unplaced_person(people, role):
        return people[0]  # "the enraged leader" in an article naming one person, whose job it never gives
    with_role = [a for a in compatible if a.roles]
    same_job = [a for a in with_role if any(kinds.role_head(r) == kinds.role_head(role) for r in a.roles)]
    if len(with_role) > 1 and len(same_job) == 1:
        return same_job[0]  # "the PM" among a president and a prime minister
    return with_role[0] if len(with_role) == 1 else None


def _lone_unplaced_person(people: list[ArticleActor], role: str) -> bool:
    """Whether ``people`` is one person whose job and country the article never gives, and ``role`` a top job."""
    return len(people) == 1 and not people[0].roles and not people[0].affiliations \
        and kinds.role_head(role) in LONE_HOLDER_ROLES


def _mention_spans(book: MentionBook, actor: ArticleActor) -> list[Span]:
    spans = (book.doc.char_span(m.start, m.end, alignment_mode="expand") for m in book.mentions if m.key == actor.key)
    return [span for span in spans if span is not None]


def _meets_that_country(book: MentionBook, actor: ArticleActor, country: str, places_of_it: bool = False) -> bool:
    """Whether a sentence naming ``actor`` also names ``country`` (not its capital: "NAME said Moscow
    welcomed it" is no meeting) or a counterpart ("Foreign Minister NAME
    flew to Moscow to meet her Russian counterpart", "Ambassador NAME met the Japanese envoy"): then she is
    the other party, and "Russia's top diplomat" someone else the article does not name. With
    ``places_of_it`` a capital or a place of the country counts too, unless it is the subject of what is said
    ("NAME flew to Moscow": "the Russian president" may be the host; "NAME said Turkey would host the talks"
    is no visit)."""
    places = gazetteer()
    for span in _mention_spans(book, actor):
        sentence = span.sent
        if any(t.lemma_.lower() == "counterpart" for t in sentence):
            return True
        for entity in sentence.ents:
            if entity.label_ not in ("GPE", "NORP", "LOC") or span.start <= entity.start < span.end or _titles_a_name(entity):
                continue
            if places_of_it and places.affiliation(entity.text) == country and entity.root.dep_ not in SUBJECT_DEPS:
                return True
            if not places_of_it and (places.country(entity.text) or entity.text) == country:
                return True
    return False


def _titles_a_name(entity: Span) -> bool:
    """Whether a country word is part of a named person's title ("Russian President NAME"), so says whose
    that person is, not whom ``actor`` went to see."""
    doc = entity.doc
    end = entity.end
    while end < len(doc) and end < entity.end + MAX_TITLE_WORDS and doc[end].pos_ in ("NOUN", "PROPN", "ADJ") \
            and doc[end].ent_type_ != "PERSON":
        end += 1
    return (end < len(doc) and doc[end].ent_type_ == "PERSON") or entity.root.head.ent_type_ == "PERSON"


def _same_job(reference: str, held: str) -> bool:
    """The very job: the same head word, "top diplomat" for a foreign minister, "envoy" for an ambassador,
    "premier" for a prime minister, "leader" for any top job ("the Syrian leader" for an interim president)."""
    head, held_head = kinds.role_head(reference), kinds.role_head(held)
    return head == held_head or {head, held_head} == kinds.ENVOY_ROLES or kinds.one_job(head, held_head) \
        or (head == "diplomat" and kinds.roles_compatible(reference, held)) \
        or (head == "leader" and held_head in kinds.LEADER_ROLES)


def named_body(book: MentionBook, span: Span) -> ArticleActor | None:
    """"the alliance" -> the Alliance of Small Island States, "the ministry" -> the Foreign Ministry: a
    definite common noun for a body goes to the one organisation named before it with that word."""
    root = span.root
    if span[0].lower_ in DEFINITE_WORDS and root.lemma_.lower() == "bloc" and len(span) <= 3:
        seen: dict[str, int] = {}
        for m in book.mentions:
            if m.start < span.start_char:
                seen[m.key] = max(seen.get(m.key, 0), m.start)
        blocs = [a for a in book.actors.values() if a.key in seen and fold(a.name) in kinds.BLOCS]
        return max(blocs, key=lambda a: seen[a.key]) if blocs else None  # the nearest union named before
    if span[0].lower_ in DEFINITE_WORDS and root.tag_ == "NN" and not root.ent_type_ and len(span) <= 3 \
            and root.lemma_.lower() in OUTLET_WORDS:
        return _nearest_before(book, span, {"media"})  # "Reuters reported ... the agency said": that outlet
    if span[0].lower_ not in DEFINITE_WORDS or root.tag_ != "NN" or root.ent_type_ \
            or kinds.common_noun_kind(root.lemma_, False, False) != "organization" or len(span) > 3:
        return None
    seen = {m.key for m in book.mentions if m.start < span.start_char}
    word = fold(root.lemma_)
    if word in MILITARY_WORDS:  # "the army" after "the Israeli military": one body, two words for it
        bodies = [a for a in book.actors.values() if a.key in seen and a.kind == "organization"
                  and set(fold(a.name).split()) & MILITARY_WORDS]
        return bodies[0] if len(bodies) == 1 else None
    if word in kinds.business_nouns() and (company := _described_company(book, span, word)) is not None:
        return company  # "the grid operator NAME ... the operator said": the company that noun described
    bodies = [a for a in book.actors.values() if a.key in seen and a.kind == "organization"
              and a.name[:1].isupper() and word in fold(a.name).split()]
    if len(bodies) == 1:
        return bodies[0]
    if not bodies and word in kinds.business_nouns():
        # "Acme Bank reported profits. The lender said": the one company the article named before,
        # a company by its name; none or several, the unnamed body
        companies = [a for a in book.actors.values() if a.key in seen and a.kind == "organization"
                     and kinds.is_company_name(a.name)]
        return companies[0] if len(companies) == 1 else None
    if not bodies and word in MOVEMENT_WORDS:
        return _nearest_movement(book, span)
    return None


def _described_company(book: MentionBook, span: Span, word: str) -> ArticleActor | None:
    """The one organisation named before ``span`` right after the business noun ``word`` ("the lender
    NAME", "Carmaker NAME"); none or several: None."""
    doc = book.doc
    found = set()
    for mention in book.mentions:
        if mention.end > span.start_char or book.actors[mention.key].kind != "organization":
            continue
        named = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        before = doc[named.start - 1] if named is not None and named.start > 0 else None
        if before is not None and word in (before.lower_, fold(before.lemma_)):
            found.add(mention.key)
    return book.actors[found.pop()] if len(found) == 1 else None


def _nearest_before(book: MentionBook, span: Span, kinds_wanted: set[str]) -> ArticleActor | None:
    """The actor of one of ``kinds_wanted`` mentioned last before ``span`` (outside quotation marks)."""
    before = [m for m in book.mentions if m.end <= span.start_char and book.actors[m.key].kind in kinds_wanted
              and not book.is_quoted(m.start, m.end)]
    return book.actors[max(before, key=lambda m: m.start).key] if before else None


def _nearest_movement(book: MentionBook, span: Span) -> ArticleActor | None:
    """"Hamas leader NAME announced that the terror group ...", "the militant group said": the nearest
    named organisation before it in its sentence or the one before that is no state's body (a ministry or
    a seat of power is not "the group")."""
    sentence = span[0].sent
    doc = book.doc
    window = doc[sentence.start - 1].sent.start_char if sentence.start else sentence.start_char
    before = sorted((m for m in book.mentions if window <= m.start and m.end <= span.start_char
                     and book.actors[m.key].kind == "organization"), key=lambda m: m.start)
    for mention in reversed(before):
        actor = book.actors[mention.key]
        if not actor.name[:1].isupper() or gazetteer().seat_of_power(actor.name) \
                or actor.name.split()[-1].lower() in STATE_BODY_HEADS:
            continue
        return actor
    return None
