import { startProxyStack } from "./stack.js";

/**
 * Runs the emulator + proxy stack in its own Node process, for test files whose environment
 * is a browser imitation (jsdom), where the server side refuses to load. Prints one JSON line
 * with the URLs, and stops when its stdin closes.
 */
const stack = await startProxyStack();
process.stdout.write(
  `${JSON.stringify({ baseURL: stack.baseURL, emulatorURL: stack.emulator.url })}\n`,
);
process.stdin.resume();
process.stdin.on("end", () => {
  void stack.close().then(() => process.exit(0));
});
