import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOpenAIProxy,
  toNodeHandler,
  type OpenAIProxyOptions,
} from "../../src/server/index.js";
import { ColloquyError } from "../../src/core/errors.js";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream.js";
import { memoryLogger, serve } from "./support/serve.js";

const KEY = "sk-test-bad-requests-0123456789";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let upstream: FakeUpstream;
let main: Awaited<ReturnType<typeof serve>>;
let limited: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  main = await serve(
    toNodeHandler(
      createOpenAIProxy({
        apiKey: KEY,
        baseURL: upstream.url,
        logger: memoryLogger(),
        maxBodyBytes: 10_000,
        files: { maxBytes: 5_000 },
        rateLimit: { limit: 1_000 },
        cors: { origins: ["https://good.example"] },
        tools: { mcpServers: ["https://mcp.good.example/sse"] },
        authorize: (request) => {
          const auth = request.headers.get("authorization");
          if (auth === "Bearer forbidden") {
            return new Response(
              JSON.stringify({
                error: {
                  message: "This account may not use the assistant.",
                  type: "permission_error",
                  param: null,
                  code: "forbidden",
                },
              }),
              { status: 403, headers: { "content-type": "application/json" } },
            );
          }
          return auth?.startsWith("Bearer user-") ? { userId: auth.slice(7) } : null;
        },
      }),
    ),
  );
  limited = await serve(
    toNodeHandler(
      createOpenAIProxy({
        apiKey: KEY,
        baseURL: upstream.url,
        logger: false,
        rateLimit: { limit: 2, windowMs: 60_000 },
      }),
    ),
  );
});

afterAll(async () => {
  await main.close();
  await limited.close();
  await upstream.close();
});

interface Row {
  name: string;
  method?: string;
  path: string;
  body?: BodyInit | (() => BodyInit) | object;
  headers?: Record<string, string>;
  target?: "main" | "limited";
  repeat?: number;
  status: number;
  message: RegExp;
  param?: string;
}

