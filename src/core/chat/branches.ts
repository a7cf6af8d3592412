import type { Message } from "../model/message.js";
import { indexOfMessage } from "./conversation.js";

/**
 * Branches of a conversation as data: regenerating an answer or editing a user message
 * keeps what it replaced as an earlier version of the messages after the point where they
 * part, so the user can switch back ("1 / 2"). Pure functions over plain objects, so the
 * store keeps them in its state and persistence saves them like the messages.
 */

/** The versions of what followed one message. */
export interface BranchPoint {
  /**
   * Every version of the messages after the branch point, oldest first. The shown version's
   * entry is refreshed from the conversation whenever it is left, so while shown it may lag.
   */
  readonly versions: readonly (readonly Message[])[];
  /** The version the conversation shows (an index into `versions`). */
  readonly active: number;
}

/**
 * Branch points by the id of the message they follow; `ROOT_BRANCH` for versions of the
 * conversation's very first message.
 */
export type ChatBranches = Readonly<Record<string, BranchPoint>>;

/** The key of the branch point before the first message. */
export const ROOT_BRANCH = "";

/** Where a message stands among the versions at its branch point, for a "2 / 3" switcher. */
export interface BranchPosition {
  /** The branch point's key (the id of the message before, or `ROOT_BRANCH`). */
  key: string;
  /** The version shown, from 0. */
  active: number;
  /** How many versions there are (2 or more). */
  count: number;
}

function keyBefore(messages: readonly Message[], index: number): string {
  return index === 0 ? ROOT_BRANCH : messages[index - 1]!.id;
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/**
 * The branches after the messages from `cut` on are replaced by a new version: what was
 * there becomes a version of its own (nothing is kept when nothing followed `cut`) and a new,
 * empty version becomes the shown one.
 */
export function forkAt(
  branches: ChatBranches,
  messages: readonly Message[],
  cut: number,
): ChatBranches {
  const tail = messages.slice(cut);
  if (tail.length === 0) return branches;
  const key = keyBefore(messages, cut);
  const point = branches[key];
  const versions = point ? replaceAt(point.versions, point.active, tail) : [tail];
  return { ...branches, [key]: { versions: [...versions, []], active: versions.length } };
}

/**
 * Shows version `index` at the branch point `key`: the messages after it are swapped for that
 * version's, and the version left is kept as it was. Undefined when there is no such branch
 * point in this conversation or no such version.
 */
export function selectBranchIn(
  branches: ChatBranches,
  messages: readonly Message[],
  key: string,
  index: number,
): { messages: readonly Message[]; branches: ChatBranches } | undefined {
  const point = branches[key];
  if (!point || !Number.isInteger(index) || index < 0 || index >= point.versions.length) {
    return undefined;
  }
  const cut = key === ROOT_BRANCH ? 0 : indexOfMessage(messages, key) + 1;
  if (key !== ROOT_BRANCH && cut === 0) return undefined;
  const versions = replaceAt(point.versions, point.active, messages.slice(cut));
  return {
    messages: [...messages.slice(0, cut), ...versions[index]!],
    branches: { ...branches, [key]: { versions, active: index } },
  };
}

/**
 * The versions a message is one of: defined when the message is the first after a branch
 * point with two or more versions.
 */
export function branchPosition(
  branches: ChatBranches,
  messages: readonly Message[],
  messageId: string,
): BranchPosition | undefined {
  const index = indexOfMessage(messages, messageId);
  if (index === -1) return undefined;
  const key = keyBefore(messages, index);
  const point = branches[key];
  if (!point || point.versions.length < 2) return undefined;
  return { key, active: point.active, count: point.versions.length };
}

/** True when `value` has the shape of `ChatBranches` (as read back from storage). */
export function isChatBranches(value: unknown): value is ChatBranches {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value as Record<string, unknown>).every(
    (point) =>
      typeof point === "object" &&
      point !== null &&
      Array.isArray((point as BranchPoint).versions) &&
      (point as BranchPoint).versions.every(Array.isArray) &&
      typeof (point as BranchPoint).active === "number",
  );
}
