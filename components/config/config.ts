// Define file: importing it registers <jxjy-config> (guarded, so loading two bundles is harmless).
import { JxjyConfig } from './config.component.js';

export { JxjyConfig };
JxjyConfig.define('jxjy-config');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-config': JxjyConfig;
  }
}
