import { ColloquyError } from "../errors.js";
import type { Message, MessageError } from "../model/message.js";
import type { Part } from "../model/parts.js";
import { defaultAttachmentLimits, type AttachmentLimits } from "./attachments.js";
import {
  indexOfMessage,
  isResumable,
  replaceText,
  totalUsage,
  upsertMessage,
} from "./conversation.js";
import { forkAt, selectBranchIn } from "./branches.js";
import { unknownMessage, unknownToolCall } from "./chat-store-errors.js";
import { ChatStoreTurns } from "./chat-store-turns.js";
import { decisionUpdate } from "./approvals.js";
import {
  closeUnansweredCalls,
  isReadyToContinue,
  toolResultUpdate,
  updateFirstPart,
} from "./tool-parts.js";
import { readUserParts } from "./user-message-parts.js";
import type { ApprovalResponse, SendInput, SendResult, ToolResult } from "./types.js";

/**
 * A conversation with a model, without any UI framework: it holds the messages, the status
 * and the error, runs requests through a client, and tells subscribers when something
 * changed. Its state is immutable: a streaming delta replaces only the streaming message,
 * so every other `messages[i]` keeps its identity and selectors stay cheap.
 *
 * Streaming deltas reach listeners at most once per animation frame (see `notify`); the
 * answer's own status changes (first token, finished, failed) at once unless that frame
 * already published, so a streaming answer costs React one commit per frame at most. The
 * user's actions publish at once. `getSnapshot()` returns what listeners were last told;
 * when a turn's promise resolves, they have been told its end.
 *
 * Nothing the user typed is lost: a refused attachment refuses the send (the caller still
 * has the text), an error keeps the user's message and the partial answer, and
 * `regenerate()` retries.
 *
 * Built in three layers, a file each: the state, its notifications and saving
 * (`ChatStoreState`), sending and streaming a turn (`ChatStoreTurns`), and here what the user
 * and the app do to the conversation (send, regenerate, edit, branches, tool results,
 * approvals) and loading it again after a reload.
 */
export class ChatStore extends ChatStoreTurns {
  private readonly limits: AttachmentLimits = {
    ...defaultAttachmentLimits,
    ...this.options.attachments,
  };
  private started: Promise<void> | undefined;
  private attachments = 0;

  /**
   * Loads the saved conversation and reconnects to a background response that a reload
   * interrupted. Idempotent; `send` calls it too. Resolves once loaded (the resumed stream
   * keeps running: see `settled()`).
   */
  start(): Promise<void> {
    this.started ??= this.hydrate();
    return this.started;
  }

  /**
   * Adds a user message and asks for the answer. Never rejects for a bad attachment: the
   * send is refused, `state.rejectedAttachments` names each file, and the result says so,
   * so the caller still holds the text. Request errors land in `state.error` and on the
   * failed assistant message, not in a rejection either.
   */
  async send(input: SendInput): Promise<SendResult> {
    await this.start();
    if (this.controller) return { sent: false, reason: "busy", rejectedAttachments: [] };
    const built = await readUserParts(input, this.limits);
    if ("rejected" in built) {
      this.set({ rejectedAttachments: built.rejected }, "now");
      return { sent: false, reason: "rejected-attachments", rejectedAttachments: built.rejected };
    }
    if (built.parts.length === 0) return { sent: false, reason: "empty", rejectedAttachments: [] };
    const message: Message = {
      id: this.generateId(),
      role: "user",
      parts: built.parts,
      metadata: {},
      status: "complete",
    };
    this.autoSteps = 0;
    // Calls left waiting (a tool that never ran, an approval never given) are closed, so the
    // tool cards say so and the request carries an output for each.
    const earlier = closeUnansweredCalls(this.state.messages);
    this.set({ messages: [...earlier, message], rejectedAttachments: [] }, "now");
    await this.runTurn({ kind: "request" });
    return { sent: true, messageId: message.id };
  }

  /**
   * Asks again. Without an id: replaces the last assistant answer (or answers the last user
   * message when no answer came); in a tool loop, the steps whose tool results are all in
   * stay, so the request goes on from them. With the id of an assistant message: drops it
   * and what followed; with a user message's id: drops what followed it. What it replaces
   * stays as an earlier version (`state.branches`, `selectBranch`).
   */
  async regenerate(messageId?: string): Promise<void> {
    await this.start();
    this.stop();
    const messages = this.state.messages;
    let cut: number;
    if (messageId !== undefined) {
      const index = indexOfMessage(messages, messageId);
      if (index === -1) throw unknownMessage(messageId);
      cut = messages[index]!.role === "user" ? index + 1 : index;
    } else {
      const lastUser = findLastIndex(messages, (m) => m.role === "user");
      cut = lastUser === -1 ? messages.length : lastUser + 1;
      // Tool steps already answered stay: asking again from their results replaces only the
      // last answer, and the tools do not run a second time.
      while (cut < messages.length && isReadyToContinue(messages[cut])) cut++;
    }
    if (cut === 0) return;
    this.autoSteps = 0;
    this.set(
      {
        messages: messages.slice(0, cut),
        branches: forkAt(this.state.branches, messages, cut),
        error: undefined,
      },
      "now",
    );
    await this.runTurn({ kind: "request" });
  }

