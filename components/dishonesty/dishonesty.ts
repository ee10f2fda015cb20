// Define file: importing it registers <jxjy-dishonesty> (guarded, so loading two bundles is harmless).
import { JxjyDishonesty } from './dishonesty.component.js';

export { JxjyDishonesty };
JxjyDishonesty.define('jxjy-dishonesty');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-dishonesty': JxjyDishonesty;
  }
}
