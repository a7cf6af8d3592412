/**
 * What a client loads the first time it needs JSON Schema work beyond the request itself:
 * `bindTools`' strict override and structured output. One chunk for both (they share
 * `defineTool` and the JSON Schema code), so the eager client carries one loader, not two.
 */
export { withStrict } from "./bind-tools.js";
export { createStructuredClient } from "../structured/structured-client.js";
