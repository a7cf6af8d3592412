import { useMemo, type ReactNode } from "react";
import { createChatClient } from "../../../src/core/index.js";
import { CopyButton } from "../../../src/ui/index.js";
import { colloquySnippet, curlCommand } from "./export-variant.js";
import type { LabConfig, VariantConfig } from "./lab-config.js";
import { rowMessages, variantParams } from "./variant-request.js";

/** A variant exported as a `curl` command (first input row) and as colloquy code. */
export function ExportPanel({
  config,
  variant,
}: {
  config: LabConfig;
  variant: VariantConfig;
}): ReactNode {
  const exported = useMemo(() => {
    const built = variantParams(variant);
    if (!built.ok) return { error: built.error };
    const client = createChatClient({ baseURL: "https://api.openai.com/v1", api: variant.api });
    const request = client.buildRequest(rowMessages(config, config.rows[0] ?? {}), built.params);
    const { tools, ...rest } = built.params;
    return {
      curl: curlCommand(request),
      snippet: colloquySnippet(variant, { ...rest, ...(tools ? { tools } : {}) }, config),
    };
  }, [config, variant]);
  return (
    <details className="prompt-lab__export">
      <summary>Export</summary>
      {"error" in exported ? (
        <p className="prompt-lab__error">{exported.error}</p>
      ) : (
        <>
          <div className="prompt-lab__export-head">
            <span>curl</span>
            <CopyButton value={exported.curl!} label="Copy curl command" />
          </div>
          <pre className="prompt-lab__pre">{exported.curl}</pre>
          <div className="prompt-lab__export-head">
            <span>colloquy</span>
            <CopyButton value={exported.snippet!} label="Copy colloquy snippet" />
          </div>
          <pre className="prompt-lab__pre">{exported.snippet}</pre>
        </>
      )}
    </details>
  );
}
