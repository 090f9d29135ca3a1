// What the page and the layout worker (layout-worker.ts) send each other.
import type { LayoutName } from "./layouts.ts";

export interface LayoutRequest {
  /** Increases with every request; an answer to an older one is dropped. */
  job: number;
  layout: LayoutName;
  /** Start from the current positions (after an expansion) instead of afresh. */
  incremental: boolean;
  /** Site (compound) node ids. */
  sites: string[];
  /** Assets with their drawn size (label included) and current position. */
  nodes: { id: string; parent?: string; w: number; h: number; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
}

export type LayoutAnswer =
  | { job: number; positions: Record<string, [number, number]>; error?: undefined }
  | { job: number; error: string; positions?: undefined };
