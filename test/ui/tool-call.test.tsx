import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type {
  ApplyPatchCallPart,
  McpApprovalRequestPart,
  McpListToolsPart,
  ShellCallOutputPart,
  ShellCallPart,
  ToolCallPart,
} from "../../src/core/index.js";
import {
  ApplyPatchCall,
  McpApprovalRequest,
  McpListTools,
  ShellCall,
  ToolCall,
  ToolCode,
} from "../../src/ui/index.js";
import { parseDiff } from "../../src/ui/tool-call/diff-view.js";
import { formatToolInput, formatToolOutput } from "../../src/ui/tool-call/format-tool-value.js";

const base = {
  type: "tool-call",
  kind: "function",
  toolCallId: "call_1",
  toolName: "get_weather",
} as const;

describe("formatToolInput", () => {
  it("shows raw text while the JSON is incomplete and pretty-prints once it parses", () => {
    expect(formatToolInput('{"city": "Par')).toEqual({ text: '{"city": "Par', parsed: false });
    expect(formatToolInput('{"city":"Paris","days":[1,2]}')).toEqual({
      text: '{\n  "city": "Paris",\n  "days": [\n    1,\n    2\n  ]\n}',
      parsed: true,
    });
  });

  it("leaves free text alone", () => {
    expect(formatToolInput("SELECT 1")).toEqual({ text: "SELECT 1", parsed: false });
    expect(formatToolInput("")).toEqual({ text: "", parsed: false });
  });

  it("formats outputs: JSON strings pretty, other strings verbatim, objects as JSON", () => {
    expect(formatToolOutput('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(formatToolOutput("sunny")).toBe("sunny");
    expect(formatToolOutput({ b: [true] })).toBe('{\n  "b": [\n    true\n  ]\n}');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(formatToolOutput(circular)).toBe("[object Object]");
  });
});

describe("<ToolCall>", () => {
  it("re-formats the arguments as they stream in", () => {
    const streaming: ToolCallPart = { ...base, state: "input-streaming", inputText: '{"city":' };
    const { rerender } = render(<ToolCall part={streaming} />);
    const card = screen.getByRole("group", { name: "Tool call: get_weather" });
    expect(card.getAttribute("data-state")).toBe("input-streaming");
    expect(card.getAttribute("aria-busy")).toBe("true");
    expect(screen.getByLabelText("Input").textContent).toBe('{"city":');
    expect(card.textContent).toContain("Preparing");

    rerender(
      <ToolCall
        part={{
          ...base,
          state: "input-available",
          inputText: '{"city":"Paris"}',
          input: { city: "Paris" },
        }}
      />,
    );
    expect(screen.getByLabelText("Input").textContent).toBe('{\n  "city": "Paris"\n}');
    expect(card.hasAttribute("data-parsed")).toBe(true);
    expect(card.textContent).toContain("Ready");
  });

  it("shows the result, or the error", () => {
    const { rerender } = render(
      <ToolCall
        part={{
          ...base,
          state: "output-available",
          inputText: "{}",
          input: {},
          output: { temp: 21 },
        }}
      />,
    );
    expect(screen.getByLabelText("Output").textContent).toBe('{\n  "temp": 21\n}');
    expect(screen.getByText("Completed")).toBeTruthy();
    rerender(
      <ToolCall
        part={{ ...base, state: "output-error", inputText: "{}", errorText: "City not found" }}
      />,
    );
    expect(screen.getByText("City not found")).toBeTruthy();
    expect(screen.getByText("Failed")).toBeTruthy();
  });

  it("calls onApprove and onDeny with the part while approval is requested", async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const onDeny = vi.fn();
    const part: ToolCallPart = {
      ...base,
      state: "approval-requested",
      inputText: "{}",
      input: {},
      approvalId: "ap_1",
    };
    render(<ToolCall part={part} onApprove={onApprove} onDeny={onDeny} />);
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(onApprove).toHaveBeenCalledWith(part);
    await user.click(screen.getByRole("button", { name: "Deny" }));
    expect(onDeny).toHaveBeenCalledWith(part);
  });

  it("shows no buttons outside approval-requested", () => {
    render(<ToolCall part={{ ...base, state: "input-available", inputText: "{}", input: {} }} />);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows custom tool input as text", () => {
    render(
      <ToolCall
        part={{
          ...base,
          kind: "custom",
          state: "input-available",
          inputText: '{"not":"json"}',
          input: "",
        }}
      />,
    );
    expect(screen.getByLabelText("Input").textContent).toBe('{"not":"json"}');
  });
});

describe("built-in tool renderers", () => {
  it("lists MCP tools with descriptions", () => {
    const part: McpListToolsPart = {
      type: "mcp-list-tools",
      id: "mcpl_1",
      state: "completed",
      item: {
        id: "mcpl_1",
        type: "mcp_list_tools",
        server_label: "deepwiki",
        tools: [
          { name: "ask_question", description: "Ask about a repo", input_schema: {} },
          { name: "read_wiki", input_schema: {} },
        ],
      },
    };
    render(<McpListTools part={part} />);
    const group = screen.getByRole("group", { name: "Tools of deepwiki" });
    expect(group.textContent).toContain("2 tools");
    expect(screen.getByText("ask_question")).toBeTruthy();
    expect(screen.getByText("Ask about a repo")).toBeTruthy();
  });

  it("asks for MCP approval and reports the decision", async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const onDeny = vi.fn();
    const part: McpApprovalRequestPart = {
      type: "mcp-approval-request",
      id: "mcpr_1",
      state: "completed",
      item: {
        id: "mcpr_1",
        type: "mcp_approval_request",
        server_label: "deepwiki",
        name: "ask_question",
        arguments: '{"q":"hi"}',
      },
    };
    const { rerender } = render(
      <McpApprovalRequest part={part} onApprove={onApprove} onDeny={onDeny} />,
    );
    expect(screen.getByText("Allow deepwiki to run ask_question?")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Deny" }));
    expect(onDeny).toHaveBeenCalledWith(part);
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(onApprove).toHaveBeenCalledWith(part);
    rerender(<McpApprovalRequest part={{ ...part, decision: { approve: false, reason: "no" } }} />);
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText("Denied: no")).toBeTruthy();
  });

  it("shows shell commands and exit codes", () => {
    const call: ShellCallPart = {
      type: "shell-call",
      id: "sh_1",
      state: "completed",
      item: {
        id: "sh_1",
        type: "shell_call",
        call_id: "c",
        status: "completed",
        environment: null,
        action: { commands: ["ls", "false"], max_output_length: null, timeout_ms: null },
      },
    };
    const output: ShellCallOutputPart = {
      type: "shell-call-output",
      id: "sho_1",
      state: "completed",
      item: {
        id: "sho_1",
        type: "shell_call_output",
        call_id: "c",
        status: "completed",
        max_output_length: null,
        output: [
          { stdout: "a.txt\n", stderr: "", outcome: { type: "exit", exit_code: 0 } },
          { stdout: "", stderr: "boom", outcome: { type: "exit", exit_code: 1 } },
        ],
      },
    };
    render(<ShellCall part={call} output={output} />);
    expect(screen.getByLabelText("Commands").textContent).toBe("$ ls\n$ false");
    expect(screen.getByText("Exit 0").getAttribute("data-tone")).toBe("success");
    expect(screen.getByText("Exit 1").getAttribute("data-tone")).toBe("danger");
    expect(screen.getByLabelText("Standard error").textContent).toBe("boom");
  });

  it("colours diff lines of an apply_patch call", () => {
    const part: ApplyPatchCallPart = {
      type: "apply-patch-call",
      id: "apc_1",
      state: "completed",
      item: {
        id: "apc_1",
        type: "apply_patch_call",
        call_id: "c",
        status: "completed",
        operation: { type: "update_file", path: "a.md", diff: "@@ -1 +1 @@\n-old\n+new\n same\n" },
      },
    };
    const { container } = render(<ApplyPatchCall part={part} />);
    expect(screen.getByRole("group", { name: "Update a.md" })).toBeTruthy();
    const kinds = [...container.querySelectorAll(".colloquy-diff__line")].map((line) =>
      line.getAttribute("data-kind"),
    );
    expect(kinds).toEqual(["hunk", "removed", "added", "context"]);
    expect(parseDiff("+a\n-b")).toEqual([
      { kind: "added", text: "a" },
      { kind: "removed", text: "b" },
    ]);
  });
});

describe("<ToolCode>", () => {
  it("is a keyboard stop with a name only once there is text to read", () => {
    const { container, rerender } = render(<ToolCode text="" label="Input" streaming />);
    const pre = container.querySelector("pre")!;
    expect(pre.hasAttribute("tabindex")).toBe(false);
    expect(pre.hasAttribute("aria-label")).toBe(false);
    rerender(<ToolCode text='{"city":' label="Input" streaming />);
    expect(pre.getAttribute("tabindex")).toBe("0");
    expect(pre.getAttribute("aria-label")).toBe("Input");
  });
});
