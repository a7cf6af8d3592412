import { createChatClient, type ComputerCallPart, type Message } from "../../src/core/index.js";
import { renderPictureBase64 } from "../../src/testing/index.js";
import { emulatorFetch } from "./emulator-fetch.js";
import { partOf } from "./parts.js";

/** The emulated screen the computer-use stories work on. */
export const SCREEN = { width: 512, height: 512 };

/** The screenshot the app "takes" after every action. */
export const screenshot = `data:image/png;base64,${renderPictureBase64({ size: SCREEN.width, seed: "desktop" })}`;

const tool = {
  type: "computer_use_preview",
  display_width: SCREEN.width,
  display_height: SCREEN.height,
  environment: "browser",
} as const;

/**
 * A scripted computer-use loop against the in-browser emulator (there is no streamed
 * computer-use recording): the first step asks for a screenshot, the app answers with one,
 * and the next step acts on it.
 */
export async function computerSteps(count: number): Promise<ComputerCallPart[]> {
  const client = createChatClient({
    baseURL: "/api/openai/v1",
    api: "responses",
    model: "computer-use-preview",
    fetch: emulatorFetch({ pace: "instant" }),
  });
  const conversation: Message[] = [
    {
      id: "task",
      role: "user",
      parts: [{ type: "text", text: "Use the computer to open the settings page." }],
      metadata: {},
      status: "complete",
    },
  ];
  const steps: ComputerCallPart[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await client.invoke(conversation, { tools: [tool], truncation: "auto" });
    const call = partOf(answer, "computer-call");
    const done: ComputerCallPart = { ...call, output: { imageUrl: screenshot } };
    steps.push(done);
    conversation.push({ ...answer, parts: answer.parts.map((p) => (p === call ? done : p)) });
  }
  return steps;
}
