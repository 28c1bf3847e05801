"""Outputs that must not destroy what they are not (an input, a link, a device), and failures to
write that are one clear line."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from geomap.atomic import OutputError, write_text
from geomap.cli import main
from geomap.read.article import read_articles

STORY = "Gunmen attacked a market in Kismayo on Tuesday, killing three people."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_a_link_is_written_through(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "sub" / "made.json")
    write_text(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "sub" / "made.json").read_text() == "made"


def test_a_device_a_pipe_or_a_folder_is_never_replaced(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "null.json").symlink_to("/dev/null")
    (tmp_path / "folder.json").mkdir()
    for name in ("pipe.json", "null.json", "folder.json"):
        with pytest.raises(OutputError, match=f"{name}: cannot write: it is a .*, not a regular "
                                              "file, and is left as it is"):
            write_text(tmp_path / name, "x")
    assert stat.S_ISFIFO((tmp_path / "pipe.json").stat().st_mode)
    assert os.readlink(tmp_path / "null.json") == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_input_is_never_overwritten(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(STORY, encoding="utf-8")
    read_articles(article)
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    for output in (article, link):
        with pytest.raises(OutputError, match="it is one of the inputs"):
            write_text(output, "map")
    assert article.read_text(encoding="utf-8") == STORY


def test_render_onto_its_own_input_is_refused(runner, tmp_path, gazetteer):
    page = tmp_path / "a.html"
    page.write_text(f"<html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    result = runner.invoke(main, ["render", str(page), "-o", str(page)])
    assert result.exit_code == 3
    assert f"geomap: error: {page}: cannot write: it is one of the inputs" in result.stderr
    assert page.read_text(encoding="utf-8").startswith("<html><body><p>Gunmen")
    assert len(result.stderr.splitlines()) <= 2 and "Traceback" not in result.output


def test_a_map_file_with_an_unknown_suffix_is_a_usage_error(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(STORY, encoding="utf-8")
    result = runner.invoke(main, ["render", str(article), "-o", str(tmp_path / "map.jpg")])
    assert result.exit_code == 2 and ".jpg is none of them" in result.stderr
    assert not (tmp_path / "map.jpg").exists()


def test_a_batch_output_folder_that_cannot_be_made_is_one_line(runner, tmp_path, gazetteer):
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text(STORY, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["batch", str(article.parent), "-o", str(blocker / "out"),
                                  "--no-progress"])
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1] == (
        f"geomap: error: {blocker / 'out'}: cannot make the output folder (a part of its path is "
        "a file, not a folder)")
    same = runner.invoke(main, ["batch", str(article.parent), "-o", str(article.parent),
                                "--no-progress"])
    assert same.exit_code == 3 and "the output folder is the input folder" in same.stderr


def test_control_characters_in_names_never_reach_the_terminal(runner, tmp_path, gazetteer):
    bad = tmp_path / "evil\x1b]0;owned\x07\r.json"
    bad.write_text("{broken", encoding="utf-8")
    good = tmp_path / "good\x1b[31m.txt"
    good.write_text(STORY, encoding="utf-8")
    result = runner.invoke(main, ["places", str(tmp_path), "--format", "table"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\r" not in result.output and "\x07" not in result.output
    assert "evil\\u001b]0;owned\\u0007\\u000d.json: malformed JSON" in result.stderr
    assert "good\\u001b[31m.txt" in result.stdout and "Kismayo" in result.stdout
