/**
 * A light load for fault tests, through the public API the way the portal drives it: each person declares a
 * record, attaches its evidence and submits it; the unit's reviewer works through the inbox approving. A 503 is
 * retried after a short pause (the test's clients retry sooner than Retry-After asks, to keep the run short). Every
 * answer is kept, and every acknowledged command with the event it must have written.
 */
import crypto from 'node:crypto';
import type { Server } from '@hapi/hapi';
import { type Person, type Reviewer, SAMPLE_PDF, multipart } from '../../api/actors.js';

export interface Answer {
  route: string;
  status: number;
  retryAfter: string | undefined;
  body: string;
}

/** A command the API acknowledged, and the event it promised on which stream. */
export interface Acknowledged {
  streamId: string;
  eventType: string;
  recordId: string;
}

export interface LoadResult {
  answers: Answer[];
  acknowledged: Acknowledged[];
}

type Json = Record<string, unknown>;

export async function runJourneys(server: Server, actors: { unit: Reviewer; persons: Person[] }, signal: AbortSignal): Promise<LoadResult> {
  const answers: Answer[] = [];
  const acknowledged: Acknowledged[] = [];
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function send(route: string, options: { method: string; url: string; token: string; payload?: unknown; headers?: Record<string, string> }) {
    const response = await server.inject({
      method: options.method,
      url: `/api/v1${options.url}`,
      headers: { authorization: `Bearer ${options.token}`, ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload as object }),
    });
    const retryAfter = response.headers['retry-after'];
    answers.push({ route, status: response.statusCode, retryAfter: retryAfter === undefined ? undefined : String(retryAfter), body: response.payload.slice(0, 300) });
    return { status: response.statusCode, body: (response.payload ? JSON.parse(response.payload) : {}) as Json };
  }

  /** Tries a step until it is acknowledged, refused for good, or the load ends; 503s are retried. */
  async function until(step: () => Promise<{ status: number; body: Json }>): Promise<{ status: number; body: Json } | undefined> {
    while (!signal.aborted) {
      const result = await step();
      if (result.status !== 503) return result;
      await pause(200);
    }
    return undefined;
  }

  async function person(p: Person) {
    while (!signal.aborted) {
      const declared = await until(() =>
        send('POST /credit-records', {
          method: 'POST', url: '/credit-records', token: p.token,
          payload: { year: 2026, category: 'professional', title: `故障测试课程${crypto.randomBytes(3).toString('hex')}`, mode: 'training', startDate: '2026-05-06', endDate: '2026-05-06', hours: 1.5 },
        }),
      );
      if (declared?.status !== 201) continue;
      const recordId = declared.body.recordId as string;
      acknowledged.push({ streamId: `credit-${recordId}`, eventType: 'CreditRecordDrafted', recordId });
      // Each file different: the store keeps one copy per content, and a full disk must be met by new bytes.
      const evidence = Buffer.concat([SAMPLE_PDF, Buffer.from(`% ${crypto.randomUUID()}\n`, 'latin1')]);
      const { payload, headers } = multipart('file', '证明.pdf', evidence, 'application/pdf');
      const attached = await until(() => send('POST /credit-records/{id}/attachments', { method: 'POST', url: `/credit-records/${recordId}/attachments`, token: p.token, payload, headers }));
      if (attached?.status !== 201) continue;
      acknowledged.push({ streamId: `credit-${recordId}`, eventType: 'AttachmentAdded', recordId });
      const submitted = await until(() => send('POST /credit-records/{id}/submit', { method: 'POST', url: `/credit-records/${recordId}/submit`, token: p.token }));
      if (submitted && submitted.status < 300) acknowledged.push({ streamId: `credit-${recordId}`, eventType: 'CreditRecordSubmitted', recordId });
    }
  }

  async function reviewer(unit: Reviewer) {
    while (!signal.aborted) {
      const inbox = await send('GET /tasks', { method: 'GET', url: '/tasks?status=open&limit=50', token: unit.token });
      const tasks = inbox.status === 200 ? (inbox.body.items as Array<{ taskId: string; subject: { type: string; id: string } }>) : [];
      for (const task of tasks.filter((t) => t.subject.type === 'credit')) {
        if (signal.aborted) break;
        const decided = await until(() => send('POST /tasks/{id}/decision', { method: 'POST', url: `/tasks/${task.taskId}/decision`, token: unit.token, payload: { decision: 'approve' } }));
        if (decided && decided.status < 300) acknowledged.push({ streamId: `credit-${task.subject.id}`, eventType: 'CreditRecordApproved', recordId: task.subject.id });
      }
      if (!tasks.length) await pause(100);
    }
  }

  await Promise.all([...actors.persons.map(person), reviewer(actors.unit)]);
  return { answers, acknowledged };
}
