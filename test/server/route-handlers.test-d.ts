import { expectTypeOf, test } from "vitest";
import { createOpenAIProxy, toRouteHandlers } from "../../src/server/index.js";

/** The shape Next.js checks a catch-all route file's exports against (its generated validator). */
interface NextRouteFile {
  GET?: (request: Request, context: { params: Promise<{ path: string[] }> }) => unknown;
  POST?: (request: Request, context: { params: Promise<{ path: string[] }> }) => unknown;
  DELETE?: (request: Request, context: { params: Promise<{ path: string[] }> }) => unknown;
  OPTIONS?: (request: Request, context: { params: Promise<{ path: string[] }> }) => unknown;
}

test("the handlers of toRouteHandlers fit a Next.js catch-all route file", () => {
  const { GET, POST, DELETE, OPTIONS } = toRouteHandlers(createOpenAIProxy());
  expectTypeOf({ GET, POST, DELETE, OPTIONS }).toExtend<NextRouteFile>();
});

test("the proxy itself can be exported as POST: Next's { params } passes as its context", () => {
  const POST = createOpenAIProxy();
  expectTypeOf({ POST }).toExtend<NextRouteFile>();
});
