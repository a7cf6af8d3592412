import { inputAudioFormat } from "../model/audio-format.js";
import type { AudioPart, FilePart, ImagePart, Part } from "../model/parts.js";
import { invalidInput } from "./input-errors.js";
import { isRecord, parseDataUrl } from "./wire-helpers.js";

/**
 * LangChain's standard multimodal content blocks -> message parts:
 * `{ type: "image" | "file" | "audio", url | base64 | id, mime_type, filename }`, and the
 * older form with `source_type` (`url`, `base64`, `id`) and `data`. They share their `type`
 * with colloquy's own parts, which are told apart by their own fields (`origin` on images
 * and audio, `mediaType` on files). A block that names no source, or one neither API can
 * take (audio by URL or file id, or in a format other than wav and mp3), is an `invalid_input`
 * error naming the block and field,
 * never a silent drop.
 */

/** True when a `{ type: "image" | "file" | "audio" }` record is one of colloquy's own parts. */
export function isOwnMediaPart(raw: Record<string, unknown>): boolean {
  if (raw.type === "file") return typeof raw.mediaType === "string";
  return typeof raw.origin === "string";
}

interface Source {
  url?: string;
  data?: string;
  fileId?: string;
  mediaType?: string;
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The extra fields LangChain keeps beside a block (`extras` now, `metadata` before). */
function extra(raw: Record<string, unknown>, key: string): unknown {
  if (raw[key] !== undefined) return raw[key];
  if (isRecord(raw.extras) && raw.extras[key] !== undefined) return raw.extras[key];
  if (isRecord(raw.metadata)) return raw.metadata[key];
  return undefined;
}

function sourceOf(raw: Record<string, unknown>, where: string): Source {
  const source: Source = {};
  const kind = `${raw.type === "audio" ? "an audio" : raw.type === "image" ? "an image" : "a file"} block`;
  const mime = str(raw.mime_type) ?? str(raw.mimeType);
  if (mime) source.mediaType = mime;
  const sourceType = str(raw.source_type);
  const url = str(raw.url);
  const base64 = str(raw.base64) ?? (sourceType === "base64" ? str(raw.data) : undefined);
  const id = str(raw.id) ?? str(raw.file_id) ?? str(raw.fileId);
  if (sourceType !== undefined && !["url", "base64", "id"].includes(sourceType)) {
    invalidInput(
      `${where}.source_type`,
      `${kind} with source_type '${sourceType}' cannot be sent; use url, base64 or id`,
    );
  }
  if (url) {
    const parsed = parseDataUrl(url);
    if (parsed) {
      source.data = parsed.data;
      source.mediaType ??= parsed.mediaType;
    } else {
      source.url = url;
    }
  }
  if (base64) source.data = base64;
  if (id) source.fileId = id;
  if (source.url === undefined && source.data === undefined && source.fileId === undefined) {
    invalidInput(where, `${kind} needs 'url', 'base64' or 'id' (got none of them)`);
  }
  if (source.data !== undefined && source.mediaType === undefined) {
    invalidInput(`${where}.mime_type`, `${kind} given as base64 needs 'mime_type'`);
  }
  return source;
}

/** One standard block (`image`, `file` or `audio`) -> its part. */
export function partFromStandardBlock(raw: Record<string, unknown>, where: string): Part {
  const source = sourceOf(raw, where);
  if (raw.type === "image") {
    const part: ImagePart = { type: "image", origin: "input", ...source };
    const detail = extra(raw, "detail");
    if (detail === "auto" || detail === "low" || detail === "high" || detail === "original") {
      part.detail = detail;
    }
    return part;
  }
  if (raw.type === "file") {
    const filename = str(extra(raw, "filename")) ?? str(extra(raw, "name"));
    const part: FilePart = {
      type: "file",
      ...source,
      mediaType: source.mediaType ?? "application/octet-stream",
    };
    if (filename) part.filename = filename;
    return part;
  }
  if (source.data === undefined) {
    invalidInput(
      `${where}.${source.url !== undefined ? "url" : "id"}`,
      "audio input is sent as base64 data only (input_audio); download the audio and give 'base64' with 'mime_type'",
    );
  }
  const format = inputAudioFormat(source.mediaType!);
  if (format === undefined) {
    invalidInput(
      `${where}.mime_type`,
      `audio input is sent as wav or mp3 only (audio/wav or audio/mpeg), not '${source.mediaType}'; convert the audio first`,
    );
  }
  const part: AudioPart = { type: "audio", origin: "input", data: source.data, format };
  return part;
}
