import OpenAI, { NotFoundError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { serve } from "./support/serve.js";

/**
 * The resource routes the openai SDK calls besides generation (`models.retrieve`,
 * `responses.inputItems.list`, `responses.delete`), through the real SDK pointed at the proxy
 * in front of the emulator: they reach the upstream, and a response's items and deletion are
 * its creator's only.
 */

let emulator: RunningEmulator;
let proxy: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  emulator = await startEmulator();
  const handler = createOpenAIProxy({
    apiKey: "sk-resource-routes-0123456789",
    baseURL: emulator.url,
    models: ["gpt-5-mini", "gpt-4o-mini"],
    rateLimit: false,
    logger: false,
    // The SDK's API key is the caller's name here, so two clients are two owners.
    authorize: (request) => {
      const user = /^Bearer (\w+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
      return user ? { userId: user } : null;
    },
  });
  proxy = await serve(toNodeHandler(handler));
});

afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

const client = (user: string) =>
  new OpenAI({ apiKey: user, baseURL: `${proxy.url}/api/openai/v1`, maxRetries: 0 });

describe("SDK resource routes through the proxy", () => {
  it("models.retrieve answers an allowed model, and 404 for one the proxy does not allow", async () => {
    const model = await client("alice").models.retrieve("gpt-5-mini");
    expect(model).toMatchObject({ id: "gpt-5-mini", object: "model" });
    // gpt-5 exists upstream but is not on this proxy's allowlist.
    await expect(client("alice").models.retrieve("gpt-5")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("responses.inputItems.list lists the creator's input, and another caller gets 404", async () => {
    const created = await client("alice").responses.create({
      model: "gpt-5-mini",
      input: [{ role: "user", content: "Say hello" }],
    });
    const items = await client("alice").responses.inputItems.list(created.id, { order: "asc" });
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({ type: "message", role: "user" });
    await expect(client("bob").responses.inputItems.list(created.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("responses.delete deletes the creator's response, refused with 404 to another caller", async () => {
    const created = await client("alice").responses.create({
      model: "gpt-5-mini",
      input: "Say hello",
    });
    await expect(client("bob").responses.delete(created.id)).rejects.toBeInstanceOf(NotFoundError);
    // Bob's attempt left it in place: its creator still reads it, then deletes it.
    expect((await client("alice").responses.retrieve(created.id)).id).toBe(created.id);
    await client("alice").responses.delete(created.id);
    await expect(client("alice").responses.retrieve(created.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
