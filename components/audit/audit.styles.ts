// Styles for <jxjy-audit>: Element-Plus-like tabs over each part, filter rows, wide tables of hashes and positions
// that wrap rather than overflow, in-place event details, verdicts with a mark and words (never colour alone), progress
// bars, and the one-time password panel.
import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  formStyles,
  css`
    h3 {
      margin: 0 0 12px;
      font-size: 1.15em;
    }
    section {
      margin-bottom: 24px;
    }
    form {
      max-width: none;
    }
    .intro {
      margin: 0 0 12px;
      color: var(--_jxjy-text-secondary);
    }
    .notice {
      margin: 0 0 8px;
      color: var(--_jxjy-success);
    }
    .notice:empty,
    .status:empty {
      margin: 0;
      padding: 0;
    }
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      margin-bottom: 16px;
      border-bottom: 2px solid var(--_jxjy-row-border);
    }
    [role='tab'] {
      min-height: 40px;
      margin-bottom: -2px;
      padding: 0 20px;
      border: none;
      border-bottom: 2px solid transparent;
      border-radius: 0;
      background: none;
      color: var(--_jxjy-text);
    }
    [role='tab'][aria-selected='true'] {
      border-bottom-color: var(--_jxjy-primary);
      color: var(--_jxjy-primary);
      font-weight: 600;
    }
    [role='tabpanel']:focus-visible {
      outline-offset: 4px;
    }
    .filter-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
      gap: 0 16px;
    }
    /* Filters are searched often: a button of its own size beside 清除筛选, not a full-width form submit. */
    .form-actions button.submit {
      width: auto;
      min-height: 32px;
      font-size: inherit;
    }
    [data-action='verify'] {
      margin-bottom: 12px;
    }
    .form-actions,
    .report-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 16px;
    }
    fieldset {
      margin: 0 0 18px;
      padding: 0;
      border: none;
    }
    legend {
      margin-bottom: 4px;
      color: var(--_jxjy-text-secondary);
    }
    label.radio {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin-inline-end: 24px;
      color: var(--_jxjy-text);
    }
    label.radio input {
      width: auto;
      min-height: 0;
    }
    .replay-form form {
      max-width: 36em;
    }
    .staff-form form {
      max-width: var(--jxjy-form-max-width, 420px);
    }
    .table-wrap {
      overflow-x: auto;
      margin-bottom: 16px;
    }
    thead th {
      white-space: nowrap;
    }
    th,
    td {
      vertical-align: top;
    }
    th[scope='row'] {
      font-weight: 500;
      color: var(--_jxjy-text);
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
      font-size: 0.9286em;
    }
    code.hash,
    code.position,
    code.id,
    dd code {
      overflow-wrap: anywhere;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .nowrap,
    .actions {
      white-space: nowrap;
    }
    button.small {
      min-height: 28px;
      padding: 0 11px;
      font-size: 0.9286em;
    }
    button.link {
      min-height: 0;
      padding: 0;
      border: none;
      background: none;
      color: var(--_jxjy-primary);
      text-decoration: underline;
      text-align: start;
      overflow-wrap: anywhere;
    }
    button.back {
      margin-bottom: 12px;
    }
    tr.open > * {
      border-bottom: none;
      background: var(--_jxjy-table-header-bg);
    }
    tr.details > td {
      background: var(--_jxjy-table-header-bg);
    }
    dl.hashes,
    dl.facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0 0 12px;
    }
    dl.hashes dt,
    dl.facts dt {
      color: var(--_jxjy-text-secondary);
    }
    dl.hashes dd,
    dl.facts dd {
      margin: 0;
    }
    .json-pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18em, 1fr));
      gap: 12px;
      margin-bottom: 12px;
    }
    .json-title {
      margin: 0 0 4px;
      font-weight: 600;
    }
    pre {
      margin: 0;
      padding: 8px 12px;
      border: 1px solid var(--_jxjy-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-bg);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font-size: 0.9286em;
    }
    .pager {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 16px;
    }
    .chain,
    .verdict {
      margin: 0 0 12px;
      padding: 8px 12px;
      border: 1px solid currentColor;
      border-radius: var(--_jxjy-radius);
      font-weight: 600;
    }
    .verdict p {
      font-weight: normal;
      color: var(--_jxjy-text);
    }
    .verdict h3 {
      margin: 0 0 8px;
    }
    .chain.valid,
    .verdict.valid {
      color: var(--_jxjy-success);
      background: #f0f9eb;
    }
    .chain.broken,
    .verdict.broken {
      color: var(--_jxjy-danger);
      background: #fef0f0;
    }
    .verdict table {
      background: var(--_jxjy-bg);
      font-weight: normal;
      color: var(--_jxjy-text);
    }
    .progress {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin: 12px 0;
    }
    progress {
      width: min(100%, 24em);
      height: 12px;
      accent-color: var(--_jxjy-primary);
    }
    .load-error {
      margin: 8px 0;
      padding: 8px 16px;
      border: 1px solid var(--_jxjy-danger);
      border-radius: var(--_jxjy-radius);
      background: #fef0f0;
      color: var(--_jxjy-danger);
    }
    .load-error[hidden] {
      display: none;
    }
    .load-error p {
      margin: 0 0 8px;
    }
    .load-error p:last-child {
      margin: 0;
    }
    .warning {
      margin: 8px 0;
      padding: 8px 12px;
      border: 1px solid #e6a23c;
      border-radius: var(--_jxjy-radius);
      background: #fdf6ec;
      color: #7a4a00;
    }
    .hint {
      margin: 4px 0 12px;
    }
    .empty,
    .same {
      padding: 24px 16px;
      border: 1px dashed var(--_jxjy-border);
      border-radius: var(--_jxjy-radius);
      text-align: center;
      color: var(--_jxjy-text-secondary);
    }
    .tag {
      display: inline-block;
      padding: 0 8px;
      border: 1px solid currentColor;
      border-radius: var(--_jxjy-radius);
      font-size: 0.9286em;
    }
    .tag.completed {
      color: var(--_jxjy-success);
    }
    .tag.failed {
      color: var(--_jxjy-danger);
    }
    .tag.running {
      color: var(--_jxjy-primary);
    }
    .field-value {
      display: block;
    }
    .absent {
      color: var(--_jxjy-text-secondary);
    }
    .created {
      padding: 12px 16px;
      border: 1px solid var(--_jxjy-success);
      border-radius: var(--_jxjy-radius);
      background: #f0f9eb;
    }
    code.password {
      padding: 2px 8px;
      border: 1px solid var(--_jxjy-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-bg);
      font-size: 1.15em;
      letter-spacing: 1px;
    }
    details summary {
      white-space: nowrap;
      cursor: pointer;
      color: var(--_jxjy-primary);
    }
  `,
];
