import { errorResponse, jsonResponse, CORS } from "./openai-error.js";

/** A file the scripted code interpreter wrote into its container. */
export interface ContainerFile {
  /** The file's id, `cfile_...`. */
  id: string;
  /** The container it lives in, `cntr_...`. */
  containerId: string;
  /** Where the code wrote it, e.g. `/mnt/data/plot.png`. */
  path: string;
  /** Its media type, sent as the content's `content-type`. */
  mimeType: string;
  /** Its bytes. */
  bytes: Uint8Array;
  /** Unix seconds it was made. */
  createdAt: number;
}

/**
 * The files the emulator's code interpreter produced, served as OpenAI serves container
 * files (`GET /v1/containers/{id}/files/{file_id}` and `.../content`), so a client can
 * download what a `container_file_citation` points at. Kept for the emulator's lifetime,
 * at most `limit` of them (the oldest are forgotten first).
 */
export class ContainerFiles {
  private readonly files = new Map<string, ContainerFile>();

  constructor(private readonly limit = 50) {}

  /** Keeps `file` until `limit` newer ones push it out. */
  add(file: ContainerFile): void {
    this.files.set(`${file.containerId}/${file.id}`, file);
    for (const key of this.files.keys()) {
      if (this.files.size <= this.limit) break;
      this.files.delete(key);
    }
  }

  /** The answer to `GET /containers/{containerId}/files/{fileId}[/content]`. */
  serve(containerId: string, fileId: string, content: boolean): Response {
    const file = this.files.get(`${containerId}/${fileId}`);
    if (!file) {
      return errorResponse(404, {
        message: `No file with id '${fileId}' in container '${containerId}' is kept by the emulator. Container files come from the code interpreter scenario's answers.`,
        type: "invalid_request_error",
        code: "not_found",
      });
    }
    if (!content) {
      return jsonResponse({
        id: file.id,
        object: "container.file",
        bytes: file.bytes.byteLength,
        container_id: file.containerId,
        created_at: file.createdAt,
        path: file.path,
        source: "assistant",
      });
    }
    return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers: { "content-type": file.mimeType, ...CORS },
    });
  }
}
