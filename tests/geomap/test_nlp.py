"""The model as geomap loads it: the same tokens as spaCy's own loading, sentences at new lines."""

from __future__ import annotations

import spacy

from geomap import nlp

TRICKY = ("Mr. Smith of the U.S.-led coalition didn't e-mail a@b.org at 10:30a.m. from St. Louis, "
          "Mo.; see https://example.org/a?b=1 :) -- (AFP) $4.5bn, 30km N.Y.-based «quoted» A&M.")


def test_the_bare_tokenizer_filled_from_the_model_splits_as_spacy_does(language, data_dir):
    default = spacy.load(nlp.MODEL, exclude=[*nlp.UNUSED, *nlp.SYNTAX, *nlp.ENTITIES])
    articles = sorted(data_dir.rglob("*.txt"))
    for text in [TRICKY, *(path.read_text(encoding="utf-8") for path in articles)]:
        assert [t.text for t in language.tokenizer(text)] \
            == [t.text for t in default.tokenizer(text)]
    assert language.tokenizer.rules == default.tokenizer.rules


def test_a_line_break_starts_a_sentence_unless_the_line_runs_on(language):
    doc = language("MOSUL, Iraq\nIraqi forces advanced on Monday, and\nthe militants fled.")
    starts = [sentence.text for sentence in doc.sents]
    assert starts[0] == "MOSUL, Iraq\n"
    assert starts[1].startswith("Iraqi forces") and "the militants fled" in starts[1]
