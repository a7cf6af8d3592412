#!/usr/bin/env node
// Size budget, run by `npm test`: builds colloquy's browser entries for production (React and
// react-dom left out) and fails when one is over budget, ships `openai`/zod at runtime, or loads
// up front what should load on first use.
import { resolve } from "node:path";
import {
  buildEntry,
  buildStandaloneScripts,
  forbiddenModules,
  sourceAliases,
} from "../bench/bundle/build-entry.mjs";

const root = resolve(import.meta.dirname, "..");
const KB = 1024;

/**
 * Code an entry must not load up front: each API's wire format (converters, accumulator,
 * stream reader) and structured output load on first use (see src/core/client/lazy-codecs.ts).
 */
const LOADED_ON_USE = [
  {
    name: "the Chat Completions codec",
    pattern:
      /src[\\/]core[\\/](stream[\\/](accumulate-chat-chunk|read-chat-stream)|convert[\\/](to-chat-completions-messages|message-from-chat-completion))\.ts$/,
  },
  {
    name: "the Responses API codec",
    pattern:
      /src[\\/]core[\\/](stream[\\/](accumulate-responses-event|read-responses-stream)|convert[\\/](to-responses-input|message-from-response))\.ts$/,
  },
  { name: "input normalising", pattern: /src[\\/]core[\\/]convert[\\/]to-messages\.ts$/ },
  {
    name: "structured output",
    pattern: /src[\\/]core[\\/]structured[\\/](partial-json|structured-client)\.ts$/,
  },
];

/**
 * The views of rare message parts, which `<Message>` loads on demand (src/ui/message/lazy-view.ts),
 * the sources list under a cited answer and the compaction divider among them, and the citation
 * numbering and markers, which `<Markdown>` loads the first time a text cites a source
 * (src/ui/markdown/deferred-citations.ts).
 */
const PART_VIEWS_LOADED_ON_USE = {
  name: "the views of rare message parts",
  pattern:
    /src[\\/]ui[\\/](tool-call|computer|logprobs|token-usage)[\\/]|src[\\/]ui[\\/]images[\\/](generated-image|image-thumbnails|image-lightbox)\.tsx$|src[\\/]ui[\\/]citations[\\/](web-search-progress|file-search-results|sources|number-citations|citation-marker|container-file-chip|citation-layer)\.tsx?$|src[\\/]ui[\\/]message[\\/]compaction-divider\.tsx$/,
};

/**
 * The markdown renderer and marked, which `<MessageList>` fetches once it has mounted; text
 * shows as plain words until they arrive (src/ui/message/plain-text-part.tsx).
 */
const MARKDOWN_LOADED_AFTER_MOUNT = {
  name: "the markdown renderer",
  pattern:
    /[\\/]node_modules[\\/]marked[\\/]|src[\\/]ui[\\/]markdown[\\/](markdown|render-block|render-inline|incremental-lexer)\.tsx?$/,
};

/**
 * Each colloquy entry with two figures for the JavaScript loaded up front (gzip):
 * `budget` is the ceiling CI enforces today (the measured size plus a small margin), so any
 * regression fails `npm test`; `target` is where we mean to be (docs/performance.md says how
 * far off we are and what closes the gap). Lower `budget` as the size comes down; never raise
 * it without saying why in the commit. `loadedOnUse` names the code the entry must leave to
 * lazy chunks.
 */
const ENTRIES = [
  {
    // Imports readMessageStream (both APIs' readers) itself, and `buildRequest` is
    // synchronous, so both APIs' message converters stay; the rest loads on use.
    name: "core (createChatClient + readMessageStream)",
    file: "colloquy-core.ts",
    // 23.3 -> 24.2 KB with Azure's per-choice content filter results and modelVersion, the
    // answer's audio format, custom tools and client-run built-in calls: the first three are
    // read by the stream readers this entry imports itself, so they cannot load on use.
    // 24.2 -> 24.5 KB with the converters' refusals that name the part and field, LangChain's
    // { name, args, id } tool calls and the client-run tools' outputs.
    budget: 24.7 * KB,
    target: 15 * KB,
    loadedOnUse: LOADED_ON_USE.filter((rule) => /normalising|structured/.test(rule.name)),
  },
  {
    name: "core + useChat",
    file: "colloquy-hooks.tsx",
    // 10.6 -> 11.4 KB with branches, client-run calls and the audio format in the chat store;
    // 11.6 with WAV and MP3 attachments read into input audio parts.
    // 11.9 with the client-run tools (apply_patch, local shell, tool search) in the runner.
    budget: 12 * KB,
    target: 12 * KB,
    loadedOnUse: LOADED_ON_USE,
  },
  {
    name: "<Chat> with markdown",
    file: "colloquy-chat.tsx",
    // 45.0 KB until the markdown renderer and marked (21 KB gzip between them) became a chunk
    // of their own that <MessageList> fetches once it has mounted (src/ui/message/
    // deferred-part-views.ts): the page is interactive before it arrives, an answer long after.
    // 23.1 -> 24.2 KB with audio input and the file chip, 25.1 with the client-run tools and
    // the converters' named refusals; 25.5 once `useChat` and `<Chat>` use the one
    // `createChatClient` (its `bindTools` and `withStructuredOutput`, whose code loads on use).
    budget: 25.6 * KB,
    target: 40 * KB,
    loadedOnUse: [...LOADED_ON_USE, PART_VIEWS_LOADED_ON_USE, MARKDOWN_LOADED_AFTER_MOUNT],
  },
];

