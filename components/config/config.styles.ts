// Styles for <jxjy-config>: it must not add a box, so portal layouts (flex, grid) see its children directly.
import { css } from 'lit';

export default css`
  :host {
    display: contents;
  }
  :host([hidden]) {
    display: none;
  }
`;
