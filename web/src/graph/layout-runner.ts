// The page's side of the layout worker: one worker per explorer, one layout at a time. A new request
// supersedes the one running (the worker is ended and a fresh one started, so a stale layout never
// holds up the new one); the superseded request resolves to null.
import type { LayoutAnswer, LayoutRequest } from "./layout-protocol.ts";

export type Positions = Record<string, [number, number]>;

export class LayoutRunner {
  private worker: Worker | undefined;
  private job = 0;
  private pending:
    { job: number; resolve: (p: Positions | null) => void; reject: (e: Error) => void } | undefined;

  private start(): Worker {
    const worker = new Worker(new URL("./layout-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<LayoutAnswer>) => {
      const p = this.pending;
      if (!p || p.job !== e.data.job) return;
      this.pending = undefined;
      if (e.data.error !== undefined) p.reject(new Error(`The layout failed: ${e.data.error}`));
      else p.resolve(e.data.positions);
    };
    worker.onerror = (e) => {
      const p = this.pending;
      this.pending = undefined;
      this.worker?.terminate();
      this.worker = undefined;
      p?.reject(new Error(`The layout worker failed: ${e.message || "it could not be started"}`));
    };
    return worker;
  }

  /** Positions of the request's assets, or null when a later request (or stop) superseded it. */
  run(req: Omit<LayoutRequest, "job">): Promise<Positions | null> {
    this.stop();
    const job = ++this.job;
    this.worker ??= this.start();
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending = { job, resolve, reject };
      worker.postMessage({ ...req, job } satisfies LayoutRequest);
    });
  }

  /** Abandons the running layout (its promise resolves to null). */
  stop(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    p.resolve(null);
  }

  destroy(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = undefined;
  }
}
