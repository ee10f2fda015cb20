// GB 32100 check character and the other client-side field rules the forms mirror from the server.
import { expect } from '@open-wc/testing';
import { isValidUscc, normalizeUscc, usccCheckChar } from '../../../components/validation/uscc.js';
import { passwordProblem, phoneProblem, regionCodeProblem, usccProblem, usernameProblem } from '../../../components/validation/account.js';
import { describe, it } from '../mocha.js';

describe('uscc (GB 32100)', () => {
  it('accepts codes whose last character is the mod-31 check', () => {
    for (const code of ['91350100M000100Y43', '914403001922038216', '91440101MA59ABCD0A']) {
      expect(isValidUscc(code), code).to.equal(true);
    }
  });

  it('rejects a wrong check character, a wrong length and letters outside the alphabet', () => {
    expect(isValidUscc('91350100M000100Y44')).to.equal(false);
    expect(isValidUscc('91350100M000100Y4')).to.equal(false);
    expect(usccCheckChar('91350100M000100YI')).to.equal(undefined);
    expect(usccCheckChar('123')).to.equal(undefined);
  });

  it('normalizes case and spaces before checking', () => {
    expect(normalizeUscc(' 91440101ma59abcd0a ')).to.equal('91440101MA59ABCD0A');
    expect(usccProblem(' 91440101ma59abcd0a ')).to.equal(undefined);
    expect(usccProblem('9144')).to.equal('usccLength');
    expect(usccProblem('91440101MA59ABCD0B')).to.equal('usccChecksum');
  });
});

describe('account field rules', () => {
  it('checks usernames, passwords, region codes and phones', () => {
    expect(usernameProblem('ab')).to.equal('invalidUsername');
    expect(usernameProblem('reviewer_01')).to.equal(undefined);
    expect(passwordProblem('abc123')).to.equal('passwordTooShort');
    expect(passwordProblem('abcdefgh')).to.equal('passwordLettersDigits');
    expect(passwordProblem('reviewer01', { username: 'Reviewer01' })).to.equal('passwordIsUsername');
    expect(passwordProblem('Pass12345', { current: 'Pass12345' })).to.equal('passwordSameAsCurrent');
    expect(passwordProblem('Pass12345', { username: 'x', current: 'Old12345' })).to.equal(undefined);
    expect(regionCodeProblem('44010')).to.equal('invalidRegionCode');
    expect(regionCodeProblem('440100')).to.equal(undefined);
    expect(phoneProblem('020-12345678')).to.equal(undefined);
    expect(phoneProblem('13800138000')).to.equal(undefined);
    expect(phoneProblem('call me')).to.equal('invalidPhone');
  });
});
