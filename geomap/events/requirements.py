"""What a trigger's sense asks of its sentence, read from the parse: "strike" is an air strike only
with something military about it, "withdraw" is military only with forces withdrawing, "crash" is an
air crash only with an aircraft in it. Each requirement is a named check (the `requires` column of
`data/event_triggers.csv`); a trigger takes the first sense whose part of speech and check hold
(`triggers.settle`). `may_hold` tells before parsing which checks a sentence's words rule out.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Doc, Token

from geomap.actors import ActorTable
from geomap.events.syntax import infinitive

MILITARY_WORDS = frozenset({
    "air", "aerial", "drone", "drones", "missile", "missiles", "rocket", "rockets", "coalition",
    "military", "warplane", "warplanes", "jet", "jets", "aircraft", "bomber", "bombers", "army",
    "troops", "forces", "regime", "artillery", "airstrike", "airstrikes", "helicopter",
    "helicopters", "militants", "rebels", "insurgents", "fighters", "killed", "targeted",
    "precision", "retaliatory", "pre-emptive", "russian", "israeli", "american", "u.s.", "us",
    "naval", "navy", "warship", "warships",
})


LABOUR_WORDS = frozenset({
    "worker", "workers", "nurse", "nurses", "doctor", "doctors", "teacher", "teachers", "union",
    "unions", "general", "hunger", "labour", "labor", "staff", "employees", "transport", "drivers",
    "miners", "dockers", "pilots", "medical", "pay", "wage", "wages", "walkout", "pickets",
    "nationwide", "indefinite", "day-long", "two-day", "one-day", "three-day", "week-long",
})


FORCE_WORDS = frozenset({
    "troops", "forces", "force", "army", "soldiers", "militants", "fighters", "rebels",
    "military", "units", "battalion", "battalions", "brigade", "brigades", "insurgents", "militia",
    "militias", "jihadists", "marines", "police", "division", "contingent", "navy", "warships",
})


# Who is deployed, as a deployment needs: forces, not a deputy sent to a house or pig catchers.
ARMED_FORCE_WORDS = FORCE_WORDS | MILITARY_WORDS | frozenset({
    "soldier", "marine", "troop", "tanks", "battery", "peacekeepers", "guards", "guardsmen"})


AIRCRAFT_WORDS = frozenset({"plane", "planes", "aircraft", "jet", "jetliner", "airliner",
                            "helicopter", "helicopters", "chopper", "flight", "airplane",
                            "aeroplane", "glider", "drone"})


TRAIN_WORDS = frozenset({"train", "trains", "tram", "railway", "railroad", "locomotive", "metro",
                         "subway"})


VESSEL_WORDS = frozenset({"boat", "boats", "ship", "ships", "ferry", "vessel", "trawler", "dinghy",
                          "tanker", "yacht", "barge", "canoe", "submarine"})


STRUCTURE_WORDS = frozenset({"building", "buildings", "mine", "bridge", "roof", "wall", "dam",
                             "tunnel", "house", "factory", "stadium", "school", "block", "tower",
                             "crane", "scaffolding", "ceiling", "shaft", "quarry", "hospital"})


INDUSTRIAL_WORDS = frozenset({"gas", "boiler", "factory", "mine", "chemical", "chemicals",
                              "pipeline", "fireworks", "plant", "tanker", "industrial", "methane",
                              "coal", "refinery", "propane", "oxygen", "cylinder", "furnace",
                              "reactor", "dust", "fertiliser", "fertilizer"})


# Where inmates escape from, and what strikes in a storm.
PRISON_WORDS = frozenset({"prison", "prisons", "jail", "jails", "gaol", "penitentiary",
                          "detention"})
LIGHTNING_WORDS = frozenset({"lightning", "thunderbolt"})


# What explodes as a weapon: a blast of one is an attack wherever it goes off.
ORDNANCE_WORDS = frozenset({"bomb", "bombs", "device", "devices", "explosive", "explosives", "ied",
                            "ieds", "grenade", "grenades", "mine", "mines", "landmine", "rocket",
                            "rockets", "shell", "shells", "missile", "missiles", "mortar",
                            "bomber", "bombers"})


DISEASE_WORDS = frozenset({
    "virus", "flu", "influenza", "fever", "cholera", "measles", "ebola", "ebolavirus", "disease",
    "infection", "infections", "outbreak", "h1n1", "h5n1", "sars", "mers", "covid", "coronavirus",
    "malaria", "dengue", "polio", "tuberculosis", "plague", "meningitis", "typhoid", "hepatitis",
    "aids", "hiv", "zika", "marburg", "anthrax", "rabies", "mumps", "diphtheria", "smallpox",
    "pneumonia", "swine", "avian", "salmonella", "e.", "coli", "norovirus", "legionnaires",
    "bse", "cjd", "mrsa", "encephalitis", "leprosy", "syphilis", "chlamydia", "gonorrhea",
    "listeria", "legionella", "pertussis", "chikungunya", "leptospirosis", "monkeypox", "mpox",
})


GUNFIRE_WORDS = frozenset({"open", "opened", "opening", "opens", "exchange", "exchanged", "under",
                           "cease", "gun", "rocket", "mortar", "sniper", "artillery", "machine",
                           "machine-gun", "heavy", "small-arms", "returned", "return", "friendly",
                           "hostile", "covering", "live"})


PERSON_WORDS = frozenset({"hostage", "hostages", "prisoner", "prisoners", "detainee", "detainees",
                          "captive", "captives", "suspect", "suspects", "man", "woman", "men",
                          "women", "journalist", "journalists", "activist", "activists", "him",
                          "her", "them", "inmate", "inmates", "soldier", "soldiers", "worker",
                          "workers", "boy", "girl", "children", "opposition", "leader"})


# Prepositions before what caused a death ("killed in a crash", "died during the storm").
CAUSE_PREPOSITIONS = frozenset({"in", "during", "by", "after", "from", "as", "amid"})


# Common nouns after those prepositions that say where, not what ("killed in the village").
PLACE_NOUNS = frozenset({"village", "town", "city", "area", "region", "province", "district",
                         "capital", "north", "south", "east", "west", "centre", "center",
                         "street", "home", "house", "neighbourhood", "neighborhood", "camp",
                         "market", "border", "country", "county", "state", "outskirts"})


CUSTODY_WORDS = frozenset({"prison", "jail", "custody", "detention", "captivity", "bail"})


LAW_WORDS = frozenset({"law", "laws", "bill", "bills", "measure", "measures", "ordinance",
                       "budget", "resolution", "motion", "amendment", "act", "legislation",
                       "ban", "reform", "plan", "policy", "constitution", "treaty", "levy",
                       "tax", "proposal", "rule", "rules", "regulation", "regulations"})


OFFICIAL_WORDS = frozenset({"president", "minister", "prime", "secretary", "king", "queen",
                            "pope", "envoy", "delegation", "leader", "chancellor", "premier",
                            "ambassador", "governor", "mayor", "commander", "general", "prince",
                            "emir", "sultan", "foreign", "defence", "defense", "officials"})


# The key under which a parsed sentence carries the words of its article's opening
# (`Doc.user_data`), for senses that the story's subject settles ("cases" in a story on a flu).
STORY_WORDS = "geomap.story_words"


# Who takes part in a meeting that is news: a named person, body or country.
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# The last words of a body's proper name ("the Regional Water Planning Group"), which the model
# may leave untagged: capitalised, they name a body, not "a group of friends".
NAMED_BODY_WORDS = frozenset({"group", "association", "agency", "authority", "department",
                              "organization", "organisation", "institute", "alliance",
                              "coalition", "federation", "task", "force", "panel", "party"})


INSTITUTION_WORDS = frozenset({"council", "councils", "board", "committee", "commission",
                               "commissioners", "parliament", "legislature", "cabinet",
                               "government", "senate", "assembly", "lawmakers", "legislators",
                               "delegates", "negotiators",
                               "representatives", "envoys", "ministers", "leaders", "mediators",
                               "diplomats", "talks", "summit", "union", "rebels", "opposition",
                               "level", "emergency", "crisis", "ministerial", "bilateral",
                               "closed-door", "official"})  # "a high-level meeting"


# What a government announces that is a decision of its own.
MEASURE_WORDS = frozenset({
    "plan", "plans", "programme", "program", "allocation", "funding", "fund", "budget", "ban",
    "measures", "measure", "policy", "strategy", "closure", "curfew", "cuts", "cut", "tax",
    "initiative", "scheme", "restrictions", "restriction", "sanctions", "package", "aid",
    "investment", "reform", "reforms", "lockdown", "quarantine", "evacuation", "moratorium",
    "subsidy", "subsidies", "grant", "grants", "campaign", "withdrawal", "deployment",
    "ceasefire", "amnesty", "pardon", "resignation", "candidacy", "increase", "freeze", "goal",
    "target", "decision", "deadline"})


DECLARING_VERBS = frozenset({"declared", "declare", "declares", "declaring", "proclaimed",
                             "proclaim", "proclaims", "announced", "imposed", "impose", "imposes",
                             "lifted", "issued", "introduced", "eased", "tightened"})


POLICE_WORDS = frozenset({"police", "policemen", "officers", "officer", "deputies", "deputy",
                          "agents", "agent", "detectives", "investigators", "sheriff", "sheriff's",
                          "fbi", "troopers", "dea", "atf", "narcotics", "constables", "gardai",
                          "customs"})


# Who governs: its offices and bodies (with the parties named, see `by_authority`).
AUTHORITY_WORDS = OFFICIAL_WORDS | INSTITUTION_WORDS | frozenset({
    "authorities", "authority", "ministry", "department", "agency", "administration", "court",
    "judge", "police", "regulator", "regulators", "inspectors", "state", "city", "county"})


# Who governs a state or a town, as a buyer.
GOVERNMENT_WORDS = frozenset({"government", "governments", "state", "city", "county", "council",
                              "ministry", "department", "administration", "authorities"})
# Regulators by the words of their names ("the Food and Drug Administration", "the FDA").
REGULATOR_WORDS = frozenset({"administration", "fda", "usda", "cdc", "inspectorate", "regulator",
                             "regulators", "inspection", "inspectors", "commission"})


# What a measure of those who govern acts on: "blocked imports", "rejected the request", "lifted
# the ban", "awarded the contract".
DECISION_OBJECTS = LAW_WORDS | MEASURE_WORDS | frozenset({
    "imports", "exports", "import", "export", "sales", "trade", "permit", "permits", "licence",
    "license", "licences", "licenses", "sale", "request", "requests", "application", "applications",
    "petition", "proposal", "proposals", "contract", "contracts", "project", "projects",
    "funds", "money", "deal", "merger", "visa", "visas", "flights", "shipments", "use",
    "construction", "deportation", "deportations", "extradition", "election", "vote", "festival",
    "order", "decision", "status", "accreditation", "certification", "bail"})


# What those who govern direct to be done: "directed a review".
ORDERED_ACTS = frozenset({"review", "investigation", "inquiry", "probe", "audit", "evacuation",
                          "recall", "halt", "suspension", "removal", "release", "study", "report",
                          "test", "inspection", "inspections", "search", "cleanup", "repair",
                          "repairs", "payment", "refund", "return", "transfer", "shutdown"})


# Verbs whose subject holds the meeting that is their object.
HOSTING_VERBS = frozenset({"held", "hold", "holds", "holding", "hosted", "host", "hosts",
                           "hosting", "convened", "convene", "convenes", "chaired", "chair",
                           "chairs", "called", "organised", "organized", "attended", "attend"})


# What parties sign that is news: a pact between them.
PACT_WORDS = frozenset({"pact", "treaty", "accord", "agreement", "deal", "memorandum",
                        "ceasefire", "truce", "declaration", "protocol", "convention", "charter",
                        "armistice", "compact", "communique"})


# Measures only those who govern impose: lifting or extending one is their act, said or not.
AUTHORITY_INSTRUMENTS = frozenset({"ban", "curfew", "quarantine", "lockdown", "embargo",
                                   "moratorium", "restriction", "sanction", "blockade", "rule",
                                   "regulation"})


PATHOGEN_WORDS = frozenset({"strain", "strains", "bacteria", "bacterium", "pathogen", "parasite"})


NOT_PROTEST_RALLIES = frozenset({"biker", "bikers", "motorcycle", "car", "cars", "bike", "auto",
                                 "truck", "stock", "market", "markets", "pep", "relief", "price",
                                 "late", "dakar", "rally", "vintage"})


# Places and bodies whose closing is a decision of those who govern them.
PUBLIC_PLACES = frozenset({
    "school", "schools", "university", "universities", "college", "colleges", "hospital",
    "hospitals", "unit", "ward", "clinic", "clinics", "bank", "banks", "border", "borders",
    "market", "markets", "embassy", "embassies", "airport", "airports", "port", "ports", "church",
    "churches", "mosque", "mosques", "park", "parks", "beach", "beaches", "office", "offices",
    "businesses", "shops", "restaurants", "restaurant", "factory", "factories", "mine", "mines",
    "plant", "crossing", "crossings", "station", "stations", "library", "libraries", "farm",
    "farms", "courts", "prison", "camp", "camps", "newspaper", "website", "channel"})


REMOVABLE_WORDS = frozenset({"governor", "governors", "chief", "director", "head", "judge",
                             "commander", "commanders", "official", "officials", "members",
                             "member", "assessors", "coach", "manager", "justice", "board",
                             "staff", "employees", "workers", "aide", "aides"})


ELECTORAL_WORDS = frozenset({"won", "win", "wins", "winning", "victory", "election", "vote",
                             "votes", "elected", "re-elected", "reelected", "poll", "polls",
                             "presidency", "race", "seat", "ballot", "carried", "carry"})


VOLCANO_WORDS = frozenset({"volcano", "volcanoes", "mount", "mt", "mt."})
WATER_WORDS = frozenset({"water", "waters", "floodwater", "floodwaters", "mud", "rain", "rains",
                         "seawater", "sea", "river", "sewage"})


COURT_WORDS = frozenset({"court", "judge", "judges", "tribunal", "jury", "justice", "justices",
                         "magistrate", "bench"})


# What armed sides fight for: "the battle for the port".
CONTESTED_PLACES = frozenset({"port", "city", "town", "village", "airport", "base", "hill", "bridge",
                              "capital", "border", "valley", "road", "highway", "crossing", "dam",
                              "province", "region", "territory", "oilfield", "harbour", "harbor"})


# What armed sides take and hold: places, positions, control.
TERRITORY_WORDS = CONTESTED_PLACES | frozenset({
    "control", "territory", "villages", "towns", "cities", "areas", "area", "positions",
    "position", "district", "districts", "neighbourhood", "neighbourhoods", "neighborhood",
    "neighborhoods", "region", "province", "headquarters", "outpost", "outposts", "stronghold",
    "hills", "ground", "countryside", "swathe", "swath", "land", "oilfield", "oilfields",
    "airbase", "garrison", "compound", "checkpoint", "checkpoints", "island"})


# Words around "charge" that make it a criminal charge.
CHARGE_CONTEXT = frozenset({"with", "against", "face", "faces", "facing", "filed", "file",
                            "dropped", "drop", "brought", "bring", "pressed", "press", "formal",
                            "criminal", "murder", "manslaughter", "fraud", "assault", "theft",
                            "terrorism", "corruption", "felony", "misdemeanor", "counts", "count",
                            "prosecutors", "police", "jury", "court", "federal", "homicide"})


# What makes an attack a bout of illness: "a heart attack", "a panic attack".
AILMENT_WORDS = frozenset({"heart", "panic", "asthma", "anxiety", "cardiac", "allergic",
                           "asthmatic", "migraine", "gout"})


# What one does with a sentence once handed down.
SERVING_VERBS = frozenset({"serve", "complete", "finish", "begin", "start", "continue"})


MEDICAL_WORDS = frozenset({"flu", "vaccine", "vaccines", "vaccination", "booster", "jab",
                           "dose", "doses", "injection", "measles", "tetanus", "seasonal"})


def _near(token: Token) -> list[Token]:
    """The trigger, what hangs from it, and its head with what hangs from that."""
    near = [token, *token.children]
    if token.head.i != token.i:
        near += [token.head, *token.head.children]
    return near


def _near_words(token: Token) -> set[str]:
    return {t.lower_ for t in _near(token)} | {t.lower_ for c in token.children
                                               for t in c.subtree}


def _sentence_words(parsed: Doc) -> set[str]:
    return {token.lower_ for token in parsed}


def military(parsed: Doc, token: Token) -> bool:
    return bool(_near_words(token) & MILITARY_WORDS) \
        or len(_sentence_words(parsed) & MILITARY_WORDS) >= 2


def armed(parsed: Doc, token: Token) -> bool:
    """A fight between armed sides, not firefighters battling a blaze or a fight for safer mines:
    forces or arms about it, or a battle for a place ("the battle for the port")."""
    words = _sentence_words(parsed)
    if bool(_near_words(token) & (FORCE_WORDS | MILITARY_WORDS)):
        return True
    if any(child.dep_ == "acl" and infinitive(child) for child in token.children):
        return False  # "lost the battle to keep the case out of court": a struggle, no fight
    return bool(words & FORCE_WORDS) or len(words & MILITARY_WORDS) >= 2 or _for_a_place(token)


def _for_a_place(token: Token) -> bool:
    return any(child.lower_ in ("for", "of", "over") and any(
        grand.dep_ == "pobj" and (grand.ent_type_ in ("GPE", "LOC", "FAC")
                                  or grand.lower_ in CONTESTED_PLACES)
        for grand in child.children) for child in token.children)


def disease(parsed: Doc, token: Token) -> bool:
    """A disease named in the sentence, or in the opening of a story about one (`STORY_WORDS`):
    "Conference organizers report cases in Mozambique too"."""
    return bool((_sentence_words(parsed) | parsed.user_data.get(STORY_WORDS, frozenset()))
                & DISEASE_WORDS)


def disease_doer(parsed: Doc, token: Token) -> bool:
    """A disease that kills ("the virus killed nearly a million people")."""
    return any(t.lower_ in DISEASE_WORDS | PATHOGEN_WORDS
               for doer in _doers(token) for t in _phrase(doer))


def not_gunfire(parsed: Doc, token: Token) -> bool:
    """A fire, not gunfire: not "opened fire", "came under fire", "mortar fire"."""
    return not _near_words(token) & GUNFIRE_WORDS


def legal_charge(parsed: Doc, token: Token) -> bool:
    """Charges against someone, not a charge of electricity or "available without charge"."""
    return bool((_near_words(token) - {token.lower_}) & CHARGE_CONTEXT)


def released_person(parsed: Doc, token: Token) -> bool:
    """People freed, not a report or a film released."""
    objects = [t for t in token.children if t.dep_ in ("dobj", "nsubjpass", "pobj")]
    words = {t.lower_ for obj in objects for t in obj.subtree} | _near_words(token)
    return bool(words & (PERSON_WORDS | CUSTODY_WORDS)) or any(
        t.ent_type_ == "PERSON" for obj in objects for t in obj.subtree)


def official(parsed: Doc, token: Token) -> bool:
    """A visit by an office holder, not "a woman visiting from Canada"."""
    subjects = [t for t in token.children if t.dep_ in ("nsubj", "poss", "compound")]
    words = {t.lower_ for s in subjects for t in s.subtree}
    return bool(words & OFFICIAL_WORDS)


def past(parsed: Doc, token: Token) -> bool:
    """Done, not an opinion in the present: "agreed", "signed"."""
    return token.tag_ in ("VBD", "VBN")


def plant_blast(parsed: Doc, token: Token) -> bool:
    """A plant, tank or boiler that exploded ("a gas tank exploded at a factory"), not a bomb, a
    device or a mine that did (an attack, whatever it hit)."""
    return bool(_near_words(token) & (INDUSTRIAL_WORDS - {"mine"})) \
        and not _sentence_words(parsed) & ORDNANCE_WORDS


def pact_signed(parsed: Doc, token: Token) -> bool:
    """A pact signed ("signed a ceasefire", "the accord was signed"), not one who signed on for a
    film or signed a get-well card."""
    if not past(parsed, token) or any(child.dep_ == "prt" for child in token.children):
        return False
    signed = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    return any(t.lemma_.lower() in PACT_WORDS for obj in signed for t in _phrase(obj))


def agreement_made(parsed: Doc, token: Token) -> bool:
    """An agreement reached or signed, not minds that are "in agreement"."""
    return not (token.dep_ == "pobj" and token.head.lower_ == "in")


def agreed_on(parsed: Doc, token: Token) -> bool:
    """An agreement reached ("agreed to a ceasefire", "agreed on a deal"), not a shared opinion
    ("agreed that the problems had gone on long enough")."""
    return past(parsed, token) and not any(child.dep_ == "ccomp" for child in token.children)


def not_served(parsed: Doc, token: Token) -> bool:
    """A sentence handed down, not one being served ("completes his prison sentence",
    "while serving his sentence"): the time in prison is no new step of the case."""
    return not (token.dep_ == "dobj" and token.head.lemma_.lower() in SERVING_VERBS)


def plural(parsed: Doc, token: Token) -> bool:
    """"talks" between parties, not a talk someone gave."""
    return token.lower_.endswith("s")


def person_object(parsed: Doc, token: Token) -> bool:
    return any(t.ent_type_ == "PERSON" or t.lower_ in PERSON_WORDS
               for child in token.children if child.dep_ in ("dobj", "nsubjpass")
               for t in child.subtree)


def not_medical(parsed: Doc, token: Token) -> bool:
    """A shooting, not a flu shot or a booster."""
    return not _near_words(token) & MEDICAL_WORDS


def not_ailment(parsed: Doc, token: Token) -> bool:
    """An attack by someone, not a heart or panic attack: no word for a part of the body or a
    condition qualifies the trigger."""
    return not any(child.dep_ in ("compound", "amod") and child.lower_ in AILMENT_WORDS
                   for child in token.children)


def assailant(parsed: Doc, token: Token) -> bool:
    """A killing by someone ("gunmen killed four villagers", "were killed by militants", "two
    guards were killed on Monday"), not a death a disaster, an accident or another event caused
    ("the flood killed ten", "were killed in a crash", "killed when the bus overturned"): the doer
    is a person or group, or a passive names no cause."""
    doers = _subjects(token)
    if token.dep_ == "pcomp" and token.tag_ == "VBG":  # "Reyes is accused of killing Lane"
        doers += [child for child in token.head.head.children
                  if child.dep_ in ("nsubj", "nsubjpass")]
    for agent in (child for child in token.children if child.dep_ == "agent"):
        doers += [by for by in agent.children if by.dep_ != "prep"]  # "by militants"
    if doers:
        return all(_personal(doer) for doer in doers)
    if token.tag_ != "VBN" or any(child.dep_ == "advcl" for child in token.children):
        return False
    return not any(_cause(child) for child in token.children if child.dep_ == "prep")


def _subjects(token: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is joined to ("a gunman entered the church
    and killed seven")."""
    subjects = [child for child in token.children if child.dep_ == "nsubj"]
    if not subjects and token.dep_ == "conj" and token.head.i != token.i \
            and not any(child.dep_ == "nsubjpass" for child in token.children):
        return _subjects(token.head)
    return subjects


def _personal(token: Token) -> bool:
    """A person or group: a name, a pronoun, or a noun for people."""
    return token.tag_ in ("NNP", "NNPS", "PRP", "WP") or token.ent_type_ in ("PERSON", "ORG",
                                                                             "NORP") \
        or token.lower_ in _people_nouns()


def _cause(preposition: Token) -> bool:
    """"in a crash", "during the storm": a thing that killed, not a place or a time."""
    if preposition.lower_ not in CAUSE_PREPOSITIONS:
        return False
    return any(obj.dep_ == "pobj" and obj.tag_ in ("NN", "NNS") and not obj.ent_type_
               and obj.lower_ not in PLACE_NOUNS for obj in preposition.children)


@functools.cache
def _people_nouns() -> frozenset[str]:
    return frozenset(ActorTable.load().nouns) | PERSON_WORDS


def lowercase(parsed: Doc, token: Token) -> bool:
    """"a march", not the month, however written ("effective today, march 31")."""
    following = parsed[token.i + 1] if token.i + 1 < len(parsed) else None
    return token.text.islower() and not (following is not None and following.like_num)


def among_officials(parsed: Doc, token: Token) -> bool:
    """A meeting of office holders, institutions or parties named ("the two foreign ministers
    met", "to meet with United Russia officials"), not "met all kinds of people" or "meeting with
    friends"."""
    parties = [child for child in token.children
               if child.dep_ in ("nsubj", "nsubjpass", "dobj", "compound", "poss", "amod")]
    parties += [grand for child in token.children if child.lower_ in ("with", "between", "of")
                for grand in child.children if grand.dep_ == "pobj"]
    if token.dep_ == "pcomp" or (token.dep_ in ("xcomp", "advcl", "acl") and not parties) \
            or (token.dep_ == "dobj" and token.head.lower_ in HOSTING_VERBS):
        # "to meet with ...", or whoever holds it: "Senator Roe held a town hall meeting"
        parties += [child for child in token.head.children if child.dep_ == "nsubj"]
    words = [t for party in parties for t in _phrase(party)]
    return any(t.ent_type_ in PARTY_ENTITIES or t.lower_ in OFFICIAL_WORDS | INSTITUTION_WORDS
               or (t.tag_ == "NNP" and t.lower_ in NAMED_BODY_WORDS) for t in words)


def _phrase(token: Token) -> list[Token]:
    """A noun with the words that name it and its conjuncts ("regional United Russia officials",
    "the mayor and the sheriff"), not what a preposition adds ("friends in Dallas")."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "appos"):
            found.append(child)
        elif child.dep_ == "conj":
            found += _phrase(child)
    return found


def measure(parsed: Doc, token: Token) -> bool:
    """A policy announced ("announced an allocation of CNY860 million", "the announcement of a
    curfew"), not what someone announced was so ("announced that ...", "announced his death")."""
    objects = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    objects += [grand for child in token.children if child.lower_ in ("of", "about")
                for grand in child.children if grand.dep_ == "pobj"]
    if token.dep_ == "nsubjpass" or (token.dep_ == "dobj" and token.head.lower_ == "made"):
        objects.append(token)  # "a ban was announced"
    return any(obj.lemma_.lower() in MEASURE_WORDS or obj.lower_ in MEASURE_WORDS
               for obj in objects)


def declared(parsed: Doc, token: Token) -> bool:
    """An emergency declared ("declared a flu emergency", "an emergency has been declared"), not
    an emergency room or an emergency meeting."""
    return token.head.lower_ in DECLARING_VERBS and token.dep_ in ("dobj", "nsubjpass")


def by_police(parsed: Doc, token: Token) -> bool:
    """A raid, search or seizure by the police or agents of the law ("FBI agents searched his
    home", "deputies seized a meth lab", "officers seized guns in raids"), not gunmen raiding a
    village."""
    verb = next((ancestor for ancestor in token.ancestors if ancestor.tag_.startswith("VB")), token)
    subjects = {child.lower_ for child in verb.children if child.dep_ == "nsubj"}
    return bool((_near_words(token) | subjects) & POLICE_WORDS)


# What one escapes by coming through unhurt, not by leaving ("escaped harm", "escaped injury").
HARMS_ESCAPED = frozenset({"harm", "injury", "death", "detection", "punishment", "prosecution",
                           "capture", "arrest", "notice"})
# Where a flight goes from or to, or how: "escaped from the town", "escaped by climbing onto roofs".
FLIGHT_PREPOSITIONS = frozenset({"from", "to", "into", "across", "out", "toward", "towards",
                                 "over", "through", "by", "onto"})


def fled_from(parsed: Doc, token: Token) -> bool:
    """A flight that says what or where it was from or to ("escaped the flood waters", "escaped
    from the town", "abandoned their homes"), not a survivor who "escaped" a fire, nor friends
    who "abandoned him"."""
    objects = [child for child in token.children if child.dep_ == "dobj"]
    if objects:
        return not any(obj.tag_ == "PRP" or obj.ent_type_ == "PERSON"
                       or obj.lemma_.lower() in HARMS_ESCAPED for obj in objects)
    return any(child.dep_ in ("prep", "prt") and child.lower_ in FLIGHT_PREPOSITIONS
               for child in token.children)


# What hits people on the road: "was struck by a car".
ROAD_VEHICLES = frozenset({"car", "cars", "truck", "trucks", "vehicle", "vehicles", "bus", "van",
                           "suv", "pickup", "motorcycle", "tractor-trailer", "semi", "taxi",
                           "lorry", "minibus", "motorist", "driver"})
# Whom a suspect flees: "fled the scene", "fled from police" is no displacement.
PURSUERS = frozenset({"scene", "police", "officers", "officer", "deputies", "troopers",
                      "authorities", "agents"})


def by_vehicle(parsed: Doc, token: Token) -> bool:
    """Struck, hit or killed by a car ("a pedestrian was struck by a car", "struck, killed by
    car"), the verb or one joined to it; not by a missile."""
    return _by_one_of(token, ROAD_VEHICLES)


def by_train(parsed: Doc, token: Token) -> bool:
    """Struck or hit by a train ("a woman was hit by a train at the crossing")."""
    return _by_one_of(token, TRAIN_WORDS)


def _by_one_of(token: Token, words: frozenset[str]) -> bool:
    """Whether the agent of the verb, or of one joined to it, is one of `words`."""
    verbs = [token, *(child for child in token.children if child.dep_ in ("conj", "advcl"))]
    if token.dep_ in ("conj", "advcl"):
        verbs.append(token.head)
    return any(grand.lower_ in words for verb in verbs
               for child in verb.children if child.dep_ == "agent" or child.lower_ == "by"
               for obj in child.children if obj.dep_ == "pobj" for grand in _phrase(obj))


def from_prison(parsed: Doc, token: Token) -> bool:
    """An escape from a prison or jail ("inmates escaped from the central prison")."""
    return any(t.lower_ in PRISON_WORDS for place in _left(token) for t in _phrase(place))


def refuge(parsed: Doc, token: Token) -> bool:
    """A flight from danger, not a suspect's from the scene or the police ("fled the scene on
    foot", "fled from officers")."""
    return not any(obj.lower_ in PURSUERS for obj in _left(token))


def _left(token: Token) -> list[Token]:
    """What a verb of leaving leaves: its object ("fled the scene") or what it is "from"."""
    return [child for child in token.children if child.dep_ == "dobj"] + [
        grand for child in token.children if child.lower_ == "from"
        for grand in child.children if grand.dep_ == "pobj"]


def electoral(parsed: Doc, token: Token) -> bool:
    """A defeat at the polls ("defeated the educator in the school board race"), not in war."""
    return not not_electoral(parsed, token)


def chose_someone(parsed: Doc, token: Token) -> bool:
    """An election of someone ("voters elected a new mayor", "Roe was elected to serve a
    term"), not a choice to do something ("we have elected instead to raise the charge")."""
    chosen = any(child.dep_ in ("dobj", "nsubjpass", "auxpass", "oprd") for child in token.children)
    return chosen or not any(child.dep_ in ("xcomp", "advcl") and infinitive(child)
                             for child in token.children)


def territory(parsed: Doc, token: Token) -> bool:
    """Ground taken ("seized two villages", "seized control of the port", "seized Afmadow"), not
    goods or papers ("seized bank statements")."""
    objects = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    if not objects:  # a headline's "meth lab seized": what its subject names was taken
        objects = [child for child in token.children if child.dep_ == "nsubj"
                   and child.tag_ in ("NN", "NNS") and not _personal(child)]
    objects += [grand for obj in objects for of in obj.children if of.lower_ == "of"
                for grand in of.children if grand.dep_ == "pobj"]  # "the eastern half of Mosul"
    return not objects or any(
        obj.tag_ in ("NNP", "NNPS") or any(t.ent_type_ in ("GPE", "LOC", "FAC")
                                            or t.lower_ in TERRITORY_WORDS for t in _phrase(obj))
        for obj in objects)  # a name is a place's more often than a hostage's


def not_electoral(parsed: Doc, token: Token) -> bool:
    """A fall of earth, not an election won by a landslide."""
    above = [token.head, token.head.head]
    return not (_near_words(token) | {w.lower_ for t in above for w in (t, *t.children)}) \
        & ELECTORAL_WORDS


def order_of_authority(parsed: Doc, token: Token) -> bool:
    """An order by those who govern ("the department ordered a report"), not an order to troops,
    whose deed is the event ("ordered troops to advance")."""
    return not any(child.dep_ in ("xcomp", "ccomp") for child in token.children) \
        and by_authority(parsed, token)


def directed_act(parsed: Doc, token: Token) -> bool:
    """"Directed a review of every licence" is an order; "directed the choir" or "the film" is
    leading it."""
    acts = [t for child in token.children if child.dep_ in ("dobj", "nsubjpass")
            for t in _phrase(child)]
    return any(t.lemma_.lower() in ORDERED_ACTS | MEASURE_WORDS for t in acts) \
        and order_of_authority(parsed, token)


def found_guilty(parsed: Doc, token: Token) -> bool:
    """"A jury found the defendant, Jane Roe, 52, guilty": a verdict however long the object
    between "found" and "guilty" (or "not guilty")."""
    return any(child.lower_ == "guilty" for child in token.subtree
               if child.head.i == token.i or child.head.head.i == token.i)


def political_rally(parsed: Doc, token: Token) -> bool:
    """A rally of people, not of bikers' machines, prices or a team's fans ("a biker rally", "a
    stock market rally", "a pep rally")."""
    return not any(child.dep_ in ("compound", "amod") and child.lower_ in NOT_PROTEST_RALLIES
                   for child in token.children)


def public_place(parsed: Doc, token: Token) -> bool:
    """A public place or body closed ("schools ... have been closed", "the temporary closure of
    the unit"), not a road closed by a crash nor a deal closed."""
    objects = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    objects += [grand for child in token.children if child.lower_ == "of"
                for grand in child.children if grand.dep_ == "pobj"]
    return any(t.lower_ in PUBLIC_PLACES for obj in objects for t in _phrase(obj))


def person_removed(parsed: Doc, token: Token) -> bool:
    """Someone removed from office by those who govern ("Medvedev dismissed four governors",
    "Musharraf fired Chaudhry"), not shots fired nor a case dismissed."""
    removed = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    return by_authority(parsed, token) and any(
        obj.tag_ == "NNP" or obj.ent_type_ == "PERSON"
        or obj.lower_ in OFFICIAL_WORDS | REMOVABLE_WORDS for obj in removed)


def by_authority(parsed: Doc, token: Token) -> bool:
    """A ban, restriction or decision by those who govern ("the Dutch authorities have forbidden
    exports", "officials decided to host the festival"), not anyone's choice."""
    return any(t.ent_type_ in PARTY_ENTITIES or t.lower_ in AUTHORITY_WORDS
               for doer in _doers(token) for t in _phrase(doer))


def authority_measure(parsed: Doc, token: Token) -> bool:
    """A measure by those who govern, told by what it acts on ("the FDA has blocked imports",
    "the board denied the permit", "lifted the ban"), not a goalkeeper blocking a shot. Told
    without who ("the quarantine was lifted"), what only those who govern impose says it."""
    objects = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    acted_on = [t for obj in objects for t in _phrase(obj)]
    if not any(t.lower_ in DECISION_OBJECTS or t.lemma_.lower() in DECISION_OBJECTS
               or t.ent_type_ == "MONEY" for t in acted_on):  # "allocated KSh38 million"
        return False
    return by_authority(parsed, token) or (not _doers(token) and any(
        t.lemma_.lower() in AUTHORITY_INSTRUMENTS for t in acted_on))


def by_government(parsed: Doc, token: Token) -> bool:
    """A purchase by a state or its government ("Canada and Australia have also bought the
    drugs", "the city bought the land"), not by a company or a person."""
    return any(t.ent_type_ == "GPE" or t.lower_ in GOVERNMENT_WORDS
               for doer in _doers(token) for t in _phrase(doer))


def by_regulator(parsed: Doc, token: Token) -> bool:
    """A recall by those who govern ("the FDA has recalled the rations", "the Food and Drug
    Administration issued a recall"), not a company's own."""
    doers = _doers(token) or (_doers(token.head) if token.dep_ in ("dobj", "pobj") else [])
    return any(t.lower_ in AUTHORITY_WORDS | REGULATOR_WORDS
               for doer in doers for t in _phrase(doer))


def _doers(token: Token) -> list[Token]:
    """Who does what the trigger says: its subject, or the agent of its passive ("by the
    department"), or those of the verb it is coordinated with ("the board approved the budget
    and rejected the plan")."""
    doers = [child for child in token.children if child.dep_ == "nsubj"] + [
        grand for child in token.children if child.dep_ == "agent"
        for grand in child.children if grand.dep_ == "pobj"]
    if not doers and token.dep_ == "conj" and token.head.i != token.i:
        return _doers(token.head)
    return doers


def disease_found(parsed: Doc, token: Token) -> bool:
    """A disease found or confirmed ("the H5N1 virus was found in a dead swan"), not a body or a
    weapon found."""
    found = [child for child in token.children if child.dep_ in ("nsubjpass", "dobj")]
    return any(t.lower_ in DISEASE_WORDS | PATHOGEN_WORDS for obj in found for t in _phrase(obj))


def watery(parsed: Doc, token: Token) -> bool:
    """Flooded with water, not "inundated with calls"."""
    return not any(child.lower_ == "with" and any(
        grand.dep_ == "pobj" and grand.lower_ not in WATER_WORDS for grand in child.children)
        for child in token.children)


def may_hold(requirement: str, words: frozenset[str], parties: bool) -> bool:
    """Whether a requirement can hold of a sentence with these words (lower case and lemmas,
    with its story's opening) and, when `parties`, a named person, body or country: checked
    before parsing, so that a sentence with only common words that no sense of theirs can use
    ("found", "closed", "ordered") is not parsed for nothing."""
    needed = CUE_WORDS.get(requirement)
    if needed is None:
        return True
    return bool(words & needed) or (requirement in PARTY_REQUIREMENTS and parties)


# Senses that need one of a list's words about the trigger (the trigger, what hangs from it and
# its head: "strike" is labour's with workers near it; forces withdraw, not a pension or a bill),
# or anywhere in its sentence (a crash is an air crash with an aircraft in it).
NEAR_WORD_CHECKS: dict[str, frozenset[str]] = {
    "labour": LABOUR_WORDS, "troops": FORCE_WORDS, "vessel": VESSEL_WORDS,
    "structure": STRUCTURE_WORDS, "industrial": INDUSTRIAL_WORDS, "volcano": VOLCANO_WORDS,
    "law_object": LAW_WORDS, "road_vehicle": ROAD_VEHICLES, "lightning": LIGHTNING_WORDS,
    "armed_forces": ARMED_FORCE_WORDS}
SENTENCE_WORD_CHECKS: dict[str, frozenset[str]] = {
    "aircraft": AIRCRAFT_WORDS, "train": TRAIN_WORDS, "court": COURT_WORDS,
    "law_sentence": LAW_WORDS}


def _near_check(words: frozenset[str]) -> Callable[[Doc, Token], bool]:
    return lambda parsed, token: bool(_near_words(token) & words)


def _sentence_check(words: frozenset[str]) -> Callable[[Doc, Token], bool]:
    return lambda parsed, token: bool(_sentence_words(parsed) & words)


REQUIREMENTS: dict[str, Callable[[Doc, Token], bool]] = {
    check.__name__: check for check in (
        military, armed, disease, not_gunfire, legal_charge, released_person, official, past,
        plural, person_object, not_medical, lowercase, assailant, not_ailment, agreed_on,
        not_served, among_officials, watery, measure, declared, by_police, territory, fled_from,
        by_vehicle, refuge, electoral, pact_signed, agreement_made, directed_act, plant_blast,
        by_train, from_prison, chose_someone, by_regulator, by_government,
        not_electoral, by_authority, authority_measure, disease_found, order_of_authority,
        found_guilty, political_rally, public_place, person_removed, disease_doer)
} | {name: _near_check(words) for name, words in NEAR_WORD_CHECKS.items()} \
  | {name: _sentence_check(words) for name, words in SENTENCE_WORD_CHECKS.items()}


# For requirements that need one of these words in the sentence (or, for a disease, in its
# story's opening): `may_hold`. The requirements of PARTY_REQUIREMENTS are also met by a name.
CUE_WORDS: dict[str, frozenset[str]] = {
    "disease": DISEASE_WORDS, "disease_found": DISEASE_WORDS | PATHOGEN_WORDS,
    "disease_doer": DISEASE_WORDS | PATHOGEN_WORDS, "found_guilty": frozenset({"guilty"}),
    "public_place": PUBLIC_PLACES, "by_police": POLICE_WORDS, "military": MILITARY_WORDS,
    "measure": MEASURE_WORDS, "declared": DECLARING_VERBS, "by_authority": AUTHORITY_WORDS,
    "authority_measure": AUTHORITY_WORDS, "by_regulator": AUTHORITY_WORDS | REGULATOR_WORDS,
    "by_government": GOVERNMENT_WORDS,
    "order_of_authority": AUTHORITY_WORDS, "person_removed": AUTHORITY_WORDS,
    "among_officials": OFFICIAL_WORDS | INSTITUTION_WORDS | NAMED_BODY_WORDS,
} | NEAR_WORD_CHECKS | SENTENCE_WORD_CHECKS


PARTY_REQUIREMENTS = frozenset({"by_authority", "authority_measure", "order_of_authority",
                                "by_government", "directed_act", "person_removed",
                                "among_officials"})
