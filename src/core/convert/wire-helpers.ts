import type { Annotation } from "../model/annotations.js";
import type { Part, TextPart } from "../model/parts.js";

/** Small pure helpers shared by the converters. */

/** A `data:` URL for base64 bytes. */
export function toDataUrl(mediaType: string, base64: string): string {
  return `data:${mediaType};base64,${base64}`;
}

/** Splits a base64 `data:` URL into its media type and bytes; `undefined` for other URLs. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const match = /^data:([^;,]*)(?:;[^;,]*)*;base64,(.*)$/s.exec(url);
  if (!match) return undefined;
  return { mediaType: match[1] || "application/octet-stream", data: match[2]! };
}

/** A tool result as the text both APIs expect: strings as they are, anything else as JSON. */
export function outputToText(output: unknown): string {
  if (typeof output === "string") return output;
  if (output === undefined) return "";
  try {
    return JSON.stringify(output) ?? String(output);
  } catch {
    return String(output);
  }
}

/** An annotation back in the Responses wire shape (for sending assistant text back). */
export function annotationToWire(annotation: Annotation): Record<string, unknown> {
  switch (annotation.type) {
    case "url_citation":
      return {
        type: "url_citation",
        url: annotation.url,
        title: annotation.title ?? "",
        start_index: annotation.startIndex,
        end_index: annotation.endIndex,
      };
    case "file_citation":
      return {
        type: "file_citation",
        file_id: annotation.fileId,
        filename: annotation.filename ?? "",
        index: annotation.index,
      };
    case "container_file_citation":
      return {
        type: "container_file_citation",
        container_id: annotation.containerId,
        file_id: annotation.fileId,
        filename: annotation.filename ?? "",
        start_index: annotation.startIndex,
        end_index: annotation.endIndex,
      };
    case "file_path":
      return { type: "file_path", file_id: annotation.fileId, index: annotation.index };
    case "unknown":
      return annotation.raw;
  }
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The fields of `source` whose keys are not in `mapped`; `undefined` when there are none. */
export function unmappedFields(
  source: Record<string, unknown>,
  mapped: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  const rest = Object.entries(source).filter(([key]) => !mapped.has(key));
  return rest.length > 0 ? Object.fromEntries(rest) : undefined;
}

/**
 * A system or developer message's content for either API: a plain string, or text parts of
 * `textType` when a part carries extra fields that must go back. Other parts are dropped with
 * a warning, since neither API lets a system message hold them.
 */
export function systemMessageContent<TextType extends string>(
  parts: readonly Part[],
  warn: (code: string, message: string, part?: Part) => void,
  textType: TextType,
): string | ({ type: TextType; text: string } & Record<string, unknown>)[] {
  const texts: TextPart[] = [];
  for (const part of parts) {
    if (part.type === "text") texts.push(part);
    else
      warn(
        "unsupported-part",
        `A system message can hold only text; a '${part.type}' part was dropped.`,
        part,
      );
  }
  if (texts.some((part) => part.extra)) {
    return texts.map((part) => ({ ...part.extra, type: textType, text: part.text }));
  }
  return texts.map((part) => part.text).join("\n\n");
}
