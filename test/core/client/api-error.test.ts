import { describe, expect, it } from "vitest";
import { apiErrorFromResponse } from "../../../src/core/client/api-error.js";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the message of an HTTP error", () => {
  it("a 403 the server explained shows its message without a guessed cause", async () => {
    const message =
      "Requests from the origin 'http://localhost:5173' are not allowed by this server. To allow an origin, add it to the proxy's `cors.origins` option (colloquy serve: --allow-origin http://localhost:5173).";
    const error = await apiErrorFromResponse(
      json(403, { error: { message, type: "permission_error", code: "origin_not_allowed" } }),
    );
    expect(error.message).toBe(`403 ${message}`);
    expect(error.message).not.toMatch(/key or project/);
  });

  it("a 403 without a message still gets the likely cause", async () => {
    const error = await apiErrorFromResponse(new Response("", { status: 403 }));
    expect(error.message).toMatch(/not allowed to use this model/);
  });
});
