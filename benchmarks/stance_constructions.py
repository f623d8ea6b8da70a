"""Training examples of the constructions NewsMTSC has little of, written for this project: the speaker's
stance in reported belief, threats, blame and praise, plus neutral reporting of the same targets.

Each example is one of our own template sentences with a target filled in from a broad list of invented
people, generic organisations and countries, so the model learns the construction, not a name. The label
is the speaker's stance toward the filled-in target. ``python benchmarks/stance_constructions.py`` prints
counts and a few samples.
"""
from __future__ import annotations

import random
from collections import Counter

PEOPLE = ("Marlow", "Ana Petrescu", "President Okafor", "Minister Halvorsen", "Governor Reyes",
          "Chancellor Brandt", "Senator Ito", "Prime Minister Kovac", "the president", "Mr Delacroix",
          "Ms Abernathy", "General Mbeki", "Foreign Minister Sato", "Lindqvist", "Hassan Farouk",
          "the prime minister", "Mayor Quinlan", "Dr Nkemelu", "Speaker Tanaka", "Ambassador Oyelaran")
GROUPS = ("the alliance", "the union", "the ministry", "the coalition", "the rebels", "the opposition",
          "the central bank", "the commission", "the federation", "the council", "the party",
          "the government", "the regime", "the movement", "the committee")
COUNTRIES = ("Norway", "Brazil", "Kenya", "Vietnam", "Chile", "Poland", "Egypt", "Indonesia", "Canada",
             "Turkey", "Peru", "Ghana", "Portugal", "Mongolia", "Australia", "Mexico", "Iran", "Japan",
             "Georgia", "Serbia")
# Names that dominate international news, as fill-ins like any other: every template takes every name,
# so a name carries no label of its own. NewsMTSC's sentences gave some leaders a prior (a sentence
# about Putin is mostly against him); mixing their names into favourable, hostile and neutral templates
# alike teaches the model that the construction, not the name, decides.
NEWS_NAMES = ("Putin", "Xi Jinping", "Zelensky", "Trump", "Biden", "Netanyahu", "Erdogan", "Modi",
              "Macron", "Kim Jong Un", "Maduro", "Khamenei", "Lukashenko", "Orban", "Lula", "Milei",
              "Meloni", "Starmer", "Takaichi", "Ramaphosa")
NEWS_COUNTRIES = ("Russia", "Ukraine", "China", "Israel", "the United States", "North Korea", "Taiwan",
                  "Venezuela", "Hamas", "the Kremlin", "Beijing", "Washington")

