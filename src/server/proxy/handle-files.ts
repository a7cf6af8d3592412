import { passedHeaders } from "./passed-headers.js";
import { readUpstreamAnswer } from "./read-upstream-body.js";
import { contentMatchesType } from "./file-signatures.js";
import { ProxyRejection } from "./openai-error.js";
import type { RouteContext } from "./proxy-context.js";

/** Accepted upload types when none are configured: images the models read, and PDFs. */
export const DEFAULT_FILE_TYPES: readonly string[] = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
];

/** Accepted upload purposes when none are configured. */
export const DEFAULT_FILE_PURPOSES: readonly string[] = ["user_data", "vision", "assistants"];

async function readForm(context: RouteContext): Promise<FormData> {
  const contentType = context.call.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new ProxyRejection(
      415,
      `POST /v1/files takes multipart/form-data with 'file' and 'purpose' fields, not '${contentType || "no content type"}'.`,
      { code: "unsupported_media_type" },
    );
  }
  const bytes = await context.call.readBody(context.settings.files.maxBytes);
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ProxyRejection(400, "The multipart body of POST /v1/files could not be parsed.", {
      code: "invalid_multipart",
    });
  }
}

function fileIdOf(bytes: Uint8Array): string | undefined {
  try {
    const id = (JSON.parse(new TextDecoder().decode(bytes)) as { id?: unknown } | null)?.id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

/** `POST /v1/files`: checks purpose, type (declared and actual) and size, then uploads. */
export async function handleUploadFile(context: RouteContext): Promise<Response> {
  const { files } = context.settings;
  const form = await readForm(context);
  const file = form.get("file");
  const purpose = form.get("purpose");
  if (!(file instanceof File)) {
    throw new ProxyRejection(400, "POST /v1/files needs a 'file' field holding a file.", {
      param: "file",
      code: "missing_file",
    });
  }
  if (typeof purpose !== "string" || !files.purposes.includes(purpose)) {
    throw new ProxyRejection(
      400,
      `The purpose '${String(purpose ?? "")}' is not accepted by this server. Use one of: ${files.purposes.join(", ")}.`,
      { param: "purpose", code: "invalid_purpose" },
    );
  }
  const type = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!files.types.includes(type)) {
    throw new ProxyRejection(
      415,
      `The file type '${type || "unknown"}' of '${file.name}' is not accepted by this server. Upload one of: ${files.types.join(", ")}.`,
      { param: "file", code: "unsupported_file_type" },
    );
  }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (!contentMatchesType(head, type)) {
    throw new ProxyRejection(
      415,
      `The content of '${file.name}' is not ${type}, as its declared type says. Upload the file with its real type.`,
      { param: "file", code: "unsupported_file_type" },
    );
  }
  const upstream = await context.settings.upstream.send(
    { method: "upload", file, purpose },
    context.call.signal,
  );
  if (!upstream.ok) return upstream;
  const bytes = await readUpstreamAnswer(upstream);
  const { responses } = context.settings;
  if (responses.enforced) {
    const id = fileIdOf(bytes);
    // Only the uploader may name the file in a request: remembered before the id goes out.
    if (id !== undefined) await responses.rememberFile(id, await context.owner());
  }
  return new Response(bytes, { status: upstream.status, headers: passedHeaders(upstream) });
}
