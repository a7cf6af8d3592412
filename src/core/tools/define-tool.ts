// Where tools are defined and recognised. `defineTool` lives in function-tool.ts and
// `isToolDefinition` in is-tool-definition.ts so that code which only recognises tools (the
// API choice, `<Chat>`) does not pull `defineTool` and the JSON Schema code into the page's
// first chunk when a chunk loaded on use (structured output, bound tools) needs them.
export { defineTool, type DefineToolOptions } from "./function-tool.js";
export { isToolDefinition } from "./is-tool-definition.js";
