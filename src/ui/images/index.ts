export * from "./safe-image-url.js";
export * from "./image-source.js";
export * from "./image-lightbox.js";
export * from "./generated-image.js";
export * from "./image-gallery.js";
export * from "./image-thumbnails.js";
