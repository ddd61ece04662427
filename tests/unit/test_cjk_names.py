"""Names in Chinese and Japanese sources, read as news spells them (``mtqe.source.names.cjk``
and ``reading``):
pinyin with Wade–Giles and the established spellings of the zh profile, Hepburn for Japanese,
and the written names of places. Invented sentences. The engine tells a name clearly absent
(``NameIssue.weak`` False) from one that reading cannot decide; a source place the translation
drops is a flag (``name_missing``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mtqe.source import compare_segment
from mtqe.source import names as N
from mtqe.source.names import reading
from mtqe.source.scripts import name_support, reader_of, readings

CHECKS_MODEL = Path(__file__).resolve().parents[2] / "models" / "checks-v1"
NAME_FLAGS = ("name_not_in_source", "name_missing")


def flags(source: str, target: str, lang: str) -> list[str]:
    """The names the engine is clear about: target names clearly not in the source, and
    source places the target does not name."""
    return ([i.text for i in N.names_not_in_source(source, target, lang) if not i.weak]
            + N.source_names_missing(source, target, lang))


def source_flags(source: str, target: str, lang: str) -> list[str]:
    """The reasons of the strong name findings of the source checks (rules that flag)."""
    return [f.reason for f in compare_segment(source, target, lang).findings
            if f.category in NAME_FLAGS and f.strength > 0]


XI = "习近平在北京会见了来访的德国总理。"

# (source, faithful translation, translation with a name replaced, lang)
SWAPS = [
    pytest.param(XI, "Xi Jinping met the visiting German chancellor in Beijing.",
                 "Li Keqiang met the visiting German chancellor in Beijing.", "zh", id="person-pinyin"),
    pytest.param(XI, "Xi Jinping met the visiting German chancellor in Beijing.",
                 "Xi Jinping met the visiting German chancellor in Shanghai.", "zh", id="city"),
    pytest.param("香港和澳门的游客增加了。", "Visitors to Hong Kong and Macau increased.",
                 "Visitors to Hong Kong and Taipei increased.", "zh", id="established-spellings"),
    pytest.param("蒋介石的日记在台北展出。", "Chiang Kai-shek's diaries are on show in Taipei.",
                 "Chiang Kai-shek's diaries are on show in Kaohsiung.", "zh", id="wade-giles"),
    pytest.param("国民党主席访问了清华大学。", "The Kuomintang chairman visited Tsinghua University.",
                 "The Kuomintang chairman visited Zhejiang University.", "zh", id="party-and-university"),
    pytest.param("代表团抵达维也纳。", "The delegation arrived in Vienna.",
                 "The delegation arrived in Budapest.", "zh", id="foreign-city-by-its-written-name"),
    pytest.param("沙特王储访问了阿曼。", "The Saudi crown prince visited Oman.",
                 "The Saudi crown prince visited Qatar.", "zh", id="country-shortened"),
    pytest.param("他在香港表示，合作将继续。", "He said in Hong Kong that cooperation would go on.",
                 "He said in Singapore that cooperation would go on.", "zh", id="source-place-dropped"),
    pytest.param("岸田首相は大阪で記者会見した。", "Prime Minister Kishida held a press conference in Osaka.",
                 "Prime Minister Kishida held a press conference in Nagoya.", "ja", id="japanese-city"),
]


@pytest.mark.parametrize(("source", "good", "bad", "lang"), SWAPS)
def test_a_replaced_name_is_flagged_and_the_faithful_one_is_not(source, good, bad, lang):
    assert flags(source, good, lang) == []
    assert flags(source, bad, lang)


@pytest.mark.parametrize(("source", "target", "lang"), [
    # the source abbreviates places to a character or two
    pytest.param("中美关系在粤港澳大湾区受到关注。",
                 "China-US relations drew attention in the Guangdong-Hong Kong-Macau Greater Bay Area.", "zh",
                 id="abbreviations"),
    # a source leaves its own country unsaid ("我国", our country)
    pytest.param("我国经济保持增长。", "China's economy kept growing.", "zh", id="home-country"),
    # a heteronym read in context: 重庆 is Chongqing, not Zhongqing
    pytest.param("重庆的火锅很有名。", "Chongqing's hotpot is famous.", "zh", id="heteronym"),
    # the Latin name written in the source as it is
    pytest.param("他使用了Brau Beviale的数据。", "He used data from Brau Beviale.", "zh",
                 id="latin-in-source"),
    # long vowels and the long-vowel mark: Tōkyō, ラーメン
    pytest.param("東京のラーメン店が人気だ。", "A ramen shop in Tokyo is popular.", "ja", id="hepburn"),
])
def test_no_flag_where_the_name_is_there(source, target, lang):
    assert flags(source, target, lang) == []


def test_undecided_names_stay_weak():
    # a transliterated foreign name ("Telangpu" for Trump) or a Japanese person's name read
    # another way: said at most as a weak feature, never a flag
    cases = [("习近平会见了特朗普。", "Xi Jinping met Johnson.", "zh"),
             ("菅首相が会見した。", "Prime Minister Kishida held a press conference.", "ja")]
    for source, target, lang in cases:
        assert flags(source, target, lang) == [] and source_flags(source, target, lang) == []


def test_in_the_source_checks():
    # a dropped source place flags; a target name clearly not in the source is reported
    # without the "approximate" caveat, as a feature of the fusion (name_support stays
    # "approximate" for Han: flagging it costs the real-MT figures, docs/experiments.md)
    src = "他在香港表示，合作将继续。"
    dropped = source_flags(src, "He said in Singapore that it goes on.", "zh")
    assert any("香港 (Hong Kong)" in r for r in dropped)
    rep = compare_segment(XI, "Li Keqiang met the visiting German chancellor in Beijing.", "zh")
    (f,) = [f for f in rep.findings if "Keqiang" in f.reason]
    assert f.category == "name_unconfirmed" and "approximate" not in f.reason
    # a dateline's place is dropped by translations: no flag
    dateline = "新华社北京12月11日电 会议在上海举行。"
    assert source_flags(dateline, "The meeting was held in Shanghai.", "zh") == []


def test_a_foreign_name_in_a_chinese_source_is_not_read_as_pinyin():
    # "Shuji" splits into pinyin, but beside "Nakamura" it is a Japanese given name
    assert flags("中村修二教授获颁荣誉博士学位。", "Professor Shuji Nakamura received an honorary doctorate.",
                 "zh") == []


def test_the_finding_names_the_target_word():
    (issue,) = N.names_not_in_source(XI, "Li Keqiang met the visiting German chancellor in Beijing.", "zh")
    assert issue.text == "Keqiang" and not issue.weak and "approximate" not in issue.detail


# --- the reading itself --------------------------------------------------------------------

def test_pinyin_reading_spells_names_as_news_does():
    assert reading.spelled_in("Xi Jinping", XI, "zh") and reading.spelled_in("Beijing", XI, "zh")
    assert not reading.spelled_in("Xi Jingping", XI, "zh")
    assert reading.spelled_in("Chongqing", "重庆", "zh")  # the reading in context, not zhong
    assert reading.spelled_in("Kuomintang", "国民党", "zh")  # Wade–Giles, from the respelling rules
    assert reading.spelled_in("Hong Kong", "香港", "zh")  # an established spelling
    first = readings(XI, "zh")[0]
    assert (1, "xi") in first


@pytest.mark.parametrize(("word", "lang", "count"), [
    ("Jinping", "zh", 2), ("Zhejiang", "zh", 2), ("Tsinghua", "zh", 2), ("Delta", "zh", 0),
    ("Nakamura", "ja", 4), ("Nakamura", "zh", 0),
])
def test_syllables(word, lang, count):
    assert reading.syllable_count(word, lang) == count


def test_wade_giles_respellings():
    assert reading.respellings("qing", "zh") == ["qing", "ching"]
    assert reading.respellings("xiong", "zh") == ["xiong", "hsiung"]
    assert reading.respellings("zhi", "zh") == ["zhi", "chih"]


def test_readers_come_from_the_profile():
    assert reader_of("zh") == "pinyin" and reader_of("ja") == "hepburn" and reader_of("pt") is None
    assert readings("北京", "ko") == ()  # no reader for Korean hanja
    assert name_support("han") == name_support("kana") == "approximate"


def test_profile_syllables_are_the_readers():
    from pypinyin import Style, pinyin

    syllables = set(reading.names_profile("zh")["syllables"].split())
    chars = "".join(chr(c) for c in range(0x4E00, 0x9FA6))
    read = {s for r in pinyin(chars, style=Style.NORMAL, heteronym=True, errors="ignore") for s in r}
    assert syllables <= read and len(syllables) >= 390


# --- aggregate: recall on invented Chinese sentences -----------------------------------------

# (source, faithful translation, the name in it, a name to put in its place)
_ZH = [
    ("李明在上海开设了一家书店。", "Li Ming opened a bookshop in Shanghai.", "Shanghai", "Nanjing"),
    ("王建国表示，项目将于明年完工。", "Wang Jianguo said the project would be finished next year.",
     "Jianguo", "Zhiqiang"),
    ("深圳的科技企业数量继续增长。", "The number of tech companies in Shenzhen kept growing.", "Shenzhen",
     "Hangzhou"),
    ("张华和刘洋在成都举行了会谈。", "Zhang Hua and Liu Yang held talks in Chengdu.", "Chengdu", "Wuhan"),
    ("俄罗斯和乌克兰的谈判没有进展。", "Talks between Russia and Ukraine made no progress.", "Ukraine",
     "Poland"),
    ("陈晓东教授在南京大学任教。", "Professor Chen Xiaodong teaches at Nanjing University.", "Xiaodong",
     "Guohua"),
    ("代表团从东京飞往首尔。", "The delegation flew from Tokyo to Seoul.", "Seoul", "Bangkok"),
    ("台北的气温创下新高。", "Temperatures in Taipei hit a record.", "Taipei", "Kaohsiung"),
    ("黄伟在西安参加了比赛。", "Huang Wei took part in the competition in Xi'an.", "Huang Wei", "Zhou Jie"),
    ("新加坡和马来西亚签署了协议。", "Singapore and Malaysia signed an agreement.", "Malaysia", "Indonesia"),
]


def test_swapped_chinese_names_are_found_and_clean_pairs_are_not_flagged():
    false_flags = [(t, f) for s, t, _, _ in _ZH if (f := flags(s, t, "zh"))]
    caught = sum(bool(flags(s, t.replace(name, other), "zh")) for s, t, name, other in _ZH)
    assert not false_flags
    assert caught / len(_ZH) >= 0.9, f"{caught}/{len(_ZH)}"


# --- the readers are imported only for a Chinese or Japanese source --------------------------

def test_readers_are_imported_only_when_a_cjk_source_is_compared():
    code = ("import sys, mtqe; from mtqe.source import compare_segment as c; "
            f"mtqe.load({str(CHECKS_MODEL)!r}).check('Xi Jinping met Olaf Scholz in Beijing.'); "
            "c('O ministro falou em Lisboa.', 'The minister spoke in Lisbon.', 'pt'); "
            "before = [m for m in ('pypinyin', 'pykakasi') if m in sys.modules]; "
            "c('习近平在北京讲话。', 'Xi Jinping spoke in Beijing.', 'zh'); "
            "print(before, [m for m in ('pypinyin', 'pykakasi') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] ['pypinyin']"
