"""Hostile inputs: whatever bytes, JSON shapes, names and special files an archive holds, each
file is read or refused with one line naming it, and nothing hangs, eats memory or crashes."""

from __future__ import annotations

import codecs
import json
import os
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.read.article import read_articles
from geomap.read.encoding import declared_charset, decode
from geomap.read.files import InputError, expand_paths, read_bytes

MANY = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
SUFFIXES = (".txt", ".html", ".json", ".jsonl")
# Any character, lone surrogates included (JSON can escape them: "\ud800").
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "title", "url", "published", "source", "body", "x"]) | ANY_TEXT,
        inner, max_size=5),
    max_leaves=20)


def readable(text: str) -> bool:
    """Text that can be written as UTF-8 and printed (no lone surrogate)."""
    text.encode("utf-8")
    return True


def check_read(path: Path) -> None:
    """Reading `path` gives articles of writable text, or an InputError naming the file."""
    try:
        articles = read_articles(path, [])
    except InputError as error:
        assert str(error).startswith(error.file) and "\n" not in str(error)
        assert readable(str(error))
        return
    for article in articles:
        for value in (article.text, article.title, article.source, article.url,
                      article.published, article.file):
            assert readable(value)


@MANY
@given(st.binary(max_size=400), st.sampled_from(SUFFIXES))
def test_any_bytes_are_read_or_refused_in_one_line(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"article{suffix}"
    path.write_bytes(data)
    check_read(path)


@MANY
@given(JSON_VALUES, st.sampled_from([".json", ".jsonl"]))
def test_any_json_shape_is_read_or_refused_in_one_line(tmp_path_factory, value, suffix):
    path = tmp_path_factory.mktemp("json") / f"article{suffix}"
    path.write_text(json.dumps(value), encoding="utf-8")  # as ASCII, surrogates escaped
    check_read(path)


@MANY
@given(st.text(min_size=1, max_size=30), ANY_TEXT)
def test_any_unicode_in_names_and_fields(tmp_path_factory, name, text):
    folder = tmp_path_factory.mktemp("names")
    safe = "".join(ch for ch in name if ch not in "/\0" and not 0xD800 <= ord(ch) <= 0xDFFF)
    path = folder / f"{safe[:40] or 'x'}.json"
    try:
        path.write_text(json.dumps({"text": text, "title": name}), encoding="utf-8")
    except OSError:  # a name the file system will not take
        return
    check_read(path)
    files, errors = expand_paths([folder])
    assert len(files) + len(errors) == 1


def test_deep_json_long_numbers_and_lone_surrogates(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="ascii")
    number = tmp_path / "number.json"
    number.write_text('{"text": "Shelling in Homs.", "n": ' + "7" * 5000 + "}", encoding="ascii")
    with pytest.raises(InputError, match="deep.json: JSON nested too deeply"):
        read_articles(deep)
    with pytest.raises(InputError, match="number.json: unusable JSON"):
        read_articles(number)
    lone = tmp_path / "lone.json"
    lone.write_text('{"text": "Shelling in \\ud800Homs.", "title": "\\udfff"}', encoding="ascii")
    (article,) = read_articles(lone)
    assert article.text == "Shelling in \ufffdHoms." and article.title == "\ufffd"
    assert article.text.index("Homs") == 13  # one character for the one escaped


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\r"])
def test_json_lines_end_at_newline_only(tmp_path, separator):
    path = tmp_path / "news.jsonl"
    records = [{"text": f"Shelling in Homs.{separator}Fighting in Hama."},
               {"text": "Floods in Basra."}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    articles = read_articles(path)
    assert [a.text for a in articles] == [r["text"] for r in records]
    assert [a.file for a in articles] == [f"{path}:1", f"{path}:2"]


def test_a_stray_byte_in_utf8_is_one_replacement(tmp_path):
    text = "Floods in São Paulo and Maceió; Cuiabá spared. " * 20
    data = text.encode("utf-8")
    path = tmp_path / "news.txt"
    path.write_bytes(data[:100] + b"\xff" + data[100:])
    (article,) = read_articles(path)
    assert article.text.count("São Paulo") == 20 and article.text.count("\ufffd") == 1
    assert "Ã" not in article.text


def test_html_is_decoded_by_its_declared_charset(tmp_path):
    body = "<p>Обстрел Донецка продолжался всю ночь.</p>"
    pages = {
        "meta.html": f'<html><head><meta charset="windows-1251"></head><body>{body}</body></html>',
        "equiv.html": '<html><head><meta http-equiv="Content-Type" content="text/html; '
                      f'charset=koi8-r"></head><body>{body}</body></html>',
        "xhtml.html": f'<?xml version="1.0" encoding="ISO-8859-5"?><html><body>{body}</body></html>',
    }
    encodings = {"meta.html": "cp1251", "equiv.html": "koi8-r", "xhtml.html": "iso8859-5"}
    for name, page in pages.items():
        (tmp_path / name).write_bytes(page.encode(encodings[name]))
        assert declared_charset(page.encode(encodings[name])) == codecs.lookup(
            encodings[name]).name
        (article,) = read_articles(tmp_path / name)
        assert "Обстрел Донецка" in article.text
        start = article.text.index("Донецка")
        raw_start, raw_end = article.raw_span(start, start + 7)
        assert article.raw[raw_start:raw_end] == "Донецка"  # the offsets contract holds
    # a byte-order mark outranks the declaration; a page that is UTF-8 is read as UTF-8
    marked = b"\xef\xbb\xbf" + pages["meta.html"].encode("utf-8")
    assert "Обстрел" in decode(marked, html=True)
    assert "Обстрел" in decode(pages["meta.html"].encode("utf-8"), html=True)


def test_undeclared_legacy_text_is_detected(tmp_path):
    russian = ("Обстрел Донецка продолжался всю ночь, сообщили местные власти. "
               "Погибли трое мирных жителей.").encode("cp1251")
    assert decode(russian).startswith("Обстрел Донецка")
    western = "Ataque em São Paulo deixa mortos, diz polícia.".encode("cp1252")
    assert decode(western) == "Ataque em São Paulo deixa mortos, diz polícia."


def in_time(function, seconds: float = 10):
    """`function()`'s result (or its exception), failing the test if it takes longer than
    `seconds` (a hang)."""
    result: list = []

    def run() -> None:
        try:
            result.append(function())
        except Exception as error:  # raised again in the test's thread
            result.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "hung"
    if isinstance(result[0], Exception):
        raise result[0]
    return result[0]


def test_special_files_are_named_and_never_read(tmp_path):
    (tmp_path / "good.txt").write_text("Shelling in Homs on Monday.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "socket.json"))
    try:
        files, errors = in_time(lambda: expand_paths([tmp_path]))
    finally:
        listener.close()
    assert files == [tmp_path / "good.txt"]
    assert sorted(map(str, errors)) == [
        f"{tmp_path / 'pipe.txt'}: a FIFO (named pipe), not an article file; skipped",
        f"{tmp_path / 'socket.json'}: a socket, not an article file; skipped",
        f"{tmp_path / 'zero.txt'}: a character device, not an article file; skipped"]
    for special in ("pipe.txt", "zero.txt"):  # named on the command line, or swapped in later
        with pytest.raises(InputError, match="not an article file"):
            in_time(lambda special=special: read_bytes(tmp_path / special))


def test_the_size_limit_names_the_file_and_can_be_raised(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Обстрел в Homs. " * 50_000, encoding="utf-8")  # 1.1 MiB, 800,000 characters
    with pytest.raises(InputError, match=r"big.txt: 1.1 MiB is larger than the 1 MiB limit .*"
                                         r"--max-size"):
        read_articles(path, max_bytes=2**20)
    assert len(read_articles(path, max_bytes=2 * 2**20)[0].text) == 16 * 50_000


def test_names_that_are_not_utf8_or_hold_controls_are_shown_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as file:
        file.write(b"Shelling in Homs on Monday.")
    with open(os.path.join(folder, b"evil\x1b[2J.json"), "wb") as file:
        file.write(b"{broken")
    files, _ = expand_paths([tmp_path])
    read = {path.name: path for path in files}
    (article,) = read_articles(read["caf\udce9.txt"])
    assert article.file == f"{tmp_path}/caf\\xe9.txt"
    with pytest.raises(InputError) as error:
        read_articles(read["evil\x1b[2J.json"])
    assert str(error.value).startswith(f"{tmp_path}/evil\\u001b[2J.json: malformed JSON")


WORDS = st.lists(st.sampled_from(["Shelling", "in", "Homs", "on", "Monday.", "Troops", "left",
                                  "Hama", "\n", "\n\n", " ", "  ", "\t", "(Reuters)", "-"]),
                 max_size=300).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(WORDS)
def test_a_long_text_read_in_pieces_is_the_same_doc(monkeypatch_pieces, text):
    from geomap import nlp

    whole = nlp.load()(text)
    (joined,) = nlp.read_texts([text])
    assert joined.text == text
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]


@pytest.fixture(scope="module")
def monkeypatch_pieces():
    """Pieces of a few hundred characters, so that short texts are cut too."""
    from geomap import nlp

    saved = nlp.PIECE_CHARS, nlp.BATCH_CHARS
    nlp.PIECE_CHARS, nlp.BATCH_CHARS = 120, 300
    yield
    nlp.PIECE_CHARS, nlp.BATCH_CHARS = saved


@pytest.mark.slow
def test_a_long_article_is_read_in_bounded_memory(tmp_path, gazetteer):
    """A 990,000-character article: 3.1 GB peak when parsed in one go, about 0.9 GB in pieces."""
    import shutil
    import subprocess
    import sys

    paragraph = ("Gunmen attacked a market in Kismayo on Tuesday, killing three people. Troops "
                 "later retook Baidoa and Jilib, officials in Mogadishu said.\n\n")
    path = tmp_path / "long.txt"
    path.write_text(paragraph * (990_000 // len(paragraph)), encoding="utf-8")
    geomap = shutil.which("geomap", path=str(Path(sys.executable).parent))
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    peak_kib = int(subprocess.run([sys.executable, "-c", probe, geomap, "places", str(path)],
                                  capture_output=True, text=True, check=True).stdout)
    assert peak_kib < 1.5 * 2**20, f"{peak_kib / 2**20:.2f} GiB"


def test_each_command_names_every_bad_file_once_and_reads_the_rest(tmp_path, gazetteer):
    from click.testing import CliRunner

    from geomap.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Gunmen attacked a market in Kismayo on Tuesday, killing "
                                     "three people.", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as file:
        file.write(b"Troops entered Baidoa on Friday.")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="ascii")
    (folder / "number.json").write_text('{"text": "x", "n": ' + "9" * 5000 + "}", encoding="ascii")
    (folder / "lone.json").write_text('{"text": "Clashes in \\ud800Jilib."}', encoding="ascii")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    bad = ("deep.json", "number.json", "pipe.txt", "zero.txt")
    commands = {"places": [], "events": [],
                "render": ["--output-dir", str(tmp_path / "maps"), "--date", "2021-06-10"]}
    for command, options in commands.items():
        result = in_time(lambda command=command, options=options: CliRunner().invoke(
            main, [command, str(folder), *options]), 300)
        assert result.exit_code == 1, (command, result.output)
        errors = [line for line in result.stderr.splitlines() if line.startswith("geomap: error")]
        assert sorted(line.split(": ")[2].rsplit("/", 1)[1] for line in errors) == sorted(bad)
        assert "Traceback" not in result.output
    maps = sorted(path.name for path in (tmp_path / "maps").iterdir())
    assert maps == ["caf-xe9.html", "good.html", "lone.html"]


def test_a_progress_bar_only_on_a_terminal(tmp_path, gazetteer):
    import fcntl
    import pty
    import shutil
    import struct
    import subprocess
    import sys
    import termios

    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(f"Shelling in Homs, report {index}.",
                                               encoding="utf-8")
    geomap = shutil.which("geomap", path=str(Path(sys.executable).parent))
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # 80 columns
    with subprocess.Popen([geomap, "places", str(tmp_path)], stdout=subprocess.DEVNULL,
                          stderr=follower) as run:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
    os.close(leader)
    assert run.returncode == 0 and b"Reading articles" in shown
    piped = subprocess.run([geomap, "places", str(tmp_path)], capture_output=True, text=True,
                           check=True)
    assert "Reading articles" not in piped.stderr


def test_a_publication_date_too_long_to_be_one_is_none(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"text": "Shelling in Homs.", "published": "2021-" * 20_000}) + "\n"
                    + json.dumps({"text": "Shelling in Hama.", "published": " 2021-06-10 "}) + "\n",
                    encoding="utf-8")
    assert [article.published for article in read_articles(path)] == ["", "2021-06-10"]


def test_an_article_that_breaks_the_pipeline_fails_alone(gazetteer):
    from geomap.pipeline import GeoparsedArticle, geoparse_each
    from geomap.read.article import Article

    text = "Shelling in Homs on Monday."
    broken = Article(file="broken.html", text=text, raw=text, raw_offsets=[])  # offsets lost
    good = Article(file="good.txt", text=text, raw=text)
    failed, parsed = geoparse_each([broken, good], gazetteer)
    assert isinstance(failed, InputError) and str(failed).startswith("broken.html: cannot be read")
    assert isinstance(parsed, GeoparsedArticle) and [p.name for p in parsed.places] == ["Homs"]
