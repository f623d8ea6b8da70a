"""Personal names and titles: cleaning a mention down to the name, splitting it into parts, and telling
whether two spellings can be the same person."""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from data_prep.actors.gazetteer import gazetteer

# Words that precede a name as a title; they are a role, never part of the name.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev",
              "reverend", "mx", "sheikh",
              # honorifics of West African, Fijian, South Asian and Gulf news ("Alhaji NAME", "Ratu NAME",
              # "Shri NAME", "Sheikha NAME"): a courtesy before the name, never a name of its own
              "alhaji", "alhaja", "hajiya", "engr", "ratu", "shri", "smt", "sheikha"}
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "chancellor", "premier", "king", "queen", "prince", "princess",
    "emperor", "pope", "senator", "sen", "sens", "representative", "rep", "reps", "congressman",
    "congresswoman", "governor", "gov", "mayor", "secretary", "general", "gen", "lt", "col", "colonel",
    "major", "maj", "captain", "capt", "admiral", "adm", "sergeant", "sgt", "judge", "justice", "ambassador",
    "speaker", "chairman", "chairwoman", "chair", "director", "commissioner", "leader", "deputy", "foreign",
    "defense", "defence", "interior", "finance", "state", "attorney", "envoy", "special", "spokesman",
    "spokeswoman", "spokesperson", "adviser", "advisor", "ceo", "chief", "former", "acting", "late",
    "presidential", "candidate", "nominee", "sheikh", "ayatollah", "patriarch", "metropolitan", "cardinal",
    "bishop", "archbishop", "rabbi", "imam", "officer", "councillor", "councilor", "councilman",
    "councilwoman", "first", "lady", "crown", "grand", "duke", "duchess", "pastor", "father", "sister",
    "brother", "coach", "detective", "inspector", "superintendent", "marshal", "field", "supreme",
    "commander", "head", "negotiator", "official", "top", "senior", "pm", "cs", "fm", "emir", "monarch",
}
# Words for a man or a woman: titles and honorifics before a name ("Mr", "Queen", "spokeswoman") and
# nouns for one person ("the widow", "a businessman"); each tells the pronoun the person takes.
GENDERED_WORDS = {
    "mr": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male", "congressman": "male",
    "chairman": "male", "spokesman": "male", "councilman": "male", "businessman": "male", "husband": "male",
    "father": "male", "son": "male", "brother": "male", "duke": "male", "emperor": "male", "son-in-law": "male",
    "man": "male", "boy": "male", "gentleman": "male", "grandfather": "male", "widower": "male",
    "mrs": "female", "ms": "female", "miss": "female", "dame": "female", "lady": "female", "queen": "female",
    "princess": "female", "congresswoman": "female", "chairwoman": "female", "spokeswoman": "female",
    "councilwoman": "female", "businesswoman": "female", "wife": "female", "mother": "female",
    "daughter": "female", "sister": "female", "duchess": "female", "daughter-in-law": "female",
    "first lady": "female", "woman": "female", "girl": "female", "grandmother": "female", "widow": "female",
    "alhaji": "male", "shri": "male", "alhaja": "female", "hajiya": "female", "smt": "female", "sheikha": "female",
}
TITLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "maj": "major", "capt": "captain", "adm": "admiral", "sgt": "sergeant", "sec": "secretary",
    "pres": "president", "amb": "ambassador", "atty": "attorney", "supt": "superintendent", "insp": "inspector",
    "cmdr": "commander", "prof": "professor", "rev": "reverend", "dep": "deputy",
    "pm": "prime minister", "cs": "cabinet secretary", "fm": "foreign minister",
}
# Police ranks written as capitals before a name in South Asian and West African news ("ACP NAME",
# "SP NAME", "IGP NAME"): a title, never the first word of the name.
POLICE_RANKS = {
    "acp": "assistant commissioner of police", "dcp": "deputy commissioner of police",
    "cp": "commissioner of police", "sp": "superintendent of police", "ssp": "senior superintendent of police",
    "csp": "chief superintendent of police", "dsp": "deputy superintendent of police",
    "asp": "assistant superintendent of police", "igp": "inspector-general of police",
    "dig": "deputy inspector-general", "aig": "assistant inspector-general",
}
TITLE_WORDS |= POLICE_RANKS.keys() | {"retired", "retd"}
TITLE_ABBREVIATIONS |= POLICE_RANKS | {"retd": "retired"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
SURNAME_PARTICLES = {"de", "da", "del", "der", "van", "von", "al", "el", "bin", "ibn", "la", "le", "di", "du", "do",
                     "dos", "das", "della", "dello", "ter", "ten"}
SAME_SURNAME_SCORE = 85
SAME_GIVEN_NAME_SCORE = 80

_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower case without accents or punctuation: the form two spellings are compared in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s-]", "", text.casefold()).replace("-", " ")
    return " ".join(text.split())