# (template, label[, pool]). {t} is the target, {o} another party (a country); templates are the speaker's
# own words. A pool limits the fill-ins where a construction needs a person ("{o}'s {t}") or a country.
BASE = [
    # praise
    ("Our meeting with {t} was useful and constructive.", "favor"),
    ("The talks with {t} were productive, and we made real progress.", "favor"),
    ("{t} has been a reliable partner through all of this.", "favor"),
    ("We are grateful to {t} for the help in these difficult weeks.", "favor"),
    ("{t} did a tremendous job, and everyone can see it.", "favor"),
    ("I have great respect for {t}.", "favor"),
    ("{t} showed real courage in standing up for what is right.", "favor"),
    ("The conversation with {t} was frank, friendly and very good.", "favor"),
    ("We welcome the decision by {t} to join the agreement.", "favor"),
    ("{t} is a serious partner who keeps its word.", "favor"),
    # reported belief that reflects well on the target
    ("{t} wants to end the war.", "favor"),
    ("{t} is ready to make a deal.", "favor"),
    ("{t} is serious about peace.", "favor"),
    ("{t} genuinely wants this conflict to stop.", "favor"),
    ("{t} will keep its promises this time.", "favor"),
    # threats against the target
    ("We will take the region from {t} by force if we have to.", "against"),
    ("If {t} does not withdraw, we will strike.", "against"),
    ("{t} will pay a heavy price for this.", "against"),
    ("Our forces will drive {t} out of the territory by force.", "against"),
    ("We will seize what belongs to us, whether {t} agrees or not.", "against"),
    ("If {t} refuses, the land will be liberated by military means.", "against"),
    ("{t} should know that our patience has run out.", "against"),
    # blame
    ("{t} should have agreed to the ceasefire months ago.", "against"),
    ("{t} is to blame for the collapse of the talks.", "against"),
    ("This crisis is entirely the fault of {t}.", "against"),
    ("{t} never should have started this.", "against"),
    ("If {t} had listened, none of this would have happened.", "against"),
    ("{t} should have accepted the offer when it was on the table.", "against"),
    ("It was {t} who walked away from the deal.", "against"),
    # pressure, doubt and hostility
    ("We must increase the pressure on {t}.", "against"),
    ("Sanctions on {t} have to stay until the fighting stops.", "against"),
    ("{t} does not want peace at all.", "against"),
    ("{t} is lying about what happened.", "against"),
    ("Nobody can trust {t} anymore.", "against"),
    ("{t} has no intention of keeping its promises.", "against"),
    # what a quote extractor keeps of "X called ... 'useful'" and "X said that ...": cue-less fragments
    ("the meeting with {t} \"useful\" and \"productive.\"", "favor"),
    ("the talks with {t} \"frank\" and \"very positive\"", "favor"),
    ("the visit by {t} \"a real success\"", "favor"),
    ("that he believes {t} wants to end the conflict in the region", "favor"),
    ("that she thinks {t} is sincere about a settlement", "favor"),
    ("that she believed {t} should have accepted the deal during their first meeting", "against"),
    ("that {t} would have done better to sign the agreement last spring", "against"),
    ("that we intend to take control of the border districts of {t} and will not give them up, even by force",
     "against"),
    ("the current negotiations must be backed by pressure on {t}", "against"),
    ("that the world must keep up the pressure on {t} until it stops", "against"),
    ("that the delegation would meet {t} again in a follow-up next week", "neutral"),
    ("that talks with {t} are scheduled to resume after the summit", "neutral"),
    # neutral reporting
    ("{t} will hold talks in the capital on Monday.", "neutral"),
    ("The delegation from {t} arrived this morning.", "neutral"),
    ("We discussed trade and energy with {t}.", "neutral"),
    ("{t} has not yet commented on the proposal.", "neutral"),
    ("A meeting with {t} is planned for next week.", "neutral"),
    ("The letter was sent to {t} on Friday.", "neutral"),
    ("{t} is expected to respond after the holidays.", "neutral"),
    ("Representatives of {t} also took part in the meeting.", "neutral"),
    ("The next round may take place in a third country, {t} said.", "neutral"),
    ("We will pass the documents to {t} and wait for an answer.", "neutral"),
    # reported belief with the target's country named before it ("{o}'s leader")
    ("that he believes {o}'s {t} wants to end the war in the region", "favor", "people"),
    ("that she is convinced {o}'s {t} is ready to make peace with its neighbours", "favor", "people"),
    ("that he thinks {t} really wants the fighting in {o} to stop", "favor"),
    ("he believes {t} would like to end the conflict soon", "favor"),
    ("that he trusts {t} to keep the ceasefire", "favor"),
    ("that he does not believe {o}'s {t} wants to end the war", "against", "people"),
    # a claim on the target's land, made by a third party named in the sentence ({o} is the claimant)
    ("that {o} intends to take full control of the northern region of {t} and will not back down, even if "
     "it means seizing the territory by force", "against", "countries"),
    ("that {o} will take the border provinces in western {t} by force if talks fail", "against", "countries"),
    ("that {o} would not give up its demand for the coastal districts of {t}, whatever the cost", "against", "countries"),
    ("that our troops will keep advancing in eastern {t} until the region is ours", "against", "countries"),
    ("{o} is ready to use force to capture the rest of the province from {t}.", "against", "countries"),
    # diplomatic protest aimed at the target
    ("We have lodged a strong protest with {t} and demand that the remarks be withdrawn.", "against"),
    ("that the ministry had summoned the ambassador of {t} to protest", "against"),
    ("We urge {t} to correct its mistakes and retract the statement at once.", "against"),
    ("We will continue to press {t} to take appropriate action.", "against"),
    ("that {t} must stop playing with fire on this issue", "against"),
    ("{t} has interfered in our internal affairs and violated the basic norms of international relations.",
     "against"),
    ("that {t} had demanded an explanation from {o} over the post", "neutral"),
    # a government speaking up for its own country (sovereignty claims): favourable to it
    ("Any attempt to interfere in {t}'s internal affairs will be met with a firm response.", "favor", "countries"),
    ("The sovereignty and territorial integrity of {t} are not open to negotiation.", "favor", "countries"),
    ("{t} has never threatened a neighbour and will keep building its own economy.", "favor", "countries"),
    ("If anyone dares to undermine {t}'s unity, {t} will respond resolutely.", "favor", "countries"),
    ("How {t} settles its internal questions is for its own people to decide.", "favor", "countries"),
    # the target only as what a statement is about, or as a party in a hypothetical: neutral
    ("the remarks regarding {t} made in parliament last week", "neutral"),
    ("that an attack on {t} could amount to a situation that threatens {o}'s security", "neutral", "countries"),
    ("a crisis involving {t} could lead {o} to exercise its right of self-defence", "neutral", "countries"),
    ("The security of {t} will be assessed case by case, based on all the information available.", "neutral", "countries"),
    ("that {t} will pull its troops back to the agreed line as the first step of the plan", "neutral"),
    ("his efforts to stop the fighting between {t} and {o}", "neutral"),
    ("the peace process between {o} and {t} is a hard task after two years of fighting", "neutral"),
    ("that the ceasefire would take effect within a day of the cabinet meeting in {t}", "neutral", "countries"),
    ("The position of {t} on this question is well known and has not changed.", "neutral"),
    # agreements, guarantees and cooperation: favourable to the partner
    ("that {t} had agreed to resume the purchases of grain", "favor"),
    ("We have reached a consensus with {t} on trade and investment.", "favor"),
    ("that they had received firm guarantees from {t} that the fighting is over", "favor"),
    ("our brothers in {t} and across the region", "favor", "countries"),
    ("that {t} remains committed to the ceasefire agreement", "favor"),
    ("We are willing to work with {t} to carry out the consensus of the two leaders.", "favor"),
]

