import type { IdFactory } from "./ids.js";
import { errorResponse, jsonResponse } from "./openai-error.js";

/**
 * `POST /v1/files`: accepts a multipart upload and answers with OpenAI's file object. The
 * bytes are not kept; the scripted file search and code interpreter need only the id.
 */
export async function uploadFile(
  http: Request,
  ids: IdFactory,
  createdAt: number,
): Promise<Response> {
  let form: FormData;
  try {
    form = await http.formData();
  } catch {
    return errorResponse(400, {
      message: "Upload files as multipart/form-data with a `file` field and a `purpose` field.",
      type: "invalid_request_error",
    });
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) {
    return errorResponse(400, {
      message: "The upload has no `file` field. Add the file as multipart field `file`.",
      type: "invalid_request_error",
      param: "file",
    });
  }
  return jsonResponse({
    id: ids.next("file"),
    object: "file",
    bytes: file.size,
    created_at: createdAt,
    filename: "name" in file && typeof file.name === "string" ? file.name : "upload",
    purpose: String(form.get("purpose") ?? "user_data"),
    status: "processed",
    expires_at: null,
    status_details: null,
  });
}
