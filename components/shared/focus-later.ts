// Moves focus to an element of the host's own root once a render has shown it: a new screen's heading (which may
// appear only after its data loads), an alert, the input a busy state disabled. A later request replaces an earlier
// one, so focus never jumps to something the person has already left.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusLater implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  #selector: string | undefined;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    this.#host = host;
    host.addController(this);
  }

  request(selector: string): void {
    this.#selector = selector;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.#selector ? this.#host.renderRoot.querySelector<HTMLElement>(this.#selector) : null;
    if (!target) return;
    this.#selector = undefined;
    target.focus();
  }
}
