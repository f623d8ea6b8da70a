#!/usr/bin/env python3
"""Mine the attribution-cue lexicon of data_prep.quotes from the PolNeAR TRAIN split.

For every gold attribution the cue's syntactic head (the cue token whose parent lies outside the cue)
gives a lemma. For each lemma we keep word-level facts only:
  support        gold attributions it heads
  occurrences    times the lemma occurs with the same part of speech in the train texts
  precision      support / occurrences (how often an occurrence is an attribution cue)
  speech_share   share of its attributions that PolNeAR marks as speech
  content_deps   dependency labels of the cue's children that carry the attributed content
  speaker_deps   dependency labels of the cue's children that carry the source
With --frames-out it writes, instead, the prepositional frames of cue words (data_prep/quotes/
cue_frames.json): for a lemma and a preposition among its children ("talk" + "about", "support" +
"for"), or for a verb with a named or personal subject and only an object ("(object)": "Smith defended
the plan"), how often such an occurrence is an attribution whose content is that phrase.
No text of the corpus is stored. Usage:
  python benchmarks/mine_quote_cues.py [--train PATH] [--out data_prep/quotes/cue_lexicon.json]
  python benchmarks/mine_quote_cues.py --docbin PARSED --frames-out data_prep/quotes/cue_frames.json
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from data_prep.nlp import load_pipeline, parse  # noqa: E402

DEFAULT_TRAIN = REPO.parent / "shared" / "eval" / "quotes" / "polnear_train.jsonl"
DEFAULT_OUT = REPO / "data_prep" / "quotes" / "cue_lexicon.json"
CUE_POS = ("VERB", "NOUN", "ADJ")
MIN_SUPPORT = 3
MIN_PRECISION = 0.02
MIN_DEP_SHARE = 0.1


def tokens_in(doc, start: int, end: int):
    return [tok for tok in doc if tok.idx < end and tok.idx + len(tok) > start]


def cue_head(doc, start: int, end: int):
    tokens = [tok for tok in tokens_in(doc, start, end) if tok.pos_ in CUE_POS]
    inside = {tok.i for tok in tokens}
    heads = [tok for tok in tokens if tok.head.i not in inside or tok.head.i == tok.i]
    return (heads or tokens or [None])[0]


def overlap(tok, spans) -> float:
    """Share of the characters of tok's subtree that fall inside the spans."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return inside / max(1, end - start)


def mine(records, docs) -> dict:
    support, speech = Counter(), Counter()
    content_deps, speaker_deps = defaultdict(Counter), defaultdict(Counter)
    occurrences = Counter()
    for record, doc in zip(records, docs):
        for tok in doc:
            if tok.pos_ in CUE_POS:
                occurrences[(tok.lemma_.lower(), tok.pos_)] += 1
        for quote in record["quotes"]:
            if quote.get("cue_start") is None:
                continue
            head = cue_head(doc, quote["cue_start"], quote["cue_end"])
            if head is None:
                continue
            key = (head.lemma_.lower(), head.pos_)
            support[key] += 1
            speech[key] += bool(quote.get("speech_cue"))
            content_spans = quote.get("quote_spans") or [[quote["quote_start"], quote["quote_end"]]]
            speaker_spans = quote.get("speaker_spans") or []
            for child in head.children:
                if overlap(child, content_spans) > 0.5:
                    content_deps[key][child.dep_] += 1
                elif speaker_spans and overlap(child, speaker_spans) > 0.5:
                    speaker_deps[key][child.dep_] += 1
    lexicon = {}
    for (lemma, pos), count in sorted(support.items(), key=lambda item: -item[1]):
        if count < MIN_SUPPORT or not lemma.isalpha():
            continue
        precision = count / max(count, occurrences[(lemma, pos)])
        if precision < MIN_PRECISION:
            continue
        key = (lemma, pos)
        lexicon.setdefault(pos, {})[lemma] = {
            "support": count,
            "occurrences": occurrences[key],
            "precision": round(precision, 3),
            "speech_share": round(speech[key] / count, 3),
            "content_deps": {dep: round(n / count, 3) for dep, n in content_deps[key].most_common()
                             if n / count >= MIN_DEP_SHARE},
            "speaker_deps": {dep: round(n / count, 3) for dep, n in speaker_deps[key].most_common()
                             if n / count >= MIN_DEP_SHARE},
        }
    return lexicon


