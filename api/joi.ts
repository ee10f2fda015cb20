/**
 * The API's joi: joi itself, with every string refusing hostile text (events/vocabulary/text.ts) — NUL and other
 * control characters anywhere, and `.name()` for names people read, which also refuses bidirectional overrides and
 * invisible characters. Routes import Joi from here, so no string field can forget the rule.
 */
import BaseJoi, { type CustomHelpers, type StringSchema } from 'joi';
import { nameProblem, textProblem } from '../events/vocabulary/index.js';

declare module 'joi' {
  interface StringSchema {
    /** A name people read (a person, an organisation, a class): no bidi overrides, no invisible characters. */
    name(): this;
  }
}

const PROBLEM_CODES = { control: 'string.control', encoding: 'string.encoding', invisible: 'string.invisible' } as const;

export const TEXT_MESSAGES = {
  en: {
    'string.control': '{{#label}} must not contain control characters',
    'string.encoding': '{{#label}} contains broken characters',
    'string.invisible': '{{#label}} must not contain invisible or text-direction characters',
  },
  'zh-CN': {
    'string.control': '{{#label}}不能包含控制字符',
    'string.encoding': '{{#label}}包含无法识别的字符',
    'string.invisible': '{{#label}}不能包含不可见字符或文字方向控制符',
  },
};

export const Joi: typeof BaseJoi = BaseJoi.extend((joi) => ({
  type: 'string',
  base: joi.string(),
  messages: TEXT_MESSAGES.en,
  validate(value: unknown, helpers: CustomHelpers) {
    const problem = typeof value === 'string' ? textProblem(value) : null;
    return problem ? { value, errors: [helpers.error(PROBLEM_CODES[problem])] } : { value };
  },
  rules: {
    name: {
      method(this: StringSchema) {
        // The meta tells the OpenAPI document (api/openapi.ts) to describe the stricter character set.
        return this.$_addRule({ name: 'name' }).meta({ 'x-jxjy-text': 'name' });
      },
      validate(value: string, helpers: CustomHelpers) {
        const problem = nameProblem(value);
        return problem ? helpers.error(PROBLEM_CODES[problem]) : value;
      },
    },
  },
}));

export default Joi;
