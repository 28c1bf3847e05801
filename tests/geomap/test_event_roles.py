"""Who did it and to whom: actor mentions and their roles in an event, read from the parse of
sentences written for these tests, with the real model and actor table."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import geomap
from geomap import nlp
from geomap.actors import ActorTable
from geomap.events.actor_mentions import ActorMention, find_actors
from geomap.events.records import Actor
from geomap.events.roles import event_roles
from geomap.events.syntax import Distances


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable.load()


def parse(text: str) -> Doc:
    """The sentence parsed as events parse their sentences."""
    (sentence,) = nlp.load()(text).sents
    (parsed,) = nlp.parse([sentence])
    return parsed


def mentions(parsed: Doc, table: ActorTable, places: set[int] = frozenset()
             ) -> list[ActorMention]:
    return find_actors(parsed, table, {}, places)


def actors(text: str, trigger: str, event_type: str, table: ActorTable) -> list[Actor]:
    """The event's actors; references ("he", "the group") are left out, as an article with no
    one else named leaves them unresolved."""
    parsed = parse(text)
    head = next(token.i for token in parsed if token.text == trigger)
    named = [mention for mention in find_actors(parsed, table, {}, triggers={head})
             if not mention.reference]
    return event_roles(Distances(parsed, head, set()), parsed, head, named, event_type,
                       table.nouns)


def roles(text: str, trigger: str, event_type: str, table: ActorTable) -> set[tuple[str, str]]:
    return {(actor.name, actor.role) for actor in actors(text, trigger, event_type, table)}


POLICE = ("Government police", "actor")


def test_active_voice_subject_does_it_object_undergoes_it(table):
    assert roles("Police arrested two men in Leeds on Friday.", "arrested", "arrest",
                 table) == {POLICE, ("Civilians", "target")}


def test_passive_voice_agent_does_it_subject_undergoes_it(table):
    assert roles("Two men were arrested by police in Leeds.", "arrested", "arrest",
                 table) == {POLICE, ("Civilians", "target")}
    assert roles("Civilians were killed by militants in an attack on the market.", "attack",
                 "attack", table) == {("Militants", "actor"), ("Civilians", "victim")}


def test_the_source_of_a_report_takes_no_part(table):
    assert roles("The village was shelled by government forces, residents said.", "shelled",
                 "attack", table) == {("Government forces", "actor")}


def test_hedged_and_negated_events_keep_their_doers(table):
    assert roles("Rebels allegedly attacked the convoy.", "attacked", "attack",
                 table) == {("Rebels", "actor")}
    assert roles("The army did not attack the town.", "attack", "attack",
                 table) == {("Government forces", "actor")}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Militants killed 12 civilians in an attack on the market.", "attack"),
    ("Five civilians died in the attack on the market.", "attack"),
    ("Nine people were killed when a suicide bomber attacked a funeral.", "attacked"),
    ("Gunmen stormed a hotel in the capital, killing five guests.", "stormed"),
])
def test_civilians_harmed_are_victims(text, trigger, table):
    assert ("Civilians", "victim") in roles(text, trigger, "attack", table)


def test_victims_named_in_a_clause_of_killing(table):
    (bomber, victims) = actors("A suicide bomber attacked worshippers at a mosque, killing a "
                               "four-year-old boy and two children.", "attacked", "attack", table)
    assert (bomber.name, bomber.role) == ("Bomber", "actor")
    assert (victims.name, victims.role) == ("Civilians", "victim")
    assert {"worshippers", "two children"} <= set(victims.aliases_seen)
    assert any("boy" in alias for alias in victims.aliases_seen)


def test_armed_people_harmed_are_targets_and_civilians_outside_harm_are_not_victims(table):
    assert roles("Soldiers were killed in an attack on a checkpoint.", "attack", "attack",
                 table) == {("Government forces", "target")}
    assert ("Civilians", "target") in roles("Two men were arrested by police in Leeds.",
                                            "arrested", "arrest", table)


def test_an_actor_takes_one_role_in_one_event(table):
    (forces,) = actors("Iraqi forces clashed with Iraqi troops in Mosul.", "clashed",
                       "armed clash", table)
    assert (forces.name, forces.role) == ("Iraqi Security Forces", "actor")
    assert set(forces.aliases_seen) == {"Iraqi forces", "Iraqi troops"}


def test_aliases_in_one_sentence_are_one_actor(table):
    (group,) = actors("Islamic State militants, also known as ISIS or Daesh, attacked the town.",
                      "attacked", "attack", table)
    assert (group.name, group.role) == ("Islamic State", "actor")
    assert {"ISIS", "Daesh"} <= set(group.aliases_seen)


def test_who_did_it_through_a_governing_verb(table):
    # raising: the subject of "is believed" is the one who fled
    assert roles("Ahmed Diriye is believed to have fled the town.", "fled", "displacement",
                 table) == {("Ahmed Diriye", "actor")}
    assert roles("Ahmed Diriye is believed to have been arrested by police.", "arrested",
                 "arrest", table) == {("Ahmed Diriye", "target"), POLICE}
    # a support verb: who began the operation recaptures
    assert roles("Kenyan troops began an operation to recapture the port.", "recapture",
                 "capture", table) == {("Kenyan forces", "actor")}
    # object control: the ones forced flee, not the army
    assert roles("The army forced residents to flee the town.", "flee", "displacement",
                 table) == {("Civilians", "actor")}
    # the noun an active participle describes does it
    assert roles("Gunmen ambushed Kenyan troops advancing towards the port.", "advancing",
                 "deployment", table) == {("Kenyan forces", "actor")}


def test_those_who_flee_a_fight_do_not_fight_it(table):
    assert roles("About 3,000 villagers have fled the fighting.", "fighting", "armed clash",
                 table) == set()


def test_owners_of_a_noun_trigger_and_its_objects(table):
    assert roles("Coalition air strikes hit the town.", "strikes", "attack",
                 table) == {("US-led coalition", "actor")}
    assert roles("The army launched its offensive on al-Shabaab.", "offensive", "armed clash",
                 table) == {("Government forces", "actor"), ("al-Shabaab", "target")}
    assert roles("Thousands of townspeople protested against the mine.", "protested",
                 "protest", table) == {("Civilians", "actor")}
    assert roles("Rebels seized the town from al-Shabaab.", "seized", "capture",
                 table) == {("Rebels", "actor"), ("al-Shabaab", "target")}


def test_plural_or_new_people_are_no_reference_to_the_leader(table):
    text = "The emir left two senior commanders behind to fight the battle for the port."
    by_text = {mention.text: mention for mention in mentions(parse(text), table)}
    assert by_text["emir"].reference
    commanders = by_text["two senior commanders"]
    assert (commanders.name, commanders.reference, commanders.generic) == (
        "Commanders", False, True)
    (someone,) = mentions(parse("A commander was killed in the strike."), table)
    assert (someone.name, someone.reference, someone.generic) == ("Commander", False, True)
    assert roles(text, "battle", "armed clash", table) == {("Commanders", "actor")}


def test_a_place_is_never_an_actor(table):
    parsed = parse("MOGADISHU - Hezbollah fighters attacked the town.")
    assert [mention.name for mention in mentions(parsed, table, places={0, 2})] == ["Fighters"]
    assert not any("Raqa" in mention.name
                   for mention in mentions(parse("Rebels attacked a base in Raqa."), table))
    # where a movement goes is not whom it is done to
    assert roles("Tribal fighters advanced on Raqa.", "advanced", "deployment",
                 table) == {("Fighters", "actor")}


def test_a_date_is_never_an_actor(table):
    names = {mention.name for mention in mentions(parse("Gunmen attacked worshippers on Friday "
                                                        "in March."), table)}
    assert names == {"Gunmen", "Civilians"}


def test_roles_in_an_article(gazetteer, table):
    """The same rules through the pipeline, where places and dates are the article's."""
    events = geomap.parse("Tribal fighters advanced on Raqa on Monday. The village of Kafr Nabl "
                          "was shelled by government forces on Tuesday, residents said.",
                          published="2021-06-10", gazetteer=gazetteer, actors=table).events
    names = {actor.name for event in events for actor in event.actors}
    assert "Raqa" not in names and "Civilians" not in names
    (shelling,) = [event for event in events if event.type == "attack"]
    # the government forces of the story's country, under the actor table's name for them
    assert [(a.name, a.role) for a in shelling.actors] == [("Syrian Arab Army", "actor")]
    assert shelling.reported


