import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import type { ImagePart } from "../../core/index.js";
import { useIds } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { imageFileName, imageSource } from "./image-source.js";

/** Props of {@link ImageLightbox}. */
export interface ImageLightboxProps {
  /** The images it can show. */
  images: readonly ImagePart[];
  /** The index shown. */
  index: number;
  /** Called when the user moves to another image (arrow keys, previous / next). */
  onIndexChange: (index: number) => void;
  /** Called when the user closes it (Escape, close button, backdrop). */
  onClose: () => void;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"]), input, select, textarea';

/**
 * A modal image viewer: arrows move between images, Escape closes, Tab stays inside, and
 * focus returns to where it was when it closes.
 */
export function ImageLightbox({
  images,
  index,
  onIndexChange,
  onClose,
}: ImageLightboxProps): ReactNode {
  const strings = useStrings();
  const ids = useIds("lightbox", ["title", "caption"]);
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const clamped = Math.min(Math.max(index, 0), images.length - 1);
  const part = images[clamped];
  const total = images.length;

  // The width the image had where it was opened from: the viewer never shows it smaller.
  const [inlineWidth, setInlineWidth] = useState<number | undefined>(undefined);

  // Remember the element that opened the viewer, and give focus back to it on close.
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const inline = opener?.querySelector("img") ?? undefined;
    if (inline) setInlineWidth(Math.round(inline.getBoundingClientRect().width));
    closeRef.current?.focus();
    return () => {
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  // Keep the page behind from scrolling while the viewer is open.
  useEffect(() => {
    const { overflow } = document.body.style;
    document.body.style.overflow = "hidden";
    return () => {
      document.body.style.overflow = overflow;
    };
  }, []);

  if (!part) return null;
  const src = imageSource(part);
  const caption = part.revisedPrompt;
  const move = (delta: number) => {
    if (total > 1) onIndexChange((clamped + delta + total) % total);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      move(1);
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "Tab") {
      const focusable = Array.from(
        dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [],
      );
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div
      className="colloquy-lightbox"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialogRef}
        className="colloquy-lightbox__dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={caption ? ids.caption : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="colloquy-lightbox__toolbar">
          <span id={ids.title} className="colloquy-lightbox__title">
            {total > 1 ? strings.imageNumbered(clamped + 1, total) : strings.imageViewer}
          </span>
          <span className="colloquy-lightbox__tools">
            {src ? (
              <a
                className="colloquy-button"
                data-variant="ghost"
                href={src}
                download={imageFileName(part, clamped + 1)}
              >
                {strings.download}
              </a>
            ) : null}
            <button
              ref={closeRef}
              type="button"
              className="colloquy-button"
              data-variant="ghost"
              onClick={onClose}
            >
              {strings.close}
            </button>
          </span>
        </div>
        <div className="colloquy-lightbox__stage">
          {total > 1 ? (
            <button
              type="button"
              className="colloquy-button colloquy-lightbox__nav"
              data-direction="previous"
              aria-label={strings.previous}
              onClick={() => move(-1)}
            >
              <span aria-hidden="true">‹</span>
            </button>
          ) : null}
          {src ? (
            <img
              className="colloquy-lightbox__image"
              src={src}
              style={
                inlineWidth
                  ? ({ "--colloquy-lightbox-min-width": `${inlineWidth}px` } as CSSProperties)
                  : undefined
              }
              alt={
                part.origin === "generated"
                  ? strings.generatedImage(part.revisedPrompt)
                  : strings.imageNumbered(clamped + 1, total)
              }
            />
          ) : (
            <div className="colloquy-lightbox__placeholder">{strings.generatingImage}</div>
          )}
          {total > 1 ? (
            <button
              type="button"
              className="colloquy-button colloquy-lightbox__nav"
              data-direction="next"
              aria-label={strings.next}
              onClick={() => move(1)}
            >
              <span aria-hidden="true">›</span>
            </button>
          ) : null}
        </div>
        {caption ? (
          <p id={ids.caption} className="colloquy-lightbox__caption">
            {caption}
          </p>
        ) : null}
      </div>
    </div>
  );
}
