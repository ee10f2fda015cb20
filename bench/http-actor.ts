/**
 * The people of a bench, over real HTTP (fetch against a listening API, captcha in reveal mode): an approved unit with
 * its reviewer, bound persons, and one credit record's whole life — declared, evidenced, submitted, approved.
 */
import crypto from 'node:crypto';
import { idNumberCheckChar } from '../events/vocabulary/index.js';

type Json = Record<string, unknown>;

export interface Signed {
  token: string;
  id: string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function uscc(): string {
  const body = Array.from(crypto.randomBytes(17), (b) => USCC_CHARS[b % 31]).join('');
  const sum = [...body].reduce((acc, c, i) => acc + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i]!, 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

function idNumber(): string {
  const day = new Date(Date.UTC(1980, 0, 1) + crypto.randomInt(0, 7300) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `440106${day}${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export class HttpActor {
  constructor(private readonly base: string) {}

  async call(method: string, path: string, body?: Json | FormData, token?: string): Promise<Json> {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Json) : {};
  }

  private async captcha() {
    const { captchaId, answer } = await this.call('GET', '/captcha');
    return { captchaId, captchaAnswer: answer };
  }

  private async signIn(username: string, password: string): Promise<string> {
    const session = await this.call('POST', '/sessions', { username, password, ...(await this.captcha()) });
    if (!session.mustChangePassword) return session.accessToken as string;
    const changed = await this.call('PUT', '/accounts/me/password', { currentPassword: password, newPassword: `${password}9` }, session.accessToken as string);
    return changed.accessToken as string;
  }

  private admin?: Promise<string>;

  async approvedUnit(): Promise<Signed> {
    this.admin ??= this.signIn('admin', 'Initial2026x');
    const username = `bench_${crypto.randomBytes(4).toString('hex')}`;
    const registered = await this.call('POST', '/orgs', {
      kind: 'unit', name: `广州基准测试单位${username}`, uscc: uscc(), regionCode: '440100', contactName: '张三', contactPhone: '13800138000',
      reviewerUsername: username, reviewerPassword: 'Reviewer2026a', ...(await this.captcha()),
    });
    const orgId = registered.orgId as string;
    await this.decideAbout(await this.admin, orgId, registered.position as string);
    return { token: await this.signIn(username, 'Reviewer2026a'), id: orgId };
  }

  async boundPerson(unit: Signed, name: string): Promise<Signed> {
    const username = `p_${crypto.randomBytes(4).toString('hex')}`;
    const registered = await this.call('POST', '/accounts', { username, password: 'Person2026x', name, idNumber: idNumber(), ...(await this.captcha()) });
    const token = await this.signIn(username, 'Person2026x');
    const requested = await this.call('POST', '/me/binding', { unitId: unit.id }, token);
    await this.decideAbout(unit.token, registered.personId as string, requested.position as string);
    return { token, id: registered.personId as string };
  }

  private async decideAbout(token: string, subjectId: string, after: string) {
    const inbox = await this.call('GET', `/tasks?status=open&limit=200&after=${encodeURIComponent(after)}`, undefined, token);
    const task = (inbox.items as Json[]).find((t) => (t.subject as Json).id === subjectId)!;
    return this.call('POST', `/tasks/${task.taskId as string}/decision`, { decision: 'approve' }, token);
  }

  /** One record's whole life; returns how long the summary took to show the approval after its response. */
  async creditLifecycle(person: Signed, unit: Signed): Promise<{ approveToSummaryMs: number }> {
    const record = await this.call('POST', '/credit-records', {
      year: 2026, category: 'elective', title: '基准测试课程', mode: 'distance', startDate: '2026-03-02', endDate: '2026-03-02', hours: 1,
    }, person.token);
    const recordId = record.recordId as string;
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), '证明.pdf');
    await this.call('POST', `/credit-records/${recordId}/attachments`, form, person.token);
    const submitted = await this.call('POST', `/credit-records/${recordId}/submit`, undefined, person.token);
    const decided = await this.decideAbout(unit.token, recordId, submitted.position as string);
    const started = performance.now();
    await this.call('GET', `/me/credit-summary?year=2026&after=${encodeURIComponent(decided.position as string)}`, undefined, person.token);
    return { approveToSummaryMs: performance.now() - started };
  }
}