def _parties(text: str, gazetteer, table) -> list[tuple[str, str, list[tuple[str, str]]]]:
    events = geomap.parse(text, published="2009-03-25", gazetteer=gazetteer, actors=table).events
    return [(event.type, event.subtype, [(a.name, a.role) for a in event.actors])
            for event in events]


def test_an_institution_named_once_is_the_one_its_noun_means(gazetteer, table):
    found = _parties("Dale Pruitt was arrested on Monday by the Harlan County Sheriff's Office. "
                     "Deputies arrested his brother on Tuesday. The Harlan City Council voted "
                     "6-1 on Wednesday to close the pool.", gazetteer, table)
    office = ("Harlan County Sheriff's Office", "actor")
    assert office in found[0][2] and ("Dale Pruitt", "target") in found[0][2]
    assert found[1][2][0] == office  # "deputies": the office named before
    assert ("Harlan City Council", "actor") in found[2][2]


def test_a_title_case_headline_lends_no_run_on_name(gazetteer, table):
    """The model's "Dayton Police Seize Rifles, Cash In Raids" is a headline's capitals, not an
    institution: "police" in the body is the town's police department."""
    text = ("Dayton Police Seize Rifles, Cash In Raids\n\nOfficers seized four rifles and $9,000 "
            "in cash in raids in Dayton, Ohio, on Tuesday, police said. Officers arrested Dana Voss.")
    names = {name for _, _, parties in _parties(text, gazetteer, table) for name, _ in parties}
    assert not any("Seize" in name for name in names)
    assert "Dayton Police Department" in names


