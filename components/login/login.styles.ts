// Styles for <jxjy-login>: a narrow Element-Plus-like form with the registration links under it.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';
import { formStyles } from '../shared/form.styles.js';

export default [
  tokens,
  controls,
  formStyles,
  css`
    .links {
      display: flex;
      justify-content: space-between;
      max-width: var(--jxjy-form-max-width, 420px);
      margin: 12px 0 0;
    }
  `,
];
