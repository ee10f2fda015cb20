// The @lit/context key and value shape that <jxjy-config> provides and every jxjy-* element consumes.
import { createContext } from '@lit/context';
import type { Lang } from './i18n/messages.js';

/** A new value object is provided whenever any of the config's settings changes, the token included. */
export interface JxjyConfigValue {
  /** API origin (and optional prefix) without trailing slash; '' means same origin. */
  readonly apiBase: string;
  readonly lang: Lang;
  /**
   * A callback rather than the token itself: the value object then never holds a secret, and a refreshed
   * token is seen by every consumer without re-providing the context.
   */
  readonly getToken: () => Promise<string | undefined>;
}

// Symbol.for, not Symbol(): two portal widgets may each load their own copy of the bundle, and a registered
// symbol lets a <jxjy-config> from one copy serve elements from the other.
export const jxjyConfigContext = createContext<JxjyConfigValue>(Symbol.for('jxjy-config'));
