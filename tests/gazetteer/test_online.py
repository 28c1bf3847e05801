"""The online fallback against a local stand-in for Nominatim and GeoNames: answers, cache, limits.

Every case talks HTTP to a real server on 127.0.0.1 and checks that the server saw the requests,
so nothing here can reach the real network unnoticed.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from gazetteer.online import OnlineGeocoder

USER_AGENT = "geomap-tests/1.0 (tests@example.org)"
TIMEOUT = 0.5
MOSUL = {
    "place_id": 12345, "osm_type": "relation", "osm_id": 5714613,
    "lat": "36.3392", "lon": "43.1306", "class": "place", "type": "city", "place_rank": 16,
    "name": "Mosul",
    "display_name": "Mosul, Nineveh Governorate, Iraq",
    "address": {"city": "Mosul", "state": "Nineveh Governorate", "country": "Iraq",
                "country_code": "iq"},
}
NINEVEH = {
    "osm_type": "relation", "osm_id": 3678049, "lat": "36.2", "lon": "42.9", "class": "boundary",
    "type": "administrative", "place_rank": 8, "name": "",
    "display_name": "Nineveh Governorate, Iraq", "address": {"country_code": "iq"},
}
GARBAGE = [
    {**MOSUL, "lat": "123.0"},                 # latitude out of range
    {**MOSUL, "lon": "-200"},                  # longitude out of range
    {**MOSUL, "lat": "nan"},                   # not finite
    {**MOSUL, "lat": "1e999"},                 # infinite
    {**MOSUL, "lon": "east"},                  # not a number
    {**MOSUL, "lat": None},                    # missing
    {**MOSUL, "lat": [36.3]},                  # wrong type
    {**MOSUL, "lat": True},                    # a bool is not a coordinate
    {**MOSUL, "name": 7, "display_name": {}},  # no usable name
    "Mosul",                                   # not an object at all
    {**NINEVEH, "place_rank": "8", "address": "iq"},  # odd types, usable coordinates: kept
    MOSUL,
]
GEONAMES_MOSUL = {"geonameId": 99072, "name": "Mosul", "lat": "36.335", "lng": "43.11889",
                  "countryCode": "IQ", "adminName1": "Nineveh", "fcl": "P", "fcode": "PPLA",
                  "population": 1739800}


def _huge_answer() -> bytes:
    """Five megabytes of valid places: only the size limit keeps them from being parsed."""
    entry = json.dumps(MOSUL).encode()
    return b"[" + b",".join([entry] * (5_000_000 // len(entry) + 1)) + b"]"


HUGE = _huge_answer()


class FakeService(BaseHTTPRequestHandler):
    """Answers /search like Nominatim and /searchJSON like GeoNames, by the `q` asked."""

    def do_GET(self) -> None:
        arrived = time.monotonic()
        url = urlsplit(self.path)
        params = {key: values[0] for key, values in parse_qs(url.query).items()}
        self.server.requests.append((arrived, url.path, params, self.headers["User-Agent"]))
        try:
            self._answer(url.path, params.get("q", ""))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should on oversized and slow answers

    def _answer(self, path: str, query: str) -> None:
        if path == "/searchJSON":
            self._send(200, json.dumps({"geonames": [GEONAMES_MOSUL]}).encode())
        elif query in ("Mosul", "MOSUL"):
            self._send(200, json.dumps([MOSUL, NINEVEH]).encode())
        elif query == "Garbage":
            self._send(200, json.dumps(GARBAGE).encode())
        elif query == "Broken":
            self._send(500, b"<html>Internal Server Error</html>")
        elif query == "Garbled":
            self._send(200, b'[{"lat": "36.3", ')
        elif query == "Shapeless":
            self._send(200, json.dumps({"lat": "36.3", "lon": "43.1"}).encode())
        elif query in ("Huge", "Huge undeclared"):
            self._send(200, HUGE, declare_length=query == "Huge")
        elif query == "Slow":
            time.sleep(3 * TIMEOUT)
            self._send(200, b"[]")
        else:
            self._send(200, b"[]")

    def _send(self, status: int, body: bytes, declare_length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        if declare_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass  # keep the test output to what fails


@pytest.fixture
def server():
    service = ThreadingHTTPServer(("127.0.0.1", 0), FakeService)
    service.requests = []
    thread = threading.Thread(target=service.serve_forever, kwargs={"poll_interval": 0.01},
                              daemon=True)  # a short poll so that shutdown is quick
    thread.start()
    yield service
    service.shutdown()
    service.server_close()


@pytest.fixture
def geocoder_for(server, tmp_path, monkeypatch):
    """OnlineGeocoders aimed at the local server, fast and without retries unless told otherwise."""
    monkeypatch.setenv("no_proxy", "*")  # a developer's proxy must not carry the local requests
    opened = []

    def make(**settings) -> OnlineGeocoder:
        settings = {"user_agent": USER_AGENT, "domain": f"127.0.0.1:{server.server_port}",
                    "scheme": "http", "timeout": TIMEOUT, "min_delay_seconds": 0,
                    "max_retries": 0} | settings
        geocoder = OnlineGeocoder(tmp_path / "cache" / "online.sqlite", **settings)
        opened.append(geocoder)
        return geocoder

    yield make
    for geocoder in opened:
        geocoder.close()


def asked(server) -> list[str]:
    return [params.get("q") for _, _, params, _ in server.requests]


def warnings_of(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records
            if record.name == "gazetteer.online" and record.levelno == logging.WARNING]


def test_found_place_becomes_a_candidate(geocoder_for, server):
    mosul, nineveh = geocoder_for().lookup("Mosul")
    assert (mosul.name, mosul.kind, mosul.lat, mosul.lon) == ("Mosul", "city", 36.3392, 43.1306)
    assert (mosul.country, mosul.admin1, mosul.population, mosul.geonameid, mosul.geometry) == \
        ("IQ", "Nineveh Governorate", None, None, None)
    assert (mosul.source, mosul.match, mosul.matched_name, mosul.score) == \
        ("nominatim", "online", "Mosul", 1.0)
    assert mosul.id < 0 and nineveh.id < 0 and mosul.id != nineveh.id
    assert (nineveh.name, nineveh.kind, nineveh.admin1, nineveh.score) == \
        ("Nineveh Governorate", "admin1", "", 0.99)
    (_, path, params, user_agent), = server.requests
    assert path == "/search" and user_agent == USER_AGENT
    assert (params["q"], params["addressdetails"], params["limit"]) == ("Mosul", "1", "5")


def test_candidate_ids_do_not_depend_on_the_cache(geocoder_for, server, tmp_path):
    first = geocoder_for().lookup("Mosul")
    with OnlineGeocoder(tmp_path / "elsewhere.sqlite", user_agent=USER_AGENT, scheme="http",
                        domain=f"127.0.0.1:{server.server_port}", min_delay_seconds=0) as other:
        assert [c.id for c in other.lookup("Mosul")] == [c.id for c in first]
    assert asked(server) == ["Mosul", "Mosul"]


def test_answer_is_cached_across_geocoders(geocoder_for, server):
    first = geocoder_for().lookup("Mosul")
    assert geocoder_for().lookup("Mosul") == first
    assert geocoder_for().lookup("Mosul", limit=1) == first[:1]
    spelled_otherwise = geocoder_for().lookup("MOSUL")
    assert [c.matched_name for c in spelled_otherwise] == ["MOSUL", "MOSUL"]
    assert asked(server) == ["Mosul"]


def test_country_is_asked_for_and_keys_the_cache(geocoder_for, server):
    geocoder = geocoder_for()
    geocoder.lookup("Mosul", country="iq")
    geocoder.lookup("Mosul", country="IQ")
    geocoder.lookup("Mosul")
    assert [params.get("countrycodes") for _, _, params, _ in server.requests] == ["iq", None]


def test_not_found_is_cached(geocoder_for, server):
    assert geocoder_for().lookup("Atlantis") == []
    assert geocoder_for().lookup("Atlantis") == []
    assert asked(server) == ["Atlantis"]


def test_server_error_gives_nothing_and_is_asked_again(geocoder_for, server, caplog):
    geocoder = geocoder_for()
    assert geocoder.lookup("Broken") == []
    (warning,) = warnings_of(caplog)
    assert "'Broken'" in warning and "500" in warning
    assert geocoder.lookup("Broken") == []
    assert asked(server) == ["Broken", "Broken"]


def test_server_error_is_retried(geocoder_for, server):
    assert geocoder_for(max_retries=1).lookup("Broken") == []
    assert asked(server) == ["Broken", "Broken"]


@pytest.mark.parametrize("name, reason", [("Garbled", "not JSON"), ("Shapeless", "list")])
def test_malformed_answer_gives_nothing_and_is_not_cached(geocoder_for, server, caplog, name,
                                                          reason):
    geocoder = geocoder_for()
    assert geocoder.lookup(name) == []
    (warning,) = warnings_of(caplog)
    assert repr(name) in warning and reason in warning and "\n" not in warning
    geocoder.lookup(name)
    assert asked(server) == [name, name]


@pytest.mark.parametrize("name", ["Huge", "Huge undeclared"])
def test_huge_answer_is_refused_unread(geocoder_for, server, caplog, name):
    started = time.monotonic()
    assert geocoder_for().lookup(name) == []
    assert time.monotonic() - started < 2
    (warning,) = warnings_of(caplog)
    assert repr(name) in warning and "over the limit of 1000000" in warning
    assert asked(server) == [name]


def test_slow_answer_times_out(geocoder_for, server, caplog):
    started = time.monotonic()
    assert geocoder_for().lookup("Slow") == []
    assert time.monotonic() - started < 4 * TIMEOUT
    assert asked(server) == ["Slow"]
    (warning,) = warnings_of(caplog)
    assert "'Slow'" in warning and "timed out" in warning


def test_closed_port_gives_nothing(geocoder_for, caplog):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    assert geocoder_for(domain=f"127.0.0.1:{closed_port}").lookup("Mosul") == []
    (warning,) = warnings_of(caplog)
    assert "'Mosul'" in warning and "refused" in warning.lower()


def test_unusable_entries_are_dropped(geocoder_for, server):
    kept = geocoder_for().lookup("Garbage", limit=10)
    assert [(c.name, c.kind, c.country, c.score) for c in kept] == [
        ("Nineveh Governorate", "online", "", 1.0), ("Mosul", "city", "IQ", 0.99)]


def test_answer_is_cut_to_the_limit(geocoder_for):
    assert [c.name for c in geocoder_for().lookup("Garbage", limit=1)] == ["Nineveh Governorate"]


@pytest.mark.parametrize("user_agent", [None, "", "  ", "geopy/2.5.0"])
def test_user_agent_is_required(tmp_path, user_agent):
    with pytest.raises(ValueError, match="user agent that identifies you"):
        OnlineGeocoder(tmp_path / "online.sqlite", user_agent=user_agent)


def test_requests_are_spaced_out(geocoder_for, server):
    geocoder = geocoder_for(min_delay_seconds=0.3)
    geocoder.lookup("Atlantis")
    geocoder.lookup("El Dorado")
    first, second = (arrived for arrived, *_ in server.requests)
    assert second - first >= 0.3 - 0.01  # clock granularity between client and server threads


def test_geonames_needs_a_username(tmp_path):
    with pytest.raises(ValueError, match="username"):
        OnlineGeocoder(tmp_path / "online.sqlite", user_agent=USER_AGENT, provider="geonames")


def test_geonames_place_becomes_a_candidate(geocoder_for, server):
    (mosul,) = geocoder_for(provider="geonames", username="tester").lookup("Mosul", country="IQ")
    assert (mosul.name, mosul.kind, mosul.lat, mosul.lon, mosul.country, mosul.admin1) == \
        ("Mosul", "city", 36.335, 43.11889, "IQ", "Nineveh")
    assert (mosul.geonameid, mosul.population, mosul.source, mosul.match, mosul.id < 0) == \
        (99072, None, "geonames-online", "online", True)
    (_, path, params, _), = server.requests
    assert (path, params["q"], params["username"], params["country"]) == \
        ("/searchJSON", "Mosul", "tester", "IQ")
