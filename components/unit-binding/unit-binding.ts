// Define file: importing it registers <jxjy-unit-binding> (guarded, so loading two bundles is harmless).
import { JxjyUnitBinding } from './unit-binding.component.js';

export { JxjyUnitBinding };
JxjyUnitBinding.define('jxjy-unit-binding');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-unit-binding': JxjyUnitBinding;
  }
}
