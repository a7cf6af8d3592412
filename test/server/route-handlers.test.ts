import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toRouteHandlers } from "../../src/server/index.js";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream.js";

let upstream: FakeUpstream;
let routes: ReturnType<typeof toRouteHandlers>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  routes = toRouteHandlers(
    createOpenAIProxy({
      apiKey: "sk-test-route-handlers-0123456789",
      baseURL: upstream.url,
      models: ["gpt-5-mini*"],
      responseOwnership: false,
    }),
  );
});

afterAll(() => upstream.close());

const url = (path: string) => `http://127.0.0.1:3000/api/openai${path}`;

describe("toRouteHandlers", () => {
  it("POST forwards a response request the way the proxy does", async () => {
    const response = await routes.POST(
      new Request(url("/v1/responses"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-5-mini", input: "hi" }),
      }),
    );
    expect(response.status).toBe(200);
    expect(upstream.hits.at(-1)?.path).toBe("/v1/responses");
  });

  it("GET lists the models the policy allows", async () => {
    const response = await routes.GET(new Request(url("/v1/models")));
    expect(response.status).toBe(200);
  });

  it("DELETE gets the proxy's 405 naming the allowed methods, not the framework's", async () => {
    const response = await routes.DELETE(
      new Request(url("/v1/responses/resp_1"), { method: "DELETE" }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });

  it("ignores a framework's second argument passed to the proxy itself", async () => {
    const proxy = createOpenAIProxy({
      apiKey: "sk-x",
      baseURL: upstream.url,
      models: ["gpt-5-mini*"],
    });
    const response = await proxy(new Request(url("/v1/models")), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
  });
});
