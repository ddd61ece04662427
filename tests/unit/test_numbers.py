"""The number engine: figures, number words and dates compared between source and translation."""

import re
from pathlib import Path

import pytest

from mtqe.lang import languages, section
from mtqe.source import numbers
from mtqe.source.numbers import compare, extract
from mtqe.source.numbers.profile import NumberProfile, number_profile
from mtqe.source.scripts import guess_lang

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "numbers_parallel.tsv"
FIXTURE_LANGS = ("pt", "de", "cs", "ru", "zh", "ja")


def flags(source, target, lang=None):
    """The categories the source check reports for the number issues of a pair."""
    issues = compare(source, target, lang or guess_lang(source))
    return {"number_missing" if i.kind == "missing" else "number_mismatch" for i in issues}


def good_and_bad(source, good, bad, lang, category="number_mismatch"):
    assert category not in flags(source, good, lang)
    assert category in flags(source, bad, lang)


@pytest.mark.parametrize(("text", "lang", "values"), [
    ("Custou 1.500 euros, ou 2,5 mil milhões no total.", "pt", [1500, 2.5e9]),
    ("Das kostet 3,5 Mrd. Euro und 1.000 Dollar.", "de", [3.5e9, 1000]),
    ("В 2020 году 1 000 человек, 5 млрд рублей.", "ru", [2020, 1000, 5e9]),
    ("Stát vydal 2,4 miliardy korun.", "cs", [2.4e9]),
    ("营收达到3亿元，增长15.5%。", "zh", [3e8, 15.5]),
    ("It cost 1,500 euros, or $2.5 billion in all.", "en", [1500, 2.5e9]),
])
def test_numbers_are_read_with_the_locale(text, lang, values):
    got = [n.value for n in extract(text, lang) if n.strong and n.kind == "number"]
    assert got == pytest.approx(values)


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("Pelo menos 30 países têm mísseis.", "At least 32 countries have missiles.", "pt"),
    ("Mindestens 30 Länder haben Raketen.", "At least 32 countries have missiles.", "de"),
    ("Nejméně 30 zemí má rakety.", "At least 32 countries have missiles.", "cs"),
    ("Не менее 30 стран имеют ракеты.", "At least 32 countries have missiles.", "ru"),
    ("Щонайменше 30 країн мають ракети.", "At least 32 countries have missiles.", "uk"),
    ("至少30个国家拥有导弹。", "At least 32 countries have missiles.", "zh"),
    ("少なくとも30か国がミサイルを持っている。", "At least 32 countries have missiles.", "ja"),
])
def test_a_changed_number_is_flagged_in_every_family(source, target, lang):
    good_and_bad(source, target.replace("32", "30"), target, lang)


@pytest.mark.parametrize(("source", "good", "bad", "lang"), [
    ("As receitas somaram 1,6 biliões de euros em 2012.", "Revenue totalled €1.6 trillion in 2012.",
     "Revenue totalled €1.6 billion in 2012.", "pt"),
    ("Die Einnahmen lagen bei 3 Mrd. Euro.", "Revenue was 3 billion euros.", "Revenue was 3 million euros.",
     "de"),
    ("收入为3亿元。", "Revenue was 300 million yuan.", "Revenue was 3 billion yuan.", None),
])
def test_scale_words_are_compared(source, good, bad, lang):
    good_and_bad(source, good, bad, lang)


def test_a_changed_scale_is_told_from_a_changed_figure():
    issues = compare("Die Einnahmen lagen bei 3 Mrd. Euro.", "Revenue was 3 million euros.", "de")
    assert [i.kind for i in issues] == ["scale"]


def test_dates_months_and_number_words():
    assert flags("Em 5 de Abril de 2019, três mil pessoas.", "On April 5, 2019, three thousand people.",
                 "pt") == set()
    assert "number_mismatch" in flags("Em 5 de Abril de 2019.", "On March 5, 2019.", "pt")
    assert flags("2019年3月5日", "On March 5, 2019", "zh") == set()
    assert "number_mismatch" in flags("2019年3月5日", "On April 5, 2019", "zh")


def test_a_dropped_number_is_missing():
    assert flags("Quase 900 empresas assinaram a carta.", "Many companies signed the letter.", "pt") == {
        "number_missing"}


