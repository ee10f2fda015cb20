// Styles for <jxjy-dishonesty>: the records table with status tags and the inline revoke form, and admin's record
// form (the shared grouped-form look, with a checkbox row).
import { css } from 'lit';
import { formStyles, groupedFormStyles } from '../shared/form.styles.js';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  formStyles,
  groupedFormStyles,
  css`
    h3 {
      margin: 0 0 8px;
      font-size: 1.15em;
    }
    h3:focus {
      outline: none;
    }
    .intro {
      margin: 0 0 12px;
      color: var(--_jxjy-text-secondary);
    }
    .notice {
      margin: 0 0 8px;
      color: var(--_jxjy-success);
    }
    .notice:empty {
      margin: 0;
    }
    .notice:focus {
      outline: none;
    }
    .toolbar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 12px;
    }
    .editor {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
    }
    .editor .lead {
      margin: 0 0 12px;
    }
    .editor textarea {
      resize: vertical;
    }
    .field.checkbox {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: 8px;
      align-items: center;
    }
    .field.checkbox input {
      width: 16px;
      min-height: 16px;
      height: 16px;
      margin: 0;
      accent-color: var(--_jxjy-primary);
    }
    .field.checkbox label {
      margin: 0;
      color: var(--_jxjy-text);
    }
    .field.checkbox .hint,
    .field.checkbox .error-text {
      grid-column: 2;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .form-actions button.submit {
      width: auto;
      min-width: 120px;
    }
    .load-error {
      margin: 8px 0;
      padding: 8px 16px;
      border: 1px solid var(--_jxjy-danger);
      border-radius: var(--_jxjy-radius);
      background: #fef0f0;
      color: var(--_jxjy-danger);
    }
    .load-error p {
      margin: 0 0 8px;
    }
    .table-wrap {
      overflow-x: auto;
      margin-bottom: 16px;
    }
    th[scope='row'] {
      font-weight: 500;
      color: var(--_jxjy-text);
    }
    .sub,
    .revocation {
      margin-top: 4px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
      font-weight: normal;
    }
    .reason {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      min-width: 10em;
    }
    td[data-cell='recorded'],
    .nowrap {
      white-space: nowrap;
    }
    .blocks {
      color: var(--_jxjy-danger);
    }
    .actions {
      white-space: nowrap;
    }
    button.small {
      min-height: 28px;
      padding: 0 11px;
      font-size: 0.9286em;
    }
    button.danger-solid {
      background: var(--_jxjy-danger);
      border-color: var(--_jxjy-danger);
      color: var(--_jxjy-on-primary);
    }
    .tag {
      display: inline-block;
      padding: 0 8px;
      border: 1px solid var(--_jxjy-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-table-header-bg);
      color: var(--_jxjy-text);
      font-size: 0.875rem;
      line-height: 22px;
      white-space: nowrap;
    }
    .tag.active {
      border-color: #fde2e2;
      background: #fef0f0;
      color: #b3141b;
    }
    .confirm-row td {
      background: var(--_jxjy-table-header-bg);
    }
    .confirm-form {
      max-width: 560px;
    }
    .confirm-form textarea {
      resize: vertical;
    }
    .confirm-form .error-text {
      margin: 4px 0 0;
    }
    .confirm-actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .empty {
      padding: 32px 0;
      text-align: center;
      color: var(--_jxjy-text-secondary);
    }
    .pager {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      margin-bottom: 12px;
    }
  `,
];
