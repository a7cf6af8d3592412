export * from "./chat.js";
