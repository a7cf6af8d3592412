import type { HTMLAttributes, ReactNode } from "react";
import type { Usage } from "../../core/index.js";
import { useStrings } from "../strings/index.js";

/** Props of {@link TokenUsage}. */
export interface TokenUsageProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The usage of one response. */
  usage: Usage | undefined;
  /** `compact`: one line, input and output; `detailed`: every count. Default `compact`. */
  variant?: "compact" | "detailed";
  /** Locale for number formatting; defaults to the user's. */
  locale?: string;
}

/**
 * Token counts of a response: input (with cached), output (with reasoning), total.
 * Renders nothing without usage.
 */
export function TokenUsage({
  usage,
  variant = "compact",
  locale,
  className,
  ...rest
}: TokenUsageProps): ReactNode {
  const strings = useStrings();
  if (!usage) return null;
  const format = new Intl.NumberFormat(locale);
  const n = (value: number) => format.format(value);
  const classes = ["colloquy-token-usage", className].filter(Boolean).join(" ");

  if (variant === "compact") {
    const details = [
      `${strings.inputTokens} ${n(usage.inputTokens)}`,
      usage.cachedInputTokens ? `${strings.cachedTokens} ${n(usage.cachedInputTokens)}` : "",
      `${strings.outputTokens} ${n(usage.outputTokens)}`,
      usage.reasoningTokens ? `${strings.reasoningTokens} ${n(usage.reasoningTokens)}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    return (
      <span className={classes} data-variant="compact" title={details} {...rest}>
        <span className="colloquy-visually-hidden">{strings.tokenUsage}: </span>
        {strings.tokensCompact(n(usage.inputTokens), n(usage.outputTokens))}
      </span>
    );
  }

  const rows: [key: string, label: string, value: number | undefined, nested: boolean][] = [
    ["input", strings.inputTokens, usage.inputTokens, false],
    ["cached", strings.cachedTokens, usage.cachedInputTokens, true],
    ["output", strings.outputTokens, usage.outputTokens, false],
    ["reasoning", strings.reasoningTokens, usage.reasoningTokens, true],
    ["total", strings.totalTokens, usage.totalTokens, false],
  ];
  return (
    <div
      className={classes}
      data-variant="detailed"
      role="group"
      aria-label={strings.tokenUsage}
      {...rest}
    >
      <dl className="colloquy-token-usage__list">
        {rows
          .filter(([, , value, nested]) => !nested || typeof value === "number")
          .map(([key, label, value, nested]) => (
            <div
              key={key}
              className="colloquy-token-usage__row"
              data-kind={key}
              data-nested={nested || undefined}
            >
              <dt className="colloquy-token-usage__label">{label}</dt>
              <dd className="colloquy-token-usage__value">{n(value ?? 0)}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
