/**
 * Person events (`person-<personId>`): the professional (专业技术人员) behind a `person` account. Pure.
 * The ID number is stored whole (the owner and admin see it) and masked everywhere else.
 */

export const personStream = (personId: string) => `person-${personId}`;

export interface PersonRegistered {
  type: 'PersonRegistered';
  data: { personId: string; accountId: string; name: string; idNumber: string; phone?: string; registeredAt: string };
}

export type PersonEvent = PersonRegistered;

export interface PersonProfile {
  personId: string;
  name: string;
  idNumber: string;
  phone?: string;
}

export function evolvePerson(state: PersonProfile | null, event: PersonEvent): PersonProfile | null {
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, name, idNumber, phone } = event.data;
      return { personId, name, idNumber, ...(phone ? { phone } : {}) };
    }
    default: {
      const never: never = event.type;
      return never;
    }
  }
}
