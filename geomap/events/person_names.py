"""A person's name as an actor: the name without the titles and offices written before it, so
that one person under several styles is one actor ("Treasurer Thomas Ravenel", "Former State Sen.
Vincent J. Fumo" are Thomas Ravenel and Vincent J. Fumo) and a surname finds its full name; and
the titled names the model leaves untagged ("Mr Justice Saunders imprisoned a man")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from geomap.vocabulary import OFFICES_BEFORE_NAMES, PERSONAL_TITLES, TITLES_ALSO_WORDS

STYLE_WORDS = OFFICES_BEFORE_NAMES | PERSONAL_TITLES
# Styles that name an office whose one holder "the governor" or "the mayor" then means.
OFFICES = {"governor": "governor", "gov": "governor", "mayor": "mayor", "president": "president",
           "premier": "premier", "chancellor": "chancellor", "sheriff": "sheriff"}
# The most words a titled name the model missed may have after its titles.
MAX_NAME_WORDS = 3
# Styles only a person bears: what follows them is a person's name, whatever the model says.
PERSON_STYLES = PERSONAL_TITLES | frozenset({
    "councilman", "councilwoman", "councillor", "councilor", "alderman", "assemblyman",
    "assemblywoman", "congressman", "congresswoman", "mayor", "treasurer", "sheriff"})


def bare_name(words: list[str]) -> str:
    """The name without the styles before it; a name that is all styles stays as written."""
    start = 0
    while start < len(words) - 1 and words[start].lower() in STYLE_WORDS:
        start += 1
    return " ".join(words[start:]) if words[start][:1].isupper() else " ".join(words)


def styled_person(entity: Span) -> bool:
    """An entity the model calls an organisation that is a style and a person's name:
    "Councilwoman Nury Martinez", "Sen. Ann Cole" (not "Mayor's Office", "President Hotel")."""
    words = [token for token in entity if not token.is_space]
    if entity.label_ != "ORG" or words[0].lower_ not in PERSON_STYLES:
        return False
    name = words[1:]
    return 2 <= len(name) <= MAX_NAME_WORDS and all(
        token.is_title and (token.is_alpha or token.text.endswith(".")) for token in name)


def person_name(entity: Span) -> str:
    """The model's person, named without its styles."""
    return bare_name([token.text for token in entity if not token.is_space])


def office_of(entity: Span) -> str:
    """The office a person's style gives them ("Gov. Ann Cole", "Mayor Tom Reyes": governor,
    mayor), inside the model's name or just before it; "" for none."""
    doc = entity.doc
    words = [token.lower_.rstrip(".") for token in doc[max(0, entity.start - 2):entity.end]]
    return next((OFFICES[word] for word in words if word in OFFICES), "")


def titled_start(entity: Span) -> int:
    """Where a person's name begins with the titles written right before it ("Mr Justice"
    before the model's "Okonedo")."""
    start = entity.start
    while start > 0 and _title(entity.doc, start - 1):
        start -= 1
    return start


def titled_names(sentence: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each run of capitalised proper nouns after a personal title
    ("Mr Justice Saunders", "Judge Reyes") outside `taken`: a title before a name makes the
    name a person's, though the model did not say so."""
    found = []
    index = 0
    while index < len(sentence):
        start = index
        while index < len(sentence) and _title(sentence, index) and index not in taken:
            index += 1
        end = index
        while end < len(sentence) and end - index < MAX_NAME_WORDS and end not in taken \
                and sentence[end].tag_ in ("NNP", "NNPS") and sentence[end].is_title:
            end += 1
        if index > start and end > index:
            found.append((start, end, " ".join(token.text for token in sentence[index:end])))
            index = end
        else:
            index = max(index, start + 1)
    return found


def _title(sentence: Doc, index: int) -> bool:
    """A capitalised personal title; a title that is also an everyday word ("Justice") is one
    only inside the sentence, where its capital is its own."""
    token = sentence[index]
    return token.lower_ in PERSONAL_TITLES and token.text[:1].isupper() \
        and (token.lower_ not in TITLES_ALSO_WORDS or index > 0)
