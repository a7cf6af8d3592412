import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPlaygroundApi } from "../../playground/server/playground-api.js";
import { EMULATOR_MODEL_NAMES } from "../../playground/src/prompt-lab/model-names.js";
import { startFakeUpstream, type FakeUpstream } from "../server/support/fake-upstream.js";

/**
 * `npm start` with a real upstream: every page of the playground must work against it, not
 * only against the emulator. A loopback stub stands in for OPENAI_BASE_URL.
 */

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function playgroundOver(env: Record<string, string>): Promise<string> {
  const api = createPlaygroundApi({ env, pace: "instant", log: false });
  const server: Server = createServer((req, res) =>
    api.handler(req, res, () => {
      res.writeHead(404);
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${api.basePath}/v1`;
}

async function stub(): Promise<FakeUpstream> {
  const upstream = await startFakeUpstream();
  closers.push(() => upstream.close());
  return upstream;
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** The request the computer-use page sends (playground/src/pages/computer-use-page.tsx). */
const COMPUTER_USE_REQUEST = {
  model: "computer-use-preview",
  truncation: "auto",
  max_output_tokens: 1024,
  input: "Open the search page",
  tools: [
    {
      type: "computer_use_preview",
      display_width: 1024,
      display_height: 640,
      environment: "browser",
    },
  ],
};

describe("the playground's allowlist with a real upstream", () => {
  it.each([
    ["OPENAI_BASE_URL and OPENAI_API_KEY", { OPENAI_API_KEY: "sk-playground-0123456789" }],
    ["OPENAI_BASE_URL alone", {}],
  ])(
    "the computer-use page's request reaches the upstream with %s",
    async (_name, extraEnv: Record<string, string>) => {
      const upstream = await stub();
      const url = await playgroundOver({ OPENAI_BASE_URL: upstream.url, ...extraEnv });
      const response = await post(url, COMPUTER_USE_REQUEST);
      expect(response.status, await response.clone().text()).toBe(200);
      await response.arrayBuffer();
      const hit = upstream.hits.at(-1)!;
      expect(hit.path).toBe("/v1/responses");
      expect(JSON.parse(hit.body)).toMatchObject({
        model: "computer-use-preview",
        tools: [{ type: "computer_use_preview", environment: "browser" }],
      });
    },
  );

  it.each(EMULATOR_MODEL_NAMES)(
    "the prompt lab's model %s with its built-in tools reaches the upstream",
    async (model) => {
      const upstream = await stub();
      const url = await playgroundOver({
        OPENAI_BASE_URL: upstream.url,
        OPENAI_API_KEY: "sk-playground-0123456789",
      });
      const tools = [
        { type: "web_search" },
        { type: "image_generation", partial_images: 1 },
        { type: "code_interpreter", container: { type: "auto" } },
      ];
      const response = await post(url, { model, input: "hi", tools });
      expect(response.status, await response.clone().text()).toBe(200);
      await response.arrayBuffer();
      expect(JSON.parse(upstream.hits.at(-1)!.body)).toMatchObject({ model, tools });
    },
  );

  it("still refuses a model no playground page offers, so a stray request cannot run up a bill", async () => {
    const upstream = await stub();
    const url = await playgroundOver({
      OPENAI_BASE_URL: upstream.url,
      OPENAI_API_KEY: "sk-playground-0123456789",
    });
    const response = await post(url, { model: "o3-pro", input: "hi" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "model_not_allowed" } });
    expect(upstream.hits).toEqual([]);
  });
});
