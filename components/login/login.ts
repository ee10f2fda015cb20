// Define file: importing it registers <jxjy-login> (guarded, so loading two bundles is harmless).
import { JxjyLogin } from './login.component.js';

export { JxjyLogin };
JxjyLogin.define('jxjy-login');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-login': JxjyLogin;
  }
}
