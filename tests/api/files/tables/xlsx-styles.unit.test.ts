import { describe, expect, it } from 'vitest';
import { isDateFormat } from '../../../../api/files/tables/xlsx-styles.js';

describe('isDateFormat', () => {
  it('sees a date in the formats Chinese Excel, WPS and other locales write', () => {
    for (const code of ['yyyy"年"m"月"d"日";@', '[$-804]yyyy"年"m"月"', 'yyyy/m/d h:mm', 'd-mmm-yy', 'm"月"d"日"', '[$-404]e/m/d', 'ge.m.d', '[Red]yyyy-mm-dd', 'B2dd/mm/bbbb']) {
      expect(isDateFormat(code), code).toBe(true);
    }
  });

  it('sees none in numbers, text, times of day or durations, whatever letters their quoted text or colours hold', () => {
    for (const code of ['General', '0.00', '0.0"学时"', '0.00E+00', '#,##0.00_);[Red](#,##0.00)', '_ ￥* #,##0.00_ ;_ ￥* -#,##0.00_ ', '@', 'h:mm', '[h]:mm:ss', 'mm:ss', '"Day "0', '0\\d']) {
      expect(isDateFormat(code), code).toBe(false);
    }
  });
});
