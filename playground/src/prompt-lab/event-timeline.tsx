import type { ReactNode } from "react";
import type { TimelineEvent } from "./run-cell.js";

/** Consecutive events of one type, folded into one line (`output_text.delta ×120`). */
interface TimelineRun {
  type: string;
  count: number;
  firstMs: number;
  lastMs: number;
}

function foldRuns(events: readonly TimelineEvent[]): TimelineRun[] {
  const runs: TimelineRun[] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last && last.type === event.type) {
      last.count += 1;
      last.lastMs = event.atMs;
    } else runs.push({ type: event.type, count: 1, firstMs: event.atMs, lastMs: event.atMs });
  }
  return runs;
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** The raw stream events of a run, in order with their arrival times, repeats folded. */
export function EventTimeline({ events }: { events: readonly TimelineEvent[] }): ReactNode {
  if (events.length === 0) return <p className="prompt-lab__muted">No events yet.</p>;
  return (
    <ol className="prompt-lab__timeline">
      {foldRuns(events).map((run, index) => (
        <li key={index}>
          <span className="prompt-lab__timeline-at">{ms(run.firstMs)}</span>
          <code>{run.type}</code>
          {run.count > 1 ? (
            <span className="prompt-lab__muted">
              {" "}
              ×{run.count} (to {ms(run.lastMs)})
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
