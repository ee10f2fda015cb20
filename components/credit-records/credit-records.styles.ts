// Styles for <jxjy-credit-records>: the filter bar and records table, the declaration form (the shared grouped-form
// look), and a record's detail: status panels, facts, the evidence list with its upload progress, the history table.
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
      margin: 0 0 12px;
      font-size: 1.15em;
    }
    h4 {
      margin: 0 0 8px;
      font-size: 1em;
    }
    h3:focus,
    h4:focus {
      outline: none;
    }
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
      min-width: 120px;
    }
    .filters [data-action='create'] {
      margin-inline-start: auto;
    }
    .status {
      margin: 0;
      padding: 4px 0;
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
    .load-error button + button {
      margin-inline-start: 8px;
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
    .reason-line {
      margin-top: 2px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
      font-weight: normal;
    }
    .num {
      text-align: end;
    }
    .nowrap,
    .actions {
      white-space: nowrap;
    }
    .reason {
      white-space: pre-wrap;
    }
    td .reason {
      margin-top: 4px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
    }
    button.small {
      min-height: 28px;
      padding: 0 11px;
      font-size: 0.9286em;
    }
    button.link {
      padding: 0;
      margin-bottom: 8px;
    }
    .tag {
      display: inline-block;
      padding: 0 8px;
      border: 1px solid #d9ecff;
      border-radius: var(--_jxjy-radius);
      background: #ecf5ff;
      color: #0b4fa8;
      font-size: 0.875rem;
      font-weight: normal;
      line-height: 22px;
      white-space: nowrap;
      vertical-align: middle;
    }
    .tag.draft {
      border-color: var(--_jxjy-border);
      background: var(--_jxjy-table-header-bg);
      color: var(--_jxjy-text);
    }
    .tag.approved {
      border-color: #e1f3d8;
      background: #f0f9eb;
      color: #2b6a0b;
    }
    .tag.rejected,
    .tag.revoked {
      border-color: #fde2e2;
      background: #fef0f0;
      color: #b3141b;
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
    .panel {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-table-header-bg);
    }
    .panel p {
      margin: 0 0 4px;
    }
    .panel.rejected {
      border-color: #fbc4c4;
      background: #fef0f0;
    }
    .panel.approved-panel {
      border-color: #c2e7b0;
      background: #f0f9eb;
    }
    .panel .label {
      font-weight: 600;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      max-width: 720px;
      margin: 0 0 16px;
    }
    .facts dt {
      color: var(--_jxjy-text-secondary);
    }
    .facts dd {
      margin: 0;
    }
    .attachments {
      max-width: 720px;
      margin-bottom: 16px;
    }
    .files {
      margin: 0 0 12px;
      padding: 0;
      list-style: none;
    }
    .files li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 0;
      border-bottom: 1px solid var(--_jxjy-row-border);
    }
    .files .filename {
      flex: 1 1 12em;
      overflow-wrap: anywhere;
    }
    .files .size,
    .empty-files {
      color: var(--_jxjy-text-secondary);
    }
    .upload input[type='file'] {
      padding: 4px;
    }
    .progress {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
    progress {
      flex: 1 1 160px;
      height: 8px;
      accent-color: var(--_jxjy-primary);
    }
    .record-actions,
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .form-actions button.submit {
      width: auto;
      min-width: 120px;
    }
    /* The subject's 查看记录 timeline (an embedded <jxjy-timeline>). */
    .record-history {
      margin-top: 16px;
    }
  `,
];
