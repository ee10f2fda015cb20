/** The certificate lifecycle (`certificate-<seriesId>`) on the kit's host: issue once per person and year, revoke with a reason. */
import {
  type CertificateEvent, type CertificateSeries, currentCertificate, evolveCertificateSeries, initialCertificateSeries,
} from '../../events/certificate.js';
import type { Decider } from '../kit/decider.js';
import { invalidInput, invalidTransition, notFound } from '../kit/domain-errors.js';
import { runLifecycle } from '../kit/host.js';
import { type CommandOutcome, type Lifecycle, type ReviewDecided, binder } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import {
  CERTIFICATE_KIND, type CertificateIssue, type CertificateRevocation, type CertificateView, issueCertificateUpdate, revokeCertificateUpdate,
} from './messages.js';

type Command = { type: 'issue'; issue: CertificateIssue } | { type: 'revoke'; revocation: CertificateRevocation };

export const certificateDecider: Decider<Command | ReviewDecided, CertificateEvent, CertificateSeries> = {
  initialState: initialCertificateSeries,
  evolve: evolveCertificateSeries,
  decide(command, state, { now }) {
    switch (command.type) {
      case 'issue': {
        // The year already has its certificate: the same one again, nothing new.
        if (currentCertificate(state)) return [];
        const { snapshot, actor } = command.issue;
        const first = state.certificates[0];
        if (first && (first.personId !== snapshot.personId || first.year !== snapshot.year)) {
          throw invalidInput('year', { zh: '证书与该人员及年度不符', en: 'the certificate does not belong to this person and year' });
        }
        return [{ type: 'CertificateIssued', data: { ...snapshot, issuedBy: actor.id, issuedAt: now } }];
      }
      case 'revoke': {
        const target = state.certificates.find((c) => c.certificateId === command.revocation.certificateId);
        if (!target) throw notFound({ zh: '证书不存在', en: 'no such certificate' });
        if (target.revokedAt) throw invalidTransition({ zh: '该证书已撤销', en: 'this certificate is already revoked' });
        const { reason, actor } = command.revocation;
        return [{ type: 'CertificateRevoked', data: { certificateId: target.certificateId, reason, revokedBy: actor.id, revokedAt: now } }];
      }
      default:
        throw notFound();
    }
  },
};

const view = (state: CertificateSeries, position: string): CertificateView => ({
  seriesId: state.seriesId, current: currentCertificate(state), issuedNow: false, revoked: null, position,
});
const bind = binder<Command, CertificateEvent, CertificateSeries>();
const issued = ({ events }: CommandOutcome<CertificateEvent, CertificateSeries>) => events.some((e) => e.type === 'CertificateIssued');

const certificate: Lifecycle<Command, CertificateEvent, CertificateSeries, CertificateView> = {
  kind: CERTIFICATE_KIND,
  decider: certificateDecider,
  commands: [
    bind(issueCertificateUpdate, {
      toCommand: (issue) => ({ type: 'issue', issue }),
      result: (outcome) => ({ ...view(outcome.state, outcome.position), issuedNow: issued(outcome) }),
    }),
    bind(revokeCertificateUpdate, {
      toCommand: (revocation) => ({ type: 'revoke', revocation }),
      result: ({ state, position, events }) => {
        const revoked = events.find((e) => e.type === 'CertificateRevoked');
        const id = revoked?.type === 'CertificateRevoked' ? revoked.data.certificateId : null;
        return { ...view(state, position), revoked: state.certificates.find((c) => c.certificateId === id) ?? null };
      },
    }),
  ],
  view,
};

export async function certificateLifecycle(input: LifecycleInput<CertificateSeries>): Promise<CertificateView | null> {
  return runLifecycle(certificate, input);
}
