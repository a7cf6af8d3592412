import type { ReactNode } from "react";
import { PromptLab } from "../prompt-lab/prompt-lab.js";
import { PLAYGROUND_ENDPOINT } from "../connection.js";

/** The prompt playground, against the playground's proxy. */
export function PromptLabPage(): ReactNode {
  return <PromptLab endpoint={PLAYGROUND_ENDPOINT} />;
}
