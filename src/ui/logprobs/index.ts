export * from "./logprobs.js";
