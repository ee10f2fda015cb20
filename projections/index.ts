/** Every projection the runner maintains. Features add theirs here. */
import type { Projection } from './projection.js';
import { streamCatalog } from './stream-catalog.js';

export const projections: Projection[] = [streamCatalog];
