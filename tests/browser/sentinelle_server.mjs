// Starts the real `sentinelle serve` on a free port with a temporary config and SQLite file,
// and talks HTTP to it (Node's fetch). The browser tests' counterpart of
// tests/integration/server_harness.py.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BINARY = path.resolve(process.env.SENTINELLE_BINARY ?? 'build/sentinelle');
const ROOT = path.resolve(process.env.SENTINELLE_ROOT ?? process.cwd());
const START_TIMEOUT_MS = 60000;  // an ASan build on a loaded 2-core machine starts slowly
const STOP_TIMEOUT_MS = 20000;

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The first line the server prints: "listening on http://127.0.0.1:PORT".
function firstLine(stream) {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        resolve(text.slice(0, text.indexOf('\n')));
      }
    });
    stream.on('end', () => reject(new Error(`the server exited before listening: ${text}`)));
  });
}

export class SentinelleServer {
  constructor(configText) {
    this.directory = mkdtempSync(path.join(tmpdir(), 'sentinelle-browser-'));
    this.config = path.join(this.directory, 'sentinelle.toml');
    this.stderrPath = path.join(this.directory, 'stderr.log');
    writeFileSync(this.config, configText);
    this.process = null;
    this.url = null;
  }

  // `port` 0 picks a free one; a restart passes the previous port so the page's origin holds.
  async start({ port = 0 } = {}) {
    const args = ['serve', '--config', this.config, '--listen', `127.0.0.1:${port}`,
      '--storage', `sqlite:${path.join(this.directory, 'events.db')}`,
      '--lexicons', path.join(ROOT, 'lexicons', 'fr')];
    this.process = spawn(BINARY, args, {
      cwd: this.directory, stdio: ['ignore', 'pipe', openSync(this.stderrPath, 'a')],
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) =>
      resolve(code ?? signal)));
    const line = await withTimeout(firstLine(this.process.stdout), START_TIMEOUT_MS,
      'server start');
    const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
    if (!match) {
      this.process.kill('SIGKILL');
      throw new Error(`unexpected first line: ${line}`);
    }
    this.url = match[1];
    this.port = Number(new URL(this.url).port);
    return this;
  }

  async request(method, target, { body, token } = {}) {
    const headers = {};
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(this.url + target, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  // SIGTERM, then the exit status (0 expected: sanitizers report through it too).
  async stop() {
    if (!this.process) {
      return null;
    }
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGTERM');
    }
    const status = await withTimeout(this.exited, STOP_TIMEOUT_MS, 'server stop');
    this.process = null;
    return status;
  }

  stderrTail(lines = 40) {
    try {
      return readFileSync(this.stderrPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  removeFiles() {
    rmSync(this.directory, { recursive: true, force: true });
  }
}
