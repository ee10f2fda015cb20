// Styles for <jxjy-change-password>: the shared form look plus the first-login notice.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';
import { formStyles } from '../shared/form.styles.js';

export default [
  tokens,
  controls,
  formStyles,
  css`
    .notice {
      max-width: var(--jxjy-form-max-width, 420px);
      margin: 0 0 18px;
      padding: 8px 16px;
      border-radius: var(--_jxjy-radius);
      background: #fdf6ec;
      color: #7a4a00;
    }
    /* Kept in the tree while empty: a live region that appears together with its text is often not announced. */
    .status:empty {
      padding: 0;
    }
  `,
];
