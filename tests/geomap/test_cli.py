"""The command line as users run it: output contracts, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.cli.output import map_file_name


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_version_and_help_on_every_command(runner):
    assert runner.invoke(main, ["--version"]).output.startswith("geomap, version ")
    for command in (["places"], ["render"], ["demo"], ["gazetteer"], ["gazetteer", "build"],
                    ["gazetteer", "lookup"], ["gazetteer", "info"], ["gazetteer", "add"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, command


def test_the_command_process_keeps_output_and_exit_codes(data_dir, tmp_path):
    # the `geomap` script runs geomap.__main__.run, as `python -m geomap` does
    geomap = [sys.executable, "-m", "geomap"]
    done = subprocess.run([*geomap, "places", str(data_dir / "river-offensive.txt")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and json.loads(done.stdout.splitlines()[0])["places"]
    missing = subprocess.run([*geomap, "places", str(tmp_path / "missing.txt")],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_places_jsonl_contract(runner, data_dir):
    path = data_dir / "river-offensive.txt"
    result = runner.invoke(main, ["places", str(path)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    text = path.read_text(encoding="utf-8")
    assert record["file"] == str(path)
    assert record["places"], "places found"
    for place in record["places"]:
        assert text[place["start"]:place["end"]] == place["text"]
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180


def test_places_on_a_folder_and_a_missing_file(runner, data_dir, tmp_path):
    (tmp_path / "one.txt").write_text("Protesters gathered in Cairo on Friday.", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(b"")
    result = runner.invoke(main, ["places", str(tmp_path), str(tmp_path / "gone.txt"),
                                  "--format", "json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["file"] for r in records] == [str(tmp_path / "one.txt")]
    assert records[0]["places"][0]["name"] == "Cairo"
    assert f"{tmp_path / 'two.txt'}: no article text" in result.stderr
    assert f"{tmp_path / 'gone.txt'}: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_places_table(runner, data_dir):
    result = runner.invoke(main, ["places", str(data_dir / "river-offensive.txt"),
                                  "--format", "table"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:4] == ["file", "start", "end", "text"]
    assert "Baghdad" in result.stdout


def test_places_writes_an_output_file(runner, data_dir, tmp_path):
    out = tmp_path / "places.jsonl"
    result = runner.invoke(main, ["places", str(data_dir / "river-offensive.txt"), "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["places"]
    assert not list(tmp_path.glob("*.partial"))


def test_unwritable_output_is_a_clear_error(runner, data_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(main, ["places", str(data_dir / "river-offensive.txt"),
                                  "-o", str(blocker / "out.jsonl")])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"geomap: error: {blocker / 'out.jsonl'}: cannot write")


def test_usage_error_exit_code(runner):
    assert runner.invoke(main, ["places"]).exit_code == 2
    assert runner.invoke(main, ["places", "x.txt", "--format", "xml"]).exit_code == 2


def test_gazetteer_lookup_json_and_table(runner):
    result = runner.invoke(main, ["gazetteer", "lookup", "Alexandria", "--country", "US",
                                  "--format", "json"])
    assert result.exit_code == 0
    candidates = json.loads(result.stdout)
    assert candidates[0]["country"] == "US"
    assert candidates[0]["admin1"] in ("Virginia", "Louisiana")
    table = runner.invoke(main, ["gazetteer", "lookup", "Tikrit"])
    assert table.exit_code == 0 and "IQ" in table.stdout
    missing = runner.invoke(main, ["gazetteer", "lookup", "Qwxzvbnmlk"])
    assert missing.exit_code == 1 and "no place named" in missing.stderr


def test_gazetteer_info(runner):
    result = runner.invoke(main, ["gazetteer", "info", "--format", "json"])
    assert result.exit_code == 0
    info = json.loads(result.stdout)
    assert info["by_kind"]["city"] > 200_000


def test_store_that_cannot_be_built_is_a_clear_error(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(main, ["--gazetteer", str(blocker / "g.sqlite"), "gazetteer", "info"])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"geomap: error: {blocker / 'g.sqlite'}: cannot build")
    assert "Traceback" not in result.stderr


def test_render_and_demo_write_complete_maps(runner, data_dir, tmp_path):
    result = runner.invoke(main, ["render", str(data_dir / "river-offensive.txt"),
                                  "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "river-offensive.html").read_text(encoding="utf-8")
    assert page.rstrip().endswith("</html>") and "Tal Afar" in page
    demo = runner.invoke(main, ["demo", "-o", str(tmp_path / "demo.html")])
    assert demo.exit_code == 0, demo.output
    assert (tmp_path / "demo.html").stat().st_size > 10_000


def test_render_a_story_as_one_map_and_as_images(runner, data_dir, tmp_path):
    story = str(data_dir / "story")
    merged = runner.invoke(main, ["render", story, "--merge", "-o", str(tmp_path / "s.html")])
    assert merged.exit_code == 0, merged.output
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert '"Afgooye' in page and "suicide bombing" in page
    images = runner.invoke(main, ["render", story, "--format", "png",
                                  "--output-dir", str(tmp_path / "png")])
    assert images.exit_code == 0, images.output
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == [
        "market-attack-a.png", "market-attack-b.png"]
    assert (tmp_path / "png" / "market-attack-a.png").read_bytes().startswith(b"\x89PNG")
    wrong = runner.invoke(main, ["render", story, "--format", "pdf", "-o", str(tmp_path / "x.png")])
    assert wrong.exit_code == 2 and "needs a .pdf file name" in wrong.output


@pytest.mark.parametrize("file, name", [
    ("news/a story.txt", "a-story.html"),
    ("../../etc/passwd", "passwd.html"),
    ("feed.jsonl:7", "feed-7.html"),
    ("CON.txt", "map-CON.html"),
    ("....txt", "map.html"),
])
def test_map_file_names_are_safe(file, name):
    assert map_file_name(file) == name


class _OneAnswerNominatim(BaseHTTPRequestHandler):
    """Knows one place, Zarqoun, in Nominatim's JSON; records what it was asked."""

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query).get("q", [""])[0]
        self.server.asked.append(query)
        answer = [{"osm_type": "node", "osm_id": 1, "lat": "35.1", "lon": "42.2", "class": "place",
                   "type": "village", "name": "Zarqoun", "display_name": "Zarqoun, Iraq",
                   "address": {"country_code": "iq", "state": "Nineveh"}}] if query == "Zarqoun" else []
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def nominatim():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OneAnswerNominatim)
    server.asked = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def test_online_geocoder_is_opt_in_and_fills_gaps(runner, tmp_path, gazetteer, nominatim):
    article = tmp_path / "a.txt"
    article.write_text("Shelling was reported in Zarqoun and in Mosul on Sunday.", encoding="utf-8")
    store = tmp_path / "store" / "gazetteer.sqlite"
    store.parent.mkdir()
    shutil.copyfile(gazetteer.path, store)
    offline = runner.invoke(main, ["--gazetteer", str(store), "places", str(article)])
    assert offline.exit_code == 0 and nominatim.asked == []
    assert "Zarqoun" not in [p["text"] for p in json.loads(offline.stdout)["places"]]

    arguments = ["--gazetteer", str(store), "places", str(article), "--online",
                 "--online-url", f"http://127.0.0.1:{nominatim.server_port}",
                 "--user-agent", "geomap-tests/1.0 (tests@example.org)"]
    online = runner.invoke(main, arguments)
    assert online.exit_code == 0, online.output
    found = {p["text"]: p for p in json.loads(online.stdout)["places"]}
    assert (found["Zarqoun"]["source"], found["Zarqoun"]["country"]) == ("nominatim", "IQ")
    assert found["Mosul"]["source"] == "geonames", "known names are never asked online"
    assert nominatim.asked == ["Zarqoun"]
    assert runner.invoke(main, arguments).exit_code == 0
    assert nominatim.asked == ["Zarqoun"], "the answer was cached"


