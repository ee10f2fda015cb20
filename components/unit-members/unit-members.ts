// Define file: importing it registers <jxjy-unit-members> (guarded, so loading two bundles is harmless).
import { JxjyUnitMembers } from './unit-members.component.js';

export { JxjyUnitMembers };
JxjyUnitMembers.define('jxjy-unit-members');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-unit-members': JxjyUnitMembers;
  }
}
