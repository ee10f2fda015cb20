// Define file: importing it registers <jxjy-register> (guarded, so loading two bundles is harmless).
import { JxjyRegister } from './register.component.js';

export { JxjyRegister };
JxjyRegister.define('jxjy-register');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-register': JxjyRegister;
  }
}
