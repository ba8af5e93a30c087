#!/usr/bin/env node
// Prints, per golden file, how many outputs end early with end-of-sentence and how long they are.
// usage: node summarize.mjs FILE.jsonl...
import fs from 'node:fs';

for (const f of process.argv.slice(2)) {
    const rows = fs.readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const lens = rows.map((r) => r.output_ids_to_eos.length - 1).sort((a, b) => a - b);
    const cap = lens.filter((n) => n >= 64).length;
    const q = (p) => lens[Math.min(lens.length - 1, Math.floor(p * lens.length))];
    console.log(
        `${f.split('/').pop()}: ${rows.length} rows, generated tokens min ${lens[0]} p25 ${q(0.25)} ` +
            `median ${q(0.5)} p75 ${q(0.75)} max ${lens.at(-1)}; ${rows.length - cap} end before the cap, ${cap} at the 64 cap`,
    );
}
