"""Hugging Face ``transformers`` seq2seq translation models: OPUS-MT (Marian), NLLB, M2M100, mBART-50.

torch and transformers are imported only when this engine is built (``pip install 'auditor[hf]'``).
Models load from a local folder, or from a hub id only when the user allows downloads.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from auditor.mt.base import Engine, EngineError, UnsupportedPair

# FLORES-200 codes used by NLLB, for the ISO 639-1 codes auditor speaks.
NLLB_CODES = {
    "ar": "arb_Arab", "de": "deu_Latn", "en": "eng_Latn", "es": "spa_Latn", "et": "est_Latn",
    "fa": "pes_Arab", "fr": "fra_Latn", "he": "heb_Hebr", "it": "ita_Latn", "ne": "npi_Deva",
    "nl": "nld_Latn", "pt": "por_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl", "si": "sin_Sinh",
    "tr": "tur_Latn", "uk": "ukr_Cyrl", "ur": "urd_Arab", "zh": "zho_Hans",
}
_OPUS_NAME = re.compile(r"opus-mt-(?:tc-big-)?([a-z]{2,3})-([a-z]{2,3})(?:$|[^a-z])")


class TransformersEngine(Engine):
    """Any ``AutoModelForSeq2SeqLM`` translation model, greedy or beam decoding on the CPU."""

    name = "transformers"
    thread_safe = False  # one generate() at a time; torch parallelises inside it

    def __init__(self, model: str | None = None, pairs: frozenset[tuple[str, str]] | None = None,
                 allow_download: bool = False, beams: int = 1, max_new_tokens: int = 256,
                 device: str = "cpu") -> None:
        if not model:
            raise EngineError("engine 'transformers' needs --model (a local folder or, with "
                              "downloads allowed, a hub id)")
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError as exc:
            raise EngineError("engine 'transformers' needs the hf extra "
                              "(pip install 'auditor[hf]')") from exc
        local = Path(model).expanduser()
        if not local.exists() and not allow_download:
            raise EngineError(f"model '{model}' is not a local folder; allow downloads "
                              "(--allow-download) to fetch it from the hub")
        source = str(local) if local.exists() else model
        hf_logging.disable_progress_bar()  # auditor draws its own progress; keep stderr clean
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=not allow_download)
            self._model = AutoModelForSeq2SeqLM.from_pretrained(
                source, local_files_only=not allow_download).to(device).eval()
        except Exception as exc:  # transformers raises OSError, ValueError, HF errors ...
            raise EngineError(f"cannot load model '{model}': {_first_line(exc)}") from exc
        self._device = device
        self._beams = beams
        self._max_new_tokens = max_new_tokens
        self._lock = threading.Lock()
        self._style = _code_style(self._tokenizer)
        name = os.path.basename(os.path.normpath(str(model)))
        revision = getattr(self._model.config, "_commit_hash", None) or _folder_version(local)
        super().__init__(name, revision, pairs if pairs is not None else _infer_pairs(name, self._style))

    def supports(self, source: str, target: str) -> bool:
        if not super().supports(source, target):
            return False
        if self._style == "nllb":
            return source in NLLB_CODES and target in NLLB_CODES
        if self._style in ("m2m100", "mbart"):
            return self._lang_token(source) is not None and self._lang_token(target) is not None
        return True

    def check_pair(self, source: str, target: str) -> None:
        if not self.supports(source, target):
            raise UnsupportedPair(f"model '{self.model_id}' does not translate {source}-{target}")

    def _lang_token(self, lang: str) -> str | None:
        tok = self._tokenizer
        if self._style == "nllb":
            return NLLB_CODES.get(lang)
        if self._style == "m2m100":
            return f"__{lang}__" if f"__{lang}__" in tok.get_vocab() else None
        if self._style == "mbart":
            return next((c for c in tok.lang_code_to_id if c.split("_")[0] == lang), None)
        if self._style == "marian-multi":
            vocab = tok.get_vocab()
            for code in (lang, _ISO3.get(lang, "")):
                if code and f">>{code}<<" in vocab:
                    return f">>{code}<<"
        return None

    def _translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        import torch

        tok = self._tokenizer
        kwargs: dict = {}
        inputs = sentences
        if self._style in ("nllb", "m2m100", "mbart"):
            tok.src_lang = self._lang_token(source)
            kwargs["forced_bos_token_id"] = tok.convert_tokens_to_ids(self._lang_token(target))
        elif self._style == "marian-multi":
            prefix = self._lang_token(target)
            if prefix is None:
                raise UnsupportedPair(f"model '{self.model_id}' has no target token for {target}")
            inputs = [f"{prefix} {s}" for s in sentences]
        with self._lock:
            try:
                batch = tok(inputs, return_tensors="pt", padding=True, truncation=True).to(self._device)
                with torch.inference_mode():
                    out = self._model.generate(**batch, num_beams=self._beams,
                                               max_new_tokens=self._max_new_tokens, **kwargs)
                return tok.batch_decode(out, skip_special_tokens=True)
            except Exception as exc:
                raise EngineError(f"engine 'transformers' failed: {_first_line(exc)}") from exc


_ISO3 = {"en": "eng", "pt": "por", "es": "spa", "fr": "fra", "de": "deu", "it": "ita", "ro": "ron",
         "ru": "rus", "ar": "ara", "zh": "zho", "nl": "nld", "tr": "tur"}


def _code_style(tokenizer) -> str:
    cls = type(tokenizer).__name__.lower()
    if "nllb" in cls:
        return "nllb"
    if "m2m100" in cls:
        return "m2m100"
    if "mbart" in cls and hasattr(tokenizer, "lang_code_to_id"):
        return "mbart"
    if any(t.startswith(">>") and t.endswith("<<") for t in tokenizer.get_vocab()):
        return "marian-multi"
    return "plain"


def _infer_pairs(name: str, style: str) -> frozenset[tuple[str, str]] | None:
    if style in ("nllb", "m2m100", "mbart"):
        return None  # any pair of the model's languages, checked in supports()
    m = _OPUS_NAME.search(name.lower())
    if m:
        inverse = {v: k for k, v in _ISO3.items()}
        src, tgt = (inverse.get(c, c) for c in m.groups())
        return frozenset({(src, tgt)})
    return None  # a bilingual model of unknown pair: the registry or the user says what it does


def _folder_version(folder: Path) -> str:
    """A version for a local model: the weights' size and modification time, so a retrained model
    in the same folder never reuses cached translations."""
    for name in ("model.safetensors", "pytorch_model.bin", "model.bin"):
        f = folder / name
        if f.exists():
            st = f.stat()
            return f"local-{st.st_size}-{int(st.st_mtime)}"
    return "local"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