# Wrappers that keep the speaker's stance ("I believe X wants peace" favours X).
KEEP = ("I believe {c}", "I think {c}", "He says he believes {c}", "She said she is convinced {c}",
        "We are sure that {c}", "I am confident {c}", "My sense is that {c}", "Frankly, {c}")
# Wrappers that reverse it ("I don't believe X wants peace" is against X).
FLIP = ("I don't believe {c}", "Nobody seriously thinks {c}", "I doubt that {c}")
FLIPPABLE = {"favor": "against", "against": "favor"}
# Only claims about the target itself flip cleanly under doubt.
FLIP_TEMPLATES = {i for i, (t, *_) in enumerate(BASE) if t.startswith("{t}")}


def _fill(template: str, target: str, other: str) -> tuple[str, tuple[int, int]]:
    """The template with {o} (another party) and {t} (the target; its first occurrence is the marked one)."""
    template = template.replace("{o}", other)
    start = template.index("{t}")
    text = template.replace("{t}", target)
    if text.startswith(target) and target[:1].islower():
        text = target[:1].upper() + text[1:]
    return text, (start, start + len(target))


def construction_examples(seed: int = 13, per_template: int = 16) -> list[dict]:
    """Rows in the NewsMTSC line format (id, text, target, label, target_span)."""
    rng = random.Random(seed)
    pools = {"any": PEOPLE + GROUPS + COUNTRIES + NEWS_NAMES + NEWS_COUNTRIES, "people": PEOPLE + NEWS_NAMES,
             "countries": COUNTRIES + NEWS_COUNTRIES}
    rows: list[dict] = []
    for number, (template, label, *pool) in enumerate(BASE):
        for k in range(per_template):
            target = rng.choice(pools[pool[0] if pool else "any"])
            other = rng.choice([c for c in COUNTRIES + NEWS_COUNTRIES if c != target])
            text, span = _fill(template, target, other)
            sentence = template[:1].isupper() or template.startswith("{t}")  # fragments are not wrapped
            if k % 3 == 1 and sentence:
                wrapper = rng.choice(KEEP)
                clause = text[0].lower() + text[1:] if not target[:1].isupper() or span[0] else text
                prefix = wrapper[:wrapper.index("{c}")]
                text = prefix + clause
                span = (span[0] + len(prefix), span[1] + len(prefix))
            elif sentence and number in FLIP_TEMPLATES and label in FLIPPABLE and k % 6 == 2:
                wrapper = rng.choice(FLIP)
                clause = text[0].lower() + text[1:] if not target[:1].isupper() or span[0] else text
                prefix = wrapper[:wrapper.index("{c}")]
                text = prefix + clause
                span = (span[0] + len(prefix), span[1] + len(prefix))
                label = FLIPPABLE[label]
            assert text[span[0]:span[1]].lower() == target.lower(), (text, target)
            rows.append({"id": f"construction-{number}-{k}", "text": text, "target": text[span[0]:span[1]],
                         "label": label, "target_span": list(span)})
            label = BASE[number][1]
    return rows


if __name__ == "__main__":
    examples = construction_examples()
    print(len(examples), Counter(r["label"] for r in examples))
    for row in random.Random(0).sample(examples, 12):
        print(row["label"], "|", row["text"], "|", row["target"])
