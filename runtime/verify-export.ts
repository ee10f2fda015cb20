/**
 * `npm run verify-export -- <file> [--public-key <pem file>]`: checks an audit export offline (export-verifier.ts).
 * Exit 0 when every chain, seal root and signature holds; 1 naming the first bad line; 2 when it cannot start.
 * Give the public key you keep (from GET /audit/public-key) to trust it rather than the one the file carries.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { verifyExport } from './export-verifier.js';

function usage(message: string): never {
  process.stderr.write(`verify-export: ${message}\nusage: npm run verify-export -- <export.ndjson> [--public-key <public-key.pem>]\n`);
  process.exit(2);
}

function readArgs(): { file: string; keyFile: string | undefined; publicKeyPem: string | undefined } {
  try {
    const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'public-key': { type: 'string' } } });
    if (positionals.length !== 1) usage('give exactly one export file');
    const [file] = positionals as [string];
    fs.accessSync(file, fs.constants.R_OK);
    const keyFile = values['public-key'];
    return { file, keyFile, publicKeyPem: keyFile ? fs.readFileSync(keyFile, 'utf8') : undefined };
  } catch (error) {
    usage((error as Error).message);
  }
}

const { file, keyFile, publicKeyPem } = readArgs();
const started = performance.now();
const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
const verdict = await verifyExport(lines, { ...(publicKeyPem ? { publicKeyPem, publicKeySource: keyFile } : {}) });
const seconds = (performance.now() - started) / 1000;
if (!verdict.valid) {
  process.stdout.write(`verify-export: ${file} is NOT valid\n  line ${verdict.line}: ${verdict.problem}\n`);
  process.exit(1);
}
process.stdout.write(
  [
    `verify-export: ${file} is valid`,
    `  public key: from ${verdict.keySource} (keyId ${verdict.keyId.slice(0, 16)}…)`,
    `  events: ${verdict.events} in ${verdict.streams} streams, every hash recomputed and every chain link checked` +
      (verdict.startCount ? ` (the export starts after ${verdict.startCount} earlier events; ${verdict.anchoredStreams} streams begin before it)` : ''),
    ...(verdict.redacted.length
      ? [`  ${verdict.redacted.length} account events withhold an old password hash (lines ${verdict.redacted.slice(0, 5).join(', ')}${verdict.redacted.length > 5 ? ', …' : ''}): their hash stands on the chain and the seals`]
      : []),
    `  seals: ${verdict.seals} verified (root recomputed, signature checked)` +
      (verdict.unsealed ? `; the last ${verdict.unsealed} events are not covered by a seal yet` : ''),
    `  ${Math.round(verdict.events / Math.max(seconds, 1e-3)).toLocaleString('en')} events/s (${seconds.toFixed(2)} s)`,
    '',
  ].join('\n'),
);
