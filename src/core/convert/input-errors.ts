import { ColloquyError } from "../errors.js";

/** Throws the `invalid_input` error every input check uses. */
export function invalidInput(where: string, problem: string): never {
  throw new ColloquyError("invalid_input", `${where}: ${problem}`);
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : String(value);
}
