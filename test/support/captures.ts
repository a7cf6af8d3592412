import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";

/**
 * Reads the recorded OpenAI traffic in ../shared/fixtures/openai (or $COLLOQUY_CAPTURES)
 * in all five formats of its SOURCES.md, and hands every HTTP exchange back in one shape.
 */

/** Which API a recording belongs to (its folder). */
export type CaptureApi = "responses" | "chat";

/** One recorded HTTP exchange. */
export interface CaptureExchange {
  /** File name inside its folder, e.g. `text-stream.sse`. */
  file: string;
  /** Position of this exchange within the file (0 for single-exchange files). */
  index: number;
  /** The API of the folder the file sits in. */
  api: CaptureApi;
  /** `stream` for SSE bodies, `json` for JSON bodies. */
  kind: "stream" | "json";
  /** HTTP method, where recorded. */
  method?: string;
  /** Request path (after the host), where recorded, e.g. `/v1/responses`. */
  path?: string;
  /** HTTP status, where recorded. */
  status?: number;
  /** The request body, parsed, where recorded. */
  request?: unknown;
  /** The full SSE body text (kind `stream`). */
  sse?: string;
  /** The JSON body (kind `json`). */
  json?: unknown;
}

/** The captures folder: $COLLOQUY_CAPTURES, else ../shared/fixtures/openai beside the repo. */
export function capturesDir(): string {
  return resolve(
    process.env.COLLOQUY_CAPTURES ??
      resolve(import.meta.dirname, "..", "..", "..", "shared", "fixtures", "openai"),
  );
}

/**
 * True when the recordings are present. In CI a missing folder is an error, never a skip,
 * so a broken checkout cannot pass by running nothing.
 */
export function capturesAvailable(): boolean {
  const dir = capturesDir();
  if (existsSync(join(dir, "responses")) && existsSync(join(dir, "chat"))) return true;
  if (process.env.CI === "true" || process.env.CI === "1") {
    throw new Error(
      `The OpenAI recordings are missing at ${dir}. Set COLLOQUY_CAPTURES or check out shared/ beside the repo.`,
    );
  }
  return false;
}

/** Every file name in one API folder, sorted. */
export function captureFiles(api: CaptureApi): string[] {
  return readdirSync(join(capturesDir(), api))
    .filter((name) => !name.startsWith("."))
    .sort();
}

/** The raw text of one recording. */
export function readCapture(api: CaptureApi, file: string): string {
  return readFileSync(join(capturesDir(), api, file), "utf8");
}

/** Turns `.chunks.jsonl` payload lines back into SSE text, one stream per API call. */
export function chunksToSse(api: CaptureApi, text: string): string[] {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const streams: string[][] = [];
  for (const line of lines) {
    const payload = JSON.parse(line) as { type?: string };
    // A new response.created starts the next API call in files that hold several.
    if (streams.length === 0 || (api === "responses" && payload.type === "response.created")) {
      if (!(streams.length === 1 && streams[0]!.length === 0)) streams.push([]);
    }
    const event = api === "responses" && payload.type ? `event: ${payload.type}\n` : "";
    streams.at(-1)!.push(`${event}data: ${line}\n\n`);
  }
  return streams.map((events) => events.join("") + (api === "chat" ? "data: [DONE]\n\n" : ""));
}

function pathOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const url = new URL(uri);
    return url.pathname + url.search;
  } catch {
    return uri;
  }
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function isSse(text: string): boolean {
  return /^(event|data):/m.test(text.slice(0, 500));
}

function sessionExchanges(api: CaptureApi, file: string, text: string): CaptureExchange[] {
  const session = JSON.parse(text) as {
    Entries: {
      RequestUri: string;
      RequestMethod: string;
      RequestBody?: unknown;
      StatusCode: number;
      ResponseBody: unknown;
    }[];
  };
  return session.Entries.map((entry, index) => {
    const base = {
      file,
      index,
      api,
      method: entry.RequestMethod,
      path: pathOf(entry.RequestUri),
      status: entry.StatusCode,
      request: parseMaybeJson(entry.RequestBody),
    };
    if (
      Array.isArray(entry.ResponseBody) &&
      entry.ResponseBody.every((l) => typeof l === "string")
    ) {
      return { ...base, kind: "stream" as const, sse: (entry.ResponseBody as string[]).join("") };
    }
    return { ...base, kind: "json" as const, json: entry.ResponseBody };
  });
}

interface CassetteInteraction {
  request: { method?: string; uri?: string; body?: unknown; parsed_body?: unknown };
  response: {
    status?: { code?: number };
    body?: { string?: unknown } | string;
    parsed_body?: unknown;
  };
}

function cassetteBody(response: CassetteInteraction["response"]): string | undefined {
  const body = typeof response.body === "string" ? response.body : response.body?.string;
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) {
    const bytes = Buffer.from(body);
    return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
  }
  return JSON.stringify(body);
}

function cassetteExchanges(api: CaptureApi, file: string, text: string): CaptureExchange[] {
  const cassette = parseYaml(text) as { interactions: CassetteInteraction[] };
  return cassette.interactions.map((interaction, index) => {
    const { request, response } = interaction;
    const base = {
      file,
      index,
      api,
      method: request.method,
      path: pathOf(request.uri),
      status: response.status?.code,
      request: request.parsed_body ?? parseMaybeJson(request.body),
    };
    if (response.parsed_body !== undefined) {
      return { ...base, kind: "json" as const, json: response.parsed_body };
    }
    const body = cassetteBody(response) ?? "";
    if (isSse(body)) return { ...base, kind: "stream" as const, sse: body };
    return { ...base, kind: "json" as const, json: parseMaybeJson(body) };
  });
}

/** Every exchange in one recording file. */
export function captureExchanges(api: CaptureApi, file: string): CaptureExchange[] {
  const text = readCapture(api, file);
  if (file.endsWith(".chunks.jsonl")) {
    return chunksToSse(api, text).map((sse, index) => ({ file, index, api, kind: "stream", sse }));
  }
  if (file.endsWith(".sse")) return [{ file, index: 0, api, kind: "stream", sse: text }];
  if (file.endsWith(".session.json")) return sessionExchanges(api, file, text);
  if (file.endsWith(".cassette.yaml")) return cassetteExchanges(api, file, text);
  if (file.endsWith(".json"))
    return [{ file, index: 0, api, kind: "json", json: JSON.parse(text) }];
  throw new Error(`Unknown recording format: ${api}/${file}`);
}

/** True when an exchange is a call to the API's main endpoint (not files, vector stores, ...). */
export function isModelCall(exchange: CaptureExchange): boolean {
  if (!exchange.path) return true;
  const path = exchange.path.split("?")[0]!;
  return exchange.api === "chat"
    ? path.endsWith("/chat/completions")
    : /\/responses(\/[^/]+)?$/.test(path) && !path.endsWith("/input_items");
}

/** Every exchange of every recording of one API. */
export function allExchanges(api: CaptureApi): CaptureExchange[] {
  return captureFiles(api).flatMap((file) => captureExchanges(api, file));
}
