// Define file: importing it registers <jxjy-requirements> (guarded, so loading two bundles is harmless).
import { JxjyRequirements } from './requirements.component.js';

export { JxjyRequirements };
JxjyRequirements.define('jxjy-requirements');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-requirements': JxjyRequirements;
  }
}
