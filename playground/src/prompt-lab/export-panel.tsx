import { useEffect, useState, type ReactNode } from "react";
import { createChatClient } from "../../../src/core/index.js";
import { CopyButton } from "../../../src/ui/index.js";
import { colloquySnippet, curlCommand } from "./export-variant.js";
import type { LabConfig, VariantConfig } from "./lab-config.js";
import { rowMessages, variantParams } from "./variant-request.js";

/** The export of a variant, or why there is none. */
type Exported =
  { error: string; curl?: undefined; snippet?: undefined } | { curl: string; snippet: string };

async function exportOf(config: LabConfig, variant: VariantConfig): Promise<Exported> {
  const built = variantParams(variant);
  if (!built.ok) return { error: built.error };
  const client = createChatClient({ baseURL: "https://api.openai.com/v1", api: variant.api });
  // buildRequest waits for the chosen API's codec to load (once).
  const request = await client.buildRequest(
    rowMessages(config, config.rows[0] ?? {}),
    built.params,
  );
  const { tools, ...rest } = built.params;
  return {
    curl: curlCommand(request),
    snippet: colloquySnippet(variant, { ...rest, ...(tools ? { tools } : {}) }, config),
  };
}

/**
 * One variant (picked above the code) exported as a `curl` command for the first input row
 * and as colloquy code, each full width with its copy button.
 */
export function ExportPanel({ config }: { config: LabConfig }): ReactNode {
  const [picked, setPicked] = useState("");
  const variant = config.variants.find((v) => v.id === picked) ?? config.variants[0];
  const [exported, setExported] = useState<Exported>();
  useEffect(() => {
    if (!variant) return;
    let current = true;
    exportOf(config, variant).then(
      (result) => current && setExported(result),
      (error: unknown) =>
        current && setExported({ error: String((error as Error)?.message ?? error) }),
    );
    return () => {
      current = false;
    };
  }, [config, variant]);
  if (!variant || !exported) return null;
  return (
    <section className="prompt-lab__export" aria-labelledby="prompt-lab-export-title">
      <div className="prompt-lab__section-head">
        <h2 id="prompt-lab-export-title">Export</h2>
        <div className="prompt-lab__segmented" role="group" aria-label="Variant to export">
          {config.variants.map((v) => (
            <button
              key={v.id}
              type="button"
              className="colloquy-button"
              data-variant="ghost"
              aria-pressed={v.id === variant.id}
              onClick={() => setPicked(v.id)}
            >
              {v.name}
            </button>
          ))}
        </div>
      </div>
      {"error" in exported ? (
        <p className="prompt-lab__error">{exported.error}</p>
      ) : (
        <>
          <div className="prompt-lab__code-block">
            <div className="prompt-lab__export-head">
              <span>curl</span>
              <CopyButton value={exported.curl!} label="Copy curl command" />
            </div>
            <pre className="prompt-lab__pre" tabIndex={0} aria-label="curl command">
              {exported.curl}
            </pre>
          </div>
          <div className="prompt-lab__code-block">
            <div className="prompt-lab__export-head">
              <span>colloquy</span>
              <CopyButton value={exported.snippet!} label="Copy colloquy snippet" />
            </div>
            <pre className="prompt-lab__pre" tabIndex={0} aria-label="colloquy snippet">
              {exported.snippet}
            </pre>
          </div>
        </>
      )}
    </section>
  );
}
