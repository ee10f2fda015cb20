// Styles shared by the form screens (login, change-password, org-register): Element-Plus-like fields,
// the error summary, the captcha row and link-looking buttons.
import { css } from 'lit';

export const formStyles = css`
  form {
    max-width: var(--jxjy-form-max-width, 420px);
  }
  .hint {
    margin: 4px 0 0;
    color: var(--_jxjy-text-secondary);
    font-size: 0.875em;
  }
  .error-text {
    margin: 4px 0 0;
  }
  input:focus,
  select:focus,
  textarea:focus {
    border-color: var(--_jxjy-primary);
  }
  .summary {
    margin-bottom: 18px;
    padding: 8px 16px;
    border: 1px solid var(--_jxjy-danger);
    border-radius: var(--_jxjy-radius);
    background: #fef0f0;
    color: var(--_jxjy-danger);
  }
  .summary[hidden] {
    display: none;
  }
  .summary-title {
    margin: 0;
    font-weight: 600;
  }
  .summary ul {
    margin: 4px 0 0;
    padding-inline-start: 20px;
  }
  .captcha-row {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .captcha-row input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .captcha-box {
    flex: 0 0 auto;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 120px;
    height: 40px;
    border: 1px solid var(--_jxjy-border);
    border-radius: var(--_jxjy-radius);
    background: var(--_jxjy-table-header-bg);
    font-size: 12px;
    overflow: hidden;
  }
  button.link {
    min-height: 32px;
    padding: 0 4px;
    border: none;
    background: none;
    color: var(--_jxjy-primary);
  }
  button.link:hover {
    text-decoration: underline;
  }
  button.submit {
    width: 100%;
    min-height: 40px;
    font-size: 1.0714em;
  }
  .success {
    padding: 24px;
    border: 1px solid #c2e7b0;
    border-radius: var(--_jxjy-radius);
    background: #f0f9eb;
    color: var(--_jxjy-success);
  }
  .success h3 {
    margin: 0 0 8px;
    font-size: 1.15em;
  }
  .success p {
    margin: 0 0 12px;
    color: var(--_jxjy-text);
  }
`;
