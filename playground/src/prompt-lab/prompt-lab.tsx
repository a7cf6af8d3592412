import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { createChatClient } from "../../../src/core/index.js";
import { AnswerDiff } from "./answer-diff.js";
import { ExportPanel } from "./export-panel.js";
import { InputsTable } from "./inputs-table.js";
import {
  createVariant,
  defaultLabConfig,
  type LabConfig,
  type VariantConfig,
} from "./lab-config.js";
import { PresetsBar } from "./presets-bar.js";
import { ResultCell } from "./result-cell.js";
import { PENDING, runCell, runWithConcurrency, type CellResult } from "./run-cell.js";
import { VariantEditor } from "./variant-editor.js";
import { promptVariables, rowMessages, variantParams } from "./variant-request.js";
import "./prompt-lab.css";

/** Props of {@link PromptLab}. */
export interface PromptLabProps {
  /** The OpenAI-compatible endpoint, e.g. `/api/openai/v1`. */
  endpoint: string;
  /** The fetch to use (Storybook passes the emulator handler). */
  fetch?: typeof globalThis.fetch;
  /** The setup to start from; defaults to a templated example with two variants. */
  initialConfig?: LabConfig;
}

const cellKey = (row: number, variant: string) => `${row}:${variant}`;

/**
 * The prompt playground: a templated prompt, a table of test inputs, and 2-4 variants run
 * over every row at once, each result with its output, timings, usage, cost and events.
 */
export function PromptLab({ endpoint, fetch, initialConfig }: PromptLabProps): ReactNode {
  const [config, setConfig] = useState<LabConfig>(() => initialConfig ?? defaultLabConfig());
  const [results, setResults] = useState<Record<string, CellResult>>({});
  const [running, setRunning] = useState(false);
  const runId = useRef(0);
  const variables = useMemo(() => promptVariables(config), [config]);
  const update = (patch: Partial<LabConfig>) => setConfig((current) => ({ ...current, ...patch }));
  const setVariant = (index: number, variant: VariantConfig) =>
    update({ variants: config.variants.map((v, i) => (i === index ? variant : v)) });

  const runAll = useCallback(async () => {
    const run = ++runId.current;
    setRunning(true);
    const initial: Record<string, CellResult> = {};
    const tasks: (() => Promise<unknown>)[] = [];
    for (const variant of config.variants) {
      const built = variantParams(variant);
      const client = createChatClient({
        baseURL: endpoint,
        api: variant.api,
        ...(fetch ? { fetch } : {}),
      });
      config.rows.forEach((row, rowIndex) => {
        const key = cellKey(rowIndex, variant.id);
        if (!built.ok) {
          initial[key] = { ...PENDING, status: "error", error: built.error };
          return;
        }
        initial[key] = PENDING;
        tasks.push(() =>
          runCell(client, rowMessages(config, row), built.params, (result) => {
            if (runId.current === run) setResults((current) => ({ ...current, [key]: result }));
          }),
        );
      });
    }
    setResults(initial);
    await runWithConcurrency(tasks, config.concurrency);
    if (runId.current === run) setRunning(false);
  }, [config, endpoint, fetch]);

  return (
    <div className="prompt-lab">
      <div className="prompt-lab__toolbar">
        <PresetsBar config={config} onLoad={(loaded) => setConfig(loaded)} />
        <label className="prompt-lab__inline">
          Concurrency
          <input
            type="number"
            min={1}
            max={16}
            value={config.concurrency}
            onChange={(event) =>
              update({ concurrency: Math.max(1, Number(event.target.value) || 1) })
            }
          />
        </label>
        <button
          type="button"
          className="colloquy-button"
          data-variant="primary"
          disabled={running}
          onClick={() => void runAll()}
        >
          {running ? "Running…" : `Run ${config.rows.length * config.variants.length} requests`}
        </button>
      </div>

      <section className="prompt-lab__section" aria-label="Prompt">
        <label htmlFor="prompt-lab-system">System prompt</label>
        <textarea
          id="prompt-lab-system"
          rows={2}
          value={config.system}
          onChange={(event) => update({ system: event.target.value })}
        />
        <label htmlFor="prompt-lab-user">User message</label>
        <textarea
          id="prompt-lab-user"
          rows={2}
          value={config.user}
          onChange={(event) => update({ user: event.target.value })}
        />
        <p className="prompt-lab__muted">
          Write <code>{"{variable}"}</code> to fill from the inputs below (<code>{"{{"}</code> for a
          literal brace).
        </p>
      </section>

      <section className="prompt-lab__variants-section" aria-label="Variants">
        <div className="prompt-lab__section-head">
          <h2>Variants</h2>
          {config.variants.length < 4 ? (
            <button
              type="button"
              className="colloquy-button"
              onClick={() => update({ variants: [...config.variants, createVariant()] })}
            >
              Add variant
            </button>
          ) : null}
        </div>
        <div className="prompt-lab__variants">
          {config.variants.map((variant, index) => (
            <VariantEditor
              key={variant.id}
              variant={variant}
              onChange={(next) => setVariant(index, next)}
              onRemove={
                config.variants.length > 2
                  ? () => update({ variants: config.variants.filter((_, i) => i !== index) })
                  : undefined
              }
            />
          ))}
        </div>
      </section>

      <InputsTable variables={variables} rows={config.rows} onChange={(rows) => update({ rows })} />

      <section className="prompt-lab__results" aria-label="Results">
        {/* Each answer keeps a readable column (20rem); on narrow screens the grid scrolls. */}
        <table
          className="prompt-lab__grid"
          style={{ minWidth: `calc(10rem + ${config.variants.length} * 20rem)` }}
        >
          <thead>
            <tr>
              <th scope="col">Input</th>
              {config.variants.map((variant) => (
                <th key={variant.id} scope="col">
                  {variant.name} <span className="prompt-lab__muted">({variant.model})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {config.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                <th scope="row" className="prompt-lab__row-head">
                  {variables.map((name) => (
                    <div key={name}>
                      <span className="prompt-lab__muted">{name}:</span> {row[name] ?? ""}
                    </div>
                  ))}
                </th>
                {config.variants.map((variant) => (
                  <td key={variant.id}>
                    <ResultCell
                      result={results[cellKey(rowIndex, variant.id)]}
                      model={variant.model}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <AnswerDiff config={config} resultOf={(row, variantId) => results[cellKey(row, variantId)]} />

      <ExportPanel config={config} />
    </div>
  );
}
