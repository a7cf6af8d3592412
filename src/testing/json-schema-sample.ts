/**
 * Makes a value that conforms to a JSON schema, deterministically, so structured output and
 * function-call arguments from the emulator always validate against what the request asked for.
 */

/** The subset of JSON Schema the sampler understands (what OpenAI's strict mode allows). */
export interface JsonSchema {
  /** A JSON type name, or several. */
  type?: string | string[];
  /** Object properties. */
  properties?: Record<string, JsonSchema>;
  /** Required property names. */
  required?: string[];
  /** Array item schema. */
  items?: JsonSchema;
  /** Allowed values. */
  enum?: unknown[];
  /** The one allowed value. */
  const?: unknown;
  /** Alternatives; the first is used. */
  anyOf?: JsonSchema[];
  /** Alternatives; the first is used. */
  oneOf?: JsonSchema[];
  /** All must hold; they are merged. */
  allOf?: JsonSchema[];
  /** A reference into `$defs` / `definitions` of the root schema. */
  $ref?: string;
  /** Reusable definitions. */
  $defs?: Record<string, JsonSchema>;
  /** Reusable definitions (older spelling). */
  definitions?: Record<string, JsonSchema>;
  /** Numeric lower bound. */
  minimum?: number;
  /** Numeric upper bound. */
  maximum?: number;
  /** Exclusive numeric lower bound. */
  exclusiveMinimum?: number;
  /** Exclusive numeric upper bound. */
  exclusiveMaximum?: number;
  /** Least number of array items. */
  minItems?: number;
  /** Most array items. */
  maxItems?: number;
  /** Least string length. */
  minLength?: number;
  /** Most string length. */
  maxLength?: number;
  /** String format (date-time, email, uri, ...). */
  format?: string;
  /** A default value, used when present. */
  default?: unknown;
  /** Free text; unused by the sampler. */
  description?: string;
}

/** Words a string property's name suggests, so samples read naturally. */
const NAMED_STRINGS: [RegExp, string][] = [
  [/city|location|place|address/i, "San Francisco, CA"],
  [/country/i, "United States"],
  [/^name$|full_?name|author|person/i, "Ada Lovelace"],
  [/title|headline/i, "A day at the emulator"],
  [/email/i, "ada@example.com"],
  [/url|link|website/i, "https://example.com/"],
  [/date|time|day/i, "2025-01-15"],
  [/unit/i, "celsius"],
  [/color|colour/i, "blue"],
  [/language|lang/i, "en"],
  [/query|search/i, "colloquy emulator"],
  [/summary|description|reason|text|content|answer|explanation/i, "A short, scripted answer."],
];

/** Supplies a string for a property by its name, or undefined to use the sampler's own. */
export type StringHint = (name: string) => string | undefined;

function stringFor(name: string, schema: JsonSchema, hint?: StringHint): string {
  let value: string;
  const hinted = schema.format === undefined ? hint?.(name) : undefined;
  switch (hinted === undefined ? schema.format : "hinted") {
    case "hinted":
      value = hinted!;
      break;
    case "date-time":
      value = "2025-01-15T12:00:00Z";
      break;
    case "date":
      value = "2025-01-15";
      break;
    case "time":
      value = "12:00:00";
      break;
    case "email":
      value = "ada@example.com";
      break;
    case "uri":
    case "url":
      value = "https://example.com/";
      break;
    case "uuid":
      value = "00000000-0000-4000-8000-000000000000";
      break;
    default:
      value =
        NAMED_STRINGS.find(([pattern]) => pattern.test(name))?.[1] ?? `sample ${name || "text"}`;
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    value = value.slice(0, schema.maxLength);
  }
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    value = value.padEnd(schema.minLength, "x");
  }
  return value;
}

function numberFor(schema: JsonSchema, integer: boolean): number {
  const low =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  const high =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
  let value = integer ? 42 : 3.5;
  if (low !== undefined && value < low) value = low;
  if (high !== undefined && value > high) value = high;
  return integer ? Math.ceil(value) : value;
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const found = match
    ? root[match[1] as "$defs" | "definitions"]?.[match[2]!]
    : ref === "#"
      ? root
      : undefined;
  if (!found) throw new Error(`The JSON schema refers to ${ref}, which it does not define.`);
  return found;
}

function pickType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null") ?? schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

interface SampleContext {
  root: JsonSchema;
  hint?: StringHint;
}

function sample(schema: JsonSchema, context: SampleContext, name: string, depth: number): unknown {
  const { root } = context;
  if (schema.$ref) return sample(resolveRef(schema.$ref, root), context, name, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    const nonNull = alternatives.find((option) => option.type !== "null") ?? alternatives[0]!;
    return sample(nonNull, context, name, depth + 1);
  }
  if (schema.allOf && schema.allOf.length > 0) {
    const merged: JsonSchema = { ...schema, allOf: undefined, properties: {}, required: [] };
    for (const part of schema.allOf) {
      const resolved = part.$ref ? resolveRef(part.$ref, root) : part;
      Object.assign(merged.properties!, resolved.properties);
      merged.required!.push(...(resolved.required ?? []));
      if (resolved.type) merged.type = resolved.type;
    }
    return sample(merged, context, name, depth + 1);
  }
  switch (pickType(schema)) {
    case "object": {
      const result: Record<string, unknown> = {};
      // Past a few levels only required properties are filled, so recursive schemas end.
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? properties.map(([key]) => key));
      for (const [key, property] of properties) {
        if (depth > 6 && !required.has(key)) continue;
        result[key] = sample(property, context, key, depth + 1);
      }
      return result;
    }
    case "array": {
      const count = Math.min(
        Math.max(schema.minItems ?? (depth > 6 ? 0 : 2), 0),
        schema.maxItems ?? Number.POSITIVE_INFINITY,
      );
      const items = schema.items ?? {};
      return Array.from({ length: count }, () => sample(items, context, singular(name), depth + 1));
    }
    case "string":
      return stringFor(name, schema, context.hint);
    case "integer":
      return numberFor(schema, true);
    case "number":
      return numberFor(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringFor(name, schema, context.hint);
  }
}

function singular(name: string): string {
  return name.endsWith("ies") ? `${name.slice(0, -3)}y` : name.replace(/s$/, "");
}

/**
 * A value that conforms to `schema` (objects get every property, arrays two items). `hint`
 * fills string properties from the prompt where their names fit (a city, a query).
 */
export function sampleFromSchema(schema: JsonSchema, name = "", hint?: StringHint): unknown {
  return sample(schema, hint ? { root: schema, hint } : { root: schema }, name, 0);
}
