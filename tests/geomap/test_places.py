"""Places found in an article and resolved in context, on an article written for the tests."""

from __future__ import annotations

import pytest

from gazetteer.geo import distance_km
from geomap.pipeline import geoparse_articles
from geomap.read.article import read_articles


@pytest.fixture(scope="module")
def offensive(gazetteer, data_dir):
    path = data_dir / "river-offensive.txt"
    (parsed,) = geoparse_articles(read_articles(path), gazetteer)
    return parsed


def _parse(gazetteer, tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (parsed,) = geoparse_articles(read_articles(path), gazetteer)
    return parsed


def _places_of(gazetteer, tmp_path, text):
    return {m.text: m for m in _parse(gazetteer, tmp_path, text).places}


def _by_text(parsed):
    found = {}
    for mention in parsed.places:
        found.setdefault(mention.text, []).append(mention)
    return found


def test_offsets_index_the_text_as_read(offensive, data_dir):
    raw = (data_dir / "river-offensive.txt").read_text(encoding="utf-8")
    assert offensive.places
    for mention in offensive.places:
        assert raw[mention.start:mention.end] == mention.text


def test_every_mention_of_a_name_is_found_and_resolved_alike(offensive):
    mosul = _by_text(offensive)["Mosul"]
    assert len(mosul) == 3
    assert {m.geonameid for m in mosul} == {mosul[0].geonameid}
    assert distance_km(mosul[0].lat, mosul[0].lon, 36.335, 43.119) < 10


def test_a_name_the_model_misreads_is_kept_on_a_locative_cue(offensive):
    tal_afar = _by_text(offensive)["Tal Afar"]
    assert len(tal_afar) == 2
    assert all(m.country == "IQ" and distance_km(m.lat, m.lon, 36.377, 42.448) < 10
               for m in tal_afar)


def test_names_are_grown_to_the_longest_known_place(offensive):
    found = _by_text(offensive)
    assert found["Deir ez-Zor province"][0].kind == "admin1"
    valley = found["Euphrates river valley"][0]
    assert valley.kind == "valley" and valley.geometry is not None
    assert found["Euphrates"][0].kind == "river"


def test_demonyms_are_mentions_of_their_country(offensive):
    iraqi = _by_text(offensive)["Iraqi"]
    assert {(m.kind, m.country) for m in iraqi} == {("demonym", "IQ")}


def test_an_adjective_of_a_country_the_model_calls_a_person_is_a_demonym(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Nobody expects Sierra Leonean diamond output to recover soon.")
    assert (found["Sierra Leonean"].kind, found["Sierra Leonean"].country) == ("demonym", "SL")


def test_descriptions_in_lower_case_are_not_places(offensive, gazetteer, tmp_path):
    assert "east bank" not in _by_text(offensive)
    found = _places_of(gazetteer, tmp_path,
                       "They died in the St. Paris Court West mobile home park in Toledo.")
    assert "mobile" not in found and found["Toledo"].admin1 == "Ohio"


def test_a_crossing_of_two_streets_is_one_street_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "A truck hit him near Rivers and Stokes avenues in North Charleston. Both "
                       "the Dayton and Akron roads were closed.")
    crossing = found["Rivers and Stokes avenues"]
    assert (crossing.kind, crossing.admin1) == ("street", "South Carolina")
    assert "Rivers" not in found and "Stokes" not in found
    assert found["Dayton"].kind == "city" and found["Akron"].kind == "city"


def test_confidence_and_context(offensive):
    for mention in offensive.places:
        assert 0.0 < mention.confidence <= 1.0
        before, text, after = mention.context
        assert text == mention.text
    baghdad = _by_text(offensive)["Baghdad"][0]
    assert baghdad.context[0].endswith("officials in")


def test_record_follows_the_contract(offensive):
    record = offensive.places[0].to_dict()
    assert set(record) >= {"start", "end", "text", "name", "lat", "lon", "geonameid", "kind",
                           "country", "admin1", "confidence", "source"}


def test_html_article_offsets_point_into_the_markup(gazetteer, tmp_path):
    raw = ("<html><body><h1>Report</h1><p>Clashes were reported in <em>Aleppo</em> on Monday.</p>"
           "</body></html>")
    path = tmp_path / "a.html"
    path.write_text(raw, encoding="utf-8")
    (parsed,) = geoparse_articles(read_articles(path), gazetteer)
    aleppo = [m for m in parsed.places if m.text == "Aleppo"]
    assert aleppo and raw[aleppo[0].start:aleppo[0].end] == "Aleppo"
    assert aleppo[0].country == "SY"


@pytest.mark.parametrize(("text", "place", "kept"), [
    # a name the model leaves untagged, after "the", is a place when it names the noun after it
    ("The Kirkuk governor visited the Mosul market on Monday.", "Mosul", True),
    ("A poodle took the ribbon after capturing the Best in Show award.", "Best", False),
    ("The bill was sent to the Duma in December by the president.", "Duma", False),
])
def test_a_name_after_the_is_a_place_only_as_a_noun_s_modifier(gazetteer, tmp_path, text,
                                                             place, kept):
    assert (place in _places_of(gazetteer, tmp_path, text)) == kept


def test_a_country_used_as_a_modifier_is_an_adjective_mention(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "US-led coalition jets and Russian-backed troops fought near Palmyra in Syria.")
    assert (found["US"].kind, found["US"].country) == ("demonym", "US")
    assert found["Russian"].kind == "demonym"
    assert found["Syria"].kind == "country"
    assert found["Palmyra"].country == "SY"


def test_a_demonym_and_its_country_are_different_map_places(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Iraqi officials said the border with Iraq's neighbour was closed.")
    keys = {m.kind: m.place_key for m in found.values()}
    assert keys["demonym"] != keys["country"]


def test_codes_and_abbreviations_must_be_written_as_such(gazetteer, tmp_path):
    by_text = _places_of(gazetteer, tmp_path,
                         "Mass was held in Mar Elias church. Later, he spoke in Ky. and in Morocco.")
    assert "Mass" not in by_text and "Mar" not in by_text
    assert by_text["Ky."].admin1 == "Kentucky"
    assert by_text["Morocco"].country == "MA"


def test_a_surname_of_a_person_in_the_article_is_not_a_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Militant leader Abu Bakr al-Baghdadi was seen in Raqqa. Officials said the "
                       "whereabouts of Baghdadi were unknown.")
    assert list(found) == ["Raqqa"]


def test_the_article_s_other_places_choose_among_namesakes(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "A warehouse fire in Dublin was brought under control on Monday. Crews from "
                       "Macon and Savannah helped, and the Georgia fire marshal is investigating.")
    dublin = found["Dublin"]
    assert (dublin.country, dublin.admin1) == ("US", "Georgia")
    assert dublin.alternatives, "the other Dublins are kept as runners-up"
    assert all(a.admin1 != "Georgia" for a in dublin.alternatives)
    assert sum(a.confidence for a in dublin.alternatives) < dublin.confidence


def test_a_place_naming_a_thing_or_in_an_address_is_kept(gazetteer, tmp_path):
    # the model calls each of these a person
    found = _places_of(gazetteer, tmp_path,
                       "A break in the Roswell water main flooded a road in Fulton County. "
                       "Dana Poe, 22, of 610 Maple St., Natchitoches, La., was arrested.")
    assert (found["Roswell"].admin1, found["Natchitoches"].admin1) == ("Georgia", "Louisiana")
    assert "Dana Poe" not in found
    # a name before a word that follows people's names as often stays a person's
    assert _places_of(gazetteer, tmp_path, "Critics of the Clinton administration spoke.") == {}


def test_a_bare_name_is_the_place_the_article_qualified_it_as(gazetteer, tmp_path):
    parsed = _parse(gazetteer, tmp_path, "The band toured Cork, Galway, Limerick, Sligo and "
                    "Waterford before a show in Dublin, Ohio. Dublin fans queued all night.")
    dublins = [(p.country, p.admin1) for p in parsed.places if p.text == "Dublin"]
    assert dublins == [("US", "Ohio"), ("US", "Ohio")]


def test_a_town_the_gazetteer_lacks_stays_inside_its_qualifier(gazetteer, tmp_path):
    """No Stroud in the gazetteer lies in Ontario: "Stroud, Ontario" is a town it lacks,
    placed roughly in Ontario, and its bare mention with it, not Stroud in England."""
    parsed = _parse(gazetteer, tmp_path, "A driver was stopped on a highway in Stroud, Ontario, "
                    "on Sunday. Stroud residents said the road was icy.")
    strouds = [p for p in parsed.places if p.text == "Stroud"]
    assert len(strouds) == 2
    for stroud in strouds:
        assert (stroud.country, stroud.admin1, stroud.kind) == ("CA", "Ontario", "approximate")
        assert stroud.anchor == "Ontario" and stroud.uncertainty_km >= 100
        assert stroud.geonameid is None
    # a qualified town the gazetteer holds is still its own place
    dublin = _places_of(gazetteer, tmp_path, "A show in Dublin, Ohio, sold out.")["Dublin"]
    assert (dublin.country, dublin.kind) == ("US", "city") and dublin.geonameid is not None


def test_a_town_in_a_city_s_style_is_the_town_the_article_names(gazetteer, tmp_path):
    """"Dublin City Council" in a story on Dublin, Ohio is that town's council, not Dublin in
    Ireland; a name whose first word is a state ("Kansas City") is its own."""
    parsed = _parse(gazetteer, tmp_path, "The Dublin City Council met on Monday. Dublin, Ohio "
                    "residents asked for a new pool. Dublin is north-west of Columbus. Kansas "
                    "City and Kansas were hit by storms.")
    towns = {(p.text, p.name, p.country, p.admin1) for p in parsed.places}
    assert ("Dublin City", "Dublin", "US", "Ohio") in towns
    assert {p.name for p in parsed.places if p.text == "Kansas City"} == {"Kansas City"}


def test_a_word_listed_with_a_place_is_a_place_but_with_an_adjective_an_adjective(gazetteer,
                                                                                   tmp_path):
    # Arab is also a town in Alabama; Homs is known, and the model may not call it a place
    found = _places_of(gazetteer, tmp_path,
                       "Fighters came from Raqqa and Homs, and Kurdish and Arab fighters advanced.")
    assert found["Homs"].country == "SY" and found["Kurdish"].kind == "demonym"
    assert "Arab" not in found


def test_two_ambiguous_names_settle_each_other(gazetteer, tmp_path):
    # Henry County is likeliest Georgia's and Paris Texas's; only in Tennessee is Paris the seat
    # of a Henry County
    found = _places_of(gazetteer, tmp_path,
                       "The Henry County commission met in Paris on Tuesday to discuss the jail.")
    assert (found["Paris"].country, found["Paris"].admin1) == ("US", "Tennessee")
    assert (found["Henry County"].kind, found["Henry County"].admin1) == ("admin2", "Tennessee")


def test_without_context_the_prominent_namesake_wins(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "Thousands marched through Dublin on Saturday.")
    assert found["Dublin"].country == "IE"


def test_a_qualifying_place_after_a_comma_contains_the_name(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "The suspect, 19, of Alexandria, La., was arrested. A second man was "
                       "held in Paris, Texas, on Friday.")
    assert (found["Alexandria"].country, found["Alexandria"].admin1) == ("US", "Louisiana")
    assert (found["Paris"].country, found["Paris"].admin1) == ("US", "Texas")


def test_a_qualifier_may_be_a_reading_other_than_its_most_likely(gazetteer, tmp_path):
    # "Pa" alone is an old name of Chongqing a little before Pennsylvania's abbreviation
    found = _places_of(gazetteer, tmp_path, "She grew up in Lebanon, Pa., and lives in Peru, Ind.")
    assert (found["Lebanon"].kind, found["Lebanon"].admin1) == ("city", "Pennsylvania")
    assert (found["Peru"].kind, found["Peru"].admin1) == ("city", "Indiana")


def test_countries_separated_by_commas_are_a_list_not_a_qualification(gazetteer, tmp_path):
    # China is also a town in Japan, and Iraq an old name of Arak in Iran
    found = _places_of(gazetteer, tmp_path,
                       "Measles cases were reported in Mexico, China, Japan, Iraq, Iran and Peru.")
    for name, country in [("China", "CN"), ("Iraq", "IQ"), ("Mexico", "MX"), ("Iran", "IR")]:
        assert (found[name].kind, found[name].country) == ("country", country), name


def test_a_place_inside_an_organisation_name_is_kept(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Researchers at the Aleppo University hospital said supplies were short.")
    assert found["Aleppo"].country == "SY"


def test_a_demonym_inside_an_organisation_name_is_its_country(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "The Syrian Observatory for Human Rights counted the dead, and the "
                       "Turkish Foreign Ministry protested.")
    assert (found["Syrian"].kind, found["Syrian"].country) == ("demonym", "SY")
    assert (found["Turkish"].kind, found["Turkish"].country) == ("demonym", "TR")
    assert found["Syrian"].context[1] == "Syrian"


def test_a_province_listed_with_its_peer_is_not_a_town_inside_it(gazetteer, tmp_path):
    # Wales is also a village in England: England must not vouch for it against the province
    found = _places_of(gazetteer, tmp_path,
                       "Flooding closed roads across England and Wales on Sunday.")
    assert (found["Wales"].kind, found["Wales"].country) == ("admin1", "GB")
    assert found["England"].kind == "admin1"


def test_a_name_used_as_a_place_keeps_that_sense_where_the_model_missed_it(gazetteer, tmp_path):
    text = ("Volunteers filled sandbags in Mankato, Minn., on Tuesday. Mankato doubled its "
            "order, said Mankato City Manager Ann Loe.")
    parsed = _parse(gazetteer, tmp_path, text)
    mankato = [m for m in parsed.places if m.name == "Mankato"]
    assert [text[m.start:m.end] for m in mankato] == ["Mankato", "Mankato", "Mankato City"]
    assert {(m.country, m.admin1) for m in mankato} == {("US", "Minnesota")}
    assert mankato[1].confidence < mankato[0].confidence  # the model did not call it a place


def test_a_name_mostly_used_otherwise_is_not_spread(gazetteer, tmp_path):
    # the model reads one of four "Kristina"s as a place: the other three stay a person
    found = _by_text(_parse(gazetteer, tmp_path,
                            "Kristina Lopez lives in Austin, Texas. Kristina said the storm was "
                            "bad. Kristina and her husband left. Kristina drove north."))
    assert len(found.get("Kristina", [])) <= 1
    assert len(found["Austin"]) == 1


def test_names_listed_before_a_plural_kind_are_places_of_that_kind(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Snow emergencies were declared in Boone, Story, Hamilton, Hardin, "
                       "Marshall, Jasper, Poweshiek and Tama counties. Tiny Arthur and McPherson "
                       "counties had hail.")
    for name in ("Boone", "Story", "Hamilton", "Hardin", "Marshall", "Jasper", "Poweshiek", "Tama"):
        # five of these are likeliest another state's county (Hamilton County is Ohio's); Story,
        # Poweshiek and Tama counties are only Iowa's, and put the list there
        assert (found[name].kind, found[name].name, found[name].admin1) == (
            "admin2", f"{name} County", "Iowa"), name
    assert found["Arthur"].name == "Arthur County" and "Tiny Arthur" not in found


def test_one_name_before_a_plural_kind_is_not_a_list(gazetteer, tmp_path):
    # there are Texas Counties in Missouri and Oklahoma; "20 Texas counties" are in Texas
    found = _places_of(gazetteer, tmp_path,
                       "Flooding hit 20 Texas counties, and the Tigris and Euphrates rivers rose.")
    assert (found["Texas"].kind, found["Texas"].name) == ("admin1", "Texas")
    assert (found["Tigris"].kind, found["Euphrates"].kind) == ("river", "river")


def test_a_place_of_several_words_starting_an_organisation_name_is_kept(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Officials of the Clermont County Regional Water Cooperative met the U.S. "
                       "Energy Department. Al-Shabaab denied it.")
    assert (found["Clermont County"].kind, found["Clermont County"].country) == ("admin2", "US")
    assert found["U.S."].country == "US"
    assert not any(text.lower().startswith("al-shabaab") for text in found)


def test_a_legislators_home_after_the_party_is_a_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "The measure was sponsored by Sen. Ruth Vale, D-Cedar Falls, and Rep. Carl "
                       "Moss, R-Sioux Center, on Thursday, with Sen. Ida Kerr (R-S.D.) and Rep. "
                       "Ned Hale, D-Pa.")
    assert (found["Cedar Falls"].admin1, found["Sioux Center"].admin1) == ("Iowa", "Iowa")
    # "Pa" alone is also an old name of Chongqing; the full stop makes it the abbreviation
    assert (found["S.D."].name, found["Pa."].name) == ("South Dakota", "Pennsylvania")


def test_a_name_before_area_is_a_place(gazetteer, tmp_path):
    # the model calls Denton and Duluth persons, and "miss" here is a verb, not a title
    found = _places_of(gazetteer, tmp_path,
                       "Denton detectives questioned two sailors on Monday. Forecasters think the "
                       "squall will miss Duluth area farms.")
    assert found["Denton"].kind == "city"
    assert found["Duluth"].kind == "city"


def test_a_word_is_a_small_place_only_as_spelt(gazetteer, tmp_path):
    # Göd is a Hungarian town: "in God", which the model does not call a place, is not it
    assert "God" not in _places_of(gazetteer, tmp_path,
                                   "He has been a devout believer in God all his life.")
    found = _places_of(gazetteer, tmp_path, "Her brother moved to Göd in Hungary.")
    assert found["Göd"].country == "HU"


def test_a_place_named_in_an_unknown_place_name_is_kept(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Old deeds were stored in the basement of the Giles County Courthouse in "
                       "Pulaski, Tenn.")
    assert (found["Giles County"].kind, found["Giles County"].admin1) == ("admin2", "Tennessee")
    found = _places_of(gazetteer, tmp_path,
                       "Farmers across the Province of Manitoba will pay more, the minister said.")
    assert (found["Manitoba"].kind, found["Manitoba"].country) == ("admin1", "CA")
    # but one word of an unknown name is not a place on its own, nor a town a province
    found = _places_of(gazetteer, tmp_path,
                       "Refugees queued at Abu Karsh. Rain fell on Nyanza Province in Kenya.")
    assert "Abu" not in found and "Nyanza" not in found


def test_a_disease_named_after_a_place_is_not_the_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Health officials in Uganda confirmed two cases of Marburg virus.")
    assert "Marburg" not in found and found["Uganda"].kind == "country"
    # the name alone later in the article is still the disease, unless a place cue says otherwise
    parsed = _parse(gazetteer, tmp_path,
                    "The Marburg virus reached Kampala. Since Marburg incubates for days, nurses "
                    "in Entebbe trace every contact. Trains to Marburg, Germany, ran as usual, the "
                    "FAO said.")
    found = _by_text(parsed)
    assert [m.country for m in found["Marburg"]] == ["DE"]
    assert found["Marburg"][0].start == parsed.article.text.index("Marburg, Germany")
    assert "FAO" not in found  # the UN agency, not Al Faw in Iraq


def test_an_unknown_facility_stands_at_the_place_it_is_named_after(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Two men were detained at the Calgary Remand Centre after a scuffle.")
    assert (found["Calgary"].country, found["Calgary"].admin1) == ("CA", "Alberta")


def test_an_airport_is_a_place_of_its_own(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Two men were detained at Calgary International Airport after a scuffle. "
                       "Their flight had left Heathrow late; London police had been told.")
    calgary = found["Calgary International Airport"]
    assert calgary.kind == "airport" and distance_km(calgary.lat, calgary.lon, 51.13, -114.01) < 5
    heathrow = found["Heathrow"]  # the airport, not the town in Florida
    assert heathrow.kind == "airport" and heathrow.country == "GB"
    assert found["London"].country == "GB"


def test_an_airport_code_in_a_story_of_flights_is_the_airport(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "Flights at LAX and JFK were delayed for hours.")
    lax = found["LAX"]
    assert lax.kind == "airport" and distance_km(lax.lat, lax.lon, 33.94, -118.41) < 3
    assert found["JFK"].kind == "airport" and found["JFK"].admin1 == "New York"


def test_an_airport_code_alone_makes_no_word_a_place(gazetteer, tmp_path):
    # CIA is also Rome Ciampino's code, GOP Gorakhpur's
    found = _places_of(gazetteer, tmp_path, "Agents met at CIA headquarters in Langley, Virginia. "
                                            "The GOP met in Denver.")
    assert "CIA" not in found and "GOP" not in found


def test_streets_lie_in_the_town_the_article_puts_them_in(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Police closed Washington Avenue and part of Hyland-Croy Road in Dublin, "
                       "Ohio, on Friday after a water main broke near 1230 N. Elm St.")
    for name in ("Washington Avenue", "Hyland-Croy Road", "1230 N. Elm St."):
        street = found[name]
        assert street.kind == "street" and street.anchor == "Dublin"
        assert distance_km(street.lat, street.lon, 40.10, -83.11) < 5
        assert 2 <= street.uncertainty_km <= 25
    assert "Washington" not in found  # no word of a street's name is a town elsewhere


def test_an_address_is_a_street_however_it_is_written(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Police in Tulsa searched 20E Maple Ave., then a trailer at 1205 Lone Oak "
                       "Road Lot 12 and the 100 block of O’Riley Avenue. The parade runs from "
                       "Front Street to First Street.")
    for name in ("20E Maple Ave.", "1205 Lone Oak Road", "O’Riley Avenue", "Front Street",
                 "First Street"):
        assert found[name].kind == "street" and found[name].anchor == "Tulsa", name


def test_a_building_named_after_a_saint_is_no_town(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Thousands of pilgrims prayed at St. Peter's Basilica on Sunday before the "
                       "pope flew back to Rome. In Krakow, a choir sang in the Saint Peter and "
                       "Saint Paul church.")
    basilica = found["St. Peter's Basilica"]
    assert basilica.kind == "building" and basilica.country == "IT"
    assert distance_km(basilica.lat, basilica.lon, 41.90, 12.45) < 25
    church = found["Saint Peter and Saint Paul church"]
    assert church.kind == "building" and church.country == "PL"
    assert not any(m.country == "US" for m in found.values())  # Saint Peter, Minnesota


def test_a_province_abbreviation_keeps_its_full_stop(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "The family moved from Brandon, Man., to Regina, Sask., and on to "
                       "Trois-Rivieres, Que. They now farm near Red Deer, Alta.")
    assert {found[name].name for name in ("Man.", "Sask.", "Que.", "Alta.")} == {
        "Manitoba", "Saskatchewan", "Quebec", "Alberta"}
    assert found["Brandon"].admin1 == "Manitoba"


def test_organisations_named_by_a_country_are_no_places(gazetteer, tmp_path):
    found = _by_text(_parse(gazetteer, tmp_path,
                            "Skate Canada picked its team on Monday, and said Environment Canada "
                            "forecaster Jo Roy expected snow. FRANCE 24 reported the "
                            "news from Paris."))
    assert "Canada" not in found and "FRANCE" not in found
    assert found["Paris"][0].country == "FR"
    # a road numbered after its state is in the state; a federal or interstate road by number
    # is a road, not the country
    roads = _places_of(gazetteer, tmp_path, "Crews repaved Ohio 63 and U.S. 21 near Lebanon, "
                       "and the crash closed Interstate 71 and I-75 near Dayton.")
    assert roads["Ohio"].kind == "admin1" and "U.S." not in roads
    assert {roads[name].kind for name in ("U.S. 21", "Interstate 71", "I-75")} == {"street"}
    assert roads["I-75"].admin1 == "Ohio"
    assert "U.S." in _places_of(gazetteer, tmp_path, "The U.S. 10 percent tariff began.")


def test_a_people_qualifying_a_noun_is_no_small_town(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Leaders of Arab countries met in Cairo on Tuesday.")
    assert "Arab" not in found  # not Arab, Alabama
    assert found["Cairo"].country == "EG"


def test_the_gulf_is_the_persian_gulf(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Tankers crossed the Gulf after Iran released a ship.")
    assert found["Gulf"].kind == "gulf"  # not Gulf County, Florida


def test_a_place_type_word_makes_a_known_name_a_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Families were moved to the al-Hol camp, where tents are scarce.")
    assert found["al-Hol camp"].kind == "camp" and found["al-Hol camp"].country == "SY"


def test_a_division_word_the_gazetteer_lacks_still_names_the_area(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Cases were found in Sumatra province and in Washington state, and a "
                       "clinic opened in Nyanza Province.")
    assert (found["Sumatra province"].kind, found["Sumatra province"].country) == ("island", "ID")
    assert (found["Washington state"].kind, found["Washington state"].country) == ("admin1", "US")
    # the Rwandan town called Nyanza is not a province: better unmapped than wrong
    assert "Nyanza Province" not in found


def test_a_person_named_by_title_or_surname_is_not_a_place(gazetteer, tmp_path):
    parsed = _parse(gazetteer, tmp_path,
                    "Coach Darren Ripley beamed. \"We were ready,\" said coach Ripley, whose team "
                    "flew home to Lincoln, Neb. Mrs. Lincoln, the principal, met them.")
    found = _by_text(parsed)
    assert "Ripley" not in found
    assert [m.admin1 for m in found["Lincoln"]] == ["Nebraska"]


def test_a_month_is_not_a_town(gazetteer, tmp_path):
    assert list(_places_of(gazetteer, tmp_path, "Voting ends in March, officials in Ohio said.")) \
        == ["Ohio"]


def test_the_eu_is_a_body_and_an_area_but_an_armed_group_is_not_its_village(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Talks between the EU and Lebanon stalled, MAC said. Hamas fighters and "
                       "al-Shabaab attacked.")
    assert (found["EU"].kind, found["EU"].name) == ("region", "European Union")
    assert set(found) == {"EU", "Lebanon"}  # not Macao by its code, nor villages named for groups


def test_a_misspelling_is_forgiven_for_a_prominent_place_only(gazetteer, tmp_path):
    # the model calls both places; Danielle is two letters from Danville, Virginia
    found = _places_of(gazetteer, tmp_path, "Aid reached Afganistan. He met Danielle in Lansing.")
    assert found["Afganistan"].kind == "country" and found["Afganistan"].country == "AF"
    assert "Danielle" not in found and found["Lansing"].country == "US"


def test_a_code_in_capitals_is_not_a_small_town(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "The spread of HIV in Kenya has slowed, the FAO said in Rome.")
    assert "HIV" not in found and "FAO" not in found
    assert found["Kenya"].country == "KE" and found["Rome"].country == "IT"


def test_an_unknown_name_north_of_a_city_is_an_approximate_location(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Gunmen attacked a wedding in the Zarqoun area, north of the city of "
                       "Tikrit, late on Tuesday.")
    place = found["Zarqoun"]
    tikrit = found["Tikrit"]
    assert place.kind == "approximate" and place.anchor == tikrit.name
    assert place.lat > tikrit.lat + 0.1 and abs(place.lon - tikrit.lon) < 0.05  # due north
    assert 10 <= distance_km(place.lat, place.lon, tikrit.lat, tikrit.lon) <= 30
    assert place.uncertainty_km >= 10
    assert place.to_dict()["anchor"] == tikrit.name


def test_a_distance_and_direction_locate_the_phrase(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "A roadside bomb hit a convoy 30 km south of Mosul.")
    phrase = found["30 km south of Mosul"]
    mosul = found["Mosul"]
    assert phrase.kind == "approximate"
    assert distance_km(phrase.lat, phrase.lon, mosul.lat, mosul.lon) == pytest.approx(30, abs=0.5)
    assert phrase.lat < mosul.lat
    assert phrase.uncertainty_km == pytest.approx(9.0)


def test_just_outside_a_town_is_near_it(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "A barn burned just west of Urbana, Ohio, and "
                       "a shed burned west of Urbana.")
    urbana = found["Urbana"]
    near = found["just west of Urbana"]
    assert distance_km(near.lat, near.lon, urbana.lat, urbana.lon) < 8
    far = found["west of Urbana"]
    assert distance_km(far.lat, far.lon, urbana.lat, urbana.lon) > 10


def test_miles_are_converted(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "The plane came down 10 miles east of Cairo.")
    phrase = found["10 miles east of Cairo"]
    cairo = found["Cairo"]
    assert distance_km(phrase.lat, phrase.lon, cairo.lat, cairo.lon) == pytest.approx(16.1, abs=0.3)
    assert phrase.lon > cairo.lon


def test_a_relative_phrase_picks_the_reading_of_a_known_name(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "Troops entered Qayyarah, about 60 km south of Mosul.")
    qayyarah = found["Qayyarah"]
    assert qayyarah.kind == "city" and qayyarah.country == "IQ"
    assert distance_km(qayyarah.lat, qayyarah.lon, 35.80, 43.29) < 10


def test_a_bare_direction_from_a_country_is_not_a_location(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "Rain fell in Zarqoun, north of Syria.")
    assert all(m.kind != "approximate" for m in found.values())


def test_a_vague_phrase_does_not_overrule_a_confident_name(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Fighters withdrew from Mosul to Tal Afar, a town to the west of the city "
                       "of Mosul.")
    tal_afar = found["Tal Afar"]
    assert tal_afar.kind == "city" and distance_km(tal_afar.lat, tal_afar.lon, 36.377, 42.448) < 10
    assert all(m.kind != "approximate" for m in found.values())


def test_an_appositive_names_the_located_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Shelling hit Zarqoun, a village 12 km east of Tikrit, on Monday.")
    place = found["Zarqoun"]
    assert place.kind == "approximate" and place.uncertainty_km == pytest.approx(5.0)
    assert "12 km east of Tikrit" not in found


def test_a_place_name_the_gazetteer_lacks_is_located_by_its_phrase(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Firefighters were called to Pinecrest Township, 8 miles north of Fargo.")
    township = next(m for text, m in found.items() if text.startswith("Pinecrest"))
    fargo = found["Fargo"]
    assert township.kind == "approximate" and township.anchor == fargo.name
    assert distance_km(township.lat, township.lon, fargo.lat, fargo.lon) == pytest.approx(12.9, abs=0.3)


def test_a_generic_district_is_in_the_article_s_own_city(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Troops in Mosul have not yet entered the Old City, commanders said.")
    old_city = found["Old City"]
    assert old_city.kind == "approximate" and old_city.anchor == found["Mosul"].name
    assert distance_km(old_city.lat, old_city.lon, 36.335, 43.119) < 5


def test_a_generic_district_without_a_city_is_not_mapped(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "Tourists crowded into the Old City on Sunday.")
    assert "Old City" not in found


def test_glued_links_and_page_furniture_do_not_hide_or_invent_places(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Share this articleClose Button\n"
                       "He left before troops cut the road to Tal Afarhttps://t.co/x1y2 last week.")
    assert "Button" not in found and "Tal" not in found
    assert found["Tal Afar"].country == "IQ"


def test_a_dateline_names_a_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Storm damage\n\nMANSFIELD -- The mayor asked Ohio for help on Tuesday.")
    assert (found["MANSFIELD"].country, found["MANSFIELD"].admin1) == ("US", "Ohio")
    # a headline run on into the story on one line
    found = _places_of(gazetteer, tmp_path,
                       "Bridge work runs ahead of schedule. DAYTON -- Crews in Ohio said on "
                       "Monday.")
    assert (found["DAYTON"].country, found["DAYTON"].admin1) == ("US", "Ohio")
    # a colon, and an em dash that reached the text as a control character (U+0097)
    found = _places_of(gazetteer, tmp_path,
                       "Dealer held\nBEIRUT: Police held a man.\nHANOVER \x97 Students met.")
    assert found["BEIRUT"].country == "LB" and "HANOVER" in found


def test_an_abbreviated_word_in_capitals_stays_in_its_name(gazetteer, tmp_path):
    # the tokenizer cut "ST." in two, and "PAUL" alone became a province of Cape Verde
    found = _places_of(gazetteer, tmp_path,
                       "Clerk threatened . ST. PAUL -- A man called the tax office on Monday.")
    assert (found["ST. PAUL"].name, found["ST. PAUL"].admin1) == ("Saint Paul", "Minnesota")
    assert "PAUL" not in found
    found = _places_of(gazetteer, tmp_path, "FT. MYERS -- Two cars collided on Sunday.")
    assert found["FT. MYERS"].name == "Fort Myers"


def test_a_dateline_the_model_runs_into_the_story_is_a_place_apart(gazetteer, tmp_path):
    # the model reads "HARTWELL - Hart County" as one organisation
    found = _places_of(gazetteer, tmp_path,
                       "HARTWELL - Hart County commissioners voted Tuesday to close the landfill.")
    assert (found["HARTWELL"].country, found["HARTWELL"].admin1) == ("US", "Georgia")
    assert found["Hart County"].admin1 == "Georgia"


def test_people_and_offices_of_a_place_name_it(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Sherman woman held after crash. Meanwhile, Bismarck officials said the "
                       "river would crest on Friday.")
    assert "Sherman" in found and "Bismarck" in found
    assert found["Bismarck"].admin1 == "North Dakota"
    # inside a name the model calls a person's
    found = _places_of(gazetteer, tmp_path,
                       "Ann Loe was robbed at gunpoint, according to Rusk County Sheriff Mike Reed "
                       "of Henderson, Texas.")
    assert found["Rusk County"].kind == "admin2" and "Rusk County Sheriff" not in found


def test_a_common_word_opening_a_sentence_is_no_place(gazetteer, tmp_path):
    # Police is a town in Poland; "Park" one in many countries
    found = _places_of(gazetteer, tmp_path,
                       "Snow closed roads in Kansas. Police officials said there were several "
                       "wrecks. Park rangers closed the trails, and the park stays shut.")
    assert "Kansas" in found and "Police" not in found and "Park" not in found


def test_a_word_that_makes_an_office_another_is_no_place(gazetteer, tmp_path):
    # Vice is a town in Peru
    found = _places_of(gazetteer, tmp_path,
                       "In Dayton, Ohio, the mayor and Vice Mayor Rita Gomez voted no.")
    assert "Dayton" in found and "Vice" not in found


def test_a_given_name_before_a_named_persons_surname_is_no_place(gazetteer, tmp_path):
    # the model tags "Natalia" alone, a town in Texas
    found = _places_of(gazetteer, tmp_path, "Ray Skaggs Jr., 33, and Natalia Skaggs, 8, "
                       "escaped the fire in Urbana, Ohio.")
    assert "Natalia" not in found and "Urbana" in found


def test_an_article_is_not_a_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "A man was arrested. Both men were released later.")
    assert found == {}


@pytest.mark.parametrize("sentence, expected", [
    ("Fighters were seen near the Syrian border, officials said.", "Iraq–Syria border"),
    ("Fighters crossed the border with Syria overnight.", "Iraq–Syria border"),
    ("Shelling was heard along the Turkish-Syrian border.", "Syria–Turkey border"),
    ("Trade resumed at the border between Jordan and Syria.", None),
])
def test_a_border_phrase_is_a_stretch_of_the_shared_border(gazetteer, tmp_path, sentence, expected):
    found = _places_of(gazetteer, tmp_path, "Iraqi forces in Mosul and Tal Afar moved west. " + sentence)
    borders = [m for m in found.values() if m.name.endswith("border")]
    assert len(borders) == 1
    border = borders[0]
    assert border.kind == "approximate" and border.uncertainty_km == 50.0
    if expected:
        assert border.name == expected
    first, second = border.name.removesuffix(" border").split("–")
    # the point lies on the line where the two countries meet
    a, b = (gazetteer.lookup(name, kind="country")[0] for name in (first, second))
    from shapely.geometry import Point
    point = Point(border.lon, border.lat)
    assert a.geometry.distance(point) < 0.05 and b.geometry.distance(point) < 0.05


def test_countries_that_do_not_touch_have_no_border(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path, "Officials in Mosul spoke of the Egyptian border.")
    assert not any(m.name.endswith("border") for m in found.values())


def test_a_place_standing_for_its_government_is_flagged(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Washington has warned Moscow. Moscow said the talks in Geneva would go on.")
    assert found["Washington"].metonym and found["Moscow"].metonym
    assert found["Washington"].to_dict()["metonym"] is True
    assert not found["Geneva"].metonym and "metonym" not in found["Geneva"].to_dict()
    assert found["Washington"].confidence <= 0.8


def test_compass_part_of_a_country_is_an_approximate_region(gazetteer, tmp_path):
    places = _places_of(gazetteer, tmp_path, "Air strikes hit a northern Syrian village and "
                                             "towns in southern Iraq on Monday.")
    north = places["northern Syrian"]
    assert north.kind == "approximate" and north.anchor == "Syria" and north.name == "Northern Syria"
    assert north.lat > 35.5 and north.geometry is not None and 50 < north.uncertainty_km < 250
    south = places["southern Iraq"]
    assert south.kind == "approximate" and south.lat < 32.5


def test_a_region_named_by_direction_is_a_part_of_its_province(gazetteer, tmp_path):
    places = _places_of(gazetteer, tmp_path,
                        "The family settled in North Texas after the war, and he later chaired "
                        "North East Texas Housing Partners, which the North Carolina Department "
                        "of Commerce advised.")
    texas = places["Texas"]
    assert (texas.kind, texas.admin1) == ("admin1", "Texas")
    north = places["North Texas"]
    assert north.kind == "approximate" and north.anchor == "Texas" and north.name == "Northern Texas"
    assert north.lat > texas.lat + 1.5 and 100 < north.uncertainty_km < 400
    assert places["North East Texas"].lon > texas.lon + 2
    assert places["North Carolina"].kind == "admin1"
    assert "North East" not in places
    # a bare direction is not Cameroon's South Region
    assert list(_places_of(gazetteer, tmp_path, "Aid flowed to the American South.")) == ["American"]


def test_a_province_s_outline_is_estimated_from_its_towns(gazetteer):
    texas = gazetteer.lookup("Texas", kind="admin1")[0]
    outline = gazetteer.outline(texas)
    west, south, east, north = outline.bounds
    assert -107 < west < -105.5 and -94.5 < east < -93 and 25.5 < south < 26.5 and 36 < north < 37
    syria = gazetteer.lookup("Syria", kind="country")[0]
    assert gazetteer.outline(syria) is syria.geometry
    assert gazetteer.outline(gazetteer.lookup("Mosul")[0]) is None


def test_a_named_part_of_a_city_lies_in_that_city(gazetteer, tmp_path):
    places = _places_of(gazetteer, tmp_path, "Families fled the west Mosul district of Mansour on "
                                             "Thursday. Shops reopened in the Baghdad district of "
                                             "Karrada.")
    mansour = places["Mansour"]  # not the Baghdad district of that name
    assert distance_km(mansour.lat, mansour.lon, 36.34, 43.12) < 10
    karrada = places["Karrada"]
    assert distance_km(karrada.lat, karrada.lon, 33.31, 44.43) < 10


def test_a_people_without_a_state_names_no_border(gazetteer, tmp_path):
    places = _places_of(gazetteer, tmp_path, "Kurdish fighters advanced near the Iraqi border. "
                                             "Fighting continued across Syria and in Hasakah.")
    assert places["Iraqi border"].name == "Syria–Iraq border"


def test_an_english_story_reads_english_names_in_england(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Flights from Heathrow were cancelled as snow fell across Yorkshire. In "
                       "the cathedral city of Salisbury, in Wiltshire, buses stopped; Colchester "
                       "and Chelmsford cleared their roads.")
    assert found["Yorkshire"].country == "GB"  # not Yorkshire, Virginia
    assert found["Salisbury"].country == "GB"  # not Harare, once called Salisbury
    assert found["Colchester"].country == "GB" and found["Heathrow"].country == "GB"


def test_a_place_after_a_verb_of_advancing_on_it_is_a_place(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Government troops pushed north while the militia was advancing on Raqa.")
    assert found["Raqa"].country == "SY"


def test_a_country_the_model_takes_for_a_person_is_the_country(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Sri Lanka has a large tea industry, and pickers there earn little.")
    assert found["Sri Lanka"].kind == "country" and found["Sri Lanka"].country == "LK"


def test_a_named_district_no_gazetteer_holds_lies_in_its_town(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "In New Orleans, water rose in the neighbourhood of Bywater Heights.")
    district = found["Bywater Heights"]
    assert district.kind == "district" and district.anchor == "New Orleans"
    assert distance_km(district.lat, district.lon, 29.95, -90.07) < 10


def test_a_street_in_a_relative_phrase_is_still_a_street(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Police closed Elm Avenue, 2 miles north of Tulsa, on Friday.")
    assert found["Elm Avenue"].kind == "street" and found["Elm Avenue"].anchor == "Tulsa"


def test_a_person_whose_surname_is_a_street_word_is_no_street(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "Martin Grey and Owen Pike were charged with burglary in Dover. A crash "
                       "closed the Mohawk Pike near Deerfield on Friday.")
    assert "Owen Pike" not in found
    assert found["Mohawk Pike"].kind == "street"


def test_an_article_before_a_name_is_not_part_of_it(gazetteer, tmp_path):
    found = _places_of(gazetteer, tmp_path,
                       "An Alexandria man was hurt in a crash on Friday, police in Virginia said.")
    assert "Alexandria" in found and not any(text.startswith("An ") for text in found)
    assert found["Alexandria"].admin1 == "Virginia"
