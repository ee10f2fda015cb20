// Define file: importing it registers <jxjy-task-inbox> (guarded, so loading two bundles is harmless).
import { JxjyTaskInbox } from './task-inbox.component.js';

export { JxjyTaskInbox };
JxjyTaskInbox.define('jxjy-task-inbox');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-task-inbox': JxjyTaskInbox;
  }
}
