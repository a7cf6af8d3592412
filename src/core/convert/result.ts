/** What every converter returns: the converted value and what could not be carried over. */

/** Something a converter dropped or changed, with where it happened. */
export interface ConversionWarning {
  /** Stable kebab-case code, e.g. `unsupported-part`, `reasoning-dropped`. */
  code: string;
  /** What happened and what to do about it. */
  message: string;
  /** Index of the message (in the converter's input) the warning is about. */
  messageIndex?: number;
  /** The `type` of the part that was dropped or changed. */
  partType?: string;
}

/** A converted value and the warnings the conversion produced (never thrown). */
export interface ConversionResult<T> {
  /** The converted value. */
  value: T;
  /** What could not be carried over; empty when nothing was lost. */
  warnings: ConversionWarning[];
}

/** Records a warning about one message's conversion, optionally naming the part it is about. */
export type Warn = (code: string, message: string, part?: { type: string }) => void;

/** The {@link Warn} of message `messageIndex`: each warning says which message it is about. */
export function warningsAbout(warnings: ConversionWarning[], messageIndex: number): Warn {
  return (code, text, part) =>
    warnings.push({
      code,
      message: `messages[${messageIndex}]: ${text}`,
      messageIndex,
      ...(part ? { partType: part.type } : {}),
    });
}