def normalise_role(text: str) -> str:
    """Abbreviations spelled out: "gov." -> governor, "Sen." -> senator; case is the caller's."""
    words = []
    for word in text.split():
        bare = word.rstrip(".").lower()
        if bare not in TITLE_WORDS and bare.endswith("s") and bare[:-1] in TITLE_WORDS:
            word = word.rstrip(".")[:-1]  # "Presidents A and B": each is a president
            bare = bare[:-1]
        words.append(TITLE_ABBREVIATIONS[bare] if bare in TITLE_ABBREVIATIONS else word)
    return " ".join(words).strip(" ,;:")


def is_title_word(word: str) -> bool:
    """A word of a title, singular or plural ("Presidents El-Sisi and Trump")."""
    folded = fold(word).replace(" ", "")
    return folded in TITLE_WORDS or folded in HONORIFICS or (
        len(folded) > 3 and folded.endswith("s") and folded[:-1] in TITLE_WORDS)


OCCUPATION_TITLES_FILE = Path(__file__).parent / "occupation_titles.csv"


@lru_cache(maxsize=1)
def occupation_titles() -> frozenset[str]:
    """Occupation nouns that stand before a name as a title ("Fisherwoman NAME"): ``occupation_titles.csv``."""
    with OCCUPATION_TITLES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return frozenset(row["noun"].strip() for row in rows)


def strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading title words off a name: ["President", "Vladimir", "Putin"] -> (["President"], [...]);
    a country before a title belongs to the title ("Qatar Emir Tamim ...", "Japan's PM ...")."""
    index = 0
    while index < len(words) - 1:
        if is_title_word(words[index]):
            index += 1
        elif index + 2 < len(words) and fold(words[index]) in occupation_titles():
            index += 1  # "Farmer Ana Ruiz"; a lone "Farmer Ruiz" may be a two-part name and is kept
        elif index + 2 < len(words) and is_title_word(words[index + 1]) and gazetteer().affiliation(words[index]):
            index += 2
        else:
            break
    return words[:index], words[index:]


def clean_person_name(text: str) -> str:
    """A PERSON mention as the name alone: no title, no possessive, no trailing punctuation."""
    text = text.split("/")[0]
    text = _POSSESSIVE.sub("", text.strip().strip(",.;:\"“”'()"))
    words = text.split()
    _, words = strip_titles(words)
    return " ".join(words)


FAMILY_FIRST_FILE = Path(__file__).parent / "family_first_names.csv"


@lru_cache(maxsize=1)
def family_first_names() -> dict[str, bool]:
    """Family name -> whether it is also a Western given name (then it needs a two-part given name)."""
    with FAMILY_FIRST_FILE.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["family_name"].strip(): bool((row["also_western_given_name"] or "").strip()) for row in rows}


def is_family_first(words: list[str]) -> bool:
    """ "Xi Jinping", "Lee Jae-myung": an East Asian name with the family name first."""
    if len(words) not in (2, 3) or any(word in SURNAME_PARTICLES for word in words):
        return False
    also_given = family_first_names().get(words[0])
    if also_given is None:
        return False
    return len(words) == 3 if also_given else True


@lru_cache(maxsize=1 << 18)
def name_parts(name: str) -> tuple[str, str]:
    """(given names, surname) in folded form; a one-word name is a bare surname. A suffix stays with the
    surname, so Donald Trump Jr. is not Donald Trump; an East Asian family name written first is the
    surname ("Xi Jinping" -> ("jinping", "xi")); a hyphenated last word is one surname ("Sanwo-Olu" of
    Babajide Sanwo-Olu, which the article then uses alone for him)."""
    words = fold(name).split()
    if not words:
        return "", ""
    if is_family_first(words):
        return " ".join(words[1:]), words[0]
    last_written = len(fold(name.split()[-1]).split()) or 1
    surname_start = max(len(words) - last_written, 0)
    if surname_start > 1 and words[-1] in NAME_SUFFIXES:
        surname_start -= 1
    while surname_start > 0 and words[surname_start - 1] in SURNAME_PARTICLES:  # "al-Hayya", "da Silva"
        surname_start -= 1
    return " ".join(words[:surname_start]), " ".join(words[surname_start:])


GIVEN_NAME_FORMS_FILE = Path(__file__).parent / "given_name_forms.csv"
# Romanisation variants, applied in order: Zelenskyy / Zelenskiy / Zelensky, Yury / Yuri, Budrys / Budris.
TRANSLITERATION_RULES = ((re.compile(r"(?:iy|yy|ii|yi|ij)\b"), "y"), (re.compile(r"kh"), "h"),
                         (re.compile(r"ks"), "x"), (re.compile(r"ph"), "f"), (re.compile(r"y"), "i"))


@lru_cache(maxsize=1 << 16)
def transliteration_key(word: str) -> str:
    """One form for the romanisations of a folded name word."""
    for pattern, replacement in TRANSLITERATION_RULES:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=1)
def given_name_forms() -> dict[str, int]:
    """Folded given name -> the number of its group of forms in given_name_forms.csv."""
    groups: dict[str, int] = {}
    with GIVEN_NAME_FORMS_FILE.open(encoding="utf-8") as handle:
        rows = [line.strip() for line in handle if line.strip() and not line.startswith("#")][1:]
    for number, row in enumerate(rows):
        for form in row.split("|"):
            groups.setdefault(fold(form), number)
    return groups


def _same_given_name(first: str, second: str) -> bool:
    if transliteration_key(first) == transliteration_key(second):
        return True
    forms = given_name_forms()
    return first in forms and forms.get(first) == forms.get(second)


def _without_particles(surname: str) -> str:
    words = surname.split()
    while len(words) > 1 and words[0] in SURNAME_PARTICLES:
        words = words[1:]
    return " ".join(words)


def surname_block(surname: str) -> str:
    """What candidate surnames are grouped by before comparing: "al sisi", "el sisi" and "sisi" meet."""
    return transliteration_key(_without_particles(surname))[:2]


def surnames_match(first: str, second: str) -> bool:
    """Spelling variants of one surname (Zelensky / Zelenskyy / Zelenskiy, el-Sisi / al-Sisi / Sisi),
    not different short names."""
    if first == second:
        return True
    first, second = _without_particles(first), _without_particles(second)
    if first == second:
        return True
    if min(len(first), len(second)) >= 4 and transliteration_key(first) == transliteration_key(second):
        return True
    if min(len(first), len(second)) < 5:
        return False
    return fuzz.ratio(first, second) >= SAME_SURNAME_SCORE


def given_names_compatible(first: str, second: str) -> bool:
    """Empty (bare surname), equal, an initial of the other, or a spelling variant (Volodymyr / Volodimir)."""
    if not first or not second or first == second:
        return True
    first_word, second_word = first.split()[0], second.split()[0]
    if len(first_word) == 1 or len(second_word) == 1:
        return first_word[0] == second_word[0]
    if first_word == second_word or _same_given_name(first_word, second_word):
        return True
    if set(first.split()) <= set(second.split()) or set(second.split()) <= set(first.split()):
        return True  # "Lula" da Silva of Luiz Inacio Lula da Silva
    return min(len(first_word), len(second_word)) >= 4 and fuzz.ratio(first_word, second_word) >= SAME_GIVEN_NAME_SCORE


@lru_cache(maxsize=1 << 18)
def can_be_same_person(name: str, other: str) -> bool:
    given, surname = name_parts(name)
    other_given, other_surname = name_parts(other)
    if not surnames_match(surname, other_surname):
        return False
    if given and other_given and (is_family_first(fold(name).split()) or is_family_first(fold(other).split())):
        # short East Asian given names: Li Qiang is not Li Keqiang
        return given.replace(" ", "") == other_given.replace(" ", "")
    return given_names_compatible(given, other_given)


def surname_word(name: str) -> str:
    """The word of a full name that is used alone for the person, as written ("Xi" of "Xi Jinping")."""
    words = name.split()
    if len(words) > 1 and is_family_first(fold(name).split()):
        return words[0]
    return words[-1] if words else ""
