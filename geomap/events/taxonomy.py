"""The event taxonomy: our types and subtypes, the family each belongs to, and the ACLED event type
and sub-event type a conflict, protest or arrest event is in ACLED's own scheme.

Families group what an analyst filters by: `conflict` and `protest` follow ACLED (Battles,
Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments);
beside them `disaster`, `accident`, `legal`, `political`, `displacement`, and `statement` (who said
what, kept out of the events unless asked for). `geomap/data/README.md` documents every type;
`geomap/data/event_triggers.csv` lists the words that trigger them.
"""

from __future__ import annotations

from gazetteer.model import Kind
from geomap.places.mention import PlaceMention

# Our types, by family, in the order a legend lists them.
TYPES_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "conflict": ("armed clash", "attack", "violence against civilians", "capture", "deployment"),
    "protest": ("protest",),
    "disaster": ("disaster",),
    "accident": ("accident",),
    "legal": ("arrest", "legal proceedings"),
    "political": ("political decision", "meeting"),
    "displacement": ("displacement",),
    "statement": ("statement",),
}
FAMILIES = tuple(TYPES_BY_FAMILY)
EVENT_TYPES = tuple(t for types in TYPES_BY_FAMILY.values() for t in types)
FAMILY_OF_TYPE = {t: family for family, types in TYPES_BY_FAMILY.items() for t in types}

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"
# (our type, our subtype) -> (ACLED event type, ACLED sub-event type); "*" is any subtype.
ACLED_TYPES: dict[tuple[str, str], tuple[str, str]] = {
    ("armed clash", "*"): (BATTLES, "Armed clash"),
    ("attack", "bombing"): (REMOTE, "Remote explosive/landmine/IED"),
    ("attack", "car bombing"): (REMOTE, "Remote explosive/landmine/IED"),
    ("attack", "suicide bombing"): (REMOTE, "Suicide bomb"),
    ("attack", "air strike"): (REMOTE, "Air/drone strike"),
    ("attack", "drone strike"): (REMOTE, "Air/drone strike"),
    ("attack", "missile strike"): (REMOTE, "Shelling/artillery/missile attack"),
    ("attack", "rocket attack"): (REMOTE, "Shelling/artillery/missile attack"),
    ("attack", "shelling"): (REMOTE, "Shelling/artillery/missile attack"),
    ("attack", "arson"): (STRATEGIC, "Looting/property destruction"),
    ("attack", "sabotage"): (STRATEGIC, "Looting/property destruction"),
    ("attack", "prison break"): (STRATEGIC, "Other"),
    ("attack", "*"): (BATTLES, "Armed clash"),  # against civilians: see acled_type
    ("violence against civilians", "abduction"): (CIVILIANS, "Abduction/forced disappearance"),
    ("violence against civilians", "sexual violence"): (CIVILIANS, "Sexual violence"),
    ("violence against civilians", "looting"): (STRATEGIC, "Looting/property destruction"),
    ("violence against civilians", "*"): (CIVILIANS, "Attack"),
    ("capture", "withdrawal"): (STRATEGIC, "Non-violent transfer of territory"),
    ("capture", "surrender"): (STRATEGIC, "Non-violent transfer of territory"),
    ("capture", "annexation"): (STRATEGIC, "Non-violent transfer of territory"),
    ("capture", "*"): (BATTLES, "Non-state actor overtakes territory"),
    ("deployment", "*"): (STRATEGIC, "Other"),
    ("protest", "riot"): ("Riots", "Violent demonstration"),
    ("protest", "mob violence"): ("Riots", "Mob violence"),
    ("protest", "protest with intervention"): ("Protests", "Protest with intervention"),
    ("protest", "*"): ("Protests", "Peaceful protest"),
    ("arrest", "*"): (STRATEGIC, "Arrests"),
    ("meeting", "agreement"): (STRATEGIC, "Agreement"),
    ("meeting", "ceasefire"): (STRATEGIC, "Agreement"),
    ("meeting", "prisoner exchange"): (STRATEGIC, "Agreement"),
}
# Subtypes of an attack that ACLED counts as explosions or remote violence whoever is hit.
REMOTE_SUBTYPES = frozenset(sub for (kind, sub), (acled, _) in ACLED_TYPES.items()
                            if kind == "attack" and acled == REMOTE)

# ACLED's geo_precision: 1 the exact town, village or point; 2 near a town or part of a region;
# 3 a province, region, country or larger. Kinds not listed here count as 3.
POINT_KINDS = frozenset({Kind.CITY, Kind.TOWN, Kind.VILLAGE, Kind.NEIGHBOURHOOD, Kind.CAMP,
                         Kind.BASE, Kind.AIRPORT, Kind.PORT, Kind.DAM, Kind.BORDER_CROSSING,
                         Kind.SITE, Kind.USER, Kind.MOUNTAIN, Kind.PASS})
PART_OF_REGION_KINDS = frozenset({Kind.ADMIN2, Kind.DISTRICT, Kind.VALLEY, Kind.APPROXIMATE,
                                  Kind.LAKE, Kind.ISLAND, Kind.STRAIT, Kind.CANAL})
# An approximate place within this radius (km) is "near a town"; beyond it, a region.
NEAR_KM = 50.0


def acled_type(event_type: str, subtype: str, *, state_actor: bool = False,
               civilian_victims: bool = False) -> tuple[str | None, str | None]:
    """ACLED's event type and sub-event type, or (None, None) for families ACLED does not code.

    A capture by state forces is the government regaining territory; an attack on civilians with
    no remote weapon is violence against civilians."""
    found = ACLED_TYPES.get((event_type, subtype)) or ACLED_TYPES.get((event_type, "*"))
    if found is None:
        return None, None
    if found == (BATTLES, "Non-state actor overtakes territory") and state_actor:
        return BATTLES, "Government regains territory"
    if event_type == "attack" and subtype not in REMOTE_SUBTYPES and civilian_victims \
            and found[0] == BATTLES:
        return CIVILIANS, "Attack"
    return found


def geo_precision(place: PlaceMention | None) -> int | None:
    """ACLED's geo_precision code for a place (None when there is no place)."""
    if place is None:
        return None
    if place.uncertainty_km is not None:
        return 2 if place.uncertainty_km <= NEAR_KM else 3
    if place.kind in POINT_KINDS:
        return 1
    return 2 if place.kind in PART_OF_REGION_KINDS else 3
