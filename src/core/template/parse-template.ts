import { ColloquyError } from "../errors.js";

/** A piece of a parsed template: literal text or a variable. */
export type TemplateSegment = { text: string } | { variable: string };

/**
 * Splits a template into text and `{variable}` segments. `{{` and `}}` stand for literal
 * braces. Unbalanced braces are an error naming the position, since a typo there would
 * otherwise send the braces to the model silently.
 */
export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === "{" && template[i + 1] === "{") {
      text += "{";
      i += 2;
    } else if (c === "}" && template[i + 1] === "}") {
      text += "}";
      i += 2;
    } else if (c === "{") {
      const end = template.indexOf("}", i + 1);
      const name = end < 0 ? "" : template.slice(i + 1, end).trim();
      if (end < 0 || name === "" || name.includes("{")) {
        throw new ColloquyError(
          "invalid_input",
          `Template has an unclosed or empty "{" at character ${i}: ${JSON.stringify(template.slice(i, i + 20))}. Write {{ for a literal brace.`,
        );
      }
      if (text) segments.push({ text });
      text = "";
      segments.push({ variable: name });
      i = end + 1;
    } else if (c === "}") {
      throw new ColloquyError(
        "invalid_input",
        `Template has a "}" without a matching "{" at character ${i}. Write }} for a literal brace.`,
      );
    } else {
      text += c;
      i++;
    }
  }
  if (text) segments.push({ text });
  return segments;
}

/** The variable names of parsed segments, in first-use order, without repeats. */
export function variablesOf(segments: readonly TemplateSegment[]): string[] {
  const names = new Set<string>();
  for (const segment of segments) if ("variable" in segment) names.add(segment.variable);
  return [...names];
}

/** Fills parsed segments with values; a missing value is an error naming the variable. */
export function fillTemplate(
  segments: readonly TemplateSegment[],
  values: Readonly<Record<string, unknown>>,
): string {
  let out = "";
  for (const segment of segments) {
    if ("text" in segment) {
      out += segment.text;
      continue;
    }
    const value = values[segment.variable];
    if (value === undefined || value === null) {
      throw new ColloquyError(
        "invalid_input",
        `Missing value for template variable "${segment.variable}": pass it to format(), e.g. format({ ${JSON.stringify(segment.variable)}: ... }).`,
      );
    }
    out += typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}
