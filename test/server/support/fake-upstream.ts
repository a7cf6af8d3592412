import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake upstream received. */
export interface UpstreamHit {
  /** HTTP method. */
  method: string;
  /** Path and query as received. */
  path: string;
  /** Request headers. */
  headers: IncomingMessage["headers"];
  /** Request body text. */
  body: string;
}

/** Things the fake upstream can be told to do for one model name. */
export type UpstreamScript =
  | "echo-key-error" // 401 whose body repeats the Authorization header
  | "never-answer" // accept the request, never send headers
  | "hang-stream" // send one event, then hold the stream open
  | "held-stream"; // send all but the last event, hold the last until released

/** A small OpenAI look-alike on loopback that counts and records what reaches it. */
export interface FakeUpstream {
  /** Base URL for OpenAI clients, ending in /v1. */
  url: string;
  /** Every request received, in order. */
  hits: UpstreamHit[];
  /** Bytes of the last SSE body sent, as sent. */
  lastStreamBody: () => string;
  /** Releases the held last event of a `held-stream`. */
  releaseHeld: () => void;
  /** Resolves with `performance.now()` when a request's connection closed before it finished. */
  nextAbort: () => Promise<number>;
  /** Stops the server and ends open connections. */
  close: () => Promise<void>;
}

/** The Responses stream the fake sends, final usage included. */
export const STREAM_EVENTS = [
  {
    type: "response.created",
    sequence_number: 0,
    response: { id: "resp_1", status: "in_progress" },
  },
  { type: "response.output_text.delta", sequence_number: 1, item_id: "msg_1", delta: "Hel" },
  { type: "response.output_text.delta", sequence_number: 2, item_id: "msg_1", delta: "lo" },
  {
    type: "response.completed",
    sequence_number: 3,
    response: {
      id: "resp_1",
      status: "completed",
      usage: {
        input_tokens: 11,
        output_tokens: 7,
        total_tokens: 18,
        input_tokens_details: { cached_tokens: 2 },
        output_tokens_details: { reasoning_tokens: 3 },
      },
    },
  },
];

const sse = (event: { type: string }) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

const CHAT_CHUNKS = [
  { id: "c1", object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: "Hi" } }] },
  {
    id: "c1",
    object: "chat.completion.chunk",
    choices: [],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  },
];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Starts the fake upstream on a free loopback port. */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const hits: UpstreamHit[] = [];
  let streamBody = "";
  let release: () => void = () => undefined;
  let held = new Promise<void>((r) => (release = r));
  const abortWaiters: ((at: number) => void)[] = [];
  const open = new Set<ServerResponse>();

  const watchAbort = (res: ServerResponse) => {
    res.on("close", () => {
      if (!res.writableFinished) {
        const at = performance.now();
        abortWaiters.splice(0).forEach((w) => w(at));
      }
    });
  };

  const server: Server = createServer(async (req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://x");
    hits.push({
      method: req.method ?? "",
      path: url.pathname + url.search,
      headers: req.headers,
      body,
    });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_fake" });
      res.end(JSON.stringify(value));
    };
    const parsed =
      body && req.headers["content-type"]?.includes("json")
        ? (JSON.parse(body) as Record<string, unknown>)
        : {};
    const model = parsed["model"] as UpstreamScript | string | undefined;
    watchAbort(res);

    if (model === "echo-key-error") {
      return json(401, {
        error: {
          message: `Incorrect API key provided: ${req.headers.authorization}`,
          type: "invalid_request_error",
          param: null,
          code: "invalid_api_key",
        },
        echoed_headers: req.headers,
      });
    }
    if (model === "never-answer") return;
    if (url.pathname === "/v1/responses" && req.method === "POST") {
      if (parsed["stream"] !== true) {
        return json(200, {
          id: "resp_json",
          object: "response",
          status: "completed",
          model,
          output: [],
          usage: STREAM_EVENTS[3]!.response!.usage,
        });
      }
      res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req_fake" });
      streamBody = "";
      const send = (text: string) => {
        streamBody += text;
        res.write(text);
      };
      if (model === "hang-stream") {
        send(sse(STREAM_EVENTS[0]!));
        return;
      }
      for (const event of STREAM_EVENTS.slice(0, -1)) send(sse(event));
      if (model === "held-stream") {
        await held;
        held = new Promise<void>((r) => (release = r));
      }
      send(sse(STREAM_EVENTS.at(-1)!));
      res.end();
      return;
    }
    if (url.pathname === "/v1/chat/completions" && req.method === "POST") {
      if (parsed["stream"] !== true) {
        return json(200, {
          id: "c1",
          object: "chat.completion",
          choices: [
            { index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" },
          ],
          usage: CHAT_CHUNKS[1]!.usage,
        });
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      const include = (parsed["stream_options"] as { include_usage?: boolean } | undefined)
        ?.include_usage;
      streamBody = "";
      for (const chunk of include ? CHAT_CHUNKS : CHAT_CHUNKS.slice(0, 1))
        streamBody += `data: ${JSON.stringify(chunk)}\n\n`;
      streamBody += "data: [DONE]\n\n";
      res.end(streamBody);
      return;
    }
    if (url.pathname === "/v1/models" && req.method === "GET") {
      return json(200, {
        object: "list",
        data: ["gpt-5-mini", "gpt-5", "o3", "gpt-4o-mini-2024-07-18"].map((id) => ({
          id,
          object: "model",
        })),
      });
    }
    const resource = /^\/v1\/responses\/([^/]+)(\/cancel)?$/.exec(url.pathname);
    if (resource) {
      if (resource[1] === "resp_missing")
        return json(404, {
          error: {
            message: "No response with id 'resp_missing'.",
            type: "invalid_request_error",
            param: null,
            code: null,
          },
        });
      if (resource[2])
        return json(200, { id: resource[1], object: "response", status: "cancelled" });
      if (url.searchParams.get("stream") === "true") {
        const after = Number(url.searchParams.get("starting_after") ?? -1);
        res.writeHead(200, { "content-type": "text/event-stream" });
        streamBody = STREAM_EVENTS.filter((e) => e.sequence_number > after)
          .map(sse)
          .join("");
        res.end(streamBody);
        return;
      }
      return json(200, { id: resource[1], object: "response", status: "completed" });
    }
    if (url.pathname === "/v1/files" && req.method === "POST") {
      return json(200, {
        id: "file_1",
        object: "file",
        bytes: body.length,
        purpose: "user_data",
        content_type: req.headers["content-type"],
      });
    }
    json(404, {
      error: {
        message: `fake upstream: no route ${req.method} ${url.pathname}`,
        type: "invalid_request_error",
        param: null,
        code: null,
      },
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    hits,
    lastStreamBody: () => streamBody,
    releaseHeld: () => release(),
    nextAbort: () => new Promise((r) => abortWaiters.push(r)),
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
