#!/usr/bin/env python3
"""The tiny-nllb fixture model (tests/fixtures/models/tiny-nllb) as the safetensors checkpoint the Hub would serve, so
the converter's output can be run through the engine's NLLB family and held to transformers' generate.

make_m2m100.py builds tiny-nllb from a seed; this rebuilds the same network from that seed, checks it still gives the
committed beam-4 goldens (so it is the fixture's model), and writes:
  tests/fixtures/checkpoints/tiny-nllb/   config.json, generation_config.json, model.safetensors (the tokenizer files
                                          are the fixture model's; the tests copy them beside the checkpoint)
  tests/fixtures/golden/hf.tiny-nllb.greedy.bs{1,8}.jsonl   generate() greedy with the forced target token

Usage (PYTHONPATH and HF_HUB_OFFLINE as ../shared/tools/hf-reference/README.md says):
  make_nllb_checkpoint.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
import hfref  # noqa: E402,F401  (must come before transformers)
import torch  # noqa: E402
from common import FIXTURES, GOLDEN, MODELS, write_json, write_jsonl  # noqa: E402
from make_m2m100 import GENERATION_CONFIG, beam_goldens, make_model, make_tokenizer  # noqa: E402

NAME = "tiny-nllb"


def main():
    torch.set_num_threads(1)
    fixture = os.path.join(MODELS, NAME)
    tok = make_tokenizer("nllb", os.path.join(fixture, "sentencepiece.bpe.model"))
    with open(os.path.join(fixture, "config.json"), encoding="utf-8") as f:
        vocab_size = json.load(f)["vocab_size"]
    cfg, model = make_model(NAME, vocab_size)
    with open(os.path.join(GOLDEN, f"hf.{NAME}.beam4.bs8.jsonl"), encoding="utf-8") as f:
        committed = [json.loads(line) for line in f]
    if [r["hypotheses"] for r in beam_goldens(model, tok, "nllb", 4, 8)] != [r["hypotheses"] for r in committed]:
        sys.exit("the rebuilt network does not reproduce hf.tiny-nllb.beam4.bs8.jsonl: not the fixture's model")

    out = os.path.join(FIXTURES, "checkpoints", NAME)
    os.makedirs(out, exist_ok=True)
    model.save_pretrained(out, safe_serialization=True)
    write_json(os.path.join(out, "generation_config.json"), GENERATION_CONFIG)
    for batch in (1, 8):
        write_jsonl(os.path.join(GOLDEN, f"hf.{NAME}.greedy.bs{batch}.jsonl"), beam_goldens(model, tok, "nllb", 1, batch))
    print("wrote", out, sorted(os.listdir(out)))


if __name__ == "__main__":
    main()
