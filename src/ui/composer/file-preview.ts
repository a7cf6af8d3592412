import { safeImageUrl } from "../images/safe-image-url.js";

/** Reads an image file into a `data:` URL for its thumbnail; resolves `undefined` otherwise. */
export function readImagePreview(file: File): Promise<string | undefined> {
  if (!file.type.startsWith("image/") || typeof FileReader === "undefined") {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === "string" ? safeImageUrl(reader.result) : undefined);
    reader.onerror = () => resolve(undefined);
    reader.readAsDataURL(file);
  });
}
