import type { ImagePart } from "../../core/index.js";

/**
 * The width / height ratio the tool was asked for (`size: "1536x1024"`), so the placeholder
 * takes the final image's shape; square when unknown.
 */
export function imageAspectRatio(part: ImagePart): string {
  const size = (part.item as { size?: unknown } | undefined)?.size;
  const match = typeof size === "string" ? /^(\d+)x(\d+)$/.exec(size) : null;
  return match ? `${match[1]} / ${match[2]}` : "1";
}
