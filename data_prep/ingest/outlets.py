"""Which outlet published a page, and which news agency wrote it, from the page alone.

In order: the shipped table of outlets (``outlets.csv``: name, domains, country, type, other names),
the page's own publisher metadata (og:site_name, JSON-LD publisher), a title ending in a table name, a name
the page gives that fits the domain (title suffix, copyright line, masthead sub-domain, "the Taipei Times"
of taipeitimes.com), the domain split into words, and last the bare domain.
Syndication and aggregator pages (type ``aggregator``) are credited to the outlet they name.
The agency is the wire the page credits in a dateline or sign-off ("(Reuters)", "/TASS/", "— AFP").
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

OUTLET_TYPES = ("wire", "public", "state", "private", "aggregator")
# Second-level labels under a country code ("bbc.co.uk", "aa.com.tr"): the name is the label before.
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "gob", "or", "ne", "go", "news", "info"}
# Words that outlet domains are made of, for splitting one that is not in the table ("swedenherald").
_NAME_WORDS = (
    "the news daily times post herald tribune express journal star sun mail telegraph gazette observer "
    "chronicle today world global national international review standard nation guardian independent "
    "mirror press agency media network tv radio online live insider report reporter voice voices week "
    "weekly morning evening sunday monitor courier bulletin record register dispatch examiner inquirer "
    "leader citizen people free new first business finance financial economic money market markets "
    "policy politics political public digital wire info central east west north south eastern western "
    "northern southern asia asian africa african europe european america american arab middle pacific "
    "atlantic gulf latin common dreams conservative liberal progressive truth union metro city capital "
    "focus view point current affairs affair sentinel beacon eagle plus pulse watch update updates "
    "insight first line front page hub desk bureau channel broadcast broadcasting corporation company "
    "group inc tech age era hour minute street wall square bridge gate green climate energy defense "
    "defence security strategic diplomat diplomatic foreign affairs of to all down earth emirates recorder "
    "control profit sport sports"
).split()
_CREDIT_WINDOW = 400  # credits sit in the dateline or the sign-off
# Country names, demonyms and capitals, read as a file (the actors' gazetteer reads the outlets table).
_COUNTRIES_FILE = Path(__file__).parent.parent / "actors" / "countries.csv"


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    country: str | None
    type: str | None
    other_names: tuple[str, ...] = ()


class OutletIdentity(NamedTuple):
    outlet: str | None
    agency: str | None = None


@lru_cache(maxsize=1 << 16)  # the same capitalised runs recur across a corpus's pages
def name_key(name: str) -> str:
    """Case-, accent-, article- and punctuation-free: "The Hürriyet Daily News" meets "hurriyet daily news"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _squash(name: str) -> str:
    return name_key(name).replace(" ", "")


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


@dataclass(frozen=True)
class OutletTable:
    by_domain: dict[str, Outlet]
    by_key: dict[str, Outlet]

    def for_domain(self, domain: str | None) -> Outlet | None:
        """The outlet of a domain or of the nearest parent domain ("edition.cnn.com" -> CNN)."""
        if not domain:
            return None
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            found = self.by_domain.get(".".join(parts[start:]))
            if found is not None:
                return found
        return None

    def named(self, name: str | None) -> Outlet | None:
        return self.by_key.get(name_key(name)) if name else None

    def without(self, outlet: Outlet) -> OutletTable:
        """The table less one outlet: how a page of an outlet the table lacks is named."""
        return OutletTable({key: value for key, value in self.by_domain.items() if value != outlet},
                           {key: value for key, value in self.by_key.items() if value != outlet})

    @property
    def agencies(self) -> list[Outlet]:
        return [outlet for outlet in self.by_domain.values() if outlet.type == "wire"]


