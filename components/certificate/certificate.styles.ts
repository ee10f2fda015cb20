// Styles for <jxjy-certificate>: the blocked notice, the overview of years with state tags, and a year's detail —
// verdict, hours table, the certificate's facts with its grouped verification code, and the actions.
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
    h4 {
      margin: 0 0 8px;
      font-size: 1em;
    }
    h3:focus,
    h4:focus {
      outline: none;
    }
    .intro {
      margin: 0 0 12px;
      color: var(--_jxjy-text-secondary);
    }
    .status {
      margin: 0;
      padding: 4px 0;
    }
    .status:empty {
      padding: 0;
    }
    .notice {
      margin: 0 0 8px;
      color: var(--_jxjy-success);
    }
    .notice:empty {
      margin: 0;
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
    .failure-title,
    .load-error p {
      margin: 0 0 4px;
      font-weight: 600;
    }
    .failure ul {
      margin: 0;
      padding-inline-start: 20px;
    }
    .panel {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-table-header-bg);
    }
    .panel.blocked,
    .panel.blocked-year {
      border-color: #fbc4c4;
      background: #fef0f0;
      color: #8f1117;
    }
    .panel.blocked h3 {
      font-size: 1em;
      margin-bottom: 4px;
    }
    .panel.blocked p,
    .panel.blocked ul {
      margin: 0;
    }
    .panel.blocked ul {
      padding-inline-start: 20px;
    }
    .table-wrap {
      overflow-x: auto;
      margin-bottom: 16px;
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
    td.short {
      color: var(--_jxjy-danger);
      font-weight: 600;
    }
    tr.selected th,
    tr.selected td {
      background: #ecf5ff;
    }
    tr.total th,
    tr.total td {
      font-weight: 600;
      background: var(--_jxjy-table-header-bg);
    }
    .actions {
      white-space: nowrap;
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
    .tag.valid {
      border-color: #e1f3d8;
      background: #f0f9eb;
      color: #2b6a0b;
    }
    .tag.eligible {
      border-color: #d9ecff;
      background: #ecf5ff;
      color: #0b4fa8;
    }
    .tag.revoked,
    .tag.blocked {
      border-color: #fde2e2;
      background: #fef0f0;
      color: #b3141b;
    }
    .year-detail {
      max-width: 860px;
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
    .certificate {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
    }
    .certificate.revoked {
      border-color: #fbc4c4;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      margin: 0 0 8px;
    }
    .facts dt {
      color: var(--_jxjy-text-secondary);
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .reason {
      white-space: pre-wrap;
    }
    .code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 1.0714em;
      letter-spacing: 0.05em;
      white-space: nowrap;
    }
    a {
      color: var(--_jxjy-primary);
    }
    .hint {
      margin: 0 0 12px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
    }
    .year-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .empty {
      padding: 32px 0;
      text-align: center;
      color: var(--_jxjy-text-secondary);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    /* The subject's 查看记录 timeline (an embedded <jxjy-timeline>). */
    .record-history {
      margin-top: 16px;
    }
  `,
];
