// Define file: importing it registers <jxjy-change-password> (guarded, so loading two bundles is harmless).
import { JxjyChangePassword } from './change-password.component.js';

export { JxjyChangePassword };
JxjyChangePassword.define('jxjy-change-password');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-change-password': JxjyChangePassword;
  }
}
