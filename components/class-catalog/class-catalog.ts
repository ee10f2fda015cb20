// Define file: importing it registers <jxjy-class-catalog> (guarded, so loading two bundles is harmless).
import { JxjyClassCatalog } from './class-catalog.component.js';

export { JxjyClassCatalog };
JxjyClassCatalog.define('jxjy-class-catalog');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-class-catalog': JxjyClassCatalog;
  }
}
