// Styles for <jxjy-credit-summary>: the year picker, the verdict panel and the per-category table with its bars.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  css`
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
    .verdict {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid #f3d19e;
      border-radius: var(--_jxjy-radius);
      background: #fdf6ec;
      color: #7a4a00;
    }
    .verdict p,
    .verdict ul {
      margin: 0;
    }
    .verdict ul {
      padding-inline-start: 20px;
      font-weight: 600;
    }
    .verdict .note {
      margin-top: 4px;
      font-size: 0.9286em;
    }
    .verdict.eligible {
      border-color: #c2e7b0;
      background: #f0f9eb;
      color: var(--_jxjy-success);
      font-weight: 600;
    }
    .table-wrap {
      overflow-x: auto;
    }
    th[scope='row'] {
      font-weight: 500;
      color: var(--_jxjy-text);
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    td.short {
      color: var(--_jxjy-danger);
      font-weight: 600;
    }
    tr.total th,
    tr.total td {
      font-weight: 600;
      background: var(--_jxjy-table-header-bg);
    }
    .bar-cell {
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 180px;
    }
    progress {
      flex: 1 1 auto;
      height: 10px;
      accent-color: var(--_jxjy-primary);
    }
    progress.met {
      accent-color: var(--_jxjy-success);
    }
    .percent {
      min-width: 3em;
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .as-of {
      margin: 8px 0 0;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
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
