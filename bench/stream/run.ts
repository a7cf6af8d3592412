import {
  allExchanges,
  capturesAvailable,
  isModelCall,
  type CaptureApi,
} from "../../test/support/captures.js";
import { interleaved, type TimedResult } from "../lib/measure.js";
import { benchOptions, publish, type TargetCheck, type Table } from "../lib/report.js";
import { ratio, round } from "../lib/stats.js";
import { slicedBody, STREAM_CONTENDERS, type StreamContender } from "./contenders.js";
import { generateStream, type StreamApi } from "./generate-sse.js";

/**
 * stream: the same OpenAI SSE bytes, in 1 KB slices, read to a final message by each
 * contender. Ratios are against the floor measured in the same run.
 */
const options = benchOptions();
const APIS: StreamApi[] = ["responses", "chat"];
const encoder = new TextEncoder();

function byName(results: TimedResult[], name: string): TimedResult | undefined {
  return results.find((result) => result.name.startsWith(name));
}

function rowsOf(results: TimedResult[]): (string | number)[][] {
  const floor = byName(results, "floor")?.medianMs;
  return results.map((result) => [
    result.name,
    result.error ? `error: ${result.error.slice(0, 60)}` : round(result.medianMs),
    result.error ? "n/a" : ratio(result.medianMs, floor),
  ]);
}

/** Checks one generated input's answer, so no contender is timed doing less than the others. */
async function checkedContenders(
  api: StreamApi,
  bytes: Uint8Array,
  expected: string,
  contenders: StreamContender[],
) {
  const body = slicedBody(bytes);
  const usable: StreamContender[] = [];
  for (const contender of contenders) {
    const text = await contender
      .run(body, api)
      .catch((error: unknown) => `error: ${String(error)}`);
    if (text === expected) usable.push(contender);
    else console.warn(`! ${contender.name} (${api}) returned a different answer; left out.`);
  }
  return usable;
}

/**
 * A generated input as bytes and its expected answer. The SSE string is not kept: at 200k
 * deltas it is 53 MB of heap that every measured run would otherwise carry.
 */
function generatedInput(api: StreamApi, count: number) {
  const stream = generateStream(api, count);
  return { count, bytes: encoder.encode(stream.sse), text: stream.text };
}

async function generatedPart(api: StreamApi, count: number, contenders: StreamContender[]) {
  const { bytes, text } = generatedInput(api, count);
  const usable = await checkedContenders(api, bytes, text, contenders);
  const body = slicedBody(bytes);
  const results = await interleaved(
    usable.map((contender) => ({ name: contender.name, run: () => contender.run(body, api) })),
    options.runs,
  );
  return { api, count, bytes: bytes.length, results };
}

function recordedBodies(api: CaptureApi): Uint8Array[] {
  return allExchanges(api)
    .filter((exchange) => exchange.kind === "stream" && exchange.sse && isModelCall(exchange))
    .map((exchange) => encoder.encode(exchange.sse!));
}

async function recordedPart(api: StreamApi) {
  const bodies = recordedBodies(api).map((bytes) => slicedBody(bytes));
  const total = recordedBodies(api).reduce((sum, bytes) => sum + bytes.length, 0);
  const results = await interleaved(
    STREAM_CONTENDERS.map((contender) => ({
      name: contender.name,
      // Every recording in turn; a contender that rejects a recording is still timed for it.
      run: async () => {
        for (const body of bodies) await contender.run(body, api).catch(() => "");
      },
    })),
    options.runs,
  );
  return { api, recordings: bodies.length, bytes: total, results };
}

const tables: Table[] = [];
const targets: TargetCheck[] = [];
const data: Record<string, unknown> = {};

for (const api of APIS) {
  const part = await generatedPart(api, 20_000, STREAM_CONTENDERS);
  data[`generated-${api}`] = part;
  tables.push({
    title: `stream: ${api}, 20,000 generated deltas (${round(part.bytes / 1024)} KB), median of ${options.runs}`,
    columns: ["contender", "median ms", "vs floor"],
    rows: rowsOf(part.results),
  });
  const colloquy = byName(part.results, "colloquy")?.medianMs;
  const floor = byName(part.results, "floor")?.medianMs;
  targets.push({
    name: `colloquy <= 1.5x the floor (${api}, 20k deltas)`,
    measured: ratio(colloquy, floor),
    met: colloquy !== undefined && floor !== undefined ? colloquy <= 1.5 * floor : undefined,
  });
}

if (capturesAvailable()) {
  for (const api of APIS) {
    const part = await recordedPart(api);
    data[`recorded-${api}`] = part;
    tables.push({
      title: `stream: ${api}, all ${part.recordings} recorded streams in turn (${round(part.bytes / 1024)} KB), median of ${options.runs}`,
      columns: ["contender", "median ms", "vs floor"],
      rows: rowsOf(part.results),
    });
  }
} else {
  console.warn("! recordings not found: the recorded-streams tables are left out.");
}

const scaling = STREAM_CONTENDERS.filter((c) => /^(colloquy|floor)/.test(c.name));
const COUNTS = [2_000, 20_000, 200_000];
for (const api of APIS) {
  // Every size in the same interleaved rounds: a load change during the bench then hits the
  // 20k and the 200k runs alike, instead of skewing the ratio between them.
  const inputs = COUNTS.map((count) => generatedInput(api, count));
  const tasks = [];
  for (const input of inputs) {
    const usable = await checkedContenders(api, input.bytes, input.text, scaling);
    const body = slicedBody(input.bytes);
    for (const contender of usable) {
      tasks.push({
        name: `${contender.name} @${input.count}`,
        run: () => contender.run(body, api),
      });
    }
  }
  const results = await interleaved(tasks, options.runs);
  data[`scaling-${api}`] = { api, counts: COUNTS, results };
  const cost = (name: string, count: number) =>
    results.find((result) => result.name.startsWith(name) && result.name.endsWith(`@${count}`))
      ?.medianMs;
  const rows = COUNTS.map((count) => [
    count.toLocaleString("en"),
    round(cost("colloquy", count) ?? Number.NaN),
    round(cost("floor", count) ?? Number.NaN),
    ratio(cost("colloquy", count), cost("colloquy", 2_000)),
    ratio(cost("floor", count), cost("floor", 2_000)),
  ]);
  tables.push({
    title: `stream: ${api} scaling (colloquy and floor, sizes interleaved), median of ${options.runs}`,
    columns: ["deltas", "colloquy ms", "floor ms", "colloquy vs 2k", "floor vs 2k"],
    rows,
  });
  const big = cost("colloquy", 200_000);
  const mid = cost("colloquy", 20_000);
  targets.push({
    name: `200k deltas <= 12x the 20k cost (${api})`,
    measured: ratio(big, mid),
    met: big !== undefined && mid !== undefined ? big <= 12 * mid : undefined,
  });
}

publish(
  "stream",
  { tables, targets, data },
  ["openai", "ai", "@ai-sdk/openai", "eventsource-parser"],
  {
    ...options,
    sliceBytes: 1024,
  },
);
