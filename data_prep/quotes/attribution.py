"""An attribution being assembled: content spans, type, cue and source; and where quote marks are."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from data_prep.quotes.marks import MarkedSpan
from data_prep.quotes.speakers import according_to_source, mention_span, subject_of


@dataclass
class Attribution:
    spans: list[list[int]]
    kind: str
    cue: Token | None
    speaker: Span | None
    chains: set[int] = field(default_factory=set)
    # who first said the words when the source only relays them (speakers.relayed_origin)
    origin: Span | None = None

    @property
    def start(self) -> int:
        return min(span[0] for span in self.spans)

    @property
    def end(self) -> int:
        return max(span[1] for span in self.spans)


class MarkIndex:
    """Which characters lie between quote marks, and which chain each quoted span belongs to."""

    def __init__(self, chains: list[list[MarkedSpan]]):
        self.chains = chains
        placed = sorted((span.start, span.end, index) for index, chain in enumerate(chains) for span in chain)
        self.spans = [(start, end) for start, end, _ in placed]
        self.chain_of = [index for _, _, index in placed]
        self.starts = [start for start, _ in self.spans]

    def covers(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]

    def overlapping(self, start: int, end: int) -> range:
        """Positions (in ``spans``) of the quoted spans overlapping [start, end), found by bisection."""
        first = bisect_right(self.starts, start) - 1
        if first < 0 or self.spans[first][1] <= start:
            first += 1
        return range(first, bisect_left(self.starts, end))


def overlaps(a: list[int] | tuple[int, int], b: list[int] | tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def merge_spans(spans: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def same_paragraph(text: str, start: int, end: int) -> bool:
    return "\n" not in text[min(start, end):max(start, end)]


def source_of(token: Token) -> Span | None:
    """The source mention of a cue: its subject, or X in "according to X"."""
    subject = according_to_source(token) if token.lower_ == "according" else subject_of(token)
    return mention_span(subject, with_appositive=True) if subject is not None else None


def name_part(mention: Span) -> Span:
    """A mention without its apposition: "Ada Voss" of "Ada Voss, a ferry operator"."""
    comma = next((token.i for token in mention if token.text == ","), None)
    return mention if comma is None or comma == mention.start else mention.doc[mention.start:comma]
