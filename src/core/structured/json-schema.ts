import { ColloquyError } from "../errors.js";
import type { JsonSchema, Schema } from "./schema-types.js";

/** The `~standard.jsonSchema` converter of Standard JSON Schema (zod 4 has it). */
interface StandardJsonSchemaConverter {
  input: (options: { target: string }) => Record<string, unknown>;
}

/**
 * The JSON Schema of what the model must produce (the schema's input side), from the
 * schema's own Standard JSON Schema converter, so zod is never imported here.
 */
export function jsonSchemaOf(schema: Schema): JsonSchema {
  const converter = (schema["~standard"] as { jsonSchema?: StandardJsonSchemaConverter })
    .jsonSchema;
  if (!converter || typeof converter.input !== "function") {
    throw new ColloquyError(
      "unsupported",
      `The ${schema["~standard"].vendor} schema cannot describe itself as JSON Schema. ` +
        "Pass a zod 4 schema, or a schema whose library implements Standard JSON Schema.",
    );
  }
  const { $schema: _ignored, ...rest } = converter.input({ target: "draft-07" });
  return rest;
}

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

/**
 * Undoes `toStrictJsonSchema`'s nullable rewrite on a value: drops `null` properties that the
 * original schema marked optional, so the original schema validates what strict mode sent.
 */
export function dropNullOptionals(value: unknown, original: JsonSchema): unknown {
  if (Array.isArray(value)) {
    const items = original.items;
    return items && typeof items === "object"
      ? value.map((item) => dropNullOptionals(item, items as JsonSchema))
      : value;
  }
  if (value === null || typeof value !== "object") return value;
  const properties = original.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return value;
  const required = new Set((original.required as string[] | undefined) ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === null && !required.has(key) && properties[key]) continue;
    out[key] = properties[key] ? dropNullOptionals(child, properties[key]) : child;
  }
  return out;
}
