import type { StandardSchemaIssue } from "./standard-schema.js";
import type { Schema } from "./schema-types.js";

/** Outcome of validating a value against a schema. */
export type ValidationResult<T> =
  { ok: true; value: T } | { ok: false; issues: readonly StandardSchemaIssue[] };

/** Validates `value` with the schema's Standard Schema `validate` (sync or async). */
export async function validateWithSchema<T>(
  schema: Schema<T>,
  value: unknown,
): Promise<ValidationResult<T>> {
  const result = await schema["~standard"].validate(value);
  return result.issues ? { ok: false, issues: result.issues } : { ok: true, value: result.value };
}

/** The issues as one readable line each: `path.to.field: message`. */
export function describeIssues(issues: readonly StandardSchemaIssue[]): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((segment) =>
          String(typeof segment === "object" && segment !== null ? segment.key : segment),
        )
        .join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
