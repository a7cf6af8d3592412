/**
 * The Standard Schema v1 interface (https://standardschema.dev), declared here so any
 * validator that implements it (zod 4, valibot, arktype, ...) can be passed without colloquy
 * depending on it. Type-only: nothing here exists at runtime.
 */

/** A schema any Standard Schema library can produce: a `~standard` property with `validate`. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly "~standard": StandardSchemaProps<Input, Output>;
}

/** The `~standard` property. */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  /** Always 1. */
  readonly version: 1;
  /** The library that made the schema (`zod`, `valibot`, ...). */
  readonly vendor: string;
  /** Validates an unknown value. */
  readonly validate: (
    value: unknown,
  ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
  /** Type carriers for inference; absent at runtime. */
  readonly types?: StandardSchemaTypes<Input, Output> | undefined;
}

/** The outcome of `validate`: the value, or the issues. */
export type StandardSchemaResult<Output> =
  | {
      /** The validated (possibly transformed) value. */
      readonly value: Output;
      /** Absent on success. */
      readonly issues?: undefined;
    }
  | {
      /** What was wrong. */
      readonly issues: ReadonlyArray<StandardSchemaIssue>;
    };

/** One validation problem. */
export interface StandardSchemaIssue {
  /** What was wrong. */
  readonly message: string;
  /** Where it was wrong: keys, or objects with a `key`. */
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** Type carriers for input and output. */
export interface StandardSchemaTypes<Input = unknown, Output = Input> {
  /** What the schema accepts. */
  readonly input: Input;
  /** What validation produces. */
  readonly output: Output;
}
