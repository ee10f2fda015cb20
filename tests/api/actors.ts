/**
 * The people a feature test needs, made through the public API the way they would be in life: an approved unit or
 * institution with its signed-in reviewer, a registered and signed-in person, the signed-in admin.
 */
import type { Server } from '@hapi/hapi';
import { ADMIN, call, captcha, orgPayload, randomIdNumber, signIn, uniqueName } from './system.js';

export interface Reviewer {
  orgId: string;
  token: string;
  name: string;
  regionCode: string;
}

export interface Person {
  personId: string;
  accountId: string;
  username: string;
  idNumber: string;
  name: string;
  token: string;
}

let adminToken: Promise<string> | undefined;
let adminServer: Server | undefined;

/** The bootstrap admin, signed in once per server (the first sign-in changes its password). */
export function admin(server: Server): Promise<string> {
  if (adminServer !== server) {
    adminServer = server;
    adminToken = signIn(server, ADMIN.username, ADMIN.password);
  }
  return adminToken!;
}

/** Decides the open task about `subjectId` as `token`'s holder, after the position that created it. */
export async function decideTaskAbout(server: Server, token: string, subjectId: string, after: string, decision: 'approve' | 'reject', reason?: string) {
  const inbox = await call(server, { method: 'GET', url: `/api/v1/tasks?status=open&after=${encodeURIComponent(after)}`, token });
  const task = (inbox.result!.items as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === subjectId);
  if (!task) throw new Error(`no open task about ${subjectId}: ${inbox.payload}`);
  return call(server, { method: 'POST', url: `/api/v1/tasks/${task.taskId}/decision`, token, payload: { decision, ...(reason ? { reason } : {}) } });
}

/** Registers an organisation, has admin approve it, and signs its reviewer in. */
export async function approvedOrg(server: Server, overrides: Record<string, unknown> = {}): Promise<Reviewer> {
  const payload = await orgPayload(server, { name: uniqueName('广州测试单位'), ...overrides });
  const registered = await call(server, { method: 'POST', url: '/api/v1/orgs', payload });
  if (registered.statusCode !== 201) throw new Error(`org registration: ${registered.payload}`);
  const orgId = registered.result!.orgId as string;
  const decided = await decideTaskAbout(server, await admin(server), orgId, registered.result!.position as string, 'approve');
  if (decided.statusCode !== 200) throw new Error(`org approval: ${decided.payload}`);
  const token = await signIn(server, payload.reviewerUsername as string, payload.reviewerPassword as string);
  return { orgId, token, name: payload.name as string, regionCode: payload.regionCode as string };
}

/** Registers a person and signs them in (changing the first password). */
export async function registeredPerson(server: Server, name = '张三丰'): Promise<Person> {
  const username = uniqueName('p_');
  const idNumber = randomIdNumber();
  const response = await call(server, {
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { username, password: 'Person2026x', name, idNumber, ...(await captcha(server)) },
  });
  if (response.statusCode !== 201) throw new Error(`person registration: ${response.payload}`);
  const token = await signIn(server, username, 'Person2026x');
  return { personId: response.result!.personId as string, accountId: response.result!.accountId as string, username, idNumber, name, token };
}

/** A person whose binding to `unit` the unit has confirmed. */
export async function boundPerson(server: Server, unit: Reviewer, name = '李明'): Promise<Person> {
  const person = await registeredPerson(server, name);
  const requested = await call(server, { method: 'POST', url: '/api/v1/me/binding', token: person.token, payload: { unitId: unit.orgId } });
  if (requested.statusCode !== 202) throw new Error(`binding request: ${requested.payload}`);
  const decided = await decideTaskAbout(server, unit.token, person.personId, requested.result!.position as string, 'approve');
  if (decided.statusCode !== 200) throw new Error(`binding confirmation: ${decided.payload}`);
  return person;
}

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipart(field: string, filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----jxjy${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const payload = Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small but real PDF. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
