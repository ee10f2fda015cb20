/**
 * Whether a class had to hand a freed seat on, and to whom — folded from the class's own stream up to the release, the
 * way DOMAIN.md puts it: requests beyond capacity wait in line in order; a seat given back (not a place in line) goes
 * to the first in line, unless the class has completed. Written here from the events alone, independently of the
 * class's decider, so reconciliation can expect the grant and the promotion that follow an acknowledged release.
 */
import type { LoggedEvent } from './audit-log.js';

export interface Grant {
  personId: string;
  enrolmentId: string;
}

export function grantAfter(classEvents: LoggedEvent[], release: LoggedEvent): Grant | undefined {
  const line: Grant[] = [];
  let completed = false;
  for (const event of [...classEvents].sort((a, b) => a.revision - b.revision)) {
    if (event.revision >= release.revision) break;
    const data = (event.data ?? {}) as { personId?: string; enrolmentId?: string; seated?: boolean };
    switch (event.type) {
      case 'SeatRequested':
        if (!data.seated) line.push({ personId: data.personId!, enrolmentId: data.enrolmentId! });
        break;
      case 'SeatGranted':
      case 'SeatReleased': {
        const at = line.findIndex((waiting) => waiting.personId === data.personId);
        if (at >= 0) line.splice(at, 1);
        break;
      }
      case 'ClassCompleted':
        completed = true;
        break;
      default:
        break;
    }
  }
  const released = release.data as { personId: string; from: string };
  if (released.from === 'waitlist' || completed) return undefined;
  return line.find((waiting) => waiting.personId !== released.personId);
}
