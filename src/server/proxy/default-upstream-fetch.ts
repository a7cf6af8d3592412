/**
 * The `fetch` upstream requests go through when no upstream handler is given: on Node, a
 * keep-alive `node:http` transport (loaded on first use, so the proxy still runs on runtimes
 * without `node:*` modules), elsewhere the runtime's own `fetch`.
 */
export function defaultUpstreamFetch(): typeof fetch {
  const fallback: typeof fetch = (input, init) => globalThis.fetch(input, init);
  if (!isNode()) return fallback;
  let transport: typeof fetch | undefined;
  let loading: Promise<typeof fetch> | undefined;
  return async (input, init) => {
    if (!transport) {
      loading ??= import("../node/node-http-fetch.js").then(
        (module) => module.createNodeHttpFetch(fallback),
        () => fallback,
      );
      transport = await loading;
    }
    return transport(input, init);
  };
}

/** True on Node itself, not on runtimes that imitate parts of it (Bun, Deno, edge workers). */
function isNode(): boolean {
  const runtime = globalThis as { process?: { release?: { name?: string }; versions?: object } };
  const versions = runtime.process?.versions as Record<string, string> | undefined;
  return (
    runtime.process?.release?.name === "node" &&
    versions?.["bun"] === undefined &&
    versions?.["deno"] === undefined &&
    !("Deno" in globalThis)
  );
}