  /**
   * Replaces the text of a user message (attachments stay), drops everything after it, and
   * asks again. The edited message gets a new id; the original and what followed it stay as
   * an earlier version (`state.branches`, `selectBranch`).
   */
  async edit(messageId: string, text: string): Promise<void> {
    await this.start();
    this.stop();
    const messages = this.state.messages;
    const index = indexOfMessage(messages, messageId);
    if (index === -1) throw unknownMessage(messageId);
    const message = messages[index]!;
    if (message.role !== "user") {
      throw new ColloquyError(
        "invalid_input",
        `Message "${messageId}" is a ${message.role} message; only user messages can be edited. Use regenerate() for answers.`,
      );
    }
    this.autoSteps = 0;
    const edited: Message = { ...replaceText(message, text), id: this.generateId() };
    this.set(
      {
        messages: [...messages.slice(0, index), edited],
        branches: forkAt(this.state.branches, messages, index),
        error: undefined,
      },
      "now",
    );
    await this.runTurn({ kind: "request" });
  }

  /** Replaces the conversation (stops a running answer first) and forgets its branches. */
  setMessages(
    messages: readonly Message[] | ((current: readonly Message[]) => readonly Message[]),
  ): void {
    this.stop();
    const next = typeof messages === "function" ? messages(this.state.messages) : messages;
    this.set({ messages: next, branches: {} }, "now");
  }

  /**
   * Shows another version at a branch point (see `branchPosition`): the messages after it are
   * swapped for that version's, the one left is kept. Stops a running answer first. Throws
   * for a branch point or version this conversation does not have.
   */
  selectBranch(key: string, index: number): void {
    this.stop();
    const next = selectBranchIn(this.state.branches, this.state.messages, key, index);
    if (!next) {
      throw new ColloquyError(
        "invalid_input",
        `No version ${index} at branch point "${key}". Pass the key and an index below the count from branchPosition().`,
      );
    }
    this.set(
      { messages: next.messages, branches: next.branches, usage: totalUsage(next.messages) },
      "now",
    );
  }

  /** Replaces one message through `update` (for tool runners and custom parts). */
  updateMessage(messageId: string, update: (message: Message) => Message): void {
    const message = this.state.messages.find((m) => m.id === messageId);
    if (!message) throw unknownMessage(messageId);
    this.set({ messages: upsertMessage(this.state.messages, update(message)) }, "now");
  }

  /**
   * Replaces the newest part for which `update` returns a part. Returns false when no part
   * matched. When the last answer has nothing left to wait for, the conversation continues.
   */
  updatePart(
    update: (part: Part) => Part | undefined,
    options: { continue?: boolean } = {},
  ): boolean {
    const result = updateFirstPart(this.state.messages, update);
    if (!result.message) return false;
    this.set({ messages: result.messages }, "now");
    if (options.continue !== false) this.continueWhenAnswered();
    return true;
  }

  /**
   * Records the result (or error) of a client-side tool call. Once every call of the last
   * answer has a result, the results are sent and the conversation continues.
   */
  addToolResult(result: ToolResult): void {
    if (!this.updatePart(toolResultUpdate(result))) throw unknownToolCall(result.toolCallId);
  }

  /**
   * The one way to answer a call waiting for a person (see `pendingApprovals`): a function
   * or custom tool with `needsApproval` (by tool call id or approval id), an MCP approval
   * request, a computer call's pending safety checks, or a built-in call the app runs (each
   * by its part id or call / item id). The decision is recorded on the part, so it is saved
   * with the message; the tool runner runs what was approved, and the conversation goes on
   * once nothing is left to answer (a refused computer call stops the agent there: see
   * `isAwaitingClient`).
   */
  respondToApproval(response: ApprovalResponse): void {
    const found = this.updatePart(decisionUpdate(response));
    if (!found) {
      throw new ColloquyError(
        "invalid_input",
        `No approval request with id "${response.id}" is waiting. Pass the tool call id or the MCP approval request id from the message parts.`,
      );
    }
  }

  /** Clears the error (and the error status) without touching the messages. */
  clearError(): void {
    this.set(
      {
        error: undefined,
        rejectedAttachments: [],
        status: this.state.status === "error" ? "ready" : this.state.status,
      },
      "now",
    );
  }

  /** Forgets the saved conversation (the messages in memory stay). */
  async clearStorage(): Promise<void> {
    await this.persistence.remove();
  }

  /**
   * Marks a consumer (a mounted component). When the last one detaches, a running request
   * is stopped, unless another attaches right away (React's strict-mode remount).
   */
  attach(): () => void {
    this.attachments++;
    void this.start();
    let detached = false;
    return () => {
      if (detached) return;
      detached = true;
      this.attachments--;
      queueMicrotask(() => {
        if (this.attachments === 0) this.stop();
      });
    };
  }

  /**
   * Loads the saved conversation and picks up an answer a reload cut off: a background
   * response is reconnected to from its last event when the client can, any other is marked
   * failed with `stream_cut` so Retry is offered instead of a spinner that never ends.
   */
  private async hydrate(): Promise<void> {
    const stored = await this.persistence.load();
    if (stored) {
      const { messages, branches } = stored;
      // Not saved back: storage already holds what was just read from it.
      this.set({ messages, branches: branches ?? {}, usage: totalUsage(messages) }, "now", false);
    }
    const last = this.state.messages.at(-1);
    if (last?.role !== "assistant" || last.status !== "in-progress") return;
    if (this.options.resume !== false && this.client.resume && isResumable(last)) {
      // Not awaited: start() resolves once loaded, the stream goes on (see settled()).
      void this.runTurn({ kind: "resume", message: last });
      return;
    }
    const interrupted: MessageError = {
      message:
        "The answer was interrupted before it finished (the page was closed or reloaded). Regenerate to ask again.",
      code: "stream_cut",
    };
    this.set(
      {
        messages: upsertMessage(this.state.messages, {
          ...last,
          status: "failed",
          error: interrupted,
        }),
      },
      "now",
    );
  }
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
