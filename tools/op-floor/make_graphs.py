"""The matrix products a greedy batch of NLLB-200-distilled-600M's shape cannot skip, as three bare ONNX graphs.

BENCHMARKS.md quotes their times as the floor under `bench`: what one engine computing the reference's numbers must
spend, whatever it does around them. Random weights cost the same compute as trained ones.

  decoder_layers.onnx  one decoder step's products over 12 layers for ROWS rows: self-attention q, k, v, out and
                       cross-attention q, out (1024 x 1024 each; the cross keys and values are cached), FFN 1024 x 4096
                       and back, chained through residual adds so each waits for the last, as in the model
  projection.onnx      the fp32 output projection, ROWS x 1024 by 1024 x 256,206 (the peer computes it every step)
  screen.onnx          the same product in int8 (MatMulInteger, u8 activations by 7-bit weights), Tarjama's greedy
                       screen before its exact pass over the few tokens whose bound reaches the best
  encoder_layers.onnx  the encoder's products over a batch's source positions (12 layers: q, k, v, out, FFN)

The row count is left symbolic: time.mjs picks it. Usage: python3 make_graphs.py OUT_DIR   (python3-onnx,
python3-numpy; writes about 2.6 GB)
"""
import argparse
import os

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save

D, FFN, LAYERS, VOCAB = 1024, 4096, 12, 256206


def layers(name, squares):
    """`LAYERS` blocks of `squares` d x d products then the FFN, each added back onto the running activations."""
    rng = np.random.default_rng(0)
    nodes, weights, x = [], [], "x"
    for layer in range(LAYERS):
        shapes = [(D, D)] * squares + [(D, FFN), (FFN, D)]
        for i, shape in enumerate(shapes):
            w = f"w{layer}_{i}"
            weights.append(numpy_helper.from_array(rng.standard_normal(shape, dtype=np.float32) * 0.02, w))
            if shape == (D, FFN):
                nodes.append(helper.make_node("MatMul", [x, w], [f"h{layer}"]))
                continue
            source = f"h{layer}" if shape == (FFN, D) else x
            nodes.append(helper.make_node("MatMul", [source, w], [f"p{layer}_{i}"]))
            nodes.append(helper.make_node("Add", [x, f"p{layer}_{i}"], [f"r{layer}_{i}"]))
            x = f"r{layer}_{i}"
    return graph(name, nodes, weights, [("x", TensorProto.FLOAT, ["rows", D])], (x, TensorProto.FLOAT, ["rows", D]))


def projection():
    w = np.random.default_rng(1).standard_normal((D, VOCAB), dtype=np.float32) * 0.02
    node = helper.make_node("MatMul", ["x", "w"], ["logits"])
    return graph("projection", [node], [numpy_helper.from_array(w, "w")], [("x", TensorProto.FLOAT, ["rows", D])],
                 ("logits", TensorProto.FLOAT, ["rows", VOCAB]))


def screen():
    w = np.random.default_rng(2).integers(-63, 64, (D, VOCAB), dtype=np.int8)
    zero = np.array(128, dtype=np.uint8)
    node = helper.make_node("MatMulInteger", ["a", "w", "zero"], ["sums"])
    return graph("screen", [node], [numpy_helper.from_array(w, "w"), numpy_helper.from_array(zero, "zero")],
                 [("a", TensorProto.UINT8, ["rows", D])], ("sums", TensorProto.INT32, ["rows", VOCAB]))


def graph(name, nodes, weights, inputs, output):
    g = helper.make_graph(nodes, name, [helper.make_tensor_value_info(*i) for i in inputs],
                          [helper.make_tensor_value_info(*output)], weights)
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    models = {
        "decoder_layers": layers("decoder_layers", squares=6),
        "projection": projection(),
        "screen": screen(),
        "encoder_layers": layers("encoder_layers", squares=4),
    }
    for name, model in models.items():
        save(model, os.path.join(args.out, f"{name}.onnx"), save_as_external_data=True, location=f"{name}.onnx_data")


if __name__ == "__main__":
    main()