@lru_cache(maxsize=1)
def outlet_table() -> OutletTable:
    by_domain: dict[str, Outlet] = {}
    by_key: dict[str, Outlet] = {}
    with resources.files(__package__).joinpath("outlets.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            outlet = Outlet(row["outlet"].strip(), _split(row["domains"].lower()),
                            row["country"].strip() or None, row["type"].strip() or None,
                            _split(row["other_names"]))
            for domain in outlet.domains:
                by_domain.setdefault(domain, outlet)
            for name in (outlet.name, *outlet.other_names):
                by_key.setdefault(name_key(name), outlet)
    return OutletTable(by_domain, by_key)


def domain_of(url: str | None) -> str | None:
    if not isinstance(url, str) or not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if not host or "." not in host:
        return None
    return host.lower().removeprefix("www.").removeprefix("amp.").removeprefix("m.")


def site_label(domain: str) -> str:
    """The name-bearing label of a domain: "hurriyetdailynews" of hurriyetdailynews.com, "dawn" of dawn.com."""
    parts = domain.split(".")[:-1] or domain.split(".")
    if len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts = parts[:-1]
    return parts[-1]


@lru_cache(maxsize=1)
def _word_list() -> frozenset[str]:
    words = set(_NAME_WORDS)
    with _COUNTRIES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for cell in (row["country"], row["demonyms"], row["capitals"]):
                for name in _split(cell):
                    if " " not in name:
                        words.add(_squash(name))
    return frozenset(word for word in words if len(word) > 1)


def _segment(label: str) -> list[str] | None:
    """The label as known words, fewest pieces first ("newsghana" -> news ghana), or None."""
    words = _word_list()
    best: list[list[str] | None] = [[]] + [None] * len(label)
    for end in range(1, len(label) + 1):
        for start in range(max(0, end - 16), end):
            piece = label[start:end]
            if best[start] is not None and piece in words:
                candidate = best[start] + [piece]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[-1]


_CAPITALISED_RUN = re.compile(
    r"\b(?:[A-Z][\w'’.&-]*|[A-Z]{2,})(?:\s+(?:of|the|and|&|de|al|el|[A-Z][\w'’.&-]*)){0,5}")
# Words a masthead ends in: "Shafaq" + "News" is the outlet of shafaq.com.
_MASTHEAD_WORDS = frozenset(
    "news times post herald tribune journal daily gazette chronicle express telegraph mirror observer star "
    "sun standard monitor courier bulletin record register dispatch examiner inquirer leader citizen voice "
    "review weekly today online tv radio network agency press media report reporter sentinel".split())
_SMALL_WORDS = {"of", "the", "and", "&", "de", "al", "el"}


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word not in _SMALL_WORDS)


def _fits_domain(name: str, label: str) -> bool:
    """Whether a name the page gives is this domain's outlet: it spells the label ("Taipei Times"), is the
    label plus a masthead word ("Shafaq News"), most of the label ("Enterprise" of enterpriseam), or its
    initials ("One America News Network" of oann)."""
    words = name_key(name).split()
    squashed, target = "".join(words), label.removeprefix("the")
    if len(squashed) < 3:
        return False
    if squashed == target:
        return True
    if len(words) > 1 and words[-1] in _MASTHEAD_WORDS and "".join(words[:-1]) == target:
        return True
    if len(squashed) >= 5 and target.startswith(squashed) and len(squashed) >= 0.6 * len(target):
        return True
    return len(target) >= 3 and len(words) >= 3 and _initials(words) == target and bool(
        set(words) & _MASTHEAD_WORDS)


def _spelled_in(label: str, texts: list[str]) -> str | None:
    """A capitalised name in the page that is the domain's outlet ("the Taipei Times" of taipeitimes.com)."""
    for text in texts:
        for match in _CAPITALISED_RUN.finditer(text):
            if (found := _fitting_part(match.group(0), label)) is not None:
                return found
    return None


@lru_cache(maxsize=1 << 16)  # names recur across a corpus's pages, and a short page's head and tail overlap
def _fitting_part(run: str, label: str) -> str | None:
    """The longest, then leftmost, run of words in ``run`` that fits the domain's label, or None."""
    words = run.split()
    for begin in range(len(words)):
        for end in range(len(words), begin, -1):
            candidate = " ".join(words[begin:end]).strip(".,'’")
            if _fits_domain(candidate, label):
                return candidate
    return None


