import { useState, type CSSProperties, type ReactNode } from "react";
import type { ImagePart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { ImageLightbox } from "./image-lightbox.js";
import { imageAspectRatio, imageFileName, imageSource, partialBlurPx } from "./image-source.js";

/** Props of {@link GeneratedImage}. */
export interface GeneratedImageProps {
  /** The image part (usually `origin: "generated"`). */
  part: ImagePart;
  /**
   * Opens the image in a viewer. Without it the image opens its own lightbox; a gallery
   * passes this to share one viewer between its images.
   */
  onOpen?: () => void;
  /** Hide the download button. */
  hideDownload?: boolean;
  /** Extra class names on the figure. */
  className?: string;
}

/** The two layers drawn while an image sharpens: the previous frame under the newest one. */
interface Layers {
  current: string | undefined;
  previous: string | undefined;
}

/**
 * A generated image as it arrives: a placeholder while the tool starts, partial previews that
 * sharpen (less blur with every partial), a crossfade to the final image, the revised prompt
 * as caption, a keyboard-reachable viewer and a download button.
 */
export function GeneratedImage({
  part,
  onOpen,
  hideDownload = false,
  className,
}: GeneratedImageProps): ReactNode {
  const strings = useStrings();
  const [ownLightbox, setOwnLightbox] = useState(false);
  const src = imageSource(part);
  const [layers, setLayers] = useState<Layers>({ current: src, previous: undefined });
  // Derived during render so the old frame is on screen in the same commit as the new one.
  if (layers.current !== src) setLayers({ current: src, previous: layers.current });

  const state = part.state ?? (src ? "complete" : "generating");
  const sharpening = state === "partial" || state === "generating";
  const blur = state === "partial" ? partialBlurPx(part.partialImageIndex) : 0;
  const alt = strings.generatedImage(part.revisedPrompt);
  const open = onOpen ?? (() => setOwnLightbox(true));

  return (
    <figure
      className={className ? `colloquy-generated-image ${className}` : "colloquy-generated-image"}
      data-state={state}
      aria-busy={sharpening || undefined}
    >
      <div
        className="colloquy-generated-image__frame"
        style={
          {
            "--colloquy-image-blur": `${blur}px`,
            "--colloquy-image-aspect": imageAspectRatio(part),
          } as CSSProperties
        }
      >
        {src ? (
          <button
            type="button"
            className="colloquy-generated-image__open"
            aria-label={
              state === "partial"
                ? `${strings.partialImage(part.partialImageIndex ?? 0)}: ${alt}`
                : `${strings.openImage}: ${alt}`
            }
            onClick={open}
          >
            {layers.previous && layers.previous !== src ? (
              <img
                key={layers.previous}
                className="colloquy-generated-image__img"
                data-layer="previous"
                src={layers.previous}
                alt=""
                aria-hidden="true"
              />
            ) : null}
            <img
              key={src}
              className="colloquy-generated-image__img"
              data-layer="current"
              data-partial={state === "partial" ? "" : undefined}
              src={src}
              alt={alt}
            />
          </button>
        ) : (
          <div
            className="colloquy-generated-image__placeholder"
            role="img"
            aria-label={state === "failed" ? strings.imageFailed : strings.generatingImage}
          >
            {state === "failed" ? null : <span className="colloquy-spinner" aria-hidden="true" />}
            <span aria-hidden="true">
              {state === "failed" ? strings.imageFailed : strings.generatingImage}
            </span>
          </div>
        )}
        {src && state === "complete" && !hideDownload ? (
          <a
            className="colloquy-button colloquy-generated-image__download"
            data-variant="secondary"
            href={src}
            download={imageFileName(part)}
            aria-label={`${strings.download}: ${imageFileName(part)}`}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path
                d="M8 2.5v8M4.5 7.5L8 11l3.5-3.5M3 13.5h10"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            <span>{strings.download}</span>
          </a>
        ) : null}
      </div>
      {part.revisedPrompt ? (
        <figcaption className="colloquy-generated-image__caption">{part.revisedPrompt}</figcaption>
      ) : null}
      {ownLightbox && !onOpen ? (
        <ImageLightbox
          images={[part]}
          index={0}
          onIndexChange={() => {}}
          onClose={() => setOwnLightbox(false)}
        />
      ) : null}
    </figure>
  );
}
