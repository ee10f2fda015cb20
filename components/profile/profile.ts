// Define file: importing it registers <jxjy-profile> (guarded, so loading two bundles is harmless).
import { JxjyProfile } from './profile.component.js';

export { JxjyProfile };
JxjyProfile.define('jxjy-profile');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-profile': JxjyProfile;
  }
}
