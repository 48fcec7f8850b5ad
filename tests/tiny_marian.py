"""Build a tiny random-weight Marian translation model offline, the way OPUS-MT models are laid
out (SentencePiece source.spm/target.spm, vocab.json, config, weights), so the real loading and
generation code of the transformers and CTranslate2 engines runs in tests without a download."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_tiny_marian(folder: Path) -> Path:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.txt"
    lines = [line for p in sorted((ROOT / "samples").glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(folder / "spm"), vocab_size=400,
                                   character_coverage=1.0, unk_id=0, bos_id=-1, eos_id=-1, pad_id=-1,
                                   minloglevel=2)
    corpus.unlink()
    shutil.move(folder / "spm.model", folder / "source.spm")
    shutil.copy(folder / "source.spm", folder / "target.spm")
    (folder / "spm.vocab").unlink()
    proc = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(proc.get_piece_size()):
        vocab.setdefault(proc.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    config = MarianConfig(vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1,
                          encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
                          decoder_ffn_dim=32, max_position_embeddings=128, pad_token_id=vocab["<pad>"],
                          eos_token_id=0, decoder_start_token_id=vocab["<pad>"], forced_eos_token_id=0,
                          share_encoder_decoder_embeddings=True)
    torch.manual_seed(0)
    MarianMTModel(config).eval().save_pretrained(folder)
    MarianTokenizer(source_spm=str(folder / "source.spm"), target_spm=str(folder / "target.spm"),
                    vocab=str(folder / "vocab.json")).save_pretrained(folder)
    return folder
