"""The online fallback against a local stand-in for Nominatim and GeoNames: answers, cache, limits.

Every case talks HTTP to a real server on 127.0.0.1 and checks that the server saw the requests,
so nothing here can reach the real network unnoticed.
"""

from __future__ import annotations

import json
import logging
import shutil
import socket
import sqlite3
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

import pytest

from gazetteer.online import GIVE_UP_AFTER, NOT_FOUND_SECONDS, OnlineGeocoder

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
    """Answers .../search like Nominatim and .../searchJSON like GeoNames, by the `q` asked;
    some names get a misbehaving server instead."""

    def do_GET(self) -> None:
        arrived = time.monotonic()
        url = urlsplit(self.path)
        params = {key: values[0] for key, values in parse_qs(url.query).items()}
        self.server.requests.append((arrived, url.path, params, self.headers["User-Agent"]))
        try:
            self._answer(url.path, params.get("q", ""))
        except (BrokenPipeError, ConnectionResetError, ssl.SSLEOFError):
            pass  # the client gave up, as it should on oversized and slow answers

    def _answer(self, path: str, query: str) -> None:
        if path.endswith("/searchJSON"):
            self._send(200, json.dumps({"geonames": [GEONAMES_MOSUL]}).encode())
        elif not path.endswith("/search"):
            self._send(404, b"no such page")
        elif query in ("Mosul", "MOSUL"):
            self._send(200, json.dumps([MOSUL, NINEVEH]).encode())
        elif query == "Garbage":
            self._send(200, json.dumps(GARBAGE).encode())
        elif query == "Unusable":
            self._send(200, json.dumps(GARBAGE[:10]).encode())
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
        elif query in ("Trickle", "Trickled headers"):
            self._trickle(json.dumps([MOSUL]).encode(), headers_too=query != "Trickle")
        elif query == "Hostile":
            self._send(200, json.dumps([HOSTILE]).encode())
        elif query in REDIRECTS:
            self._redirect(REDIRECTS[query].format(port=self.server.server_port,
                                                   elsewhere=self.server.elsewhere))
        else:
            self._send(200, b"[]")

    def _send(self, status: int, body: bytes, declare_length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        if declare_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, body: bytes, headers_too: bool) -> None:
        """A byte at a time, each well within the socket timeout, the whole far beyond it."""
        head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        if not headers_too:
            self.wfile.write(head)
            self.wfile.flush()
        for byte in (head if headers_too else b"") + body:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(TIMEOUT / 4)
        self.close_connection = True

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass  # keep the test output to what fails


# Where each name's redirect points (the same origin, another port, another scheme, itself).
REDIRECTS = {
    "Moved": "/search?q=Mosul&format=json&limit=5&addressdetails=1",
    "Moved elsewhere": "http://127.0.0.1:{elsewhere}/search?q=Mosul&format=json",
    "Moved by name": "http://localhost:{port}/search?q=Mosul&format=json",
    "Moved to https": "https://127.0.0.1:{port}/search?q=Mosul&format=json",
    "Loop": "/search?q=Loop&format=json",
}
HOSTILE = {**MOSUL, "osm_id": 1, "name": "Mo\x1b[2J\x1b]0;owned\x07sul\u202e\ud800 \n town",
           "address": {"state": "Nine\x9bveh\r", "country_code": "iq"}}


def _serve(requests: list) -> ThreadingHTTPServer:
    service = ThreadingHTTPServer(("127.0.0.1", 0), FakeService)
    service.requests = requests
    service.elsewhere = 0
    thread = threading.Thread(target=service.serve_forever, kwargs={"poll_interval": 0.01},
                              daemon=True)  # a short poll so that shutdown is quick
    thread.start()
    return service


@pytest.fixture
def elsewhere():
    """A second server, on another port: it must never be asked."""
    service = _serve([])
    yield service
    service.shutdown()
    service.server_close()


@pytest.fixture
def server(elsewhere):
    service = _serve([])
    service.elsewhere = elsewhere.server_port
    yield service
    service.shutdown()
    service.server_close()


@pytest.fixture
def geocoder_for(server, tmp_path, monkeypatch):
    """OnlineGeocoders aimed at the local server, fast and without retries unless told otherwise."""
    monkeypatch.setenv("no_proxy", "*")  # a developer's proxy must not carry the local requests
    opened = []

    def make(**settings) -> OnlineGeocoder:
        settings = {"user_agent": USER_AGENT, "url": f"http://127.0.0.1:{server.server_port}",
                    "timeout": TIMEOUT, "min_delay_seconds": 0, "max_retries": 0} | settings
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
    with OnlineGeocoder(tmp_path / "elsewhere.sqlite", user_agent=USER_AGENT,
                        url=f"http://127.0.0.1:{server.server_port}", min_delay_seconds=0) as other:
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
    assert geocoder_for(url=f"http://127.0.0.1:{closed_port}").lookup("Mosul") == []
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
    _assert_paced([arrived for arrived, *_ in server.requests], 0.3)


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


