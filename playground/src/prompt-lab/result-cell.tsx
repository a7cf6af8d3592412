import type { ReactNode } from "react";
import { Message } from "../../../src/ui/index.js";
import { answerJson, answerText } from "./answer-text.js";
import { estimateCost, formatCost } from "./estimate-cost.js";
import { EventTimeline } from "./event-timeline.js";
import { JsonTree } from "./json-tree.js";
import type { CellResult } from "./run-cell.js";

const seconds = (ms: number | undefined) =>
  ms === undefined ? "–" : `${(ms / 1000).toFixed(2)} s`;

/**
 * One variant's answer to one row: the rendered output (structured output as a JSON tree once
 * complete), timings, usage, cost, events.
 */
export function ResultCell({
  result,
  model,
}: {
  result: CellResult | undefined;
  model: string;
}): ReactNode {
  if (!result) return <p className="prompt-lab__muted">Not run yet.</p>;
  const usage = result.message?.metadata.usage;
  const cost = estimateCost(result.message?.metadata.model ?? model, usage);
  const json = result.status === "done" ? answerJson(answerText(result.message)) : undefined;
  return (
    <div className="prompt-lab__cell" data-state={result.status}>
      {json ? (
        <JsonTree value={json} label="Structured output" />
      ) : result.message ? (
        <Message message={result.message} />
      ) : null}
      {result.error ? (
        <p className="prompt-lab__error" role="alert">
          {result.error}
        </p>
      ) : null}
      <dl className="prompt-lab__metrics">
        <div>
          <dt>First token</dt>
          <dd>{seconds(result.firstTokenMs)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{result.status === "running" ? "running…" : seconds(result.totalMs)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{usage ? `${usage.inputTokens} in · ${usage.outputTokens} out` : "–"}</dd>
        </div>
        <div>
          <dt>Est. cost</dt>
          <dd>{cost === undefined ? "–" : formatCost(cost)}</dd>
        </div>
      </dl>
      <details className="prompt-lab__events">
        <summary>Events ({result.events.length})</summary>
        <EventTimeline events={result.events} />
      </details>
    </div>
  );
}
