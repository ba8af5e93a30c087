#!/usr/bin/env bash
# Installs the pinned transformers.js (npm registry only): the CPU binaries of onnxruntime-node ship inside the npm
# package, and its post-install step, which would download from outside the registries, is skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ ! -d node_modules/@huggingface/transformers ]; then
  ONNXRUNTIME_NODE_INSTALL=skip npm ci --ignore-scripts --no-audit --no-fund
fi
