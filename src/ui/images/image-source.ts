import type { ImagePart } from "../../core/index.js";
import { imageDataUrl, safeImageUrl } from "./safe-image-url.js";

// Its own module so a placeholder can size itself without pulling in the rest of this one.
export { imageAspectRatio } from "./image-aspect-ratio.js";

/** The URL to draw an image part from, when it has one that is safe to use. */
export function imageSource(part: ImagePart): string | undefined {
  if (part.url) {
    const url = safeImageUrl(part.url);
    if (url) return url;
  }
  if (part.data) return imageDataUrl(part.data, part.mediaType ?? mediaTypeOf(part));
  return undefined;
}

// The generation item names its format when the part does not carry a media type.
function mediaTypeOf(part: ImagePart): string {
  const format = (part.item as { output_format?: unknown } | undefined)?.output_format;
  return typeof format === "string" ? `image/${format}` : "image/png";
}

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/jpg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
  "image/bmp": "bmp",
};

/**
 * A file name to save an image under: a few words of its prompt when it has one
 * (`a-cute-fluffy-cat-sitting.png`), else its id, with the extension of its type.
 */
export function imageFileName(part: ImagePart, fallbackIndex = 1): string {
  const source = imageSource(part);
  const dataType = source?.startsWith("data:") ? /^data:([^;,]+)/.exec(source)?.[1] : undefined;
  const extension =
    EXTENSIONS[(dataType ?? part.mediaType ?? mediaTypeOf(part)).toLowerCase()] ?? "png";
  const words = (part.revisedPrompt ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  const stem =
    words.length > 0
      ? words.join("-")
      : part.id
        ? `image-${part.id.replace(/[^a-zA-Z0-9_-]/g, "").slice(-12)}`
        : `image-${fallbackIndex}`;
  return `${stem}.${extension}`;
}

/** How much to blur a partial preview: strong for the first, less for each later one. */
export function partialBlurPx(partialImageIndex: number | undefined): number {
  const index = Math.max(0, partialImageIndex ?? 0);
  return Math.max(2, Math.round(16 / 2 ** index));
}
