// Styles shared by the form screens (login, change-password, org-register, register): Element-Plus-like fields,
// the error summary, the captcha row and link-looking buttons.
import { css } from 'lit';

export const formStyles = css`
  form {
    max-width: var(--jxjy-form-max-width, 420px);
  }
  .hint {
    margin: 4px 0 0;
    color: var(--_jxjy-text-secondary);
    font-size: 0.875em;
  }
  .error-text {
    margin: 4px 0 0;
  }
  input:focus,
  select:focus,
  textarea:focus {
    border-color: var(--_jxjy-primary);
  }
  .summary {
    margin-bottom: 18px;
    padding: 8px 16px;
    border: 1px solid var(--_jxjy-danger);
    border-radius: var(--_jxjy-radius);
    background: #fef0f0;
    color: var(--_jxjy-danger);
  }
  .summary[hidden] {
    display: none;
  }
  .summary-title {
    margin: 0;
    font-weight: 600;
  }
  .summary ul {
    margin: 4px 0 0;
    padding-inline-start: 20px;
  }
  /* Input, image and 换一张 share one row at any form width; only a very narrow form wraps, and then whole
     items move, never the button's characters into a column (an input with width:100% as its flex basis used
     to squeeze the button to the width of one character). */
  .captcha-row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .captcha-row input {
    flex: 1 1 5em;
    width: auto;
    min-width: 5em;
  }
  .captcha-row .refresh {
    flex: 0 0 auto;
    white-space: nowrap;
  }
  .captcha-box {
    flex: 0 0 auto;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 120px;
    height: 40px;
    border: 1px solid var(--_jxjy-border);
    border-radius: var(--_jxjy-radius);
    background: var(--_jxjy-table-header-bg);
    font-size: 12px;
    overflow: hidden;
  }
  button.link {
    min-height: 32px;
    padding: 0 4px;
    border: none;
    background: none;
    color: var(--_jxjy-primary);
  }
  button.link:hover {
    text-decoration: underline;
  }
  button.submit {
    width: 100%;
    min-height: 40px;
    font-size: 1.0714em;
  }
  .success {
    padding: 24px;
    border: 1px solid #c2e7b0;
    border-radius: var(--_jxjy-radius);
    background: #f0f9eb;
    color: var(--_jxjy-success);
  }
  .success h3 {
    margin: 0 0 8px;
    font-size: 1.15em;
  }
  .success p {
    margin: 0 0 12px;
    color: var(--_jxjy-text);
  }
`;

/** Long forms (org-register, register): fieldsets of a two-column grid on wide screens, a wider form. */
export const groupedFormStyles = css`
  form {
    max-width: var(--jxjy-form-max-width, 720px);
  }
  fieldset {
    margin: 0 0 18px;
    padding: 12px 16px 0;
    border: 1px solid var(--_jxjy-row-border);
    border-radius: var(--_jxjy-radius);
  }
  legend {
    padding: 0 4px;
    font-weight: 600;
    color: var(--_jxjy-text);
  }
  legend.required::before {
    content: '*' / '';
    margin-inline-end: 4px;
    color: var(--_jxjy-danger);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
    column-gap: 24px;
  }
  .submit {
    max-width: 240px;
  }
`;
