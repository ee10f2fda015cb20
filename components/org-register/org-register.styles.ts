// Styles for <jxjy-org-register>: grouped fieldsets with a two-column grid on wide screens.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';
import { formStyles } from '../shared/form.styles.js';

export default [
  tokens,
  controls,
  formStyles,
  css`
    form {
      max-width: var(--jxjy-form-max-width, 720px);
    }
    fieldset {
      margin: 0 0 18px;
      padding: 12px 16px 0;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
    }
    legend {
      padding: 0 4px;
      font-weight: 600;
      color: var(--_jxjy-text);
    }
    legend.required::before {
      content: '*' / '';
      margin-inline-end: 4px;
      color: var(--_jxjy-danger);
    }
    fieldset.kind {
      padding-bottom: 12px;
    }
    label.radio {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin: 0 24px 0 0;
      color: var(--_jxjy-text);
      cursor: pointer;
    }
    label.radio input {
      width: auto;
      min-height: 0;
      margin: 0;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      column-gap: 24px;
    }
    .submit {
      max-width: 240px;
    }
  `,
];
