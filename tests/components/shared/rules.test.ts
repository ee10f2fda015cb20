// Field rules as the forms show them: each problem the shared vocabulary (events/vocabulary) finds maps to its
// message, in zh-CN and en, and the checks are the server's (common passwords, ID birth dates, the phone pattern, the
// Guangdong region rule in the server's own words).
import { expect } from '@open-wc/testing';
import { COMMON_PASSWORDS, PERSON_NAME, ORG_NAME, REGION_OUTSIDE_PROVINCE } from '../../../events/vocabulary/index.js';
import { fieldRules } from '../../../components/shared/rules.js';
import { describe, it } from '../mocha.js';

const zh = fieldRules('zh-CN');
const en = fieldRules('en');

describe('field rules', () => {
  it('treats an empty value as no problem: "required" is the form’s', () => {
    expect([zh.username(''), zh.password(''), zh.idNumber(''), zh.phone('', '电话'), zh.name('', '姓名', PERSON_NAME)]).to.deep.equal(
      Array(5).fill(undefined),
    );
  });

  it('maps every password problem, the common list and "not the username" included', () => {
    expect(zh.password('abc123')).to.equal('密码至少 8 位');
    expect(zh.password('abcdefgh')).to.equal('密码须同时包含字母和数字');
    expect(zh.password('zhang2024', { username: 'Zhang2024' })).to.equal('密码不能与用户名相同');
    expect(zh.password('Same12345', { current: 'Same12345' })).to.equal('新密码不能与当前密码相同');
    expect(zh.password('Password1')).to.equal('该密码过于常见，请换一个');
    expect(zh.password(`a1${'x'.repeat(127)}`)).to.equal('密码不能超过 128 位');
    expect(zh.password('Wq7-lantern-42', { username: 'zhang2024', current: 'Old12345' })).to.equal(undefined);
    expect(en.password('woaini1314')).to.equal('This password is too common; choose another');
    for (const common of COMMON_PASSWORDS) {
      if (/[a-z]/i.test(common) && /\d/.test(common) && common.length >= 8) expect(zh.password(common), common).to.not.equal(undefined);
    }
  });

  it('checks 身份证号 format, birth date and check character (GB 11643)', () => {
    expect(zh.idNumber('11010519491231002X')).to.equal(undefined);
    expect(zh.idNumber('11010519491231002x')).to.equal(undefined);
    expect(zh.idNumber('110105194912310021')).to.equal('身份证号校验位不正确，请核对');
    expect(zh.idNumber('110105194902300021')).to.equal('身份证号中的出生日期无效，请核对');
    expect(zh.idNumber('1101051949123100')).to.equal('身份证号应为 18 位：前 17 位为数字，末位为数字或 X');
    expect(en.idNumber('110105194912310021')).to.equal('The ID number’s check character is wrong; please check it');
  });

  it('checks names: 2–50 (people) or 2–100 (organisations) characters, no control, invisible or bidi characters', () => {
    expect(zh.name('张', '姓名', PERSON_NAME)).to.equal('姓名应为 2–50 个字符');
    expect(zh.name('张三', '姓名', PERSON_NAME)).to.equal(undefined);
    expect(zh.name('张'.repeat(51), '姓名', PERSON_NAME)).to.equal('姓名应为 2–50 个字符');
    expect(zh.name('广'.repeat(100), '单位名称', ORG_NAME)).to.equal(undefined);
    expect(zh.name('张\u0000三', '姓名', PERSON_NAME)).to.equal('姓名不能包含控制字符、不可见字符或文字方向控制符');
    expect(zh.name('张\u202E三', '姓名', PERSON_NAME)).to.contain('文字方向控制符');
    expect(zh.name('张\u200B三', '姓名', PERSON_NAME)).to.contain('不可见字符');
    expect(en.name('Li', 'Full name', PERSON_NAME)).to.equal(undefined);
    expect(en.name('L', 'Full name', PERSON_NAME)).to.equal('Full name must be 2–50 characters');
    expect(zh.text('理由\u0007', '理由')).to.equal('理由不能包含控制字符');
    expect(zh.text('材料不全\n请补充', '理由')).to.equal(undefined);
  });

  it('checks usernames, phones, USCC, region codes and the repeated password', () => {
    expect(zh.username('ab')).to.equal('用户名应为 4–32 位');
    expect(zh.username('bad name')).to.equal('用户名只能包含字母、数字及 _ . -');
    expect(zh.username('reviewer_01')).to.equal(undefined);
    expect(zh.phone('13800138000', '手机号码')).to.equal(undefined);
    expect(zh.phone('020-12345678', '联系电话')).to.equal(undefined);
    // The server's pattern: a "+86" or a space is not accepted there, so not here either.
    expect(zh.phone('+86 138 0013 8000', '手机号码')).to.equal('手机号码应为 11 位手机号或固定电话（如 020-12345678）');
    expect(zh.uscc(' 91440101ma59abcd0a ')).to.equal(undefined);
    expect(zh.uscc('9144')).to.equal('统一社会信用代码应为 18 位');
    expect(zh.uscc('91440101MA59ABCD0B')).to.equal('统一社会信用代码校验位不正确，请核对');
    expect(zh.regionCode('44010')).to.equal('行政区划代码应为 6 位数字');
    expect(zh.regionCode('440100')).to.equal(undefined);
    // A search may name any region; only the regions jxjy serves must be Guangdong's.
    expect(zh.regionCode('450100')).to.equal(undefined);
    expect(zh.confirm('Abc12345', 'Abc12346')).to.equal('两次输入的密码不一致');
    expect(en.confirm('Abc12345', 'Abc12345')).to.equal(undefined);
    expect(en.hint('usernameRules')).to.equal('4–32 letters, digits or _ . -');
  });

  it('takes only Guangdong region codes where jxjy serves one, refusing others in the words the server answers 422 with', () => {
    expect(['', '440000', '440100', '440106'].map((code) => zh.provinceRegionCode(code))).to.deep.equal(Array(4).fill(undefined));
    // A malformed code is a format problem first, as for any region code.
    expect(zh.provinceRegionCode('4401')).to.equal('行政区划代码应为 6 位数字');
    expect(en.provinceRegionCode('45010x')).to.equal('The region code must be 6 digits');
    expect(zh.provinceRegionCode('450100')).to.equal(REGION_OUTSIDE_PROVINCE.zh);
    expect(en.provinceRegionCode('110000')).to.equal(REGION_OUTSIDE_PROVINCE.en);
    // The exact sentences of the server's 422 (api/orgs/region.ts uses the same constant; tests/api/classes check it).
    expect(REGION_OUTSIDE_PROVINCE.zh).to.equal('「行政区划代码」必须是广东省内的代码（以 44 开头，如 440100 广州市、440000 全省）');
    expect(REGION_OUTSIDE_PROVINCE.en).to.equal('Region code must be a Guangdong code (starting with 44, e.g. 440100 Guangzhou or 440000 the whole province)');
  });
});
