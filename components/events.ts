// Every custom event a jxjy-* element dispatches, typed once so `emit()` and host listeners agree.
// Add new events here as `'jxjy-<noun>-<past-verb>': <detail>`; keep details plain, serialisable data.

export interface JxjyEventDetailMap {
  /**
   * Fired (cancelable) when the API answers 401 to a request that carried a token. The host may push a
   * promise into `waitFor` and set a fresh token meanwhile; the element awaits them and retries once.
   * `preventDefault()` means "don't retry": the element shows the 401 error instead.
   */
  'jxjy-token-expired': { waitFor: Promise<unknown>[] };
}

export type JxjyEventMap = { [K in keyof JxjyEventDetailMap]: CustomEvent<JxjyEventDetailMap[K]> };

declare global {
  // Lets host code write `el.addEventListener('jxjy-token-expired', e => e.detail.waitFor…)` with types.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends JxjyEventMap {}
}
