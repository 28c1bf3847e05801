"""Render scale: 100,000 generated events to one self-contained HTML map (seconds and megabytes),
and how long Chromium takes to show it; folium's plain MarkerCluster (a marker and a popup of
HTML per event) is the reference for bytes per event, measured on fewer events and scaled.
"""

from __future__ import annotations

import datetime
import os
import random
import tempfile
import time
from html import escape
from pathlib import Path

from gazetteer import Gazetteer
from geomap.events.records import Actor, ArticleRef, Event, EventDate, Report
from geomap.events.taxonomy import EVENT_TYPES
from geomap.places.mention import PlaceMention

EVENTS = int(os.environ.get("GEOMAP_BENCH_EVENTS", "100000"))
REFERENCE_EVENTS = 2_000
PLACES, ARTICLES = 3_000, 500
CHROMIUM = Path("/usr/bin/chromium")
SUBTYPES = {"attack": "air strike", "armed clash": "clash", "violence against civilians":
            "abduction", "capture": "capture", "deployment": "advance", "displacement": "flight",
            "arrest": "arrest", "protest": "protest", "statement": "declaration",
            "meeting": "talks"}


def generated_events(count: int, seed: int = 7) -> list[Event]:
    """Events spread over a region's towns, dates over three years, a few hundred sources."""
    rng = random.Random(seed)
    places = [PlaceMention(start=0, end=8, text=f"Town {i}", name=f"Town {i}",
                           lat=rng.uniform(29.0, 37.5), lon=rng.uniform(36.0, 48.0), kind="city",
                           country="IQ", admin1="", geonameid=None, confidence=0.9,
                           source="bench") for i in range(PLACES)]
    articles = [ArticleRef(file=f"a{i}.txt", title=f"Report number {i} on the fighting",
                           url=f"https://example.org/news/{i}", published="2017-03-09")
                for i in range(ARTICLES)]
    first = datetime.date(2015, 1, 1)
    events = []
    for index in range(count):
        event_type = rng.choice(EVENT_TYPES)
        place = rng.choice(places)
        article = rng.choice(articles)
        day = (first + datetime.timedelta(days=rng.randrange(1100))).isoformat()
        sentence = (f"Forces and militants fought near {place.name} on the day, officials said, "
                    f"and at least {index % 40} people were killed.")
        events.append(Event(
            id=str(index), type=event_type, subtype=SUBTYPES.get(event_type, event_type), triggers=["fought"],
            date=EventDate(day, "day", "on the day"),
            actors=[Actor("Islamic State", "actor", "armed group"),
                    Actor("Civilians", "victim", "civilians")],
            place=place, sentence=sentence, article=article, confidence=0.8,
            fatalities=index % 40, counts_at_least=True,
            sources=[Report(article, sentence, index % 40)]))
    return events


def _geomap_page(events: list[Event], path: Path) -> float:
    from geomap.render import place_map, write_html

    countries = Gazetteer.open(progress=False).countries()
    started = time.perf_counter()
    write_html(place_map([], countries=countries, title="Scale", events=events), path)
    return time.perf_counter() - started


def _folium_bytes_per_event(events: list[Event]) -> float:
    import folium
    from folium.plugins import MarkerCluster

    fmap = folium.Map(tiles=None)
    cluster = MarkerCluster().add_to(fmap)
    for event in events:  # the same facts as geomap's popup, as HTML
        popup = (f"<b>{escape(event.subtype)}</b><br>{escape(event.place.name)}, "
                 f"{event.date.date}<br>Killed: at least {event.fatalities}<br>"
                 f"<blockquote>{escape(event.sentence)}</blockquote>"
                 f'<a href="{escape(event.article.url)}">{escape(event.article.title)}</a>')
        folium.Marker((event.place.lat, event.place.lon), tooltip=escape(event.subtype),
                      popup=folium.Popup(popup)).add_to(cluster)
    empty = len(folium.Map(tiles=None).get_root().render())
    return (len(fmap.get_root().render()) - empty) / len(events)


def _chromium_seconds(path: Path) -> tuple[float, float] | None:
    """From navigation to the first event marker or cluster drawn, and to the event list filled,
    in Chromium; a page error fails the benchmark."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        started = time.perf_counter()
        page.goto(path.resolve().as_uri(), timeout=120_000)
        page.wait_for_selector(".marker-cluster, .geomap-event-icon", timeout=120_000)
        seconds = time.perf_counter() - started
        page.wait_for_selector(".geomap-entry", timeout=120_000)
        listed = time.perf_counter() - started
        browser.close()
    if errors:  # a figure of a page that failed would mislead
        raise RuntimeError(f"the page failed in Chromium: {errors[0]}")
    return seconds, listed


def run() -> dict[str, float]:
    events = generated_events(EVENTS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.html"
        seconds = _geomap_page(events, path)
        size = path.stat().st_size
        shown = _chromium_seconds(path)
    figures: dict[str, float] = {
        "events": EVENTS, "render to HTML, s": seconds, "file size, MB": size / 1e6,
        "bytes per event (geomap)": size / EVENTS,
        "bytes per event (folium MarkerCluster)": _folium_bytes_per_event(
            events[:REFERENCE_EVENTS]),
    }
    if shown is not None:
        figures["Chromium: open to first marker, s"] = shown[0]
        figures["Chromium: open to the event list, s"] = shown[1]
    return figures
