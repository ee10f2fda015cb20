// Styles for <jxjy-unit-members>: Element-Plus-like tabs over a table, the empty state and the pager.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  css`
    [role='tablist'] {
      display: flex;
      gap: 0;
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
    .table-wrap {
      overflow-x: auto;
    }
    th[scope='row'] {
      font-weight: 500;
    }
    .id-number {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .empty {
      padding: 32px 0;
      text-align: center;
      color: var(--_jxjy-text-secondary);
    }
    .status:empty {
      padding: 0;
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
    .pager {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      margin-top: 12px;
    }
  `,
];
