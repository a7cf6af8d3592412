import { ColloquyError } from "../errors.js";
import { INPUT_AUDIO_TYPES, inputAudioFormat } from "../model/audio-format.js";
import type { AudioPart, FilePart, ImagePart, Part } from "../model/parts.js";

/** What a chat accepts as attachments. */
export interface AttachmentLimits {
  /** MIME types accepted as images (become image parts). */
  imageTypes: readonly string[];
  /** MIME types accepted as files (become file parts). */
  fileTypes: readonly string[];
  /**
   * MIME types accepted as audio (become audio parts, sent as `input_audio` on Chat
   * Completions): WAV and MP3, the two formats the API takes. Sized by `maxFileBytes`.
   */
  audioTypes: readonly string[];
  /** Largest image, in bytes. */
  maxImageBytes: number;
  /** Largest file or recording, in bytes. */
  maxFileBytes: number;
}

/**
 * The largest attachment by default, 5 MB. Attachments travel inline as base64 (4/3 of their
 * size), and 5 MB of it plus the conversation fits the proxy's default 8 MB body limit, so a
 * file accepted here is never refused by the proxy. Raise both together.
 */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The defaults: the image formats OpenAI's vision models read, PDFs, WAV and MP3, 5 MB each. */
export const defaultAttachmentLimits: AttachmentLimits = {
  imageTypes: ["image/png", "image/jpeg", "image/webp", "image/gif"],
  fileTypes: ["application/pdf"],
  audioTypes: INPUT_AUDIO_TYPES,
  maxImageBytes: DEFAULT_MAX_ATTACHMENT_BYTES,
  maxFileBytes: DEFAULT_MAX_ATTACHMENT_BYTES,
};

/** An attachment refused before sending: its name, type and size, and the limit it broke. */
export class AttachmentError extends ColloquyError {
  /** The file's name. */
  readonly fileName: string;
  /** The file's MIME type (empty when the browser could not tell). */
  readonly fileType: string;
  /** The file's size in bytes. */
  readonly fileSize: number;
  /** `type` when the kind of file is not accepted, `size` when it is too large, `read` when it could not be read. */
  readonly reason: "type" | "size" | "read";
  /** The limit broken: accepted types, or the maximum size in bytes. */
  readonly limit: readonly string[] | number;

  constructor(
    file: { name: string; type: string; size: number },
    reason: "type" | "size" | "read",
    limit: readonly string[] | number,
    cause?: unknown,
  ) {
    super(
      "invalid_input",
      describe(file, reason, limit),
      cause === undefined ? undefined : { cause },
    );
    this.name = "AttachmentError";
    this.fileName = file.name;
    this.fileType = file.type;
    this.fileSize = file.size;
    this.reason = reason;
    this.limit = limit;
  }
}

function describe(
  file: { name: string; type: string; size: number },
  reason: "type" | "size" | "read",
  limit: readonly string[] | number,
): string {
  const type = file.type || "unknown type";
  if (reason === "type") {
    return `"${file.name}" (${type}) cannot be attached: accepted types are ${(limit as readonly string[]).join(", ")}. Convert it or attach another file.`;
  }
  if (reason === "size") {
    return `"${file.name}" (${type}, ${formatBytes(file.size)}) is too large: the limit is ${formatBytes(limit as number)}. Attach a smaller file.`;
  }
  return `"${file.name}" (${type}, ${formatBytes(file.size)}) could not be read. Attach it again.`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Checks one file against the limits; returns the error, or undefined when it is fine. */
export function checkAttachment(file: File, limits: AttachmentLimits): AttachmentError | undefined {
  const isImage = limits.imageTypes.includes(file.type);
  const isFile = limits.fileTypes.includes(file.type) || limits.audioTypes.includes(file.type);
  if (!isImage && !isFile) {
    return new AttachmentError(file, "type", [
      ...limits.imageTypes,
      ...limits.fileTypes,
      ...limits.audioTypes,
    ]);
  }
  const max = isImage ? limits.maxImageBytes : limits.maxFileBytes;
  if (file.size > max) return new AttachmentError(file, "size", max);
  return undefined;
}

/**
 * Turns files into parts (images to image parts with a data URL, WAV and MP3 to input audio
 * parts, others to file parts with base64 data). Every file is checked first; if any fails, no part is returned and the
 * errors name each refused file.
 */
export async function readAttachments(
  files: readonly File[],
  limits: AttachmentLimits,
): Promise<{ parts: Part[]; errors: AttachmentError[] }> {
  const errors = files.map((file) => checkAttachment(file, limits)).filter((e) => e !== undefined);
  if (errors.length > 0) return { parts: [], errors };
  const parts: Part[] = [];
  for (const file of files) {
    let data: string;
    try {
      data = await readBase64(file);
    } catch (cause) {
      errors.push(new AttachmentError(file, "read", 0, cause));
      continue;
    }
    if (limits.imageTypes.includes(file.type)) {
      const image: ImagePart = {
        type: "image",
        origin: "input",
        url: `data:${file.type};base64,${data}`,
        mediaType: file.type,
      };
      parts.push(image);
    } else if (limits.audioTypes.includes(file.type)) {
      // Another audio type given in `audioTypes` keeps its subtype as the format, and the
      // Chat Completions converter says it cannot be sent rather than mislabel it.
      const format = inputAudioFormat(file.type) ?? file.type.replace(/^audio\//, "");
      const audio: AudioPart = { type: "audio", origin: "input", data, format };
      parts.push(audio);
    } else {
      const part: FilePart = { type: "file", mediaType: file.type, data, filename: file.name };
      parts.push(part);
    }
  }
  return errors.length > 0 ? { parts: [], errors } : { parts, errors };
}

async function readBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await readBytes(file));
  let binary = "";
  // Chunked so large files do not overflow the argument limit of fromCharCode.
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}
