import { mcpDeniedAnswer } from "./answers.js";
import type { EmulatorRequest } from "./emulator-request-model.js";
import type { IdFactory } from "./ids.js";
import type { PlanContext } from "./plan-context.js";
import { citeSpan, message, type OutputItem } from "./output-items.js";
import { toBase64 } from "./png.js";
import { renderPictureBase64, renderPicturePng } from "./render-picture.js";

/** Planned output of the Responses API's built-in tools (web and file search, images, computer, code, MCP). */

const SOURCES = [
  {
    url: "https://example.com/colloquy/emulator",
    title: "The colloquy emulator answers deterministically",
    site: "example.com",
  },
  {
    url: "https://example.org/streaming/tokens",
    title: "Streaming responses, token by token",
    site: "example.org",
  },
];

/** Items of the webSearch scenario. */
export function webSearch(userText: string, ids: IdFactory): OutputItem[] {
  const query = userText.slice(0, 100) || "latest news";
  const lines = [
    "Here is what I found:",
    "",
    `- The emulator answers the same request with the same stream, so tests can rely on it. ([${SOURCES[0]!.site}](${SOURCES[0]!.url}))`,
    `- Citations arrive while the text streams, attached to the sentence they support. ([${SOURCES[1]!.site}](${SOURCES[1]!.url}))`,
    "",
    `Searched for: ${query}`,
  ];
  const text = lines.join("\n");
  const annotations = SOURCES.map((source) => ({
    type: "url_citation",
    ...citeSpan(text, `([${source.site}](${source.url}))`),
    title: source.title,
    url: source.url,
  }));
  return [
    {
      id: ids.next("ws"),
      type: "web_search_call",
      status: "completed",
      action: {
        type: "search",
        query,
        sources: SOURCES.map((source) => ({ type: "url", url: source.url })),
      },
    },
    {
      id: ids.next("ws"),
      type: "web_search_call",
      status: "completed",
      action: { type: "open_page", url: SOURCES[0]!.url },
    },
    message(ids, text, annotations),
  ];
}

/** Items of the fileSearch scenario. */
export function fileSearch(
  request: EmulatorRequest,
  userText: string,
  ids: IdFactory,
): OutputItem[] {
  const fileId = "file-emu-handbook";
  const filename = "handbook.pdf";
  const sentence =
    "According to the document, the emulator streams every event the real API sends, in the same order";
  const text = `${sentence}. It also keeps background responses so a dropped stream can resume.`;
  const withResults = request.include.includes("file_search_call.results");
  return [
    {
      id: ids.next("fs"),
      type: "file_search_call",
      status: "completed",
      queries: [userText.slice(0, 100) || "handbook"],
      results: withResults
        ? [
            {
              attributes: {},
              file_id: fileId,
              filename,
              score: 0.9312,
              text: "The emulator streams every event the real API sends, in the same order.",
            },
          ]
        : null,
    },
    message(ids, text, [
      { type: "file_citation", file_id: fileId, filename, index: sentence.length },
    ]),
  ];
}

/** Items of the imageGeneration scenario. */
export function imageGeneration(
  request: EmulatorRequest,
  userText: string,
  context: PlanContext,
): { items: OutputItem[]; partials: Record<string, string[]> } {
  const { ids, imageSize } = context;
  const tool = request.imageTool ?? {};
  const requested = typeof tool.partial_images === "number" ? tool.partial_images : 2;
  const partialCount = Math.max(0, Math.min(3, Math.floor(requested)));
  const seed = userText || "picture";
  const id = ids.next("ig");
  const coarseness = [32, 16, 8];
  const partials = Array.from({ length: partialCount }, (_, index) =>
    renderPictureBase64({ size: imageSize, seed, coarseness: coarseness[index]! }),
  );
  return {
    items: [
      {
        id,
        type: "image_generation_call",
        status: "completed",
        background: "opaque",
        output_format: "png",
        quality: typeof tool.quality === "string" && tool.quality !== "auto" ? tool.quality : "low",
        result: renderPictureBase64({ size: imageSize, seed }),
        revised_prompt: `A small landscape with a sun, a mountain and a red house, for: ${userText.slice(0, 120)}`,
        size: `${imageSize}x${imageSize}`,
      },
      message(ids, "Here is the picture: a landscape with a sun, a mountain and a red house."),
    ],
    partials: { [id]: partials },
  };
}

const COMPUTER_ACTIONS: Record<string, unknown>[] = [
  { type: "screenshot" },
  { type: "click", button: "left", x: 438, y: 431 },
  { type: "type", text: "hello from colloquy" },
  { type: "scroll", x: 512, y: 384, scroll_x: 0, scroll_y: 400 },
];

