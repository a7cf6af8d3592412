import { useState, type ReactNode } from "react";
import type { LabConfig } from "./lab-config.js";
import { usePresets } from "./use-presets.js";

/** Save the current setup under a name, load or delete saved ones (kept in localStorage). */
export function PresetsBar({
  config,
  onLoad,
}: {
  config: LabConfig;
  onLoad: (config: LabConfig) => void;
}): ReactNode {
  const { presets, save, remove } = usePresets();
  const [name, setName] = useState("");
  const [selected, setSelected] = useState("");
  return (
    <div className="prompt-lab__presets" role="group" aria-label="Presets">
      <input
        aria-label="Preset name"
        placeholder="Preset name"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button
        type="button"
        className="colloquy-button"
        disabled={!name.trim()}
        onClick={() => {
          save({ name: name.trim(), config });
          setSelected(name.trim());
        }}
      >
        Save preset
      </button>
      <select
        className="prompt-lab__select"
        aria-label="Saved presets"
        value={selected}
        onChange={(event) => setSelected(event.target.value)}
      >
        <option value="">Saved presets…</option>
        {presets.map((preset) => (
          <option key={preset.name} value={preset.name}>
            {preset.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="colloquy-button"
        disabled={!selected}
        onClick={() => {
          const preset = presets.find((p) => p.name === selected);
          if (preset) onLoad(preset.config);
        }}
      >
        Load
      </button>
      <button
        type="button"
        className="colloquy-button"
        data-variant="ghost"
        disabled={!selected}
        onClick={() => {
          remove(selected);
          setSelected("");
        }}
      >
        Delete
      </button>
    </div>
  );
}
