// Define file: importing it registers <jxjy-class-manage> (guarded, so loading two bundles is harmless).
import { JxjyClassManage } from './class-manage.component.js';

export { JxjyClassManage };
JxjyClassManage.define('jxjy-class-manage');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-class-manage': JxjyClassManage;
  }
}
