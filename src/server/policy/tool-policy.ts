import { ProxyRejection } from "../proxy/openai-error.js";

/**
 * Which tools a request may declare. Tools that act on the world or run code (MCP, code
 * interpreter, computer use, shell, local shell, apply patch) are off unless listed in
 * `allow`; MCP tools may only reach the server URLs in `mcpServers`.
 */
export interface ToolPolicy {
  /**
   * Tool types allowed in addition to the defaults (function, custom, web search, file
   * search, image generation), e.g. `["code_interpreter", "mcp"]`.
   */
  allow?: readonly string[];
  /** Tool types to refuse even though they are allowed by default. */
  deny?: readonly string[];
  /** Server URLs MCP tools may use (`server_url`), compared without a trailing slash. */
  mcpServers?: readonly string[];
  /** Let connector-backed MCP tools (`connector_id` instead of `server_url`) through. */
  allowMcpConnectors?: boolean;
}

/** Tool types a request may use without any configuration. */
export const DEFAULT_ALLOWED_TOOL_TYPES: readonly string[] = [
  "function",
  "custom",
  "web_search",
  "web_search_preview",
  "web_search_2025_08_26",
  "web_search_preview_2025_03_11",
  "file_search",
  "image_generation",
];

const normaliseUrl = (url: string) => url.replace(/\/+$/, "");

/** Rejects a request whose tools break the policy (400, `tool_not_allowed`). */
export function assertToolsAllowed(
  tools: readonly { type: string; [key: string]: unknown }[] | undefined,
  policy: ToolPolicy,
): void {
  if (!tools) return;
  const allowed = new Set([...DEFAULT_ALLOWED_TOOL_TYPES, ...(policy.allow ?? [])]);
  for (const deny of policy.deny ?? []) allowed.delete(deny);
  const mcpServers = new Set((policy.mcpServers ?? []).map(normaliseUrl));
  tools.forEach((tool, index) => {
    const param = `tools[${index}]`;
    if (!allowed.has(tool.type)) {
      throw new ProxyRejection(
        400,
        `The tool type '${tool.type}' (${param}) is not allowed by this server. Remove the tool, or enable it in the proxy's \`tools.allow\` option.`,
        { param: `${param}.type`, code: "tool_not_allowed" },
      );
    }
    if (tool.type !== "mcp") return;
    const serverUrl = tool["server_url"];
    if (typeof serverUrl === "string") {
      if (!mcpServers.has(normaliseUrl(serverUrl))) {
        throw new ProxyRejection(
          400,
          `The MCP server '${serverUrl}' (${param}) is not allowed by this server. Use a listed server, or add it to the proxy's \`tools.mcpServers\` option.`,
          { param: `${param}.server_url`, code: "mcp_server_not_allowed" },
        );
      }
      return;
    }
    if (tool["connector_id"] !== undefined && policy.allowMcpConnectors) return;
    throw new ProxyRejection(
      400,
      `The MCP tool ${param} names no allowed server_url. Give it a server_url listed in the proxy's \`tools.mcpServers\` option.`,
      { param: `${param}.server_url`, code: "mcp_server_not_allowed" },
    );
  });
}
