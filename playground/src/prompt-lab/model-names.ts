/** Model names offered in the model field (any other name can be typed). */
export const EMULATOR_MODEL_NAMES = [
  "gpt-4.1-mini",
  "gpt-4.1",
  "gpt-4o-mini",
  "gpt-4o",
  "gpt-5",
  "gpt-5-mini",
  "o4-mini",
] as const;
