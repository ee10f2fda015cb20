// Define file: importing it registers <jxjy-audit> (guarded, so loading two bundles is harmless).
import { JxjyAudit } from './audit.component.js';

export { JxjyAudit };
JxjyAudit.define('jxjy-audit');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-audit': JxjyAudit;
  }
}