def test_declined_month_names_and_compounds():
    assert flags("Zranil se v říjnu.", "He was injured in October.", "cs") == set()
    assert "number_mismatch" in flags("Zranil se v říjnu.", "He was injured in December.", "cs")
    # a weekday adjective, and CLDR's modifier-letter apostrophe against a typed one
    friday = "Reagoval na páteční rozhodnutí soudu."
    assert "number_mismatch" in flags(friday, "He reacted to Sunday's ruling.", "cs")
    assert "number_mismatch" in flags("Я лінуюся від п‘ятниці.", "I have been lazy since Thursday.", "uk")
    # "Osmnáctiletý" holds the 18 of "18-year-old"
    assert "number_mismatch" not in flags("Osmnáctiletý řidič vyjel ze silnice.",
                                          "The 18-year-old driver left the road.", "cs")


def test_codes_keep_their_digits():
    src = "Все модели оснащены крючками Owner ST-36."
    good_and_bad(src, "All models have Owner ST-36 hooks.", "All models have Owner ST-33 hooks.", "ru")


@pytest.mark.parametrize(("source", "good", "bad", "lang"), [
    # Portuguese: a bare "mil milhões", a feminine count, one-word hundreds, a plural ordinal
    ("Perdeu-se uma oportunidade para os mil milhões de pessoas.",
     "An opportunity was lost for the one billion people.",
     "An opportunity was lost for the one million people.", "pt"),
    ("Cerca de duas mil mortes foram evitadas.", "Some 2,000 deaths were avoided.",
     "Some 3,000 deaths were avoided.", "pt"),
    ("Há quatrocentos anos, John Rolfe usou sementes.", "Four hundred years ago, John Rolfe used seeds.",
     "Five hundred years ago, John Rolfe used seeds.", "pt"),
    ("O Chile realizará as suas sextas eleições.", "Chile will hold its sixth election.",
     "Chile will hold its seventh election.", "pt"),
    ("Em segundo lugar, a globalização foi exagerada.", "Second, globalization was oversold.",
     "Third, globalization was oversold.", "pt"),
    ("A taxa é duas vezes maior.", "The rate is twice as high.", "The rate is three times as high.", "pt"),
    ("Vieram vinte e um deputados.", "Twenty-one deputies came.", "Twenty-two deputies came.", "pt"),
    ("Custou centenas de milhares de milhões de euros.", "It cost hundreds of billions of euros.",
     "It cost hundreds of millions of euros.", "pt"),
    ("no século XIX", "in the nineteenth century", "in the eighteenth century", "pt"),
    ("Foi a primeira vez que o país venceu.", "It was the first time the country won.",
     "It was the third time the country won.", "pt"),
    # "dez" is ten; "dez." beside a figure is December
    ("Os meus dez primeiros colocados.", "My top ten.", "My top eleven.", "pt"),
    ("A reunião de 3 dez. 2020 terminou.", "The meeting of 3 December 2020 ended.",
     "The meeting of 3 November 2020 ended.", "pt"),
    # fractions, not counts or ranks; an ordinal before a noun is a rank
    ("Até um quinto do compromisso foi cumprido.", "Up to one-fifth of the commitment was met.",
     "Up to one-third of the commitment was met.", "pt"),
    ("Reduziu a profundidade em cerca de um terço.", "It reduced the depth by about one third.",
     "It reduced the depth by about one quarter.", "pt"),
    ("Um quinto relatório abordará o tema.", "A fifth report will address it.",
     "A sixth report will address it.", "pt"),
    ("Les deux tiers des électeurs ont voté.", "Two-thirds of voters cast a ballot.",
     "Three-quarters of voters cast a ballot.", "fr"),
    ("Пришли двадцать один депутат.", "21 deputies came.", "22 deputies came.", "ru"),
    # Hebrew masculine counts behind "and"; tens "and" units is 33; a month behind "in"
    ("ארבעה חיילים נפצעו ושלושה אזרחים נהרגו.", "Four soldiers were wounded and three civilians were killed.",
     "Four soldiers were wounded and five civilians were killed.", "he"),
    ("שלושים ושלושה חיילים נפצעו.", "Thirty-three soldiers were wounded.", "Thirty soldiers were wounded.",
     "he"),
    ("ב-12 במרץ נפגשו המנהיגים.", "On March 12 the leaders met.", "On May 12 the leaders met.", "he"),
    # Arabic: units "and" tens
    ("أصيب ثلاثة وثلاثون جنديا.", "Thirty-three soldiers were wounded.", "Thirty-four soldiers were wounded.",
     "ar"),
    # Estonian and Finnish: words num2words lacks, cases on an oblique stem
    ("Tallinnas hukkus kolm inimest.", "Three people died in Tallinn.", "Four people died in Tallinn.", "et"),
    ("Valitsus eraldas raha kolmele haiglale.", "The government gave money to three hospitals.",
     "The government gave money to four hospitals.", "et"),
    ("Kahdella miehellä oli auto.", "Two men had a car.", "Three men had a car.", "fi"),
    # Livonian, from its profile: a number word, a day, an ordinal's genitive, a short
    # cardinal's case, plural hundreds, a compound head, a Latin month name
    ("Se vȯļ kuolm āigastõ tagān.", "It was three years ago.", "It was four years ago.", "liv"),
    ("Ta tuļ kuolmõndpǟvan.", "He came on Wednesday.", "He came on Friday.", "liv"),
    ("Kuoig kūdõnd dek pǟl vȯļ tulli.", "There was a fire on the ship's sixth deck.",
     "There was a fire on the ship's seventh deck.", "liv"),
    ("Ta lugīz kūdtõ kērā.", "He read six books.", "He read seven books.", "liv"),
    ("Täm vȯļtõ sadīdi kēraidi.", "He had hundreds of letters.", "He had thousands of letters.", "liv"),
    ("Ta vēļiz vīdtēḑliz sõnā.", "He chose a five-letter word.", "He chose a six-letter word.", "liv"),
    ("Aprilõs Meta tieutiz.", "In April, Meta announced.", "In June, Meta announced.", "liv"),
    ("Konferents vȯļ ougusts.", "The conference was in August.", "The conference was in October.", "liv"),
])
def test_number_words_and_dates(source, good, bad, lang):
    good_and_bad(source, good, bad, lang)