/** Items of the computerUse scenario. */
export function computerUse(
  request: EmulatorRequest,
  userText: string,
  ids: IdFactory,
): OutputItem[] {
  const step = request.computerOutputs;
  if (step >= COMPUTER_ACTIONS.length) {
    return [message(ids, "Done: I took a screenshot, clicked, typed and scrolled.")];
  }
  const sensitive = /\bsensitive/i.test(userText);
  return [
    {
      id: ids.next("cu"),
      type: "computer_call",
      status: "completed",
      action: COMPUTER_ACTIONS[step]!,
      call_id: ids.next("call"),
      pending_safety_checks: sensitive
        ? [
            {
              id: ids.next("cu_sc"),
              code: "malicious_instructions",
              message:
                "The page may contain instructions that try to steer the agent. Check before continuing.",
            },
          ]
        : [],
    },
  ];
}

/** Items of the codeInterpreter scenario; the plot it saves is kept for download. */
export function codeInterpreter(context: PlanContext): OutputItem[] {
  const { ids, containerFiles } = context;
  const containerId = ids.next("cntr");
  const fileId = ids.next("cfile");
  const code = [
    "import numpy as np",
    "import matplotlib.pyplot as plt",
    "",
    "x = np.linspace(0, 2 * np.pi, 100)",
    "plt.plot(x, np.sin(x))",
    "plt.savefig('/mnt/data/plot.png')",
    "print(round(float(np.sum(np.sin(x) ** 2)), 4))",
    "",
  ].join("\n");
  const plot = renderPicturePng({ size: 64, seed: "plot" });
  containerFiles.add({
    id: fileId,
    containerId,
    path: "/mnt/data/plot.png",
    mimeType: "image/png",
    bytes: plot,
    createdAt: context.createdAt,
  });
  const link = "[Download the plot](sandbox:/mnt/data/plot.png)";
  const text = `I ran the code: the sum of the squared sines is 49.5.\n\n${link}`;
  return [
    {
      id: ids.next("ci"),
      type: "code_interpreter_call",
      status: "completed",
      code,
      container_id: containerId,
      outputs: [
        { type: "logs", logs: "49.5" },
        { type: "image", url: `data:image/png;base64,${toBase64(plot)}` },
      ],
    },
    message(ids, text, [
      {
        type: "container_file_citation",
        container_id: containerId,
        ...citeSpan(text, link),
        file_id: fileId,
        filename: "plot.png",
      },
    ]),
  ];
}

const MCP_TOOLS = [
  {
    annotations: { read_only: true },
    description: "Roll a die with the given number of sides.",
    input_schema: {
      type: "object",
      properties: { sides: { type: "integer", minimum: 2 } },
      required: ["sides"],
    },
    name: "roll_dice",
  },
  {
    annotations: { read_only: true },
    description: "Echo the given text back.",
    input_schema: {
      type: "object",
      properties: { text: { type: "string" } },
      required: ["text"],
    },
    name: "echo",
  },
];

/** Items of the mcp scenario. */
export function mcp(request: EmulatorRequest, ids: IdFactory): OutputItem[] {
  const server = request.mcpTools[0] ?? { serverLabel: "emulator", approvalAlways: false };
  const listTools: OutputItem = {
    id: ids.next("mcpl"),
    type: "mcp_list_tools",
    server_label: server.serverLabel,
    tools: MCP_TOOLS,
  };
  const mcpCall = (approvalRequestId: string | null, name: string, args: string): OutputItem => ({
    id: ids.next("mcp"),
    type: "mcp_call",
    status: "completed",
    approval_request_id: approvalRequestId,
    arguments: args,
    error: null,
    name,
    output: name === "roll_dice" ? "4" : args,
    server_label: server.serverLabel,
  });
  const answer = request.approvalResponses[0];
  if (answer) {
    const asked = request.approvalRequests.find((item) => item.id === answer.approvalRequestId);
    const name = asked?.name || "roll_dice";
    const args = asked?.arguments ?? '{"sides":6}';
    if (!answer.approve) return [listTools, message(ids, mcpDeniedAnswer(name))];
    return [
      listTools,
      mcpCall(answer.approvalRequestId, name, args),
      message(ids, `I called \`${name}\` on ${server.serverLabel}: it returned 4.`),
    ];
  }
  if (server.approvalAlways) {
    // A tool named in `require_approval.always.tool_names` is the one the call needs approval for.
    const name = server.approvalToolName ?? "roll_dice";
    if (!MCP_TOOLS.some((tool) => tool.name === name)) {
      listTools.tools = [...MCP_TOOLS, { name, input_schema: { type: "object", properties: {} } }];
    }
    return [
      listTools,
      {
        id: ids.next("mcpr"),
        type: "mcp_approval_request",
        arguments: name === "roll_dice" ? '{"sides":6}' : "{}",
        name,
        server_label: server.serverLabel,
      },
    ];
  }
  return [
    listTools,
    mcpCall(null, "roll_dice", '{"sides":6}'),
    message(
      ids,
      `I rolled a six-sided die with \`roll_dice\` on ${server.serverLabel}: it came up 4.`,
    ),
  ];
}
