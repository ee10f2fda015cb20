// Styles for <jxjy-requirements>: the year picker, the requirement in force, and the form that changes it (the
// shared form look, three fields in a row on wide screens, the running total).
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
    .year {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 12px;
    }
    .year label {
      margin: 0;
    }
    .year select {
      width: auto;
      min-width: 120px;
    }
    .notice {
      margin: 0 0 8px;
      color: var(--_jxjy-success);
    }
    .notice:empty {
      margin: 0;
    }
    .in-force,
    .editor {
      max-width: 720px;
      margin-bottom: 24px;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    th[scope='row'] {
      font-weight: 500;
      color: var(--_jxjy-text);
    }
    tr.total th,
    tr.total td {
      font-weight: 600;
      background: var(--_jxjy-table-header-bg);
    }
    .source {
      margin: 8px 0 0;
      color: var(--_jxjy-text-secondary);
    }
    .source.defaults {
      padding: 8px 12px;
      border: 1px solid #f3d19e;
      border-radius: var(--_jxjy-radius);
      background: #fdf6ec;
      color: #7a4a00;
    }
    .grid {
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    }
    .total-line {
      margin: 0 0 8px;
      font-weight: 600;
    }
    .effect-hint {
      margin: 0 0 12px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.875em;
    }
    .load-error {
      padding: 8px 16px;
      border: 1px solid var(--_jxjy-danger);
      border-radius: var(--_jxjy-radius);
      background: #fef0f0;
      color: var(--_jxjy-danger);
    }
    .load-error p {
      margin: 0 0 8px;
    }
  `,
];
