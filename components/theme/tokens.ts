// Shared look for every jxjy-* screen: public --jxjy-* theme tokens with defaults close to Element Plus
// metrics (what most portals use), plus base styles for the native controls screens are built from.
import { css } from 'lit';

/**
 * Defaults live in private `--_jxjy-*` aliases, not in `--jxjy-*` itself: declaring `--jxjy-color-primary`
 * on :host would shadow a value the portal set on an ancestor (`jxjy-config`, `body`), since custom properties
 * inherit. Reading through `var(--jxjy-x, default)` lets ancestors and the host element both win.
 */
export const tokens = css`
  :host {
    --_jxjy-font-family: var(
      --jxjy-font-family,
      'Helvetica Neue', Helvetica, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', '微软雅黑', Arial, sans-serif
    );
    --_jxjy-font-size: var(--jxjy-font-size, 14px);
    /* #0958d9 on white is 6.16:1 (WCAG AA); Element's #409eff is 2.78:1 and fails axe. */
    --_jxjy-primary: var(--jxjy-color-primary, #0958d9);
    --_jxjy-on-primary: var(--jxjy-color-on-primary, #ffffff);
    --_jxjy-danger: var(--jxjy-color-danger, #c8161e);
    --_jxjy-success: var(--jxjy-color-success, #2b7a0b);
    --_jxjy-text: var(--jxjy-text-color, #303133);
    --_jxjy-text-secondary: var(--jxjy-text-color-secondary, #606266);
    --_jxjy-border: var(--jxjy-border-color, #dcdfe6);
    --_jxjy-row-border: var(--jxjy-row-border-color, #ebeef5);
    --_jxjy-table-header-bg: var(--jxjy-table-header-bg, #f5f7fa);
    --_jxjy-bg: var(--jxjy-bg-color, #ffffff);
    --_jxjy-radius: var(--jxjy-radius, 4px);
    --_jxjy-focus: var(--jxjy-focus-color, var(--_jxjy-primary));

    /* Inherited properties leak in from the portal; pin them so every screen looks the same everywhere. */
    display: block;
    font-family: var(--_jxjy-font-family);
    font-size: var(--_jxjy-font-size);
    line-height: 1.5;
    color: var(--_jxjy-text);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 2px solid var(--_jxjy-focus);
    outline-offset: 2px;
  }
`;

/** Native buttons, inputs, labels, tables and status lines as every screen uses them. */
export const controls = css`
  button {
    font: inherit;
    min-height: 32px;
    padding: 0 15px;
    border: 1px solid var(--_jxjy-border);
    border-radius: var(--_jxjy-radius);
    background: var(--_jxjy-bg);
    color: var(--_jxjy-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_jxjy-primary);
    border-color: var(--_jxjy-primary);
    color: var(--_jxjy-on-primary);
  }
  button.danger {
    color: var(--_jxjy-danger);
    border-color: currentColor;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* A busy button is still on screen to be read ("提交中…", and aria-busy says it to screen readers), so it keeps its
     full contrast (axe checks it, unlike a disabled one); the pointer and a small spinner show that it is working. */
  button[aria-busy='true'] {
    cursor: progress;
  }
  button[aria-busy='true']::before {
    content: '';
    display: inline-block;
    box-sizing: border-box;
    width: 0.875em;
    height: 0.875em;
    margin-inline-end: 6px;
    vertical-align: -0.125em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: jxjy-busy-spin 0.8s linear infinite;
  }
  @keyframes jxjy-busy-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    button[aria-busy='true']::before {
      animation: none;
    }
  }
  label {
    display: block;
    margin-bottom: 4px;
    color: var(--_jxjy-text-secondary);
  }
  /* Required is also said in words by the input's required attribute; the asterisk is not the only cue,
     and its empty alt text (after the slash) keeps it out of the label's accessible name. */
  label.required::before {
    content: '*' / '';
    margin-inline-end: 4px;
    color: var(--_jxjy-danger);
  }
  input,
  select,
  textarea {
    font: inherit;
    box-sizing: border-box;
    width: 100%;
    min-height: 32px;
    padding: 4px 11px;
    border: 1px solid var(--_jxjy-border);
    border-radius: var(--_jxjy-radius);
    background: var(--_jxjy-bg);
    color: var(--_jxjy-text);
  }
  [aria-invalid='true'] {
    border-color: var(--_jxjy-danger);
  }
  .field {
    margin-bottom: 18px;
  }
  .error-text {
    margin-top: 4px;
    color: var(--_jxjy-danger);
    font-size: 0.875em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding-bottom: 8px;
    font-weight: 600;
  }
  th,
  td {
    padding: 12px;
    border-bottom: 1px solid var(--_jxjy-row-border);
    text-align: start;
  }
  thead th {
    background: var(--_jxjy-table-header-bg);
    color: var(--_jxjy-text-secondary);
    font-weight: 600;
  }
  .status {
    padding: 12px;
    color: var(--_jxjy-text-secondary);
  }
  .status.error {
    color: var(--_jxjy-danger);
  }
  .status.success {
    color: var(--_jxjy-success);
  }
  .sign-in-needed {
    margin: 0;
    padding: 12px 16px;
    border: 1px solid var(--_jxjy-border);
    border-radius: var(--_jxjy-radius);
    background: var(--_jxjy-table-header-bg);
    color: var(--_jxjy-text);
  }
`;
