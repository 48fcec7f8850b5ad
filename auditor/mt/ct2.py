"""CTranslate2: a converted model folder (e.g. OPUS-MT converted to int8) for fast CPU inference.

Tokenisation uses the SentencePiece models in the folder (``source.spm``/``target.spm``, as
OPUS-MT ships them); a folder converted with its Hugging Face tokenizer files copied in uses that
tokenizer instead (needs the hf extra).
"""

from __future__ import annotations

import os
from pathlib import Path

from auditor.mt.base import Engine, EngineError
from auditor.mt.hf import _first_line, _folder_version, _infer_pairs


class CTranslate2Engine(Engine):
    """A CTranslate2 model folder, run on the CPU with int8 or float weights."""

    name = "ctranslate2"
    thread_safe = True  # ctranslate2.Translator serves concurrent calls with inter_threads workers

    def __init__(self, model: str | None = None, pairs: frozenset[tuple[str, str]] | None = None,
                 compute_type: str = "default", threads: int = 2, beams: int = 1,
                 target_prefix: str | None = None) -> None:
        if not model:
            raise EngineError("engine 'ctranslate2' needs --model (a converted model folder)")
        folder = Path(model).expanduser()
        if not (folder / "model.bin").exists():
            raise EngineError(f"'{model}' is not a CTranslate2 model folder (no model.bin)")
        try:
            import ctranslate2
        except ImportError as exc:
            raise EngineError("engine 'ctranslate2' needs the ct2 extra "
                              "(pip install 'auditor[ct2]')") from exc
        try:
            self._translator = ctranslate2.Translator(
                str(folder), device="cpu", compute_type=compute_type,
                inter_threads=threads, intra_threads=1)
        except Exception as exc:
            raise EngineError(f"cannot load CTranslate2 model '{model}': {_first_line(exc)}") from exc
        self._encode, self._decode = _tokenizers(folder)
        self._beams = beams
        self._target_prefix = target_prefix
        name = os.path.basename(os.path.normpath(str(folder)))
        super().__init__(name, _folder_version(folder), pairs if pairs is not None else _infer_pairs(name, "plain"))

    def _translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        tokens = [self._encode(s) for s in sentences]
        prefix = [[self._target_prefix]] * len(tokens) if self._target_prefix else None
        try:
            results = self._translator.translate_batch(
                tokens, target_prefix=prefix, beam_size=self._beams, max_batch_size=32)
        except Exception as exc:
            raise EngineError(f"engine 'ctranslate2' failed: {_first_line(exc)}") from exc
        out = []
        for r in results:
            hyp = r.hypotheses[0]
            if self._target_prefix and hyp and hyp[0] == self._target_prefix:
                hyp = hyp[1:]
            out.append(self._decode(hyp))
        return out


def _tokenizers(folder: Path):
    src, tgt = folder / "source.spm", folder / "target.spm"
    if src.exists() and tgt.exists():
        import sentencepiece as spm

        enc = spm.SentencePieceProcessor(model_file=str(src))
        dec = spm.SentencePieceProcessor(model_file=str(tgt))
        eos = "</s>"
        return (lambda s: enc.encode(s, out_type=str) + [eos]), (lambda toks: dec.decode(toks))
    try:
        from transformers import AutoTokenizer
    except ImportError as exc:
        raise EngineError(f"'{folder}' has no source.spm/target.spm; its tokenizer needs the hf "
                          "extra (pip install 'auditor[hf]')") from exc
    try:
        tok = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    except Exception as exc:
        raise EngineError(f"cannot load the tokenizer in '{folder}': {_first_line(exc)}") from exc
    return (lambda s: tok.convert_ids_to_tokens(tok.encode(s))), \
        (lambda toks: tok.decode(tok.convert_tokens_to_ids(toks), skip_special_tokens=True))
