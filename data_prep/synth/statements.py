"""What synthetic speakers say: first-person quotations and third-person reported clauses.

Slots: {topic}, {city}, {region}, {country} (the speaker's side), {enemy} (the other side),
{demonym} (of the speaker's side). Every sentence is written for newsvoices.
"""
from __future__ import annotations

# Spoken in the first person, shown between quotation marks. No final punctuation: the
# construction adds the comma or full stop that news style puts inside the closing mark.
DIRECT = (
    "We will not give up a single village in {region}",
    "Nobody in {city} believes {topic} will hold through the winter",
    "Our soldiers are tired, but they are not beaten",
    "If {enemy} wants peace, it knows where to find us",
    "The talks were useful, but nothing has been signed and nothing is agreed until everything is agreed",
    "Families in {city} have been without heating for eleven days",
    "We are ready to discuss {topic} tomorrow morning if the shelling stops tonight",
    "This is not a negotiation, it is an ultimatum",
    "Every convoy that reaches {city} saves lives, and every convoy that is turned back costs them",
    "I have seen the maps, and the line has barely moved since spring",
    "There is no military solution in {region}, only a political one",
    "Our partners in Kelmark have done more for {topic} than anyone expected",
    "The people of {country} did not ask for this war",
    "We will answer every attack on {city}, at a time we choose",
    "The harvest is ready but the trucks cannot reach the port",
    "Sanctions are hurting ordinary people far more than they hurt the generals",
    "We count the days, not the months",
    "I do not trust their signatures, I trust what I see on the ground",
    "Any deal that ignores {region} will collapse within a week",
    "The schools in {city} reopened today, and that matters more than any speech",
)

# The second half of a split quotation: it follows "“…,” she said." as a new sentence.
CONTINUATIONS = (
    "That is the whole story",
    "We have said this from the first day",
    "Nobody should be surprised",
    "The rest is propaganda",
    "We will keep our promise to the families",
    "It is as simple as that",
    "Ask anyone in {city}",
    "History will judge who walked away",
)

# Third-person content clauses for reported speech ("X said that …").
REPORTED = (
    "{country} would not withdraw its troops from {region} before the spring",
    "the shelling of {city} had damaged the main water station",
    "{topic} could be signed within weeks if both sides kept talking",
    "{enemy} had broken {topic} at least a dozen times since Sunday",
    "the government was preparing a new offer on {topic}",
    "more than four hundred families had left {city} since the start of the month",
    "the next round of talks would take place in Aldmouth",
    "the army had pushed back an attack near {city} overnight",
    "fuel prices in {country} had doubled since the blockade began",
    "the parliament would vote on {topic} before the end of the year",
    "no civilians had been hurt in the strike on the rail depot",
    "the mediators had asked both sides to pull heavy weapons back from {region}",
    "{enemy} was moving fresh units towards {region}",
    "aid deliveries to {city} had resumed after a three-day pause",
    "the proposal on {topic} left too many questions unanswered",
    "the hospital in {city} was running short of blood and bandages",
)

# Short evaluative phrases quoted inside reported speech (mixed quotes).
EVALUATIONS = (
    "a trap dressed up as a compromise", "the only realistic way out", "dead on arrival",
    "a first step and nothing more", "an insult to the families of the fallen", "long overdue",
    "a gift to the hardliners", "the best chance in years",
)

# Narrative paragraphs without any attribution, so extractors also see prose they must leave alone.
NARRATION = (
    "Shelling was reported near {city} {when}, and the road to {city2} remained closed to civilian traffic.",
    "{country} and {enemy} have fought over {region} for more than three years.",
    "Queues of trucks stretched for several kilometres outside the port of {city} {when}.",
    "The front line in {region} has shifted only a few kilometres since the autumn.",
    "Power was restored to most of {city} after a night of repairs to the substation.",
    "Delegations from both countries arrived in Aldmouth {when} for another round of talks.",
    "The bridge over the river at {city2} was rebuilt last year with money from Kelmark.",
    "Schools in {city} moved their lessons into basements after the air raid sirens returned.",
    "Grain exports through the coastal strip fell by a third compared with the previous season.",
    "Volunteers handed out blankets and bread at the railway station in {city2} {when}.",
)

HEADLINES = (
    "{demonym} Leaders Reject {topic_title} as Talks in {city} Stall",
    "Fighting Flares in {region_title} Ahead of Vote on {topic_title}",
    "Kelmark Presses Both Sides on {topic_title} as Winter Nears",
    "Families Flee {city} as Shelling Resumes",
    "Mediators Report Progress on {topic_title} After Night of Talks",
    "Convoy Reaches {city} After Week of Delays",
    "{demonym} Government Under Pressure Over {topic_title}",
    "Talks in Aldmouth End Without Deal on {topic_title}",
)
