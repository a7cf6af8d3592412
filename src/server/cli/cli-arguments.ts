import { parseArgs } from "node:util";

/** What `colloquy serve` was asked to do. */
export interface ServeArguments {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Path the proxy routes live under. */
  basePath: string;
  /** Models to allow (empty: the default allowlist). */
  allowModels: string[];
  /** Use the built-in emulator even when a key is set. */
  emulator: boolean;
  /** How the emulator paces its events. */
  pace: "instant" | "realistic";
  /** Browser origins allowed to call from elsewhere. */
  corsOrigins: string[];
  /** Output-token cap, or undefined for the default. */
  maxOutputTokens: number | undefined;
  /** Requests per minute per client; 0 turns the limit off. */
  rateLimit: number;
  /** Host names answered besides loopback names, IP addresses and `--host`. */
  allowHosts: string[];
  /** Largest JSON request body in bytes, or undefined for the default. */
  bodyLimit: number | undefined;
  /** Reverse proxies whose forwarding headers count: their addresses, or `true` for any. */
  trustProxy: boolean | string[];
  /** Tool types allowed besides the proxy's defaults (`--allow-tool`), e.g. `code_interpreter`. */
  allowTools: string[];
  /** MCP server URLs MCP tools may reach (`--allow-mcp-server`). */
  allowMcpServers: string[];
  /** A folder of pages to serve beside the proxy (`--static`), or undefined. */
  staticDir?: string | undefined;
}

/** The parsed command line: a command to run, or help to print. */
export type CliCommand = { command: "serve"; args: ServeArguments } | { command: "help" };

/** Text of `colloquy --help`. */
export const HELP = `colloquy: the key-holding OpenAI proxy for colloquy apps

Usage:
  colloquy serve [options]

Starts an HTTP server that speaks OpenAI's API under the base path:
  POST <base>/v1/responses            POST <base>/v1/chat/completions
  GET  <base>/v1/responses/{id}       POST <base>/v1/responses/{id}/cancel
  DELETE <base>/v1/responses/{id}     GET  <base>/v1/responses/{id}/input_items
  GET  <base>/v1/models               GET  <base>/v1/models/{id}
  POST <base>/v1/files
Point a client's baseURL at http://<host>:<port><base>/v1; the key stays on the server.

Options:
  --port <n>               Port to listen on (default 8787; 0 picks a free port)
  --host <address>         Interface to listen on (default 127.0.0.1)
  --base-path <path>       Path the routes live under (default /api/openai)
  --allow-model <name>     Allow a model; repeat for more. A trailing * matches a prefix
                           (gpt-5*), "all" allows any. Default: small low-cost models with
                           OpenAI, any model with the emulator.
  --emulator               Use the built-in OpenAI emulator even when a key is set
  --pace <instant|realistic>  How fast the emulator streams (default instant)
  --allow-origin <origin>  Let a browser origin call from elsewhere; repeat for more
                           (--cors-origin is the same)
  --allow-host <name>      Answer requests for this host name (default: loopback names,
                           IP addresses and --host); others get 421 (DNS rebinding)
  --allow-tool <type>      Let requests declare a tool type that runs code or reaches out
                           (code_interpreter, mcp, computer_use_preview, shell,
                           local_shell, apply_patch); repeat for more. Allowed without it:
                           function, custom, web_search, file_search, image_generation
  --allow-mcp-server <url> Let MCP tools reach this server_url (with --allow-tool mcp);
                           repeat for more
  --body-limit <bytes>     Largest JSON request body (default 8388608, 8 MB: a 5 MB
                           attachment as base64 and the conversation)
  --trust-proxy <address>  Read X-Forwarded-For/-Host/-Proto and Forwarded from this peer
                           (a reverse proxy in front); repeat for more, 'any' for every
                           peer. Default: none, so clients cannot choose their identity
  --max-output-tokens <n>  Clamp output tokens per request (default 16384)
  --rate-limit <n>         Requests per minute per client (default 60; 0 turns it off)
  --static <dir>           Also serve the files of <dir> (your pages) at /, and the
                           <colloquy-chat> scripts at /colloquy/colloquy-chat.js (.iife.js)
  -h, --help               Show this help

Environment:
  OPENAI_API_KEY           The key used upstream (never sent to clients or logged)
  OPENAI_BASE_URL          An OpenAI-compatible upstream instead of api.openai.com
  OPENAI_ORG_ID, OPENAI_PROJECT_ID   Organization and project sent upstream
  AZURE_OPENAI_ENDPOINT    Azure OpenAI instead: the v1 endpoint
                           (https://<resource>.openai.azure.com/openai/v1/), or the
                           resource endpoint with AZURE_OPENAI_API_VERSION
  AZURE_OPENAI_API_KEY     The Azure resource's key, sent as api-key
  AZURE_OPENAI_API_VERSION The data-plane API version for a resource endpoint
                           (e.g. 2025-04-01-preview)
  AZURE_OPENAI_DEPLOYMENT  The deployment requests go to, whatever model they name
  With none of OPENAI_API_KEY, OPENAI_BASE_URL and AZURE_OPENAI_ENDPOINT set, the built-in
  emulator answers. The first line printed says which upstream is used.
`;

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    throw new Error(
      `--${name} must be a whole number of at least ${min}, not '${value}'. See colloquy --help.`,
    );
  }
  return parsed;
}

