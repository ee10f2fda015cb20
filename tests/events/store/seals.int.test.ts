/**
 * Seals on the real store (PGlite and PostgreSQL), below the API: a seal continues from the previous one reading only
 * the events written since; racing sealers stay one line; every seal is recomputed from scratch and a row changed
 * behind the store's back is named; the export verifies offline, also when it starts part-way, and each kind of
 * damage to its lines — content, order, a missing event or seal, a cut, a forged root or signature, another key — is
 * named by its line.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLines } from '../../../events/store/audit-export.js';
import type { EventStore, ReadAllOptions } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { verifySeals } from '../../../events/store/seal-proofs.js';
import { type Seal, keyIdOf, publicKeyPem, sealLog } from '../../../events/store/seals.js';
import { verifyExport } from '../../../runtime/export-verifier.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../../support/databases.js';
import { hashOfEvent } from '../../api/seals/independent-audit.js';

const key = crypto.generateKeyPairSync('ed25519').privateKey;
const pem = publicKeyPem(key);
const at = (text: string) => (async function* () {
  yield* text.split('\n').slice(0, -1);
})();

describe.each(ENGINES)('seals on %s', (engine) => {
  let db: TestDatabase;
  let store: EventStore;
  let read = 0;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    const real = await createPostgresEventStore(db);
    // Counts the events sealing reads, to show a seal continues from the last one.
    store = { ...real, readPage: async (options?: ReadAllOptions) => { const page = await real.readPage(options); read += page.events.length; return page; } };
  });
  afterAll(async () => {
    await db?.drop();
  });

  const seal = async () => (await sealLog({ db, store, key, now: () => new Date(), pageSize: 7 }))!;
  async function write(streams: number, each: number) {
    let last = '';
    for (let s = 0; s < streams; s++) {
      const streamId = `sealtest-${crypto.randomUUID()}`;
      const events = Array.from({ length: each }, (_, i) => ({ eventId: crypto.randomUUID(), type: 'Tested', data: { i, text: '封存测试', nested: { b: 1, a: [true, null] } }, metadata: { actor: { id: 'test', role: 'system' } } }));
      last = (await store.append(streamId, events, { expectedRevision: 'no_stream' })).position;
    }
    // On the shared PostgreSQL server a transaction open in another test's database holds the readable head back for a
    // moment (the snapshot xmin is cluster-wide): seal only once what was written is readable.
    await expect.poll(async () => (await store.headPosition()) >= last, { timeout: 15_000, interval: 20 }).toBe(true);
  }
  const exported = async (options: { after?: string; to?: string } = {}) => {
    let text = '';
    for await (const chunk of exportLines({ db, store, publicKeyPem: pem, keyId: keyIdOf(key), now: () => new Date(), pageSize: 5, ...options })) text += chunk;
    return text;
  };

  it('refuses to seal an empty log, then seals; a second seal reads only what was written since', async () => {
    expect(await sealLog({ db, store, key, now: () => new Date() })).toBeNull();
    await write(3, 10);
    const first = await seal();
    expect(first).toMatchObject({ created: true, seal: { count: 30, position: await store.headPosition() } });
    expect(await seal()).toEqual({ created: false, seal: first.seal });
    await write(2, 6);
    read = 0;
    const second = await seal();
    expect(second.seal.count).toBe(42);
    expect(read).toBe(12);
    expect(await verifySeals(db, store, key, keyIdOf(key))).toEqual({ seals: 2, problems: [] });
  });

  it('keeps racing sealers in one line: each seal extends the one before it', async () => {
    await write(4, 5);
    const results = await Promise.all([seal(), seal(), seal()]);
    const created = results.filter((r) => r.created);
    expect(created.length).toBeGreaterThanOrEqual(1);
    const { rows } = await db.query<{ seq: string; count: string }>(`SELECT seq::text, count::text FROM audit_seals ORDER BY seq`);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows.at(-1)!.count).toBe('62');
    expect((await verifySeals(db, store, key, keyIdOf(key))).problems).toEqual([]);
  });

  it('exports a log that verifies offline, whole or from a position on', async () => {
    await write(2, 3); // six events after the last seal: an unsealed tail
    const whole = await verifyExport(at(await exported()));
    expect(whole).toMatchObject({ valid: true, events: 68, seals: expect.any(Number), unsealed: 6, keySource: "the file's header" });
    const { rows } = await db.query<{ position: string; count: string }>(`SELECT position, count::text FROM audit_seals ORDER BY seq LIMIT 1`);
    const part = await exported({ after: rows[0]!.position });
    expect(JSON.parse(part.split('\n')[0]!).start.count).toBe(30);
    expect(await verifyExport(at(part))).toMatchObject({ valid: true, events: 38, startCount: 30 });
    const upTo = await exported({ after: rows[0]!.position, to: (await store.readAll({ limit: 35 })).at(-1)!.position });
    expect(await verifyExport(at(upTo))).toMatchObject({ valid: true, events: 5 });
  });

  it('names the first bad line of a damaged export', async () => {
    const lines = (await exported()).split('\n').slice(0, -1);
    const eventLine = lines.findIndex((l, i) => i > 0 && !l.startsWith('{"seal"') && JSON.parse(l).revision === 2);
    const sealLine = lines.findIndex((l) => l.startsWith('{"seal"'));
    const damaged = async (change: (copy: string[]) => void, options = {}) => {
      const copy = [...lines];
      change(copy);
      return verifyExport(at(`${copy.join('\n')}\n`), options);
    };
    const edit = (i: number, f: (v: Record<string, unknown>) => void) => (copy: string[]) => {
      const value = JSON.parse(copy[i]!);
      f(value);
      copy[i] = JSON.stringify(value);
    };
    expect(await damaged(edit(eventLine, (e) => ((e.data as { i: number }).i = 99)))).toEqual({ valid: false, line: eventLine + 1, problem: expect.stringMatching(/content does not match its hash/) });
    expect(await damaged((c) => c.splice(eventLine - 1, 1))).toMatchObject({ valid: false, problem: expect.stringMatching(/follows revision 0|covers \d+ events, but/) });
    const swap = (i: number) => (c: string[]) => ([c[i], c[i + 1]] = [c[i + 1]!, c[i]!]);
    expect(await damaged(swap(eventLine))).toEqual({ valid: false, line: eventLine + 1, problem: expect.stringMatching(/follows revision 1 of its stream/) });
    const lastOfStream = lines.findIndex((l, i) => i > 0 && !l.startsWith('{"seal"') && JSON.parse(l).revision === 9);
    expect(await damaged(swap(lastOfStream))).toEqual({ valid: false, line: lastOfStream + 2, problem: expect.stringMatching(/does not come after/) });
    expect(await damaged((c) => c.splice(sealLine, 1))).toEqual({ valid: false, line: lines.length - 1, problem: expect.stringMatching(/end line counts 68 events and \d+ seals, but the file holds 68 events and \d+ seals/) });
    expect(await damaged((c) => c.pop())).toEqual({ valid: false, line: lines.length, problem: expect.stringMatching(/without its end line/) });
    expect(await damaged((c) => c.push(c.at(-1)!))).toEqual({ valid: false, line: lines.length + 1, problem: 'a line after the end line' });
    expect(await damaged(edit(sealLine, (s) => ((s.seal as Seal).root = '0'.repeat(64))))).toEqual({ valid: false, line: sealLine + 1, problem: expect.stringMatching(/root does not match/) });
    const forged = (s: Record<string, unknown>) => {
      const body = s.seal as Seal;
      const other = crypto.generateKeyPairSync('ed25519').privateKey;
      body.signature = crypto.sign(null, Buffer.from(`jxjy-seal/v1:${body.position}:${body.count}:${body.root}`), other).toString('base64');
    };
    expect(await damaged(edit(sealLine, forged))).toEqual({ valid: false, line: sealLine + 1, problem: expect.stringMatching(/signature does not verify with the public key from the file's header/) });
    const stranger = publicKeyPem(crypto.generateKeyPairSync('ed25519').privateKey);
    expect(await damaged(() => {}, { publicKeyPem: stranger, publicKeySource: 'auditor.pem' })).toEqual({
      valid: false, line: sealLine + 1, problem: expect.stringMatching(/public key from auditor\.pem \(it names key/),
    });
    // Content and hash rewritten together keep the chain (the event is its stream's last), but not the seal.
    const rehashed = await damaged(edit(lastOfStream, (e) => {
      (e.data as { text: string }).text = '改过的';
      e.hash = hashOfEvent(e);
    }));
    expect(rehashed).toMatchObject({ valid: false, problem: expect.stringMatching(/^seal .*root does not match/) });
    expect(lines[(rehashed as { line: number }).line - 1]).toMatch(/^\{"seal"/);
  });

  it('withholds a password hash left in an old account event, and refuses a redaction claimed by any other event', async () => {
    const secret = '$argon2id$v=19$m=19456,t=2,p=1$legacy$notreallyahash';
    await store.append(`account-${crypto.randomUUID()}`, [{ eventId: crypto.randomUUID(), type: 'AccountRegistered', data: { username: 'legacy_user', role: 'person', passwordHash: secret } }], { expectedRevision: 'no_stream' });
    await seal();
    const text = await exported();
    expect(text).not.toContain(secret);
    const lines = text.split('\n');
    const legacy = lines.findIndex((l) => l.includes('"type":"AccountRegistered"'));
    expect(JSON.parse(lines[legacy]!)).toMatchObject({ data: { username: 'legacy_user' }, redacted: true });
    expect(await verifyExport(at(text))).toMatchObject({ valid: true, redacted: [legacy + 1] });
    const other = lines.findIndex((l, i) => i > 0 && l.includes('"type":"Tested"'));
    const claimed = JSON.parse(lines[other]!);
    lines[other] = JSON.stringify({ ...claimed, data: { ...claimed.data, i: 1000 }, redacted: true });
    expect(await verifyExport(at(lines.join('\n')))).toEqual({ valid: false, line: other + 1, problem: expect.stringMatching(/marked redacted, but a Tested never carried a secret/) });
  });

  it('finds a row changed behind the store’s back when it recomputes the seals', async () => {
    const { rows } = await db.query<{ event_id: string }>(`SELECT event_id::text FROM events ORDER BY global_position LIMIT 1 OFFSET 3`);
    await db.query(`UPDATE events SET hash = $2 WHERE event_id = $1`, [rows[0]!.event_id, 'f'.repeat(64)]);
    const verdict = await verifySeals(db, store, key, keyIdOf(key));
    expect(verdict.problems.length).toBe(verdict.seals);
    expect(verdict.problems[0]!.problem).toMatch(/root does not match/);
  });
});