# The service's address --------------------------------------------------------------------------

def test_the_url_path_is_kept(geocoder_for, server):
    geocoder = geocoder_for(url=f"http://127.0.0.1:{server.server_port}/nominatim/")
    assert [c.name for c in geocoder.lookup("Mosul")] == ["Mosul", "Nineveh Governorate"]
    geonames = geocoder_for(url=f"http://127.0.0.1:{server.server_port}/gn", provider="geonames",
                            username="tester")
    assert [c.name for c in geonames.lookup("Mosul")] == ["Mosul"]
    assert [path for _, path, _, _ in server.requests] == ["/nominatim/search", "/gn/searchJSON"]


@pytest.mark.parametrize("url, reason", [
    ("localhost:8080", "needs http:// or https://"),
    ("127.0.0.1:8080/nominatim", "needs http:// or https://"),
    ("nominatim.example.org", "needs http:// or https://"),
    ("ftp://example.org", "needs http:// or https://"),
    ("https://", "needs http:// or https://"),
    ("https://example.org:port", "port that is not a number"),
    ("https://user:secret@example.org", "base URL only"),
    ("https://example.org/search?q=x", "base URL only"),
])
def test_a_url_that_is_not_a_service_address_is_refused(tmp_path, url, reason):
    with pytest.raises(ValueError, match=reason) as refused:
        OnlineGeocoder(tmp_path / "online.sqlite", user_agent=USER_AGENT, url=url)
    assert repr(url) in str(refused.value) and "\n" not in str(refused.value)
    assert not (tmp_path / "online.sqlite").exists()


# Deadlines, retries, redirects -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Trickle", "Trickled headers"])
def test_a_trickling_server_meets_the_deadline(geocoder_for, server, caplog, name):
    geocoder = geocoder_for(max_retries=2)
    started = time.monotonic()
    assert geocoder.lookup(name) == []
    assert time.monotonic() - started < 2 * TIMEOUT  # the answer alone would take over 60 s
    (warning,) = warnings_of(caplog)
    assert repr(name) in warning and "within 0.5 s" in warning
    assert asked(server) == [name], "a deadline missed is not retried"
    geocoder.lookup(name)
    assert asked(server) == [name, name], "and not cached"


def _assert_paced(times: list[float], delay: float) -> None:
    """Arrivals `delay` apart: the client paces its sending, so the whole run spans the delays,
    and no two requests come together (the server's clock of arrival jitters under load)."""
    assert times[-1] - times[0] >= delay * (len(times) - 1) - 0.05
    assert all(later - earlier > delay / 2 for earlier, later in pairwise(times))


def test_a_passing_server_error_is_retried_at_the_pace(geocoder_for, server):
    assert geocoder_for(max_retries=2, min_delay_seconds=0.2).lookup("Broken") == []
    times = [arrived for arrived, *_ in server.requests]
    assert asked(server) == ["Broken"] * 3
    _assert_paced(times, 0.2)


def test_a_redirect_on_the_same_origin_is_followed_at_the_pace(geocoder_for, server):
    (mosul, _) = geocoder_for(min_delay_seconds=0.2).lookup("Moved")
    assert (mosul.name, mosul.matched_name) == ("Mosul", "Moved")
    (first, _, _, _), (second, path, params, agent) = server.requests
    assert (path, params["q"], agent) == ("/search", "Mosul", USER_AGENT)
    _assert_paced([first, second], 0.2)


@pytest.mark.parametrize("name", ["Moved elsewhere", "Moved by name", "Moved to https"])
def test_a_redirect_to_another_origin_is_not_followed(geocoder_for, server, elsewhere, caplog,
                                                     name):
    assert geocoder_for().lookup(name) == []
    (warning,) = warnings_of(caplog)
    assert repr(name) in warning and "redirected to another server" in warning
    assert asked(server) == [name] and elsewhere.requests == []


def test_a_redirect_loop_ends_at_the_pace(geocoder_for, server, caplog):
    assert geocoder_for(min_delay_seconds=0.2, max_retries=2).lookup("Loop") == []
    times = [arrived for arrived, *_ in server.requests]
    assert len(times) == 4  # the request and three redirects, no retry
    _assert_paced(times, 0.2)
    (warning,) = warnings_of(caplog)
    assert "more than 3 redirects" in warning


# What is cached ---------------------------------------------------------------------------------

def test_an_answer_with_no_usable_place_is_not_cached(geocoder_for, server, caplog):
    geocoder = geocoder_for()
    assert geocoder.lookup("Unusable") == []
    assert geocoder.lookup("Unusable") == []
    assert asked(server) == ["Unusable", "Unusable"]
    assert all("no usable place" in warning for warning in warnings_of(caplog))


