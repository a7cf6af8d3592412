import type { Part } from "../model/parts.js";
import { readAttachments, type AttachmentError, type AttachmentLimits } from "./attachments.js";
import type { SendInput } from "./types.js";

/**
 * The parts of the user message `ChatStore.send` adds: the text, the attached files read into
 * parts, then any parts given. A file over the limits refuses the whole message (each
 * refusal named) rather than sending it without the file, so the caller keeps the text.
 */
export async function readUserParts(
  input: SendInput,
  limits: AttachmentLimits,
): Promise<{ parts: Part[] } | { rejected: AttachmentError[] }> {
  if (typeof input === "string")
    return { parts: input === "" ? [] : [{ type: "text", text: input }] };
  if (isPartList(input)) return { parts: [...input] };
  const parts: Part[] = [];
  if (input.text) parts.push({ type: "text", text: input.text });
  const files = input.files ? Array.from(input.files as ArrayLike<File>) : [];
  if (files.length > 0) {
    const read = await readAttachments(files, limits);
    if (read.errors.length > 0) return { rejected: read.errors };
    parts.push(...read.parts);
  }
  if (input.parts) parts.push(...input.parts);
  return { parts };
}

function isPartList(input: SendInput): input is readonly Part[] {
  return Array.isArray(input);
}
