/**
 * Image sources the components are willing to put in an `src` or `href`: http(s) URLs and
 * `data:image/*` URLs (except SVG, which can carry script when opened on its own). Anything
 * else (`javascript:`, `data:text/html`, `blob:` from elsewhere, relative paths) is refused.
 */

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]*$/i;

/** True when `url` is an http(s) URL or a base64 `data:image/*` URL of a raster format. */
export function isSafeImageUrl(url: string | undefined | null): url is string {
  if (!url) return false;
  const trimmed = url.trim();
  if (/^data:/i.test(trimmed)) return SAFE_DATA_IMAGE.test(trimmed);
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/** `url` when it passes {@link isSafeImageUrl}, otherwise `undefined`. */
export function safeImageUrl(url: string | undefined | null): string | undefined {
  return isSafeImageUrl(url) ? url.trim() : undefined;
}

/** Raster MIME types a base64 payload may be labelled with. */
const RASTER_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/jpg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
]);

/**
 * A `data:` URL for base64 image bytes, or `undefined` when the media type is not a raster
 * image or the payload is not base64 (so nothing unexpected reaches an attribute).
 */
export function imageDataUrl(data: string, mediaType = "image/png"): string | undefined {
  const type = mediaType.toLowerCase();
  if (!RASTER_TYPES.has(type)) return undefined;
  if (!/^[a-z0-9+/=\s]*$/i.test(data)) return undefined;
  return `data:${type};base64,${data}`;
}
