import type { JsonSchema } from "./schema-types.js";

// Its own module: only code that sends strict schemas (a tool's definition, structured output)
// needs it, and those load on use, while json-schema.ts is needed up front by the tool runner.

/**
 * Rewrites a JSON Schema for OpenAI's strict mode: every object gets
 * `additionalProperties: false` and lists every property as required; properties that were
 * optional become nullable, since strict mode has no optional properties.
 */
export function toStrictJsonSchema(schema: JsonSchema): JsonSchema {
  return strictNode(schema) as JsonSchema;
}

function strictNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictNode);
  if (node === null || typeof node !== "object") return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "properties" && value && typeof value === "object") {
      const required = new Set((source.required as string[] | undefined) ?? []);
      const properties: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        const strictChild = strictNode(child);
        properties[name] = required.has(name) ? strictChild : nullable(strictChild);
      }
      out.properties = properties;
    } else if (SUBSCHEMA_KEYS.has(key)) {
      out[key] =
        key === "$defs" || key === "definitions"
          ? Object.fromEntries(
              Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, strictNode(v)]),
            )
          : strictNode(value);
    } else {
      out[key] = value;
    }
  }
  if (source.type === "object" || source.properties) {
    out.additionalProperties = false;
    out.required = Object.keys((source.properties as Record<string, unknown> | undefined) ?? {});
    if (!out.properties) out.properties = {};
  }
  return out;
}

const SUBSCHEMA_KEYS = new Set(["items", "anyOf", "oneOf", "allOf", "$defs", "definitions", "not"]);

function nullable(node: unknown): unknown {
  if (!node || typeof node !== "object") return node;
  const schema = node as Record<string, unknown>;
  if (typeof schema.type === "string") {
    if (schema.type === "null") return schema;
    const result: Record<string, unknown> = { ...schema, type: [schema.type, "null"] };
    if (Array.isArray(schema.enum)) result.enum = [...(schema.enum as unknown[]), null];
    return result;
  }
  if (Array.isArray(schema.type)) {
    return schema.type.includes("null") ? schema : { ...schema, type: [...schema.type, "null"] };
  }
  return { anyOf: [schema, { type: "null" }] };
}