def test_online_geocoder_needs_a_user_agent(runner, data_dir):
    result = runner.invoke(main, ["places", str(data_dir / "river-offensive.txt"), "--online"],
                           env={"GEOMAP_USER_AGENT": ""})
    assert result.exit_code == 2 and "user agent" in result.stderr


def test_broken_inputs_fail_alone_with_one_line_each(runner, tmp_path, data_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(data_dir / "river-offensive.txt", inputs / "good.txt")
    (inputs / "huge.txt").write_bytes(b"Fighting near Mosul. " * 2_400_000)  # about 50 MB
    (inputs / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (inputs / "notext.jsonl").write_text('{"title": "no text"}\n', encoding="utf-8")
    (inputs / "gone.html").symlink_to(tmp_path / "nowhere.html")
    out = tmp_path / "out" / "places.jsonl"
    result = runner.invoke(main, ["places", str(inputs), "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("geomap: error:")]
    assert len(errors) == 4 and "Traceback" not in result.output
    assert any("huge.txt: 50,400,000 characters is more than one article" in e for e in errors)
    assert any("scan.txt: looks like a PDF file" in e for e in errors)
    assert any("notext.jsonl:1: JSON article needs a 'text' string field" in e for e in errors)
    assert any("gone.html: a link to nothing" in e for e in errors)
    (line,) = out.read_text(encoding="utf-8").splitlines()  # the good file, whole
    assert json.loads(line)["file"].endswith("good.txt")


def test_unusable_output_and_store_paths_are_explained(runner, tmp_path, data_dir):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["places", str(data_dir / "river-offensive.txt"),
                                  "-o", str(blocker / "out.jsonl")])
    assert result.exit_code == 3
    assert "a part of its path is a file, not a folder" in result.output
    assert list(tmp_path.iterdir()) == [blocker]  # nothing half-written
    store = runner.invoke(main, ["--gazetteer", str(blocker / "store.sqlite"), "places",
                                 str(data_dir / "river-offensive.txt")])
    assert store.exit_code == 3 and "cannot build the gazetteer store here" in store.output
    assert "Traceback" not in store.output


def test_non_english_text_is_read_without_error(runner, tmp_path):
    path = tmp_path / "arabic-french.txt"
    path.write_text("اشتباكات في الموصل يوم الثلاثاء.\nBombardements à Alep et à Idlib, "
                    "selon l’OSDH, mardi.\n", encoding="utf-8")
    result = runner.invoke(main, ["events", str(path)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    places = runner.invoke(main, ["places", str(path)])
    assert places.exit_code == 0
    record = json.loads(places.stdout)
    text = path.read_text(encoding="utf-8")
    assert all(text[p["start"]:p["end"]] == p["text"] for p in record["places"])
