// Styles for <jxjy-enrolments>: one card per enrolment with its facts, the progress steps as a vertical line of
// marks (done, current, not yet, ended — each also said in words), and the inline cancel confirmation.
import { css } from 'lit';
import { classStyles } from '../shared/class.styles.js';
import { controls, tokens } from '../theme/tokens.js';

export default [
  tokens,
  controls,
  classStyles,
  css`
    .count {
      margin: 0 0 8px;
      color: var(--_jxjy-text-secondary);
    }
    .cards {
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .card {
      margin-bottom: 16px;
      padding: 16px;
      border: 1px solid var(--_jxjy-row-border);
      border-radius: var(--_jxjy-radius);
      background: var(--_jxjy-bg);
    }
    .card h3 {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .facts {
      grid-template-columns: max-content 1fr max-content 1fr;
    }
    @media (max-width: 640px) {
      .facts {
        grid-template-columns: max-content 1fr;
      }
    }
    .timeline {
      margin: 0 0 12px;
      padding: 0;
      list-style: none;
    }
    .timeline:last-child,
    .step:last-child {
      margin-bottom: 0;
      padding-bottom: 0;
    }
    .step {
      position: relative;
      display: flex;
      gap: 12px;
      padding-bottom: 12px;
    }
    .step:not(:last-child)::before {
      content: '';
      position: absolute;
      top: 24px;
      bottom: 0;
      inset-inline-start: 11px;
      border-inline-start: 2px solid var(--_jxjy-row-border);
    }
    .mark {
      flex: 0 0 24px;
      height: 24px;
      border: 2px solid currentColor;
      border-radius: 50%;
      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      font-size: 12px;
      line-height: 1;
      background: var(--_jxjy-bg);
    }
    .step.done .mark {
      color: var(--_jxjy-success);
    }
    .step.current .mark {
      color: var(--_jxjy-primary);
    }
    .step.upcoming .mark {
      color: var(--_jxjy-text-secondary);
    }
    .step.ended .mark {
      color: var(--_jxjy-danger);
    }
    .step-body p {
      margin: 0;
    }
    .step-label {
      font-weight: 500;
    }
    .step.current .step-label {
      font-weight: 600;
      color: var(--_jxjy-primary);
    }
    .step.upcoming .step-label,
    .step-at,
    .step-note {
      color: var(--_jxjy-text-secondary);
    }
    .step-at,
    .step-note,
    .step-reason {
      font-size: 0.9286em;
    }
    .step-reason .label {
      font-weight: 600;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .hint {
      margin: 0;
      color: var(--_jxjy-text-secondary);
    }
    .empty button {
      margin-top: 8px;
    }
    /* The subject's 查看记录 timeline (an embedded <jxjy-timeline>). */
    .record-history {
      margin-top: 16px;
    }
  `,
];
