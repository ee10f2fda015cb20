// Define file: importing it registers <jxjy-org-register> (guarded, so loading two bundles is harmless).
import { JxjyOrgRegister } from './org-register.component.js';

export { JxjyOrgRegister };
JxjyOrgRegister.define('jxjy-org-register');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-org-register': JxjyOrgRegister;
  }
}
