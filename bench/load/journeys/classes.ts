/**
 * An institution's classes through their life in the load run. A `rolling` class starts in three weeks and stays open
 * all run (small, so people wait in line; enrolments there are rejected or cancelled, which moves the line). A
 * `completable` class starts today, so once it has taken enrolments for a while the institution closes it — after the
 * enrolment requests in flight have answered — and completes it: attendees get its hours, absentees miss, and whoever
 * was never approved lapses.
 */
import crypto from 'node:crypto';
import type { Client } from '../client.js';
import { type StandingAtCompletion, classClosed, classCompleted, classCreated, classOpened } from '../expected-events.js';
import { addDays, chinaToday } from '../identities.js';
import type { Session } from '../session.js';
import { type ClassEntry, later } from '../world.js';

const CATEGORIES = ['public', 'professional', 'elective'] as const;
const TITLES = ['专业技术人员职业道德与诚信建设', '数字经济与创新驱动', '建筑工程新规范解读', '医疗质量安全管理', '财务会计准则更新'];

interface ClassAnswer {
  classId: string;
  position: string;
}

export async function openClass(client: Client, reviewer: Session, kind: ClassEntry['kind']): Promise<ClassEntry> {
  const { world, ledger } = client;
  const institutionId = reviewer.orgId!;
  const today = chinaToday();
  const startDate = kind === 'rolling' ? addDays(today, 21) : today;
  const category = CATEGORIES[crypto.randomInt(3)]!;
  const halfHours = crypto.randomInt(2, 17);
  const created = await reviewer.call<ClassAnswer>('POST /classes', '/classes', {
    body: {
      title: `${TITLES[crypto.randomInt(TITLES.length)]}（${kind === 'rolling' ? '滚动' : '当日'}班）`, category, hours: halfHours / 2,
      capacity: kind === 'rolling' ? 4 : 6, startDate, endDate: startDate, regionCode: crypto.randomInt(2) ? '440100' : '440000',
    },
  });
  const { classId } = created.body;
  ledger.acknowledge({ requestId: created.requestId, route: 'POST /classes', status: created.status, position: created.body.position, expected: classCreated(classId, institutionId) });
  const opened = await reviewer.call<ClassAnswer>('POST /classes/{id}/open', `/classes/${classId}/open`);
  ledger.acknowledge({ requestId: opened.requestId, route: 'POST /classes/{id}/open', status: opened.status, position: opened.body.position, expected: classOpened(classId) });
  const entry: ClassEntry = {
    classId, institutionId, kind, status: 'accepting', openPosition: opened.body.position, openedAt: client.clock.now(), enrolling: 0,
    category, halfHours, year: Number(startDate.slice(0, 4)), enrolments: [],
  };
  world.classes.set(classId, entry);
  world.classesPosition = later(world.classesPosition, opened.body.position);
  return entry;
}

/**
 * Closes `entry` once no enrolment request is in flight, then completes it with three attendees in four — even when
 * the run's time is up meanwhile: a closed class left uncompleted would leave the completion path untested.
 */
export async function closeAndComplete(client: Client, reviewer: Session, entry: ClassEntry): Promise<void> {
  const { world, ledger } = client;
  entry.status = 'closing';
  while (entry.enrolling > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  try {
    const closed = await reviewer.call<ClassAnswer>('POST /classes/{id}/close', `/classes/${entry.classId}/close`);
    ledger.acknowledge({ requestId: closed.requestId, route: 'POST /classes/{id}/close', status: closed.status, position: closed.body.position, expected: classClosed(entry.classId) });
    entry.status = 'closed';
    let approved = 0;
    // An enrolment whose last command failed may stand anywhere: nothing is expected of it.
    const enrollees = entry.enrolments
      .filter((e) => ['approved', 'pending', 'waitlisted'].includes(e.status))
      .map((e) => ({ entry: e, personId: e.personId, enrolmentId: e.enrolmentId, standing: standingOf(e, e.status === 'approved' ? approved++ : 0) }));
    const attendees = enrollees.filter((e) => e.standing === 'attended').map((e) => e.personId);
    const completed = await reviewer.call<ClassAnswer>('POST /classes/{id}/complete', `/classes/${entry.classId}/complete`, { body: { attendeePersonIds: attendees } });
    const { classId, year, category, halfHours } = entry;
    ledger.acknowledge({
      requestId: completed.requestId, route: 'POST /classes/{id}/complete', status: completed.status, position: completed.body.position,
      expected: classCompleted({ classId, year, category, halfHours, enrollees }),
    });
    entry.status = 'completed';
    for (const enrollee of enrollees) {
      enrollee.entry.status = enrollee.standing === 'attended' ? 'completed' : enrollee.standing === 'absent' ? 'missed' : 'lapsed';
      enrollee.entry.position = completed.body.position;
      if (enrollee.standing === 'attended') world.hoursChanged(enrollee.personId, completed.body.position);
    }
  } catch (error) {
    entry.status = 'uncertain';
    throw error;
  }
}

/** Every fourth approved enrollee misses the class. */
function standingOf(enrolment: ClassEntry['enrolments'][number], approvedBefore: number): StandingAtCompletion {
  if (enrolment.status === 'pending') return 'pending';
  if (enrolment.status === 'waitlisted') return 'waitlisted';
  return approvedBefore % 4 === 3 ? 'absent' : 'attended';
}
