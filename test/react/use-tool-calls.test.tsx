import { describe, expect, it } from "vitest";
import { act, render, waitFor } from "@testing-library/react";
import { z } from "zod";
import { defineTool } from "../../src/core/tools/define-tool.js";
import type { ToolCallPart } from "../../src/core/model/tool-call-part.js";
import {
  useChat,
  useToolCalls,
  type UseChatResult,
  type UseToolCallsResult,
} from "../../src/react/index.js";
import type { AnyToolDefinition } from "../../src/core/tools/types.js";
import { failOnActWarnings, providerFor, textOf, serveEmulator } from "./support.js";

const server = serveEmulator();
failOnActWarnings();

function renderTools(
  tools: Record<string, AnyToolDefinition>,
  maxSteps?: number,
  extra: Partial<Parameters<typeof useToolCalls>[0]> = {},
) {
  const latest: { chat?: UseChatResult; tools?: UseToolCallsResult } = {};
  function Chat() {
    const chat = useChat({ storage: null, notify: "microtask" });
    const toolCalls = useToolCalls({
      chat,
      tools,
      ...(maxSteps === undefined ? {} : { maxSteps }),
      ...extra,
    });
    latest.chat = chat;
    latest.tools = toolCalls;
    return <p>{chat.status}</p>;
  }
  render(<Chat />, { wrapper: providerFor(server.url) });
  return { chat: () => latest.chat!, tools: () => latest.tools! };
}

const toolCallsOf = (chat: UseChatResult) =>
  chat.messages.flatMap((m) => m.parts).filter((p): p is ToolCallPart => p.type === "tool-call");

describe("useToolCalls against the emulator", () => {
  it("runs a tool, sends the result and shows the model's answer", async () => {
    const cities: string[] = [];
    const weather = defineTool({
      name: "get_weather",
      description: "Current weather in a city",
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        cities.push(city);
        return { city, celsius: 18 };
      },
    });
    const { chat } = renderTools({ get_weather: weather });
    await act(async () => {
      void chat().send("What is the weather in Paris?");
    });
    await waitFor(() => {
      expect(chat().status).toBe("ready");
      expect(chat().messages).toHaveLength(3);
    });
    expect(cities).toHaveLength(1);
    const [call] = toolCallsOf(chat());
    expect(call).toMatchObject({
      state: "output-available",
      output: { city: cities[0], celsius: 18 },
    });
    expect(textOf(chat().messages[2]).length).toBeGreaterThan(0);
  });

  it("asks before running a tool that needs approval, and runs it once approved", async () => {
    const runs: unknown[] = [];
    const transfer = defineTool({
      name: "send_money",
      parameters: z.object({ amount: z.number() }),
      needsApproval: true,
      execute: async (args) => {
        runs.push(args);
        return "sent";
      },
    });
    const { chat, tools } = renderTools({ send_money: transfer });
    await act(async () => {
      void chat().send("Use the tool to send money");
    });
    await waitFor(() => expect(tools().pendingApprovals).toHaveLength(1));
    expect(runs).toEqual([]);
    expect(tools().pendingApprovals[0]!.kind).toBe("tool");
    act(() => tools().respondToApproval({ id: tools().pendingApprovals[0]!.id, approve: true }));
    await waitFor(() => {
      expect(chat().status).toBe("ready");
      expect(chat().messages).toHaveLength(3);
    });
    expect(runs).toHaveLength(1);
    expect(toolCallsOf(chat())[0]!.state).toBe("output-available");
    expect(tools().pendingApprovals).toEqual([]);
  });

  it("sends a denial back to the model without running the tool", async () => {
    const runs: unknown[] = [];
    const transfer = defineTool({
      name: "send_money",
      parameters: z.object({ amount: z.number() }),
      needsApproval: () => true,
      execute: async (args) => {
        runs.push(args);
        return "sent";
      },
    });
    const { chat, tools } = renderTools({ send_money: transfer });
    await act(async () => {
      void chat().send("Use the tool to send money");
    });
    await waitFor(() => expect(tools().pendingApprovals).toHaveLength(1));
    act(() =>
      tools().respondToApproval({
        id: tools().pendingApprovals[0]!.id,
        approve: false,
        reason: "Too much",
      }),
    );
    await waitFor(() => {
      expect(chat().status).toBe("ready");
      expect(chat().messages).toHaveLength(3);
    });
    expect(runs).toEqual([]);
    expect(toolCallsOf(chat())[0]).toMatchObject({ state: "output-denied", errorText: "Too much" });
  });

  it("returns invalid arguments to the model as a tool error", async () => {
    let ran = false;
    // The JSON Schema says "a string"; the check the model cannot see rejects every value.
    const strictCity = defineTool({
      name: "get_weather",
      parameters: z.object({ city: z.string().refine(() => false, "unknown city") }),
      execute: async () => {
        ran = true;
        return "never";
      },
    });
    const { chat } = renderTools({ get_weather: strictCity });
    await act(async () => {
      void chat().send("What is the weather in Atlantis?");
    });
    await waitFor(() => {
      expect(chat().status).toBe("ready");
      expect(chat().messages).toHaveLength(3);
    });
    expect(ran).toBe(false);
    const [call] = toolCallsOf(chat());
    expect(call!.state).toBe("output-error");
    expect(call!.errorText).toContain("unknown city");
  });

  it("stops with a max_steps error when the step limit is reached", async () => {
    const weather = defineTool({
      name: "get_weather",
      parameters: z.object({ city: z.string() }),
      execute: async () => "sunny",
    });
    const { chat } = renderTools({ get_weather: weather }, 1);
    await act(async () => {
      void chat().send("What is the weather in Oslo?");
    });
    await waitFor(() => expect(chat().status).toBe("error"));
    expect(chat().error).toMatchObject({ code: "max_steps" });
    expect(chat().messages).toHaveLength(2);
    expect(toolCallsOf(chat())[0]!.state).toBe("output-available");
  });

  it("drives computer use: screenshots for each action, safety checks as approvals", async () => {
    const actions: string[] = [];
    const computer = {
      type: "computer_use_preview" as const,
      display_width: 1024,
      display_height: 768,
      environment: "browser" as const,
    };
    const { chat, tools } = renderTools({}, undefined, {
      builtinTools: [computer],
      computer: async (action) => {
        actions.push(action?.type ?? "none");
        return { imageUrl: "data:image/png;base64,iVBORw0KGgo=" };
      },
    });
    await act(async () => {
      void chat().send("Use the computer on this sensitive page");
    });
    let approvals = 0;
    await waitFor(
      () => {
        const pending = tools().pendingApprovals[0];
        if (pending) {
          expect(pending.kind).toBe("computer");
          approvals++;
          act(() => tools().respondToApproval({ id: pending.id, approve: true }));
        }
        expect(chat().status).toBe("ready");
        expect(textOf(chat().messages.at(-1))).toMatch(/^Done/);
      },
      { interval: 20 },
    );
    expect(actions).toEqual(["screenshot", "click", "type", "scroll"]);
    expect(approvals).toBeGreaterThanOrEqual(4);
    const calls = chat()
      .messages.flatMap((m) => m.parts)
      .filter((p) => p.type === "computer-call");
    expect(
      calls.every(
        (p) => p.type === "computer-call" && p.output?.acknowledgedSafetyChecks?.length === 1,
      ),
    ).toBe(true);
  });
});