def test_an_arrest_no_one_is_named_making_is_the_story_s_police(gazetteer, table):
    found = _parties("Tainted liquor killed nine people in Nairobi, police said. The woman who "
                     "brewed it was arrested on Monday.", gazetteer, table)
    arrest = next(parties for event_type, _, parties in found if event_type == "arrest")
    assert ("Kenyan police", "actor") in arrest
    # a story that never speaks of police leaves the arrest's maker unnamed
    found = _parties("Tainted liquor killed nine people in Nairobi. The woman who brewed it was "
                     "arrested on Monday.", gazetteer, table)
    arrest = next(parties for event_type, _, parties in found if event_type == "arrest")
    assert not [name for name, role in arrest if role == "actor"]


def test_a_court_in_a_legal_step_takes_it(gazetteer, table):
    (appearance,) = _parties("John Lambe and Matt Evans appeared at Feltham Magistrates' Court "
                             "on November 18, where they pleaded not guilty.", gazetteer, table)
    assert ("Feltham Magistrates' Court", "actor") in appearance[2]
    assert ("John Lambe", "target") in appearance[2]


def test_a_council_named_by_what_it_is_is_the_story_town_s(gazetteer, table):
    found = _parties("The City Council voted 5-2 on Monday to close the pool in Dublin, Ohio. "
                     "In Franklin County, commissioners approved the levy on Tuesday.",
                     gazetteer, table)
    vote = next(parties for _, subtype, parties in found if subtype == "vote")
    assert vote == [("Dublin City Council", "actor")]
    levy = next(parties for _, subtype, parties in found if subtype == "decision")
    assert levy == [("Franklin County Board of Commissioners", "actor")]
    # its members acting are the council
    (budget,) = _parties("Council members in Dublin, Ohio, approved the budget on Tuesday.",
                         gazetteer, table)
    assert budget[2] == [("Dublin City Council", "actor")]


