// Define file: importing it registers <jxjy-legacy-import> (guarded, so loading two bundles is harmless).
import { JxjyLegacyImport } from './legacy-import.component.js';

export { JxjyLegacyImport };
JxjyLegacyImport.define('jxjy-legacy-import');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-legacy-import': JxjyLegacyImport;
  }
}
