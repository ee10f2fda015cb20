/** A calendar date on the wire: `YYYY-MM-DD`, and a real one (no 2026-02-30). */
import { Joi } from './joi.js';

export const isoDate = () =>
  Joi.string()
    .pattern(/^\d{4}-\d{2}-\d{2}$/)
    .meta({ 'x-jxjy-schema': { format: 'date' } })
    .custom((value: string, helpers) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : helpers.error('date.format');
    })
    .messages({ 'string.pattern.base': '{{#label}} must be a date written YYYY-MM-DD', 'date.format': '{{#label}} must be a real date (YYYY-MM-DD)' });