@pytest.mark.parametrize(("source", "good", "bad", "lang"), [
    # no src_lang: the script tells zh from ja (kana)
    ("中越两军举行联合演习。", "The two armies of China and Vietnam held a joint exercise.",
     "The one army of China and Vietnam held a joint exercise.", None),
    ("前の金曜から始まった。", "It started last Friday.", "It started last Saturday.", None),
    ("首次报告两例病例。", "Two cases were reported for the first time.",
     "Two cases were reported for the third time.", None),
    ("正版一二三年级故事书", "Story books for grades one, two and three",
     "Story books for grades one, two and four", None),
    # months, "six tenths", ten thousand alone, "seventy or eighty", decades and 后
    ("六月召开会议。", "The meeting was held in June.", "The meeting was held in April.", "zh"),
    ("超过六成的用户是男性。", "Over 60% of the users are men.", "Over 80% of the users are men.", "zh"),
    ("将培训万名教师。", "It will train 10,000 teachers.", "It will train 100,000 teachers.", "zh"),
    ("百分之七八十能救过来。", "70% or 80% of them can be saved.", "50% or 80% of them can be saved.", "zh"),
    ("到上世纪80年代，芯片一直被少数人掌握。", "Until the 1980s, chips were held by a few.",
     "Until the 1960s, chips were held by a few.", "zh"),
    ("他是95后。", "He was born after 1995.", "He was born after 1985.", "zh"),
    # a list marker, a code against Han text, a list comma
    ("二、他们说得对。", "2. They are right.", "3. They are right.", "zh"),
    ("运输机CMV-22飞行路线", "the flight route of the CMV-22 transport",
     "the flight route of the CMV-42 transport", "zh"),
    ("特殊号码如6666，8888", "special numbers such as 6666 and 8888", "special numbers such as 6666 and 8388",
     "zh"),
    # "first" without a numeral; half past; a figure said twice where the source has two
    ("中沙举办首届双年展", "China and Saudi Arabia hold the first biennale",
     "China and Saudi Arabia hold the second biennale", "zh"),
    ("午前11時半に見つけた。", "Found at 11:30 a.m.", "Found at 11:40 a.m.", "ja"),
    ("一级、二级工程师", "Level 1 and Level 2 engineers", "Level 2 and Level 2 engineers", "zh"),
    # a digit inside a Han word pairs with a changed number word; a year written short
    ("保护三江源地区的生态", "protect the ecology of the three-river source region",
     "protect the ecology of the five-river source region", "zh"),
    ("22年に始まった。", "It started in 2022.", "It started in 2021.", "ja"),
    # a bare day keeps the month of the date before it
    ("会议5月20日开幕，6月2日闭幕，8日发布公报。", "The meeting opened on May 20, closed on June 2 and "
     "issued a communique on June 8.", "The meeting opened on May 20, closed on June 2 and issued a "
     "communique on May 8.", "zh"),
    # grouping that is not the language's decimal mark; "per thousand"; "ten or so"
    ("收入在1,000亿到2,000亿元之间", "revenue of 100 billion to 200 billion yuan",
     "revenue of 100 billion to 200 million yuan", "zh"),
    ("每千字计一分", "one point per thousand characters", "one point per million characters", "zh"),
    ("等了十来天", "waited about ten days", "waited about seven days", "zh"),
    # 两 counts, never ranks
    ("他怕这两字，但迈出了第一步", "he feared the word but took the first step",
     "he feared the word but took the second step", "zh"),
])
def test_han_numbers_and_dates(source, good, bad, lang):
    good_and_bad(source, good, bad, lang)


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("三舅坐在中央。", "The third uncle sits in the middle.", "zh"),  # a numeral the words around hide
    ("A Nigéria vem a seguir.", "It is second only to Nigeria.", "pt"),  # idiom
    ("Esperou um instante.", "He waited for a second.", "pt"),  # the unit of time
    ("Todos leram o livro.", "Both read the book.", "pt"),  # "both" pairs with nothing
    ("价值千万的车祸", "A car crash worth tens of millions", "zh"),
    ("五六百人参加", "Five or six hundred people took part", "zh"),
    ("四川的一家工厂", "One factory in Sichuan", "zh"),  # a Han word's digit never pairs with "one"
    ("Em Setembro, o primeiro-ministro falou.", "In September, the prime minister spoke first.", "pt"),
    ("会议5月20日开幕，28日闭幕", "The meeting opened on May 20 and closed on the 28th", "zh"),
    ("会议5月20日开幕，28日闭幕", "The meeting ran from 20 to 28 May", "zh"),  # the month said once
    ("Segundo a OIT, o trabalho agrícola é perigoso.", "According to the ILO, farm work is dangerous.", "pt"),
    ("Especialistas do sexo feminino estão disponíveis.", "One of the female experts is available.", "pt"),
    ("O cinema e o vinho são a vida dele.", "Cinema and wine are his one love.", "pt"),  # not cinco, vinte
    # a Livonian case form starts no compound ("kōdõksāigastli" is eight years old, not two);
    # "tuoiz" is second and other
    ("Se um kōdõksāigastli läpš.", "It is an eight-year-old child.", "liv"),
    ("Se vȯļ tuoizõ ekstrēmõ.", "It was the other extreme.", "liv"),
])
def test_words_that_are_not_changed_figures(source, target, lang):
    assert not flags(source, target, lang)


