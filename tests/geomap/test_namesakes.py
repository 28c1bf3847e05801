"""Context before namesakes: famous places in foreign stories stay themselves, and small American
(or Canadian) namesakes win where the article's own places put them there. Articles written for
the tests; coordinates checked against the real gazetteer."""

from __future__ import annotations

import pytest

from gazetteer.geo import distance_km
from geomap.pipeline import geoparse_articles
from geomap.read.article import Article

NEAR_KM = 30.0

CASES = [
    # a British story: two dozen small American Oxfords do not outweigh Oxford, England
    (("Students in Cambridge protested on Friday against tuition fees. Similar marches took "
      "place in Oxford and Durham, and the government said it would not back down."),
     {"Cambridge": (52.2, 0.12), "Oxford": (51.75, -1.26), "Durham": (54.78, -1.57)}),
    (("Fans travelled from Manchester to Paris for the Champions League final on Saturday."),
     {"Manchester": (53.48, -2.24), "Paris": (48.85, 2.35)}),
    (("Police in Salisbury said the nerve agent attack on a former Russian spy was contained. "
      "Wiltshire Police and officers from London sealed off the city centre."),
     {"Salisbury": (51.07, -1.8), "London": (51.51, -0.13)}),
    (("Flights at Heathrow were cancelled after snow fell across southern England. Passengers "
      "travelling from London to Manchester should check before leaving."),
     {"Heathrow": (51.47, -0.46), "Manchester": (53.48, -2.24)}),
    (("Floods in Venice left St Mark's Basilica under water. The Italian government declared a "
      "state of emergency."),
     {"Venice": (45.44, 12.33)}),
    # a Canadian story: London among Oxford County's towns is London, Ontario
    (("Tavistock parents say the bus ride to school in Woodstock is too long. The trip through "
      "Plattsville takes 90 minutes, and the board in London has refused to change it."),
     {"London": (42.98, -81.23), "Woodstock": (43.13, -80.75)}),
    # American stories where the namesake is right
    (("Lexington police said the man, from Paris, was arrested on Main Street. Frankfort "
      "officials said the state would help."),
     {"Paris": (38.21, -84.25)}),
    (("A tornado struck Paris, Texas, on Sunday night. Lamar County officials said three homes "
      "were destroyed."),
     {"Paris": (33.66, -95.56)}),
    (("The Venice City Council in Florida approved a new beach parking plan. Sarasota County "
      "will pay half."),
     {"Venice": (27.1, -82.45)}),
    (("A fire destroyed a barn in London on Tuesday. Laurel County deputies said the owner had "
      "been away in Corbin."),
     {"London": (37.13, -84.08)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:30] for text, _ in CASES])
def test_namesakes_follow_the_article_s_places(gazetteer, text, expected):
    (parsed,) = geoparse_articles([Article(file="story.txt", text=text, raw=text)], gazetteer)
    found = {mention.text: mention for mention in parsed.places}
    for name, (lat, lon) in expected.items():
        assert name in found, f"{name} not found"
        place = found[name]
        assert distance_km(place.lat, place.lon, lat, lon) <= NEAR_KM, \
            f"{name} -> {place.name}, {place.admin1}, {place.country}"


def test_a_name_listed_with_a_country_is_the_country_of_that_name(gazetteer):
    # without the list, an article on Nigeria reads Niger as Niger State
    text = ("Measles cases fall in Egypt and Niger. Health workers in Nigeria vaccinated children "
            "in Kano, Nigeria, and Lagos, Nigeria, last year, and Nigeria plans more.")
    (parsed,) = geoparse_articles([Article(file="story.txt", text=text, raw=text)], gazetteer)
    niger = next(mention for mention in parsed.places if mention.text == "Niger")
    assert (niger.kind, niger.country) == ("country", "NE")


def test_a_governor_s_place_is_the_province_and_the_city_stays_the_city(gazetteer):
    text = ("Kano Governor Ali Musa imposed a curfew on Monday. Markets in Kano were closed, and "
            "the mayor of Kano said the city was calm.")
    (parsed,) = geoparse_articles([Article(file="story.txt", text=text, raw=text)], gazetteer)
    kinds = [(mention.text, mention.kind) for mention in parsed.places]
    assert kinds[0] == ("Kano", "admin1")
    assert all(kind == "city" for _, kind in kinds[1:])
