// Define file: importing it registers <jxjy-credit-summary> (guarded, so loading two bundles is harmless).
import { JxjyCreditSummary } from './credit-summary.component.js';

export { JxjyCreditSummary };
JxjyCreditSummary.define('jxjy-credit-summary');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-credit-summary': JxjyCreditSummary;
  }
}
