import { ColloquyError } from "./errors.js";
import type { Message } from "./model/message.js";

// Its own module so that only the code that validates (structured output, loaded on use)
// carries it: the client's bundle has ColloquyError without it.

/** Schema validation failed (structured output, tool arguments); `issues` are the validator's. */
export class ValidationError extends ColloquyError {
  /** The issues as the schema library reported them (zod issues for zod schemas). */
  readonly issues: readonly unknown[];
  /** The value that failed validation. */
  readonly value: unknown;

  constructor(message: string, issues: readonly unknown[], value: unknown, snapshot?: Message) {
    super("validation_failed", message, snapshot ? { snapshot } : undefined);
    this.name = "ValidationError";
    this.issues = issues;
    this.value = value;
  }
}
