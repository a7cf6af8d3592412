/**
 * The JSON Schema rules OpenAI enforces on structured output and function parameters. Every
 * schema must be an object schema built from known types; a strict one (`strict: true`) must
 * also close every object (`additionalProperties: false`) and require every property, as
 * OpenAI's structured outputs demand. The problem text follows OpenAI's wording
 * (`In context=('properties', 'city'), ...`) so clients see what they would in production.
 */

type Json = Record<string, unknown>;

const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function context(path: string[]): string {
  return `In context=(${path.map((part) => `'${part}'`).join(", ")}${path.length === 1 ? "," : ""})`;
}

function typeProblem(schema: Json, path: string[]): string | undefined {
  if (schema.type === undefined) return undefined;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const bad = types.find((type) => typeof type !== "string" || !TYPES.has(type));
  if (bad === undefined) return undefined;
  return `${context(path)}, '${String(bad)}' is not valid under any of the given schemas.`;
}

function nodeProblem(schema: unknown, path: string[], strict: boolean): string | undefined {
  if (typeof schema === "boolean") return undefined;
  if (!isObject(schema)) return `${context(path)}, schema must be an object or a boolean.`;
  const typeError = typeProblem(schema, path);
  if (typeError) return typeError;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const properties = isObject(schema.properties) ? schema.properties : undefined;
  if (strict && (types.includes("object") || properties)) {
    if (schema.additionalProperties !== false) {
      return `${context(path)}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = Object.keys(properties ?? {}).filter((key) => !required.includes(key));
    if (missing.length > 0) {
      return `${context(path)}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
    }
  }
  for (const [key, property] of Object.entries(properties ?? {})) {
    const problem = nodeProblem(property, [...path, "properties", key], strict);
    if (problem) return problem;
  }
  if (schema.items !== undefined) {
    const problem = nodeProblem(schema.items, [...path, "items"], strict);
    if (problem) return problem;
  }
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const [index, option] of list.entries()) {
      const problem = nodeProblem(option, [...path, keyword, String(index)], strict);
      if (problem) return problem;
    }
  }
  for (const keyword of ["$defs", "definitions"]) {
    const defs = schema[keyword];
    if (!isObject(defs)) continue;
    for (const [name, definition] of Object.entries(defs)) {
      const problem = nodeProblem(definition, [...path, keyword, name], strict);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * What is wrong with `schema` as OpenAI would say it, or undefined when it is acceptable.
 * The root must be an object schema; `strict` adds the structured-outputs rules.
 */
export function schemaProblem(schema: unknown, strict: boolean): string | undefined {
  if (!isObject(schema)) return "schema must be a JSON Schema object.";
  const rootType = Array.isArray(schema.type) ? schema.type.join(", ") : schema.type;
  if (
    rootType !== "object" &&
    !(rootType === undefined && !strict && isObject(schema.properties))
  ) {
    const typeError = typeProblem(schema, []);
    if (typeError) return typeError;
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${String(rootType ?? "None")}"'.`;
  }
  return nodeProblem(schema, [], strict);
}
