/**
 * Seals on the real system (PGlite, Temporal, the API): an auditor seals, more happens, admin seals again; the
 * published key verifies both signatures; every audit path and the consistency proof between the seals are accepted
 * by an independent checker (independent-audit.ts) against the signed roots; the export passes that checker and the
 * offline `verify-export` run as its own process, with the header's key or the auditor's copy, also from a position
 * on, and the read is in the access log; the `audit-seal` schedule seals through its workflow; bad input is refused
 * naming the field.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../../../api/auth.js';
import { ensureSchedules } from '../../../runtime/temporal/schedules.js';
import { systemSchedules } from '../../../runtime/temporal/system-schedules.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { SEAL_SCHEDULE_ID } from '../../../workflows/seals/messages.js';
import { createTestWorker } from '../../support/temporal.js';
import { admin, registeredPerson } from '../actors.js';
import { type TestSystem, call, startTestSystem } from '../system.js';
import { exportToFile, verifyExportCli } from './cli.js';
import { auditPath, auditWholeExport, consistency, leafOf, mth, rootFromPath, sealSigned } from './independent-audit.js';

type Seal = { sealId: string; position: string; count: number; root: string; signature: string; sealedAt: string };

describe('seals over the event log', () => {
  let system: TestSystem;
  let adminToken: string;
  let auditor: string;
  let publicKeyPem: string;
  let first: Seal;
  let second: Seal;
  let repeated: Awaited<ReturnType<typeof sealNow>> | undefined;
  // The history every test reads: an auditor seals, more happens, admin seals again.
  beforeAll(async () => {
    system = await startTestSystem();
    adminToken = await admin(system.server);
    auditor = issueAccessToken(system.config, { accountId: crypto.randomUUID(), role: 'auditor', subjectId: crypto.randomUUID() }).accessToken;
    publicKeyPem = (await get('/audit/public-key')).result!.publicKeyPem as string;
    await registeredPerson(system.server);
    const sealed = await sealNow(auditor);
    expect(sealed.statusCode).toBe(201);
    first = sealed.result as unknown as Seal;
    // Nothing written since (when its position is still the readable head): the same seal again, 200.
    if ((await system.store.headPosition()) === first.position) repeated = await sealNow(adminToken);
    await appendSome(3, 7);
    await registeredPerson(system.server, '李四');
    const again = await sealNow(adminToken);
    expect(again.statusCode).toBe(201);
    second = again.result as unknown as Seal;
  });
  afterAll(async () => {
    await system?.close();
  });

  const get = (url: string, token?: string, lang?: 'en' | 'zh-CN') => call(system.server, { method: 'GET', url: `/api/v1${url}`, ...(token ? { token } : {}), ...(lang ? { lang } : {}) });
  const sealNow = (token: string) => call(system.server, { method: 'POST', url: '/api/v1/audit/seals', token });
  async function appendSome(streams: number, each: number) {
    for (let s = 0; s < streams; s++) {
      const events = Array.from({ length: each }, (_, i) => ({ eventId: crypto.randomUUID(), type: 'SealTested', data: { i, 说明: '测试' }, metadata: { actor: { id: 'test', role: 'system' } } }));
      await system.store.append(`sealtest-${crypto.randomUUID()}`, events, { expectedRevision: 'no_stream' });
    }
  }

  it('publishes the key; both seals verify with it, and sealing with nothing new answers the standing seal', async () => {
    expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await get('/audit/public-key')).result).toEqual({ publicKeyPem, keyId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(first.count).toBeGreaterThan(3);
    expect(sealSigned(publicKeyPem, first)).toBe(true);
    expect(sealSigned(publicKeyPem, { ...first, count: first.count + 1 })).toBe(false);
    if (repeated) expect(repeated).toMatchObject({ statusCode: 200, result: first });
    expect(second.count).toBeGreaterThan(first.count + 21);
    expect(second.position > first.position).toBe(true);
    expect(sealSigned(publicKeyPem, second)).toBe(true);
  });

  it('lists the seals newest first, page by page', async () => {
    const page1 = await get('/audit/seals?limit=1', auditor);
    const all = (await get('/audit/seals?limit=200', auditor)).result!.items as Seal[];
    expect(all.slice(-2)).toEqual([second, first]);
    expect(page1.result).toMatchObject({ items: [all[0]], nextCursor: expect.any(String) });
    let cursor = page1.result!.nextCursor as string | undefined;
    const paged = [all[0]];
    while (cursor) {
      const page = await get(`/audit/seals?limit=1&cursor=${encodeURIComponent(cursor)}`, auditor);
      paged.push(...(page.result!.items as Seal[]));
      cursor = page.result!.nextCursor as string | undefined;
    }
    expect(paged).toEqual(all);
    const bad = await get(`/audit/seals?cursor=${Buffer.from('["x"]').toString('base64url')}`, auditor);
    expect(bad).toMatchObject({ statusCode: 400, result: { details: [{ field: 'cursor' }] } });
  });

  it('answers audit paths and a consistency proof that an independent checker accepts against the signed roots', async () => {
    const { events, leaves, seals } = auditWholeExport((await exportToFile(system.server, auditor)).text, publicKeyPem);
    expect(seals.slice(0, 2).map((s) => s.sealId)).toEqual([first.sealId, second.sealId]);
    expect(mth(leaves.slice(0, first.count)).toString('hex')).toBe(first.root);
    for (const seal of [first, second]) {
      for (const index of new Set([0, 1, Math.floor(seal.count / 2), seal.count - 2, seal.count - 1])) {
        const event = events[index]!;
        const proof = await get(`/audit/seals/${seal.sealId}/proof?eventId=${event.eventId as string}`, auditor);
        expect(proof.result).toMatchObject({ leafIndex: index, count: seal.count });
        const path = (proof.result!.path as string[]).map((h) => Buffer.from(h, 'hex'));
        expect(rootFromPath(leafOf(event.hash as string), index, seal.count, path)?.toString('hex')).toBe(seal.root);
        expect(path.map((h) => h.toString('hex'))).toEqual(auditPath(index, leaves.slice(0, seal.count)).map((h) => h.toString('hex')));
        expect(rootFromPath(leafOf(events[(index + 1) % seal.count]!.hash as string), index, seal.count, path)?.toString('hex')).not.toBe(seal.root);
      }
    }
    const later = events[first.count]!;
    expect((await get(`/audit/seals/${first.sealId}/proof?eventId=${later.eventId as string}`, auditor)).statusCode).toBe(404);

    const proof = await get(`/audit/seals/consistency?from=${first.sealId}&to=${second.sealId}`, adminToken);
    expect(proof.result).toMatchObject({ from: { count: first.count, root: first.root }, to: { count: second.count, root: second.root } });
    expect(proof.result!.proof).toEqual(consistency(first.count, leaves.slice(0, second.count)).map((h) => h.toString('hex')));
    expect((await get(`/audit/seals/consistency?from=${first.sealId}&to=${first.sealId}`, auditor)).result).toMatchObject({ proof: [] });
  });

  it('refuses bad input naming the field, and answers 404 for what does not exist', async () => {
    const unknown = crypto.randomUUID();
    expect((await get(`/audit/seals/${unknown}/proof?eventId=${unknown}`, auditor)).statusCode).toBe(404);
    expect((await get(`/audit/seals/${first.sealId}/proof?eventId=${unknown}`, auditor)).statusCode).toBe(404);
    const noEvent = await get(`/audit/seals/${first.sealId}/proof?eventId=nope`, auditor, 'zh-CN');
    expect(noEvent).toMatchObject({ statusCode: 400, result: { details: [{ field: 'eventId', message: expect.stringContaining('事件编号') }] } });
    const badSeal = await get(`/audit/seals/not-a-seal/proof?eventId=${unknown}`, auditor, 'en');
    expect(badSeal).toMatchObject({ statusCode: 400, result: { details: [{ field: 'sealId', message: expect.stringContaining('Seal id') }] } });
    const backwards = await get(`/audit/seals/consistency?from=${second.sealId}&to=${first.sealId}`, auditor, 'en');
    expect(backwards).toMatchObject({ statusCode: 400, result: { details: [{ field: 'from' }] } });
    expect((await get(`/audit/seals/consistency?from=${first.sealId}&to=${unknown}`, auditor)).statusCode).toBe(404);
    const reversed = await get(`/audit/export?after=${encodeURIComponent(second.position)}&to=${encodeURIComponent(first.position)}`, auditor, 'zh-CN');
    expect(reversed).toMatchObject({ statusCode: 400, result: { details: [{ field: 'to', message: expect.stringContaining('截止位置') }] } });
    expect((await get('/audit/export?after=latest', auditor)).result).toMatchObject({ statusCode: 400, details: [{ field: 'after' }] });
    const future = `${'9'.repeat(20)}:${'9'.repeat(20)}`;
    expect((await get(`/audit/export?after=${future}`, auditor)).result).toMatchObject({ statusCode: 400, details: [{ field: 'after' }] });
  });

  it('exports a log that verify-export accepts offline, with the header’s key or the auditor’s own, whole or from a seal on', async () => {
    const whole = await exportToFile(system.server, auditor);
    // Reading the whole log is an audited read: it is in the access log.
    const { rows } = await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_access_log WHERE route LIKE '%/audit/export' AND role = 'auditor'`);
    expect(rows[0]!.n).toBeGreaterThan(0);
    const plain = await verifyExportCli(whole.file);
    expect(plain.code, plain.output).toBe(0);
    expect(plain.output).toMatch(/is valid[\s\S]*public key: from the file's header[\s\S]*seals: [2-9] verified/);

    const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-key-')), 'jxjy-public.pem');
    fs.writeFileSync(keyFile, (await get('/audit/public-key')).result!.publicKeyPem as string);
    const pinned = await verifyExportCli(whole.file, '--public-key', keyFile);
    expect(pinned.code, pinned.output).toBe(0);
    expect(pinned.output).toContain(`public key: from ${keyFile}`);

    const stranger = path.join(path.dirname(keyFile), 'stranger.pem');
    fs.writeFileSync(stranger, crypto.createPublicKey(crypto.generateKeyPairSync('ed25519').privateKey).export({ type: 'spki', format: 'pem' }));
    const wrongKey = await verifyExportCli(whole.file, '--public-key', stranger);
    expect(wrongKey.code).toBe(1);
    const firstSealLine = whole.text.split('\n').findIndex((l) => l.startsWith('{"seal"')) + 1;
    expect(wrongKey.output).toContain(`line ${firstSealLine}: seal ${first.sealId.slice(0, 8)}: its signature does not verify`);

    const part = await exportToFile(system.server, adminToken, `?after=${encodeURIComponent(first.position)}`);
    expect(JSON.parse(part.text.split('\n')[0]!)).toMatchObject({ after: first.position, start: { count: first.count } });
    const partial = await verifyExportCli(part.file);
    expect(partial.code, partial.output).toBe(0);
    expect(partial.output).toMatch(new RegExp(`starts after ${first.count} earlier events`));

    expect((await verifyExportCli(path.join(path.dirname(keyFile), 'missing.ndjson'))).code).toBe(2);
  });

  it('seals on the audit-seal schedule through sealRun, on a worker that holds the key; a worker without it refuses', async () => {
    const options = systemSchedules(system.config).find((s) => s.scheduleId === SEAL_SCHEDULE_ID)!;
    expect(options.spec.intervals).toEqual([{ every: system.config.sealEveryMs }]);
    expect(options.action).toMatchObject({ workflowType: 'sealRun', taskQueue: system.config.temporalTaskQueue });

    // The test system's own worker is built without the key: the run fails at once, clearly, without retrying.
    const refused = await system.temporal.client.workflow
      .execute('sealRun', { workflowId: `seal-test-${crypto.randomUUID()}`, taskQueue: system.config.temporalTaskQueue, args: [{ trigger: 'schedule' }] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkflowFailedError);
    expect(((refused as WorkflowFailedError).cause?.cause as ApplicationFailure).type).toBe('NoSealKey');

    await appendSome(1, 5);
    const taskQueue = `seals-${crypto.randomUUID()}`;
    const { store, db, config } = system;
    const worker = await createTestWorker(system.temporal, { bundle: 'production', taskQueue, activities: createActivities({ store, db, sealKey: () => config.sealKey }) });
    // The schedule as the system defines it, under its own id and task queue so no other test file meets it.
    const schedule = { ...systemSchedules({ ...config, temporalTaskQueue: taskQueue }).find((s) => s.scheduleId === SEAL_SCHEDULE_ID)!, scheduleId: `${SEAL_SCHEDULE_ID}-${crypto.randomUUID()}` };
    await worker.runUntil(async () => {
      await ensureSchedules(system.temporal.client, [schedule]);
      const handle = system.temporal.client.schedule.getHandle(schedule.scheduleId);
      try {
        await handle.trigger();
        const head = await store.headPosition();
        await expect.poll(async () => ((await get('/audit/seals?limit=1', auditor)).result!.items as Seal[])[0]!.position >= head, { timeout: 30_000 }).toBe(true);
      } finally {
        await handle.delete();
      }
    });
    const [latest] = (await get('/audit/seals?limit=1', auditor)).result!.items as Seal[];
    expect(latest!.count).toBeGreaterThanOrEqual(second.count + 5);
    expect(sealSigned(publicKeyPem, latest!)).toBe(true);
  });
});
