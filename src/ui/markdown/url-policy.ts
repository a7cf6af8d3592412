import { decodeEntities } from "./html-entities.js";
import { imageLoad, type ImagePolicy } from "./image-policy.js";

/**
 * Which URLs rendered content may point at. A URL is allowed when its scheme is listed
 * (`"https"`, `"mailto"`), or, for `data:` URLs, when its media type starts with a listed
 * `data:` prefix (`"data:image/"`). Anything that is not an absolute URL is refused.
 */
export interface UrlPolicy {
  /** Schemes and `data:` prefixes allowed for links. Default: http, https, mailto. */
  linkProtocols?: readonly string[];
  /** Schemes and `data:` prefixes allowed for images. Default: http, https, `data:image/`. */
  imageProtocols?: readonly string[];
  /**
   * Which external (http/https) images load: `"click"` (default: a link naming the host,
   * loaded on click), `"allow"`, `"block"`, or a function of the URL. Unset, the enclosing
   * `<Message>`'s policy applies. See `ImagePolicy`.
   */
  images?: ImagePolicy | undefined;
}

/** The link schemes allowed unless a policy says otherwise. */
export const defaultLinkProtocols: readonly string[] = ["http", "https", "mailto"];
/** The image schemes allowed unless a policy says otherwise. */
export const defaultImageProtocols: readonly string[] = ["http", "https", "data:image/"];

// Browsers ignore ASCII whitespace and control characters inside a scheme, which is how
// `java\tscript:` slips past naive checks; remove them before looking at the scheme.
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/**
 * Returns a safe, normalised URL for an `href`/`src`, or `undefined` when the URL is not
 * allowed. The result is re-serialised by the URL parser, so no obfuscated form survives.
 */
export function sanitizeUrl(
  rawUrl: string | null | undefined,
  protocols: readonly string[],
): string | undefined {
  if (!rawUrl) return undefined;
  const decoded = decodeEntities(decodeEntities(rawUrl)).replace(IGNORED_IN_URL, "");
  let url: URL;
  try {
    url = new URL(decoded);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  for (const allowed of protocols) {
    const rule = allowed.toLowerCase();
    if (rule.startsWith("data:")) {
      if (scheme !== "data") continue;
      const mediaType = url.pathname.slice(0, url.pathname.search(/[;,]|$/)).toLowerCase();
      if (`data:${mediaType}`.startsWith(rule)) return url.href;
    } else if (rule.replace(/:$/, "") === scheme) {
      return url.href;
    }
  }
  return undefined;
}

/** A link URL allowed by the policy, or `undefined`. */
export function sanitizeLinkUrl(url: string | null | undefined, policy: UrlPolicy = {}) {
  return sanitizeUrl(url, policy.linkProtocols ?? defaultLinkProtocols);
}

/** What to do with an image URL under a policy. */
export type ImageDecision =
  { kind: "image"; src: string } | { kind: "link"; href: string } | { kind: "blocked" };

/**
 * Decides whether an image is shown, shown as a link to load on click (external images, by
 * default), or dropped (a scheme not allowed, or `images: "block"`).
 */
export function decideImage(url: string | null | undefined, policy: UrlPolicy = {}): ImageDecision {
  const src = sanitizeUrl(url, policy.imageProtocols ?? defaultImageProtocols);
  if (!src) return { kind: "blocked" };
  switch (imageLoad(src, policy.images)) {
    case "load":
      return { kind: "image", src };
    case "block":
      return { kind: "blocked" };
    case "click": {
      const href = sanitizeLinkUrl(src, policy);
      return href ? { kind: "link", href } : { kind: "blocked" };
    }
  }
}

/** True for URLs that leave the page (http and https), which open in a new tab. */
export function isExternalUrl(href: string): boolean {
  return /^https?:/i.test(href);
}
