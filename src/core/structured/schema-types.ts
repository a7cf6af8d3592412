import type { StandardSchemaV1 } from "./standard-schema.js";

/**
 * Any schema colloquy can validate with and describe to the model: a zod 4 schema, or any
 * Standard Schema whose library can also emit JSON Schema (Standard JSON Schema), or any
 * Standard Schema paired with a hand-written JSON Schema via `withJsonSchema`.
 */
export type Schema<Output = unknown> = StandardSchemaV1<unknown, Output>;

/** The value a schema produces after validation (zod's `z.infer`). */
export type InferSchema<S> = S extends StandardSchemaV1<unknown, infer Output> ? Output : unknown;

/** The JSON Schema object sent to OpenAI (`parameters`, `json_schema.schema`). */
export type JsonSchema = Record<string, unknown>;
