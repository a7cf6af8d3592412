import { z } from "zod";
import { defineTool } from "../../../../src/core/tools/define-tool.js";

/**
 * The two deferred tools of the recorded client tool search
 * (responses/tool-search-client.*), written with zod: `get_weather` runs, `search_files`
 * has no `execute`.
 */
export const getWeather = defineTool({
  name: "get_weather",
  description: "Get the current weather at a specific location",
  parameters: z.object({
    location: z.string().describe("The city and state, e.g. San Francisco, CA"),
    unit: z.enum(["celsius", "fahrenheit"]).describe("Temperature unit"),
  }),
  execute: ({ location, unit }) => `72 ${unit === "celsius" ? "C" : "F"} and sunny in ${location}`,
});
/** The recording's `search_files` tool. */
export const searchFiles = defineTool({
  name: "search_files",
  description: "Search through files in the workspace",
  parameters: z.object({
    query: z.string().describe("The search query"),
    file_types: z.array(z.string()).describe("Filter by file types"),
  }),
});