/** `--trust-proxy` values: `any` trusts every peer, addresses trust those peers only. */
function trustedProxies(values: readonly string[]): boolean | string[] {
  if (values.includes("any")) return true;
  return values.length > 0 ? [...values] : false;
}

/** `--allow-mcp-server` values, each an http(s) URL: a typo would silently allow nothing. */
function mcpServerUrls(values: readonly string[]): string[] {
  for (const value of values) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== "https:" && url?.protocol !== "http:") {
      throw new Error(
        `--allow-mcp-server must be the server's URL, e.g. https://mcp.example.com/mcp, not '${value}'.`,
      );
    }
  }
  return [...values];
}

/** The options `colloquy` takes, as node:util's parseArgs reads them (each one is in HELP). */
export const CLI_OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  "base-path": { type: "string" },
  "allow-model": { type: "string", multiple: true },
  emulator: { type: "boolean" },
  pace: { type: "string" },
  "cors-origin": { type: "string", multiple: true },
  "allow-origin": { type: "string", multiple: true },
  "allow-host": { type: "string", multiple: true },
  "allow-tool": { type: "string", multiple: true },
  "allow-mcp-server": { type: "string", multiple: true },
  "body-limit": { type: "string" },
  "trust-proxy": { type: "string", multiple: true },
  "max-output-tokens": { type: "string" },
  "rate-limit": { type: "string" },
  static: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parses `colloquy` arguments; throws with a message that points at --help when wrong. */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: CLI_OPTIONS,
  });
  if (values.help || positionals.length === 0) return { command: "help" };
  if (positionals[0] !== "serve" || positionals.length > 1) {
    throw new Error(
      `Unknown command '${positionals.join(" ")}'. The command is 'colloquy serve'; see colloquy --help.`,
    );
  }
  const pace = values.pace ?? "instant";
  if (pace !== "instant" && pace !== "realistic") {
    throw new Error(`--pace must be instant or realistic, not '${pace}'.`);
  }
  return {
    command: "serve",
    args: {
      port: integer("port", values.port, 8787, 0),
      host: values.host ?? "127.0.0.1",
      basePath: values["base-path"] ?? "/api/openai",
      allowModels: values["allow-model"] ?? [],
      emulator: values.emulator ?? false,
      pace,
      corsOrigins: [...(values["allow-origin"] ?? []), ...(values["cors-origin"] ?? [])],
      allowHosts: values["allow-host"] ?? [],
      bodyLimit:
        values["body-limit"] === undefined
          ? undefined
          : integer("body-limit", values["body-limit"], 0, 1024),
      trustProxy: trustedProxies(values["trust-proxy"] ?? []),
      maxOutputTokens:
        values["max-output-tokens"] === undefined
          ? undefined
          : integer("max-output-tokens", values["max-output-tokens"], 0, 1),
      rateLimit: integer("rate-limit", values["rate-limit"], 60, 0),
      allowTools: values["allow-tool"] ?? [],
      allowMcpServers: mcpServerUrls(values["allow-mcp-server"] ?? []),
      staticDir: values.static,
    },
  };
}
