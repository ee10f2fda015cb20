// Message catalogs: the core words and every component's own catalog have an English text for every zh-CN key
// with the same placeholders; resolveLang, format and mergeCatalogs behave as documented.
import { expect } from '@open-wc/testing';
import { coreMessages, format, mergeCatalogs, resolveLang, type Catalog } from '../../../components/i18n/messages.js';
import { captchaMessages } from '../../../components/shared/captcha.messages.js';
import { ruleMessages } from '../../../components/shared/rules.messages.js';
import { loginMessages } from '../../../components/login/login.messages.js';
import { changePasswordMessages } from '../../../components/change-password/change-password.messages.js';
import { orgRegisterMessages } from '../../../components/org-register/org-register.messages.js';
import { registerMessages } from '../../../components/register/register.messages.js';
import { taskInboxMessages } from '../../../components/task-inbox/task-inbox.messages.js';
import { portalText } from '../../../components/portal/portal.messages.js';
import { classMessages } from '../../../components/shared/class.messages.js';
import { classCatalogMessages } from '../../../components/class-catalog/class-catalog.messages.js';
import { enrolmentsMessages } from '../../../components/enrolments/enrolments.messages.js';
import { classManageMessages } from '../../../components/class-manage/class-manage.messages.js';
import { describe, it } from '../mocha.js';

const catalogs: Record<string, Catalog<string>> = {
  core: coreMessages,
  captcha: captchaMessages,
  rules: ruleMessages,
  login: loginMessages,
  'change-password': changePasswordMessages,
  'org-register': orgRegisterMessages,
  register: registerMessages,
  'task-inbox': taskInboxMessages,
  class: classMessages,
  'class-catalog': classCatalogMessages,
  enrolments: enrolmentsMessages,
  'class-manage': classManageMessages,
  portal: portalText,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  for (const [name, catalog] of Object.entries(catalogs)) {
    it(`${name}: English covers every zh-CN key with the same placeholders, and no text is empty`, () => {
      const zh = catalog['zh-CN'];
      const en = catalog.en;
      expect(Object.keys(en).sort(), name).to.deep.equal(Object.keys(zh).sort());
      for (const key of Object.keys(zh)) {
        expect(zh[key]!.trim(), `${name}.${key} (zh)`).to.not.equal('');
        expect(en[key]!.trim(), `${name}.${key} (en)`).to.not.equal('');
        expect(placeholders(en[key]!), `${name}.${key}`).to.deep.equal(placeholders(zh[key]!));
      }
    });
  }

  it('keeps component texts out of the core: no component catalog repeats a core key', () => {
    const core = new Set(Object.keys(coreMessages['zh-CN']));
    for (const [name, catalog] of Object.entries(catalogs)) {
      if (name === 'core' || name === 'portal') continue;
      expect(Object.keys(catalog['zh-CN']).filter((k) => core.has(k)), name).to.deep.equal([]);
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

  it('merges catalogs per language', () => {
    const merged = mergeCatalogs(captchaMessages, loginMessages);
    expect(merged['zh-CN'].captchaRefresh).to.equal('换一张');
    expect(merged.en.login).to.equal('Sign in');
  });
});
