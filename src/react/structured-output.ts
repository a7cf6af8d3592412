/**
 * colloquy/react/structured-output: `useStructuredOutput`, typed answers cached by
 * @tanstack/react-query (an optional peer: install it to use this entry). Kept apart from
 * colloquy/react so that `useChat` and the components build without react-query.
 */
export {
  useStructuredOutput,
  type StructuredOutputStatus,
  type UseStructuredOutputOptions,
  type UseStructuredOutputResult,
} from "./use-structured-output.js";