_TITLE_SUFFIX = re.compile(r"\s+(?:[|·•»]|[-–—]{1,2})\s+([^|·•»]{2,60}?)\s*$")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bCopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*"
                        r"(?:by\s+)?((?:[A-Z][\w'’.&-]*)(?:\s+(?:of|the|and|&|[A-Z][\w'’.&-]*)){0,5})")


def _title_suffix(title: str | None) -> str | None:
    """The site name a title ends with ("Port reopens | Valley Herald"), if any."""
    match = _TITLE_SUFFIX.search(title or "")
    if not match or len(match.group(1).split()) > 6:
        return None
    return match.group(1).strip()


def _copyright_holder(text: str) -> str | None:
    """The name of a copyright line in the page's last lines ("© 2025 Valley Herald. All rights reserved")."""
    match = _COPYRIGHT.search(text[-600:]) if text else None
    return match.group(1).strip(".,'’ ") if match else None


@lru_cache(maxsize=1 << 12)  # one answer per domain: every page of an outlet the table lacks asks again
def _subdomain_masthead(domain: str) -> str | None:
    """A sub-domain that is a masthead of its own ("japannews" of japannews.yomiuri.co.jp -> Japan News)."""
    parts = domain.split(".")
    for label in parts[:-2]:
        pieces = _segment(label) if label.isalpha() else None
        if pieces and len(pieces) > 1 and (pieces[-1] in _MASTHEAD_WORDS and pieces[0] not in _MASTHEAD_WORDS
                                           or pieces[0] in _MASTHEAD_WORDS and pieces[1] == "of"):
            return " ".join(_word_case(piece, index == 0) for index, piece in enumerate(pieces))
    return None


@lru_cache(maxsize=1 << 12)
def _with_one_unknown(label: str) -> tuple[str, ...] | None:
    """Known words plus at most one unknown piece of 3+ letters at either end ("straits" + "times")."""
    whole = _segment(label)
    if whole is not None:
        return tuple(whole)
    options = []
    for cut in range(3, len(label) - 1):
        head, tail = label[:cut], label[cut:]
        if (rest := _segment(tail)) is not None:
            options.append([head, *rest])
        if len(tail) >= 3 and (rest := _segment(head)) is not None:
            options.append([*rest, tail])
    return tuple(min(options, key=len)) if options else None


def _word_case(piece: str, first: bool) -> str:
    if piece in {"of", "and", "the", "to"} and not first:
        return piece
    return piece.upper() if len(piece) <= 2 or not set(piece) & set("aeiouy") else piece.capitalize()


def _from_domain(domain: str, texts: list[str], title: str | None = None) -> str:
    """An outlet the table lacks: a name the page gives that fits the domain (title suffix, masthead
    sub-domain, the page's words, copyright line), else the domain label as words, else the domain."""
    label = site_label(domain)
    for name in (_title_suffix(title), _copyright_holder(texts[-1] if texts else "")):
        if name and _fits_domain(name, label):
            return name
    named = _subdomain_masthead(domain) or _spelled_in(label, texts)
    if named:
        return named
    if not label.isalpha():
        return domain
    pieces = _with_one_unknown(label) or [label]
    return " ".join(_word_case(piece, index == 0) for index, piece in enumerate(pieces))


