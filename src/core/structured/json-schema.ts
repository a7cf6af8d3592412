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
