/**
 * Which tools one request lets the model call: the declared tools, narrowed by `tool_choice`
 * (`none`, `auto`, `required`, a forced tool, `allowed_tools`). The scripted model only ever
 * calls a tool that survives this narrowing, as a real model only calls what it was given.
 */

type Json = Record<string, unknown>;

/** How strongly the request asks for a tool call. */
export type ToolChoiceMode = "none" | "auto" | "required";

/** The request's tool choice, read from either API's spelling. */
export interface ToolChoice {
  /** `none`: never call; `auto`: the model decides; `required`: call at least one. */
  mode: ToolChoiceMode;
  /** The one tool the request forces, by type and (for functions, custom tools, MCP) name. */
  forced?: { type: string; name?: string };
  /** The tools `allowed_tools` limits the choice to, by type and name. */
  allowed?: { type: string; name?: string }[];
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toolRef(value: Json): { type: string; name?: string } {
  const fn = isObject(value.function) ? value.function : value;
  const custom = isObject(value.custom) ? value.custom : fn;
  const name =
    typeof custom.name === "string"
      ? custom.name
      : typeof value.server_label === "string"
        ? value.server_label
        : undefined;
  return { type: String(value.type), ...(name === undefined ? {} : { name }) };
}

/** Reads `tool_choice` as Responses (`{type, name}`) or Chat (`{type, function: {name}}`) sends it. */
export function readToolChoice(value: unknown): ToolChoice {
  if (value === "none" || value === "required" || value === "auto") return { mode: value };
  if (!isObject(value)) return { mode: "auto" };
  if (value.type === "allowed_tools") {
    const spec = isObject(value.allowed_tools) ? value.allowed_tools : value;
    const tools = Array.isArray(spec.tools) ? spec.tools.filter(isObject).map(toolRef) : [];
    return { mode: spec.mode === "required" ? "required" : "auto", allowed: tools };
  }
  return { mode: "required", forced: toolRef(value) };
}

/** A declared tool's type and name (functions and custom tools by name, MCP by server label). */
export function declaredRef(tool: Json): { type: string; name?: string } {
  return toolRef(tool);
}

function matches(ref: { type: string; name?: string }, tool: { type: string; name?: string }) {
  if (ref.type !== tool.type) return false;
  return ref.name === undefined || ref.name === tool.name;
}

/** The declared tools (wire objects) the model may call under `choice`. */
export function callableTools(tools: Json[], choice: ToolChoice): Json[] {
  if (choice.mode === "none") return [];
  const limit = choice.forced ? [choice.forced] : choice.allowed;
  if (!limit) return tools;
  return tools.filter((tool) => limit.some((ref) => matches(ref, declaredRef(tool))));
}
