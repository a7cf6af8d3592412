import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCliArguments } from "../../src/server/cli/cli-arguments.js";
import { serveStaticFiles } from "../../src/server/cli/static-files.js";

let server: Server;
let origin: string;
let outside: string;

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function get(path: string, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(`${origin}/`, { method, path }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), "colloquy-static-"));
  const site = join(base, "site");
  outside = join(base, "secret.txt");
  const scripts = join(base, "scripts");
  mkdirSync(join(site, "docs"), { recursive: true });
  mkdirSync(scripts);
  writeFileSync(outside, "outside the folder");
  writeFileSync(join(site, "index.html"), "<!doctype html><title>home</title>");
  writeFileSync(join(site, "docs", "index.html"), "<!doctype html><title>docs</title>");
  writeFileSync(join(site, "app.js"), "export {};");
  writeFileSync(join(site, "data.bin"), "bytes");
  writeFileSync(join(site, ".env"), "OPENAI_API_KEY=sk-secret");
  writeFileSync(join(scripts, "colloquy-chat.js"), "/* element */");
  symlinkSync(outside, join(site, "escape.txt"));
  symlinkSync(base, join(site, "up"));
  const handler = await serveStaticFiles(site, { elementScripts: scripts });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("colloquy serve --static", () => {
  it("serves a folder's index.html with its content type and nosniff", async () => {
    for (const path of ["/", "/docs", "/docs/"]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
    }
    expect((await get("/docs/")).body).toContain("docs");
  });

  it("gives scripts a JavaScript type and unknown files bytes, never a sniffed type", async () => {
    expect((await get("/app.js")).headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const bytes = await get("/data.bin");
    expect(bytes.headers["content-type"]).toBe("application/octet-stream");
    expect(bytes.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers 404 for a missing file, with nosniff", async () => {
    const response = await get("/missing.html");
    expect(response.status).toBe(404);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses path traversal, plain or encoded", async () => {
    for (const path of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/docs/..%2f..%2fsecret.txt",
      "/%2e%2e%5csecret.txt",
      "/..%5c..%5csecret.txt",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain("outside the folder");
    }
  });

  it("refuses a symlink that points out of the folder, to a file or a folder", async () => {
    expect((await get("/escape.txt")).status).toBe(404);
    expect((await get("/up/secret.txt")).status).toBe(404);
  });

  it("refuses dot-files such as .env", async () => {
    expect((await get("/.env")).status).toBe(404);
    expect((await get("/%2eenv")).status).toBe(404);
  });

  it("answers 400 for broken URL encoding and 405 for writes", async () => {
    expect((await get("/%E0%A4%A")).status).toBe(400);
    const post = await get("/index.html", "POST");
    expect(post.status).toBe(405);
    expect(post.headers["allow"]).toBe("GET, HEAD");
  });

  it("answers HEAD with the headers and no body", async () => {
    const head = await get("/app.js", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe("10");
    expect(head.body).toBe("");
  });

  it("serves the package's element scripts under /colloquy/, and says when one is not built", async () => {
    const script = await get("/colloquy/colloquy-chat.js");
    expect(script.status).toBe(200);
    expect(script.body).toBe("/* element */");
    const missing = await get("/colloquy/colloquy-chat.iife.js");
    expect(missing.status).toBe(404);
    expect(missing.body).toContain("npm run build");
  });
});

describe("a single-page app served from a folder", () => {
  it("answers a path with no file with the app's index.html, and still refuses what leaves it", async () => {
    const base = mkdtempSync(join(tmpdir(), "colloquy-spa-"));
    writeFileSync(join(base, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(base, ".env"), "OPENAI_API_KEY=sk-secret");
    const handler = await serveStaticFiles(base, { singlePageApp: true });
    const app = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const fetchPath = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const port = (app.address() as AddressInfo).port;
        const req = request({ host: "127.0.0.1", port, path }, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end();
      });
    try {
      const route = await fetchPath("/settings/profile");
      expect(route.status).toBe(200);
      expect(route.body).toContain("<title>app</title>");
      const secret = await fetchPath("/.env");
      expect(secret.status).toBe(404);
      expect(secret.body).not.toContain("sk-secret");
      expect((await fetchPath("/%E0%A4%A")).status).toBe(400);
    } finally {
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
    }
  });

  it("answers 404 for a path with no file when it is not a single-page app", async () => {
    expect((await get("/settings/profile")).status).toBe(404);
  });
});

describe("colloquy serve --static <dir> on the command line", () => {
  it("parses the folder, and leaves it unset without the flag", () => {
    const given = parseCliArguments(["serve", "--static", "examples/plain-html"]);
    expect(given.command === "serve" && given.args.staticDir).toBe("examples/plain-html");
    const none = parseCliArguments(["serve"]);
    expect(none.command === "serve" && none.args.staticDir).toBeUndefined();
  });
});
