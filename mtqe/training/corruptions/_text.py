"""Word-level helpers the corruption modules share: tokens, name candidates, casing, word lists."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import top_n_list, zipf_frequency

from ...checks.gazetteer import is_demonym, place_vocabulary
from .base import Corruption, DocContext

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# A capitalised word that can be a name (O'Neill kept whole; hyphenated parts split).
NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:['’][A-Z]?[a-z]{2,})?(?![\w])")
POSSESSIVE = re.compile(r"['’]s$")


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a block of text."""
    return frozenset(text.split())


# Capitalised words of news copy that are titles, institutions, calendar or compass words (and
# function words): frequent enough in lower case to be words, yet some rare enough that a
# frequency cut alone would keep them as names.
_NOT_NAMES = wordset("""
    president minister ministry prime chancellor premier secretary spokesman spokeswoman governor
    mayor ambassador envoy general colonel admiral captain major sergeant lieutenant commander
    chief director chairman chairwoman deputy vice senator congressman representative judge justice
    prince princess king queen pope sheikh emir bishop cardinal reverend doctor professor mr mrs ms
    dr sir lord lady council committee commission agency bureau office department parliament senate
    congress assembly court federation republic kingdom union party army navy forces force police
    government administration authority board bank fund group company corporation university
    institute school hospital church mosque temple national international federal central foreign
    defence defense interior affairs security state states united democratic republican socialist
    communist liberal conservative labour labor islamic catholic christian muslim jewish
    north south east west northern southern eastern western north-east monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december christmas easter ramadan internet english news press media radio
    television daily times post world global strategic economic military nuclear supreme high
    new old great grand royal city province region county district island river lake mountain
    sea ocean street square road avenue bridge airport station palace house hall tower centre center
    the a an this that these those he she it they we i you his her its their our my but and or
    if when while after before as at in on for from with by of to however meanwhile according
    also both all some many most other another such there here what which who whom whose how why
    then still only even just once yet since during despite although though because so thus
    editor author reporter correspondent source photo video update edition read more
""")
_NAME_ZIPF = 5.2  # above this a capitalised word is an ordinary word (State, Court) unless a place
_NAME_SHAPE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BEFORE = re.compile(r"([A-Z][\w.’'-]*)\s+$")
_AFTER = re.compile(r"\s+([A-Z][\w’'-]*)")
_TITLES = wordset("""
    mr mr. mrs mrs. ms ms. dr dr. president minister secretary mayor governor senator chancellor premier
    general gen. colonel col. judge ambassador king queen prince princess pope sheikh sir lord lady
    professor prof. chairman chairwoman director chief commander spokesman spokeswoman coach captain
""")
_PHRASE_START = re.compile(r"(?:[.:;!?]\s+[\"“‘']?|[\"“‘(\[]\s*|\s[-–—]\s)$")
_ABBREVIATION = re.compile(r"\.(?=\s*[a-z,]|\S)")
_FUNCTION = wordset("""
    a an the of in on at to for from with by as and or but nor so yet that which who whom whose
    this these those is are was were be been being has have had do does did will would can could
    shall should may might must not no it its he she they them his her their we our you your i me
    my there here than then also very more most such into onto over under about after before
    between through during without within against among upon per via if when while where because
    although though since until unless whether both either neither each every all any some
""")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def corruption(name: str, text: str, spans: Iterable[tuple[int, int]]) -> Corruption:
    """A Corruption whose category is read off its versioned name."""
    return Corruption(text, tuple(sorted(spans)), category_of(name), name)


def category_of(name: str) -> str:
    """``benign`` for ``benign_*.vN`` names, else the name without its version."""
    base = name.rsplit(".", 1)[0]
    return "benign" if base.startswith("benign_") else base


