/** Strings of tool calls, images in tool output, the composer's details and computer use. */
export interface ToolStrings {
  /** A tool running. */
  running: string;
  /** A tool call's arguments still streaming. */
  preparing: string;
  /** A tool call waiting for approval. */
  awaitingApproval: string;
  /** A tool call that completed. */
  completed: string;
  /** A tool call that failed. */
  failed: string;
  /** A tool call the user denied. */
  denied: string;
  /** Label of a tool call's arguments. */
  input: string;
  /** Label of a tool call's result. */
  output: string;
  /** Label of an error. */
  error: string;
  /** Accessible name of a tool call, with the tool's name. */
  toolCall: (name: string) => string;
  /** Computer use action label. */
  computerAction: string;
  /** Computer use screenshot. */
  screenshot: string;
  /** Safety check heading for computer use. */
  safetyCheck: string;
  /** Acknowledge a safety check. */
  acknowledge: string;

  // Details of tool cards, images, the composer and computer use
  /** A tool call whose arguments are complete, not yet run. */
  ready: string;
  /** An approved request. */
  approved: string;
  /** Name of the code interpreter tool. */
  codeInterpreter: string;
  /** Label of a code interpreter's printed output. */
  logs: string;
  /** Label of a list of files. */
  files: string;
  /** Accessible name of an MCP tool call, with its server and tool. */
  mcpToolCall: (server: string, tool: string) => string;
  /** Accessible name of an MCP server's tool list. */
  mcpTools: (server: string) => string;
  /** Number of tools an MCP server offers. */
  toolCount: (count: number) => string;
  /** The question asked before an MCP tool runs. */
  mcpApprovalPrompt: (server: string, tool: string) => string;
  /** Name of the shell tool. */
  shell: string;
  /** Label of the commands of a shell call. */
  commands: string;
  /** Accessible name of a shell call's output. */
  shellOutput: string;
  /** A command that ran out of time. */
  timedOut: string;
  /** A command's exit code. */
  exitCode: (code: number) => string;
  /** Label of standard output. */
  stdout: string;
  /** Label of standard error. */
  stderr: string;
  /** An apply_patch operation (`create_file`, `update_file`, `delete_file`) in words. */
  patchOperation: (operation: string) => string;
  /** Label of a diff. */
  diff: string;
  /** Accessible name of the image viewer dialog. */
  imageViewer: string;
  /** Accessible name of a grid of images. */
  imageGallery: string;
  /** Accessible name of a list of attachments. */
  attachments: string;
  /** A file rejected for its size, naming the file and the limit. */
  attachmentTooLarge: (name: string, limit: string) => string;
  /** A file rejected for its type, naming the file and what is accepted. */
  attachmentTypeNotAccepted: (name: string, accepted: string) => string;
  /** A click on the screen. */
  computerClick: (button: string, x: number, y: number) => string;
  /** A double click on the screen. */
  computerDoubleClick: (x: number, y: number) => string;
  /** A drag between two points. */
  computerDrag: (from: string, to: string) => string;
  /** Keys pressed together. */
  computerKeypress: (keys: string) => string;
  /** The pointer moved. */
  computerMove: (x: number, y: number) => string;
  /** A scroll by an amount at a point. */
  computerScroll: (amount: string, x: number, y: number) => string;
  /** Text typed. */
  computerType: (text: string) => string;
  /** The agent waited. */
  computerWait: string;
  /** The agent took a screenshot. */
  computerScreenshot: string;
  /** Accessible name of the list of computer actions. */
  computerTimeline: string;
  /** A computer call whose screenshot has not been sent back yet. */
  noScreenshot: string;
}

/** The English tool strings. */
export const defaultToolStrings: ToolStrings = {
  running: "Running",
  preparing: "Preparing",
  awaitingApproval: "Waiting for approval",
  completed: "Completed",
  failed: "Failed",
  denied: "Denied",
  input: "Input",
  output: "Output",
  error: "Error",
  toolCall: (name) => `Tool call: ${name}`,
  computerAction: "Computer action",
  screenshot: "Screenshot",
  safetyCheck: "Safety check",
  acknowledge: "Acknowledge",

  ready: "Ready",
  approved: "Approved",
  codeInterpreter: "Code interpreter",
  logs: "Logs",
  files: "Files",
  mcpToolCall: (server, tool) => `${tool} on ${server}`,
  mcpTools: (server) => `Tools of ${server}`,
  toolCount: (count) => (count === 1 ? "1 tool" : `${count} tools`),
  mcpApprovalPrompt: (server, tool) => `Allow ${server} to run ${tool}?`,
  shell: "Shell",
  commands: "Commands",
  shellOutput: "Shell output",
  timedOut: "Timed out",
  exitCode: (code) => `Exit ${code}`,
  stdout: "Standard output",
  stderr: "Standard error",
  patchOperation: (operation) =>
    operation === "create_file"
      ? "Create"
      : operation === "delete_file"
        ? "Delete"
        : operation === "update_file"
          ? "Update"
          : operation,
  diff: "Changes",
  imageViewer: "Image viewer",
  imageGallery: "Images",
  attachments: "Attachments",
  attachmentTooLarge: (name, limit) => `${name} is too large: the limit is ${limit}.`,
  attachmentTypeNotAccepted: (name, accepted) =>
    `${name} is not an accepted file type (accepted: ${accepted}).`,
  computerClick: (button, x, y) =>
    `${button === "left" ? "Click" : `${button} click`} at ${x}, ${y}`,
  computerDoubleClick: (x, y) => `Double click at ${x}, ${y}`,
  computerDrag: (from, to) => `Drag from ${from} to ${to}`,
  computerKeypress: (keys) => `Press ${keys}`,
  computerMove: (x, y) => `Move pointer to ${x}, ${y}`,
  computerScroll: (amount, x, y) => `Scroll ${amount} at ${x}, ${y}`,
  computerType: (text) => `Type “${text}”`,
  computerWait: "Wait",
  computerScreenshot: "Take a screenshot",
  computerTimeline: "Computer actions",
  noScreenshot: "No screenshot yet",
};
