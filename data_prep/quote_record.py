"""The quote record between stages: what the quote stage found, as the actor stage reads it.

The quote stage writes plain dicts (they are cached as JSON); ``QuoteRecord.of`` reads one once, checking
every offset, so later stages use typed fields instead of reading the dict defensively.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass


def offset(value) -> int | None:
    """A character offset: any non-negative integer (numpy's too), else None."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and value >= 0:
        return int(value)
    return None


def _span(start, end) -> tuple[int, int] | None:
    start, end = offset(start), offset(end)
    return (start, end) if start is not None and end is not None and end > start else None


@dataclass(frozen=True)
class QuoteRecord:
    text: str
    spans: tuple[tuple[int, int], ...]  # the quoted pieces, in order; empty when the offsets are unusable
    quote_type: str | None
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None  # the source phrase as written ("he", "the ministry")
    speaker_text: str
    speaker_is_pronoun: bool
    speaker_name: tuple[int, int] | None  # the name the quote stage found for a non-pronoun source

    @classmethod
    def of(cls, quote: dict) -> QuoteRecord:
        raw_spans = quote.get("quote_spans")
        pieces = [tuple(piece) for piece in raw_spans] if raw_spans is not None and len(raw_spans) else \
            [(quote.get("quote_start"), quote.get("quote_end"))]
        spans = tuple(span for piece in pieces if len(piece) == 2 and (span := _span(*piece)))
        return cls(text=quote.get("quote_text") or "", spans=spans, quote_type=quote.get("quote_type"),
                   cue=_span(quote.get("cue_start"), quote.get("cue_end")),
                   speaker=_span(quote.get("speaker_start"), quote.get("speaker_end")),
                   speaker_text=quote.get("speaker_text") or "",
                   speaker_is_pronoun=bool(quote.get("speaker_is_pronoun")),
                   speaker_name=_span(quote.get("speaker_name_start"), quote.get("speaker_name_end")))
