// Styles for <jxjy-unit-binding>: status panels, the search form on one row, the results table, tags and the inline
// job-change confirmation.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';
import { formStyles } from '../shared/form.styles.js';

export default [
  tokens,
  controls,
  formStyles,
  css`
    h3 {
      margin: 0 0 8px;
      font-size: 1.07em;
    }
    .panel {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-bg);
    }
    .panel p {
      margin: 0 0 8px;
    }
    .panel.pending {
      border-color: #f3d19e;
      background: #fdf6ec;
    }
    .panel.rejected {
      border-color: #fbc4c4;
      background: #fef0f0;
    }
    .unit-name {
      font-size: 1.15em;
      font-weight: 600;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0 0 8px;
    }
    .facts dt {
      color: var(--_jxjy-text-secondary);
    }
    .facts dd {
      margin: 0;
    }
    .reason {
      white-space: pre-wrap;
    }
    .empty {
      color: var(--_jxjy-text-secondary);
    }
    .search {
      margin-top: 24px;
    }
    form {
      max-width: none;
    }
    .search-row {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      column-gap: 16px;
      align-items: start;
    }
    .search-row button.submit {
      width: auto;
      min-width: 96px;
      margin-top: 25px;
      justify-self: start;
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
    .load-error p {
      margin: 0 0 8px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    th[scope='row'] {
      font-weight: 500;
    }
    .actions {
      white-space: nowrap;
    }
    button.small {
      min-height: 28px;
      padding: 0 11px;
      font-size: 0.9286em;
    }
    .tag {
      display: inline-block;
      padding: 0 8px;
      border: 1px solid #d9ecff;
      border-radius: var(--_jxjy-radius);
      background: #ecf5ff;
      color: #0b4fa8;
      font-size: 0.9286em;
      font-weight: normal;
      line-height: 22px;
      white-space: nowrap;
    }
    .tag.warning {
      border-color: #faecd8;
      background: #fdf6ec;
      color: #7a4a00;
    }
    .confirm-row td {
      background: var(--_jxjy-table-header-bg);
    }
    .confirm-form {
      max-width: 640px;
    }
    .confirm-form p {
      margin: 0;
    }
    .confirm-actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .pager {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      margin-top: 12px;
    }
    /* The subject's 查看记录 timeline (an embedded <jxjy-timeline>). */
    .record-history {
      margin-top: 16px;
    }
  `,
];
