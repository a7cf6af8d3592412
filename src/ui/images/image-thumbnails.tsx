import { useState, type ReactNode } from "react";
import type { ImagePart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { ImageLightbox } from "./image-lightbox.js";
import { imageSource } from "./image-source.js";

/** Props of {@link ImageThumbnails}. */
export interface ImageThumbnailsProps {
  /** The images the user attached. */
  parts: readonly ImagePart[];
  /** Extra class names on the list. */
  className?: string;
}

/** Small previews of the images a user sent; each opens the shared viewer. */
export function ImageThumbnails({ parts, className }: ImageThumbnailsProps): ReactNode {
  const strings = useStrings();
  const [openIndex, setOpenIndex] = useState<number | undefined>(undefined);
  const shown = parts.filter((part) => imageSource(part) !== undefined);
  if (shown.length === 0) return null;
  return (
    <>
      <ul
        className={
          className ? `colloquy-image-thumbnails ${className}` : "colloquy-image-thumbnails"
        }
        aria-label={strings.attachments}
      >
        {shown.map((part, index) => {
          const name = strings.imageNumbered(index + 1, shown.length);
          return (
            <li key={part.id ?? index} className="colloquy-image-thumbnails__item">
              <button
                type="button"
                className="colloquy-image-thumbnails__button"
                aria-label={`${strings.openImage}: ${name}`}
                onClick={() => setOpenIndex(index)}
              >
                <img
                  className="colloquy-image-thumbnails__img"
                  src={imageSource(part)}
                  alt={name}
                />
              </button>
            </li>
          );
        })}
      </ul>
      {openIndex !== undefined ? (
        <ImageLightbox
          images={shown}
          index={openIndex}
          onIndexChange={setOpenIndex}
          onClose={() => setOpenIndex(undefined)}
        />
      ) : null}
    </>
  );
}
