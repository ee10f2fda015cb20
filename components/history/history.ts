// Define file: importing it registers <jxjy-history> (guarded, so loading two bundles is harmless).
import { JxjyHistory } from './history.component.js';

export { JxjyHistory };
JxjyHistory.define('jxjy-history');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-history': JxjyHistory;
  }
}