def words(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def is_function(word: str) -> bool:
    return word.lower() in _FUNCTION


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


@lru_cache(maxsize=1)
def common_words() -> tuple[str, ...]:
    """The 30,000 most frequent English words, letters only, most frequent first."""
    return tuple(w for w in top_n_list("en", 30000) if w.isalpha() and w.isascii())


@lru_cache(maxsize=1)
def common_set() -> frozenset[str]:
    return frozenset(common_words())


def is_english_word(word: str) -> bool:
    """Whether ``word`` (any case) is an ordinary English word rather than a misspelling."""
    return word.lower() in common_set() or zipf(word) >= 3.0


def is_initial(sentence: str, pos: int) -> bool:
    """Whether ``pos`` starts the sentence, allowing opening quotes and brackets."""
    return not sentence[:pos].strip(" \"'“‘(–-")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def decapitalise(text: str) -> str:
    """``text`` with its first word in lower case, unless that word is "I", an acronym, a place,
    a people or otherwise not a common English word (a name)."""
    first = re.match(r"[\w'’-]+", text)
    word = first.group() if first else ""
    if not word or word == "I" or word.isupper() or is_known_place(word) or is_demonym(word):
        return text
    return text[:1].lower() + text[1:] if word.lower() in common_set() else text


def match_case(model: str, word: str) -> str:
    """``word`` cased like ``model`` (all caps, capitalised or lower)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return capitalise(word)
    return word


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    return frozenset(p.lower() for p in place_vocabulary(well_known=True))


def is_known_place(text: str) -> bool:
    """A country, people, capital, region, major state or city over 500,000 (not a small town:
    the town lists hold many surnames and words, "Savage", "Reading")."""
    return text.lower() in _known_places()


def is_name_word(word: str) -> bool:
    """Whether a capitalised word can be a name: letters only (a hyphen inside allowed), and not
    a title, institution or calendar word."""
    if not (word[:1].isupper() and _NAME_SHAPE.fullmatch(word) and any(c.islower() for c in word)):
        return False
    if word.lower() in _NOT_NAMES or is_demonym(word):
        return False
    return zipf(word) < _NAME_ZIPF or is_known_place(word)


def starts_phrase(sentence: str, pos: int) -> bool:
    """Whether a word at ``pos`` is capitalised by position: sentence start, after a colon or a
    full stop, or after an opening quote or bracket."""
    return is_initial(sentence, pos) or bool(_PHRASE_START.search(sentence[:pos]))


def is_headline(sentence: str) -> bool:
    """Title case without a full stop: most longer words capitalised ("Fires and Pepper Spray as
    Protesters March"); a sentence of names ("Minister Anton Baker met the envoys.") is not one."""
    if re.search(r"[.!?][\"”’')]?$", sentence.strip()):
        return False
    long_words = [w for w in WORD.findall(sentence) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def name_tokens(sentence: str, doc_text: str = "") -> list[Token]:
    """Capitalised name candidates of a sentence, possessive ``'s`` left out.

    A word capitalised by its position counts only when it is not an English word; a common
    word elsewhere ("Savage") only with a capitalised neighbour or a second mention, and never
    when ``doc_text`` has it in lower case; an abbreviation ("Wash.") never. In a headline only
    well-known places count, as they do anywhere.
    """
    headline = is_headline(sentence)
    out = []
    for m in NAME.finditer(sentence):
        text = POSSESSIVE.sub("", m.group())
        if len(text) < 3 or not is_name_word(text) or _ABBREVIATION.match(sentence, m.end()):
            continue
        if is_known_place(text) or (not headline and _is_name_here(sentence, m.start(), text, doc_text)):
            out.append(Token(m.start(), m.start() + len(text), text))
    return out


def _is_name_here(sentence: str, start: int, text: str, doc_text: str) -> bool:
    if starts_phrase(sentence, start):
        return not is_english_word(text)
    return text.lower() not in common_set() or _looks_like_name(sentence, start, start + len(text), doc_text)


def _looks_like_name(sentence: str, start: int, end: int, doc_text: str) -> bool:
    """Evidence that a capitalised common word ("Savage", "Baker") is a name here: a title before
    it or before its given name ("Mr. Savage", "Minister Anton Baker"), a rare capitalised
    neighbour ("Michaud Savage") or a second mention in the document; and no lower-case use of it
    there."""
    word = sentence[start:end]
    if doc_text and re.search(rf"\b{re.escape(word.lower())}\b", doc_text):
        return False
    before, after = _BEFORE.search(sentence[:start]), _AFTER.match(sentence[end:])
    if before and before.group(1).lower() in _TITLES:
        return True
    title = before and _BEFORE.search(sentence[:before.start()])
    if title and title.group(1).lower() in _TITLES:
        return True
    rare = [m.group(1) for m in (before, after) if m and m.group(1).lower().strip(".") not in common_set()]
    return bool(rare) or doc_text.count(word) >= 2


def mention_counts(doc: DocContext) -> dict[str, int]:
    """How many sentences of the document mention each capitalised word."""
    counts: dict[str, int] = {}
    for sentence in doc.sentences:
        for word in {POSSESSIVE.sub("", m.group()) for m in NAME.finditer(sentence)}:
            counts[word] = counts.get(word, 0) + 1
    return counts


def pick_recurring(doc: DocContext, tokens: Sequence[Token], rng: random.Random) -> Token | None:
    """One of ``tokens``, names mentioned in other sentences too four times as likely."""
    if not tokens:
        return None
    counts = mention_counts(doc)
    weights = [4.0 if counts.get(t.text, 0) > 1 else 1.0 for t in tokens]
    return rng.choices(list(tokens), weights=weights)[0]


def gap_span(text: str, pos: int) -> tuple[int, int]:
    """The word before and the word (or mark) after a deletion point ``pos`` in ``text``."""
    left = pos
    while left > 0 and text[left - 1] == " ":
        left -= 1
    start = left
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    right = pos
    while right < len(text) and text[right] == " ":
        right += 1
    end = right
    while end < len(text) and not text[end].isspace():
        end += 1
    return (start, end) if end > start else (max(0, pos - 1), min(len(text), pos + 1))
