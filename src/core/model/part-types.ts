import type { PartType } from "./parts.js";

/**
 * The one table of part types. Everything in the core that treats part types by kind (the
 * built-in tool guard, the API an `auto` request needs, the wire item each built-in part comes
 * from) derives from it, and `satisfies` makes a part type added to `Part` without a row here
 * a compile error.
 */

/** What the core knows about one part type. */
export interface PartTypeTraits {
  /** A built-in (hosted or application-run) tool part: a `BuiltinToolPart` keeping its item. */
  readonly builtin: boolean;
  /** Only the Responses API can carry the part back as input, so `api: "auto"` picks it. */
  readonly responsesOnly: boolean;
  /** The Responses API output item types that become this part (built-in tool parts only). */
  readonly wireItems: readonly string[];
}

const content = { builtin: false, responsesOnly: false, wireItems: [] } as const;

function builtin<const Items extends readonly string[]>(...wireItems: Items) {
  return { builtin: true, responsesOnly: true, wireItems } as const;
}

/** Every part type with its traits. */
export const PART_TYPES = {
  text: content,
  refusal: content,
  reasoning: content,
  image: content,
  file: content,
  audio: content,
  "tool-call": content,
  "web-search-call": builtin("web_search_call"),
  "file-search-call": builtin("file_search_call"),
  "code-interpreter-call": builtin("code_interpreter_call"),
  "computer-call": builtin("computer_call"),
  "computer-call-output": builtin("computer_call_output"),
  "mcp-call": builtin("mcp_call"),
  "mcp-list-tools": builtin("mcp_list_tools"),
  "mcp-approval-request": builtin("mcp_approval_request"),
  "mcp-approval-response": builtin("mcp_approval_response"),
  "tool-search-call": builtin("tool_search_call"),
  "tool-search-output": builtin("tool_search_output"),
  "shell-call": builtin("shell_call", "local_shell_call"),
  "shell-call-output": builtin("shell_call_output", "local_shell_call_output"),
  "apply-patch-call": builtin("apply_patch_call"),
  "apply-patch-call-output": builtin("apply_patch_call_output"),
  compaction: builtin("compaction"),
  unknown: content,
} as const satisfies Record<PartType, PartTypeTraits>;

type Table = typeof PART_TYPES;

/** The `type` of a built-in tool part. */
export type BuiltinToolPartType = {
  [Type in keyof Table]: Table[Type]["builtin"] extends true ? Type : never;
}[keyof Table];

const partTypes = Object.keys(PART_TYPES) as (keyof Table)[];

/** Every built-in tool part type, in the table's order. */
export const BUILTIN_TOOL_PART_TYPES: readonly BuiltinToolPartType[] = partTypes.filter(
  (type): type is BuiltinToolPartType => PART_TYPES[type].builtin,
);

/** Part types only the Responses API can carry back as input. */
export const RESPONSES_ONLY_PART_TYPES: ReadonlySet<string> = new Set(
  partTypes.filter((type) => PART_TYPES[type].responsesOnly),
);

const builtinByWireItem = new Map<string, BuiltinToolPartType>(
  BUILTIN_TOOL_PART_TYPES.flatMap((type) =>
    PART_TYPES[type].wireItems.map((item) => [item, type] as const),
  ),
);

/** The built-in part type for a wire item type, or `undefined` when it is not a built-in. */
export function builtinPartType(itemType: string): BuiltinToolPartType | undefined {
  return builtinByWireItem.get(itemType);
}
