/**
 * A subject's tamper-evident timeline (CONTRACT.md: `GET /<subject>/{id}/history`): every event of its stream as a
 * person reads it — what happened, when, who did it (a person by name, a unit or institution by its name, the HR
 * department, the system), the reason when one was given — and whether the stream's hash chain holds.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { type AccountRegistered, accountStream } from '../../events/account.js';
import type { RecordedEvent } from '../../events/store/event-store.js';
import { verifyChain } from '../../events/store/hash-chain.js';
import type { Localized } from '../../events/vocabulary/index.js';
import { getOrg } from '../../projections/orgs.js';
import { type Lang, langOf, pick } from '../i18n.js';
import { Joi } from '../joi.js';

const SUMMARIES: Record<string, Localized> = {
  CreditRecordDrafted: { zh: '填写学时申报', en: 'Declaration drafted' },
  CreditRecordEdited: { zh: '修改学时申报', en: 'Declaration edited' },
  AttachmentAdded: { zh: '上传证明材料', en: 'Evidence uploaded' },
  AttachmentRemoved: { zh: '删除证明材料', en: 'Evidence removed' },
  CreditRecordSubmitted: { zh: '提交单位审核', en: 'Submitted to the unit' },
  CreditRecordWithdrawn: { zh: '撤回申报', en: 'Withdrawn' },
  CreditRecordApproved: { zh: '审核通过，学时计入', en: 'Approved: the hours count' },
  CreditRecordRejected: { zh: '审核退回', en: 'Sent back' },
  CreditRecordRevoked: { zh: '人社部门撤销，学时不再计入', en: 'Revoked by the HR department: the hours no longer count' },
  BindingRequested: { zh: '申请绑定单位', en: 'Asked to bind to a unit' },
  BindingConfirmed: { zh: '单位确认绑定', en: 'The unit confirmed' },
  BindingRejected: { zh: '单位拒绝绑定', en: 'The unit declined' },
  BindingCancelled: { zh: '取消绑定申请', en: 'Request cancelled' },
  BindingEnded: { zh: '与原单位解除绑定', en: 'Binding ended' },
  EnrolmentRequested: { zh: '报名', en: 'Enrolled' },
  EnrolmentPromoted: { zh: '候补递补为待审核', en: 'Moved up from the waiting list' },
  EnrolmentApproved: { zh: '施教机构审核通过', en: 'Approved by the institution' },
  EnrolmentRejected: { zh: '施教机构退回', en: 'Declined by the institution' },
  EnrolmentCancelled: { zh: '取消报名', en: 'Cancelled' },
  EnrolmentCompleted: { zh: '结业，学时计入', en: 'Completed: the hours count' },
  EnrolmentMissed: { zh: '未参加结业', en: 'Not attended' },
  EnrolmentLapsed: { zh: '培训班结业时报名未获审核', en: 'Lapsed when the class completed' },
  CertificateIssued: { zh: '打印证书', en: 'Certificate issued' },
  CertificateRevoked: { zh: '证书被撤销', en: 'Certificate revoked' },
  DishonestyRecorded: { zh: '记录失信信息', en: 'Dishonesty recorded' },
  DishonestyRevoked: { zh: '撤销失信信息', en: 'Dishonesty record revoked' },
  ReviewRequested: { zh: '进入待办审核', en: 'Put up for review' },
  ReviewReminded: { zh: '审核超期提醒', en: 'Reviewer reminded' },
  ReviewEscalated: { zh: '审核超期，转人社部门', en: 'Overdue: escalated to the HR department' },
  ReviewCompleted: { zh: '审核完成', en: 'Review completed' },
  ReviewWithdrawn: { zh: '待办撤回', en: 'Review withdrawn' },
};

const ROLE_NAMES: Record<string, Localized> = {
  admin: { zh: '人社部门', en: 'HR department' },
  auditor: { zh: '审计人员', en: 'Auditor' },
  system: { zh: '系统', en: 'System' },
  public: { zh: '本人', en: 'The person' },
};

export const timelineSchema = Joi.object({
  events: Joi.array()
    .items(Joi.object({
      type: Joi.string().required(),
      at: Joi.string().required(),
      actor: Joi.object({ role: Joi.string().required(), name: Joi.string().required() }).required(),
      summary: Joi.string().required(),
      reason: Joi.string(),
    }))
    .required(),
  chain: Joi.object({ valid: Joi.boolean().required(), brokenAt: Joi.number().integer() }).required(),
}).label('Timeline');

/** Who acted, as the reader should see them: a person's name, an organisation's name, or the role. */
async function actorNames<R extends ReqRef>(request: Request<R>, events: RecordedEvent[], lang: Lang) {
  const { store, db } = request.server.app.deps;
  const names = new Map<string, string>();
  for (const { metadata } of events) {
    const actor = metadata.actor;
    if (!actor) continue;
    const key = `${actor.role}:${actor.orgId ?? actor.id}`;
    if (names.has(key)) continue;
    let name: string | undefined;
    if (actor.role === 'unit' || actor.role === 'institution') name = actor.orgId ? (await getOrg(db, actor.orgId))?.name : undefined;
    else if (actor.role === 'person') {
      const [registered] = await store.readStream(accountStream(actor.id), { maxCount: 1 });
      name = registered?.type === 'AccountRegistered' ? (registered.data as AccountRegistered['data']).name : undefined;
    }
    names.set(key, name ?? pick(lang, ROLE_NAMES[actor.role] ?? { zh: actor.role, en: actor.role }));
  }
  return (event: RecordedEvent) => {
    const actor = event.metadata.actor;
    return actor ? { role: actor.role, name: names.get(`${actor.role}:${actor.orgId ?? actor.id}`)! } : { role: 'system', name: pick(lang, ROLE_NAMES.system!) };
  };
}

export async function timelineOf<R extends ReqRef>(request: Request<R>, events: RecordedEvent[], include: (event: RecordedEvent) => boolean = () => true) {
  const lang = langOf(request);
  const chain = verifyChain(events[0]?.streamId ?? '', events);
  const shown = events.filter(include);
  const actorOf = await actorNames(request, shown, lang);
  return {
    events: shown.map((event) => {
      const data = event.data as { reason?: unknown; decision?: unknown };
      const summary = SUMMARIES[event.type] ? pick(lang, SUMMARIES[event.type]!) : event.type;
      const decision = event.type === 'ReviewCompleted' && typeof data.decision === 'string' ? pick(lang, data.decision === 'approve' ? { zh: '（通过）', en: ' (approved)' } : { zh: '（退回）', en: ' (sent back)' }) : '';
      return {
        type: event.type, at: event.recordedAt, actor: actorOf(event), summary: `${summary}${decision}`,
        ...(typeof data.reason === 'string' && data.reason ? { reason: data.reason } : {}),
      };
    }),
    chain: chain.ok ? { valid: true } : { valid: false, brokenAt: Number(chain.brokenAt) },
  };
}
