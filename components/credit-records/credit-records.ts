// Define file: importing it registers <jxjy-credit-records> (guarded, so loading two bundles is harmless).
import { JxjyCreditRecords } from './credit-records.component.js';

export { JxjyCreditRecords };
JxjyCreditRecords.define('jxjy-credit-records');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-credit-records': JxjyCreditRecords;
  }
}
