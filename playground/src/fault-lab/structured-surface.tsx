import { useState, type ReactNode } from "react";
import { z } from "zod";
import type { ChatClient } from "../../../src/core/index.js";
import { useStructuredOutput } from "../../../src/react/structured-output.js";
import { ChatErrorBanner } from "../../../src/ui/chat/chat-error-banner.js";

/** Props of {@link StructuredSurface}. */
export interface StructuredSurfaceProps {
  /** The client under test. */
  client: ChatClient;
}

const LIGHTHOUSE = z.object({
  title: z.string(),
  tags: z.array(z.string()),
});

/**
 * `useStructuredOutput` streaming a small object: the partial value while it arrives, the
 * validated one at the end, and on failure the error with the prompt and partial kept.
 */
export function StructuredSurface({ client }: StructuredSurfaceProps): ReactNode {
  const [prompt, setPrompt] = useState("Describe a lighthouse as a title and tags [fault:500]");
  const result = useStructuredOutput({ schema: LIGHTHOUSE, client });
  // The error lands in `result.error`; the rejected promise has nothing more to say.
  const generate = () => void result.generate(prompt).catch(() => {});
  const shown = result.data ?? result.partial;
  return (
    <section className="playground__chat fault-lab__structured" aria-label="Structured output">
      <form
        className="fault-lab__prompt"
        onSubmit={(event) => {
          event.preventDefault();
          generate();
        }}
      >
        <label htmlFor="fault-lab-prompt">Prompt</label>
        <textarea
          id="fault-lab-prompt"
          rows={3}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
        />
        <button
          type="submit"
          className="colloquy-button"
          data-variant="primary"
          disabled={result.isStreaming || prompt.trim() === ""}
        >
          Generate
        </button>
      </form>
      <div
        className="fault-lab__result"
        role="region"
        aria-label="Result"
        aria-busy={result.isStreaming}
        data-state={result.status}
      >
        {shown === undefined ? (
          <p className="playground__muted">The object appears here as it streams in.</p>
        ) : (
          <>
            <p className="playground__muted">
              {result.status === "success"
                ? "Validated against the schema"
                : result.status === "error"
                  ? "What arrived before the error"
                  : "Arriving"}
            </p>
            <pre className="fault-lab__json">{JSON.stringify(shown, null, 2)}</pre>
          </>
        )}
      </div>
      {result.error ? <ChatErrorBanner error={result.error} onRetry={generate} /> : null}
    </section>
  );
}
