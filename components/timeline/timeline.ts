// Define file: importing it registers <jxjy-timeline> (guarded, so loading two bundles is harmless).
import { JxjyTimeline } from './timeline.component.js';

export { JxjyTimeline };
JxjyTimeline.define('jxjy-timeline');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-timeline': JxjyTimeline;
  }
}
