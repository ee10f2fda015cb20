// Define file: importing it registers <jxjy-certificate> (guarded, so loading two bundles is harmless).
import { JxjyCertificate } from './certificate.component.js';

export { JxjyCertificate };
JxjyCertificate.define('jxjy-certificate');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-certificate': JxjyCertificate;
  }
}
