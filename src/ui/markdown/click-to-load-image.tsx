import { useState, type ReactNode } from "react";
import { useStrings } from "../strings/index.js";
import { imageHost } from "./image-policy.js";

/** Props of {@link ClickToLoadImage}. */
export interface ClickToLoadImageProps {
  /** The image URL, already sanitised (an allowed scheme). */
  src: string;
  /** Alternative text. */
  alt: string;
  /** Tooltip of the image once loaded. */
  title?: string | undefined;
  /** Class of the `<img>` once loaded. */
  className: string;
}

/**
 * An external image that is not fetched until the reader asks: a link naming the host it
 * would come from ("chart (image from example.com)"). A plain click loads it in place; a
 * modified click opens it in a new tab, as any link. Loaded, it sends no referrer.
 */
export function ClickToLoadImage({ src, alt, title, className }: ClickToLoadImageProps): ReactNode {
  const strings = useStrings();
  const [clicked, setClicked] = useState(false);
  if (clicked) return <LoadedImage src={src} alt={alt} title={title} className={className} />;
  return (
    <a
      className="colloquy-markdown__image-link"
      href={src}
      target="_blank"
      rel="noopener noreferrer"
      data-state="blocked"
      title={strings.loadImage}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        setClicked(true);
      }}
    >
      {strings.imageFrom(imageHost(src), alt)}
    </a>
  );
}

/** An image the policy lets load: lazily, without a referrer. */
export function LoadedImage({ src, alt, title, className }: ClickToLoadImageProps): ReactNode {
  return (
    <img
      className={className}
      src={src}
      alt={alt}
      title={title}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
    />
  );
}
