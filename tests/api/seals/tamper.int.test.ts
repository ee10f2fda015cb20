/**
 * A row changed behind the store's back, on PGlite and on PostgreSQL: after an `UPDATE events` of an event's data, the
 * export of the same log fails `verify-export` (exit 1) naming that event's line; when the change also rewrites the
 * hash — the chain then still links, as the event is its stream's last — the seal over it fails instead, and the audit
 * path the API gives for it no longer leads to the signed root.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../../../api/auth.js';
import { ENGINES } from '../../support/databases.js';
import { type TestSystem, call, startTestSystem } from '../system.js';
import { exportToFile, lineOfEvent, verifyExportCli } from './cli.js';
import { hashOfEvent, leafOf, rootFromPath } from './independent-audit.js';

describe.each(ENGINES)('a log changed behind the store’s back (%s)', (engine) => {
  let system: TestSystem;
  let auditor: string;
  const changed = { eventId: crypto.randomUUID(), streamId: `sealtest-${crypto.randomUUID()}` };
  let seal: { sealId: string; root: string; count: number };
  beforeAll(async () => {
    system = await startTestSystem({ engine });
    auditor = issueAccessToken(system.config, { accountId: crypto.randomUUID(), role: 'auditor', subjectId: crypto.randomUUID() }).accessToken;
    const event = (eventId: string, i: number) => ({ eventId, type: 'SealTested', data: { hours: 8, i }, metadata: { actor: { id: 'test', role: 'system' } } });
    await system.store.append(changed.streamId, [event(crypto.randomUUID(), 0), event(changed.eventId, 1)], { expectedRevision: 'no_stream' });
    await system.store.append(`sealtest-${crypto.randomUUID()}`, [event(crypto.randomUUID(), 0)], { expectedRevision: 'no_stream' });
    const sealed = await call(system.server, { method: 'POST', url: '/api/v1/audit/seals', token: auditor });
    expect(sealed.statusCode).toBe(201);
    seal = sealed.result as typeof seal;
  });
  afterAll(async () => {
    await system?.close();
  });

  it('verify-export accepts the log, then names the line of an event whose data was changed', async () => {
    const before = await exportToFile(system.server, auditor);
    expect((await verifyExportCli(before.file)).code).toBe(0);

    await system.db.query(`UPDATE events SET data = jsonb_set(data, '{hours}', '80') WHERE event_id = $1`, [changed.eventId]);
    const after = await exportToFile(system.server, auditor);
    const line = lineOfEvent(after.text, changed.eventId);
    expect(line).toBeGreaterThan(1);
    const result = await verifyExportCli(after.file);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain(`line ${line}: event ${changed.eventId.slice(0, 8)} (stream ${changed.streamId}, revision 1): its content does not match its hash`);
  });

  it('names the seal when the hash was rewritten to match, and the audit path no longer reaches the signed root', async () => {
    const stored = (await system.store.readStream(changed.streamId))[1]!;
    const item = { ...stored, revision: 1, data: { hours: 800, i: 1 } };
    const forged = hashOfEvent(item);
    await system.db.query(`UPDATE events SET data = $2::jsonb, hash = $3 WHERE event_id = $1`, [changed.eventId, JSON.stringify(item.data), forged]);

    const { file, text } = await exportToFile(system.server, auditor);
    const sealLine = text.split('\n').findIndex((l) => l.includes(`"sealId":"${seal.sealId}"`)) + 1;
    const result = await verifyExportCli(file);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain(`line ${sealLine}: seal ${seal.sealId.slice(0, 8)}: its root does not match the events before it`);

    const proof = await call(system.server, { method: 'GET', url: `/api/v1/audit/seals/${seal.sealId}/proof?eventId=${changed.eventId}`, token: auditor });
    const { leafIndex, path } = proof.result as { leafIndex: number; path: string[] };
    const reached = rootFromPath(leafOf(forged), leafIndex, seal.count, path.map((h) => Buffer.from(h, 'hex')));
    expect(reached?.toString('hex')).not.toBe(seal.root);
  });
});

describe('what only a seal proves', () => {
  let system: TestSystem;
  let auditor: string;
  beforeAll(async () => {
    system = await startTestSystem();
    auditor = issueAccessToken(system.config, { accountId: crypto.randomUUID(), role: 'auditor', subjectId: crypto.randomUUID() }).accessToken;
    const event = (i: number) => ({ eventId: crypto.randomUUID(), type: 'SealTested', data: { hours: 8, i }, metadata: { actor: { id: 'test', role: 'system' } } });
    await system.store.append(`sealtest-${crypto.randomUUID()}`, [event(0), event(1)], { expectedRevision: 'no_stream' });
  });
  afterAll(async () => {
    await system?.close();
  });

  /** Recomputes a stream's chain from `from` on, as a forger with the file would (the independent hash). */
  const rechain = (lines: Array<Record<string, unknown>>, from: number) => {
    const stream = lines[from]!.streamId;
    let prev = (lines.slice(0, from).filter((line) => line.streamId === stream).at(-1)?.hash as string | undefined) ?? null;
    for (const line of lines.slice(from)) {
      if (line.streamId !== stream) continue;
      line.prevHash = prev;
      line.hash = hashOfEvent(line);
      prev = line.hash as string;
    }
  };

  it('seals a whole export first, and fails a file whose seal lines were dropped and whose events were rewritten', async () => {
    const { file, text } = await exportToFile(system.server, auditor);
    expect(text).toContain('"seal":');
    expect((await verifyExportCli(file)).code).toBe(0);

    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const kept = lines.filter((line) => !('seal' in line));
    const target = kept.findIndex((line) => line.type === 'SealTested');
    (kept[target]!.data as { hours: number }).hours = 800;
    rechain(kept, target);
    const end = kept.at(-1)!.end as Record<string, unknown>;
    end.seals = 0;
    const forged = `${file}.forged`;
    fs.writeFileSync(forged, `${kept.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const refused = await verifyExportCli(forged);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain('covered by no seal');
    expect((await verifyExportCli(forged, '--allow-unsealed')).code).toBe(0); // only when the reader says so
  });

  it('fails a line that claims a withheld secret unless the reader accepts redactions', async () => {
    const { file, text } = await exportToFile(system.server, auditor);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const account = lines.findIndex((line) => line.type === 'AccountRegistered');
    expect(account).toBeGreaterThan(0);
    (lines[account]!.data as Record<string, unknown>).role = 'auditor';
    lines[account]!.redacted = true;
    const forged = `${file}.redacted`;
    fs.writeFileSync(forged, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const refused = await verifyExportCli(forged);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain(`line ${account + 1}: its content is withheld`);
  });
});
