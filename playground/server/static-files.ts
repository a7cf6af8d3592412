import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/** Headers every answer carries: browsers must not guess a type other than the one sent. */
const SAFE_HEADERS = { "x-content-type-options": "nosniff" };

function refuse(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...SAFE_HEADERS, "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

/**
 * Serves a built single-page app from `root`: files as they are, and `index.html` for any
 * other path. Paths that would leave `root`, by `..` or through a symbolic link, are refused,
 * and a path that cannot be decoded gets 400: no request makes the server fail.
 */
export function serveStaticApp(root: string) {
  const realRoot = realpath(root).catch(() => normalize(root));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        refuse(res, 400, "Bad Request: the path is not a valid URL path.");
        return;
      }
      const base = await realRoot;
      const candidate = normalize(join(base, pathname));
      if (pathname.includes("\0") || !inside(base, candidate)) {
        refuse(res, 403, "Forbidden");
        return;
      }
      const file = (await servableFile(base, candidate)) ?? join(base, "index.html");
      const stream = createReadStream(file);
      stream.once("error", () => refuse(res, 404, "Not Found"));
      stream.once("open", () => {
        res.writeHead(200, {
          ...SAFE_HEADERS,
          "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
        });
        stream.pipe(res);
      });
    } catch {
      refuse(res, 500, "Internal Server Error");
    }
  };
}

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** The file to serve at `path`: a regular file whose real location is inside `root`. */
async function servableFile(root: string, path: string): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    if (!inside(root, real) || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}
