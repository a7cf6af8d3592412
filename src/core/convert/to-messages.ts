import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type * as R from "openai/resources/responses/responses";
import { createMessageId } from "../model/create.js";
import type { Message, Role } from "../model/message.js";
import type { Part } from "../model/parts.js";
import type { ComputerCallPart, McpApprovalRequestPart } from "../model/builtin-tool-parts.js";
import type { ToolCallPart } from "../model/tool-call-part.js";
import { partFromContent, partsFromContent } from "./content-from-wire.js";
import { describe, invalidInput } from "./input-errors.js";
import { chatToolCalls, toolContent } from "./chat-tool-fields.js";
import { partsFromOutputItem } from "./parts-from-output-item.js";
import { isRecord } from "./wire-helpers.js";

/** The role words accepted in `[role, content]` tuples. */
export type ShorthandRole = Role | "human" | "ai";

/**
 * One message as people write it: a plain string (a user message), a `[role, content]`
 * tuple (`"human"` = user, `"ai"` = assistant), a `Message`, a Chat Completions message
 * (including `role: "tool"` results), or a Responses API input item.
 */
export type MessageInput =
  | string
  | Message
  | readonly [ShorthandRole, string | readonly unknown[]]
  | ChatCompletionMessageParam
  | R.ResponseInputItem
  | { role: string; content?: unknown; [key: string]: unknown }
  | { type: string; [key: string]: unknown };

const ROLE_WORDS: Record<string, Role> = {
  system: "system",
  developer: "developer",
  user: "user",
  human: "user",
  assistant: "assistant",
  ai: "assistant",
};

const EXPECTED_ROLES = "expected system, developer, user, assistant or tool";

/** Builds the message list; keeps the merging rules in one place. */
class MessageBuilder {
  readonly messages: { message: Message; parts: Part[] }[] = [];
  /** True right after a tool result or an assistant output item, so assistant text continues that turn. */
  private continuing = false;

  add(role: Role, parts: Part[], extra?: Partial<Message>): void {
    this.messages.push({
      message: {
        id: createMessageId(),
        role,
        parts: [],
        metadata: {},
        status: "complete",
        ...extra,
      },
      parts,
    });
    this.continuing = false;
  }

  addMessage(message: Message): void {
    this.messages.push({ message, parts: [...message.parts] });
    this.continuing = false;
  }

  /** Assistant content from a role message: continues the turn after tool results. */
  addAssistant(parts: Part[]): void {
    const last = this.messages.at(-1);
    if (this.continuing && last?.message.role === "assistant") last.parts.push(...parts);
    else this.add("assistant", parts);
    this.continuing = false;
  }

  /** An assistant output item (reasoning, a call, a built-in tool item): joins the open turn. */
  addItemParts(parts: Part[]): void {
    const last = this.messages.at(-1);
    if (last?.message.role === "assistant") last.parts.push(...parts);
    else this.add("assistant", parts);
    this.continuing = true;
  }

  /** Replaces the latest part matching `match`; false when none matched. */
  update(match: (part: Part) => boolean, replace: (part: Part) => Part): boolean {
    for (let m = this.messages.length - 1; m >= 0; m--) {
      const { parts } = this.messages[m]!;
      for (let p = parts.length - 1; p >= 0; p--) {
        if (match(parts[p]!)) {
          parts[p] = replace(parts[p]!);
          this.continuing = true;
          return true;
        }
      }
    }
    return false;
  }

  result(): Message[] {
    return this.messages.map(({ message, parts }) => ({ ...message, parts }));
  }
}

function withOutput(part: Part, output: unknown): Part {
  const call = part as ToolCallPart;
  type WithApproval = ToolCallPart & { approvalId?: string };
  const { errorText: _errorText, approvalId: _approvalId, ...rest } = call as WithApproval;
  return { ...rest, state: "output-available", input: call.input, output } as ToolCallPart;
}

function toolResult(
  builder: MessageBuilder,
  callId: unknown,
  output: unknown,
  where: string,
  by: "id" | "name" = "id",
): void {
  if (typeof callId !== "string")
    invalidInput(where, `a tool result needs a string ${by === "id" ? "call id" : "name"}`);
  const found = builder.update(
    (part) =>
      part.type === "tool-call" &&
      (by === "id" ? part.toolCallId === callId : part.toolName === callId),
    (part) => withOutput(part, output),
  );
  if (!found) {
    invalidInput(
      where,
      `tool result for call '${callId}' has no matching tool call in an earlier assistant message; put the assistant message with that call before it`,
    );
  }
}

