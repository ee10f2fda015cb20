// Define file: importing it registers <jxjy-enrolments> (guarded, so loading two bundles is harmless).
import { JxjyEnrolments } from './enrolments.component.js';

export { JxjyEnrolments };
JxjyEnrolments.define('jxjy-enrolments');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-enrolments': JxjyEnrolments;
  }
}
