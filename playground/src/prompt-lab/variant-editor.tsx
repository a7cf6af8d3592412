import { useId, type ReactNode } from "react";
import { EMULATOR_MODEL_NAMES } from "./model-names.js";
import type { VariantConfig } from "./lab-config.js";

/** Props of {@link VariantEditor}. */
export interface VariantEditorProps {
  /** The variant being edited. */
  variant: VariantConfig;
  /** Called with the changed variant. */
  onChange: (variant: VariantConfig) => void;
  /** Removes the variant; absent when it may not be removed. */
  onRemove?: () => void;
}

const optionalNumber = (text: string) => (text.trim() === "" ? undefined : Number(text));

/** The settings of one variant: model, API, sampling, reasoning, tier, tools and schema. */
export function VariantEditor({ variant, onChange, onRemove }: VariantEditorProps): ReactNode {
  const id = useId();
  const set = <K extends keyof VariantConfig>(key: K, value: VariantConfig[K]) =>
    onChange({ ...variant, [key]: value });
  const field = (name: string) => `${id}-${name}`;
  return (
    <fieldset className="prompt-lab__variant" aria-label={variant.name}>
      <legend className="prompt-lab__variant-name">
        <input
          aria-label="Variant name"
          value={variant.name}
          onChange={(event) => set("name", event.target.value)}
        />
        {onRemove ? (
          <button type="button" className="colloquy-button" data-variant="ghost" onClick={onRemove}>
            Remove
          </button>
        ) : null}
      </legend>
      <div className="prompt-lab__fields">
        <label htmlFor={field("model")}>Model</label>
        <input
          id={field("model")}
          list={field("models")}
          value={variant.model}
          onChange={(event) => set("model", event.target.value)}
        />
        <datalist id={field("models")}>
          {EMULATOR_MODEL_NAMES.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
        <label htmlFor={field("api")}>API</label>
        <select
          className="prompt-lab__select"
          id={field("api")}
          value={variant.api}
          onChange={(event) => set("api", event.target.value as VariantConfig["api"])}
        >
          <option value="responses">Responses</option>
          <option value="chat">Chat Completions</option>
        </select>
        <label htmlFor={field("temperature")}>Temperature</label>
        <input
          id={field("temperature")}
          type="number"
          min={0}
          max={2}
          step={0.1}
          placeholder="default"
          value={variant.temperature ?? ""}
          onChange={(event) => set("temperature", optionalNumber(event.target.value))}
        />
        <label htmlFor={field("max-tokens")}>Max tokens</label>
        <input
          id={field("max-tokens")}
          type="number"
          min={1}
          placeholder="none"
          value={variant.maxTokens ?? ""}
          onChange={(event) => set("maxTokens", optionalNumber(event.target.value))}
        />
        <label htmlFor={field("effort")}>Reasoning effort</label>
        <select
          className="prompt-lab__select"
          id={field("effort")}
          value={variant.reasoningEffort}
          onChange={(event) =>
            set("reasoningEffort", event.target.value as VariantConfig["reasoningEffort"])
          }
        >
          <option value="">(not set)</option>
          <option value="minimal">minimal</option>
          <option value="low">low</option>
          <option value="medium">medium</option>
          <option value="high">high</option>
        </select>
        <label htmlFor={field("summary")}>Reasoning summary</label>
        <select
          className="prompt-lab__select"
          id={field("summary")}
          value={variant.reasoningSummary}
          onChange={(event) =>
            set("reasoningSummary", event.target.value as VariantConfig["reasoningSummary"])
          }
        >
          <option value="">(not set)</option>
          <option value="auto">auto</option>
          <option value="concise">concise</option>
          <option value="detailed">detailed</option>
        </select>
        <label htmlFor={field("tier")}>Service tier</label>
        <select
          className="prompt-lab__select"
          id={field("tier")}
          value={variant.serviceTier}
          onChange={(event) =>
            set("serviceTier", event.target.value as VariantConfig["serviceTier"])
          }
        >
          <option value="">(not set)</option>
          <option value="auto">auto</option>
          <option value="default">default</option>
          <option value="flex">flex</option>
          <option value="priority">priority</option>
        </select>
      </div>
      <div className="prompt-lab__tools" role="group" aria-label="Hosted tools">
        {(
          [
            ["webSearch", "Web search"],
            ["imageGeneration", "Image generation"],
            ["codeInterpreter", "Code interpreter"],
          ] as const
        ).map(([key, label]) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={variant.tools[key]}
              onChange={(event) => set("tools", { ...variant.tools, [key]: event.target.checked })}
            />
            {label}
          </label>
        ))}
      </div>
      <label htmlFor={field("functions")}>Function tools (JSON array)</label>
      <textarea
        id={field("functions")}
        className="prompt-lab__code"
        rows={3}
        spellCheck={false}
        placeholder='[{ "type": "function", "name": "get_weather", "parameters": { ... } }]'
        value={variant.functionTools}
        onChange={(event) => set("functionTools", event.target.value)}
      />
      <label htmlFor={field("schema")}>Structured output (JSON Schema)</label>
      <textarea
        id={field("schema")}
        className="prompt-lab__code"
        rows={3}
        spellCheck={false}
        placeholder='{ "type": "object", "properties": { ... } }'
        value={variant.jsonSchema}
        onChange={(event) => set("jsonSchema", event.target.value)}
      />
    </fieldset>
  );
}
