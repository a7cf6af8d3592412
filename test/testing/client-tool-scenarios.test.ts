import { describe, expect, it } from "vitest";
import { sampleLark, sampleRegex } from "../../src/testing/grammar-input.js";
import { emulator, post, weatherTool, type Json } from "./support.js";

/**
 * The scenarios of the tools an application runs (custom, apply_patch, shell, local shell,
 * client tool search): `tool_choice` decides whether they are called, and an output left out,
 * or sent for a call that is not there, is refused as a function call's is.
 */

const handler = emulator();

async function create(body: Json): Promise<{ status: number; body: Json }> {
  const response = await post(handler, "/v1/responses", { model: "gpt-5.1", ...body });
  return { status: response.status, body: (await response.json()) as Json };
}

const types = (body: Json) => (body.output as Json[]).map((item) => item.type as string);

describe("tool_choice over the tools an application runs", () => {
  it("none keeps even a prompt that names the tool to text", async () => {
    for (const tools of [
      [{ type: "apply_patch" }],
      [{ type: "shell" }],
      [{ type: "custom", name: "run_sql" }],
    ]) {
      const { body } = await create({
        input: "Use the tool to create notes.md and run ls",
        tools,
        tool_choice: "none",
      });
      expect(types(body)).toEqual(["message"]);
    }
  });

  it("a forced tool is called though the prompt does not ask for it", async () => {
    const forced: [Json, Json, string][] = [
      [{ type: "apply_patch" }, { type: "apply_patch" }, "apply_patch_call"],
      [{ type: "shell" }, { type: "shell" }, "shell_call"],
      [{ type: "local_shell" }, { type: "local_shell" }, "local_shell_call"],
      [
        { type: "custom", name: "run_sql" },
        { type: "custom", name: "run_sql" },
        "custom_tool_call",
      ],
    ];
    for (const [tool, choice, type] of forced) {
      const { body } = await create({ input: "Hello there", tools: [tool], tool_choice: choice });
      expect(types(body), JSON.stringify(tool)).toEqual([type]);
    }
  });

  it("a deferred function is not called before a tool search loads it", async () => {
    const { body } = await create({
      input: "What is the weather in Paris?",
      tools: [{ ...weatherTool, defer_loading: true }, { type: "tool_search" }],
    });
    expect(types(body)).toEqual(["tool_search_call", "tool_search_output", "function_call"]);
  });
});

describe("outputs of the calls an application runs", () => {
  const calls: [Json, string, Json][] = [
    [
      { type: "apply_patch" },
      "apply_patch_call",
      { type: "apply_patch_call_output", status: "completed" },
    ],
    [{ type: "shell" }, "shell_call", { type: "shell_call_output", output: [] }],
    [
      { type: "local_shell" },
      "local_shell_call",
      { type: "local_shell_call_output", output: "{}" },
    ],
    [
      { type: "tool_search", execution: "client" },
      "tool_search_call",
      { type: "tool_search_output", execution: "client", tools: [] },
    ],
  ];

  it("answers each call's output with text, and refuses a next turn without it", async () => {
    for (const [tool, type, output] of calls) {
      const tools =
        tool.type === "tool_search" ? [{ ...weatherTool, defer_loading: true }, tool] : [tool];
      const first = await create({
        input: "Use the tool to create notes.md, run ls, find the weather",
        tools,
        tool_choice: "required",
      });
      expect(types(first.body), type).toEqual([type]);
      const call = (first.body.output as Json[])[0]!;
      const missing = await create({ previous_response_id: first.body.id, input: "and?", tools });
      expect(missing.status, type).toBe(400);
      expect(missing.body.error).toMatchObject({ type: "invalid_request_error", param: "input" });
      const answered = await create({
        previous_response_id: first.body.id,
        input: [{ ...output, call_id: call.call_id }],
        tools,
      });
      expect(answered.status, type).toBe(200);
      expect(types(answered.body), type).toEqual(["message"]);
    }
  });

  it("refuses an output whose call is not in the conversation", async () => {
    const { status, body } = await create({
      input: [
        { role: "user", content: "hi" },
        { type: "apply_patch_call_output", call_id: "call_nowhere", status: "completed" },
      ],
      tools: [{ type: "apply_patch" }],
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ param: "input" });
    expect(body.error.message).toContain("call_nowhere");
  });
});

describe("grammar-shaped custom tool input", () => {
  it("lark: the shortest sentence, with the prompt's words where the grammar leaves them open", () => {
    const sql =
      'start: "SELECT" cols "FROM" WORD\ncols: "*" | WORD\n%import common.WORD\n%import common.WS\n%ignore WS';
    expect(sampleLark(sql, "Get all data from the users table")).toBe("SELECT * FROM users");
    const math =
      'start: expr\nexpr: term (SP ADD SP term)*\nterm: INT\nSP: " "\nADD: "+"\n%import common.INT';
    expect(sampleLark(math, "add two and three")).toBe("2 + 2");
  });

  it("regex: a part of the prompt the pattern accepts, else a generated match", () => {
    const date = "^\\d{4}-\\d{2}-\\d{2}$";
    expect(sampleRegex(date, "on 2025-03-01 please")).toBe("2025-03-01");
    for (const pattern of [date, "^(yes|no)$", "^[A-Z][a-z]+ [0-9]{2,3}$", "^\\w+@\\w+\\.com$"]) {
      expect(sampleRegex(pattern, "nothing here")).toMatch(new RegExp(pattern));
    }
  });
});
