// Styles for <jxjy-profile>: the shared grouped-form look plus the read-only identity facts above the form.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';
import { formStyles, groupedFormStyles } from '../shared/form.styles.js';

export default [
  tokens,
  controls,
  formStyles,
  groupedFormStyles,
  css`
    .facts {
      box-sizing: border-box;
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      max-width: var(--jxjy-form-max-width, 720px);
      margin: 0 0 18px;
      padding: 12px 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-table-header-bg);
    }
    .facts dt {
      color: var(--_jxjy-text-secondary);
    }
    .facts dd {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .id-number {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      letter-spacing: 0.05em;
    }
    button.link {
      min-height: 24px;
    }
    button.link[aria-pressed='true'] {
      text-decoration: underline;
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
    .status:empty {
      padding: 0;
    }
  `,
];
