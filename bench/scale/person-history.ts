/**
 * A professional's registration and binding, as `POST /accounts`, the first login and `POST /me/binding` cause them:
 * username and ID-number claims, AccountRegistered, PersonRegistered; PasswordChanged (and for some a profile);
 * BindingRequested with its `binding-confirmation` task, which the unit confirms (a few are rejected first and ask
 * again). Some later change jobs: the new unit's confirmation ends the old binding in the same append.
 */
import { type AccountEvent, accountStream, idNumberClaimStream, usernameClaimStream } from '../../events/account.js';
import { type BindingEvent, type BindingState, bindingStream } from '../../events/binding.js';
import { type PersonEvent, personStream } from '../../events/person.js';
import { maskIdNumber } from '../../events/vocabulary/index.js';
import { type AccountCommand, type AccountLifecycleState, accountDecider } from '../../workflows/accounts/decider.js';
import { type BindingCommand, bindingDecider, bindingReviews } from '../../workflows/bindings/decider.js';
import { type PersonCommand, type PersonState, personDecider } from '../../workflows/persons/decider.js';
import { ANONYMOUS, DAY, HOUR, type History, MINUTE, type Person, type Unit, claim } from './history.js';
import { commandMetadata } from '../../workflows/kit/metadata.js';
import { LifecycleInstance } from './lifecycle-instance.js';
import { idNumber, personName, phone, pickRegion } from './vocabulary.js';

const EDUCATION = ['doctorate', 'master', 'bachelor', 'bachelor', 'bachelor', 'associate'] as const;
const JOB_TITLES = ['工程师', '高级工程师', '助理工程师', '会计师', '高级会计师', '主治医师', '一级教师', '经济师'];
const SPECIALTIES = ['土木工程', '电气工程', '临床医学', '会计学', '计算机科学与技术', '汉语言文学', '机械工程', '给排水工程'];

/** Registers person `index` at `at`; their binding request to `unit` follows the first login. */
export function schedulePerson(history: History, index: number, unit: Unit, at: number): Person {
  const { random, timeline, log } = history;
  const personId = random.uuid();
  const accountId = random.uuid();
  const name = personName(random);
  const id = idNumber(index, pickRegion(random).code);
  const username = `gd${index.toString(36).padStart(6, '0')}`;
  const person: Person = {
    index, personId, accountId, name, unit, idNumberMasked: maskIdNumber(id), actor: { id: accountId, role: 'person' },
    binding: new LifecycleInstance<BindingCommand, BindingEvent, BindingState>(bindingDecider, bindingReviews, log, random, personId, bindingStream(personId)),
    currentUnit: null, recordTimes: [], nextRecord: 0,
  };

  timeline.at(at, (now) => {
    const correlationId = history.correlationId(now);
    const metadata = commandMetadata(ANONYMOUS, correlationId);
    const mobile = random.chance(0.7) ? phone(random) : undefined;
    // The person lifecycle's effect: the account lifecycle (claims, then AccountRegistered) in a child run, first.
    claim(history, usernameClaimStream(username), accountId, now, metadata);
    claim(history, idNumberClaimStream(id), accountId, now + 25, metadata);
    const account = new LifecycleInstance<AccountCommand, AccountEvent, AccountLifecycleState>(accountDecider, {}, log, random, accountId, accountStream(accountId));
    const credentialId = random.uuid();
    account.command(now + 60, {
      type: 'register',
      registration: { account: { accountId, username, role: 'person', subjectId: personId, name }, credentialId, usernameField: 'username', idNumber: id, actor: ANONYMOUS, correlationId },
    }, ANONYMOUS, correlationId);
    const profile = new LifecycleInstance<PersonCommand, PersonEvent, PersonState>(personDecider, {}, log, random, personId, personStream(personId));
    profile.command(now + 95, {
      type: 'register',
      registration: { accountId, username, credentialId, name, idNumber: id, ...(mobile ? { phone: mobile } : {}), actor: ANONYMOUS, correlationId },
    }, ANONYMOUS, correlationId);

    timeline.at(now + random.int(1, 10) * MINUTE, (login) => {
      const session = history.correlationId(login);
      account.command(login, { type: 'changePassword', change: { credentialId: random.uuid(), actor: person.actor, correlationId: session } }, person.actor, session);
      log.credential(accountId, login, history.passwordHash);
      if (random.chance(0.1)) {
        timeline.at(login + random.int(1, 5) * MINUTE, (changed) => {
          const changeId = history.correlationId(changed);
          const fields = {
            name, ...(mobile ? { phone: mobile } : {}), education: random.pick(EDUCATION), title: random.pick(JOB_TITLES), specialty: random.pick(SPECIALTIES),
          };
          profile.command(changed, { type: 'changeProfile', update: { profile: fields, actor: person.actor, correlationId: changeId } }, person.actor, changeId);
        });
      }
      requestBinding(history, person, unit, login + random.int(6, 40) * MINUTE);
    });
  });
  return person;
}

/** Asks `unit` to confirm the person; its reviewers decide within days (the big unit never rejects). */
function requestBinding(history: History, person: Person, unit: Unit, at: number): void {
  const { random, timeline } = history;
  if (at > history.end) return;
  timeline.at(at, (now) => {
    const correlationId = history.correlationId(now);
    const request = { unit: { unitId: unit.orgId, name: unit.name, regionCode: unit.regionCode }, personName: person.name, idNumberMasked: person.idNumberMasked, actor: person.actor, correlationId };
    person.binding.command(now, { type: 'request', request }, person.actor, correlationId);
    const decideAt = now + Math.min(random.exponential(unit.big ? 0.5 * DAY : 1.5 * DAY), 6.5 * DAY) + 10 * MINUTE;
    if (decideAt > history.end) return; // still pending: an open task in the unit's inbox
    timeline.at(decideAt, (decided) => {
      const decision = history.correlationId(decided);
      if (!unit.big && person.currentUnit === null && random.chance(0.01)) {
        person.binding.decide(decided, 'reject', unit.reviewer, decision, '非本单位人员，请核实后重新申请');
        requestBinding(history, person, unit, decided + random.int(1, 3) * DAY + random.int(0, 8) * HOUR);
        return;
      }
      person.binding.decide(decided, 'approve', unit.reviewer, decision);
      const first = person.currentUnit === null;
      person.currentUnit = unit;
      if (first) {
        history.onBound(person, decided);
        if (!unit.big && random.chance(0.02)) changeJobs(history, person, decided);
      }
    });
  });
}

/** A job change: some months later the person asks another unit, whose confirmation ends the first binding. */
function changeJobs(history: History, person: Person, boundAt: number): void {
  const at = boundAt + 30 * DAY + history.random.next() * (history.end - boundAt);
  const next = history.pickOtherUnit();
  if (at < history.end && next !== person.unit) requestBinding(history, person, next, at);
}
