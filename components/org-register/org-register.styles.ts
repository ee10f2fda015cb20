// Styles for <jxjy-org-register>: the shared grouped-form look (form.styles.ts) plus the kind radios.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';
import { formStyles, groupedFormStyles } from '../shared/form.styles.js';

export default [
  tokens,
  controls,
  formStyles,
  groupedFormStyles,
  css`
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
  `,
];
