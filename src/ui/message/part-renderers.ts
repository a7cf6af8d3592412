import type { ReactNode } from "react";
import type { Message, PartOfType, PartType } from "../../core/index.js";

/** What a part renderer knows besides the part. */
export interface PartRenderContext {
  /** The message the part belongs to. */
  message: Message;
  /** The part's index in `message.parts`. */
  index: number;
}

/** Renders one part type; return `undefined` to fall back to the built-in renderer. */
export type PartRenderer<T extends PartType> = (
  part: PartOfType<T>,
  context: PartRenderContext,
) => ReactNode | undefined;

/** Per-part-type renderers that replace the built-in ones. Keep the object stable. */
export type PartRenderers = { [T in PartType]?: PartRenderer<T> };
