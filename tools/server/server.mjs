// Starts `tarjama serve` on a free loopback port and stops it with SIGTERM, for the client, browser and load scripts.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const tinyModel = path.join(repoRoot, 'tests', 'fixtures', 'reference-tiny-marian');

/** Runs ./tarjama serve with the given arguments; resolves once it listens, with its URL, pid and a stop(). */
export function startServer(args, { timeoutMs = 300_000 } = {}) {
  // Each server its own jobs folder: one folder is held by one server at a time.
  const jobs = mkdtempSync(path.join(os.tmpdir(), 'tarjama-serve-jobs-'));
  const child = spawn(path.join(repoRoot, 'tarjama'), ['serve', '--port', '0', '--jobs-dir', jobs, ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
  const removeJobs = () => rmSync(jobs, { recursive: true, force: true });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve did not start:\n${log}`)); }, timeoutMs);
    child.on('exit', (code) => { clearTimeout(timer); removeJobs(); reject(new Error(`serve exited with ${code}:\n${log}`)); });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { log += chunk; });
    const listening = () => {
      const match = /tarjama: serving .+ on (http:\/\/\S+)/.exec(log);
      if (!match) return;
      clearTimeout(timer);
      child.stderr.off('data', listening);
      child.removeAllListeners('exit');
      const exited = new Promise((done) => child.on('exit', (code) => { removeJobs(); done(code); }));
      resolve({
        url: match[1].replace(/\/$/, ''),
        pid: child.pid,
        log: () => log,
        /** SIGTERM, then the exit code once it has finished the requests in flight. */
        stop: async () => { child.kill('SIGTERM'); return exited; },
      });
    };
    child.stderr.on('data', listening);
  });
}
