export * from "./token-usage.js";
