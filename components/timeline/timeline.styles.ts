// Styles for <jxjy-timeline>: a disclosure button, the chain's status (a mark and words, never colour alone), and the
// entries as a vertical list with a rule down its side.
import { css } from 'lit';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  css`
    button.toggle {
      min-height: 28px;
      padding: 0 11px;
      font-size: 0.9286em;
    }
    .caret {
      display: inline-block;
      margin-inline-end: 4px;
      transition: transform 0.15s;
    }
    button[aria-expanded='true'] .caret {
      transform: rotate(90deg);
    }
    @media (prefers-reduced-motion: reduce) {
      .caret {
        transition: none;
      }
    }
    .panel {
      margin-top: 8px;
    }
    .intro {
      margin: 0 0 8px;
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
    }
    .chain {
      margin: 0 0 8px;
      padding: 8px 12px;
      border: 1px solid currentColor;
      border-radius: var(--_jxjy-radius);
    }
    .chain p {
      margin: 0;
    }
    .chain .verdict {
      font-weight: 600;
    }
    .chain.valid {
      color: var(--_jxjy-success);
      background: #f0f9eb;
    }
    .chain.broken {
      color: var(--_jxjy-danger);
      background: #fef0f0;
    }
    ol.events {
      margin: 0;
      padding: 0;
      list-style: none;
      border-inline-start: 2px solid var(--_jxjy-row-border);
    }
    ol.events li {
      position: relative;
      padding: 4px 0 12px 16px;
    }
    ol.events li::before {
      content: '';
      position: absolute;
      inset-inline-start: -6px;
      top: 10px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--_jxjy-primary);
    }
    ol.events p {
      margin: 0;
    }
    .summary {
      font-weight: 600;
    }
    .when,
    .who {
      color: var(--_jxjy-text-secondary);
      font-size: 0.9286em;
    }
    .label {
      color: var(--_jxjy-text-secondary);
    }
    .load-error {
      margin: 8px 0;
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
    .empty {
      margin: 0;
      color: var(--_jxjy-text-secondary);
    }
  `,
];
