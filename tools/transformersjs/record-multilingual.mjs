#!/usr/bin/env node
// Records transformers.js greedy outputs on an NLLB / M2M100 model, end to end through its own tokenizer
// (_build_translation_inputs: source-language token, forced target-language token), one JSON object per line:
//   {idx, src_lang, tgt_lang, input, input_ids, output_ids_to_eos}
// output_ids_to_eos start with the decoder start token and stop after the first end-of-sentence.
// The rows come from a Hugging Face golden (hf.<model>.beam2.bs1.jsonl: input, src_lang, tgt_lang); transformers.js
// forces one target per generate call, so a batch never straddles two directions.
//
// usage: node record-multilingual.mjs --model DIR --rows FILE --batch-size N --max-new-tokens 32 --out FILE
import fs from 'node:fs';
import { cutAtEos, eosId, loadLocal, parseArgs } from './common.mjs';

const args = parseArgs(process.argv.slice(2), {
    model: undefined, rows: undefined, batch_size: '1', max_new_tokens: '32', out: undefined, threads: '1',
});
const rows = fs.readFileSync(args.rows, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const { tokenizer, model } = await loadLocal(args.model, args.threads);
const eos = eosId(model);
const batchSize = Number(args.batch_size);
const out = [];
for (let start = 0; start < rows.length;) {
    const batch = [];
    while (start < rows.length && batch.length < batchSize
        && (batch.length === 0 || (rows[start].src_lang === batch[0].src_lang && rows[start].tgt_lang === batch[0].tgt_lang))) {
        batch.push(rows[start++]);
    }
    const kwargs = { src_lang: batch[0].src_lang, tgt_lang: batch[0].tgt_lang };
    const enc = tokenizer._build_translation_inputs(batch.map((r) => r.input), { padding: true, truncation: true }, kwargs);
    const generated = await model.generate({
        ...enc, max_new_tokens: Number(args.max_new_tokens), do_sample: false, num_beams: 1,
        forced_bos_token_id: kwargs.forced_bos_token_id,
    });
    const ids = enc.input_ids.tolist().map((r) => r.map(Number));
    const mask = enc.attention_mask.tolist().map((r) => r.map(Number));
    generated.tolist().map((r) => r.map(Number)).forEach((output, k) => {
        out.push({
            idx: out.length, src_lang: batch[k].src_lang, tgt_lang: batch[k].tgt_lang, input: batch[k].input,
            input_ids: ids[k].filter((_, j) => mask[k][j] === 1), output_ids_to_eos: cutAtEos(output, eos),
        });
    });
}
fs.writeFileSync(args.out, out.map((r) => JSON.stringify(r) + '\n').join(''));
await model.dispose();
