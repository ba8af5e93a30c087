// ONNX Runtime's official builds (onnxruntime-node 1.29+) collect usage telemetry on Linux and macOS and upload it
// when online. Imported first by every script that loads it, so the opt-out is in the environment before the
// runtime starts: ORT_DISABLE_TELEMETRY (1.29-1.31), ORT_TELEMETRY_DISABLED (later). Node passes process.env
// changes to the C library's environment, which the runtime reads.
process.env.ORT_DISABLE_TELEMETRY = '1';
process.env.ORT_TELEMETRY_DISABLED = '1';
