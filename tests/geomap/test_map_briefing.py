"""Maps for briefings (issue 17): labels that never collide, every event reachable from the list
and from its stack, honest areas for country-level events, counts that add up, embeds at any
width, print files a graphics desk can use. Browser tests run in a real Chromium over the real
gazetteer's country outlines; their screenshots are kept in a temporary folder (printed)."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from playwright.sync_api import expect

from geomap.events.records import Actor, ArticleRef, Event, EventDate, Report
from geomap.places.mention import PlaceMention
from geomap.render import place_map, write_fragment, write_html
from geomap.render.markers import group_places, popup_html
from geomap.render.print_size import PrintSize
from geomap.render.static import static_map
from geomap.render.story import article_names, event_summary, story_header

# Share of the smaller of two labels they may overlap by.
MOST_OVERLAP = 0.15
VISIBLE_LABEL_BOXES = """() => [...document.querySelectorAll('.geomap-label')]
    .filter(node => node.style.display !== 'none' && node.style.visibility !== 'hidden')
    .map(node => { const b = node.getBoundingClientRect();
                   return [node.textContent, b.left, b.top, b.right, b.bottom]; })"""
CONTROL_SHARE = """(container) => {
    // the share of the map's pixels under a control, sampled on a 4-pixel grid
    const frame = container.getBoundingClientRect();
    const boxes = [...container.querySelectorAll('.leaflet-control')]
        .map(node => node.getBoundingClientRect()).filter(b => b.width && b.height);
    let covered = 0, total = 0;
    for (let x = frame.left + 2; x < frame.right; x += 4) {
        for (let y = frame.top + 2; y < frame.bottom; y += 4) {
            total += 1;
            if (boxes.some(b => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) {
                covered += 1;
            }
        }
    }
    return covered / total;
}"""


def place(text: str, name: str, lat: float, lon: float, kind: str = "city", *,
          country: str = "IQ", start: int = 0, before: str = "Troops moved into",
          after: str = "on Monday.") -> PlaceMention:
    return PlaceMention(start=start, end=start + len(text), text=text, name=name, lat=lat,
                        lon=lon, kind=kind, country=country, admin1="", geonameid=None,
                        confidence=0.9, source="test", context=(before, text, after))


def happening(number: int, event_type: str, where: PlaceMention | None, date: str | None,
              title: str = "Wire one") -> Event:
    article = ArticleRef(file=f"/archive/secret_{number}.txt", title=title, source="Test Wire",
                         published="2017-03-09")
    sentence = f"Something of type {event_type} happened, the wire said."
    return Event(id=f"ev{number:02d}", type=event_type, subtype=event_type, triggers=["x"],
                 date=EventDate(date, "day" if date else "unknown", ""),
                 actors=[Actor("Some force", "actor", "armed group")], place=where,
                 sentence=sentence, article=article, confidence=0.7,
                 sources=[Report(article, sentence)])


@pytest.fixture(scope="module")
def story() -> tuple[list[PlaceMention], list[Event]]:
    """A story around Mosul: ten events in the city, its neighbourhoods and towns close by,
    events known only to Iraq or Syria, one with no place; place names as the articles write
    them, which are not the gazetteer's."""
    mosul = place("Mosul", "Mosul", 36.335, 43.119)
    old_city = place("Old City", "Old City", 36.340, 43.130, "neighbourhood")
    mansour = place("Mansour", "Al Mansour", 36.330, 43.100, "neighbourhood")
    tal_afar = [place("Tal Afar", "Tall ‘Afar", 36.377, 42.449, start=10 * i) for i in range(3)]
    raqqa = [place("Raqqa", "Ar Raqqah", 35.950, 39.009, country="SY", start=5 * i)
             for i in range(2)] + [place("Raqqah", "Ar Raqqah", 35.950, 39.009, country="SY")]
    aleppo = place("Aleppo", "Aleppo", 36.202, 37.158, country="SY")
    tikrit = place("Tikrit", "Tikrīt", 34.616, 43.679)
    baghdad = place("Baghdad", "Baghdad", 33.341, 44.401)
    iraq = place("Iraq", "Iraq", 33.0, 43.0, "country")
    syria = place("Syria", "Syria", 35.0, 38.5, "country", country="SY")
    mentions = [mosul, old_city, mansour, *tal_afar, *raqqa, aleppo, tikrit, baghdad, iraq, syria]
    kinds = ["attack", "armed clash", "capture", "deployment", "statement"]
    events = [happening(i, kinds[i % 5], mosul, f"2017-03-0{1 + i % 9}") for i in range(10)]
    events += [happening(10, "attack", old_city, "2017-03-08"),
               happening(11, "armed clash", mansour, "2017-03-07"),
               happening(12, "capture", tal_afar[0], "2017-02-20"),
               happening(13, "armed clash", raqqa[0], "2017-03-05", title="Wire two"),
               happening(14, "capture", aleppo, "2016-12-20", title="Wire two"),
               happening(15, "armed clash", iraq, "2017-03-09"),
               happening(16, "attack", syria, "2014-05-01", title="Wire two"),
               happening(17, "statement", None, "2017-03-09")]
    return mentions, events


@pytest.fixture(scope="module")
def countries(gazetteer):
    return gazetteer.countries()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def story_page(tmp_path_factory, story, countries) -> Path:
    mentions, events = story
    folder = tmp_path_factory.mktemp("story")
    return write_html(place_map(mentions, countries=countries, title="Battle for a city",
                                subtitle="From 2 articles", events=events), folder / "story.html")


def open_page(browser, path: Path, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(".geomap-event-icon")
    page.wait_for_timeout(300)  # the label placer runs after the first frame
    return page, errors, requests


def overlaps(boxes: list[list]) -> list[tuple[str, str, float]]:
    found = []
    for index, (text, left, top, right, bottom) in enumerate(boxes):
        for other, o_left, o_top, o_right, o_bottom in boxes[index + 1:]:
            width = min(right, o_right) - max(left, o_left)
            height = min(bottom, o_bottom) - max(top, o_top)
            if width > 0 and height > 0:
                smaller = min((right - left) * (bottom - top),
                              (o_right - o_left) * (o_bottom - o_top))
                found.append((text, other, width * height / smaller))
    return [overlap for overlap in found if overlap[2] > MOST_OVERLAP]


def set_view(page, lat: float, lon: float, zoom: int) -> None:
    page.evaluate("""([lat, lon, zoom]) => {
        const container = document.querySelector('.leaflet-container');
        const map = Object.values(window).find(v => v && v._container === container);
        map.setView([lat, lon], zoom, {animate: false});
    }""", [lat, lon, zoom])
    page.wait_for_timeout(300)


@pytest.mark.browser
def test_labels_never_collide_and_use_the_articles_spelling(browser, story_page, shots):
    page, errors, requests = open_page(browser, story_page, 1400, 900)
    boxes = page.evaluate(VISIBLE_LABEL_BOXES)
    texts = [box[0] for box in boxes]
    assert "Tal Afar" in texts and "Raqqa" in texts and "Mosul" in texts
    assert "Tall ‘Afar" not in texts and "Ar Raqqah" not in texts
    assert "SYRIA" in [text.upper() for text in texts]  # the basemap's names take part
    assert overlaps(boxes) == []
    controls = page.locator(".leaflet-control").evaluate_all("""nodes => nodes.map(n => {
        const b = n.getBoundingClientRect(); return ['control', b.left, b.top, b.right, b.bottom];
    }).filter(b => b[3] > b[1])""")
    # and none sits under the title, the lists or the buttons
    assert [pair for pair in overlaps(boxes + controls)
            if (pair[0] == "control") != (pair[1] == "control")] == []
    page.screenshot(path=shots / "story-1400.png")
    set_view(page, 36.34, 43.12, 9)
    boxes = page.evaluate(VISIBLE_LABEL_BOXES)
    assert "Mosul" in [box[0] for box in boxes]
    assert overlaps(boxes) == []
    # Mosul, its Old City and Mansour stand a few pixels apart here: their symbols are set apart
    symbols = page.locator(".geomap-stack svg").evaluate_all("""nodes => nodes.map(n => {
        const b = n.getBoundingClientRect(); return ['', b.left, b.top, b.right, b.bottom]; })""")
    assert len(symbols) >= 5 and overlaps(symbols) == []
    page.screenshot(path=shots / "story-1400-mosul-zoom9.png")
    # the gazetteer's name stays in the popup
    page.locator(".geomap-entry", has_text="Tal Afar").click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Tall ‘Afar")
    assert errors == [] and [url for url in requests if not url.startswith(("file:", "data:"))] == []
    page.close()


@pytest.mark.browser
def test_every_event_in_the_list_opens_its_popup(browser, story_page, story):
    _, events = story
    page, errors, _ = open_page(browser, story_page, 1400, 900)
    entries = page.locator(".geomap-entry")
    expect(entries).to_have_count(len(events))
    ids = entries.evaluate_all("nodes => nodes.map(n => n.getAttribute('data-event-id'))")
    assert sorted(ids) == sorted(event.id for event in events)
    for event_id in ids:
        page.locator(f'.geomap-entry[data-event-id="{event_id}"]').click()
        expect(page.locator(f'.leaflet-popup-content [data-event-id="{event_id}"]')).to_be_visible()
    # the entries say which events have only an area or no place
    assert page.locator(".geomap-entry", has_text="no place").count() == 1
    assert page.locator(".geomap-entry", has_text="(area only)").count() == 2
    assert errors == []
    page.close()


@pytest.mark.browser
def test_a_stack_is_one_symbol_with_a_count_and_a_card(browser, story_page):
    page, errors, _ = open_page(browser, story_page, 1400, 900)
    set_view(page, 36.34, 43.12, 12)
    stacks = page.locator(".geomap-stack", has=page.locator(".geomap-stack-count"))
    expect(stacks).to_have_count(1)
    assert stacks.locator(".geomap-stack-count").inner_text() == "10"
    assert len(stacks.get_attribute("data-event-ids").split()) == 10
    stacks.dispatch_event("click")
    card = page.locator(".geomap-place-card")
    expect(card.locator(".geomap-card-entry")).to_have_count(10)
    # (dispatched, not clicked at a point: the card may still be panning into view on a busy
    # machine, and a click at where it was lands on the map, which closes it)
    card.locator(".geomap-card-entry").nth(3).dispatch_event("click")
    expect(page.locator(".geomap-event-popup")).to_be_visible()
    assert errors == []
    page.close()


@pytest.mark.browser
def test_country_level_events_are_areas_not_pins(browser, story_page, story):
    page, errors, _ = open_page(browser, story_page, 1400, 900)
    markers = page.locator(".leaflet-marker-pane [data-event-ids]").evaluate_all(
        "nodes => nodes.flatMap(n => n.getAttribute('data-event-ids').split(' '))")
    assert "ev15" not in markers and "ev16" not in markers and "ev17" not in markers
    summary = page.locator(".geomap-title .geomap-summary").inner_text()
    assert summary.startswith("18 events · 1 without a place · 2 known only to a country")
    assert "secret_" not in page.content()
    page.evaluate("""() => {
        const from = document.querySelector('.geomap-time-from');
        from.value = Math.round(Date.UTC(2017, 0, 1) / 86400000);
        from.dispatchEvent(new Event('input', {bubbles: true}));
    }""")
    legend = page.locator(".leaflet-control-layers").inner_text()
    # the 2014 attack in Syria and the 2016 capture of Aleppo are filtered out
    assert "Territory captured (3)" in legend and "Attacks (3)" in legend
    assert errors == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [420, 760, 1280])
def test_embeds_keep_the_map_visible_at_any_width(browser, tmp_path, story, countries, shots,
                                                  width):
    mentions, events = story
    fragment = write_fragment(place_map(mentions, countries=countries, title="Battle for a city",
                                        subtitle="From 2 articles", events=events),
                              tmp_path / "fragment.html", responsive=True)
    host = tmp_path / "host.html"
    host.write_text(f"<!doctype html><html><body><div style='width:{width}px'>"
                    f"{fragment.read_text(encoding='utf-8')}</div></body></html>", encoding="utf-8")
    page, errors, _ = open_page(browser, host, width + 40, 900)
    share = page.locator(".leaflet-container").evaluate(CONTROL_SHARE)
    page.screenshot(path=shots / f"embed-{width}.png")
    print(f"controls cover {share:.0%} of the map at {width} px")
    assert share <= (0.35 if width < 900 else 0.5)
    if width < 900:  # the panels fold into buttons that open them
        page.locator(".geomap-list .geomap-panel-toggle").click()
        expect(page.locator(".geomap-list-body")).to_be_visible()
    assert errors == []
    page.close()


@pytest.mark.browser
def test_two_fragments_with_shared_assets_both_draw(browser, tmp_path, story, countries):
    mentions, events = story
    assets = tmp_path / "assets"
    parts = []
    for index in range(2):
        fmap = place_map(mentions, countries=countries, title=f"Map {index}",
                         events=events[index * 5:])
        path = write_fragment(fmap, tmp_path / f"part{index}.html", assets=assets)
        parts.append(path.read_text(encoding="utf-8"))
        assert "a JS library for interactive maps" not in parts[-1]  # Leaflet is not inlined
        assert 'src="assets/geomap-leaflet.js"' in parts[-1]
    host = tmp_path / "report.html"
    host.write_text("<!doctype html><html><body>" + "<p>Between.</p>".join(parts)
                    + "</body></html>", encoding="utf-8")
    page, errors, requests = open_page(browser, host, 1100, 1300)
    expect(page.locator(".leaflet-container")).to_have_count(2)
    for container in page.locator(".leaflet-container").all():
        expect(container.locator(".geomap-event-icon").first).to_be_visible()
    assert errors == []
    assert all(url.startswith("file:") for url in requests)
    page.close()


def test_the_page_spreads_no_array_into_arguments(story_page):
    """`f.apply(null, bigArray)` fails past ~130,000 values; the page's own code has none."""
    html = story_page.read_text(encoding="utf-8")
    own = [script for script in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
           if "geomap" in script and "Leaflet" not in script[:500]]
    assert own and not any(".apply(" in script for script in own)


def test_article_spelling_counts_forms_not_the_gazetteer_name():
    forms = [place("Tal Afar", "Tall ‘Afar", 36.4, 42.4), place("Tal Afar's", "Tall ‘Afar", 36.4,
                                                               42.4),
             place("Tall Afar", "Tall ‘Afar", 36.4, 42.4), place("MOSUL", "Mosul", 36.3, 43.1),
             place("mosul", "Mosul", 36.3, 43.1), place("Mosul", "Mosul", 36.3, 43.1)]
    names = article_names(forms)
    assert names[forms[0].place_key] == "Tal Afar"
    assert names[forms[3].place_key] == "Mosul"  # title case wins among equal forms


def test_header_says_what_the_articles_are_never_their_files():
    title, subtitle = story_header(["A siege ends", "The city falls"], ["Wire", ""],
                                   ["2017-03-08", "2017-03-09"], None)
    assert title == "2 articles" and subtitle == "From 2 articles · Wire · 2017-03-08 to 2017-03-09"
    title, _ = story_header(["x" * 20_000], [""], [""], None)
    assert len(title) <= 160 and title.endswith("…")
    events = [happening(1, "attack", None, None),
              happening(2, "attack", place("Iraq", "Iraq", 33, 43, "country"), None),
              happening(3, "attack", place("Mosul", "Mosul", 36.3, 43.1), None)]
    assert event_summary(events) == "3 events · 1 without a place · 1 known only to a country or region"


def test_place_popup_keeps_the_spaces_around_the_name():
    mention = place("northern Iraq", "Northern Iraq", 36.0, 43.0, "approximate",
                    before="The group swept through", after="in 2014.")
    html = popup_html(group_places([mention])[0])
    assert "swept through <mark>northern Iraq</mark> in 2014." in html
    quoted = place("Mosul", "Mosul", 36.3, 43.1, before="the battle for “", after="”, he said")
    assert "for “<mark>Mosul</mark>”, he" in popup_html(group_places([quoted])[0])


def test_svg_keeps_text_and_pdf_embeds_truetype(tmp_path, story, countries):
    mentions, events = story
    svg = static_map(tmp_path / "map.svg", events=events, mentions=mentions, countries=countries,
                     title="Battle for a city", subtitle="From 2 articles")
    texts = ["".join(node.itertext()) for node in ElementTree.parse(svg).iter()
             if node.tag.endswith("}text")]
    assert "Battle for a city" in texts and "Tal Afar" in texts and "Raqqa" in texts
    assert "secret_" not in svg.read_text(encoding="utf-8")
    pdf = static_map(tmp_path / "map.pdf", events=events, mentions=mentions, countries=countries,
                     title="Battle for a city")
    body = pdf.read_bytes().decode("latin-1")
    assert "/Type3" not in body and "/FontFile2" in body
    assert "/Title (Battle for a city)" in body and "secret_" not in body


def test_static_size_and_a_huge_title(tmp_path, story, countries):
    from PIL import Image

    mentions, events = story
    png = static_map(tmp_path / "map.png", events=events, mentions=mentions, countries=countries,
                     title="A " * 10_000, size=PrintSize(900, 600, 100))
    assert Image.open(png).size == (900, 600)
    assert png.stat().st_size < 2_000_000


def test_static_labels_never_overlap(story, countries):
    from geomap.render import static

    mentions, events = story
    figure = static._draw(events=events, mentions=mentions, countries=countries, title="t",
                          subtitle="", size=PrintSize())
    renderer = figure.canvas.get_renderer()
    axes = figure.axes[0]
    labels = [text for text in axes.texts if text.get_text() and text.get_zorder() == 6
              and text.get_fontsize() > 7]
    boxes = [[text.get_text(), *text.get_window_extent(renderer).extents] for text in labels]
    assert {"Mosul", "Tal Afar", "Raqqa", "Aleppo"} <= {box[0] for box in boxes}
    # matplotlib's y grows upward; the overlap test is symmetric in it
    assert overlaps([[t, x0, y0, x1, y1] for t, x0, y0, x1, y1 in boxes]) == []


@pytest.mark.parametrize("arguments, message", [
    (["--responsive"], "--responsive shapes an embedded fragment"),
    (["--width", "900"], "--width, --height and --dpi are for static maps"),
    (["--embed", "--format", "png"], "are for HTML maps"),
])
def test_options_that_would_be_ignored_are_usage_errors(tmp_path, arguments, message):
    from geomap.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Fighting was reported in Mosul on Tuesday.", encoding="utf-8")
    suffix = ".png" if "png" in arguments else ".html"
    result = CliRunner().invoke(main, ["render", str(article), "-o", str(tmp_path / f"m{suffix}"),
                                       *arguments])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / f"m{suffix}").exists()
