// Shared helpers: argument parsing, input files, loading a local model folder with transformers.js.
import './no-telemetry.mjs'; // before ONNX Runtime loads
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { AutoModelForSeq2SeqLM, AutoTokenizer, env, LogLevel, Tensor } from '@huggingface/transformers';

export function parseArgs(argv, spec) {
    // spec: { name: default } ; every option is --name VALUE
    const out = { ...spec };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
        const key = a.slice(2).replace(/-/g, '_');
        if (!(key in spec)) throw new Error(`unknown option: ${a}`);
        if (i + 1 >= argv.length) throw new Error(`missing value for ${a}`);
        out[key] = argv[++i];
    }
    for (const [k, v] of Object.entries(out)) {
        if (v === undefined) throw new Error(`missing --${k.replace(/_/g, '-')}`);
    }
    return out;
}

export function readLines(file) {
    let text = fs.readFileSync(file, 'utf8');
    if (text.startsWith('\ufeff')) text = text.slice(1);
    const lines = text.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function transformersVersion() {
    const require = createRequire(import.meta.url);
    return require('@huggingface/transformers/package.json').version;
}

/**
 * Loads tokenizer and model from a local folder only (no network), on the CPU. `dtype` picks the ONNX files
 * as transformers.js names them: fp32 `onnx/<name>.onnx`, fp16 `<name>_fp16.onnx`, q8 `<name>_quantized.onnx`.
 */
export async function loadLocal(modelDir, threads, dtype = 'fp32') {
    const abs = path.resolve(modelDir);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.useFSCache = false;
    env.localModelPath = path.dirname(abs) + path.sep;
    env.logLevel = LogLevel.ERROR;
    const id = path.basename(abs);
    const session_options = {};
    if (threads) {
        session_options.intraOpNumThreads = Number(threads);
        session_options.interOpNumThreads = 1;
    }
    const tokenizer = await AutoTokenizer.from_pretrained(id);
    const model = await AutoModelForSeq2SeqLM.from_pretrained(id, { dtype, device: 'cpu', session_options });
    return { tokenizer, model };
}

export function eosId(model) {
    const e = model.generation_config?.eos_token_id ?? model.config.eos_token_id;
    return Array.isArray(e) ? e[0] : e;
}

/** Ids up to and including the first eos after the decoder start token (all of them if none). */
export function cutAtEos(ids, eos) {
    const i = ids.indexOf(eos, 1);
    return i < 0 ? ids.slice() : ids.slice(0, i + 1);
}

/** Right-padded input_ids / attention_mask tensors for given id rows (what the tokenizer would return). */
export function batchFromIds(rows, padId) {
    const width = Math.max(...rows.map((r) => r.length));
    const ids = [];
    const mask = [];
    for (const r of rows) {
        for (let j = 0; j < width; j++) {
            ids.push(BigInt(j < r.length ? r[j] : padId));
            mask.push(BigInt(j < r.length ? 1 : 0));
        }
    }
    return {
        input_ids: new Tensor('int64', BigInt64Array.from(ids), [rows.length, width]),
        attention_mask: new Tensor('int64', BigInt64Array.from(mask), [rows.length, width]),
    };
}

/**
 * One greedy generate call for a batch; returns per row {input_ids, output_ids}. `lines` are texts for
 * transformers.js's tokenizer, or, when `idRows` is given, the source ids to feed instead. `languages`
 * ({src_lang, tgt_lang}, NLLB / M2M100) frames the source and forces the target-language token as the
 * translation pipeline does.
 */
export async function generateBatch(tokenizer, model, lines, maxNewTokens, idRows = null, languages = null) {
    const kwargs = languages ? { ...languages } : {};
    const enc = idRows
        ? batchFromIds(idRows, model.config.pad_token_id)
        : languages
          ? tokenizer._build_translation_inputs(lines, { padding: true, truncation: true }, kwargs)
          : await tokenizer(lines, { padding: true });
    const out = await model.generate({
        ...enc,
        max_new_tokens: maxNewTokens,
        do_sample: false,
        num_beams: 1,
        ...(kwargs.forced_bos_token_id === undefined ? {} : { forced_bos_token_id: kwargs.forced_bos_token_id }),
    });
    const ids = enc.input_ids.tolist().map((r) => r.map(Number));
    const mask = enc.attention_mask.tolist().map((r) => r.map(Number));
    const outs = out.tolist().map((r) => r.map(Number));
    return outs.map((_, i) => ({
        input_ids: ids[i].filter((_, j) => mask[i][j] === 1),
        output_ids: outs[i],
    }));
}
