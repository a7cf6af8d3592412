/**
 * colloquy/testing: an OpenAI-compatible emulator with scripted scenarios, recorded-stream
 * replay and fault injection. `createEmulatorHandler` is a Web fetch handler (Node and
 * browsers); `startEmulator` and `loadRecording` are Node only and load `node:*` lazily.
 */
export { createEmulatorHandler, EMULATOR_MODELS } from "./handler.js";
export type { EmulatorHandler, EmulatorOptions } from "./handler.js";
export { startEmulator } from "./start-emulator.js";
export type { RunningEmulator, StartEmulatorOptions } from "./start-emulator.js";
export { loadRecording } from "./load-recording.js";
export { SCENARIOS, chooseScenario } from "./scenarios.js";
export { readChatRequest, readResponsesRequest } from "./emulator-request.js";
export type { EmulatorApi, EmulatorRequest } from "./emulator-request-model.js";
export type { ScenarioInfo, ScenarioName } from "./scenarios.js";
export { FAULT_SPECS, parseFaults } from "./faults.js";
export type { Faults } from "./faults.js";
export { sampleFromSchema } from "./json-schema-sample.js";
export type { JsonSchema } from "./json-schema-sample.js";
export { encodePng } from "./png.js";
export { renderPicturePng, renderPictureBase64 } from "./render-picture.js";
export type { PictureOptions } from "./render-picture.js";