@pytest.mark.parametrize(("text", "force"), [
    ("DeKalb police arrested Keith Long in DeKalb, Illinois, on Monday.",
     "DeKalb Police Department"),
    ("Barrie police arrested Tom Hale in Barrie, Ontario, on Wednesday.", "Barrie Police Service"),
    ("Michigan State Police arrested Tom Hale in Flint on Wednesday.", "Michigan State Police"),
])
def test_a_town_s_police_are_named_in_full_where_policing_is_local(gazetteer, table, text,
                                                                   force):
    (arrest,) = _parties(text, gazetteer, table)
    assert (force, "actor") in arrest[2]


def test_an_institution_a_county_qualifies_is_named_in_full(gazetteer, table):
    found = _parties("Two men were arrested on Tuesday after Dorchester County sheriff's "
                     "deputies searched a barn near Harleyville. Berkeley County commissioners "
                     "voted on Monday to dismiss the county Board of Tax Assessors.",
                     gazetteer, table)
    assert ("Dorchester County Sheriff's Office", "actor") in found[0][2]
    # the commissioners are not the one board of another kind the article names
    vote = next(parties for _, subtype, parties in found if subtype == "vote")
    assert ("Berkeley County Board of Commissioners", "actor") in vote


def test_the_government_is_that_of_the_country_named_last(gazetteer, table):
    found = _parties("Health workers marked the day across Africa and Asia. In Kenya, clinics "
                     "offered free tests. In China, the government announced on Friday a ban "
                     "on blood sales. Kenya, Uganda and Tanzania held marches.",
                     gazetteer, table)
    ban = next(parties for _, subtype, parties in found if parties and any(
        name.startswith("Government") for name, _ in parties))
    assert ("Government of China", "actor") in ban


def test_an_office_is_its_one_holder_else_named_by_its_place(gazetteer, table):
    found = _parties("Gov. Ruth Ogden toured the flooded streets of Albany on Sunday. The "
                     "governor declared a state of emergency in Albany on Monday. On Tuesday, "
                     "the mayor of Troy imposed a curfew in Troy.", gazetteer, table)
    emergency = next(parties for _, subtype, parties in found if ("Ruth Ogden", "actor") in
                     parties)
    assert emergency == [("Ruth Ogden", "actor")]
    curfew = next(parties for _, _, parties in found if any("Troy" in name
                                                             for name, _ in parties))
    assert ("Mayor of Troy", "actor") in curfew


def test_a_step_naming_no_one_continues_the_case_just_told(gazetteer, table):
    found = _parties("Dana Reyes was arrested in Pomeroy on Friday, and Lee Hart was arrested "
                     "in Pomeroy on Monday. Both were charged with arson in Meigs County Court "
                     "on Tuesday.", gazetteer, table)
    charge = next(parties for _, subtype, parties in found if subtype == "charge")
    assert {("Dana Reyes", "target"), ("Lee Hart", "target")} <= set(charge)


def test_a_defendant_in_court_and_the_court(gazetteer, table):
    found = _parties("Nora Quill, 41, of Pomeroy, was charged on Monday with arson. Quill "
                     "appeared in Harlan County Court on Friday.", gazetteer, table)
    (appearance,) = [parties for _, subtype, parties in found if subtype == "court appearance"]
    # the surname is the woman named in full; she undergoes the court's step
    assert appearance == [("Nora Quill", "target"), ("Harlan County Court", "actor")]


def test_the_reporting_agency_made_the_arrest(gazetteer, table):
    found = _parties("A Pomeroy man was arrested on Friday and charged with theft, according "
                     "to the Meigs County Sheriff's Office.", gazetteer, table)
    arrest = next(parties for event_type, _, parties in found if event_type == "arrest")
    assert ("Meigs County Sheriff's Office", "actor") in arrest


def test_protesters_and_unnamed_police_of_a_country(gazetteer, table):
    found = _parties("Demonstrators marched through Tbilisi on Sunday. Police detained 30 "
                     "protesters in Tbilisi on Monday.", gazetteer, table)
    assert found[0][2] == [("Protesters", "actor")]
    assert ("Georgian police", "actor") in found[1][2]
    assert ("Protesters", "target") in found[1][2]


