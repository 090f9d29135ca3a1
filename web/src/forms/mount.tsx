// Mounts a Preact component into a page's outlet and unmounts it when the page is left.
import { render, type ComponentChild } from "preact";

/** Renders `node` into `container` until `signal` aborts (the router's page signal). */
export function mount(container: HTMLElement, node: ComponentChild, signal: AbortSignal): void {
  render(node, container);
  signal.addEventListener("abort", () => render(null, container), { once: true });
}
