import { afterEach, describe, expect, it, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { z } from "zod";
import { defineTool } from "../../src/core/index.js";
import { Chat, preloadPartViews } from "../../src/ui/index.js";
import { axeViolations, mount, type Mounted } from "./component-harness.js";
import { recordingEmulator, unansweredCalls } from "./emulator-fetch.js";

let mounted: Mounted | undefined;

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

const APIS = ["responses", "chat"] as const;

function weatherTool(options: { needsApproval?: boolean; fail?: boolean } = {}) {
  const cities: string[] = [];
  const tool = defineTool({
    name: "get_weather",
    description: "Current weather in a city",
    parameters: z.object({ city: z.string() }),
    ...(options.needsApproval ? { needsApproval: true } : {}),
    execute: async ({ city }) => {
      cities.push(city);
      if (options.fail) throw new Error("the weather service is down");
      return { city, celsius: 18 };
    },
  });
  return { tool, cities };
}

async function ask(root: HTMLElement, text: string) {
  const box = root.querySelector("textarea")!;
  await userEvent.click(box);
  await userEvent.keyboard(`${text}{Enter}`);
}

function answers(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.colloquy-message[data-role="assistant"]'));
}

describe.each(APIS)("<Chat> with client tools (%s)", (api) => {
  it("runs an execute tool and answers the question in one user turn", async () => {
    await preloadPartViews();
    const emulator = recordingEmulator();
    const { tool, cities } = weatherTool();
    const tools = [tool];
    mounted = await mount(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api={api}
        tools={tools}
        chatOptions={{ fetch: emulator.fetch, storage: null }}
      />,
      "light",
    );
    await ask(mounted.root, "What is the weather in Paris?");
    await vi.waitFor(
      () => {
        const last = answers(mounted!.root).at(-1);
        expect(last?.textContent).toContain("Here is what the tools returned");
        expect(last?.getAttribute("data-state")).toBe("complete");
      },
      { timeout: 15_000 },
    );
    expect(cities).toHaveLength(1);
    // One user turn: the question, then the tool's result sent back without another message.
    expect(mounted.root.querySelectorAll('.colloquy-message[data-role="user"]')).toHaveLength(1);
    expect(emulator.bodies).toHaveLength(2);
    // The tool card shows the result it sent.
    const card = mounted.root.querySelector('[data-part-type="tool-call"]')!;
    expect(card.textContent).toContain("18");
    for (const body of emulator.bodies) expect(unansweredCalls(body)).toEqual([]);
    expect(await axeViolations(mounted.root)).toEqual([]);
  });

  it("waits for Approve before running a tool that needs approval", async () => {
    await preloadPartViews();
    const emulator = recordingEmulator();
    const { tool, cities } = weatherTool({ needsApproval: true });
    const tools = [tool];
    mounted = await mount(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api={api}
        tools={tools}
        chatOptions={{ fetch: emulator.fetch, storage: null }}
      />,
      "light",
    );
    await ask(mounted.root, "What is the weather in Oslo?");
    const approve = await vi.waitFor(
      () => {
        const button = Array.from(mounted!.root.querySelectorAll("button")).find(
          (b) => b.textContent === "Approve",
        );
        expect(button).toBeTruthy();
        return button!;
      },
      { timeout: 15_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cities).toEqual([]);
    expect(emulator.bodies).toHaveLength(1);
    expect(await axeViolations(mounted.root)).toEqual([]);
    // Keyboard only: focus the button and press Enter.
    approve.focus();
    await userEvent.keyboard("{Enter}");
    await vi.waitFor(
      () => expect(answers(mounted!.root).at(-1)?.textContent).toContain("returned"),
      { timeout: 15_000 },
    );
    expect(cities).toHaveLength(1);
    for (const body of emulator.bodies) expect(unansweredCalls(body)).toEqual([]);
  });

  it("returns a failing tool's error to the model instead of stopping", async () => {
    await preloadPartViews();
    const emulator = recordingEmulator();
    const { tool } = weatherTool({ fail: true });
    const tools = [tool];
    mounted = await mount(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api={api}
        tools={tools}
        chatOptions={{ fetch: emulator.fetch, storage: null }}
      />,
      "light",
    );
    await ask(mounted.root, "What is the weather in Rome?");
    await vi.waitFor(
      () => expect(answers(mounted!.root).at(-1)?.textContent).toContain("weather service is down"),
      { timeout: 15_000 },
    );
    expect(emulator.bodies).toHaveLength(2);
    expect(JSON.stringify(emulator.bodies[1])).toContain("the weather service is down");
  });

  it("never sends a call without its output, even when the user moves on", async () => {
    await preloadPartViews();
    const emulator = recordingEmulator();
    // No execute: the app never answers the call, and the user simply asks something else.
    const tools = [
      defineTool({
        name: "get_weather",
        description: "Current weather in a city",
        parameters: z.object({ city: z.string() }),
      }),
    ];
    mounted = await mount(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api={api}
        tools={tools}
        chatOptions={{ fetch: emulator.fetch, storage: null }}
      />,
      "light",
    );
    await ask(mounted.root, "What is the weather in Lima?");
    await vi.waitFor(() => expect(emulator.bodies).toHaveLength(1), { timeout: 15_000 });
    await vi.waitFor(
      () => expect(answers(mounted!.root).at(-1)?.getAttribute("data-state")).toBe("complete"),
      { timeout: 15_000 },
    );
    await ask(mounted.root, "Never mind, tell me a joke [[scenario:default]");
    await vi.waitFor(() => expect(emulator.bodies).toHaveLength(2), { timeout: 15_000 });
    for (const body of emulator.bodies) expect(unansweredCalls(body)).toEqual([]);
  });

  it("stops at maxSteps with a message saying so", async () => {
    await preloadPartViews();
    const emulator = recordingEmulator();
    const { tool } = weatherTool();
    const tools = [tool];
    mounted = await mount(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api={api}
        tools={tools}
        maxSteps={1}
        chatOptions={{ fetch: emulator.fetch, storage: null }}
      />,
      "light",
    );
    await ask(mounted.root, "What is the weather in Kyiv?");
    await vi.waitFor(
      () => expect(mounted!.root.querySelector('[role="alert"]')?.textContent).toMatch(/1 steps/),
      { timeout: 15_000 },
    );
    expect(emulator.bodies).toHaveLength(1);
  });
});

describe("<Chat> with computer use", () => {
  it("asks the user about safety checks before the action runs", async () => {
    await preloadPartViews();
    const emulator = recordingEmulator();
    const actions: string[] = [];
    const tools = [
      {
        type: "computer_use_preview" as const,
        display_width: 1024,
        display_height: 768,
        environment: "browser" as const,
      },
    ];
    const computer = async (action: { type: string } | undefined) => {
      actions.push(action?.type ?? "none");
      return {
        imageUrl:
          "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
      };
    };
    mounted = await mount(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api="responses"
        tools={tools}
        computer={computer}
        chatOptions={{ fetch: emulator.fetch, storage: null }}
      />,
      "light",
    );
    await ask(mounted.root, "Use the computer on this sensitive page");
    const acknowledge = await vi.waitFor(
      () => {
        const button = Array.from(mounted!.root.querySelectorAll("button")).find(
          (b) => b.textContent === "Acknowledge",
        );
        expect(button).toBeTruthy();
        return button!;
      },
      { timeout: 15_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(actions).toEqual([]);
    expect(emulator.bodies).toHaveLength(1);
    expect(await axeViolations(mounted.root)).toEqual([]);
    acknowledge.focus();
    await userEvent.keyboard("{Enter}");
    await vi.waitFor(() => expect(emulator.bodies.length).toBeGreaterThanOrEqual(2), {
      timeout: 15_000,
    });
    expect(actions).toEqual(["screenshot"]);
    const output = (emulator.bodies[1]!.input as Record<string, unknown>[]).find(
      (item) => item.type === "computer_call_output",
    );
    expect(output?.acknowledged_safety_checks).toHaveLength(1);
  });
});
