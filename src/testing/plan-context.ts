import type { IdFactory } from "./ids.js";

/** Things planning needs from the handler. */
export interface PlanContext {
  /** Where ids come from. */
  ids: IdFactory;
  /** Width and height of generated pictures. */
  imageSize: number;
}
