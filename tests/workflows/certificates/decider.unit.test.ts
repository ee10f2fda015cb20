/**
 * The certificate and dishonesty deciders, given/when/then: a year's certificate issued once (asking again changes
 * nothing), revoked once, issued anew after revocation; a dishonesty record recorded once, its period checked,
 * revoked once. And the day a record stops blocking.
 */
import { describe, expect, it } from 'vitest';
import type { CertificateSnapshot } from '../../../events/certificate.js';
import { blocksToday, dishonestyStatus } from '../../../events/dishonesty.js';
import type { Actor } from '../../../events/task.js';
import { chinaDate } from '../../../events/vocabulary/index.js';
import { certificateDecider } from '../../../workflows/certificates/workflow.js';
import { dishonestyDecider } from '../../../workflows/dishonesty/workflow.js';
import { LATER, NOW, specFor } from '../../support/decider.js';

const person: Actor = { id: 'acc-1', role: 'person' };
const adminActor: Actor = { id: 'admin-1', role: 'admin' };
const snapshot = (certificateId: string, overrides: Partial<CertificateSnapshot> = {}): CertificateSnapshot => ({
  certificateId, personId: 'p-1', year: 2026, certificateNo: `JX2026${certificateId}`, verificationCode: `CODE${certificateId}`.padEnd(16, '0'),
  verifyUrl: 'http://jxjy.test/verify/x', title: '广东省专业技术人员继续教育证书', issuer: '广东省人力资源和社会保障厅', holder: { name: '张三', idNumberMasked: '4401**********1234' },
  unit: { unitId: 'u-1', name: '某单位' }, halfHours: { public: 60, professional: 84, elective: 36 }, required: { public: 60, professional: 84, elective: 36 }, ...overrides,
});
const issue = (certificateId: string, overrides: Partial<CertificateSnapshot> = {}) => ({ type: 'issue' as const, issue: { snapshot: snapshot(certificateId, overrides), actor: person } });
const revoke = (certificateId: string) => ({ type: 'revoke' as const, revocation: { certificateId, reason: '材料不实', actor: adminActor } });
const givenSeries = specFor({ decider: certificateDecider, kind: 'certificate' }, 'series-1');

describe('certificate decider', () => {
  it('issues the year once: a second request while it stands changes nothing', () => {
    const { history } = givenSeries().when(issue('c1')).then([{ type: 'CertificateIssued', data: { ...snapshot('c1'), issuedBy: 'acc-1', issuedAt: NOW } }]);
    givenSeries(history).when(issue('c2'), LATER).then([]);
  });

  it('revokes once, then issues the year anew', () => {
    let { history } = givenSeries().when(issue('c1')).then();
    history = givenSeries(history).when(revoke('c1'), LATER).then([{ type: 'CertificateRevoked', data: { certificateId: 'c1', reason: '材料不实', revokedBy: 'admin-1', revokedAt: LATER } }]).history;
    givenSeries(history).when(revoke('c1'), LATER).thenFails('InvalidTransition');
    givenSeries(history).when(revoke('nope'), LATER).thenFails('NotFound');
    const { events } = givenSeries(history).when(issue('c2'), LATER).then();
    expect(events).toMatchObject([{ type: 'CertificateIssued', data: { certificateId: 'c2' } }]);
  });

  it('refuses a snapshot for another person or year in the series', () => {
    const { history } = givenSeries().when(issue('c1')).then();
    const revoked = givenSeries(history).when(revoke('c1')).then().history;
    givenSeries(revoked).when(issue('c2', { year: 2025 })).thenFails('InvalidInput', 'year');
    givenSeries(revoked).when(issue('c2', { personId: 'p-2' })).thenFails('InvalidInput', 'year');
  });
});

const givenRecord = specFor({ decider: dishonestyDecider, kind: 'dishonesty' }, 'r-1');
const details = { personId: 'p-1', reason: '提供虚假材料', basis: '条例第二十八条', startDate: '2026-01-01', endDate: '2026-12-31', blocksCertificate: true };
const record = (overrides: Partial<typeof details> = {}) => ({ type: 'record' as const, recording: { details: { ...details, ...overrides }, person: { name: '张三', idNumberMasked: 'x' }, actor: adminActor } });

describe('dishonesty decider', () => {
  it('records once, with its period checked', () => {
    const { history } = givenRecord().when(record()).then([
      { type: 'DishonestyRecorded', data: { ...details, recordId: 'r-1', person: { name: '张三', idNumberMasked: 'x' }, recordedBy: 'admin-1', recordedAt: NOW } },
    ]);
    givenRecord(history).when(record()).thenFails('InvalidTransition');
    givenRecord().when(record({ endDate: '2025-12-31' })).thenFails('InvalidInput', 'endDate');
  });

  it('revokes once; an unknown record cannot be revoked', () => {
    const revocation = { type: 'revoke' as const, revocation: { reason: '复核撤销', actor: adminActor } };
    givenRecord().when(revocation).thenFails('NotFound');
    const { history } = givenRecord().when(record()).then();
    const revoked = givenRecord(history).when(revocation, LATER).then([{ type: 'DishonestyRevoked', data: { recordId: 'r-1', reason: '复核撤销', revokedBy: 'admin-1', revokedAt: LATER } }]).history;
    givenRecord(revoked).when(revocation).thenFails('InvalidTransition');
  });

  it('blocks from its start to the end of its last day in Guangzhou, unless revoked or not flagged', () => {
    const row = { ...details, revokedAt: null };
    expect(blocksToday(row, '2025-12-31')).toBe(false); // not begun
    expect(blocksToday(row, '2026-12-31')).toBe(true);
    expect(dishonestyStatus(row, '2027-01-01')).toBe('expired');
    expect(blocksToday(row, '2027-01-01')).toBe(false);
    expect(blocksToday({ ...row, blocksCertificate: false }, '2026-06-01')).toBe(false);
    expect(dishonestyStatus({ ...row, revokedAt: NOW }, '2026-06-01')).toBe('revoked');
    expect(dishonestyStatus({ ...row, endDate: undefined }, '2099-01-01')).toBe('active');
    // 2026-12-31 16:30 UTC is already 2027-01-01 in Guangzhou.
    expect(chinaDate('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(chinaDate('2026-12-31T15:59:59Z')).toBe('2026-12-31');
  });
});
