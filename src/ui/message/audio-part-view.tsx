import { useEffect, useState, type ReactNode } from "react";
import type { AudioPart } from "../../core/index.js";
import { useStrings } from "../strings/index.js";
import { audioBlob } from "./audio-blob.js";

/**
 * Audio in a message: a native player (keyboard and screen reader friendly) once the audio
 * is complete, and the transcript beside it. While it streams, only the transcript grows.
 * Audio referred to by id alone (no bytes) shows its transcript.
 */
export function AudioPartView({ part }: { part: AudioPart }): ReactNode {
  const strings = useStrings();
  const streaming = part.state === "streaming";
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (streaming || !part.data) return;
    const blob = audioBlob(part.data, part.format);
    if (!blob) return;
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setUrl(undefined);
    };
  }, [part.data, part.format, streaming]);
  return (
    <figure
      className="colloquy-message__audio"
      data-state={part.state ?? "done"}
      data-origin={part.origin}
      {...(part.format ? { "data-format": part.format } : {})}
    >
      <figcaption className="colloquy-message__audio-label">{strings.audio}</figcaption>
      {url ? (
        <audio className="colloquy-message__audio-player" controls preload="metadata" src={url}>
          <a
            href={url}
            download={`audio.${part.format === "pcm16" ? "wav" : (part.format ?? "wav")}`}
          >
            {strings.audio}
          </a>
        </audio>
      ) : null}
      {part.transcript ? <p className="colloquy-message__transcript">{part.transcript}</p> : null}
    </figure>
  );
}
