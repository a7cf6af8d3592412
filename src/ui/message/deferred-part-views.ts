import { preloadCitationLayer } from "../markdown/deferred-citations.js";
import { lazyView } from "./lazy-view.js";

// Part kinds most answers never contain load on first use, one chunk per family, so a chat
// that only ever shows text does not download them. Each family's module is the only path
// from <Message> to its components; the components stay directly importable from the package.

/**
 * Text as markdown with its citations, and reasoning summaries (markdown too). The markdown
 * renderer and marked are the largest code a chat draws, and a page shows no answer before its
 * first message, so they load as a chunk of their own that `<MessageList>` fetches as soon as it
 * mounts: the page is interactive sooner and an answer arrives long after the chunk has.
 * Meanwhile (and if the chunk cannot be fetched) the same words show as plain text.
 */
export const DeferredText = lazyView(() =>
  import("../citations/text-with-citations.js").then((module) => module.TextWithCitations),
);

/** A reasoning summary (see {@link DeferredText}: it is markdown as well). */
export const DeferredReasoning = lazyView(() =>
  import("../reasoning/reasoning.js").then((module) => module.Reasoning),
);

/** Generated images and input image thumbnails. */
export const DeferredImagePart = lazyView(() =>
  import("./image-part-view.js").then((module) => module.ImagePartView),
);

/** Function, MCP, code interpreter, shell and apply_patch tool cards. */
export const DeferredToolPart = lazyView(() =>
  import("./tool-part-view.js").then((module) => module.ToolPartView),
);

/** The numbered sources under a finished answer that cites web pages or files. */
export const DeferredSources = lazyView(() =>
  import("../citations/sources.js").then((module) => module.Sources),
);

/** Computer-use screenshots with their actions. */
export const DeferredComputerPart = lazyView(() =>
  import("./computer-part-view.js").then((module) => module.ComputerPartView),
);

/** Hosted web search progress and file search results. */
export const DeferredSearchPart = lazyView(() =>
  import("./search-part-view.js").then((module) => module.SearchPartView),
);

/** Tool search, outputs sent back, items without a view of their own, and compaction. */
export const DeferredItemPart = lazyView(() =>
  import("./item-part-view.js").then((module) => module.ItemPartView),
);

/** Audio with its player and transcript. */
export const DeferredAudioPart = lazyView(() =>
  import("./audio-part-view.js").then((module) => module.AudioPartView),
);

/** Text drawn as tokens tinted by their log probabilities. */
export const DeferredLogprobs = lazyView(() =>
  import("../logprobs/logprobs.js").then((module) => module.Logprobs),
);

/** Token counts under an answer, shown only when the app asks for them. */
export const DeferredTokenUsage = lazyView(() =>
  import("../token-usage/token-usage.js").then((module) => module.TokenUsage),
);

/**
 * Fetches the code of every renderer `<Message>` loads on first use (images, tool cards,
 * computer use, search, sources, item cards, audio, logprobs, token usage, and the citation
 * markers `<Markdown>` places in cited text), so that no part shows its loading placeholder
 * or holds back its cited text later. Optional: call it when the app is idle, or before
 * rendering in tests (React does not retry a render that suspended inside a test's unawaited
 * `act`). Rejects when a chunk cannot be fetched; the parts that need it then say they could
 * not be shown (cited text shows its links as the model wrote them).
 */
export async function preloadPartViews(): Promise<void> {
  await Promise.all([
    preloadCitationLayer(),
    ...[
      DeferredText,
      DeferredReasoning,
      DeferredImagePart,
      DeferredToolPart,
      DeferredComputerPart,
      DeferredSearchPart,
      DeferredSources,
      DeferredItemPart,
      DeferredAudioPart,
      DeferredLogprobs,
      DeferredTokenUsage,
    ].map((view) => view.preload()),
  ]);
}
