// Styles for <jxjy-history>: Element-Plus-like tabs over a period's totals and records, the certificates table with
// its print button and verification link, empty states, alerts.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  css`
    h3 {
      margin: 0 0 12px;
      font-size: 1.15em;
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
    .load-error p {
      margin: 0 0 8px;
    }
    [role='tablist'] {
      display: flex;
      margin-bottom: 12px;
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
    .table-wrap {
      overflow-x: auto;
      margin-bottom: 16px;
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
      white-space: nowrap;
    }
    td.total {
      font-weight: 600;
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
    a.verify {
      margin-inline-start: 12px;
      color: var(--_jxjy-primary);
    }
    .empty {
      padding: 24px 16px;
      border: 1px dashed var(--_jxjy-border);
      border-radius: var(--_jxjy-radius);
      text-align: center;
      color: var(--_jxjy-text-secondary);
    }
    .empty p {
      margin: 0;
    }
    .hint {
      margin: 8px 0 0;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
