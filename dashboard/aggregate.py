"""Counts and shares the charts and tables show, computed in pandas before anything is plotted."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from data_prep import schema

DAY, WEEK, MONTH = "day", "week", "month"


@dataclass(frozen=True)
class Counts:
    quotes: int
    articles: int
    speakers: int
    outlets: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None

    @property
    def span(self) -> str:
        if self.first is None or self.last is None:
            return "no dates"
        if self.first == self.last:
            return f"{self.first:%Y-%m-%d}"
        return f"{self.first:%Y-%m-%d} to {self.last:%Y-%m-%d}"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def counts(quotes: pd.DataFrame) -> Counts:
    dates = quotes["published"].dropna()
    return Counts(quotes=len(quotes), articles=quotes["article_row"].nunique(),
                  speakers=quotes["speaker"].nunique(), outlets=quotes["outlet"].nunique(),
                  first=dates.min() if len(dates) else None, last=dates.max() if len(dates) else None)


def period_for(dates: pd.Series) -> str:
    """Days for a few weeks of news, weeks up to about a year, months beyond."""
    dates = dates.dropna()
    if dates.empty:
        return DAY
    days = (dates.max() - dates.min()).days
    return DAY if days <= 45 else WEEK if days <= 400 else MONTH


@dataclass(frozen=True)
class TimelinePlan:
    """How to show counts over time: the period, whether a chart says anything, and a sentence for the reader."""
    period: str
    chart: bool
    note: str


def timeline_plan(dates: pd.Series, noun: str = "quotes") -> TimelinePlan:
    """No chart for undated items or a single day (one bar says nothing); a note on short spans."""
    dates = dates.dropna()
    period = period_for(dates)
    if dates.empty:
        return TimelinePlan(period, False, f"None of these {noun} has a publication date, so there is no timeline.")
    days = dates.dt.normalize().nunique()
    if days == 1:
        which = (f"The only {noun[:-1]} is from" if len(dates) == 1
                 else f"All {len(dates):,} {noun} are from one day,")
        return TimelinePlan(period, False, f"{which} {dates.min():%Y-%m-%d}, so there is no timeline: "
                                           "it needs at least two dates.")
    first, last = dates.min(), dates.max()
    starts = to_period(dates, period)
    every = len(pd.date_range(starts.min(), starts.max(), freq=_FREQUENCIES[period]))
    return TimelinePlan(period, True, f"{len(dates):,} {noun} from {first:%Y-%m-%d} to {last:%Y-%m-%d}, in "
                                      f"{starts.nunique():,} of the {every:,} {period}s of that span.")


def period_for_range(first: pd.Timestamp | None, last: pd.Timestamp | None) -> str:
    if first is None or last is None:
        return DAY
    return period_for(pd.Series([first, last]))


def by_frequency(values: pd.Series) -> list[str]:
    """Distinct values, most frequent first."""
    counts = values.value_counts()
    return [str(name) for name, count in counts.items() if count > 0]


def names_matching(names: list[str], needle: str = "", limit: int = 1000, keep: tuple[str, ...] = ()) -> list[str]:
    """Up to ``limit`` of ``names`` (in their order) containing ``needle``, plus ``keep`` in front.

    Choice lists stay short enough to send on every rerun even with tens of thousands of speakers.
    """
    needle = needle.strip().casefold()
    known = set(names)
    kept = [name for name in dict.fromkeys(keep) if name in known]
    result = list(kept)
    for name in names:
        if len(result) >= max(limit, len(kept)):
            break
        if (not needle or needle in name.casefold()) and name not in kept:
            result.append(name)
    return result


def to_period(dates: pd.Series, period: str) -> pd.Series:
    """Start of the day/week/month of each date (numpy flooring: fast on millions of rows)."""
    values = dates.to_numpy(dtype="datetime64[ns]")
    if period == MONTH:
        floored = values.astype("datetime64[M]")
    elif period == WEEK:
        days = values.astype("datetime64[D]")
        # 1970-01-01 was a Thursday: shift so weeks start on Monday.
        floored = days - ((days.astype("int64") + 3) % 7).astype("timedelta64[D]")
    else:
        floored = values.astype("datetime64[D]")
    return pd.Series(floored.astype("datetime64[ns]"), index=dates.index, name="period")


def over_time(frame: pd.DataFrame, period: str, by: str | None = None, value: str = "quotes") -> pd.DataFrame:
    """Rows per period (and per ``by``), with columns period, [by], ``value``."""
    dated = frame[frame["published"].notna()]
    keys = [to_period(dated["published"], period)]
    if by:
        keys.append(dated[by])
    grouped = dated.groupby(keys, observed=True).size().rename(value).reset_index()
    grouped = grouped[grouped[value] > 0].reset_index(drop=True)
    grouped["period_label"] = period_label(grouped["period"], period)
    return grouped


_FREQUENCIES = {DAY: "D", WEEK: "W-MON", MONTH: "MS"}
_LABEL_FORMATS = {DAY: "%Y-%m-%d", WEEK: "%Y-%m-%d", MONTH: "%Y-%m"}


def period_label(starts: pd.Series, period: str) -> pd.Series:
    return starts.dt.strftime(_LABEL_FORMATS[period])


def all_period_labels(starts: pd.Series, period: str) -> list[str]:
    """Every period from the first to the last, so empty ones show as gaps on the axis."""
    if starts.empty:
        return []
    every = pd.date_range(starts.min(), starts.max(), freq=_FREQUENCIES[period])
    return period_label(pd.Series(every), period).tolist()


CREDIT_COLUMNS = ("actor_id", "speaker", "affiliation", "kind", "role")


def speaker_credits(quotes: pd.DataFrame, joint: pd.DataFrame | None) -> pd.DataFrame:
    """The quotes plus one row per further speaker of a joint quote in them ("Witkoff and Kushner said"
    counts for both), with that speaker's actor columns: what counts per speaker, affiliation or kind use.
    ``joint`` is ``Views.joint``; rows keep the quote's row number as index."""
    if joint is None or joint.empty:
        return quotes
    extra = joint[joint["quote_row"].isin(quotes.index)]
    if extra.empty:
        return quotes
    added = quotes.loc[extra["quote_row"].to_numpy()].copy()
    combined = {}
    for column in CREDIT_COLUMNS:
        if column not in quotes.columns:
            continue
        values = extra[column].astype(str).to_numpy()
        original = quotes[column]
        if isinstance(original.dtype, pd.CategoricalDtype):
            categories = original.cat.categories.union(pd.Index(pd.unique(values)))
            combined[column] = (original.cat.set_categories(categories),
                                pd.Categorical(values, categories=categories))
        else:
            combined[column] = (original, values)
    base = quotes.copy() if combined else quotes
    for column, (original, values) in combined.items():
        base[column] = original
        added[column] = values
    return pd.concat([base, added])


