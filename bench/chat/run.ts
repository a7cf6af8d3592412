import { resolve } from "node:path";
import { buildPage } from "../browser/build-page.js";
import { openPage } from "../browser/open-page.js";
import { createRandom, words } from "../lib/random.js";
import { benchOptions, publish, ROOT, type TargetCheck } from "../lib/report.js";
import { median, ratio, round } from "../lib/stats.js";
import { frameDeltas, generateAnswerDeltas } from "../stream/generate-sse.js";
import type { ChatRequest, ChatRun } from "./page.js";
import { sseEvents, uiMessageStreamEvents } from "./generate-ui-stream.js";

/**
 * chat: a 5,000-delta answer streamed into a conversation of 200 earlier messages, through
 * colloquy (useChat + <MessageList>) and the AI SDK (useChat, rendering text parts). Both
 * fetches return the same deltas in their own wire format, 10 deltas per macrotask.
 */
const options = benchOptions();
const DELTAS = 5_000;
const HISTORY = 200;
const random = createRandom(3);
const history = Array.from({ length: HISTORY }, (_, index) =>
  index % 2 === 0 ? `${words(random, 12)}?` : `${words(random, 60)}.\n\n${words(random, 40)}.`,
);
const parts = generateAnswerDeltas(DELTAS, 5);
const answer = parts.join("");
const requests: Record<ChatRequest["contender"], ChatRequest> = {
  colloquy: {
    contender: "colloquy",
    history,
    // Ten deltas per slice: the frames before and after the deltas ride along in the first and last.
    events: sseEvents(frameDeltas("responses", parts)),
    eventsPerSlice: 10,
    answer,
  },
  "ai-sdk": {
    contender: "ai-sdk",
    history,
    events: uiMessageStreamEvents(parts),
    eventsPerSlice: 10,
    answer,
  },
};

const bundle = await buildPage(resolve(ROOT, "bench/chat/page.tsx"), true);
const browser = await openPage(bundle);
const runs: Record<string, (ChatRun & { taskMs: number })[]> = { colloquy: [], "ai-sdk": [] };
try {
  for (let round = -1; round < options.runs; round++) {
    for (const contender of ["colloquy", "ai-sdk"] as const) {
      const before = await browser.taskMs();
      const result = await browser.page.evaluate(
        (r) => (window as unknown as { benchChat(r: ChatRequest): Promise<ChatRun> }).benchChat(r),
        requests[contender],
      );
      const taskMs = (await browser.taskMs()) - before;
      if (round >= 0) runs[contender]!.push({ ...result, taskMs });
      console.error(
        `chat ${contender}: ${Math.round(taskMs)} ms, ${result.commits} commits, ${result.frames} frames, at most ${result.mostCommitsInAFrame} in a frame`,
      );
    }
  }
} finally {
  await browser.close();
}

const summary = Object.fromEntries(
  Object.entries(runs).map(([name, list]) => [
    name,
    {
      taskMs: median(list.map((r) => r.taskMs)),
      wallMs: median(list.map((r) => r.ms)),
      commits: median(list.map((r) => r.commits)),
      frames: median(list.map((r) => r.frames)),
      // The worst run, not the median: one frame with two commits misses the target.
      mostCommitsInAFrame: Math.max(...list.map((r) => r.mostCommitsInAFrame)),
      framesWithMoreThanOneCommit: Math.max(...list.map((r) => r.framesWithMoreThanOneCommit)),
      finishedMessageRenders: median(list.map((r) => r.finishedMessageRenders)),
      answerShown: list.every((r) => r.answerShown),
    },
  ]),
);
const c = summary.colloquy!;
const a = summary["ai-sdk"]!;
const targets: TargetCheck[] = [
  {
    name: "0 renders of finished messages per delta (colloquy)",
    measured: `${c.finishedMessageRenders} renders over ${DELTAS} deltas`,
    met: c.finishedMessageRenders === 0,
  },
  {
    name: "<= 1 commit per animation frame (colloquy)",
    measured: `at most ${c.mostCommitsInAFrame}, in ${c.framesWithMoreThanOneCommit} of ${c.frames} frames (${c.commits} commits)`,
    met: c.mostCommitsInAFrame <= 1,
  },
  {
    name: "total main-thread <= 1/3 of the AI SDK's",
    measured: ratio(c.taskMs, a.taskMs),
    met: c.taskMs <= a.taskMs / 3,
  },
];

publish(
  "chat",
  {
    tables: [
      {
        title: `chat: ${DELTAS.toLocaleString("en")} deltas into ${HISTORY} earlier messages, median of ${options.runs}`,
        columns: [
          "contender",
          "main-thread ms",
          "vs AI SDK",
          "wall ms",
          "commits",
          "animation frames",
          "most commits in a frame",
          "renders of finished messages",
          "answer shown",
        ],
        rows: (
          [
            ["colloquy useChat + <MessageList>", c],
            ["AI SDK useChat (text parts)", a],
          ] as const
        ).map(([name, s]) => [
          name,
          round(s.taskMs),
          ratio(s.taskMs, a.taskMs),
          round(s.wallMs),
          s.commits,
          s.frames,
          s.mostCommitsInAFrame,
          s.finishedMessageRenders,
          s.answerShown ? "yes" : "**no**",
        ]),
      },
    ],
    targets,
    data: { runs, summary },
  },
  ["react", "react-dom", "ai", "@ai-sdk/react", "playwright-core"],
  { ...options, deltas: DELTAS, history: HISTORY, deltasPerSlice: 10 },
);
