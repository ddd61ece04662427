"""Source-aware checks, per language family, on invented sentences."""

import pytest

from mtqe.categories import RULE, role
from mtqe.source import align, compare_segment, split_source
from mtqe.source.scripts import guess_lang, name_support, script_of


def cats(source, target, lang=None):
    return sorted({f.category for f in compare_segment(source, target, lang).findings if f.strength > 0})


@pytest.mark.parametrize(("category", "source", "good", "bad", "lang"), [
    # number words in the source pair with a changed figure in the translation
    ("number_mismatch", "Jeho návrat se prodloužil na dva měsíce.", "His return was extended to two months.",
     "His return was extended to three months.", "cs"),
    ("number_mismatch", "Это указывает на то, что две дозы не обеспечивают защиты.",
     "It indicates that two doses do not protect.", "It indicates that four doses do not protect.", "ru"),
    ("number_mismatch", "Die Garantie gilt für beide Geräte.", "The warranty covers both devices.",
     "The warranty covers three devices.", "de"),
    ("number_mismatch", "Es war sein erster Titel.", "It was his first title.", "It was his third title.",
     "de"),
])
def test_good_and_bad_translation(category, source, good, bad, lang):
    assert category not in cats(source, good, lang)
    assert category in cats(source, bad, lang)


def test_untranslated_text():
    assert "untranslated" in cats("他说：这是问题。", "He said: 这是问题.", "zh")
    assert "untranslated" in cats("A economia cresceu muito rapidamente neste trimestre.",
                                  "A economia cresceu muito rapidamente neste trimestre.", "pt")
    assert "untranslated" not in cats("A economia cresceu.", "The economy grew.", "pt")


def test_omission_and_addition_from_length():
    src = ("O governo anunciou ontem um novo pacote de medidas para apoiar as pequenas empresas "
           "afetadas pela crise energética, incluindo créditos fiscais e subsídios diretos.")
    assert "omission" in cats(src, "The government announced.", "pt")
    # a clause of ordinary length dropped: between 3.5 and 4 spreads short
    rep = compare_segment(src, "The government yesterday announced a new package of measures for small "
                               "businesses.", "pt")
    assert -4.0 < rep.length_z <= -3.5 and "omission" in [f.category for f in rep.findings]
    assert not {"omission", "addition"} & set(cats(
        src, "The government yesterday announced a new package of measures to support small businesses "
             "hit by the energy crisis, including tax credits and direct subsidies.", "pt"))


@pytest.mark.parametrize(("text", "script", "lang", "support"), [
    ("Москва", "cyrillic", "ru", "exact"), ("Київ", "cyrillic", "uk", "exact"),
    ("Αθήνα", "greek", "el", "exact"), ("北京", "han", "zh", "approximate"),
    ("モスクワ", "kana", "ja", "approximate"), ("القاهرة", "arabic", "ar", "approximate"),
    ("Lisboa", "latin", None, "exact"), ("ᎠᏂᏴᏫ", "cherokee", None, "none"),
])
def test_scripts(text, script, lang, support):
    assert script_of(text) == script
    assert guess_lang(text) == lang
    assert name_support(script) == support


def test_alignment_handles_split_and_merged_sentences():
    assert align(["Um.", "Dois e três."], ["One.", "Two.", "And three."]) == [[0], [1], [1]]
    assert align(["Em 2015 vendeu 30 carros.", "Em 2016 vendeu 40."],
                 ["In 2015 it sold 30 cars and in 2016 40."], "pt") == [[0, 1]]


def test_split_source_cjk():
    assert split_source("习近平会见了普京。双方讨论了合作！\n第二段。") == [
        "习近平会见了普京。", "双方讨论了合作！", "第二段。"]


# The detector in source-aware mode (the rules-only model folder the test suite pins).

TARGET = "At least 32 countries have missiles. The talks ended on Friday."
SOURCE = "Pelo menos 30 países têm mísseis. As conversações terminaram na sexta-feira."


def test_check_reads_the_source():
    import mtqe

    det = mtqe.load()
    plain = det.check(TARGET)
    assert [s.flag for s in plain.sentences] == ["ok", "ok"]
    rep = det.check(TARGET, source=SOURCE, src_lang="pt")
    first, second = rep.sentences
    assert first.flag != "ok" and "number_mismatch" in first.categories
    assert "32" in [first.text[s.start:s.end] for s in first.spans]
    assert second.flag == "ok"


def test_check_segments_with_sources():
    import mtqe

    det = mtqe.load()
    out = det.check_segments([
        {"id": "a", "target": "At least 32 countries have missiles.",
         "source": "Pelo menos 30 países têm mísseis.", "src_lang": "pt"},
        {"id": "b", "target": "At least 32 countries have missiles."},
    ])
    assert out[0].flag != "ok" and out[1].flag == "ok"


def test_cli_source(tmp_path):
    import json
    import subprocess
    import sys

    (tmp_path / "t.txt").write_text(TARGET, encoding="utf-8")
    (tmp_path / "s.txt").write_text(SOURCE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mtqe", "check", str(tmp_path / "t.txt"), "--source",
                           str(tmp_path / "s.txt"), "--src-lang", "pt", "--format", "json"],
                          capture_output=True, text=True, check=True)
    sents = json.loads(proc.stdout)["sentences"]
    assert sents[0]["flag"] != "ok" and sents[1]["flag"] == "ok"


