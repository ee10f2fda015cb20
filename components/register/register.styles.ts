// Styles for <jxjy-register>: the shared grouped-form look (form.styles.ts); nothing of its own yet.
import { controls, tokens } from '../theme/tokens.js';
import { formStyles, groupedFormStyles } from '../shared/form.styles.js';

export default [tokens, controls, formStyles, groupedFormStyles];
