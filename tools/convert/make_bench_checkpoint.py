#!/usr/bin/env python3
"""A random-weight MarianMTModel checkpoint in opus-mt-ar-en's exact shape (d_model 512, 6+6 layers, 8 heads, FFN 2048,
vocabulary 62,834, swish, eos 0, pad = decoder start = 62833), saved by transformers as model.safetensors, for the
converter's benchmark and quantization-agreement figures (BENCHMARKS.md). Not committed (300 MB).

The tokenizer is tiny-ar-en's (tests/fixtures/models/tiny-ar-en) with vocab.json padded by unused pieces up to the
real vocabulary size, <pad> last, so the engine tokenizes real Arabic and can decode every id; tokenizer.json is
written from the same vocabulary as make_marian.py writes it, so transformers.js can run the converted folder too.

Weights: make_checkpoints.py's wide random weights (default), or with --init transformers the model's own
initialisation (normal, std init_std 0.02, like a trained Marian's weight scale; norms 1, biases 0), to see how much
the quantized-agreement figures depend on the weights rather than on the quantizer.

Usage: make_bench_checkpoint.py [--out .cache/checkpoints/marian-base-ar-en] [--init wide|transformers]
"""
import argparse
import json
import os
import shutil
import sys

import hfref  # noqa: F401  (must come before transformers)
import torch
from transformers import GenerationConfig, MarianConfig, MarianMTModel

from make_checkpoints import FIXTURES, MARIAN_COMMON, REPO, randomize

sys.path.insert(0, os.path.join(REPO, "tools", "fixtures"))
from common import write_json  # noqa: E402
from make_marian import spm_pieces, tokenizer_json  # noqa: E402

VOCAB = 62834


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(REPO, ".cache", "checkpoints", "marian-base-ar-en"))
    parser.add_argument("--init", choices=["wide", "transformers"], default="wide")
    args = parser.parse_args()
    torch.manual_seed(62834)
    config = MarianConfig(vocab_size=VOCAB, decoder_vocab_size=VOCAB, d_model=512, encoder_layers=6, decoder_layers=6,
                          encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048,
                          activation_function="swish", eos_token_id=0, pad_token_id=VOCAB - 1,
                          decoder_start_token_id=VOCAB - 1, forced_eos_token_id=0, share_encoder_decoder_embeddings=True,
                          **MARIAN_COMMON)
    model = MarianMTModel(config).eval()
    if args.init == "wide":
        randomize(model, 62834)
    gen = GenerationConfig.from_model_config(model.config)
    gen.num_beams, gen.max_length, gen.bad_words_ids = 4, 512, [[VOCAB - 1]]
    model.generation_config = gen
    os.makedirs(args.out, exist_ok=True)
    model.save_pretrained(args.out, safe_serialization=True)

    tiny = os.path.join(FIXTURES, "models", "tiny-ar-en")
    for name in ("source.spm", "target.spm", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy(os.path.join(tiny, name), args.out)
    with open(os.path.join(tiny, "vocab.json"), encoding="utf-8") as f:
        vocab = json.load(f)
    pieces = sorted(vocab, key=vocab.get)
    assert pieces[-1] == "<pad>"
    pieces = pieces[:-1] + [f"\u2581unused{i}" for i in range(VOCAB - len(pieces))] + ["<pad>"]
    write_json(os.path.join(args.out, "vocab.json"), {p: i for i, p in enumerate(pieces)})
    items = [spm_pieces(open(os.path.join(tiny, name), "rb").read())[1] for name in ("source.spm", "target.spm")]
    write_json(os.path.join(args.out, "tokenizer.json"), tokenizer_json(pieces, *items))
    print(args.out)


if __name__ == "__main__":
    main()
