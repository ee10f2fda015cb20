/**
 * `npm run verify-export -- <file> [--public-key <pem file>] [--allow-unsealed] [--allow-redacted]`: checks an audit
 * export offline (export-verifier.ts). Exit 0 when every chain, seal root and signature holds; 1 naming the first bad
 * line; 2 when it cannot start. Give the public key you keep (from GET /audit/public-key) to trust it rather than the
 * one the file carries.
 *
 * Only what a seal covers is proven: anyone who holds the file can drop its seal lines and rewrite what they covered,
 * chains recomputed. So events after the last seal fail the check unless `--allow-unsealed` says that is expected, and
 * so do events whose content is withheld (`redacted`, an old password hash) unless `--allow-redacted`.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { verifyExport } from './export-verifier.js';

function usage(message: string): never {
  process.stderr.write(`verify-export: ${message}\nusage: npm run verify-export -- <export.ndjson> [--public-key <public-key.pem>] [--allow-unsealed] [--allow-redacted]\n`);
  process.exit(2);
}

function readArgs() {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { 'public-key': { type: 'string' }, 'allow-unsealed': { type: 'boolean' }, 'allow-redacted': { type: 'boolean' } },
    });
    if (positionals.length !== 1) usage('give exactly one export file');
    const [file] = positionals as [string];
    fs.accessSync(file, fs.constants.R_OK);
    const keyFile = values['public-key'];
    return {
      file, keyFile, publicKeyPem: keyFile ? fs.readFileSync(keyFile, 'utf8') : undefined,
      allowUnsealed: values['allow-unsealed'] ?? false, allowRedacted: values['allow-redacted'] ?? false,
    };
  } catch (error) {
    usage((error as Error).message);
  }
}

const { file, keyFile, publicKeyPem, allowUnsealed, allowRedacted } = readArgs();
const started = performance.now();
const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
const verdict = await verifyExport(lines, { ...(publicKeyPem ? { publicKeyPem, publicKeySource: keyFile } : {}) });
const seconds = (performance.now() - started) / 1000;
if (!verdict.valid) {
  process.stdout.write(`verify-export: ${file} is NOT valid\n  line ${verdict.line}: ${verdict.problem}\n`);
  process.exit(1);
}
if (verdict.unsealed > 0 && !allowUnsealed) {
  process.stdout.write(
    `verify-export: ${file} is NOT proven\n  the last ${verdict.unsealed} events are covered by no seal, so nothing binds them: seal the log ` +
      `(POST /audit/seals) and export again, or pass --allow-unsealed to accept that\n`,
  );
  process.exit(1);
}
if (verdict.redacted.length > 0 && !allowRedacted) {
  process.stdout.write(
    `verify-export: ${file} is NOT proven\n  line ${verdict.redacted[0]}: its content is withheld (an old password hash), so its hash cannot be recomputed; ` +
      `pass --allow-redacted to accept ${verdict.redacted.length} such line(s) on the strength of the chain and the seals\n`,
  );
  process.exit(1);
}
process.stdout.write(
  [
    `verify-export: ${file} is valid`,
    `  public key: from ${verdict.keySource} (keyId ${verdict.keyId.slice(0, 16)}…)` +
      (keyFile ? '' : ' — anyone can re-sign a file with a key of their own: compare this keyId with GET /audit/public-key, or pass --public-key'),
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
