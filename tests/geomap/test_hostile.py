"""Text from articles meets HTML in many places; generated strings (markup, entities, quotes,
right-to-left overrides, zero-width characters, TeX dollars) must come out as the same text,
never as markup, in every one of them."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.cli.output import RESERVED_NAMES, map_file_name
from geomap.events.records import Actor, ArticleRef, Event, EventDate, Report
from geomap.places.mention import PlaceMention
from geomap.render import place_map, write_fragment
from geomap.render.markers import group_places, popup_html, tooltip_text
from geomap.render.markup import BoundTooltip, MapTitle
from geomap.render.static import static_map

NASTY = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
         "</textarea>", "&amp;&lt;&#x3c;", "\u202eevil\u202c", "a\u200bb\u200d", "${x}`",
         "$5 and $6", "\\", "'", "</script><!--", "\u0000"]
TEXT = st.one_of(st.sampled_from(NASTY), st.text(max_size=40),
                 st.lists(st.sampled_from(NASTY), max_size=3).map("".join))
FEW = settings(max_examples=40, deadline=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture])


class Markup(HTMLParser):
    """The tags and text of a snippet as a browser's parser sees them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def place(text: str, *, name: str = "Mosul") -> PlaceMention:
    return PlaceMention(start=0, end=len(text) or 1, text=text or "x", name=name, lat=36.3,
                        lon=43.1, kind="city", country="IQ", admin1="", geonameid=None,
                        confidence=0.9, source="test", context=("Before ", text, " after."))


SAFE_TAGS = {"div", "h2", "p", "dl", "dt", "dd", "blockquote", "mark", "span", "br", "ul", "li",
             "b", "h1", "em", "strong"}


@FEW
@given(TEXT, TEXT)
def test_place_popups_and_tooltips_are_text(written, name):
    mapped = group_places([place(written, name=name)])[0]
    html = popup_html(mapped)
    parsed = Markup(html)
    assert {tag for tag, _ in parsed.tags} <= SAFE_TAGS
    assert not any(key.startswith("on") for _, attrs in parsed.tags for key, _ in attrs)
    shown = " ".join("".join(parsed.text).split())
    assert " ".join(name.split()) in shown
    tooltip = BoundTooltip(tooltip_text(mapped)).html
    assert Markup(tooltip).tags == [] and unescape(tooltip) == tooltip_text(mapped)


@FEW
@given(TEXT, TEXT)
def test_titles_are_text(title, subtitle):
    box = MapTitle(title, subtitle, "1 place")
    parsed = Markup(box.html)
    assert [tag for tag, _ in parsed.tags] == ["h1", "p", "p"] if subtitle else ["h1", "p"]
    assert unescape(box.html).count(title) >= 1


@FEW
@given(TEXT, TEXT, TEXT, TEXT)
def test_event_data_in_the_page_is_inert(tmp_path_factory, sentence, actor, title, url):
    folder = tmp_path_factory.mktemp("page")
    article = ArticleRef(file="a.txt", title=title, url=url)
    mosul = place("Mosul")
    event = Event(id="1", type="attack", subtype="shelling", triggers=["shelled"],
                  date=EventDate("2017-03-08", "day", sentence), actors=[Actor(actor, "actor",
                                                                               "armed group")],
                  place=mosul, sentence=f"{sentence} in Mosul", article=article, confidence=0.8,
                  sources=[Report(article, sentence)])
    fmap = place_map([mosul], countries=[], title=title, events=[event])
    page = write_fragment(fmap, Path(folder) / "map.html").read_text(encoding="utf-8")
    for text in (sentence, actor, title, url):
        # a markup-bearing string only ever as escaped JSON or HTML text (a lone "<" generated at
        # random is in any page: the markup checked is the hostile strings')
        for hostile in (nasty for nasty in NASTY if re.search(r"[<>&]", nasty)):
            if hostile in text:
                assert text not in page
    payload = re.search(r"\}\)\(map_\w+, layer_control_\w+, (\{[^\n]*\})\);", page)
    assert "</" not in payload.group(1)  # nothing in the data can close the script
    data = json.loads(payload.group(1))
    strings = data["strings"]
    (record,) = data["events"]
    assert [strings[a[0]] for a in record[18]] == [actor]
    assert record[19][0] + record[19][1] + record[19][2] == " ".join(
        f"{sentence} in Mosul".split())
    ((source_title, link, _),) = record[20]
    assert strings[source_title] == (title or "a.txt")
    assert link == -1 if not re.match(r"https?://", url) else strings[link] == url


@FEW
@given(TEXT)
def test_static_maps_draw_any_title(tmp_path_factory, title):
    folder = tmp_path_factory.mktemp("image")
    path = static_map(Path(folder) / "map.svg", events=[], mentions=[place("Mosul")],
                      countries=[], title=title, subtitle=title)
    assert path.read_bytes().startswith(b"<?xml")


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_file_names_stay_in_the_output_folder(name):
    for file in (name, f"../{name}", f"/etc/{name}.txt", f"{name}.jsonl:7"):
        made = map_file_name(file)
        assert re.fullmatch(r"[A-Za-z0-9_-]+\.html", made)
        assert made[:-5].lower() not in RESERVED_NAMES
        assert Path("output", made).resolve().parent == Path("output").resolve()


def test_article_text_is_never_run_as_a_template(tmp_path):
    """folium compiles rendered scripts once more as Jinja templates: text such as this, from an
    article, would run on the machine drawing the map if it reached them unbroken."""
    marker = tmp_path / "ran"
    attack = ("{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}"
              "{% for x in range(3) %}x{% endfor %}{# hidden #}")
    mosul = place(attack, name=attack)
    article = ArticleRef(file="a.txt", title=attack, url="https://example.org/{{7*7}}")
    event = Event(id="1", type="attack", subtype="shelling", triggers=["shelled"],
                  date=EventDate("2017-03-08", "day", attack),
                  actors=[Actor(attack, "actor", "armed group")], place=mosul,
                  sentence=attack, article=article, confidence=0.8,
                  sources=[Report(article, attack)])
    fmap = place_map([mosul], countries=[], title=attack, subtitle=attack, events=[event])
    page = write_fragment(fmap, tmp_path / "map.html").read_text(encoding="utf-8")
    assert not marker.exists()
    assert "{{ cycler" not in page and "{% for" not in page  # openers broken up in the data
    assert "xxx" not in page  # the loop did not run
    assert page.count("cycler.__init__") >= 3  # shown, as data, where it was written
