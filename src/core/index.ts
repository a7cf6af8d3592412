/**
 * colloquy: the framework-free client core. Message model, conversion for both OpenAI
 * APIs, streaming accumulation, and the client.
 */
export type * from "./model/annotations.js";
export type * from "./model/usage.js";
export type * from "./model/parts.js";
export type * from "./model/message.js";
export * from "./errors.js";
