import { sampleFromSchema, type JsonSchema, type StringHint } from "./json-schema-sample.js";

/**
 * Tool arguments and structured output drawn from the prompt: a place named in the question
 * fills `city` / `location`, the question itself fills `query`, and the rest comes from the
 * schema, so the value always validates and still answers what was asked.
 */

const PLACE_FIELD = /city|location|place|address|town|region|destination|country/i;
const QUERY_FIELD = /^(q|query|search|search_?query|question|prompt|topic|keywords?|input)$/i;

// Capitalized words that start questions or name units, not places.
const NOT_PLACES = new Set(
  (
    "I What Whats How Please Tell Is Are The A An Can Could Would Why When Where Who Hi Hello " +
    "Give Show Find Get Search Use Call Check Look And Or Then Also Celsius Fahrenheit English " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Do Does It In At For"
  ).split(" "),
);

/** Places named in `text`, in order: capitalized words after in/at/for/from/to/and, else any. */
export function placesIn(text: string): string[] {
  const found: string[] = [];
  const add = (place: string) => {
    const clean = place.replace(/[,\s]+$/, "").trim();
    if (clean && !NOT_PLACES.has(clean) && !found.includes(clean)) found.push(clean);
  };
  const afterPreposition =
    /\b(?:in|at|for|from|to|near|and|or|of|about|vs)\s+((?:[A-Z][\p{L}'.-]*)(?:,?\s+[A-Z][\p{L}'.-]*)*)/gu;
  for (const match of text.matchAll(afterPreposition)) add(match[1]!);
  if (found.length > 0) return found;
  for (const match of text.matchAll(/\b[A-Z][\p{L}'-]+/gu)) add(match[0]);
  return found;
}

/** The prompt as a search query: no directives, at most 100 characters. */
function queryOf(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > 100 ? clean.slice(0, 100) : clean;
}

/** A string hint for `sampleFromSchema` that reads from `prompt`; `nth` picks the nth place. */
export function promptHint(prompt: string, nth = 0): StringHint {
  const places = placesIn(prompt);
  return (name) => {
    if (PLACE_FIELD.test(name)) return places[nth] ?? places[0];
    if (QUERY_FIELD.test(name) && prompt.trim()) return queryOf(prompt);
    return undefined;
  };
}

/** A value valid for `schema`, with string fields taken from `prompt` where their names fit. */
export function valueFromPrompt(schema: JsonSchema, prompt: string, nth = 0): unknown {
  return sampleFromSchema(schema, "", promptHint(prompt, nth));
}

/** How many separate places `prompt` names (two places invite two parallel calls). */
export function placeCount(prompt: string): number {
  return placesIn(prompt).length;
}