def test_negation_is_a_weak_feature():
    rep = compare_segment("O progresso não pode surgir à custa da qualidade.",
                          "Progress can come at the expense of quality.", "pt")
    neg = [f for f in rep.findings if f.category == "negation"]
    assert neg and neg[0].strength < 0.45 and rep.features()["src_negation"] > 0
    ok = compare_segment("A UE não decidiu.", "The EU did not decide.", "pt")
    assert not [f for f in ok.findings if f.category == "negation"]
    # both sides negated, a different number of times: no evidence either way
    assert "negation" not in cats("Não é só o preço: não há procura.",
                                  "It is not just the price; there is no demand, nor any supply.", "pt")


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("As vacinas protegem as crianças.", "Vaccines don’t protect children.", "pt"),  # curly apostrophe
    ("As vacinas protegem as crianças.", "Vaccines do not protect children.", "pt"),
])
def test_negation_added_is_seen(source, target, lang):
    assert "negation" in cats(source, target, lang)


def test_no_compounds_are_no_negation():
    src = "Uma zona de exclusão aérea foi criada."
    assert "negation" not in cats(src, "A no-fly zone was created.", "pt")


def test_hebrew_names_and_negation_behind_clitics():
    source = "נתניהו אמר בירושלים כי ישראל לא תסכים להסכם."
    found = compare_segment(source, "Netanyahu said in Jerusalem that Israel would not agree.", "he").findings
    assert not [f for f in found if f.category in ("name_not_in_source", "negation")]
    dropped = compare_segment(source, "Netanyahu said in Jerusalem that Israel would agree.", "he").findings
    assert "negation" in {f.category for f in dropped}
    # "מלא" (full) is no negation, though it ends in "לא"
    assert "negation" not in cats("הכוס מלא במים.", "The glass is full of water.", "he")


@pytest.mark.parametrize(("source", "target", "added"), [
    ("As vacinas protegem as pessoas.", "Vaccines don't protect people.", True),
    ("Mas existem programas que podem ajudar.", "But there are no programs that can help.", True),
    ("Los programas pueden ayudar.", "The programs cannot help.", True),
    # the source negates too, or carries a negation in a word
    ("As vacinas não protegem para sempre.", "Vaccines do not protect forever.", False),
    ("Os bancos têm falta de crédito.", "Banks have no credit.", False),
    ("O crescimento foi insuficiente.", "Growth was not enough.", False),
    # a negation that negates nothing claimed
    ("Onde quer que se olhe, as leis falham.", "No matter where you look, the laws are failing.", False),
    # no list of the source language's negating words: a weak feature only
    ("Die Impfstoffe schützen lebenslang.", "Vaccines do not protect for life.", False),
])
def test_negation_added_flags(source, target, added):
    lang = "es" if source.startswith("Los") else "de" if source.startswith("Die") else "pt"
    rep = compare_segment(source, target, lang)
    flagged = [f for f in rep.findings if f.category == "negation_added"]
    assert bool(flagged) == added
    assert all(role(f.category) == RULE for f in flagged)


def test_source_fusion_round_trip_and_use(tmp_path):
    """A model folder with a source fusion: saved and loaded as JSON, used only with a source."""
    import mtqe
    from mtqe.artifact import load_artifact, save_artifact
    from mtqe.detector import Detector
    from mtqe.fusion import Fusion

    art = mtqe.load().artifact
    art.fusion = Fusion(weights={"log_words": 0.0}, bias=-2.0)  # target-only: a flat 0.12
    art.source_fusion = Fusion(weights={"target_logit": 1.0, "src_negation": 10.0}, bias=0.0)
    art.source_calibration = {"kind": "platt", "a": 1.0, "b": 0.0}
    save_artifact(art, tmp_path, "test")
    loaded = load_artifact(tmp_path)
    assert loaded.source_fusion == art.source_fusion and loaded.source_calibration == art.source_calibration
    det = Detector(loaded)
    target = "Progress can come at the expense of quality."
    plain = det.check(target).sentences[0].score
    negated = det.check(target, source="O progresso não pode surgir à custa da qualidade.", src_lang="pt")
    assert plain == pytest.approx(0.1192, abs=1e-3)
    assert negated.sentences[0].score > 0.5  # the negation feature moved it through the source fusion


def test_an_added_sentence_has_no_source():
    import mtqe

    target = "At least 30 countries have missiles. The minister also praised the weather in Lisbon."
    rep = mtqe.load().check(target, source="Pelo menos 30 países têm mísseis.", src_lang="pt")
    assert rep.sentences[0].flag == "ok"
    assert rep.sentences[1].flag != "ok" and "addition" in rep.sentences[1].categories


# The translated document tells which source words are names: one it keeps in another
# sentence and this sentence lost is flagged, though the word list alone could not tell
# (German capitalises nouns; a name may start the sentence).
DOC_SOURCES = ["Die Bauministerin Klara Geywitz sprach am Montag in Berlin.",
               "Geywitz lehnte Enteignungen ab."]
DOC_TARGETS = ["Building minister Klara Geywitz spoke in Berlin on Monday.",
               "Geywitz rejected expropriations."]


def test_the_detector_reads_each_sentence_with_its_document(detector):
    bad = [DOC_TARGETS[0], "The coalition rejected expropriations."]
    for targets, lost in ((DOC_TARGETS, False), (bad, True)):
        first, second = detector.evidence([targets], [DOC_SOURCES], ["de"])[0]
        assert "name_missing" not in {f.category for f in first.found}
        assert ("name_missing" in {f.category for f in second.found}) is lost