def quotes_credited_to(quotes: pd.DataFrame, joint: pd.DataFrame | None, speaker: str) -> pd.DataFrame:
    """The speaker's quotes, joint quotes they share included (their rows keep the first speaker's columns)."""
    own = quotes[quotes["speaker"] == speaker]
    if joint is None or joint.empty:
        return own
    shared = joint.loc[(joint["speaker"] == speaker).to_numpy() & joint["quote_row"].isin(quotes.index).to_numpy(),
                       "quote_row"]
    return pd.concat([own, quotes.loc[shared.to_numpy()]]) if len(shared) else own


def top_speakers(quotes: pd.DataFrame, limit: int = 15) -> pd.DataFrame:
    """The most quoted speakers: quotes, distinct articles and (first) affiliation of each."""
    codes = quotes["speaker"].cat.codes.to_numpy().astype("int64")
    names = quotes["speaker"].cat.categories
    known = codes >= 0
    codes, articles = codes[known], quotes["article_row"].to_numpy()[known]
    counts = np.bincount(codes, minlength=len(names))
    width = int(articles.max(initial=0)) + 2
    pairs = np.sort(codes * width + articles + 1)  # sorting beats np.unique's hashing here
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
    per_article = np.bincount(pairs // width, minlength=len(names))
    top = [code for code in np.lexsort((-per_article, -counts))[:limit] if counts[code] > 0]
    first_affiliation = (quotes.loc[quotes["speaker"].isin(names[top]), ["speaker", "affiliation"]]
                         .drop_duplicates("speaker").set_index("speaker")["affiliation"])
    return pd.DataFrame({
        "speaker": [str(names[code]) for code in top],
        "quotes": counts[top].astype("int64"),
        "articles": per_article[top].astype("int64"),
        "affiliation": [str(first_affiliation.get(names[code], "")) for code in top],
    })


def share_of_voice(quotes: pd.DataFrame, by: str, limit: int = 12) -> pd.DataFrame:
    """Quotes per group and their share of all quotes; groups past ``limit`` are summed as "other". Pass
    ``speaker_credits(...)`` to credit each speaker of a joint quote (shares are then of speaker credits)."""
    tally = quotes[by].value_counts()
    tally = tally[tally > 0]
    tally.index = tally.index.astype(str)
    if len(tally) > limit:
        tally = pd.concat([tally.head(limit - 1), pd.Series({"(other)": tally.iloc[limit - 1:].sum()})])
    frame = tally.rename("quotes").rename_axis(by).reset_index()
    total = frame["quotes"].sum()
    frame["share"] = frame["quotes"] / total if total else 0.0
    return frame


def label_counts(stances: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per group, one column per stance label (counts), plus n and net = (favor - against) / n."""
    table = (stances.groupby([*by, "label"], observed=True).size().unstack("label", fill_value=0)
             .reindex(columns=list(schema.STANCE_LABELS), fill_value=0))
    table.columns = [str(c) for c in table.columns]
    table["n"] = table[list(schema.STANCE_LABELS)].sum(axis=1)
    table = table[table["n"] > 0]
    table["net"] = (table["favor"] - table["against"]) / table["n"]
    return table.reset_index()


def stance_matrix(stances: pd.DataFrame, speakers: int = 20, targets: int = 15) -> pd.DataFrame:
    """Speaker x target cells for the most labelled speakers and targets."""
    top_speakers_ = stances["speaker"].value_counts().head(speakers).index
    top_targets = stances["target"].value_counts().head(targets).index
    subset = stances[stances["speaker"].isin(top_speakers_) & stances["target"].isin(top_targets)]
    table = label_counts(subset, ["speaker", "target"])
    table["speaker"] = table["speaker"].astype(str)
    table["target"] = table["target"].astype(str)
    return table


DIVERGING_ORDER = ("against", "neutral", "favor")


def diverging(stances: pd.DataFrame, target: str, limit: int = 20) -> pd.DataFrame:
    """Per speaker, bar segments for one target: against left of zero, favor right, neutral centred.

    Columns: speaker, label, count, share, start, end (share units). "unclear" labels are left out
    of the bars and reported per speaker in the ``unclear`` column.
    """
    subset = stances[stances["target"] == target]
    table = label_counts(subset, ["speaker"])
    if table.empty:
        return pd.DataFrame(columns=["speaker", "label", "count", "share", "start", "end", "unclear", "n"])
    table = table.sort_values("n", ascending=False).head(limit)
    rows = []
    for record in table.to_dict("records"):
        clear = sum(record[label] for label in DIVERGING_ORDER)
        if clear == 0:
            continue
        shares = {label: record[label] / clear for label in DIVERGING_ORDER}
        position = -shares["against"] - shares["neutral"] / 2
        for label in DIVERGING_ORDER:
            rows.append({"speaker": str(record["speaker"]), "label": label, "count": int(record[label]),
                         "share": shares[label], "start": position, "end": position + shares[label],
                         "unclear": int(record["unclear"]), "n": int(record["n"]), "net": record["net"]})
            position += shares[label]
    return pd.DataFrame(rows)


def stance_summary(stances: pd.DataFrame) -> pd.Series:
    """Per quote (its row in the quote view), its labels as text: "favor harbour (0.91); against tax (0.60)"."""
    if stances.empty:
        return pd.Series(dtype="object")
    marks = np.where(stances["corrected"].to_numpy(), " corrected", "")
    text = (stances["label"].astype(str) + " " + stances["target"].astype(str) + " ("
            + stances["confidence"].map("{:.2f}".format) + marks + ")")
    text = pd.Series(text.to_numpy(), index=stances["quote_row"].to_numpy())
    # Most quotes carry one label: join only the few that carry several (a Python call per group).
    repeated = text.index.duplicated(keep=False)
    joined = text[repeated].groupby(level=0, sort=False).agg("; ".join)
    return pd.concat([text[~repeated], joined])


def co_quoted(quotes: pd.DataFrame, speaker: str, limit: int = 15) -> pd.DataFrame:
    """Other speakers quoted in the same articles as ``speaker``: shared articles and their quotes there."""
    articles = quotes.loc[quotes["speaker"] == speaker, "article_row"].unique()
    others = quotes[quotes["article_row"].isin(articles) & (quotes["speaker"] != speaker)]
    tally = others.groupby("speaker", observed=True).agg(
        shared_articles=("article_row", "nunique"), quotes=("article_row", "size"))
    tally = tally.sort_values(["shared_articles", "quotes"], ascending=False).head(limit).reset_index()
    tally["speaker"] = tally["speaker"].astype(str)
    return tally


def alongside_sentence(partners: pd.DataFrame) -> str:
    """``co_quoted`` rows as one line: "Ana Lopez (2 quotes), Tom Berg (1 quote)"."""
    return ", ".join(f"{speaker} ({plural(int(quotes), 'quote')})"
                     for speaker, quotes in zip(partners["speaker"], partners["quotes"]))


def ingest_summary(statuses: pd.Series) -> str:
    """"80 inputs: 40 built, 40 duplicate, 0 failed": every status in the schema's order, failures always shown."""
    tally = statuses.astype(str).value_counts()
    parts = [f"{int(tally.get(status, 0)):,} {status}" for status in schema.INGEST_STATUSES
             if tally.get(status, 0) or status == "failed"]
    parts += [f"{count:,} {status}" for status, count in tally.items() if status not in schema.INGEST_STATUSES]
    return f"{plural(len(statuses), 'input')}: {', '.join(parts)}."


def article_list(articles: pd.DataFrame, quotes: pd.DataFrame, quotes_filtered: bool,
                 limit: int | None = None) -> pd.DataFrame:
    """Articles (rows of the views' ``articles``, kept in their order) with their number of (filtered) quotes.

    With quote filters in play only articles holding a matching quote are listed. ``quotes`` carries
    ``article_row``, each quote's row in the full articles table, so counting is one bincount.
    """
    rows = quotes["article_row"].to_numpy()
    per_article = np.bincount(rows[rows >= 0], minlength=int(articles.index.to_numpy().max(initial=-1)) + 1)
    listed = articles.assign(quotes=per_article[articles.index.to_numpy()] if len(articles) else 0)
    if quotes_filtered:
        listed = listed[listed["quotes"] > 0]
    if limit is not None:
        listed = listed.head(limit)
    return pd.DataFrame({
        "date": listed["published"].dt.strftime("%Y-%m-%d").fillna(""),
        "outlet": listed["outlet"].astype(str),
        "title": listed["title"].fillna("(untitled)"),
        "quotes": listed["quotes"].astype("int64"),
        "words": listed["n_words"] if "n_words" in listed else 0,
        "article_id": listed["article_id"],
    }).reset_index(drop=True)
