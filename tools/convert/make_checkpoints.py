#!/usr/bin/env python3
"""Builds tiny random-weight Hugging Face checkpoints (safetensors) with transformers' own classes, and records
what transformers 4.46.3 computes on them: logits for a padded batch, and generate's greedy and beam-4 ids at
batch 1 and 8. The converter's tests hold the C# conversion to these.

Checkpoints (tests/fixtures/checkpoints/<name>/: config.json, generation_config.json, safetensors, golden.json):
  marian-base      MarianMTModel like opus-mt-ar-en: swish, post-LayerNorm, scaled embeddings, tied, fp32, one file;
                   tiny-ar-en's vocabulary (eos 0, pad = decoder start = last id)
  marian-big       like opus-mt-tc-big: relu, stored fp16, eos 1 != 0, decoder start = pad 2; tiny-en-ar's vocabulary
  marian-separate  separate source/target vocabularies (share_encoder_decoder_embeddings false), gelu, no embedding
                   scale, untied lm_head, stored bf16, two shards
  nllb             M2M100ForConditionalGeneration like NLLB: pre-LayerNorm with final norms, relu, positions offset
                   by pad, pad 1, eos 2 = decoder start, six shards

The Marian checkpoints reuse the tokenizer of tests/fixtures/models/tiny-{ar-en,en-ar} (the tests copy those files
beside the checkpoint, as a Hub repository has them), so the engine can run the converted models end to end.

Usage (with the hf-reference on PYTHONPATH, see ../shared/tools/hf-reference/README.md):
  make_checkpoints.py [--out tests/fixtures/checkpoints]
"""
import argparse
import json
import os
import sys

import hfref  # noqa: F401  (must come before transformers)
import torch
from transformers import (GenerationConfig, M2M100Config, M2M100ForConditionalGeneration, MarianConfig,
                          MarianMTModel)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(REPO, "tests", "fixtures")
LINES = 16
MAX_NEW_TOKENS = 24
EMBED_STD = 0.5
WEIGHT_GAIN = 2.0

MARIAN_COMMON = dict(scale_embedding=True, static_position_embeddings=True, normalize_embedding=False,
                     dropout=0.0, attention_dropout=0.0, activation_dropout=0.0, max_position_embeddings=512,
                     bos_token_id=0)

SHAPES = {
    "marian-base": dict(
        family="marian", dtype=torch.float32, shard=None, tokenizer="tiny-ar-en", seed=11,
        config=dict(vocab_size=1912, decoder_vocab_size=1912, d_model=32, encoder_layers=2, decoder_layers=2,
                    encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64,
                    activation_function="swish", eos_token_id=0, pad_token_id=1911, decoder_start_token_id=1911,
                    forced_eos_token_id=0, share_encoder_decoder_embeddings=True, **MARIAN_COMMON)),
    "marian-big": dict(
        family="marian", dtype=torch.float16, shard=None, tokenizer="tiny-en-ar", seed=12,
        config=dict(vocab_size=1816, decoder_vocab_size=1816, d_model=64, encoder_layers=2, decoder_layers=3,
                    encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=128, decoder_ffn_dim=128,
                    activation_function="relu", eos_token_id=1, pad_token_id=2, decoder_start_token_id=2,
                    forced_eos_token_id=1, share_encoder_decoder_embeddings=True, **MARIAN_COMMON)),
    "marian-separate": dict(
        family="marian", dtype=torch.bfloat16, shard="60KB", tokenizer=None, seed=13,
        config=dict(vocab_size=300, decoder_vocab_size=260, d_model=24, encoder_layers=2, decoder_layers=2,
                    encoder_attention_heads=3, decoder_attention_heads=3, encoder_ffn_dim=40, decoder_ffn_dim=40,
                    activation_function="gelu", eos_token_id=0, pad_token_id=259, decoder_start_token_id=259,
                    forced_eos_token_id=0, share_encoder_decoder_embeddings=False, tie_word_embeddings=False,
                    **{**MARIAN_COMMON, "scale_embedding": False})),
    "nllb": dict(
        family="m2m100", dtype=torch.float32, shard="40KB", tokenizer=None, seed=14,
        config=dict(vocab_size=320, d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
                    decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64, activation_function="relu",
                    scale_embedding=True, max_position_embeddings=256, dropout=0.0, attention_dropout=0.0,
                    activation_dropout=0.0, pad_token_id=1, bos_token_id=0, eos_token_id=2,
                    decoder_start_token_id=2)),
}


