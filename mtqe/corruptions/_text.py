"""Word-level helpers the corruption modules share: tokens, name candidates, casing, word lists."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import top_n_list, zipf_frequency

from ..checks.gazetteer import is_demonym, is_place
from .base import Corruption, DocContext

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# A capitalised word that can be a name (O'Neill kept whole; hyphenated parts split).
NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:['’][A-Z]?[a-z]{2,})?(?![\w])")
POSSESSIVE = re.compile(r"['’]s$")
# Capitalised words of news copy that are titles, institutions, calendar or compass words:
# frequent enough in lower case to be words, yet rare enough that a frequency cut keeps them.
def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a block of text."""
    return frozenset(text.split())


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
""")
_NAME_ZIPF = 5.2  # above this a capitalised word is an ordinary word (State, Court) unless a place
_COMMON_INITIAL_ZIPF = 4.0
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


def match_case(model: str, word: str) -> str:
    """``word`` cased like ``model`` (all caps, capitalised or lower)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return capitalise(word)
    return word


def is_name_word(word: str) -> bool:
    """Whether a capitalised word can be a name: not a title, institution or calendar word."""
    low = word.lower()
    if low in _NOT_NAMES or is_demonym(word):
        return False
    return zipf(word) < _NAME_ZIPF or is_place(word)


def starts_phrase(sentence: str, pos: int) -> bool:
    """Whether a word at ``pos`` is capitalised by position: sentence start, after a colon or a
    full stop, or after an opening quote or bracket."""
    return is_initial(sentence, pos) or bool(_PHRASE_START.search(sentence[:pos]))


def is_headline(sentence: str) -> bool:
    """Title case: most longer words capitalised ("Fires and Pepper Spray as Protesters March")."""
    long_words = [w for w in WORD.findall(sentence) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def name_tokens(sentence: str, doc_text: str = "") -> list[Token]:
    """Capitalised name candidates of a sentence, possessive ``'s`` left out.

    A word capitalised by its position counts only when it is rare as an English word; a common
    word ("Collection", "Additional") only when ``doc_text`` never has it in lower case; an
    abbreviation ("Wash.") never. In a headline only places count.
    """
    headline = is_headline(sentence)
    out = []
    for m in NAME.finditer(sentence):
        text = POSSESSIVE.sub("", m.group())
        if len(text) < 3 or not is_name_word(text) or _ABBREVIATION.match(sentence, m.end()):
            continue
        common = zipf(text) >= _COMMON_INITIAL_ZIPF and not is_place(text)
        if common and (headline or starts_phrase(sentence, m.start())):
            continue
        if common and doc_text and re.search(rf"\b{text.lower()}\b", doc_text):
            continue
        if headline and not is_place(text):
            continue
        out.append(Token(m.start(), m.start() + len(text), text))
    return out


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