MIN_FRAME_SUPPORT = 4
MIN_FRAME_PRECISION = 0.2


# The object frame: a verb with a named or personal subject, an object and no clause ("Smith defended
# the plan"), keyed by this name beside the prepositions.
OBJECT_FRAME = "(object)"
PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "i", "we"})


def has_object_frame(tok) -> bool:
    subjects = [child for child in tok.children if child.dep_ == "nsubj"]
    return tok.pos_ == "VERB" and bool(subjects) and (
        subjects[0].ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subjects[0].lower_ in PERSONAL_SUBJECTS) \
        and any(child.dep_ == "dobj" for child in tok.children) \
        and not any(child.dep_ in ("ccomp", "xcomp") for child in tok.children)


def mine_frames(records, docs) -> dict:
    """(lemma, pos, preposition) -> support, occurrences, precision of the frame as a cue."""
    occurrences, support = Counter(), Counter()
    for record, doc in zip(records, docs):
        for tok in doc:
            if tok.pos_ in ("VERB", "NOUN"):
                for child in tok.children:
                    if child.dep_ == "prep" and child.lower_.isalpha():
                        occurrences[(tok.lemma_.lower(), tok.pos_, child.lower_)] += 1
            if has_object_frame(tok):
                occurrences[(tok.lemma_.lower(), tok.pos_, OBJECT_FRAME)] += 1
        for quote in record["quotes"]:
            if quote.get("cue_start") is None:
                continue
            head = cue_head(doc, quote["cue_start"], quote["cue_end"])
            if head is None or head.pos_ not in ("VERB", "NOUN"):
                continue
            spans = quote.get("quote_spans") or [[quote["quote_start"], quote["quote_end"]]]
            for child in head.children:
                if child.dep_ == "prep" and overlap(child, spans) > 0.5:
                    support[(head.lemma_.lower(), head.pos_, child.lower_)] += 1
                    break
            if has_object_frame(head) and any(child.dep_ == "dobj" and overlap(child, spans) > 0.5
                                              for child in head.children):
                support[(head.lemma_.lower(), head.pos_, OBJECT_FRAME)] += 1
    frames: dict = {}
    for (lemma, pos, prep), count in sorted(support.items(), key=lambda item: -item[1]):
        precision = count / max(count, occurrences[(lemma, pos, prep)])
        if count >= MIN_FRAME_SUPPORT and precision >= MIN_FRAME_PRECISION and lemma.isalpha() \
                and (prep == OBJECT_FRAME or prep.isalpha()):
            frames.setdefault(pos, {}).setdefault(lemma, {})[prep] = {
                "support": count, "occurrences": occurrences[(lemma, pos, prep)], "precision": round(precision, 3)}
    return frames


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--docbin", type=Path, help="pre-parsed train texts (spaCy DocBin) to skip parsing")
    parser.add_argument("--frames-out", type=Path, help="write the prepositional frames here instead")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.train.open(encoding="utf-8") if line.strip()]
    nlp = load_pipeline()
    if args.docbin:
        from spacy.tokens import DocBin
        docs = list(DocBin().from_disk(args.docbin).get_docs(nlp.vocab))
    else:
        docs = parse((record["text"] for record in records), nlp=nlp)
    if args.frames_out:
        frames = mine_frames(records, docs)
        meta = {"source": "PolNeAR v1.0.0 train split (Newell, Margolin & Ruths, LREC 2018)",
                "script": "benchmarks/mine_quote_cues.py --frames-out", "pipeline": nlp.meta["name"],
                "min_support": MIN_FRAME_SUPPORT, "min_precision": MIN_FRAME_PRECISION}
        args.frames_out.write_text(json.dumps({"meta": meta, "frames": frames}, indent=1) + "\n", encoding="utf-8")
        print(f"{sum(len(v) for pos in frames.values() for v in pos.values())} frames -> {args.frames_out}")
        return 0
    lexicon = mine(records, docs)
    meta = {"source": "PolNeAR v1.0.0 train split (Newell, Margolin & Ruths, LREC 2018)",
            "script": "benchmarks/mine_quote_cues.py", "pipeline": nlp.meta["name"],
            "min_support": MIN_SUPPORT, "min_precision": MIN_PRECISION}
    args.out.write_text(json.dumps({"meta": meta, "cues": lexicon}, indent=1, sort_keys=False) + "\n",
                        encoding="utf-8")
    print(f"{sum(len(v) for v in lexicon.values())} cue lemmas -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
