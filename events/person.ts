/**
 * Person events (`person-<personId>`): the professional (专业技术人员) behind a `person` account and their basic
 * information (人员基本信息, manual 1.2). The ID number is stored whole (the owner and admin see it) and masked
 * everywhere else. Every profile change is one event naming the fields it changed. Pure.
 */

export const personStream = (personId: string) => `person-${personId}`;

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** 学历: the highest completed education. */
export const EDUCATION_LEVELS = ['doctorate', 'master', 'bachelor', 'associate', 'secondary', 'other'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** What a person may change about themselves (PUT /me/profile); the ID number is fixed at registration. */
export interface ProfileFields {
  name: string;
  gender?: Gender;
  /** YYYY-MM-DD; must agree with the birth date the ID number encodes. */
  birthDate?: string;
  education?: EducationLevel;
  /** 职称, e.g. 工程师, 高级会计师. */
  title?: string;
  /** 专业, e.g. 土木工程. */
  specialty?: string;
  phone?: string;
  email?: string;
}

export const PROFILE_FIELDS: ReadonlyArray<keyof ProfileFields> = ['name', 'gender', 'birthDate', 'education', 'title', 'specialty', 'phone', 'email'];

export interface PersonRegistered {
  type: 'PersonRegistered';
  data: { personId: string; accountId: string; name: string; idNumber: string; phone?: string; registeredAt: string };
}

export interface ProfileChanged {
  type: 'ProfileChanged';
  /** `changes` holds the new value of each field in `fields`; a cleared optional field is `null`. */
  data: { personId: string; fields: Array<keyof ProfileFields>; changes: Partial<Record<keyof ProfileFields, string | null>>; changedAt: string };
}

export type PersonEvent = PersonRegistered | ProfileChanged;

export interface PersonProfile extends ProfileFields {
  personId: string;
  idNumber: string;
}

export function evolvePerson(state: PersonProfile | null, event: PersonEvent): PersonProfile | null {
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, name, idNumber, phone } = event.data;
      return { personId, name, idNumber, ...(phone ? { phone } : {}) };
    }
    case 'ProfileChanged': {
      if (!state) return state;
      const next: Record<string, unknown> = { ...state };
      for (const field of event.data.fields) {
        const value = event.data.changes[field];
        if (value === null || value === undefined) delete next[field];
        else next[field] = value;
      }
      return next as unknown as PersonProfile;
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}
