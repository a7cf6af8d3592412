import { useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from "react";
import type { RefusalPart, TextPart, TokenLogprob } from "../../core/index.js";
import { useStableId } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";

/** Props of {@link Logprobs}. */
export interface LogprobsProps extends Omit<HTMLAttributes<HTMLDivElement>, "children" | "part"> {
  /** A text or refusal part that carries `logprobs`. */
  part: Pick<TextPart | RefusalPart, "logprobs">;
}

/** How sure the model was of a token: the tint band. */
export type ConfidenceBand = "high" | "medium" | "low" | "very-low";

/** A log probability as a probability between 0 and 1. */
export function probabilityOf(logprob: number): number {
  return Number.isFinite(logprob) ? Math.min(1, Math.exp(logprob)) : 0;
}

/** The tint band for a probability. */
export function confidenceBand(probability: number): ConfidenceBand {
  if (probability >= 0.9) return "high";
  if (probability >= 0.6) return "medium";
  if (probability >= 0.3) return "low";
  return "very-low";
}

/** A probability as a percentage string with sensible precision. */
export function formatPercent(probability: number): string {
  const percent = probability * 100;
  if (percent >= 99.95) return "100";
  if (percent >= 10) return percent.toFixed(1);
  if (percent >= 0.01) return percent.toFixed(2);
  return "<0.01";
}

function visibleToken(token: string): string {
  return token.replace(/\n/g, "↵").replace(/ /g, "·") || "∅";
}

/**
 * Text tinted by how probable each token was. Hovering or focusing a token (one tab stop,
 * arrow keys move between tokens) shows its probability and the top alternatives.
 */
export function Logprobs({ part, className, ...rest }: LogprobsProps): ReactNode {
  const strings = useStrings();
  const tooltipId = useStableId("logprobs-tooltip");
  const tokens = part.logprobs ?? [];
  const [focused, setFocused] = useState(0);
  const [shown, setShown] = useState<number | undefined>(undefined);

  const move = (event: KeyboardEvent<HTMLSpanElement>, index: number) => {
    const next =
      event.key === "ArrowRight"
        ? index + 1
        : event.key === "ArrowLeft"
          ? index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tokens.length - 1
              : undefined;
    if (event.key === "Escape") {
      setShown(undefined);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(tokens.length - 1, next));
    setFocused(clamped);
    const container = event.currentTarget.parentElement;
    (container?.children[clamped] as HTMLElement | undefined)?.focus();
  };

  return (
    <div
      className={["colloquy-logprobs", className].filter(Boolean).join(" ")}
      role="group"
      aria-label={strings.tokenProbabilities}
      {...rest}
    >
      {tokens.map((token, index) => {
        const probability = probabilityOf(token.logprob);
        const active = shown === index;
        return (
          <span
            key={index}
            className="colloquy-logprobs__token"
            data-band={confidenceBand(probability)}
            data-state={active ? "open" : "closed"}
            tabIndex={index === focused ? 0 : -1}
            aria-describedby={active ? tooltipId : undefined}
            onFocus={() => {
              setFocused(index);
              setShown(index);
            }}
            onBlur={() => setShown((value) => (value === index ? undefined : value))}
            onMouseEnter={() => setShown(index)}
            onMouseLeave={() => setShown((value) => (value === index ? undefined : value))}
            onKeyDown={(event) => move(event, index)}
          >
            {token.token}
            {active ? <LogprobTooltip id={tooltipId} token={token} /> : null}
          </span>
        );
      })}
    </div>
  );
}

function LogprobTooltip({ id, token }: { id: string; token: TokenLogprob }): ReactNode {
  const strings = useStrings();
  const alternatives = (token.topLogprobs ?? []).filter((alt) => alt.token !== token.token);
  return (
    <span role="tooltip" id={id} className="colloquy-logprobs__tooltip">
      <span className="colloquy-logprobs__tooltip-row" data-chosen="true">
        <code className="colloquy-logprobs__tooltip-token">{visibleToken(token.token)}</code>
        <span className="colloquy-logprobs__tooltip-percent">
          {strings.probability(formatPercent(probabilityOf(token.logprob)))}
        </span>
      </span>
      {alternatives.length > 0 ? (
        <>
          <span className="colloquy-logprobs__tooltip-heading">{strings.alternatives}</span>
          {alternatives.map((alt, index) => (
            <span key={index} className="colloquy-logprobs__tooltip-row">
              <code className="colloquy-logprobs__tooltip-token">{visibleToken(alt.token)}</code>
              <span className="colloquy-logprobs__tooltip-percent">
                {strings.probability(formatPercent(probabilityOf(alt.logprob)))}
              </span>
            </span>
          ))}
        </>
      ) : null}
    </span>
  );
}
