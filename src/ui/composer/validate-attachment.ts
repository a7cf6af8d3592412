/**
 * Checks a file against the composer's `accept` list and size limit before it is attached.
 * Pure, so the rules can be tested without a DOM.
 */

import { defaultAttachmentLimits } from "../../core/index.js";
import { inputAudioFormat } from "../../core/model/audio-format.js";

/**
 * The composer's default attachment limit, the chat's own (5 MB): attachments travel inline
 * as base64, and 5 MB of it plus the conversation fits the proxy's default 8 MB body limit,
 * so a file the composer accepts is never refused by the proxy.
 */
export const MAX_ATTACHMENT_BYTES = defaultAttachmentLimits.maxImageBytes;

/** Why a file was refused. */
export type AttachmentProblem =
  | {
      /** The file is larger than the limit. */
      reason: "size";
      /** The limit in bytes. */
      limit: number;
    }
  | {
      /** The file's type is not in the accept list. */
      reason: "type";
      /** The accept list as given. */
      accepted: readonly string[];
    }
  | {
      /**
       * `audio-format`: audio the model does not take (only WAV and MP3 go as `input_audio`);
       * `audio-api`: audio in a composer whose API takes none (the Responses API).
       */
      reason: "audio-format" | "audio-api";
    }
  | {
      /** The microphone could not be used (permission refused, no device, recording failed). */
      reason: "microphone";
      /** The browser's reason. */
      detail: string;
    };

/** Splits an `accept` string (`"image/*,.pdf"`) into its entries. */
export function parseAccept(accept: string | undefined): string[] {
  if (!accept) return [];
  return accept
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "");
}

/** True when a file matches one entry of an accept list (MIME type, `type/*` or `.ext`). */
export function matchesAccept(
  file: { name: string; type: string },
  accepted: readonly string[],
): boolean {
  if (accepted.length === 0) return true;
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return accepted.some((entry) => {
    if (entry.startsWith(".")) return name.endsWith(entry);
    if (entry.endsWith("/*")) return type.startsWith(entry.slice(0, -1));
    return type === entry;
  });
}

/** True when an accept list takes WAV audio, which is what a recording becomes. */
export function acceptsRecordings(accept: string | undefined): boolean {
  return matchesAccept({ name: "recording.wav", type: "audio/wav" }, parseAccept(accept));
}

/**
 * The problem with attaching `file`, or `undefined` when it may be attached. Audio, where
 * the accept list takes audio at all, is refused with what to do when the API takes none
 * (`audioInput: false`) or the format is neither WAV nor MP3.
 */
export function validateAttachment(
  file: { name: string; type: string; size: number },
  {
    accept,
    maxFileSize,
    audioInput = true,
  }: { accept?: string; maxFileSize?: number; audioInput?: boolean },
): AttachmentProblem | undefined {
  const accepted = parseAccept(accept);
  const takesAudio = accepted.length === 0 || accepted.some((entry) => entry.startsWith("audio/"));
  if (takesAudio && file.type.startsWith("audio/")) {
    if (!audioInput) return { reason: "audio-api" };
    if (!inputAudioFormat(file.type)) return { reason: "audio-format" };
  }
  if (!matchesAccept(file, accepted)) return { reason: "type", accepted };
  if (maxFileSize !== undefined && file.size > maxFileSize) {
    return { reason: "size", limit: maxFileSize };
  }
  return undefined;
}

/** A byte count for people: `512 B`, `1.5 KB`, `20 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1);
  return `${rounded} ${units[unit]}`;
}
