"""The online geocoder as the command line uses it, against a real HTTP server on 127.0.0.1: a
bad --online-url is a usage error, a failing server one line, and what it names is shown safely.

The commands run as real processes, so that what reaches the terminal is what a user would see
(the warnings go through Python's last-resort log handler, which pytest would otherwise replace).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ARTICLE = "Shelling was reported in Zarqoun and in Mosul on Sunday."
USER_AGENT = "geomap-tests/1.0 (tests@example.org)"
HOSTILE_NAME = "Zar\x1b[31mqoun\x1b]0;owned\x07\u202e"


class _Service(BaseHTTPRequestHandler):
    """Nominatim's /search under a path, answering as the server's `answer` says."""

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        self.server.asked.append((url.path, parse_qs(url.query).get("q", [""])[0]))
        if self.server.answer == "error":
            status, body = 500, b"<html>Internal Server Error</html>"
        else:
            status, body = 200, json.dumps([{
                "osm_type": "node", "osm_id": 7, "lat": "35.1", "lon": "42.2", "class": "place",
                "type": "village", "name": HOSTILE_NAME, "address": {"country_code": "iq"}}]).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def service():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Service)
    server.asked, server.answer = [], "place"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01},
                     daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def workdir(tmp_path, gazetteer) -> Path:
    """An article, and the real store linked into a folder of its own: the online cache is
    kept beside the store, so each test starts without one."""
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "gazetteer.sqlite").symlink_to(gazetteer.path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _geomap(workdir: Path, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "no_proxy": "*", "GEOMAP_USER_AGENT": USER_AGENT}
    environment.pop("GEOMAP_ONLINE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "geomap", "--gazetteer", str(workdir / "store" / "gazetteer.sqlite"),
         "places", str(workdir / "a.txt"), "--online", *arguments],
        capture_output=True, text=True, check=False, env=environment)


@pytest.mark.parametrize("url", ["localhost:8080", "127.0.0.1:8080/nominatim"])
def test_a_url_without_a_scheme_is_a_usage_error(workdir, url):
    (workdir / "store" / "gazetteer.sqlite").unlink()  # refused before the store is looked for
    done = _geomap(workdir, "--online-url", url)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("geomap: error: --online: ") and repr(url) in line
    assert "http:// or https://" in line


def test_a_failing_server_is_one_line(workdir, service):
    service.answer = "error"
    done = _geomap(workdir, "--online-url", f"http://127.0.0.1:{service.server_port}")
    assert done.returncode == 0, done.stderr
    (line,) = done.stderr.splitlines()
    assert line == "geomap: warning: online lookup of 'Zarqoun' failed: the server answered HTTP 500"
    assert [json.loads(done.stdout)["places"][0]["text"]] == ["Mosul"]
    assert service.asked == [("/search", "Zarqoun")] * 3  # the first try and two retries


def test_names_the_server_gives_are_shown_safely(workdir, service):
    done = _geomap(workdir, "--online-url", f"http://127.0.0.1:{service.server_port}/nominatim/",
                   "--format", "table")
    assert done.returncode == 0, done.stderr
    assert service.asked == [("/nominatim/search", "Zarqoun")]
    assert all(c.isprintable() for c in done.stdout.replace("\n", ""))
    rows = {line.split()[3]: line for line in done.stdout.splitlines()[1:]}
    assert "Zar [31mqoun ]0;owned" in rows["Zarqoun"]
