"""The transformers and CTranslate2 engines on a tiny Marian model built offline by a fixture."""

from __future__ import annotations

import shutil

import pytest

from auditor.mt import EngineError, UnsupportedPair
from auditor.roundtrip import RoundTripper

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytestmark = pytest.mark.slow

SENTENCES = ["The port reopened on Monday.", "Officials met the minister in Santos."]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    from tiny_marian import build_tiny_marian

    return build_tiny_marian(tmp_path_factory.mktemp("models") / "opus-mt-en-pt-tiny")


@pytest.fixture(scope="module")
def tiny_ct2(tiny_model, tmp_path_factory):
    pytest.importorskip("ctranslate2")
    from ctranslate2.converters import TransformersConverter

    out = tmp_path_factory.mktemp("ct2") / "opus-mt-en-pt-tiny-ct2"
    TransformersConverter(str(tiny_model)).convert(str(out), quantization="int8", force=True)
    for name in ("source.spm", "target.spm"):
        shutil.copy(tiny_model / name, out / name)
    return out


def test_transformers_engine_loads_locally_and_generates(tiny_model):
    from auditor.mt.hf import TransformersEngine

    engine = TransformersEngine(str(tiny_model), max_new_tokens=8)
    assert engine.pairs == frozenset({("en", "pt")})  # read from the OPUS-MT folder name
    out = engine.translate(SENTENCES, "en", "pt")
    assert len(out) == 2 and all(isinstance(t, str) and t for t in out)
    assert engine.translate(SENTENCES, "en", "pt") == out  # greedy decoding is deterministic
    with pytest.raises(UnsupportedPair):
        engine.translate(SENTENCES, "pt", "en")


def test_transformers_engine_never_downloads_unless_allowed(tmp_path):
    from auditor.mt.hf import TransformersEngine

    with pytest.raises(EngineError, match="not a local folder"):
        TransformersEngine("Helsinki-NLP/opus-mt-en-pt")
    broken = tmp_path / "opus-mt-en-pt-broken"
    broken.mkdir()
    with pytest.raises(EngineError, match="cannot load model"):
        TransformersEngine(str(broken))


def test_ctranslate2_engine_on_the_converted_model(tiny_ct2):
    from auditor.mt.ct2 import CTranslate2Engine

    engine = CTranslate2Engine(str(tiny_ct2))
    out = engine.translate(SENTENCES, "en", "pt")
    assert len(out) == 2 and all(isinstance(t, str) and t for t in out)
    assert engine.translate(SENTENCES, "en", "pt") == out
    with pytest.raises(EngineError, match="no model.bin"):
        CTranslate2Engine(str(tiny_ct2.parent))


def test_registry_entries_drive_a_round_trip_through_two_models(tiny_model, tiny_ct2, tmp_path):
    from auditor.mt import resolve

    registry = tmp_path / "registry.toml"
    registry.write_text(
        '[[model]]\nname = "tiny-en-pt"\nengine = "transformers"\n'
        f'path = "{tiny_model}"\npairs = ["en-pt"]\nlicence = "test"\nmax_new_tokens = 8\n\n'
        '[[model]]\nname = "tiny-pt-en"\nengine = "ctranslate2"\n'
        f'path = "{tiny_ct2}"\npairs = ["pt-en"]\nlicence = "test"\n', encoding="utf-8")
    forward = resolve("tiny-en-pt", None, "en", "pt", str(registry))
    backward = resolve("tiny-pt-en", None, "pt", "en", str(registry))
    (trip,) = RoundTripper(forward, backward, "en", "pt").run([SENTENCES[0]])
    assert trip.pivot_text and trip.roundtrip and 0 <= trip.quality <= 100
