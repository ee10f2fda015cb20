/**
 * DOMAIN.md's identifier rules as joi schemas whose messages name the field: 统一社会信用代码 (GB 32100), 身份证号
 * (GB 11643), 行政区划代码, usernames, phones, passwords and names. The rules themselves are the shared vocabulary
 * (events/vocabulary), the same functions the browser runs, so a form and the server never disagree.
 */
import {
  ORG_NAME,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PERSON_NAME,
  PHONE_PATTERN,
  TEXT_FORBIDDEN,
  USERNAME_MAX,
  USERNAME_MIN,
  USERNAME_PATTERN,
  idNumberProblem,
  isValidUscc,
  passwordProblem,
} from '../events/vocabulary/index.js';
import { Joi } from './joi.js';

export { maskIdNumber } from '../events/vocabulary/index.js';

/** joi picks the template by the request's language (validation.ts sets `errors.language`). */
function bilingual(messages: Record<string, [zh: string, en: string]>) {
  const zh: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const [code, [zhText, enText]] of Object.entries(messages)) {
    zh[code] = zhText;
    en[code] = enText;
  }
  return { en, 'zh-CN': zh };
}

export const uscc = () =>
  Joi.string()
    .trim()
    .uppercase()
    .meta({ 'x-jxjy-schema': { pattern: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$', description: 'GB 32100: 18 characters, the last a check character' } })
    .custom((value: string, helpers) => (isValidUscc(value) ? value : helpers.error('uscc.invalid')))
    .messages(bilingual({ 'uscc.invalid': ['{{#label}}不是有效的统一社会信用代码（18位，校验位须符合 GB 32100）', '{{#label}} must be an 18-character unified social credit code with a valid check character (GB 32100)'] }));

export const idNumber = () =>
  Joi.string()
    .trim()
    .uppercase()
    .meta({ 'x-jxjy-schema': { pattern: '^[0-9]{17}[0-9Xx]$', description: 'GB 11643: 17 digits and a check character' } })
    .custom((value: string, helpers) => {
      const problem = idNumberProblem(value);
      return problem ? helpers.error(`idNumber.${problem}`) : value;
    })
    .messages(
      bilingual({
        'idNumber.format': ['{{#label}}必须是18位（前17位为数字，最后一位为数字或 X）', '{{#label}} must be 18 characters: 17 digits and a digit or X'],
        'idNumber.birthDate': ['{{#label}}中的出生日期不是有效日期', '{{#label}} does not contain a valid birth date'],
        'idNumber.checksum': ['{{#label}}的校验位不正确（GB 11643），请核对', '{{#label}} has a wrong check character (GB 11643); check it'],
      }),
    );

export const regionCode = () =>
  Joi.string()
    .pattern(/^\d{6}$/)
    .messages(bilingual({ 'string.pattern.base': ['{{#label}}必须是6位行政区划代码（如 440100）', '{{#label}} must be a 6-digit administrative division code (GB/T 2260), e.g. 440100'] }));

/** A Guangdong region code (44xxxx): where organisations register and classes are held (422 otherwise, naming the field). */
export const provinceRegionCode = () => regionCode().meta({ 'x-jxjy-schema': { pattern: '^44[0-9]{4}$' } });

export const username = () =>
  Joi.string()
    .min(USERNAME_MIN)
    .max(USERNAME_MAX)
    .pattern(USERNAME_PATTERN)
    .messages(bilingual({ 'string.pattern.base': ['{{#label}}只能包含字母、数字及"_"、"."、"-"', '{{#label}} may contain only letters, digits, "_", "." and "-"'] }));

export const phone = () =>
  Joi.string()
    .trim()
    .pattern(PHONE_PATTERN)
    .messages(bilingual({ 'string.pattern.base': ['{{#label}}必须是11位手机号或固定电话（如 020-12345678）', '{{#label}} must be a mobile number (11 digits) or a landline such as 020-12345678'] }));

/** A person's name: 2–50 characters, no invisible or direction characters. */
export const personName = () => Joi.string().trim().min(PERSON_NAME.min).max(PERSON_NAME.max).name();

/** An organisation's name: 2–100 characters, no invisible or direction characters. */
export const orgName = () => Joi.string().trim().min(ORG_NAME.min).max(ORG_NAME.max).name();

/** Checks a password against the policy; `usernameRef` is the sibling field holding the username. */
export const password = (usernameRef?: string) =>
  Joi.string()
    .max(PASSWORD_MAX)
    .meta({ 'x-jxjy-schema': { minLength: PASSWORD_MIN, pattern: `^(?=[\\s\\S]*[A-Za-z])(?=[\\s\\S]*[0-9])[^${TEXT_FORBIDDEN}]*$` } })
    .custom((value: string, helpers) => {
      const user = usernameRef ? (helpers.state.ancestors[0] as Record<string, unknown>)[usernameRef] : undefined;
      const problem = passwordProblem(value, { username: typeof user === 'string' ? user : undefined });
      return problem ? helpers.error(`password.${problem}`) : value;
    })
    .messages(
      bilingual({
        'password.short': ['{{#label}}至少需要8个字符', '{{#label}} must be at least 8 characters'],
        'password.long': ['{{#label}}不能超过128个字符', '{{#label}} must be at most 128 characters'],
        'password.letters_and_digits': ['{{#label}}必须同时包含字母和数字', '{{#label}} must contain both letters and digits'],
        'password.same_as_username': ['{{#label}}不能与用户名相同', '{{#label}} must not be the same as the username'],
        'password.same_as_current': ['{{#label}}不能与当前密码相同', '{{#label}} must differ from the current password'],
        'password.common': ['{{#label}}过于常见，请换一个', '{{#label}} is too common; choose another'],
      }),
    );
