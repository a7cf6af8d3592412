import { useCallback, useState } from "react";
import type { LabConfig } from "./lab-config.js";

/** A saved playground setup. */
export interface LabPreset {
  /** The name the user gave it. */
  name: string;
  /** The prompt, inputs and variants. */
  config: LabConfig;
}

const STORAGE_KEY = "colloquy-playground:presets";

function readPresets(): LabPreset[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as LabPreset[]) : [];
  } catch {
    // A corrupted entry should not break the page: start from no presets.
    return [];
  }
}

/** Presets kept in localStorage: the list, save (replacing a same-named one) and delete. */
export function usePresets(): {
  presets: LabPreset[];
  save: (preset: LabPreset) => void;
  remove: (name: string) => void;
} {
  const [presets, setPresets] = useState(readPresets);
  const persist = useCallback((next: LabPreset[]) => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setPresets(next);
  }, []);
  const save = useCallback(
    (preset: LabPreset) =>
      persist([...readPresets().filter((p) => p.name !== preset.name), preset]),
    [persist],
  );
  const remove = useCallback(
    (name: string) => persist(readPresets().filter((p) => p.name !== name)),
    [persist],
  );
  return { presets, save, remove };
}
