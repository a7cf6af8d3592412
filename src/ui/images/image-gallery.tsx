import { useState, type ReactNode } from "react";
import type { ImagePart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { GeneratedImage } from "./generated-image.js";
import { ImageLightbox } from "./image-lightbox.js";

/** Props of {@link ImageGallery}. */
export interface ImageGalleryProps {
  /** The images, in order. */
  images: readonly ImagePart[];
  /** Hide the per-image download buttons (the viewer keeps its own). */
  hideDownload?: boolean;
  /** Extra class names on the grid. */
  className?: string;
}

/** Many generated images as a responsive grid, sharing one keyboard-driven viewer. */
export function ImageGallery({ images, hideDownload, className }: ImageGalleryProps): ReactNode {
  const strings = useStrings();
  const [openIndex, setOpenIndex] = useState<number | undefined>(undefined);
  if (images.length === 0) return null;
  return (
    <>
      <ul
        className={className ? `colloquy-image-gallery ${className}` : "colloquy-image-gallery"}
        aria-label={strings.imageGallery}
        data-count={images.length}
      >
        {images.map((image, index) => (
          <li key={image.id ?? index} className="colloquy-image-gallery__item">
            <GeneratedImage
              part={image}
              hideDownload={hideDownload}
              onOpen={() => setOpenIndex(index)}
            />
          </li>
        ))}
      </ul>
      {openIndex !== undefined ? (
        <ImageLightbox
          images={images}
          index={openIndex}
          onIndexChange={setOpenIndex}
          onClose={() => setOpenIndex(undefined)}
        />
      ) : null}
    </>
  );
}
