import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Content types by extension; anything else is served as bytes to download, never sniffed. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
};

/** The package's own `<colloquy-chat>` scripts, served under this path beside the folder. */
export const ELEMENT_SCRIPT_PATH = "/colloquy/";
const ELEMENT_SCRIPTS = ["colloquy-chat.js", "colloquy-chat.iife.js"];

/** Where the built element scripts are: beside the built CLI, or in dist/ from the sources. */
function packageDist(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return here.includes(`${sep}src${sep}server${sep}cli`) ? resolve(here, "../../../dist") : here;
}

/** Options of {@link serveStaticFiles}. */
export interface StaticFilesOptions {
  /** The folder holding the built element scripts (default: the package's dist). */
  elementScripts?: string;
  /**
   * Serve the folder as a single-page app: a GET for a path with no file gets the folder's
   * `index.html` (the app routes it), instead of a 404. Off for `colloquy serve --static`.
   */
  singlePageApp?: boolean;
}

/** Answers one request from the static folder (always: a file, a 404, a 400 or a 405). */
export type StaticFilesHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function reply(res: ServerResponse, status: number, text: string, headers = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(text);
}

/** `path` if it is a file inside `root` once every symlink is resolved; undefined otherwise. */
async function fileInside(root: string, path: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return undefined;
  }
  if (real !== root && !real.startsWith(root + sep)) return undefined;
  const info = await stat(real);
  if (info.isDirectory()) return fileInside(root, join(real, "index.html"));
  return info.isFile() ? real : undefined;
}

/**
 * Serves the files of `folder` (`colloquy serve --static <dir>`): GET and HEAD only, a folder's
 * `index.html` for the folder, 404 for anything missing. Safe by construction: the path is
 * decoded once and resolved inside the folder, `..`, encoded slashes and dot-files (`.env`,
 * `.git`) are refused, and a symlink pointing out of the folder is a 404 like a missing file.
 * Every answer carries its content type and `nosniff`. Under `/colloquy/` it also serves the
 * package's own `colloquy-chat.js` and `colloquy-chat.iife.js`, so a page in the folder can load
 * the element without copying it (a file of the folder at the same path wins).
 */
export async function serveStaticFiles(
  folder: string,
  options: StaticFilesOptions = {},
): Promise<StaticFilesHandler> {
  let root: string;
  try {
    root = await realpath(resolve(folder));
    if (!(await stat(root)).isDirectory()) throw new Error("not a folder");
  } catch {
    throw new Error(
      `--static ${folder}: no such folder. Give the folder holding your pages, e.g. --static public.`,
    );
  }
  const scripts = options.elementScripts ?? packageDist();
  const dist = await realpath(scripts).catch(() => scripts);
  const answer: StaticFilesHandler = async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      reply(res, 405, "Only GET and HEAD are served from the static folder.", {
        allow: "GET, HEAD",
      });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      reply(res, 400, "The path is not valid URL encoding.");
      return;
    }
    const segments = pathname.split("/").filter(Boolean);
    const refused = segments.some(
      (segment) => segment.startsWith(".") || segment.includes("\\") || segment.includes("\0"),
    );
    let file = refused ? undefined : await fileInside(root, join(root, ...segments));
    if (!file && !refused && pathname.startsWith(ELEMENT_SCRIPT_PATH)) {
      const name = pathname.slice(ELEMENT_SCRIPT_PATH.length);
      if (ELEMENT_SCRIPTS.includes(name)) file = await fileInside(dist, join(dist, name));
      if (!file && ELEMENT_SCRIPTS.includes(name)) {
        reply(res, 404, `${name} is not built: run \`npm run build\` in the colloquy package.`);
        return;
      }
    }
    if (!file && !refused && options.singlePageApp) {
      file = await fileInside(root, join(root, "index.html"));
    }
    if (!file) {
      reply(res, 404, `Not found: ${pathname}`);
      return;
    }
    const info = await stat(file);
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": info.size,
      "x-content-type-options": "nosniff",
      "cache-control": "no-cache",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  };
  return async (req, res) => {
    try {
      await answer(req, res);
    } catch {
      // A file that vanished or turned unreadable between the checks and the read.
      if (res.headersSent) res.destroy();
      else reply(res, 500, "The file could not be read.");
    }
  };
}