def randomize(model, seed):
    """Weights far from HF's small init, so logits have wide margins and greedy/beam choices are not near ties."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "embed_positions" in name:
                continue  # Marian's sinusoids are a parameter, but fixed: transformers recomputes them when loading
            if name.endswith("layer_norm.weight"):
                p.copy_(1.0 + 0.3 * torch.randn(p.shape, generator=g))
            elif p.dim() == 1 or name.endswith("bias"):
                p.copy_(0.1 * torch.randn(p.shape, generator=g))
            elif "embed_tokens" in name or "shared" in name or "lm_head" in name:
                # Small next to the positions: a large tied embedding makes the model repeat its input token.
                p.copy_(EMBED_STD * torch.randn(p.shape, generator=g))
            else:
                # Sharp attention and a strong feed-forward keep the states moving with position and source.
                p.copy_(WEIGHT_GAIN * torch.randn(p.shape, generator=g) / p.shape[1] ** 0.5)
        # A negative last norm: the tied lm_head then avoids the token just read, so outputs are not one token repeated.
        last = model.model.decoder.layer_norm if hasattr(model.model.decoder, "layer_norm") and \
            model.model.decoder.layer_norm is not None else model.model.decoder.layers[-1].final_layer_norm
        last.weight.neg_()
        if hasattr(model, "final_logits_bias"):
            model.final_logits_bias.copy_(0.3 * torch.randn(model.final_logits_bias.shape, generator=g))


def input_ids(shape, vocab, eos, pad):
    """The fixture's tokenized NTREX lines where the checkpoint has a tokenizer, else seeded random ids."""
    if shape["tokenizer"]:
        path = os.path.join(FIXTURES, "golden", f"marian-tokenizer.{shape['tokenizer']}.jsonl")
        rows = [json.loads(l) for l in open(path, encoding="utf-8")]
        return [r["input_ids"][:40] if r["input_ids"][-1] != eos else r["input_ids"][:39] + [eos]
                for r in rows if r["set"].startswith("ntrex")][:LINES]
    g = torch.Generator().manual_seed(7)
    specials = {eos, pad, 0, 1, 2, 3}
    out = []
    for i in range(LINES):
        n = 3 + (i * 5) % 17
        ids = [int(x) for x in torch.randint(4, vocab, (n,), generator=g) if int(x) not in specials]
        out.append(ids + [eos])
    return out


def pad_batch(rows, pad):
    width = max(len(r) for r in rows)
    ids = torch.tensor([r + [pad] * (width - len(r)) for r in rows])
    mask = torch.tensor([[1] * len(r) + [0] * (width - len(r)) for r in rows])
    return ids, mask


def generate(model, rows, pad, beams, batch):
    out = []
    for start in range(0, len(rows), batch):
        ids, mask = pad_batch(rows[start:start + batch], pad)
        seqs = model.generate(input_ids=ids, attention_mask=mask, num_beams=beams, max_new_tokens=MAX_NEW_TOKENS,
                              do_sample=False)
        out += [s[1:].tolist() for s in seqs]
    return out


def trim(tokens, eos):
    """HF pads rows that finished early; keep the tokens up to and including the first eos."""
    return tokens[:tokens.index(eos) + 1] if eos in tokens else tokens


def make(name, shape, out_dir):
    cfg = dict(shape["config"])
    torch.manual_seed(shape["seed"])
    if shape["family"] == "marian":
        model = MarianMTModel(MarianConfig(**cfg)).eval()
    else:
        model = M2M100ForConditionalGeneration(M2M100Config(**cfg)).eval()
    randomize(model, shape["seed"])
    gen = GenerationConfig.from_model_config(model.config)
    gen.num_beams = 4
    gen.max_length = 512
    if shape["family"] == "marian":
        gen.bad_words_ids = [[cfg["pad_token_id"]]]
    model.generation_config = gen

    # Store in the checkpoint's dtype, then compute the goldens in fp32 from exactly the stored values.
    folder = os.path.join(out_dir, name)
    os.makedirs(folder, exist_ok=True)
    for f in os.listdir(folder):
        if f.endswith(".safetensors") or f.endswith(".json"):
            os.remove(os.path.join(folder, f))
    model.to(shape["dtype"])
    kwargs = dict(safe_serialization=True)
    if shape["shard"]:
        kwargs["max_shard_size"] = shape["shard"]
    model.save_pretrained(folder, **kwargs)
    model.float()
    for module in model.modules():
        if hasattr(module, "_init_weight"):
            module._init_weight(module.weight)  # the fixed sinusoids in float32, as loading the checkpoint makes them

    eos, pad = cfg["eos_token_id"], cfg["pad_token_id"]
    rows = input_ids(shape, cfg["vocab_size"], eos, pad)
    ids, mask = pad_batch(rows[:2], pad)
    start = cfg["decoder_start_token_id"]
    dec_vocab = cfg.get("decoder_vocab_size") or cfg["vocab_size"]
    g = torch.Generator().manual_seed(3)
    decoder_ids = torch.cat([torch.full((2, 1), start), torch.randint(4, dec_vocab - 1, (2, 4), generator=g)], dim=1)
    with torch.no_grad():
        logits = model(input_ids=ids, attention_mask=mask, decoder_input_ids=decoder_ids).logits
    golden = {
        "input_ids": ids.tolist(), "attention_mask": mask.tolist(), "decoder_input_ids": decoder_ids.tolist(),
        "logits": [[[float(f"{v:.7g}") for v in pos] for pos in row] for row in logits.tolist()],
        "generate": {"inputs": rows, "max_new_tokens": MAX_NEW_TOKENS},
    }
    with torch.no_grad():
        for beams in (1, 4):
            for batch in (1, 8):
                golden["generate"][f"beams{beams}.bs{batch}"] = [
                    trim(t, eos) for t in generate(model, rows, pad, beams, batch)]
    with open(os.path.join(folder, "golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    print(name, "written", sorted(os.listdir(folder)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(FIXTURES, "checkpoints"))
    parser.add_argument("--only", nargs="*", default=list(SHAPES))
    args = parser.parse_args()
    torch.set_num_threads(1)
    for name in args.only:
        make(name, SHAPES[name], args.out)


if __name__ == "__main__":
    sys.exit(main())
