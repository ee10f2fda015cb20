// Message maps: English covers every zh-CN key and placeholder; resolveLang and format behave as documented.
import { expect } from '@open-wc/testing';
import { en, format, resolveLang, zh } from '../../../components/i18n/messages.js';
import { describe, it } from '../mocha.js';

// Type-level: tsc rejects this file if a zh key is missing from en or en has a key zh lacks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const keysMatch: Same<keyof typeof zh, keyof typeof en> = true;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has an English text for every zh-CN key, and no extra ones', () => {
    expect(keysMatch).to.equal(true);
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(zh).sort());
    for (const value of Object.values(en)) expect(value.trim()).to.not.equal('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).to.deep.equal(placeholders(zh[key]));
    }
  });

  it('resolves anything English-like to en and everything else to zh-CN', () => {
    expect(['en', 'en-US', 'EN-gb', ' en'].map(resolveLang)).to.deep.equal(['en', 'en', 'en', 'en']);
    expect(['zh-CN', 'zh', 'fr', '', null, undefined].map(resolveLang)).to.deep.equal(Array(6).fill('zh-CN'));
  });

  it('formats by language and fills placeholders, leaving unknown ones visible', () => {
    expect(format('zh-CN', 'retry')).to.equal('重试');
    expect(format('en', 'requestFailed', { status: 503 })).to.equal('Request failed (503)');
    expect(format('zh-CN', 'requestFailed')).to.equal('请求失败（{status}）');
  });
});
