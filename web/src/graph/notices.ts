// Keyed notices above the canvas: a view cut by the limit, the drawing cap, errors. Each key holds at
// most one message; setting null removes it.
import { h, type Child } from "../dom.ts";

export class Notices {
  private readonly slots = new Map<string, HTMLElement>();
  constructor(readonly element: HTMLElement) {}

  /** Shows `content` under `key` (replacing what was there), or removes it when null. */
  set(key: string, content: HTMLElement | null): void {
    this.slots.get(key)?.remove();
    this.slots.delete(key);
    if (!content) return;
    content.dataset.notice = key;
    this.slots.set(key, content);
    this.element.append(content);
  }

  clear(): void {
    for (const key of [...this.slots.keys()]) this.set(key, null);
  }
}

/** A yellow "this view was cut" style notice. */
export function warning(id: string, title: string, ...body: Child[]): HTMLElement {
  return h("div", { class: "graph-notice", id, role: "status" }, h("strong", null, title), " ", ...body);
}
