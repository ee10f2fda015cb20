// Styles the class screens share (培训班报名, 我的报名, 培训班管理): headings, the status line and alerts, tables,
// status tags by class and enrolment status, panels, the pager and inline confirmation steps.
import { css } from 'lit';

export const classStyles = css`
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
  .failure p,
  .load-error p {
    margin: 0 0 8px;
  }
  .failure p:last-child {
    margin-bottom: 0;
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
  .sub {
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
  .actions button + button {
    margin-inline-start: 8px;
  }
  .reason {
    white-space: pre-wrap;
  }
  button.small {
    min-height: 28px;
    padding: 0 11px;
    font-size: 0.9286em;
  }
  button.link {
    min-height: 28px;
    padding: 0;
    border: none;
    background: none;
    color: var(--_jxjy-primary);
    text-decoration: underline;
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
    font-size: 0.875rem;
    font-weight: normal;
    line-height: 22px;
    white-space: nowrap;
    vertical-align: middle;
  }
  .tag.class-draft,
  .tag.enrolment-cancelled,
  .tag.enrolment-lapsed {
    border-color: var(--_jxjy-border);
    background: var(--_jxjy-table-header-bg);
    color: var(--_jxjy-text);
  }
  .tag.class-accepting,
  .tag.enrolment-approved,
  .tag.enrolment-completed,
  .tag.class-completed {
    border-color: #e1f3d8;
    background: #f0f9eb;
    color: #2b6a0b;
  }
  .tag.class-closed,
  .tag.enrolment-waitlisted,
  .tag.enrolment-pending {
    border-color: #faecd8;
    background: #fdf6ec;
    color: #7a4a00;
  }
  .tag.enrolment-rejected,
  .tag.enrolment-missed {
    border-color: #fde2e2;
    background: #fef0f0;
    color: #b3141b;
  }
  .empty {
    padding: 24px 0;
    text-align: center;
    color: var(--_jxjy-text-secondary);
  }
  .panel {
    margin: 0 0 16px;
    padding: 12px 16px;
    border: 1px solid var(--_jxjy-row-border);
    border-radius: var(--_jxjy-radius);
    background: var(--_jxjy-table-header-bg);
  }
  .panel p {
    margin: 0 0 8px;
  }
  .panel p:last-child {
    margin-bottom: 0;
  }
  .panel.warning {
    border-color: #f3d19e;
    background: #fdf6ec;
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
  .pager {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    margin-bottom: 12px;
  }
  .confirm-form {
    max-width: 640px;
    margin: 8px 0;
    padding: 12px 16px;
    border: 1px solid var(--_jxjy-row-border);
    border-radius: var(--_jxjy-radius);
    background: var(--_jxjy-table-header-bg);
  }
  .confirm-form p {
    margin: 0;
  }
  .confirm-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
`;
