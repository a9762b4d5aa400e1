#!/usr/bin/env node
// Serve invocations to a `provided`-runtime bootstrap through @vercel/fun's Lambda Runtime API server.
//
// usage: node invoke.js [--env KEY=VALUE]... [--handler NAME] [--timeout SECONDS] <bootstrap> <eventJson>...
//   <bootstrap>  an executable file, or a directory containing an executable `bootstrap`
//   --env        environment variable for the bootstrap (repeatable); fun does NOT pass on the parent's env
//   --handler    value of _HANDLER (reserved: it cannot be given with --env)
//   --timeout    overall limit in seconds (default 120)
// Prints one JSON line per event to stdout: {"statusCode":200,"functionError":null|"Handled"|"Unhandled","payload":"..."}
// The bootstrap's stdout is redirected to stderr so that stdout carries only those lines.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createFunction } = require('@vercel/fun');
const treeKill = require('tree-kill');

function fail(message) {
  process.stderr.write(`invoke.js: ${message}\n`);
  process.exit(1);
}

const env = {};
let handler = '';
let timeoutSeconds = 120;
const positional = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--env' || arg === '--handler' || arg === '--timeout') {
    if (i + 1 >= argv.length) fail(`${arg} needs a value`);
    const value = argv[++i];
    if (arg === '--handler') {
      handler = value;
    } else if (arg === '--timeout') {
      timeoutSeconds = Number(value);
      if (!(timeoutSeconds > 0)) fail(`bad --timeout: ${value}`);
    } else {
      const eq = value.indexOf('=');
      if (eq <= 0) fail(`--env needs KEY=VALUE, got: ${value}`);
      env[value.slice(0, eq)] = value.slice(eq + 1);
    }
  } else if (arg.startsWith('--')) {
    fail(`unknown option ${arg}`);
  } else {
    positional.push(arg);
  }
}
if (positional.length < 2) {
  fail('usage: node invoke.js [--env KEY=VALUE]... [--handler NAME] [--timeout SECONDS] <bootstrap> <eventJson>...');
}

let bootstrap = path.resolve(positional[0]);
if (fs.existsSync(bootstrap) && fs.statSync(bootstrap).isDirectory()) bootstrap = path.join(bootstrap, 'bootstrap');
try {
  fs.accessSync(bootstrap, fs.constants.X_OK);
} catch (e) {
  fail(`bootstrap is not an executable file: ${bootstrap}`);
}
const events = positional.slice(1);
for (const event of events) {
  try {
    JSON.parse(event);
  } catch (e) {
    fail(`event is not valid JSON: ${event}`);
  }
}

// fun runs `$LAMBDA_TASK_ROOT/bootstrap` from the function's code directory; give it a wrapper that records its pid
// (for the timeout), restores the real directory as cwd and LAMBDA_TASK_ROOT, and sends stdout to stderr.
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vercel-fun-interop-'));
const pidFile = path.join(codeDir, 'pid');
const taskRoot = path.dirname(bootstrap);
fs.writeFileSync(
  path.join(codeDir, 'bootstrap'),
  [
    '#!/bin/sh',
    `echo $$ > ${quote(pidFile)}`,
    `cd ${quote(taskRoot)} || exit 127`,
    `LAMBDA_TASK_ROOT=${quote(taskRoot)}; export LAMBDA_TASK_ROOT`,
    `exec ${quote(bootstrap)} "$@" 1>&2`,
    '',
  ].join('\n'),
  { mode: 0o755 },
);

function bootstrapPid() {
  try {
    return Number(fs.readFileSync(pidFile, 'utf8').trim()) || null;
  } catch (e) {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return false;
  }
}

// Waits up to `ms` for the bootstrap process to exit, then SIGKILLs it and its descendants.
async function reap(ms) {
  const pid = bootstrapPid();
  if (!pid) return;
  for (let waited = 0; alive(pid) && waited < ms; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) await new Promise((r) => treeKill(pid, 'SIGKILL', () => r()));
}

function cleanup() {
  fs.rmSync(codeDir, { recursive: true, force: true });
}

const timer = setTimeout(async () => {
  process.stderr.write(`invoke.js: timed out after ${timeoutSeconds} s; killing the bootstrap\n`);
  await reap(0);
  cleanup();
  process.exit(2);
}, timeoutSeconds * 1000);

async function main() {
  const fn = await createFunction({
    FunctionName: 'vercel-fun-interop',
    Code: { Directory: codeDir },
    Handler: handler,
    Runtime: 'provided',
    Environment: { Variables: env },
  });
  try {
    for (const event of events) {
      const result = await fn.invoke({ InvocationType: 'RequestResponse', Payload: event });
      const line = {
        statusCode: result.StatusCode,
        functionError: result.FunctionError || null,
        payload: String(result.Payload),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } finally {
    await fn.destroy(); // SIGCONT + SIGTERM to the bootstrap's process tree
    await reap(5000);
  }
}

main().then(
  () => {
    clearTimeout(timer);
    cleanup();
  },
  async (err) => {
    process.stderr.write(`invoke.js: ${(err && err.stack) || err}\n`);
    await reap(0);
    cleanup();
    process.exit(1);
  },
);