def _fixture():
    rows = [line.rstrip("\n").split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [tuple(r) for r in rows]


def _changed(target):
    """The target with its first figure's last digit changed (9 becomes 8, the rest go up one)."""
    m = re.search(r"\d+", target)
    last = int(m.group()[-1])
    return target[:m.end() - 1] + str(last + 1 if last < 9 else 8) + target[m.end():]


def _dropped(target):
    """The target without its first figure (and the space after it)."""
    m = re.search(r"\d+(?:[.,]\d+)*%?\s?", target)
    return target[:m.start()] + target[m.end():]


# Share of corrupted pairs the engine must flag, per corruption and language.
RECALL_BAR = 0.9


def test_the_fixture_covers_each_language():
    langs = [lang for lang, _, _ in _fixture()]
    assert {lang: langs.count(lang) for lang in set(langs)} == dict.fromkeys(FIXTURE_LANGS, 12)


@pytest.mark.parametrize("lang", FIXTURE_LANGS)
def test_clean_pairs_compare_clean_and_corrupted_ones_are_found(lang):
    pairs = [(s, t) for code, s, t in _fixture() if code == lang]
    false_flags = [(s, t, compare(s, t, lang)) for s, t in pairs if compare(s, t, lang)]
    assert false_flags == []
    for corrupt in (_changed, _dropped):
        found = [bool(compare(s, corrupt(t), lang)) for s, t in pairs]
        assert corrupt(pairs[0][1]) != pairs[0][1]
        assert sum(found) / len(found) >= RECALL_BAR, (corrupt.__name__, [
            corrupt(t) for (s, t), f in zip(pairs, found, strict=True) if not f])


def test_the_public_api():
    assert set(numbers.__all__) == {"EN_CALENDAR", "Number", "NumberIssue", "compare", "extract",
                                    "month_names"}
    assert all(hasattr(numbers, name) for name in numbers.__all__)
    assert numbers.month_names("pt")["dezembro"] == 12
    assert numbers._month_names is numbers.month_names
    assert {"march", "friday"} <= numbers.EN_CALENDAR


def test_every_numbers_section_holds_only_known_keys():
    known = set(NumberProfile.__dataclass_fields__) | {"source"}
    for lang in languages():
        assert set(section(lang, "numbers")) <= known, lang
        number_profile(lang)  # loads


def test_a_language_without_a_profile_still_reads_digits_and_num2words():
    assert flags("Er kwamen 30 mensen.", "30 people came.", "nl") == set()
    source = "Er kwamen drie mensen en 30 kinderen."
    assert "number_mismatch" in flags(source, "Four people and 30 children came.", "nl")
