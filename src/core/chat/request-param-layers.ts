import type { RequestParams } from "../client/types.js";

/**
 * The request parameters of every turn, merged from the layers their owners set (the app, a
 * tool runner) in the order the layers were first set: later layers win field by field,
 * except `tools`, whose lists are concatenated so one owner's tools never hide another's.
 */
export function mergeRequestParams(layers: Iterable<RequestParams>): RequestParams {
  let merged: RequestParams = {};
  for (const params of layers) {
    const tools =
      merged.tools && params.tools
        ? [...merged.tools, ...params.tools]
        : (params.tools ?? merged.tools);
    merged = { ...merged, ...params, ...(tools ? { tools } : {}) };
  }
  return merged;
}
