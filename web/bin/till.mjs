#!/usr/bin/env node
// `till` on the WebAssembly build: the native command line (src/cli/main.cpp, SPEC §10) byte for byte,
// on stdout and stderr, with its exit codes, so the two builds can be compared on any input
// (wasm-tests/cli.test.mjs holds them together). Arguments and files are handled here as main.cpp
// handles them; documents go into wasm as raw bytes and its output comes back as raw bytes, never
// re-encoded, and every error document is written by the core's own writer.
import { closeSync, openSync, readSync } from 'node:fs';

import { loadRawModule } from '../lib/loader.mjs';

const EXIT_OK = 0;
const EXIT_INVALID = 2;
const EXIT_USAGE = 64;
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

const USAGE = `usage:
  till price --rules RULES.json --request REQUEST.json
      prints the priced result (exit 0) or an error object (exit 2)
  till check --rules RULES.json
      prints "ok: N promotions (...)" (exit 0) or an error object (exit 2)
  till public-view --rules RULES.json
      prints the rule set browsers may see: non-public coupon codes emptied
  till --help
Either file may be - (standard input), but not both.
`;

class UsageError {
  constructor(problem) {
    this.problem = problem;
  }
}

// `{help}`, or `{command, rules?, request?}`; throws UsageError as main.cpp rejects, in its order.
function parseArguments(args) {
  if (args.length < 1) throw new UsageError('a command is required');
  const [command, ...rest] = args;
  if (['--help', '-h', 'help'].includes(command)) return { help: true };
  const files = {};
  for (let i = 0; i < rest.length; i += 2) {
    const option = rest[i];
    if (option === '--help' || option === '-h') return { help: true };
    const document = option === '--rules' ? 'rules' : option === '--request' ? 'request' : undefined;
    if (!document) throw new UsageError(`unknown option "${option}"`);
    if (i + 1 >= rest.length) throw new UsageError(`${option} needs a file name`);
    if (document in files) throw new UsageError(`${option} is given twice`);
    files[document] = rest[i + 1];
  }
  if (command === 'price') {
    if (files.rules === undefined || files.request === undefined) throw new UsageError('price needs --rules and --request');
    if (files.rules === '-' && files.request === '-') {
      throw new UsageError('only one of the files may be - (standard input)');
    }
  } else if (command === 'check' || command === 'public-view') {
    if (files.rules === undefined) throw new UsageError(`${command} needs --rules`);
    if (files.request !== undefined) throw new UsageError(`${command} takes no --request`);
  } else {
    throw new UsageError(`unknown command "${command}"`);
  }
  return { command, ...files };
}

// `{bytes}` of `file` ("-": standard input), or `{output, isError}`: the error document for a file that
// cannot be read (invalid_json) or is over 4 MiB (limit_exceeded). At most 4 MiB + 1 byte is read.
function readDocument(raw, file, document) {
  const chunks = [];
  let size = 0;
  try {
    const fd = file === '-' ? 0 : openSync(file, 'r');
    try {
      const chunk = Buffer.alloc(65536);
      for (let got; size <= MAX_DOCUMENT_BYTES && (got = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
        chunks.push(Buffer.from(chunk.subarray(0, got)));
        size += got;
      }
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  } catch {
    return raw.errorJson('invalid_json', document, '', `cannot read the ${document} file "${file}"`);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    return raw.errorJson('limit_exceeded', document, '',
      `the ${document} file is larger than 4 MiB (${MAX_DOCUMENT_BYTES} bytes)`);
  }
  return { bytes: Buffer.concat(chunks) };
}

function run(raw, { command, rules, request }) {
  const rulesText = readDocument(raw, rules, 'rules');
  if (!rulesText.bytes) return rulesText;
  if (command === 'check') return raw.checkJson(rulesText.bytes);
  if (command === 'public-view') return raw.publicViewJson(rulesText.bytes);
  const requestText = readDocument(raw, request, 'request');
  if (!requestText.bytes) {
    // The whole rule set is checked before the request (SPEC §8), so a bad rule set wins over a bad file.
    const checked = raw.checkJson(rulesText.bytes);
    return checked.isError ? checked : requestText;
  }
  return raw.priceJson(rulesText.bytes, requestText.bytes);
}

let parsed;
try {
  parsed = parseArguments(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`till: ${error.problem}\n${USAGE}`);
  process.exitCode = EXIT_USAGE;
}
if (parsed?.help) {
  process.stdout.write(USAGE);
} else if (parsed) {
  const { raw } = await loadRawModule();
  const { output, isError } = run(raw, parsed);
  process.stdout.write(output);
  process.exitCode = isError ? EXIT_INVALID : EXIT_OK;
}