const responses = (extra: object) => ({ model: "gpt-5-mini", input: "hi", ...extra });
const chat = (extra: object) => ({
  model: "gpt-5-mini",
  messages: [{ role: "user", content: "hi" }],
  ...extra,
});
const form = (fields: Record<string, string | File>) => () => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const ROWS: Row[] = [
  {
    name: "invalid JSON",
    path: "/v1/responses",
    body: "{ nope",
    status: 400,
    message: /not valid JSON/,
  },
  { name: "empty body", path: "/v1/responses", body: "", status: 400, message: /empty/ },
  {
    name: "array body",
    path: "/v1/responses",
    body: [1, 2],
    status: 400,
    message: /must be a JSON object/,
  },
  {
    name: "missing model",
    path: "/v1/responses",
    body: { input: "hi" },
    status: 400,
    message: /'model'/,
    param: "model",
  },
  {
    name: "model of the wrong type",
    path: "/v1/responses",
    body: { model: 5, input: "hi" },
    status: 400,
    message: /'model'.*string/,
    param: "model",
  },
  {
    name: "unknown model",
    path: "/v1/responses",
    body: responses({ model: "gpt-9-ultra" }),
    status: 400,
    message: /'gpt-9-ultra' is not allowed/,
    param: "model",
  },
  {
    name: "fine-tune of a model that is not allowed",
    path: "/v1/chat/completions",
    body: chat({ model: "ft:gpt-4o-2024-08-06:acme::9xYz" }),
    status: 400,
    message: /'ft:gpt-4o-2024-08-06:acme::9xYz' is not allowed/,
    param: "model",
  },
  {
    name: "unknown chat model",
    path: "/v1/chat/completions",
    body: chat({ model: "o3-pro" }),
    status: 400,
    message: /'o3-pro' is not allowed/,
    param: "model",
  },
  {
    name: "input of the wrong type",
    path: "/v1/responses",
    body: responses({ input: 42 }),
    status: 400,
    message: /'input'/,
    param: "input",
  },
  {
    name: "missing messages",
    path: "/v1/chat/completions",
    body: { model: "gpt-5-mini" },
    status: 400,
    message: /'messages'/,
    param: "messages",
  },
  {
    name: "empty messages",
    path: "/v1/chat/completions",
    body: chat({ messages: [] }),
    status: 400,
    message: /'messages'/,
    param: "messages",
  },
  {
    name: "unknown role",
    path: "/v1/chat/completions",
    body: chat({ messages: [{ role: "wizard", content: "hi" }] }),
    status: 400,
    message: /'messages\[0\]\.role'/,
    param: "messages[0].role",
  },
  {
    name: "temperature as a string",
    path: "/v1/responses",
    body: responses({ temperature: "hot" }),
    status: 400,
    message: /'temperature'/,
    param: "temperature",
  },
  {
    name: "temperature out of range",
    path: "/v1/chat/completions",
    body: chat({ temperature: 7 }),
    status: 400,
    message: /'temperature'/,
    param: "temperature",
  },
  {
    name: "negative max_output_tokens",
    path: "/v1/responses",
    body: responses({ max_output_tokens: -5 }),
    status: 400,
    message: /'max_output_tokens'/,
    param: "max_output_tokens",
  },
  {
    name: "stream as a string",
    path: "/v1/responses",
    body: responses({ stream: "yes" }),
    status: 400,
    message: /'stream'/,
    param: "stream",
  },
  {
    name: "tools not an array",
    path: "/v1/responses",
    body: responses({ tools: { type: "function" } }),
    status: 400,
    message: /'tools'/,
    param: "tools",
  },
  {
    name: "tool without a type",
    path: "/v1/responses",
    body: responses({ tools: [{ name: "x" }] }),
    status: 400,
    message: /'tools\[0\]\.type'/,
    param: "tools[0].type",
  },
  {
    name: "code interpreter not enabled",
    path: "/v1/responses",
    body: responses({ tools: [{ type: "code_interpreter", container: { type: "auto" } }] }),
    status: 400,
    message: /'code_interpreter'.*not allowed/,
    param: "tools[0].type",
  },
  {
    name: "shell not enabled",
    path: "/v1/responses",
    body: responses({ tools: [{ type: "function", name: "f" }, { type: "shell" }] }),
    status: 400,
    message: /'shell' \(tools\[1\]\)/,
    param: "tools[1].type",
  },
  {
    name: "local shell not enabled",
    path: "/v1/responses",
    body: responses({ tools: [{ type: "local_shell" }] }),
    status: 400,
    message: /'local_shell'/,
  },
  {
    name: "computer use not enabled",
    path: "/v1/responses",
    body: responses({ tools: [{ type: "computer_use_preview" }] }),
    status: 400,
    message: /'computer_use_preview'/,
  },
  {
    name: "apply patch not enabled",
    path: "/v1/responses",
    body: responses({ tools: [{ type: "apply_patch" }] }),
    status: 400,
    message: /'apply_patch'/,
  },
  {
    name: "MCP not enabled",
    path: "/v1/responses",
    body: responses({ tools: [{ type: "mcp", server_url: "https://mcp.good.example/sse" }] }),
    status: 400,
    message: /'mcp'/,
  },
  {
    name: "unknown tool type in chat",
    path: "/v1/chat/completions",
    body: chat({ tools: [{ type: "teleport" }] }),
    status: 400,
    message: /'teleport'/,
  },
  {
    name: "oversize body (content-length)",
    path: "/v1/responses",
    body: responses({ input: "x".repeat(20_000) }),
    status: 413,
    message: /larger than this server's limit of 10 KB/,
  },
  {
    name: "oversize body (streamed, no length)",
    path: "/v1/responses",
    body: () =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(
            new TextEncoder().encode(JSON.stringify(responses({ input: "y".repeat(30_000) }))),
          );
          controller.close();
        },
      }),
    status: 413,
    message: /larger than this server's limit/,
  },
  {
    name: "file upload that is not multipart",
    path: "/v1/files",
    body: { file: "x" },
    status: 415,
    message: /multipart\/form-data/,
  },
  {
    name: "file of a type not accepted",
    path: "/v1/files",
    body: form({
      purpose: "user_data",
      file: new File(["hello"], "a.txt", { type: "text/plain" }),
    }),
    status: 415,
    message: /'text\/plain' of 'a.txt'/,
    param: "file",
  },
  {
    name: "file whose content is not its type",
    path: "/v1/files",
    body: form({
      purpose: "user_data",
      file: new File(["not a png"], "fake.png", { type: "image/png" }),
    }),
    status: 415,
    message: /content of 'fake.png' is not image\/png/,
  },
  {
    name: "file with a bad purpose",
    path: "/v1/files",
    body: form({ purpose: "fine-tune", file: new File([PNG], "a.png", { type: "image/png" }) }),
    status: 400,
    message: /purpose 'fine-tune'/,
    param: "purpose",
  },
  {
    name: "file field missing",
    path: "/v1/files",
    body: form({ purpose: "user_data" }),
    status: 400,
    message: /'file' field/,
    param: "file",
  },
  {
    name: "file too large",
    path: "/v1/files",
    body: form({
      purpose: "user_data",
      file: new File([PNG, new Uint8Array(6_000)], "big.png", { type: "image/png" }),
    }),
    status: 413,
    message: /limit of 5 KB/,
  },
  {
    name: "missing auth",
    path: "/v1/responses",
    body: responses({}),
    headers: { authorization: "" },
    status: 401,
    message: /sign in/,
  },
  {
    name: "wrong auth",
    path: "/v1/responses",
    body: responses({}),
    headers: { authorization: "Bearer nobody" },
    status: 401,
    message: /no valid credentials/,
  },
  {
    name: "forbidden user",
    path: "/v1/responses",
    body: responses({}),
    headers: { authorization: "Bearer forbidden" },
    status: 403,
    message: /may not use/,
  },
  {
    name: "unknown route",
    path: "/v1/embeddings",
    body: { model: "x", input: "y" },
    status: 404,
    message: /Unknown route: POST \/api\/openai\/v1\/embeddings/,
  },
  {
    name: "path outside the base path",
    method: "GET",
    path: "/../../other",
    status: 404,
    message: /Unknown route/,
  },
  {
    name: "wrong method on chat",
    method: "GET",
    path: "/v1/chat/completions",
    status: 405,
    message: /GET is not supported.*Use POST/,
  },
  {
    name: "wrong method on models",
    method: "DELETE",
    path: "/v1/models",
    status: 405,
    message: /DELETE is not supported/,
  },
  {
    name: "malformed response id",
    method: "GET",
    path: "/v1/responses/resp%20bad!",
    status: 400,
    message: /not a response id/,
  },
  {
    name: "starting_after not a number",
    method: "GET",
    path: "/v1/responses/resp_1?stream=true&starting_after=abc",
    status: 400,
    message: /'starting_after'/,
    param: "starting_after",
  },
  {
    name: "stream not a boolean",
    method: "GET",
    path: "/v1/responses/resp_1?stream=maybe",
    status: 400,
    message: /'stream'/,
    param: "stream",
  },
  {
    name: "request from a disallowed origin",
    path: "/v1/responses",
    body: responses({}),
    headers: { origin: "https://evil.example" },
    status: 403,
    message: /origin 'https:\/\/evil.example' are not allowed/,
  },
  {
    name: "preflight from a disallowed origin",
    method: "OPTIONS",
    path: "/v1/responses",
    headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    status: 403,
    message: /evil.example/,
  },
  {
    name: "rate limit exceeded",
    target: "limited",
    repeat: 3,
    path: "/v1/responses",
    body: responses({ model: "not-allowed" }),
    status: 429,
    message: /Rate limit exceeded: 2 requests per 60 s/,
  },
];