@lru_cache(maxsize=1)
def _credit_patterns() -> re.Pattern:
    names = sorted({name for outlet in outlet_table().agencies for name in (outlet.name, *outlet.other_names)},
                   key=len, reverse=True)
    name = "(" + "|".join(re.escape(n) for n in names) + ")"
    forms = [
        rf"\(\s*{name}\s*\)",                        # BEIJING, Nov. 15 (Xinhua) --
        rf"/\s*{name}\s*/",                          # MOSCOW, October 13. /TASS/.
        rf"^\s*[—–-]+\s*{name}\s*$",                 # a sign-off line: — AFP
        rf"[|]\s*{name}\s*[|]",                      # BUSAN, South Korea | Xinhua |
        rf"(?:Source|Sources|Credit|Via|©|\(c\))\s*:?\s*{name}\b",
        rf"^[A-Z][A-Za-z .,()'-]{{0,40}}\s[—–-]+\s*{name}\b",  # KYIV — Reuters
        rf"^\s*{name}\s*$",                          # a line that is the agency alone
    ]
    return re.compile("|".join(f"(?:{form})" for form in forms), re.MULTILINE)


def credited_agency(text: str) -> str | None:
    """The news agency the page credits in its dateline or sign-off, by its table name, or None."""
    if not text:
        return None
    table = outlet_table()
    windows = [text[:_CREDIT_WINDOW], text[-_CREDIT_WINDOW:]] if len(text) > 2 * _CREDIT_WINDOW else [text]
    for window in windows:
        for match in _credit_patterns().finditer(window):
            found = next(group for group in match.groups() if group)
            outlet = table.named(found)
            if outlet is not None:
                return outlet.name
    return None


_SELF_REFERENCE = re.compile(r"\b(?:told|to|said to|speaking to|in an interview with)\s+(?:the\s+)?"
                             r"((?:[A-Z][\w'’.-]*\s?){1,4})")


def _original_outlet(text: str, table: OutletTable) -> str | None:
    """On a syndication page: the agency it credits, else the outlet sources "told" ("told the Global Times")."""
    agency = credited_agency(text)
    if agency:
        return agency
    for match in _SELF_REFERENCE.finditer(text):
        words = match.group(1).split()
        for end in range(len(words), 0, -1):
            outlet = table.named(" ".join(words[:end]))
            if outlet is not None and outlet.type != "aggregator":
                return outlet.name
    for match in _SELF_REFERENCE.finditer(text):  # an outlet the table lacks: a masthead ("the Harbour Times")
        words = match.group(1).split()
        for end in range(len(words), 1, -1):
            if words[end - 1].strip(".,").casefold() in _MASTHEAD_WORDS:
                return " ".join(words[:end]).strip(".,")
    return None


def _usable_site_name(site_name: str | None, domain: str | None) -> str | None:
    """Publisher metadata unless it is a bare domain or a URL (some pages put those there)."""
    name = " ".join((site_name or "").split())
    if not name or len(name) > 80 or "/" in name or re.fullmatch(r"[\w-]+(\.[\w-]+)+", name):
        return None
    if domain and _squash(name) == _squash(domain):
        return None
    return name


def identify_outlet(url: str | None, *, site_name: str | None = None, text: str = "",
                    title: str | None = None, table: OutletTable | None = None) -> OutletIdentity:
    """The publishing outlet and the credited news agency of one page (either may be None)."""
    table = table or outlet_table()
    domain = domain_of(url)
    known = table.for_domain(domain)
    agency = credited_agency(text)
    if known is not None and known.type == "aggregator":
        original = _original_outlet(text, table)
        outlet = original or known.name
    elif known is not None:
        outlet = known.name
    elif (name := _usable_site_name(site_name, domain)) is not None:
        outlet = table.named(name).name if table.named(name) else name
    elif (titled := table.named(_title_suffix(title))) is not None:
        outlet = titled.name
    elif domain:
        outlet = _from_domain(domain, [title or "", text[:2000], text[-600:]], title)
    else:
        outlet = None
    return OutletIdentity(outlet, agency if agency != outlet else None)


def canonical_outlet(given: str | None) -> str | None:
    """An input's own outlet field in the table's spelling ("New York Times", "nytimes.com" -> The New York
    Times), so one outlet is one name across inputs; a name the table lacks is kept as given."""
    if not given:
        return None
    table = outlet_table()
    known = table.named(given) or (table.for_domain(domain_of(given)) if "." in given and " " not in given else None)
    return known.name if known is not None else given
