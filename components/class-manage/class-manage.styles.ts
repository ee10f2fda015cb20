// Styles for <jxjy-class-manage>: the toolbar and classes table, the new-class form (the shared grouped-form look),
// and a class's detail: status hint, facts, transition buttons, the completion ticks with their confirmation, the roster.
import { css } from 'lit';
import { classStyles } from '../shared/class.styles.js';
import { formStyles, groupedFormStyles } from '../shared/form.styles.js';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  formStyles,
  groupedFormStyles,
  classStyles,
  css`
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 8px;
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
    textarea {
      resize: vertical;
    }
    button.link.back {
      margin-bottom: 8px;
    }
    .section-head {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 4px;
    }
    .section-head h4 {
      margin: 0;
    }
    .roster,
    .complete {
      max-width: 960px;
      margin-bottom: 16px;
    }
    .completion {
      max-width: 720px;
    }
    .completion fieldset {
      margin: 0 0 12px;
      padding: 8px 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
    }
    .completion legend {
      padding: 0 4px;
      font-weight: 600;
    }
    .tick-all {
      display: flex;
      gap: 8px;
      margin-bottom: 8px;
    }
    .attendees {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 4px 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .attendees li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .attendees input {
      width: 18px;
      min-height: 18px;
      margin: 0;
      flex: 0 0 auto;
    }
    .attendees label {
      margin: 0;
      color: var(--_jxjy-text);
    }
    .hint {
      color: var(--_jxjy-text-secondary);
    }
    .id-number {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
];