async function send(row: Row): Promise<Response> {
  const base = row.target === "limited" ? limited.url : main.url;
  const headers: Record<string, string> = { authorization: "Bearer user-7", ...row.headers };
  if (headers.authorization === "") delete headers.authorization;
  let body: BodyInit | undefined;
  const raw = typeof row.body === "function" ? row.body() : row.body;
  if (typeof raw === "string" || raw instanceof FormData || raw instanceof ReadableStream)
    body = raw;
  else if (raw !== undefined) {
    body = JSON.stringify(raw);
    headers["content-type"] = "application/json";
  }
  return fetch(`${base}/api/openai${row.path}`, {
    method: row.method ?? "POST",
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

describe("bad requests", () => {
  it("has a table of at least 30 cases", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)("$name -> $status", async (row) => {
    const hitsBefore = upstream.hits.length;
    for (let i = 1; i < (row.repeat ?? 1); i++) await (await send(row)).arrayBuffer();
    const response = await send(row);
    expect(response.status).toBe(row.status);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as {
      error: { message: string; type: string; param: string | null; code: string | null };
    };
    expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
    expect(body.error.message).toMatch(row.message);
    if (row.param !== undefined) expect(body.error.param).toBe(row.param);
    expect(upstream.hits.length).toBe(hitsBefore);
  });

  it("answers 405 with an allow header, and 429 with retry-after", async () => {
    const wrong = await send({
      name: "",
      method: "GET",
      path: "/v1/responses",
      status: 405,
      message: /./,
    });
    expect(wrong.headers.get("allow")).toBe("POST");
    const limitedRow = ROWS.find((row) => row.status === 429)!;
    const tooMany = await send(limitedRow);
    expect(tooMany.status).toBe(429);
    expect(Number(tooMany.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("never sent any of them upstream", () => {
    expect(upstream.hits).toEqual([]);
  });
});

describe("configuration refused at construction", () => {
  const cases: [string, OpenAIProxyOptions, RegExp][] = [
    ["no key and no base URL", { env: {} }, /No OpenAI API key.*OPENAI_API_KEY/],
    [
      "a base URL that is not a URL",
      { env: {}, baseURL: "not a url" },
      /baseURL 'not a url' is not a URL/,
    ],
    [
      "an Azure endpoint that is not a URL",
      { env: {}, azure: { endpoint: "resource", apiKey: "k".repeat(20) } },
      /Azure endpoint 'resource' is not a URL/,
    ],
    [
      "an Azure resource endpoint without apiVersion",
      { env: {}, azure: { endpoint: "https://r.openai.azure.com/", apiKey: "k".repeat(20) } },
      /needs an apiVersion/,
    ],
    [
      "Azure without credentials",
      { env: {}, azure: { endpoint: "https://r.openai.azure.com/openai/v1/" } },
      /without credentials/,
    ],
    [
      "Azure with a key and a token provider",
      {
        env: {},
        azure: {
          endpoint: "https://r.openai.azure.com/openai/v1/",
          apiKey: "k".repeat(20),
          azureADTokenProvider: async () => "t",
        },
      },
      /both an API key and an Entra ID token provider/,
    ],
  ];
  it.each(cases)("%s", (_name, options, message) => {
    let thrown: unknown;
    try {
      createOpenAIProxy(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ColloquyError);
    expect((thrown as ColloquyError).code).toBe("invalid_input");
    expect((thrown as Error).message).toMatch(message);
  });
});
