import type { AudioPart, FilePart, ImagePart, Part, TextPart } from "../model/parts.js";
import { annotationFromWire } from "./parts-from-output-item.js";
import { describe, invalidInput } from "./input-errors.js";
import { isOwnMediaPart, partFromStandardBlock } from "./standard-blocks.js";
import { isRecord, parseDataUrl, unmappedFields } from "./wire-helpers.js";

/**
 * Content parts in either API's input shape (and our own parts) -> message parts. Used by
 * `toMessages` for user, system and assistant content.
 */

const OWN_PART_TYPES: ReadonlySet<string> = new Set(["reasoning", "tool-call", "unknown"]);

const EXPECTED_CONTENT =
  "expected text, image, file, audio, image_url, input_audio, input_text, input_image, input_file, output_text or refusal";

function mediaTypeFromFilename(filename: string | undefined): string {
  const extension = filename?.toLowerCase().split(".").pop();
  const known: Record<string, string> = {
    pdf: "application/pdf",
    txt: "text/plain",
    md: "text/markdown",
    csv: "text/csv",
    json: "application/json",
    html: "text/html",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
  return (extension && known[extension]) || "application/octet-stream";
}

function imageFromUrl(url: string, detail: unknown, fileId?: unknown): ImagePart {
  const part: ImagePart = { type: "image", origin: "input" };
  const parsed = url ? parseDataUrl(url) : undefined;
  if (parsed) {
    part.data = parsed.data;
    part.mediaType = parsed.mediaType;
  } else if (url) {
    part.url = url;
  }
  if (typeof fileId === "string") part.fileId = fileId;
  if (detail === "auto" || detail === "low" || detail === "high" || detail === "original") {
    part.detail = detail;
  }
  return part;
}

function fileFromWire(fields: Record<string, unknown>): FilePart {
  const filename = typeof fields.filename === "string" ? fields.filename : undefined;
  const parsed = typeof fields.file_data === "string" ? parseDataUrl(fields.file_data) : undefined;
  const part: FilePart = {
    type: "file",
    mediaType: parsed?.mediaType ?? mediaTypeFromFilename(filename),
  };
  if (parsed) part.data = parsed.data;
  else if (typeof fields.file_data === "string") part.data = fields.file_data;
  if (typeof fields.file_url === "string") part.url = fields.file_url;
  if (typeof fields.file_id === "string") part.fileId = fields.file_id;
  if (filename) part.filename = filename;
  return part;
}

const TEXT_MAPPED: ReadonlySet<string> = new Set(["type", "text", "annotations", "logprobs"]);

/** Keeps fields of a text content part this version does not map (e.g. cache breakpoints). */
function withExtra(part: TextPart, raw: Record<string, unknown>): TextPart {
  const extra = unmappedFields(raw, TEXT_MAPPED);
  return extra ? { ...part, extra } : part;
}

/** One content part (Chat, Responses, or one of our own parts) -> a message part. */
export function partFromContent(raw: unknown, where: string): Part {
  if (typeof raw === "string") return { type: "text", text: raw };
  if (!isRecord(raw))
    return invalidInput(where, `expected a content part object, got ${describe(raw)}`);
  switch (raw.type) {
    case "text":
    case "input_text":
      if (typeof raw.text !== "string")
        return invalidInput(where, "a text part needs a string 'text'");
      return withExtra({ type: "text", text: raw.text }, raw);
    case "output_text": {
      if (typeof raw.text !== "string")
        return invalidInput(where, "an output_text part needs a string 'text'");
      const annotations = Array.isArray(raw.annotations) ? raw.annotations : [];
      return withExtra(
        {
          type: "text",
          text: raw.text,
          ...(annotations.length > 0 ? { annotations: annotations.map(annotationFromWire) } : {}),
        },
        raw,
      );
    }
    case "refusal":
      return { type: "refusal", refusal: typeof raw.refusal === "string" ? raw.refusal : "" };
    case "image_url": {
      const image = isRecord(raw.image_url) ? raw.image_url : { url: raw.image_url };
      if (typeof image.url !== "string")
        return invalidInput(where, "an image_url part needs image_url.url");
      return imageFromUrl(image.url, image.detail);
    }
    case "input_image":
      if (typeof raw.image_url !== "string" && typeof raw.file_id !== "string") {
        return invalidInput(where, "an input_image part needs image_url or file_id");
      }
      return imageFromUrl(
        typeof raw.image_url === "string" ? raw.image_url : "",
        raw.detail,
        raw.file_id,
      );
    case "file":
      if (isRecord(raw.file)) return fileFromWire(raw.file);
      if (isOwnMediaPart(raw)) return raw as unknown as FilePart;
      return partFromStandardBlock(raw, where);
    case "image":
    case "audio":
      if (isOwnMediaPart(raw)) return raw as unknown as Part;
      return partFromStandardBlock(raw, where);
    case "input_file":
      return fileFromWire(raw);
    case "input_audio": {
      const audio = isRecord(raw.input_audio) ? raw.input_audio : {};
      if (typeof audio.data !== "string")
        return invalidInput(where, "an input_audio part needs input_audio.data");
      const part: AudioPart = { type: "audio", origin: "input", data: audio.data };
      if (typeof audio.format === "string") part.format = audio.format;
      return part;
    }
  }
  if (typeof raw.type === "string" && OWN_PART_TYPES.has(raw.type)) return raw as unknown as Part;
  return invalidInput(
    where,
    `unknown content part type ${describe(raw.type)}; ${EXPECTED_CONTENT}`,
  );
}

/** A message's `content` (string, null, or an array of parts) -> message parts. */
export function partsFromContent(content: unknown, where: string): Part[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  if (!Array.isArray(content)) {
    return invalidInput(
      where,
      `content must be a string or an array of parts, got ${describe(content)}`,
    );
  }
  return content.map((entry, index) => partFromContent(entry, `${where}[${index}]`));
}