function assistantParts(entry: Record<string, unknown>, where: string): Part[] {
  const parts = partsFromContent(entry.content, `${where}.content`);
  if (typeof entry.refusal === "string") parts.push({ type: "refusal", refusal: entry.refusal });
  if (isRecord(entry.audio) && typeof entry.audio.id === "string") {
    parts.push({ type: "audio", origin: "output", id: entry.audio.id });
  }
  parts.push(...chatToolCalls(entry.tool_calls, where));
  if (isRecord(entry.function_call)) {
    const [part] = partsFromOutputItem({
      type: "function_call",
      call_id: entry.function_call.name,
      name: entry.function_call.name,
      arguments: entry.function_call.arguments,
    });
    parts.push(part!);
  }
  return parts;
}

function isMessage(value: Record<string, unknown>): value is Message & Record<string, unknown> {
  return typeof value.role === "string" && Array.isArray(value.parts);
}

function addRoleEntry(
  builder: MessageBuilder,
  entry: Record<string, unknown>,
  where: string,
): void {
  const role = entry.role;
  if (role === "tool")
    return toolResult(builder, entry.tool_call_id, toolContent(entry.content, where), where);
  if (role === "function")
    return toolResult(builder, entry.name, toolContent(entry.content, where), where, "name");
  if (role === "user") return addUserContent(builder, entry.content, `${where}.content`);
  if (role === "system" || role === "developer") {
    return builder.add(role, partsFromContent(entry.content, `${where}.content`));
  }
  if (role === "assistant") {
    // An output message item from the API keeps its item id, content indexes and phase, and
    // like any output item joins the assistant turn before it (a response may hold several).
    const fromApi = entry.type === "message" && typeof entry.id === "string" && entry.id !== "";
    if (fromApi) return builder.addItemParts(partsFromOutputItem(entry as { type: string }));
    return builder.addAssistant(assistantParts(entry, where));
  }
  invalidInput(where, `unknown role ${describe(role)}; ${EXPECTED_ROLES}`);
}

/** Input items a user message may carry as content blocks, as LangChain documents them. */
const ITEM_BLOCKS = new Set([
  "mcp_approval_response",
  "apply_patch_call_output",
  "tool_search_output",
  "shell_call_output",
  "local_shell_call_output",
  "function_call_output",
  "custom_tool_call_output",
  "computer_call_output",
]);

/** User content: item blocks become their items, in order; the rest the user message around them. */
function addUserContent(builder: MessageBuilder, content: unknown, where: string): void {
  if (!Array.isArray(content)) return builder.add("user", partsFromContent(content, where));
  let parts: Part[] | undefined = content.length === 0 ? [] : undefined;
  content.forEach((block: unknown, index) => {
    const at = `${where}[${index}]`;
    if (isRecord(block) && typeof block.type === "string" && ITEM_BLOCKS.has(block.type)) {
      if (parts) builder.add("user", parts);
      parts = undefined;
      return addItem(builder, block, at);
    }
    (parts ??= []).push(partFromContent(block, at));
  });
  if (parts) builder.add("user", parts);
}

function addItem(builder: MessageBuilder, item: Record<string, unknown>, where: string): void {
  switch (item.type) {
    case "function_call_output":
    case "custom_tool_call_output": {
      if (typeof item.call_id !== "string")
        return invalidInput(where, "a tool output needs a string 'call_id'");
      const matched = builder.update(
        (part) => part.type === "tool-call" && part.toolCallId === item.call_id,
        (part) => withOutput(part, item.output),
      );
      // With previous_response_id the call lives on the server; keep the output to send as is.
      if (!matched) builder.addItemParts(partsFromOutputItem(item as { type: string }));
      return;
    }
    case "computer_call_output": {
      const output = isRecord(item.output) ? item.output : {};
      const checks = Array.isArray(item.acknowledged_safety_checks)
        ? item.acknowledged_safety_checks
        : undefined;
      const attached = builder.update(
        (part) =>
          part.type === "computer-call" && part.item.call_id === item.call_id && !part.output,
        (part) => ({
          ...(part as ComputerCallPart),
          output: {
            ...(typeof output.image_url === "string" ? { imageUrl: output.image_url } : {}),
            ...(typeof output.file_id === "string" ? { fileId: output.file_id } : {}),
            ...(checks ? { acknowledgedSafetyChecks: checks } : {}),
          },
        }),
      );
      if (!attached) builder.addItemParts(partsFromOutputItem(item as { type: string }));
      return;
    }
    case "mcp_approval_response": {
      const decision = {
        approve: item.approve === true,
        ...(typeof item.reason === "string" ? { reason: item.reason } : {}),
      };
      const attached = builder.update(
        (part) => part.type === "mcp-approval-request" && part.id === item.approval_request_id,
        (part) => ({ ...(part as McpApprovalRequestPart), decision }),
      );
      if (!attached) builder.addItemParts(partsFromOutputItem(item as { type: string }));
      return;
    }
    case "item_reference":
      return builder.addItemParts([
        {
          type: "unknown",
          originalType: "item_reference",
          raw: item,
          ...(typeof item.id === "string" ? { id: item.id } : {}),
        },
      ]);
  }
  builder.addItemParts(partsFromOutputItem(item as { type: string }));
}

