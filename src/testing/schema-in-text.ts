import type { JsonSchema } from "./json-schema-sample.js";

/**
 * JSON mode (`json_object`) carries no schema of its own: callers describe the object in the
 * instructions or system message, often as a JSON Schema or an example object. This finds
 * the first such JSON object in the text, so the answer matches what the prompt asked for.
 */

function balancedObjectAt(text: string, start: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

function exampleSchema(value: unknown): JsonSchema {
  if (Array.isArray(value)) return { type: "array", items: exampleSchema(value[0]) };
  if (value === null) return { type: "null" };
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return {
      type: "object",
      properties: Object.fromEntries(entries.map(([key, item]) => [key, exampleSchema(item)])),
      required: entries.map(([key]) => key),
    };
  }
  if (typeof value === "number") return { type: Number.isInteger(value) ? "integer" : "number" };
  if (typeof value === "boolean") return { type: "boolean" };
  return { type: "string" };
}

function looksLikeSchema(value: Record<string, unknown>): boolean {
  return (
    typeof value.properties === "object" ||
    value.type === "object" ||
    Array.isArray(value.anyOf) ||
    typeof value.$ref === "string"
  );
}

/**
 * The schema the text describes: the first JSON object in it, read as a JSON Schema when it
 * looks like one (`type`, `properties`, ...), else as an example whose shape is kept.
 */
export function schemaInText(text: string): JsonSchema | undefined {
  for (let start = text.indexOf("{"); start >= 0; start = text.indexOf("{", start + 1)) {
    const candidate = balancedObjectAt(text, start);
    if (candidate === undefined) return undefined;
    try {
      const value = JSON.parse(candidate) as Record<string, unknown>;
      // LangChain and others wrap the schema: {"schema": {...}} or {"json_schema": {...}}.
      const inner = [value.schema, value.json_schema, value.parameters].find(
        (item) => typeof item === "object" && item !== null,
      ) as Record<string, unknown> | undefined;
      if (inner && looksLikeSchema(inner)) return inner as JsonSchema;
      return looksLikeSchema(value) ? (value as JsonSchema) : exampleSchema(value);
    } catch {
      // Not JSON at this brace; try the next one.
    }
  }
  return undefined;
}
