/**
 * Input validation, set once on the server: every route's joi `validate` (params, query, payload) runs with
 * these options, and every failure becomes a 400 whose `details` name each rejected field in the caller's
 * language. joi renders the zh-CN texts itself: the language is a reference to `request.app.lang`, which
 * hapi passes to joi as validation context.
 */
import type { Request, ResponseToolkit, RouteOptionsValidate } from '@hapi/hapi';
import Boom from '@hapi/boom';
import type { ValidationErrorItem } from 'joi';
import type { Localized } from '../events/vocabulary/index.js';
import { type FieldError, ValidationError } from './errors.js';
import { FIELD_LABELS } from './field-labels.js';
import { type Lang, langOf } from './i18n.js';
import { Joi, TEXT_MESSAGES } from './joi.js';

/** joi's English defaults stay for `en`; these cover the rules our schemas use. `{{#label}}` is the field path. */
const ZH_CN: Record<string, string> = {
  'any.required': '{{#label}}为必填项',
  'any.only': '{{#label}}必须是以下值之一：{{#valids}}',
  'any.invalid': '{{#label}}的值不被允许',
  'any.unknown': '不允许提供{{#label}}',
  'alternatives.any': '{{#label}}的格式不正确',
  'alternatives.match': '{{#label}}的格式不正确',
  'alternatives.types': '{{#label}}的类型不正确',
  'array.base': '{{#label}}必须是数组',
  'array.min': '{{#label}}至少需要{{#limit}}项',
  'array.max': '{{#label}}最多只能有{{#limit}}项',
  'array.length': '{{#label}}必须正好有{{#limit}}项',
  'array.unique': '{{#label}}包含重复项',
  'array.includes': '{{#label}}包含不允许的项',
  'array.sparse': '{{#label}}不能包含空项',
  'boolean.base': '{{#label}}必须是布尔值（true 或 false）',
  'date.base': '{{#label}}必须是有效的日期',
  'date.format': '{{#label}}的日期格式不正确',
  'date.min': '{{#label}}不能早于{{:#limit}}',
  'date.max': '{{#label}}不能晚于{{:#limit}}',
  'date.greater': '{{#label}}必须晚于{{:#limit}}',
  'date.less': '{{#label}}必须早于{{:#limit}}',
  'number.base': '{{#label}}必须是数字',
  'number.infinity': '{{#label}}不能是无穷大',
  'number.integer': '{{#label}}必须是整数',
  'number.min': '{{#label}}不能小于{{#limit}}',
  'number.max': '{{#label}}不能大于{{#limit}}',
  'number.greater': '{{#label}}必须大于{{#limit}}',
  'number.less': '{{#label}}必须小于{{#limit}}',
  'number.multiple': '{{#label}}必须是{{#multiple}}的倍数',
  'number.positive': '{{#label}}必须是正数',
  'number.negative': '{{#label}}必须是负数',
  'number.precision': '{{#label}}最多保留{{#limit}}位小数',
  'number.unsafe': '{{#label}}超出了可安全表示的数字范围',
  'object.base': '{{#label}}必须是对象',
  'object.unknown': '不允许提供字段{{#label}}',
  'object.missing': '{{#label}}至少需要提供以下字段之一：{{#peersWithLabels}}',
  'object.with': '提供{{#mainWithLabel}}时必须同时提供{{#peerWithLabel}}',
  'object.without': '提供{{#mainWithLabel}}时不能同时提供{{#peerWithLabel}}',
  'object.xor': '{{#label}}中以下字段只能提供一个：{{#peersWithLabels}}',
  'object.oxor': '{{#label}}中以下字段最多只能提供一个：{{#peersWithLabels}}',
  'object.and': '{{#label}}中以下字段必须同时提供：{{#presentWithLabels}}、{{#missingWithLabels}}',
  'object.nand': '{{#mainWithLabel}}不能与{{#peersWithLabels}}同时提供',
  'object.min': '{{#label}}至少需要{{#limit}}个字段',
  'object.max': '{{#label}}最多只能有{{#limit}}个字段',
  'string.base': '{{#label}}必须是字符串',
  'string.empty': '{{#label}}不能为空',
  'string.min': '{{#label}}长度不能少于{{#limit}}个字符',
  'string.max': '{{#label}}长度不能超过{{#limit}}个字符',
  'string.length': '{{#label}}长度必须为{{#limit}}个字符',
  'string.pattern.base': '{{#label}}的格式不正确',
  'string.pattern.name': '{{#label}}不是有效的{{#name}}',
  'string.pattern.invert.base': '{{#label}}的格式不正确',
  'string.email': '{{#label}}必须是有效的电子邮箱地址',
  'string.guid': '{{#label}}必须是有效的 UUID',
  'string.isoDate': '{{#label}}必须是 ISO 8601 格式的时间',
  'string.isoDuration': '{{#label}}必须是 ISO 8601 格式的时长',
  'string.alphanum': '{{#label}}只能包含字母和数字',
  'string.token': '{{#label}}只能包含字母、数字和下划线',
  'string.uri': '{{#label}}必须是有效的网址',
  'string.hex': '{{#label}}只能包含十六进制字符',
  'string.trim': '{{#label}}首尾不能有空格',
};

export const validateOptions = {
  // Report every bad field at once, so a form can mark them all.
  abortEarly: false,
  // Labels unwrapped: the fail action replaces each with the field's label in the reader's language.
  errors: { language: Joi.ref('$app.request.lang'), wrap: { label: false as const } },
  messages: { 'zh-CN': { ...ZH_CN, ...TEXT_MESSAGES['zh-CN'] } },
};

export function validationFailAction(request: Request, _h: ResponseToolkit, error?: Error): never {
  throw toValidationError(request, error);
}

function toValidationError(request: Request, error: Error | undefined): ValidationError {
  // hapi boomifies joi's error in place and records which part of the request failed.
  const source = Boom.isBoom(error) ? readSource(error.output.payload.validation) : undefined;
  const lang = langOf(request);
  const labels = { ...FIELD_LABELS, ...request.route.settings.plugins?.jxjy?.labels };
  const details: FieldError[] =
    error instanceof Joi.ValidationError
      ? error.details.map((item) => ({ field: item.path.join('.') || (source ?? ''), message: labelled(item, labels, lang) }))
      : [];
  const separator = lang === 'en' ? '; ' : '；';
  return new ValidationError(details.length ? details.map((d) => d.message).join(separator) : undefined, { details });
}

/** joi wrote the bare label (the key path); the reader sees 「新密码」 or "New password", or the quoted key if unlabelled. */
function labelled(item: ValidationErrorItem, labels: Readonly<Record<string, Localized>>, lang: Lang): string {
  const raw = typeof item.context?.label === 'string' ? item.context.label : item.path.join('.');
  const key = String(item.context?.key ?? item.path.at(-1) ?? raw);
  const label = Object.hasOwn(labels, key) ? labels[key] : undefined;
  const shown = label ? (lang === 'en' ? label.en : `「${label.zh}」`) : `"${raw}"`;
  return raw && item.message.includes(raw) ? item.message.replace(raw, shown) : item.message;
}

const readSource = (validation: unknown): string | undefined =>
  typeof validation === 'object' && validation !== null && 'source' in validation && typeof validation.source === 'string'
    ? validation.source
    : undefined;

export const routeValidation: RouteOptionsValidate = {
  options: validateOptions,
  failAction: validationFailAction,
};
