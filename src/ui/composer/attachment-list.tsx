import { useEffect, useState, type ReactNode } from "react";
import { useStrings } from "../strings/index.js";
import { formatFileSize } from "./validate-attachment.js";

/** A file waiting in the composer to be sent. */
export interface ComposerAttachment {
  /** Stable key for the list. */
  id: string;
  /** The file itself. */
  file: File;
  /** A `data:` URL thumbnail, for images once read. */
  previewUrl?: string;
}

/** Props of {@link AttachmentList}. */
export interface AttachmentListProps {
  /** The attachments, in the order they were added. */
  attachments: readonly ComposerAttachment[];
  /** Removes one attachment; no remove buttons without it. */
  onRemove?: (id: string) => void;
}

/** Attached files: image thumbnails, file chips and audio chips with a player, each removable. */
export function AttachmentList({ attachments, onRemove }: AttachmentListProps): ReactNode {
  const strings = useStrings();
  if (attachments.length === 0) return null;
  return (
    <ul className="colloquy-attachments" aria-label={strings.attachments}>
      {attachments.map(({ id, file, previewUrl }) => {
        const isImage = file.type.startsWith("image/");
        const isAudio = file.type.startsWith("audio/");
        return (
          <li
            key={id}
            className="colloquy-attachment"
            data-kind={isImage ? "image" : isAudio ? "audio" : "file"}
            title={file.name}
          >
            {isImage ? (
              previewUrl ? (
                <img className="colloquy-attachment__thumbnail" src={previewUrl} alt={file.name} />
              ) : (
                <span
                  className="colloquy-attachment__thumbnail"
                  role="img"
                  aria-label={file.name}
                />
              )
            ) : (
              <span className="colloquy-attachment__file">
                <span className="colloquy-attachment__icon" aria-hidden="true">
                  {fileBadge(file)}
                </span>
                <span className="colloquy-attachment__text">
                  <span className="colloquy-attachment__name">{file.name}</span>
                  <span className="colloquy-attachment__size">{formatFileSize(file.size)}</span>
                </span>
                {isAudio ? <AttachmentPlayer file={file} /> : null}
              </span>
            )}
            {onRemove ? (
              <button
                type="button"
                className="colloquy-attachment__remove"
                aria-label={strings.removeAttachment(file.name)}
                onClick={() => onRemove(id)}
              >
                <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                  <path
                    d="M4 4l8 8M12 4l-8 8"
                    stroke="currentColor"
                    strokeWidth="2"
                    strokeLinecap="round"
                  />
                </svg>
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A native player for an attached recording or audio file, so it can be heard before sending. */
function AttachmentPlayer({ file }: { file: File }): ReactNode {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (typeof URL.createObjectURL !== "function") return;
    const next = URL.createObjectURL(file);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url ? (
    <audio
      className="colloquy-attachment__player"
      controls
      preload="metadata"
      src={url}
      aria-label={file.name}
    />
  ) : null;
}

// A short type label (PDF, TXT) reads better than a generic icon.
function fileBadge(file: File): string {
  if (file.type === "application/pdf") return "PDF";
  const extension = /\.([a-z0-9]{1,4})$/i.exec(file.name)?.[1];
  return extension ? extension.toUpperCase() : "FILE";
}