def test_backed_forces_are_not_their_backers(gazetteer, table):
    found = _parties("Russian-backed government troops seized three villages east of Aleppo on "
                     "Monday. American troops deployed to Kobani on Tuesday.", gazetteer, table)
    assert found[0][2] == [("Syrian Arab Army", "actor")]
    assert found[1][2] == [("US forces", "actor")]


def test_a_country_that_acts_is_its_government_and_in_a_fight_its_forces(gazetteer, table):
    found = _parties("Kenya agreed on Monday to reopen the border crossing at Mandera. Somali "
                     "authorities banned gatherings in Mogadishu on Tuesday. Kenya launched an "
                     "offensive on Kismayo in October.", gazetteer, table)
    assert ("Government of Kenya", "actor") in found[0][2]
    assert ("Government of Somalia", "actor") in found[1][2]
    offensive = next(parties for event_type, _, parties in found if event_type == "armed clash")
    assert ("Kenyan forces", "actor") in offensive


def test_a_sheriffs_office_named_alone_is_the_countys_and_national_armies_by_adjective(
        gazetteer, table):
    found = _parties("Two men were arrested on Saturday near Chapin, Harlan County deputies said, "
                     "according to a Sheriff's Department news release.", gazetteer, table)
    assert ("Harlan County Sheriff's Department", "actor") in found[0][2]
    assert table.forces_name("Lebanese forces") == "Lebanese Armed Forces"
    assert table.forces_name("Israeli troops") == "Israel Defense Forces"


def test_who_declares_or_imposes_what_the_noun_names_is_its_actor(gazetteer, table):
    found = _parties("Governor Ruth Ogden declared a state of emergency in Albany on Monday. The "
                     "mayor, Tom Reyes, imposed a curfew in Albany on Tuesday.", gazetteer, table)
    assert ("Ruth Ogden", "actor") in found[0][2]
    assert ("Tom Reyes", "actor") in found[1][2]


def test_a_law_is_not_an_actor(table):
    # the model calls "Bill 461" a person here
    names = {mention.name for mention in mentions(parse(
        "My vote against Senate Bill 461 was a mistake."), table)}
    assert not any("Bill" in name for name in names)


def test_a_jury_is_named_as_written_with_its_county(table):
    assert roles("A Navarro County jury convicted the banker of fraud on Monday.", "convicted",
                 "legal proceedings", table) >= {("Navarro County jury", "actor")}
    assert roles("A federal jury convicted the banker of fraud on Monday.", "convicted",
                 "legal proceedings", table) >= {("Federal jury", "actor")}


def test_who_leads_a_group_takes_its_part(table):
    assert ("Imran Khan", "actor") in roles(
        "Thousands of protesters led by Imran Khan marched through Lahore.", "protesters",
        "protest", table)
    assert ("Joseph Kony", "actor") in roles(
        "Rebels led by Joseph Kony attacked a village near Gulu.", "attacked", "attack", table)


def test_a_relative_clause_after_a_list_is_about_every_name_in_it(table):
    assert roles("Tom Hale and Ann Lee, who were appointed by the council in May, resigned.",
                 "appointed", "political decision", table) >= {
        ("Tom Hale", "target"), ("Ann Lee", "target")}


def test_a_district_attorney_is_an_authority_named_as_written(table):
    assert roles("On Monday, the Queens District Attorney indicted Paul Rowe on fraud charges.",
                 "indicted", "legal proceedings", table) == {
        ("Queens District Attorney", "actor"), ("Paul Rowe", "target")}


def test_whose_request_a_decision_is_on_is_its_target(table):
    assert ("Acme", "target") in roles("The board in Dayton denied Acme's permit on Monday.",
                                       "denied", "political decision", table)


def test_a_board_is_an_institution_named_as_written(table):
    assert ("Dayton school board", "actor") in roles(
        "The Dayton school board voted to close two schools on Monday.", "voted",
        "political decision", table)


def test_armed_men_are_an_armed_group_not_civilians(table):
    assert roles("Armed men killed dozens of villagers near Beni on Tuesday.", "killed", "attack",
                 table) == {("Unidentified armed group", "actor"), ("Civilians", "victim")}
