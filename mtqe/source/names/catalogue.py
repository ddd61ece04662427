"""What a source language calls each country, and the look-up tables built on that.

The names come from pycountry's iso3166 catalogues (official names) and CLDR's territory names
through Babel (the everyday ones: "Россия" beside "Российская Федерация"). One ``Catalogue`` per
language, each table built on first use; what the language does with those names (declension,
nouns for peoples) is read from its profile.
"""

from __future__ import annotations

import gettext
import re
from functools import cached_property, lru_cache

from ...checks import gazetteer
from ...lang import section
from .spelling import flat_key, key, words_of
from .world import unambiguous

# Countries whose name stems are looked for at the start of source words: smaller ones start
# ordinary words too often ("Dominica" / "domínio", "Réunion" / "reunião").
_STEM_COUNTRY_POPULATION = 1_000_000
# Letters a language's name keeps before a people's ending ("Dän-isch" / "Dän-in"): shorter
# stems build ordinary words.
_PEOPLE_STEM_MIN = 3


def initials(name: str) -> str:
    """A name's initials, romanised after they are taken: "Соединённые Штаты Америки" is
    "США" ("ssha", not the "ssa" of its romanised words); hyphens part words ("ЮАР")."""
    words = [w for w in re.split(r"[\s-]+", name) if len(w) > 2 or w.lower() == "e"]
    return key("".join(w[0] for w in words)) if len(words) >= 2 else "\0"


