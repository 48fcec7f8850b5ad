from auditor.langid import detect


def test_detects_the_four_languages(samples_dir):
    for code in ("en", "es", "fr", "pt"):
        text = (samples_dir / f"{code}_clean.txt").read_text(encoding="utf-8")
        assert detect(text) == code


def test_no_evidence_falls_back_to_default():
    assert detect("12345 67890") == "en"
    assert detect("", default="fr") == "fr"