function addEntry(builder: MessageBuilder, entry: unknown, where: string): void {
  if (typeof entry === "string") return builder.add("user", [{ type: "text", text: entry }]);
  if (Array.isArray(entry)) {
    const [word, content, ...rest] = entry as unknown[];
    const role = typeof word === "string" ? ROLE_WORDS[word] : undefined;
    if (!role || rest.length > 0) {
      return invalidInput(
        where,
        role
          ? "a [role, content] tuple has exactly two entries"
          : `unknown role ${describe(word)} in a [role, content] tuple; expected system, developer, user, human, assistant or ai`,
      );
    }
    if (role === "user" && Array.isArray(content)) {
      return addUserContent(builder, content, `${where}[1]`);
    }
    const parts =
      typeof content === "string"
        ? [{ type: "text" as const, text: content }]
        : partsFromContent(content, `${where}[1]`);
    return role === "assistant" ? builder.add("assistant", parts) : builder.add(role, parts);
  }
  if (!isRecord(entry))
    return invalidInput(
      where,
      `expected a string, a [role, content] tuple or a message object, got ${describe(entry)}`,
    );
  if (isMessage(entry)) {
    if (!["system", "developer", "user", "assistant"].includes(entry.role)) {
      return invalidInput(
        where,
        `unknown role ${describe(entry.role)}; expected system, developer, user or assistant`,
      );
    }
    return builder.addMessage({
      ...entry,
      id: typeof entry.id === "string" ? entry.id : createMessageId(),
      metadata: isRecord(entry.metadata) ? entry.metadata : {},
      status: typeof entry.status === "string" ? entry.status : "complete",
    });
  }
  if ("role" in entry) return addRoleEntry(builder, entry, where);
  if (typeof entry.type === "string") return addItem(builder, entry, where);
  invalidInput(where, "expected a 'role' (a message) or a 'type' (a Responses input item)");
}

/** True when a top-level array is itself one `[role, content]` tuple rather than a list. */
function isTuple(input: readonly unknown[]): boolean {
  return (
    input.length === 2 &&
    typeof input[0] === "string" &&
    input[0] in ROLE_WORDS &&
    (typeof input[1] === "string" || Array.isArray(input[1]))
  );
}

/**
 * Any accepted input -> `Message[]`. A list may mix shapes; Chat `role: "tool"` messages and
 * Responses `function_call_output` items become the output of the matching earlier tool-call
 * part, `computer_call_output` the screenshot of its computer call, and
 * `mcp_approval_response` the decision on its request; these items may also be blocks of a
 * user message's content. Assistant output items continue the assistant message before them.
 * A two-element array whose first element is a role word is one tuple. Bad input throws
 * `ColloquyError("invalid_input")` naming the entry, e.g. `messages[2]: unknown role 'robot'`.
 */
export function toMessages(input: MessageInput | readonly MessageInput[]): Message[] {
  const builder = new MessageBuilder();
  if (Array.isArray(input) && !isTuple(input)) {
    input.forEach((entry, index) => addEntry(builder, entry, `messages[${index}]`));
  } else {
    addEntry(builder, input, "messages[0]");
  }
  return builder.result();
}

/**
 * One input -> one `Message`. Throws `ColloquyError("invalid_input")` when the input is not
 * a message or would make more or fewer than one (e.g. a lone tool result).
 */
export function toMessage(input: MessageInput): Message {
  const builder = new MessageBuilder();
  addEntry(builder, input, "message");
  const messages = builder.result();
  if (messages.length !== 1) {
    invalidInput(
      "message",
      `the input makes ${messages.length} messages; use toMessages for lists and tool results`,
    );
  }
  return messages[0]!;
}
