import { ProxyRejection } from "./openai-error.js";
import type { RouteContext } from "./proxy-context.js";
import { passedAnswer } from "./relay-response.js";

const ID = /^[A-Za-z0-9_-]{1,200}$/;

function idParam(context: RouteContext, name: string, example: string): string {
  const id = context.params[name] ?? "";
  if (!ID.test(id)) {
    throw new ProxyRejection(
      400,
      `'${id}' is not a ${name.replace("_", " ")}. Use one like ${example}.`,
      {
        param: name,
        code: "invalid_value",
      },
    );
  }
  return id;
}

/** The container and file a request names, once the caller is shown to own the container. */
async function ownedFile(context: RouteContext): Promise<{ container: string; file: string }> {
  const container = idParam(context, "container_id", "cntr_abc123");
  const file = idParam(context, "file_id", "cfile_abc123");
  await context.settings.responses.authorizeContainer(container, await context.owner());
  return { container, file };
}

/**
 * `GET /v1/containers/{container_id}/files/{file_id}`: a container file's metadata (its
 * path, size), for the caller whose response's code interpreter ran in the container only.
 */
export async function handleRetrieveContainerFile(context: RouteContext): Promise<Response> {
  const { container, file } = await ownedFile(context);
  const upstream = await context.settings.upstream.send(
    { method: "get", path: `/containers/${container}/files/${file}` },
    context.call.signal,
  );
  return passedAnswer(upstream);
}

/**
 * `GET /v1/containers/{container_id}/files/{file_id}/content`: the bytes of a file the code
 * interpreter wrote (what a `container_file_citation` or a `sandbox:` link points at), for
 * the container's owner only. Streamed with the upstream's content type, always as an
 * attachment and never sniffed: the file is the model's output, and opened inline from the
 * proxy's origin an HTML or SVG file could run script there.
 */
export async function handleContainerFileContent(context: RouteContext): Promise<Response> {
  const { container, file } = await ownedFile(context);
  const upstream = await context.settings.upstream.send(
    { method: "get", path: `/containers/${container}/files/${file}/content` },
    context.call.signal,
  );
  if (!upstream.ok) return upstream;
  const answer = passedAnswer(upstream);
  const headers = new Headers(answer.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/octet-stream");
  headers.set("content-disposition", `attachment; filename="${file}"`);
  headers.set("x-content-type-options", "nosniff");
  headers.set("content-security-policy", "sandbox; default-src 'none'");
  return new Response(answer.body, { status: answer.status, headers });
}
