/**
 * No secrets in history (DESIGN.md §3): after people and reviewers register and change their passwords, neither the
 * complete event log nor the complete Temporal history of every workflow (inputs, Updates, activity inputs and
 * results, child workflows) holds a password or an argon2 hash. And a password change ends the sessions before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSystem, call, captcha, login, orgPayload, randomIdNumber, signIn, startTestSystem, uniqueName, ADMIN } from '../system.js';

/** Every byte string of a history as text, so payloads (JSON in Uint8Arrays) can be searched. */
const historyText = (history: unknown) =>
  JSON.stringify(history, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value));

describe('no secrets in history', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.close();
  });

  it('keeps passwords and their hashes out of the event log and out of every Temporal history', async () => {
    const passwords: string[] = [ADMIN.password];
    const person = { username: uniqueName('p_'), password: 'Person2026secret' };
    passwords.push(person.password, `${person.password}9`);
    const registered = await call(system.server, {
      method: 'POST', url: '/api/v1/accounts',
      payload: { ...person, name: '周九', idNumber: randomIdNumber(), ...(await captcha(system.server)) },
    });
    expect(registered.statusCode).toBe(201);
    await signIn(system.server, person.username, person.password); // changes the password at first login

    const org = await orgPayload(system.server, { reviewerPassword: 'Reviewer2026secret' });
    passwords.push('Reviewer2026secret', 'Reviewer2026secret9');
    expect((await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload: org })).statusCode).toBe(201);
    await signIn(system.server, org.reviewerUsername as string, 'Reviewer2026secret');
    await signIn(system.server, ADMIN.username, ADMIN.password);

    const log = await system.store.readAll({ limit: 10_000 });
    expect(log.map((e) => e.type)).toEqual(expect.arrayContaining(['AccountRegistered', 'PasswordChanged', 'PersonRegistered', 'OrgRegistered']));
    const logText = JSON.stringify(log.map((e) => [e.data, e.metadata]));
    expect(logText).not.toContain('$argon2');
    for (const secret of passwords) expect(logText).not.toContain(secret);

    const workflowIds = new Set<string>();
    for await (const workflow of system.temporal.client.workflow.list({ query: `TaskQueue = '${system.config.temporalTaskQueue}'` })) {
      workflowIds.add(`${workflow.workflowId}/${workflow.runId}`);
    }
    // account- (admin, person, reviewer), person-, org-: every kind of lifecycle that took a password ran.
    expect([...workflowIds].map((id) => id.split('-')[0])).toEqual(expect.arrayContaining(['account', 'person', 'org']));
    for (const id of workflowIds) {
      const [workflowId, runId] = id.split('/') as [string, string];
      const text = historyText(await system.temporal.client.workflow.getHandle(workflowId, runId).fetchHistory());
      expect(text, workflowId).not.toContain('$argon2');
      for (const secret of passwords) expect(text, workflowId).not.toContain(secret);
    }
  });

  it('ends the sessions issued before a password change', async () => {
    const username = uniqueName('p_');
    const registered = await call(system.server, {
      method: 'POST', url: '/api/v1/accounts',
      payload: { username, password: 'Person2026x', name: '吴十', idNumber: randomIdNumber(), ...(await captcha(system.server)) },
    });
    expect(registered.statusCode).toBe(201);
    const token = await signIn(system.server, username, 'Person2026x'); // first login: password changed to Person2026x9
    const second = (await login(system.server, username, 'Person2026x9')).result!.accessToken as string;
    expect((await call(system.server, { method: 'GET', url: '/api/v1/me', token })).statusCode).toBe(200);

    const changed = await call(system.server, {
      method: 'PUT', url: '/api/v1/accounts/me/password', token: second,
      payload: { currentPassword: 'Person2026x9', newPassword: 'Another2026y' },
    });
    expect(changed.statusCode).toBe(200);
    const fresh = changed.result!.accessToken as string;
    for (const old of [token, second]) expect((await call(system.server, { method: 'GET', url: '/api/v1/me', token: old })).statusCode).toBe(401);
    expect((await call(system.server, { method: 'GET', url: '/api/v1/me', token: fresh })).statusCode).toBe(200);
  });
});
