// Express serving a static page, with colloquy's proxy mounted at /api/openai. The key
// (OPENAI_API_KEY) stays in this process; with none set, the built-in emulator answers.
import express from "express";
import { createOpenAIProxy, toNodeHandler } from "colloquy/server";
import { createEmulatorHandler } from "colloquy/testing";

const useEmulator = !process.env.OPENAI_API_KEY && !process.env.OPENAI_BASE_URL;
const proxy = createOpenAIProxy(
  useEmulator
    ? { upstream: createEmulatorHandler({ pace: "realistic" }), models: "all" }
    : { models: ["gpt-4.1-mini", "gpt-4.1-nano"] },
);

const app = express();
app.use(toNodeHandler(proxy)); // answers /api/openai/**, passes everything else on
app.use(express.static(new URL("./public", import.meta.url).pathname));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
app.listen(port, host, () => {
  if (useEmulator) console.log("No OPENAI_API_KEY set: the built-in emulator answers.");
  console.log(`Listening at http://${host}:${port}/`);
});