class Catalogue:
    """The country names of one source language and the tables built on them."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._language_stems: dict[str, str | None] = {}

    @cached_property
    def translations(self) -> dict[str, list[str]]:
        """Canonical country -> its names in the language."""
        import pycountry
        from babel import Locale, UnknownLocaleError

        try:
            gettext_ = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[self.lang]).gettext
        except OSError:
            gettext_ = None
        try:
            cldr = dict(Locale.parse(self.lang).territories)
        except (UnknownLocaleError, ValueError):
            cldr = {}
        if gettext_ is None and not cldr:
            return {}
        out: dict[str, list[str]] = {}
        for c in pycountry.countries:
            canonical = gazetteer.country_named(c.name)
            if canonical:
                names = [cldr.get(c.alpha_2, "")]
                if gettext_ is not None:
                    names += [gettext_(getattr(c, a)) for a in ("name", "common_name", "official_name")
                              if getattr(c, a, None)]
                out.setdefault(canonical, []).extend(n for n in names if n)
        return out

    def language_stem(self, country: str) -> str | None:
        """Stem of the language's name for the language first spoken in ``country`` (CLDR): a
        people and its adjective are often named like the language ("немецкий" is German and
        the German language, "alemão", "německý" / "němčina")."""
        if country not in self._language_stems:
            self._language_stems[country] = self._find_language_stem(country)
        return self._language_stems[country]

    def _find_language_stem(self, country: str) -> str | None:
        from babel import Locale, UnknownLocaleError
        from babel.core import get_global

        try:
            names = Locale.parse(self.lang).languages
        except (UnknownLocaleError, ValueError):
            return None
        main = gazetteer.languages_of(country)[:1]
        # Only a language whose home this country is ("German" is not Austria's adjective), and
        # not English, which names no one country's people.
        home = get_global("likely_subtags").get(main[0], "").split("_")[-1] if main else ""
        if not main or main[0] == "en" or main[0] not in names or home != gazetteer.country_code(country):
            return None
        stem = flat_key(names[main[0]])[:5]
        return stem if len(stem) >= 4 else None

    @cached_property
    def language_countries(self) -> dict[str, str]:
        """Stem of a language's name -> the country that is its home ("російськ-" / Russia)."""
        return {st: country for country in self.translations if (st := self.language_stem(country))}

    @cached_property
    def language_codes(self) -> dict[str, str]:
        """Stem of a language's name -> the language's code."""
        return {st: gazetteer.languages_of(country)[0] for st, country in self.language_countries.items()}

    @cached_property
    def peoples(self) -> dict[str, str]:
        """Nouns for a country's people, of either sex and number -> the country, where the
        profile says how the language builds them from the language's name (German "Dän-isch"
        / "Dän-innen", "Russ-en", "Tschech-in")."""
        rule = section(self.lang, "names").get("people_nouns")
        if not rule:
            return {}
        from babel import Locale

        names = Locale.parse(self.lang).languages
        suffix = rule["language_suffix"]
        out: dict[str, str] = {}
        for country in self.language_countries.values():
            name = flat_key(names.get(gazetteer.languages_of(country)[0], ""))
            if name.endswith(suffix) and len(name) >= len(suffix) + _PEOPLE_STEM_MIN:
                for e in rule["endings"]:
                    out.setdefault(name[:-len(suffix)] + e, country)
        return out

    @cached_property
    def generic_words(self) -> frozenset[str]:
        """Words that build three or more country names ("norte", "sul", "república"): no
        people's adjective, though "norte" starts like "Norwegian"."""
        seen: dict[str, set[str]] = {}
        for canonical, forms in self.translations.items():
            for form in forms:
                words = words_of(form)
                if len(words) >= 2:
                    for w in words:
                        seen.setdefault(w, set()).add(canonical)
        return frozenset(w for w, countries in seen.items() if len(countries) >= 3)

    @cached_property
    def initials(self) -> dict[str, str]:
        """Initials of the country names of several words -> the country ("РФ", "США");
        initials two countries share ("ČR": Česká and Čadská republika) are left out, and
        those of a generic word ("Республіка Філіппіни")."""
        generic = self.generic_words
        return unambiguous((i, country) for country, forms in self.translations.items()
                           for f in forms if key(f).split()[0] not in generic
                           and len(i := initials(f)) >= 2 and i != "\0")

    @cached_property
    def declined_stems(self) -> dict[str, str]:
        """One-word country names without their last vowel -> the country: the cases and
        adjectives of a declining language follow ("Polsk-o", "polsk-ým", "Běloruskem")."""
        out: dict[str, str] = {}
        for country, forms in self.translations.items():
            for f in forms:
                k = flat_key(f)
                if " " not in f and k[-1:] in "aeiouy" and len(k) >= 5:
                    out.setdefault(k[:-1], country)
        return out

    @cached_property
    def stems(self) -> dict[str, str]:
        """Stems of one-word country names, six letters or more (so that "Mali" and "Kuba" do
        not start every "malý") -> the country: what adjectives and declined forms start with
        ("ukrajinských" / Ukrajina, "египетскому" / Египет)."""
        out: dict[str, str] = {}
        for country, forms in self.translations.items():
            if gazetteer.population_of(country) < _STEM_COUNTRY_POPULATION:
                continue
            for f in forms:
                k = key(f)
                if " " not in k and len(k) >= 6:
                    out.setdefault(k[:max(6, len(k) - 2)], country)
        return out

    @cached_property
    def forms_by_prefix(self) -> dict[str, list[tuple[str, str]]]:
        """One-word country names (lower case) by their first four letters, in catalogue
        order: a match shares its first four letters, so a look-up reads one bucket."""
        out: dict[str, list[tuple[str, str]]] = {}
        for canonical, forms in self.translations.items():
            for f in forms:
                f = f.lower()
                if " " not in f:
                    out.setdefault(f[:4], []).append((canonical, f))
        return out

    @cached_property
    def home_country(self) -> str | None:
        """The country the language is most likely written in (CLDR likely subtags: cs -> CZ)."""
        from babel.core import get_global

        region = get_global("likely_subtags").get(self.lang, "").split("_")[-1]
        return next((c for c in self.translations if gazetteer.country_code(c) == region), None)


@lru_cache(maxsize=64)
def catalogue(lang: str) -> Catalogue:
    """The (lazily built) catalogue of ``lang``'s country names."""
    return Catalogue(lang)
