import type { ReactNode } from "react";
import type {
  Part,
  PartType,
  ToolCallPart,
  McpApprovalRequestPart,
  ComputerCallPart,
} from "../../core/index.js";
import { FileSearchResults } from "../citations/file-search-results.js";
import { Sources } from "../citations/sources.js";
import { TextWithCitations } from "../citations/text-with-citations.js";
import { WebSearchProgress } from "../citations/web-search-progress.js";
import { ComputerScreenshot } from "../computer/index.js";
import { GeneratedImage, ImageThumbnails } from "../images/index.js";
import { Logprobs } from "../logprobs/logprobs.js";
import type { UrlPolicy } from "../markdown/url-policy.js";
import { Reasoning } from "../reasoning/reasoning.js";
import { useStrings } from "../strings/index.js";
import {
  ApplyPatchCall,
  CodeInterpreterCall,
  McpApprovalRequest,
  McpCall,
  McpListTools,
  ShellCall,
  ShellCallOutput,
  ToolCall,
} from "../tool-call/index.js";
import type { PartRenderContext, PartRenderer, PartRenderers } from "./part-renderers.js";

/** Actions the built-in part renderers can trigger. */
export interface PartActions {
  /** A function tool call or MCP call was approved. */
  onApproveToolCall?: (part: ToolCallPart | McpApprovalRequestPart) => void;
  /** A function tool call or MCP call was denied. */
  onDenyToolCall?: (part: ToolCallPart | McpApprovalRequestPart) => void;
  /** Pending computer-use safety checks were acknowledged. */
  onAcknowledgeSafetyChecks?: (part: ComputerCallPart) => void;
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

/** Renders any part: the override for its type if given, else the built-in component. */
export function PartView(props: PartViewProps): ReactNode {
  const { part, context, renderers } = props;
  const override = renderers?.[part.type] as PartRenderer<PartType> | undefined;
  const custom = override?.(part as never, context);
  if (custom !== undefined) return custom;
  return <BuiltinPart {...props} />;
}

function BuiltinPart({
  part,
  showLogprobs,
  onApproveToolCall,
  onDenyToolCall,
  onAcknowledgeSafetyChecks,
  linkProtocols,
  imageProtocols,
  allowExternalImages,
}: PartViewProps): ReactNode {
  const strings = useStrings();
  const policy: UrlPolicy = { linkProtocols, imageProtocols, allowExternalImages };
  switch (part.type) {
    case "text":
      if (showLogprobs && part.logprobs?.length) return <Logprobs part={part} />;
      return (
        <>
          <TextWithCitations part={part} {...policy} />
          {part.annotations?.length && part.state !== "streaming" ? (
            <Sources annotations={part.annotations} text={part.text} policy={policy} />
          ) : null}
        </>
      );
    case "refusal":
      return (
        <p className="colloquy-message__refusal" role="note" data-state={part.state ?? "done"}>
          <span className="colloquy-message__refusal-label">{strings.refusal}: </span>
          {part.refusal}
        </p>
      );
    case "reasoning":
      return <Reasoning part={part} />;
    case "image":
      return part.origin === "generated" ? (
        <GeneratedImage part={part} />
      ) : (
        <ImageThumbnails parts={[part]} />
      );
    case "file":
      return (
        <span className="colloquy-message__file" data-media-type={part.mediaType}>
          {part.filename ?? part.fileId ?? strings.file}
        </span>
      );
    case "audio":
      return (
        <div className="colloquy-message__audio" data-state={part.state ?? "done"}>
          <span className="colloquy-message__audio-label">{strings.audio}</span>
          {part.transcript ? (
            <p className="colloquy-message__transcript">{part.transcript}</p>
          ) : null}
        </div>
      );
    case "tool-call":
      return <ToolCall part={part} onApprove={onApproveToolCall} onDeny={onDenyToolCall} />;
    case "web-search-call":
      return <WebSearchProgress part={part} />;
    case "file-search-call":
      return <FileSearchResults part={part} />;
    case "code-interpreter-call":
      return <CodeInterpreterCall part={part} />;
    case "computer-call":
      return (
        <ComputerScreenshot
          part={part}
          {...(onAcknowledgeSafetyChecks
            ? { onAcknowledge: (p: ComputerCallPart) => onAcknowledgeSafetyChecks(p) }
            : {})}
        />
      );
    case "mcp-call":
      return <McpCall part={part} />;
    case "mcp-list-tools":
      return <McpListTools part={part} />;
    case "mcp-approval-request":
      return (
        <McpApprovalRequest part={part} onApprove={onApproveToolCall} onDeny={onDenyToolCall} />
      );
    case "shell-call":
      return <ShellCall part={part} />;
    case "shell-call-output":
      return <ShellCallOutput part={part} />;
    case "apply-patch-call":
      return <ApplyPatchCall part={part} />;
    default:
      return <UnknownPartView type={part.type === "unknown" ? part.originalType : part.type} />;
  }
}

/** The neutral box shown for parts without a renderer. */
export function UnknownPartView({ type }: { type: string }): ReactNode {
  const strings = useStrings();
  return (
    <div className="colloquy-message__unknown-part" data-part-type={type}>
      {strings.unsupportedPart(type)}
    </div>
  );
}
