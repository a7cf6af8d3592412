import { defineTool } from "../tools/function-tool.js";
import { isToolDefinition } from "../tools/is-tool-definition.js";
import type { ToolDefinition } from "../tools/types.js";
import type { ClientRuntime } from "./client-core.js";
import type { ToolInput } from "./types.js";

/** Each tool re-defined once per strictness, so its JSON Schema is built once. */
const redefined = { strict: new WeakMap<ToolDefinition, ToolDefinition>(), loose: new WeakMap() };

/**
 * `bindTools`' strict override, applied as a request is built (loaded with the first such
 * request, with `defineTool` and the JSON Schema code): the tools of `bound` among `tools`
 * re-defined with `strict` where it differs, over what an outer `bindTools` (`previous`)
 * already re-defined.
 */
export async function withStrict(
  tools: readonly ToolInput[],
  bound: readonly ToolInput[],
  strict: boolean,
  previous: ClientRuntime["tools"],
): Promise<ToolInput[]> {
  const cache: WeakMap<ToolDefinition, ToolDefinition> = strict
    ? redefined.strict
    : redefined.loose;
  return (previous ? await previous(tools) : tools).map((tool) => {
    if (!bound.includes(tool) || !isToolDefinition(tool) || tool.strict === strict) return tool;
    let made = cache.get(tool);
    if (!made) cache.set(tool, (made = defineTool({ ...tool, strict })));
    return made;
  });
}
