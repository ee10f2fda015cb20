// Styles for <jxjy-legacy-import>: the upload form (kind radios, file, the two buttons, the upload bar), an import's
// report (status tag, progress bar, counts, failure, refused rows) and the recent imports table.
import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  formStyles,
  css`
    form {
      max-width: var(--jxjy-form-max-width, 720px);
    }
    h3 {
      margin: 0 0 12px;
      font-size: 1.15em;
    }
    h4 {
      margin: 12px 0 8px;
      font-size: 1em;
    }
    h3:focus {
      outline: none;
    }
    section {
      margin-bottom: 24px;
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
    .status:empty {
      padding: 0;
    }
    .failure,
    .load-error {
      margin: 8px 0;
      padding: 8px 16px;
      border: 1px solid var(--_jxjy-danger);
      border-radius: var(--_jxjy-radius);
      background: #fef0f0;
      color: var(--_jxjy-danger);
    }
    .failure[hidden] {
      display: none;
    }
    .failure p,
    .load-error p {
      margin: 0 0 4px;
    }
    .failure-title {
      font-weight: 600;
    }
    .warning {
      margin: 8px 0;
      padding: 8px 16px;
      border: 1px solid #f3d19e;
      border-radius: var(--_jxjy-radius);
      background: #fdf6ec;
      color: #7a4a00;
    }
    fieldset {
      margin: 0 0 18px;
      padding: 0;
      border: none;
    }
    legend {
      margin-bottom: 4px;
      padding: 0;
      color: var(--_jxjy-text-secondary);
    }
    legend.required::before {
      content: '*' / '';
      margin-inline-end: 4px;
      color: var(--_jxjy-danger);
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
    }
    label.radio {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin: 0;
      color: var(--_jxjy-text);
      cursor: pointer;
    }
    label.radio input {
      width: auto;
      min-height: 0;
      margin: 0;
    }
    input[type='file'] {
      padding: 4px;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .upload,
    .progress {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 12px 0;
    }
    progress {
      width: min(320px, 100%);
      height: 8px;
      accent-color: var(--_jxjy-primary);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
      color: var(--_jxjy-text-secondary);
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 8px;
      max-width: 860px;
      margin: 0 0 12px;
    }
    .count {
      padding: 8px 12px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-table-header-bg);
    }
    .count dt {
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
    }
    .count dd {
      margin: 0;
      font-size: 1.4em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .count.imported dd {
      color: var(--_jxjy-success);
    }
    .count.rejected dd {
      color: var(--_jxjy-danger);
    }
    .note {
      margin: 0 0 12px;
      padding: 8px 16px;
      border: 1px solid #d9ecff;
      border-radius: var(--_jxjy-radius);
      background: #ecf5ff;
      color: #0b4fa8;
    }
    .table-wrap {
      overflow-x: auto;
      margin-bottom: 12px;
    }
    .errors-wrap {
      max-height: 420px;
      overflow-y: auto;
    }
    thead th {
      white-space: nowrap;
    }
    th[scope='row'] {
      font-weight: 500;
      color: var(--_jxjy-text);
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .nowrap,
    .actions {
      white-space: nowrap;
    }
    tr.selected th,
    tr.selected td {
      background: #ecf5ff;
    }
    button.small {
      min-height: 28px;
      padding: 0 11px;
      font-size: 0.9286em;
    }
    button[aria-pressed='true'] {
      border-color: var(--_jxjy-primary);
      color: var(--_jxjy-primary);
    }
    .report-actions {
      margin-bottom: 12px;
    }
    .tag {
      display: inline-block;
      padding: 0 8px;
      border: 1px solid #faecd8;
      border-radius: var(--_jxjy-radius);
      background: #fdf6ec;
      color: #7a4a00;
      font-size: 0.875rem;
      line-height: 22px;
      white-space: nowrap;
    }
    .tag.completed {
      border-color: #e1f3d8;
      background: #f0f9eb;
      color: #2b6a0b;
    }
    .tag.failed {
      border-color: #fde2e2;
      background: #fef0f0;
      color: #b3141b;
    }
    .empty {
      padding: 24px 0;
      text-align: center;
      color: var(--_jxjy-text-secondary);
    }
  `,
];
