"""Persons' names as actors: styles before a name are not part of it; a title makes the
capitalised words after it a name."""

from __future__ import annotations

import pytest

from geomap import nlp
from geomap.events.person_names import bare_name, titled_names


@pytest.mark.parametrize("written,name", [
    ("Treasurer Thomas Ravenel", "Thomas Ravenel"),
    ("Former State Sen. Vincent J. Fumo", "Vincent J. Fumo"),
    ("Commission Chairman Anthony Dove", "Anthony Dove"),
    ("Mrs. Lincoln", "Lincoln"),
    ("John Major", "John Major"),  # a style word later in the name stays
    ("President", "President"),  # all style: as written
])
def test_styles_before_a_name_are_left_out(written, name):
    assert bare_name(written.split()) == name


def titled(text: str) -> list[str]:
    (sentence,) = nlp.load()(text).sents
    (parsed,) = nlp.parse([sentence])
    return [name for _, _, name in titled_names(parsed, set())]


def test_a_title_makes_the_capitalised_words_after_it_a_name():
    assert titled("On Monday Mr Justice Okonedo jailed the driver.") == ["Okonedo"]
    assert titled("Yesterday Judge Amelia Hart dismissed the case.") == ["Amelia Hart"]


def test_a_title_word_that_is_an_everyday_word_opening_a_sentence_is_no_title():
    assert titled("Justice Department lawyers filed the papers.") == []
