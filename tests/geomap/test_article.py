"""Reading articles: text as read, offsets back into it, and clear errors for bad files."""

from __future__ import annotations

import json

import pytest

from geomap.read.article import ArticleError, read_articles
from geomap.read.files import InputError, expand_paths


def test_plain_text_is_read_as_is(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Fighting near Mosul.\r\nMore text.", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.text == article.raw == "Fighting near Mosul.\r\nMore text."
    assert article.title == "Fighting near Mosul."
    assert article.raw_span(14, 19) == (14, 19)


def test_html_offsets_point_into_the_raw_file(tmp_path):
    raw = ("<html><head><title>Floods</title><script>var x = 'Paris';</script></head>"
           "<body><p>Rain in <b>Tal&nbsp;Afar</b> and Basra.</p></body></html>")
    path = tmp_path / "a.html"
    path.write_text(raw, encoding="utf-8")
    (article,) = read_articles(path)
    assert "Paris" not in article.text, "script contents are not article text"
    assert article.title == "Floods"
    start = article.text.index("Basra")
    raw_start, raw_end = article.raw_span(start, start + len("Basra"))
    assert raw[raw_start:raw_end] == "Basra"
    start = article.text.index("Tal")
    raw_start, raw_end = article.raw_span(start, start + len("Tal\xa0Afar"))
    assert raw[raw_start:raw_end] == "Tal&nbsp;Afar"


def test_json_and_jsonl_articles(tmp_path):
    record = {"text": "Shelling in Aleppo.", "title": "T", "published": "2017-03-09", "source": "S"}
    single = tmp_path / "a.json"
    single.write_text(json.dumps(record), encoding="utf-8")
    (article,) = read_articles(single)
    assert (article.text, article.title, article.published, article.source) == (
        "Shelling in Aleppo.", "T", "2017-03-09", "S")
    lines = tmp_path / "b.jsonl"
    lines.write_text(json.dumps(record) + "\n\n" + json.dumps({**record, "text": "Two."}) + "\n")
    assert [a.file for a in read_articles(lines)] == [f"{lines}:1", f"{lines}:3"]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "no article text"),
    ("blank.txt", b"  \n\t\n", "no article text"),
    ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF file"),
    ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
    ("archive.json", b"PK\x03\x04\x14\x00\x06\x00", "looks like a zip"),
    ("binary.txt", b"abc\x00\x01\x02def", "binary"),
    ("garbled.txt", b"caf\xe9 \x81\x8d\x02 \x90", "not text in UTF-8 or any other encoding"),
    ("huge.txt", b"Mosul. " * 150_000, "1,050,000 characters is more than one article"),
    ("bad.json", b"{\"text\": ", "malformed JSON"),
    ("list.json", b"[1, 2]", "expected a JSON object"),
    ("notext.json", b"{\"title\": \"x\"}", "needs a 'text' string"),
    ("wrongtype.json", b"{\"text\": 42}", "needs a 'text' string"),
])
def test_bad_files_get_one_clear_error_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as error:
        read_articles(path)
    assert str(path) in str(error.value)


