import OpenAI, { NotFoundError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { emulator as inProcess, post } from "./support.js";

/**
 * Every emulator answer carries `x-request-id` in OpenAI's form (`req_` and 32 hex digits), so
 * code that logs or reports it (the openai package's `_request_id`, an error's `requestID`)
 * works offline as it does against OpenAI.
 */

const REQUEST_ID = /^req_[0-9a-f]{32}$/;

let emulator: RunningEmulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new OpenAI({ baseURL: emulator.url, apiKey: "x", maxRetries: 0 });
});
afterAll(() => emulator.close());

describe("x-request-id on every emulator answer, read through the openai package", () => {
  it("is on a response, as the client's _request_id", async () => {
    const response = await client.responses.create({ model: "gpt-4o-mini", input: "Hello" });
    expect(response._request_id).toMatch(REQUEST_ID);
  });

  it("is on a chat completion, in the response headers", async () => {
    const { response } = await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] })
      .withResponse();
    expect(response.headers.get("x-request-id")).toMatch(REQUEST_ID);
  });

  it("is on a stream, before its first event", async () => {
    const { data: stream, response } = await client.responses
      .create({ model: "gpt-4o-mini", input: "Hello", stream: true })
      .withResponse();
    expect(response.headers.get("x-request-id")).toMatch(REQUEST_ID);
    for await (const event of stream) expect(event.type).toBeTruthy();
  });

  it("is on an error, as the error's requestID", async () => {
    const error = await client.responses
      .create({ model: "gpt-nonexistent", input: "Hello" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestID).toMatch(REQUEST_ID);
  });

  it("differs between requests, so one answer can be told from another", async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => client.models.list().withResponse()).map(async (call) =>
        (await call).response.headers.get("x-request-id"),
      ),
    );
    expect(new Set(ids).size).toBe(5);
  });

  it("is readable by a page on another origin (exposed through CORS)", async () => {
    const response = await post(inProcess(), "/v1/responses", {
      model: "gpt-4o-mini",
      input: "Hi",
    });
    expect(response.headers.get("x-request-id")).toMatch(REQUEST_ID);
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });

  it("is on the answer of an emulator failure, a server_error the client reports", async () => {
    const handler = inProcess({
      now: () => {
        throw new Error("clock broke");
      },
    });
    const response = await post(handler, "/v1/responses", { model: "gpt-4o-mini", input: "Hi" });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toMatch(REQUEST_ID);
    expect((await response.json()).error).toMatchObject({ type: "server_error" });
  });
});
