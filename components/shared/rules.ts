// Field checks for the forms, in the reader's language. The rules themselves are the shared vocabulary's
// (events/vocabulary: the same functions the API and the workflows run), so the browser refuses exactly what the
// server refuses; this module only maps each problem code to its message. An empty value is no problem here:
// "required" is the form controller's business.
import {
  idNumberProblem,
  isProvinceRegionCode,
  isValidPhone,
  isValidRegionCode,
  nameProblem,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  REGION_OUTSIDE_PROVINCE,
  textProblem,
  USERNAME_MAX,
  USERNAME_MIN,
  usernameProblem,
  usccProblem,
  type IdNumberProblem,
  type PasswordProblem,
} from '../../events/vocabulary/index.js';
import { translate, type Lang, type Params } from '../i18n/messages.js';
import { ruleMessages, type RuleKey } from './rules.messages.js';

const PASSWORD: Record<PasswordProblem, RuleKey> = {
  short: 'passwordShort',
  long: 'passwordLong',
  letters_and_digits: 'passwordLettersDigits',
  same_as_username: 'passwordSameAsUsername',
  same_as_current: 'passwordSameAsCurrent',
  common: 'passwordCommon',
};

const ID_NUMBER: Record<IdNumberProblem, RuleKey> = {
  format: 'idNumberFormat',
  birthDate: 'idNumberBirthDate',
  checksum: 'idNumberChecksum',
};

type Problem = string | undefined;

/** Length limits of a name-like field (the vocabulary's PERSON_NAME, ORG_NAME). */
export interface Limits {
  readonly min: number;
  readonly max: number;
}

export interface FieldRules {
  /** A hint to show under a field, e.g. `rules.hint('passwordRules')`. */
  hint(key: 'usernameRules' | 'passwordRules'): string;
  username(value: string): Problem;
  password(value: string, context?: { username?: string | undefined; current?: string | undefined }): Problem;
  /** The repeated password. */
  confirm(value: string, password: string): Problem;
  idNumber(value: string): Problem;
  phone(value: string, label: string): Problem;
  uscc(value: string): Problem;
  /** Any well-formed code (a search may name any region). */
  regionCode(value: string): Problem;
  /** A region jxjy serves (an organisation's, a class's): a Guangdong code, refused in the server's own words otherwise. */
  provinceRegionCode(value: string): Problem;
  /** Names others read (people, organisations): length after trimming, no control or invisible characters. */
  name(value: string, label: string, limits: Limits): Problem;
  /** Other free text (a reason): no control characters. */
  text(value: string, label: string): Problem;
}

export function fieldRules(lang: Lang): FieldRules {
  const t = (key: RuleKey, params?: Params) => translate(ruleMessages, lang, key, params);
  const limits = { username: { min: USERNAME_MIN, max: USERNAME_MAX }, password: { min: PASSWORD_MIN, max: PASSWORD_MAX } };
  return {
    hint: (key) => t(key, key === 'usernameRules' ? limits.username : limits.password),
    username(value) {
      const problem = value ? usernameProblem(value) : null;
      if (!problem) return undefined;
      return problem === 'length' ? t('usernameLength', limits.username) : t('usernameCharacters');
    },
    password(value, context = {}) {
      const problem = value ? passwordProblem(value, context) : null;
      return problem ? t(PASSWORD[problem], limits.password) : undefined;
    },
    confirm: (value, password) => (value && value !== password ? t('passwordMismatch') : undefined),
    idNumber(value) {
      const problem = value ? idNumberProblem(value) : null;
      return problem ? t(ID_NUMBER[problem]) : undefined;
    },
    phone: (value, label) => (value && !isValidPhone(value) ? t('phoneInvalid', { label }) : undefined),
    uscc(value) {
      const problem = value ? usccProblem(value) : null;
      if (!problem) return undefined;
      return t(problem === 'length' ? 'usccLength' : 'usccChecksum');
    },
    regionCode: (value) => (value && !isValidRegionCode(value) ? t('regionCodeInvalid') : undefined),
    provinceRegionCode(value) {
      if (!value) return undefined;
      if (!isValidRegionCode(value)) return t('regionCodeInvalid');
      return isProvinceRegionCode(value) ? undefined : REGION_OUTSIDE_PROVINCE[lang === 'en' ? 'en' : 'zh'];
    },
    name(value, label, { min, max }) {
      if (!value) return undefined;
      if (nameProblem(value)) return t('nameCharacters', { label });
      // UTF-16 length, as the server's joi min/max count it.
      const length = value.trim().length;
      return length < min || length > max ? t('nameLength', { label, min, max }) : undefined;
    },
    text: (value, label) => (value && textProblem(value) ? t('textCharacters', { label }) : undefined),
  };
}
