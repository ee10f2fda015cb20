// Styles for <jxjy-task-inbox>: an Element-Plus-like filter bar, table, tags and the inline confirmation steps.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  css`
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
      align-items: center;
      margin-bottom: 8px;
    }
    .filter {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .filter label {
      margin: 0;
      white-space: nowrap;
    }
    .filter select {
      width: auto;
      min-width: 160px;
    }
    .status {
      margin: 0;
      padding: 4px 0;
      min-height: 1.5em;
    }
    .status:empty {
      min-height: 0;
      padding: 0;
    }
    .failure,
    .blocked,
    .load-error {
      margin: 8px 0;
      padding: 8px 16px;
      border-radius: var(--_jxjy-radius);
    }
    .failure,
    .load-error {
      border: 1px solid var(--_jxjy-danger);
      background: #fef0f0;
      color: var(--_jxjy-danger);
    }
    .failure[hidden] {
      display: none;
    }
    .blocked,
    .load-error.blocked {
      border: 1px solid #e6a23c;
      background: #fdf6ec;
      color: #7a4a00;
      font-weight: 600;
    }
    .load-error p {
      margin: 0 0 8px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    tbody tr:hover {
      background: var(--_jxjy-table-header-bg);
    }
    th[scope='row'] {
      font-weight: 500;
      color: var(--_jxjy-text);
    }
    .actions {
      white-space: nowrap;
    }
    .subject-details {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-top: 4px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
      font-weight: normal;
    }
    button.small {
      min-height: 28px;
      padding: 0 11px;
      font-size: 0.9286em;
    }
    .actions button + button {
      margin-inline-start: 8px;
    }
    button.danger-solid {
      background: var(--_jxjy-danger);
      border-color: var(--_jxjy-danger);
      color: var(--_jxjy-on-primary);
    }
    .tag {
      display: inline-block;
      padding: 0 8px;
      border: 1px solid #d9ecff;
      border-radius: var(--_jxjy-radius);
      background: #ecf5ff;
      color: #0b4fa8;
      font-size: 0.9286em;
      line-height: 22px;
      white-space: nowrap;
    }
    .tag.warning {
      border-color: #faecd8;
      background: #fdf6ec;
      color: #7a4a00;
    }
    .tag.approve {
      border-color: #e1f3d8;
      background: #f0f9eb;
      color: #2b6a0b;
    }
    .tag.reject {
      border-color: #fde2e2;
      background: #fef0f0;
      color: #b3141b;
    }
    .reason {
      margin-top: 4px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
    }
    .confirm-row td {
      background: var(--_jxjy-table-header-bg);
    }
    .confirm-form {
      max-width: 560px;
    }
    .confirm-form p {
      margin: 0;
    }
    .confirm-form textarea {
      resize: vertical;
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
    tr:has(+ .details-row) > * {
      border-bottom: none;
    }
    .details-row td {
      padding-top: 0;
    }
    tbody tr.details-row:hover {
      background: none;
    }
    .credit-facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
      margin: 0;
      color: var(--_jxjy-text);
    }
    .credit-facts div {
      display: flex;
      gap: 8px;
    }
    .credit-facts dt {
      color: var(--_jxjy-text-secondary);
    }
    .credit-facts dd {
      margin: 0;
    }
    .files {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    button.link {
      min-height: 24px;
      padding: 0;
      border: none;
      background: none;
      color: var(--_jxjy-primary);
      text-decoration: underline;
    }
    .muted {
      color: var(--_jxjy-text-secondary);
    }
    .seat-note {
      margin: 4px 0 0;
      font-size: 0.9286em;
    }
    .overlap-warning {
      margin-top: 8px;
      padding: 8px 12px;
      border: 1px solid #e6a23c;
      border-inline-start-width: 4px;
      border-radius: var(--_jxjy-radius);
      background: #fdf6ec;
      color: #7a4a00;
    }
    .overlap-warning p {
      margin: 0;
      font-weight: 600;
    }
    .overlap-warning ul {
      margin: 4px 0 0;
      padding-inline-start: 20px;
    }
    .pager {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      margin-top: 12px;
    }
  `,
];
