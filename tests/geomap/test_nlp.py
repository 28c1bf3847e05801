"""The model as geomap loads it: the same tokens as spaCy's own loading, sentences at new lines."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import ORTH

from geomap import nlp

TRICKY = ("Mr. Smith of the U.S.-led coalition didn't e-mail a@b.org at 10:30a.m. from St. Louis, "
          "Mo.; see https://example.org/a?b=1 :) -- (AFP) $4.5bn, 30km N.Y.-based «quoted» A&M.")


def test_the_bare_tokenizer_filled_from_the_model_splits_as_spacy_does(language, data_dir):
    """The model's own rules, with only the abbreviations we keep whole added."""
    default = spacy.load(nlp.MODEL, exclude=[*nlp.UNUSED, *nlp.SYNTAX, *nlp.ENTITIES])
    for abbreviation in nlp.CAPITAL_ABBREVIATIONS + nlp.TITLE_ABBREVIATIONS:
        default.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    articles = sorted(data_dir.rglob("*.txt"))
    for text in [TRICKY, *(path.read_text(encoding="utf-8") for path in articles)]:
        assert [t.text for t in language.tokenizer(text)] \
            == [t.text for t in default.tokenizer(text)]
    assert language.tokenizer.rules == default.tokenizer.rules


def test_a_rank_s_stop_ends_no_sentence(language):
    doc = language("Officer Ann Roe and Sgt. Tom Hale were shot in Dover. Det. Lee said so.")
    assert [sentence.text for sentence in doc.sents] == [
        "Officer Ann Roe and Sgt. Tom Hale were shot in Dover.", "Det. Lee said so."]


def test_a_line_break_starts_a_sentence_unless_the_line_runs_on(language):
    doc = language("MOSUL, Iraq\nIraqi forces advanced on Monday, and\nthe militants fled.")
    starts = [sentence.text for sentence in doc.sents]
    assert starts[0] == "MOSUL, Iraq\n"
    assert starts[1].startswith("Iraqi forces") and "the militants fled" in starts[1]


def _sentence_starts_by_every_token(doc) -> list[int]:
    """The rule of `nlp.line_breaks` read token by token: which tokens it starts sentences at."""
    starts = []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_space or "\n" not in before.text_with_ws:
            continue
        previous = doc[before.i - 1] if before.is_space and before.i > 0 else before
        if not token.text[:1].islower() and not previous.text.endswith(nlp.RUNS_ON):
            starts.append(token.i)
    return starts


PIECES = ["Mosul", "the", "U.S.", "forces", ",", "-", ";", "(", "/", ".", " ", "  ", "\n", "\n\n",
          " \n ", "\r\n", "\t", "iraq", "AFP", "e-mail", "'s"]


@given(st.lists(st.sampled_from(PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_line_breaks_start_sentences_where_the_token_by_token_rule_does(language, pieces):
    doc = language.make_doc("".join(pieces))
    expected = _sentence_starts_by_every_token(doc)
    nlp.line_breaks(doc)
    assert [token.i for token in doc[1:] if token.is_sent_start] == expected
