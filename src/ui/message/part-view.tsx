import type { ReactNode } from "react";
import type {
  Part,
  PartType,
  ToolCallPart,
  McpApprovalRequestPart,
  ComputerCallPart,
} from "../../core/index.js";
import { ImagePolicyProvider } from "../markdown/image-policy.js";
import type { UrlPolicy } from "../markdown/url-policy.js";
import { useStrings } from "../strings/index.js";
import { DeferredBoundary, DeferredPart } from "./deferred-part.js";
import {
  DeferredAudioPart,
  DeferredComputerPart,
  DeferredImagePart,
  DeferredItemPart,
  DeferredLogprobs,
  DeferredSearchPart,
  DeferredReasoning,
  DeferredSources,
  DeferredText,
  DeferredToolPart,
} from "./deferred-part-views.js";
import { PlainTextPart } from "./plain-text-part.js";
import type { PartRenderContext, PartRenderer, PartRenderers } from "./part-renderers.js";

/** Actions the built-in part renderers can trigger. */
export interface PartActions {
  /** A function tool call or MCP call was approved. */
  onApproveToolCall?: (part: ToolCallPart | McpApprovalRequestPart) => void;
  /** A function tool call or MCP call was denied. */
  onDenyToolCall?: (part: ToolCallPart | McpApprovalRequestPart) => void;
  /** Pending computer-use safety checks were acknowledged. */
  onAcknowledgeSafetyChecks?: (part: ComputerCallPart) => void;
  /** Pending computer-use safety checks were refused (the agent stops). */
  onDenySafetyChecks?: (part: ComputerCallPart) => void;
}

/** Props of {@link PartView}. */
export interface PartViewProps extends PartActions, UrlPolicy {
  /** The part to render. */
  part: Part;
  /** Where it is. */
  context: PartRenderContext;
  /** Overrides per part type. */
  renderers?: PartRenderers | undefined;
  /** Show text parts that carry logprobs as tinted tokens instead of markdown. */
  showLogprobs?: boolean | undefined;
}

/**
 * Renders any part: the override for its type if given, else the built-in component. An
 * `images` policy given here reaches everything inside the part (reasoning summaries, tool
 * cards, markdown), through context.
 */
export function PartView(props: PartViewProps): ReactNode {
  const { part, context, renderers, images } = props;
  const override = renderers?.[part.type] as PartRenderer<PartType> | undefined;
  const custom = override?.(part as never, context);
  const view = custom !== undefined ? custom : <BuiltinPart {...props} />;
  return images === undefined ? (
    view
  ) : (
    <ImagePolicyProvider value={images}>{view}</ImagePolicyProvider>
  );
}

function BuiltinPart({
  part,
  showLogprobs,
  onApproveToolCall,
  onDenyToolCall,
  onAcknowledgeSafetyChecks,
  onDenySafetyChecks,
  linkProtocols,
  imageProtocols,
  images,
}: PartViewProps): ReactNode {
  const strings = useStrings();
  const policy: UrlPolicy = { linkProtocols, imageProtocols, images };
  switch (part.type) {
    case "text": {
      const plain = <PlainTextPart text={part.text} streaming={part.state === "streaming"} />;
      const text = (
        <>
          <DeferredBoundary fallback={plain} failed={plain}>
            <DeferredText part={part} {...policy} />
          </DeferredBoundary>
          {part.annotations?.length && part.state !== "streaming" ? (
            // Until the list has loaded the answer shows without it; nothing else waits on it.
            <DeferredBoundary fallback={null} failed={null}>
              <DeferredSources annotations={part.annotations} text={part.text} policy={policy} />
            </DeferredBoundary>
          ) : null}
        </>
      );
      if (!showLogprobs || !part.logprobs?.length) return text;
      // Until the token view has loaded, the same words show as ordinary text.
      return (
        <DeferredPart part={part} fallback={text}>
          <DeferredLogprobs part={part} />
        </DeferredPart>
      );
    }
    case "refusal":
      return (
        <p className="colloquy-message__refusal" role="note" data-state={part.state ?? "done"}>
          <span className="colloquy-message__refusal-label">{strings.refusal}: </span>
          {part.refusal}
        </p>
      );
    case "reasoning":
      return (
        <DeferredPart part={part}>
          <DeferredReasoning part={part} />
        </DeferredPart>
      );
    case "image":
      return (
        <DeferredPart part={part}>
          <DeferredImagePart part={part} />
        </DeferredPart>
      );
    case "file":
      return (
        <span className="colloquy-message__file" data-media-type={part.mediaType}>
          {part.filename ?? part.fileId ?? strings.file}
        </span>
      );
    case "audio":
      return (
        <DeferredPart part={part}>
          <DeferredAudioPart part={part} />
        </DeferredPart>
      );
    case "web-search-call":
    case "file-search-call":
      return (
        <DeferredPart part={part}>
          <DeferredSearchPart part={part} />
        </DeferredPart>
      );
    case "computer-call":
      return (
        <DeferredPart part={part}>
          <DeferredComputerPart
            part={part}
            onAcknowledgeSafetyChecks={onAcknowledgeSafetyChecks}
            onDenySafetyChecks={onDenySafetyChecks}
          />
        </DeferredPart>
      );
    case "tool-call":
    case "code-interpreter-call":
    case "mcp-call":
    case "mcp-list-tools":
    case "mcp-approval-request":
    case "shell-call":
    case "shell-call-output":
    case "apply-patch-call":
      return (
        <DeferredPart part={part}>
          <DeferredToolPart
            part={part}
            onApproveToolCall={onApproveToolCall}
            onDenyToolCall={onDenyToolCall}
          />
        </DeferredPart>
      );
    case "compaction":
      // A quiet divider: nothing stands in for it while it loads, nor if it cannot.
      return (
        <DeferredBoundary fallback={null} failed={null}>
          <DeferredItemPart part={part} />
        </DeferredBoundary>
      );
    case "tool-search-call":
    case "tool-search-output":
    case "computer-call-output":
    case "mcp-approval-response":
    case "apply-patch-call-output":
    case "unknown":
      return (
        <DeferredPart part={part}>
          <DeferredItemPart part={part} />
        </DeferredPart>
      );
    default:
      // Every part type has a view: a new one fails to compile here until it gets one.
      return assertNever(part);
  }
}

function assertNever(part: never): never {
  throw new Error(`No view for part type "${(part as { type: string }).type}".`);
}