/**
 * The standalone `<colloquy-chat>` scripts (`dist/colloquy-chat.js`, `dist/colloquy-chat.iife.js`)
 * hold everything a page without a build step needs: React and react-dom, the kit, its lazy
 * chunks folded in and its CSS, so their budget is for the whole file (gzip). Measured at
 * 158.0 KB (colloquy-chat.js) and 157.6 KB (colloquy-chat.iife.js); React 19 and react-dom
 * alone are 65.7 KB of it. The budget rose from 147 KB (measured 143.7) when `<Chat>` gained
 * message actions, branches, audio and a view for every rare part type, and to 159 KB with the
 * citation chips and the feedback icons, to 159.6 KB with the code interpreter's file chip
 * (measured 159.3): the element folds every lazy chunk in, so what `<Chat>` loads on use
 * counts here in full. 160.2 / 159.8 KB with audio input (the record button, recorder, WAV
 * encoder, audio chip and refusals); 162.2 / 161.7 KB once the markdown renderer became a
 * chunk of `<Chat>`'s own (the element folds it back in, with the loader around it): budget
 * 162.6 KB; 163.5 / 163.0 KB with the client-run tools and the converters' named refusals:
 * budget 163.8 KB; 166.6 / 166.1 KB once the element uses the one `createChatClient`: its
 * structured output and strict tools are a chunk loaded on use elsewhere, folded in here.
 */
const STANDALONE_BUDGET = 166.9 * KB;

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const failures = [];
const results = await Promise.allSettled(
  // The entries import colloquy by its package names; measured here on the working tree's
  // sources (`npm run bench` measures the packed package in a fresh app).
  ENTRIES.map((entry) =>
    buildEntry(resolve(root, "bench/bundle/entries", entry.file), { alias: sourceAliases(root) }),
  ),
);
for (const [index, entry] of ENTRIES.entries()) {
  const result = results[index];
  if (result.status === "rejected") {
    const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
    failures.push(
      `${entry.name}: the build failed (${reason.split("\n")[0]}); fix the build first.`,
    );
    console.log(`✗ ${entry.name}: build failed`);
    continue;
  }
  const size = result.value;
  const over = size.gzipBytes > entry.budget;
  const forbidden = forbiddenModules(size.modules);
  const upFront = entry.loadedOnUse.filter((rule) =>
    size.modules.some((id) => rule.pattern.test(id)),
  );
  const ok = !over && forbidden.length === 0 && upFront.length === 0;
  console.log(
    `${ok ? "✓" : "✗"} ${entry.name}: ${kb(size.gzipBytes)} gzip (${kb(size.minBytes)} min), budget ${kb(entry.budget)}, target ${kb(entry.target)}${size.gzipBytes > entry.target ? ` (${kb(size.gzipBytes - entry.target)} to go)` : ""}; ${kb(size.lazyGzipBytes)} gzip in lazy chunks`,
  );
  if (over) {
    failures.push(
      `${entry.name} is ${kb(size.gzipBytes)} gzip, over its ${kb(entry.budget)} budget by ${kb(size.gzipBytes - entry.budget)}: move code behind a dynamic import or drop a dependency.`,
    );
  }
  for (const rule of upFront) {
    failures.push(
      `${entry.name} loads ${rule.name} up front: it must stay behind a dynamic import (a static import of it crept into the entry's path).`,
    );
  }
  for (const rule of forbidden) {
    failures.push(`${entry.name} bundles the ${rule.name} package at runtime: ${rule.why}.`);
  }
}
try {
  const scripts = await buildStandaloneScripts(resolve(root, "vite.element.config.ts"));
  if (scripts.length !== 2) {
    failures.push(
      `the standalone element build made ${scripts.length} files instead of 2 (colloquy-chat.js and colloquy-chat.iife.js): a lazy chunk escaped; keep codeSplitting off in vite.element.config.ts.`,
    );
  }
  for (const script of scripts) {
    const over = script.gzipBytes > STANDALONE_BUDGET;
    const forbidden = forbiddenModules(script.modules);
    console.log(
      `${over || forbidden.length > 0 ? "✗" : "✓"} standalone ${script.fileName}: ${kb(script.gzipBytes)} gzip (${kb(script.minBytes)} min), budget ${kb(STANDALONE_BUDGET)}, React included`,
    );
    if (over) {
      failures.push(
        `standalone ${script.fileName} is ${kb(script.gzipBytes)} gzip, over its ${kb(STANDALONE_BUDGET)} budget by ${kb(script.gzipBytes - STANDALONE_BUDGET)}: find what grew in the kit or the element.`,
      );
    }
    for (const rule of forbidden) {
      failures.push(`standalone ${script.fileName} bundles the ${rule.name} package: ${rule.why}.`);
    }
  }
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  failures.push(`the standalone element build failed (${reason.split("\n")[0]}); fix it first.`);
  console.log("✗ standalone <colloquy-chat> scripts: build failed");
}
if (failures.length > 0) {
  for (const failure of failures) console.error(`size budget: ${failure}`);
  process.exit(1);
}
