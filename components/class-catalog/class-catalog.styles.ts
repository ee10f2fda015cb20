// Styles for <jxjy-class-catalog>: the search form on one row, the classes table (a long description folded), the
// status line with its link to 我的报名, and the shared class look.
import { css } from 'lit';
import { classStyles } from '../shared/class.styles.js';
import { formStyles } from '../shared/form.styles.js';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  formStyles,
  classStyles,
  css`
    .intro {
      margin: 0 0 12px;
      color: var(--_jxjy-text-secondary);
    }
    form {
      max-width: none;
    }
    .search-row {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      column-gap: 16px;
      align-items: start;
    }
    .search-row button.submit {
      width: auto;
      min-width: 96px;
      min-height: 32px;
      margin-top: 25px;
      justify-self: start;
      font-size: 1em;
    }
    .notice-row {
      margin-bottom: 4px;
    }
    .notice-row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
    }
    .description {
      max-width: 32em;
      white-space: pre-wrap;
    }
    details.description summary {
      cursor: pointer;
      color: var(--_jxjy-primary);
      white-space: normal;
    }
    details.description p {
      margin: 4px 0 0;
    }
    td[data-cell='seats'] {
      min-width: 9em;
    }
  `,
];