def test_an_old_not_found_is_asked_again(geocoder_for, server, tmp_path):
    assert geocoder_for().lookup("Atlantis") == []
    with sqlite3.connect(tmp_path / "cache" / "online.sqlite") as cache:
        cache.execute("UPDATE answers SET asked = asked - ?", (NOT_FOUND_SECONDS + 60,))
    cache.close()
    assert geocoder_for().lookup("Atlantis") == []
    assert geocoder_for().lookup("Atlantis") == []
    assert asked(server) == ["Atlantis", "Atlantis"]


def test_a_cache_from_before_dated_answers_is_upgraded(geocoder_for, server, tmp_path):
    path = tmp_path / "cache" / "online.sqlite"
    path.parent.mkdir()
    with sqlite3.connect(path) as cache:
        cache.execute("CREATE TABLE answers (provider TEXT NOT NULL, key TEXT NOT NULL, country "
                      "TEXT NOT NULL, candidates TEXT NOT NULL, PRIMARY KEY (provider, key, "
                      "country)) WITHOUT ROWID")
        cache.execute("INSERT INTO answers VALUES ('nominatim', 'mosul', '', '[]')")
    cache.close()
    assert [c.name for c in geocoder_for().lookup("Mosul")] == ["Mosul", "Nineveh Governorate"]
    assert geocoder_for().lookup("Mosul")[0].name == "Mosul"
    assert asked(server) == ["Mosul"]


# What is shown ----------------------------------------------------------------------------------

def test_names_from_the_server_are_fit_to_show(geocoder_for, server):
    (hostile,) = geocoder_for().lookup("Hostile")
    assert (hostile.name, hostile.admin1) == ("Mo [2J ]0;owned sul town", "Nine veh")
    (cached,) = geocoder_for().lookup("Hostile")
    assert (cached.name, cached.admin1) == (hostile.name, hostile.admin1)
    assert asked(server) == ["Hostile"]


# Over TLS ---------------------------------------------------------------------------------------

@pytest.fixture
def tls_server(tmp_path, monkeypatch):
    """The same service over https, with a certificate made for 127.0.0.1 and trusted here."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    service = ThreadingHTTPServer(("127.0.0.1", 0), FakeService)
    service.requests, service.elsewhere = [], 0
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    service.socket = context.wrap_socket(service.socket, server_side=True)
    threading.Thread(target=service.serve_forever, kwargs={"poll_interval": 0.01},
                     daemon=True).start()
    yield service
    service.shutdown()
    service.server_close()


def test_https_answers_and_deadline(geocoder_for, tls_server, caplog):
    geocoder = geocoder_for(url=f"https://127.0.0.1:{tls_server.server_port}/nominatim")
    assert [c.name for c in geocoder.lookup("Mosul")] == ["Mosul", "Nineveh Governorate"]
    started = time.monotonic()
    assert geocoder.lookup("Trickle") == []
    assert time.monotonic() - started < 2 * TIMEOUT
    assert [path for _, path, _, _ in tls_server.requests] == ["/nominatim/search"] * 2
    (warning,) = warnings_of(caplog)
    assert "'Trickle'" in warning and "within 0.5 s" in warning


def test_a_run_stops_asking_a_failing_server(geocoder_for, server, caplog):
    geocoder = geocoder_for()
    assert geocoder.lookup("Mosul")
    for _ in range(GIVE_UP_AFTER + 3):
        assert geocoder.lookup("Broken") == []
    assert geocoder.lookup("Atlantis") == [] and geocoder.lookup("Mosul")  # the cache still serves
    assert asked(server) == ["Mosul", *["Broken"] * GIVE_UP_AFTER]
    *failures, given_up = warnings_of(caplog)
    assert len(failures) == GIVE_UP_AFTER and f"{GIVE_UP_AFTER} lookups in a row" in given_up
    assert geocoder_for().lookup("Atlantis") == [], "a new run asks again"
    assert asked(server)[-1] == "Atlantis"


def test_a_success_resets_the_count(geocoder_for, server):
    geocoder = geocoder_for()
    for name in ["Broken"] * (GIVE_UP_AFTER - 1) + ["Atlantis"] + ["Broken"] * (GIVE_UP_AFTER - 1):
        geocoder.lookup(name)
    geocoder.lookup("El Dorado")
    assert asked(server)[-1] == "El Dorado"


def test_an_entry_kept_before_a_field_was_added_still_serves(geocoder_for, server, tmp_path):
    first = geocoder_for().lookup("Mosul")
    with sqlite3.connect(tmp_path / "cache" / "online.sqlite") as cache:
        (kept,) = cache.execute("SELECT candidates FROM answers").fetchone()
        older = [{key: value for key, value in entry.items() if key not in ("admin2", "name_kind")}
                 for entry in json.loads(kept)]
        cache.execute("UPDATE answers SET candidates = ?", (json.dumps(older),))
    cache.close()
    assert geocoder_for().lookup("Mosul") == first
    assert asked(server) == ["Mosul"]
