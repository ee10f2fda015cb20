/**
 * A person's credit records (学时申报) in the load run: declare one (this year or the two before, one day, 0.5–8 学时),
 * attach a PDF as evidence (multipart) and submit it to the unit; correct a rejected one and submit it again; withdraw
 * a submitted one before the unit decides, and submit a withdrawn one again.
 */
import crypto from 'node:crypto';
import { type Client, commanding, pick } from '../client.js';
import { attachmentAdded, creditDrafted, creditEdited, creditSubmitted, creditWithdrawn } from '../expected-events.js';
import { chinaToday, declarableDay, evidencePdf, oneDayHalfHours } from '../identities.js';
import { type PersonEntry, type RecordEntry, later } from '../world.js';

const CATEGORIES = ['public', 'professional', 'elective'] as const;
const MODES = ['training', 'conference', 'distance', 'practice', 'other'] as const;
const TITLES = ['新发展理念专题讲座', '行业标准宣贯会', '在线课程：项目管理', '学术年会', '岗位实践锻炼', '安全生产专题培训'];

interface RecordAnswer {
  recordId: string;
  unitId: string | null;
  taskId?: string | null;
  position: string;
}

export async function declareAndSubmit(client: Client, person: PersonEntry): Promise<void> {
  const { world, ledger } = client;
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = pick([thisYear, thisYear, thisYear - 1, thisYear - 2])!;
  const day = declarableDay(year);
  const category = CATEGORIES[crypto.randomInt(3)]!;
  const halfHours = oneDayHalfHours();
  const title = TITLES[crypto.randomInt(TITLES.length)]!;
  const declared = await person.session.call<RecordAnswer>('POST /credit-records', '/credit-records', {
    body: { year, category, title, mode: MODES[crypto.randomInt(MODES.length)], organizer: '广东省继续教育协会', startDate: day, endDate: day, hours: halfHours / 2 },
    retry: 'with-key',
  });
  const { recordId } = declared.body;
  const { personId } = person;
  ledger.acknowledge({ requestId: declared.requestId, route: 'POST /credit-records', status: declared.status, position: declared.body.position, expected: creditDrafted(recordId, { personId, year, category, halfHours }) });
  person.position = later(person.position, declared.body.position);
  const record: RecordEntry = { recordId, personId, year, category, halfHours, title, status: 'draft', attachments: 0, busy: false };
  world.records.set(recordId, record);
  person.records.push(record);
  await commanding(record, async () => {
    await attach(client, person, record);
    await submit(client, person, record);
  });
}

async function attach(client: Client, person: PersonEntry, record: RecordEntry): Promise<void> {
  const pdf = evidencePdf();
  const form = new FormData();
  form.append('file', new Blob([pdf.bytes], { type: 'application/pdf' }), '结业证明.pdf');
  const attached = await person.session.call<{ attachmentId: string; sha256: string; position: string }>(
    'POST /credit-records/{id}/attachments', `/credit-records/${record.recordId}/attachments`, { body: form },
  );
  const { attachmentId, sha256, position } = attached.body;
  if (sha256 !== pdf.sha256) client.inconsistent('POST /credit-records/{id}/attachments', `the stored file's SHA-256 ${sha256} is not the uploaded one's ${pdf.sha256}`);
  client.ledger.acknowledge({ requestId: attached.requestId, route: 'POST /credit-records/{id}/attachments', status: attached.status, position, expected: attachmentAdded(record.recordId, { attachmentId, sha256: pdf.sha256 }) });
  person.position = later(person.position, position);
  record.attachments++;
}

async function submit(client: Client, person: PersonEntry, record: RecordEntry): Promise<void> {
  const submitted = await person.session.call<RecordAnswer>('POST /credit-records/{id}/submit', `/credit-records/${record.recordId}/submit`);
  const { unitId, taskId, position } = submitted.body;
  if (!unitId || !taskId) throw new Error(`submit answered without unitId or taskId: ${JSON.stringify(submitted.body)}`);
  client.ledger.acknowledge({ requestId: submitted.requestId, route: 'POST /credit-records/{id}/submit', status: submitted.status, position, expected: creditSubmitted(record.recordId, { unitId, taskId }) });
  person.position = later(person.position, position);
  Object.assign(record, { status: 'submitted', unitId, taskId });
  client.world.sentTo(unitId, position);
}

/** A rejected record, corrected (a new title and hours) and submitted again. */
export async function correctRejected(client: Client, person: PersonEntry, record: RecordEntry): Promise<void> {
  await commanding(record, async () => {
    const title = `${record.title.replace(/（第\d+次修改）$/, '')}（第${crypto.randomInt(2, 100)}次修改）`;
    const halfHours = oneDayHalfHours();
    const edited = await person.session.call<RecordAnswer>('PATCH /credit-records/{id}', `/credit-records/${record.recordId}`, { body: { title, hours: halfHours / 2 } });
    client.ledger.acknowledge({ requestId: edited.requestId, route: 'PATCH /credit-records/{id}', status: edited.status, position: edited.body.position, expected: creditEdited(record.recordId, { title, halfHours }) });
    person.position = later(person.position, edited.body.position);
    Object.assign(record, { title, halfHours, status: 'draft' });
    await submit(client, person, record);
  });
}

export async function withdrawSubmitted(client: Client, person: PersonEntry, record: RecordEntry): Promise<void> {
  await commanding(record, async () => {
    const taskId = record.taskId!;
    const withdrawn = await person.session.call<RecordAnswer>('POST /credit-records/{id}/withdraw', `/credit-records/${record.recordId}/withdraw`);
    client.ledger.acknowledge({ requestId: withdrawn.requestId, route: 'POST /credit-records/{id}/withdraw', status: withdrawn.status, position: withdrawn.body.position, expected: creditWithdrawn(record.recordId, taskId) });
    person.position = later(person.position, withdrawn.body.position);
    record.status = 'draft';
    delete record.taskId;
  });
}

export async function resubmitDraft(client: Client, person: PersonEntry, record: RecordEntry): Promise<void> {
  await commanding(record, () => submit(client, person, record));
}