def test_utf8_with_bom_is_read(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffBaghdad".encode("utf-8"))
    assert read_articles(path)[0].text == "Baghdad"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles(tmp_path / "nope.txt")


def test_folders_are_expanded_and_missing_paths_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("x")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    files, errors = expand_paths([tmp_path, tmp_path / "missing.txt"])
    assert [f.name for f in files] == ["b.html", "a.txt"]
    assert [str(error) for error in errors] == [f"{tmp_path / 'missing.txt'}: no such file or folder"]


def test_title_skips_page_furniture(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Skip to main content\nYou are here\nPortuguese / Spanish / English\n\n"
                    "Floods cut off villages near Beledweyne\n\nBody text.\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.title == "Floods cut off villages near Beledweyne"


@pytest.mark.parametrize("encoded", [
    "Café in Málaga, near Córdoba.".encode("latin-1"),
    "Café in Málaga, near Córdoba.".encode("cp1252"),
    "Café in Málaga, near Córdoba.".encode("utf-16"),  # with its byte-order mark
    "\ufeffCafé in Málaga, near Córdoba.".encode("utf-8"),
])
def test_other_text_encodings_are_read(tmp_path, encoded):
    path = tmp_path / "article.txt"
    path.write_bytes(encoded)
    (article,) = read_articles(path)
    assert article.text.lstrip("\ufeff") == "Café in Málaga, near Córdoba."


def test_links_to_nothing_in_a_folder_are_named(tmp_path):
    (tmp_path / "good.txt").write_text("Fighting in Mosul.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    files, errors = expand_paths([tmp_path])
    assert files == [tmp_path / "good.txt"]
    assert sorted(map(str, errors)) == [f"{tmp_path / 'gone.txt'}: a link to nothing (or a loop of links)",
                              f"{tmp_path / 'loop.txt'}: a link to nothing (or a loop of links)"]


def test_bad_lines_of_a_jsonl_file_fail_alone_when_asked(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "Fighting in Mosul."}\n{"title": "x"}\nnot json\n'
                    '{"text": 42}\n{"text": "Shelling in Tikrit."}\n', encoding="utf-8")
    with pytest.raises(ArticleError, match=r"news.jsonl:2: JSON article needs a 'text'"):
        read_articles(path)
    errors: list[str] = []
    articles = read_articles(path, errors)
    assert [a.file for a in articles] == [f"{path}:1", f"{path}:5"]
    assert [str(error) for error in errors] == [
        f"{path}:2: JSON article needs a 'text' string field",
        f"{path}:3: malformed JSON (Expecting value at line 1)",
        f"{path}:4: JSON article needs a 'text' string field"]


def test_html_of_page_furniture_only_has_no_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><nav>Skip to main content</nav><p>Share this article</p>"
                    "<p>Advertisement</p><footer>Follow us on Twitter</footer></body></html>",
                    encoding="utf-8")
    with pytest.raises(ArticleError, match="page.html: no article text in the file"):
        read_articles(path)


def test_malformed_html_is_read_leniently(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>Fighting in <b>Mosul</p></i></div><p>Shelling near <a "
                    "href='x>Tikrit</body>", encoding="utf-8")
    (article,) = read_articles(path)
    assert "Fighting in Mosul" in article.text
    start = article.text.index("Mosul")
    raw_start, raw_end = article.raw_span(start, start + 5)
    assert article.raw[raw_start:raw_end] == "Mosul"


def test_html_publication_date_from_linked_data_time_or_meta(tmp_path):
    from geomap.read.article import read_articles

    pages = {
        "graph.html": '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
                      '{"@type": "NewsArticle", "datePublished": "2021-04-02T10:00:00Z"}]}'
                      '</script><p>Floods closed the road to Tulsa.</p>',
        "time.html": '<p><time datetime="2020-01-05">5 January</time> Floods closed the road.</p>',
        "both.html": '<meta property="article:published_time" content="2019-07-01">'
                     '<time datetime="2018-02-02">x</time><p>Floods closed the road.</p>',
        "broken.html": '<script type="application/ld+json">{"datePublished": </script>'
                       '<p>Floods closed the road.</p>',
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    published = {name: read_articles(tmp_path / name, [])[0].published for name in pages}
    assert published == {"graph.html": "2021-04-02T10:00:00Z", "time.html": "2020-01-05",
                         "both.html": "2019-07-01", "broken.html": ""}


def test_embedded_posts_date_an_article_that_gives_no_other():
    from geomap.read.published import embedded_post_date

    text = ("Crowds gathered outside the court.\n\nWe are here until the verdict\n"
            "— Ana Ruiz (@anaruiz) Sept. 3, 2019\n\nLater, more arrived.\n"
            "- Local Radio (@localradio) Aug 30, 2019\n")
    assert str(embedded_post_date(text)) == "2019-09-03"
    assert embedded_post_date("A dash - and a (@handle) but no date\n") is None
