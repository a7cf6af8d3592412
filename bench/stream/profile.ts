// `npx tsx bench/stream/profile.ts [api] [deltas] [runs] [contender]`: times one contender
// over one generated stream, alternating with the floor, and prints both medians and their
// ratio. Run it under `node --cpu-prof --import tsx` to see where colloquy spends its time.
import { slicedBody, STREAM_CONTENDERS } from "./contenders.js";
import { generateStream, type StreamApi } from "./generate-sse.js";

const [apiArg, countArg, runsArg, contenderArg] = process.argv.slice(2);
const api = (apiArg ?? "responses") as StreamApi;
const count = Number(countArg ?? 20_000);
const runs = Number(runsArg ?? 15);
const name = contenderArg ?? "colloquy";

const stream = generateStream(api, count);
const body = slicedBody(new TextEncoder().encode(stream.sse));
const contender = STREAM_CONTENDERS.find((c) => c.name.startsWith(name));
const floor = STREAM_CONTENDERS.find((c) => c.name.startsWith("floor"));
if (!contender || !floor) throw new Error(`No contender named "${name}".`);

const samples: Record<"contender" | "floor", number[]> = { contender: [], floor: [] };
for (let round = -1; round < runs; round++) {
  for (const [key, task] of [
    ["contender", contender],
    ["floor", floor],
  ] as const) {
    const start = performance.now();
    const text = await task.run(body, api);
    const elapsed = performance.now() - start;
    if (text !== stream.text) throw new Error(`${task.name} returned a different answer.`);
    if (round >= 0) samples[key].push(elapsed);
  }
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mine = median(samples.contender);
const base = median(samples.floor);
console.log(
  `${api} ${count} deltas: ${contender.name} ${mine.toFixed(1)} ms, floor ${base.toFixed(1)} ms, ` +
    `ratio ${(mine / base).toFixed(2)}x`,
);
