export * from "./reasoning.js";
