"""Invented words for synthetic news: people, places, outlets, organisations, topics.

Every name here is made up for newsvoices. The world is a conflict between two invented countries,
Varnland and Ostrevia, with a mediating neighbour and the usual cast of ministers, generals, mayors,
analysts, aid workers and unnamed officials.
"""
from __future__ import annotations

FIRST_NAMES_FEMALE = (
    "Ilse", "Marta", "Nadira", "Oona", "Petra", "Rosalind", "Solveig", "Tamsin", "Ulla", "Vesna",
    "Wilma", "Yara", "Zofia", "Agnessa", "Brielle", "Celestine", "Dagny", "Elin", "Freja", "Greta",
    "Halina", "Ines", "Jorunn", "Katarin", "Liesel", "Mirela", "Noor", "Ottilie", "Paulina", "Runa",
)
FIRST_NAMES_MALE = (
    "Anselm", "Bogdan", "Casimir", "Dorian", "Emeric", "Florin", "Gideon", "Halvard", "Ivo", "Jarek",
    "Konrad", "Lorcan", "Matthias", "Nikolai", "Oskar", "Pavel", "Quentin", "Radek", "Stellan", "Tobias",
    "Ulrich", "Valentin", "Wendel", "Xaver", "Yannick", "Zoltan", "Aurel", "Bastian", "Cyprian", "Dusan",
)
SURNAME_HEADS = (
    "Varn", "Holm", "Kest", "Brann", "Dral", "Ossen", "Mirk", "Tavel", "Gruen", "Lask", "Peld", "Rov",
    "Sorm", "Ulm", "Wend", "Zabor", "Falk", "Hadr", "Jesk", "Korv",
)
SURNAME_TAILS = (
    "ek", "berg", "ovic", "enko", "stad", "mann", "ari", "ström", "ovsky", "ling", "ez", "ander",
    "quist", "ic", "ov", "hardt",
)

COUNTRIES = ("Varnland", "Ostrevia", "Kelmark")
DEMONYMS = {"Varnland": "Varnish", "Ostrevia": "Ostrevian", "Kelmark": "Kelmarkian"}
CITIES = {
    "Varnland": ("Brask", "Tolvana", "Hedmor", "Lusk", "Ardenfeld", "Corvel"),
    "Ostrevia": ("Kessary", "Dunmarrow", "Pelvik", "Stryn", "Oradell", "Veshka"),
    "Kelmark": ("Aldmouth", "Quorran", "Selby Cross"),
}
REGIONS = ("the Tarn valley", "the northern marshes", "the Brask corridor", "the Veshka plateau",
           "the coastal strip", "the Oradell salient")

# (title written before a name, role as a noun phrase, affiliation). A person without a title is
# introduced by the role as an appositive: "Ilse Varnek, an analyst at ..., said".
PERSON_ROLES = (
    ("Foreign Minister", "foreign minister", "{demonym} government"),
    ("Defence Minister", "defence minister", "{demonym} government"),
    ("Prime Minister", "prime minister", "{demonym} government"),
    ("President", "president", "{demonym} government"),
    ("General", "commander of the {demonym} eastern forces", "{demonym} army"),
    ("Colonel", "army spokesperson", "{demonym} army"),
    ("Mayor", "mayor of {city}", "{city} city council"),
    ("Governor", "governor of {region}", "{demonym} government"),
    ("Senator", "opposition senator", "{demonym} Unity Party"),
    ("Ambassador", "ambassador to Kelmark", "{demonym} foreign ministry"),
    ("", "an analyst at the Aldmouth Institute for Security Studies", "Aldmouth Institute"),
    ("", "the aid coordinator for the relief group Open Hands", "Open Hands"),
    ("", "an economist at Kelmark National University", "Kelmark National University"),
    ("", "a negotiator for the Kelmark mediation team", "Kelmark mediation team"),
    ("", "a member of parliament from {city}", "{demonym} parliament"),
    ("", "a farmer near {city}", ""),
)

ORGANISATIONS = (
    "the {demonym} defence ministry", "the {demonym} foreign ministry", "the {demonym} general staff",
    "the Kelmark mediation office", "the relief group Open Hands", "the {demonym} energy regulator",
    "the {city} city council", "the {demonym} border service",
)

ANONYMOUS_SOURCES = (
    "Two officials", "Three diplomats", "A senior official", "A person familiar with the talks",
    "Two people briefed on the negotiations", "A military source", "Several aid workers",
    "An adviser to the government",
)

OUTLETS = (
    ("The Meridian Post", "meridianpost.example"),
    ("Kelmark Daily Ledger", "kelmarkledger.example"),
    ("Northgate Herald", "northgateherald.example"),
    ("The Varnish Observer", "varnishobserver.example"),
    ("Ostrevia Today", "ostreviatoday.example"),
    ("Frontline Wire", "frontlinewire.example"),
    ("The Aldmouth Courier", "aldmouthcourier.example"),
    ("Borderland Review", "borderlandreview.example"),
)
WIRE_SERVICES = ("Frontline Wire", "the Meridian Post", "the Northgate Herald")

DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "this week", "late on Tuesday", "early on Friday")

# Topics double as stance targets in the synthetic tables.
TOPICS = (
    "the ceasefire", "the grain corridor", "the sanctions", "the prisoner exchange", "the peace plan",
    "the border referendum", "the energy deal", "the harbour blockade", "the aid convoy", "the troop withdrawal",
)
