/**
 * The text a scripted model writes for a custom tool with a grammar (`format: { type:
 * "grammar", syntax: "lark" | "regex" }`): a short string the grammar accepts, with words and
 * numbers taken from the prompt where the grammar leaves them open. Covers what tool grammars
 * are made of in practice (literals, rules, alternatives, groups, `?` `*` `+`, regex terminals
 * and the `common` imports); a grammar beyond that gets its shortest derivation.
 */

/** Words a prompt has that are no good as a value (articles, pronouns, small verbs). */
const STOPWORDS = new Set(
  "a an the this that these those of to in on at for from with by and or all any some me my you your it its is are be get give show list use please".split(
    " ",
  ),
);

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
];

/** Words of the prompt, in order. */
function words(prompt: string): string[] {
  return prompt.match(/[A-Za-z0-9_]+/g) ?? [];
}

/** The first number in the prompt, as digits (number words count: "four" is 4). */
function promptNumber(prompt: string): string {
  for (const word of words(prompt)) {
    if (/^\d+$/.test(word)) return word;
    const index = NUMBER_WORDS.indexOf(word.toLowerCase());
    if (index >= 0) return String(index);
  }
  return "1";
}

/** Draws values from the prompt: words after the grammar's own keywords first, as SQL's table after FROM. */
class PromptValues {
  private readonly queue: string[];
  private used = 0;
  constructor(prompt: string, keywords: Set<string>) {
    const list = words(prompt);
    const after: string[] = [];
    list.forEach((word, index) => {
      if (!keywords.has(word.toLowerCase())) return;
      const next = list.slice(index + 1).find((w) => !STOPWORDS.has(w.toLowerCase()));
      if (next && !keywords.has(next.toLowerCase())) after.push(next);
    });
    const rest = list.filter(
      (word) => !STOPWORDS.has(word.toLowerCase()) && !keywords.has(word.toLowerCase()),
    );
    this.queue = [...after, ...rest.filter((word) => /^[A-Za-z_]\w*$/.test(word))];
  }
  word(): string {
    return this.queue[this.used++ % Math.max(1, this.queue.length)] ?? "value";
  }
}

// --- regex -------------------------------------------------------------------------------

/** A shortest string `pattern` matches, reading the common regex constructs. */
export function sampleRegex(pattern: string, prompt = ""): string {
  const anchored = pattern.replace(/^\^/, "").replace(/\$$/, "");
  // A part of the prompt the whole pattern accepts is what a model would write.
  try {
    const whole = new RegExp(`^(?:${anchored})$`);
    const found = prompt.match(new RegExp(anchored, "g")) ?? [];
    const fit = found.find((candidate) => candidate !== "" && whole.test(candidate));
    if (fit) return fit;
  } catch {
    // Not a JavaScript regex: generate from the text below.
  }
  let at = 0;
  const alternatives = (): string => {
    const first = sequence();
    while (pattern[at] === "|") {
      at++;
      sequence();
    }
    return first;
  };
  const sequence = (): string => {
    let out = "";
    while (at < pattern.length && pattern[at] !== "|" && pattern[at] !== ")") {
      const atom = readAtom();
      out += atom.repeat(quantifier());
    }
    return out;
  };
  const readAtom = (): string => {
    const char = pattern[at++]!;
    if (char === "^" || char === "$") return "";
    if (char === "(") {
      if (pattern[at] === "?") at += pattern[at + 1] === ":" ? 2 : 3;
      const inner = alternatives();
      at++;
      return inner;
    }
    if (char === "[") {
      const end = pattern.indexOf("]", at + 1);
      const body = pattern.slice(at, end);
      at = end + 1;
      return classSample(body);
    }
    if (char === "\\") return escapeSample(pattern[at++]!);
    if (char === ".") return "a";
    return char;
  };
  const quantifier = (): number => {
    const char = pattern[at];
    if (char === "*" || char === "?") {
      at++;
      return 0;
    }
    if (char === "+") {
      at++;
      return 1;
    }
    const counted = /^\{(\d+)(,\d*)?\}/.exec(pattern.slice(at));
    if (counted) {
      at += counted[0].length;
      return Number(counted[1]);
    }
    return 1;
  };
  const out = alternatives();
  return out;
}

function escapeSample(char: string): string {
  const samples: Record<string, string> = { d: "1", w: "a", s: " ", D: "a", W: "-", S: "a" };
  return samples[char] ?? char;
}

function classSample(body: string): string {
  if (body.startsWith("^")) return body.includes("a") ? "b" : "a";
  if (body.startsWith("\\")) return escapeSample(body[1]!);
  return body[0] ?? "a";
}

// --- lark --------------------------------------------------------------------------------

type Node =
  | { kind: "literal"; text: string }
  | { kind: "regex"; pattern: string }
  | { kind: "name"; name: string }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number };

interface LarkGrammar {
  rules: Map<string, Node>;
  imports: Map<string, string>;
  ignoresSpace: boolean;
}

const COMMON: Record<string, (values: PromptValues, prompt: string) => string> = {
  WORD: (values) => values.word(),
  CNAME: (values) => values.word(),
  LETTER: () => "a",
  INT: (_, prompt) => promptNumber(prompt),
  SIGNED_INT: (_, prompt) => promptNumber(prompt),
  NUMBER: (_, prompt) => promptNumber(prompt),
  SIGNED_NUMBER: (_, prompt) => promptNumber(prompt),
  DECIMAL: (_, prompt) => `${promptNumber(prompt)}.0`,
  DIGIT: () => "1",
  ESCAPED_STRING: (values) => `"${values.word()}"`,
  WS: () => " ",
  WS_INLINE: () => " ",
  NEWLINE: () => "\n",
};

function tokenize(text: string): string[] {
  return (
    text.match(
      /"(?:\\.|[^"\\])*"i?|\/(?:\\.|[^/\\])+\/[a-z]*|->\s*\w+|[A-Za-z_][\w.]*|[()[\]|?*+]/g,
    ) ?? []
  );
}

function parseExpansion(tokens: string[]): Node {
  let at = 0;
  const alt = (): Node => {
    const options = [seq()];
    while (tokens[at] === "|") {
      at++;
      options.push(seq());
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (at < tokens.length && tokens[at] !== "|" && tokens[at] !== ")" && tokens[at] !== "]") {
      const token = tokens[at++]!;
      if (token.startsWith("->")) continue;
      let node: Node;
      if (token === "(" || token === "[") {
        node = alt();
        at++;
        if (token === "[") node = { kind: "repeat", node, min: 0, max: 1 };
      } else if (token.startsWith('"')) {
        node = { kind: "literal", text: JSON.parse(token.replace(/i$/, "")) as string };
      } else if (token.startsWith("/")) {
        node = { kind: "regex", pattern: token.slice(1, token.lastIndexOf("/")) };
      } else {
        node = { kind: "name", name: token };
      }
      const mark = tokens[at];
      if (mark === "?" || mark === "*" || mark === "+") {
        at++;
        node = { kind: "repeat", node, min: mark === "+" ? 1 : 0, max: mark === "?" ? 1 : 9 };
      }
      items.push(node);
    }
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  };
  return alt();
}

function parseLark(definition: string): LarkGrammar {
  const rules = new Map<string, Node>();
  const imports = new Map<string, string>();
  let ignoresSpace = false;
  // A rule continues on lines that start with `|`.
  const lines = definition.split("\n").map((line) => line.replace(/\/\/.*$/, "").trim());
  const joined: string[] = [];
  for (const line of lines) {
    if (!line) continue;
    if (line.startsWith("|") && joined.length > 0) joined[joined.length - 1] += ` ${line}`;
    else joined.push(line);
  }
  for (const line of joined) {
    const imported = /^%import\s+common\.(\w+)(?:\s*->\s*(\w+))?/.exec(line);
    if (imported) {
      imports.set(imported[2] ?? imported[1]!, imported[1]!);
      continue;
    }
    if (/^%ignore\s+(WS|WS_INLINE|" ")/.test(line)) {
      ignoresSpace = true;
      continue;
    }
    const rule = /^[?!]?(\w+)(?:\.\d+)?\s*:\s*(.*)$/.exec(line);
    if (rule) rules.set(rule[1]!, parseExpansion(tokenize(rule[2]!)));
  }
  return { rules, imports, ignoresSpace };
}

function literalWords(node: Node, into: Set<string>): void {
  if (node.kind === "literal") {
    if (/^[A-Za-z]{2,}$/.test(node.text)) into.add(node.text.toLowerCase());
  } else if (node.kind === "seq") node.items.forEach((item) => literalWords(item, into));
  else if (node.kind === "alt") node.options.forEach((item) => literalWords(item, into));
  else if (node.kind === "repeat") literalWords(node.node, into);
}

/** The lowercased keywords (literal words) of a grammar, which a prompt may mention. */
export function grammarKeywords(syntax: string, definition: string): Set<string> {
  const keywords = new Set<string>();
  if (syntax !== "lark") return keywords;
  for (const node of parseLark(definition).rules.values()) literalWords(node, keywords);
  return keywords;
}

/** Names a node refers to (rules, terminals) and its literals, to see whether a prompt asks for it. */
function mentionsOf(node: Node, grammar: LarkGrammar, into: Set<string>, depth = 0): void {
  if (depth > 4) return;
  if (node.kind === "literal") into.add(node.text.toLowerCase());
  else if (node.kind === "name") {
    into.add(node.name.toLowerCase());
    const rule = grammar.rules.get(node.name);
    if (rule && /^[A-Z_]+$/.test(node.name)) mentionsOf(rule, grammar, into, depth + 1);
  } else if (node.kind === "seq")
    node.items.forEach((n) => mentionsOf(n, grammar, into, depth + 1));
  else if (node.kind === "alt")
    node.options.forEach((n) => mentionsOf(n, grammar, into, depth + 1));
  else if (node.kind === "repeat") mentionsOf(node.node, grammar, into, depth + 1);
}

/** A short string the lark grammar accepts, from its `start` rule. */
export function sampleLark(definition: string, prompt = ""): string {
  const grammar = parseLark(definition);
  const keywords = new Set<string>();
  for (const node of grammar.rules.values()) literalWords(node, keywords);
  const values = new PromptValues(prompt, keywords);
  const promptWords = new Set(words(prompt).map((word) => word.toLowerCase()));
  const tokens: string[] = [];
  const emit = (node: Node, depth: number): void => {
    if (depth > 40) return;
    switch (node.kind) {
      case "literal":
        tokens.push(node.text);
        return;
      case "regex":
        tokens.push(sampleRegex(node.pattern, prompt));
        return;
      case "name": {
        const rule = grammar.rules.get(node.name);
        if (rule) return emit(rule, depth + 1);
        const common = COMMON[grammar.imports.get(node.name) ?? node.name];
        tokens.push(common ? common(values, prompt) : values.word());
        return;
      }
      case "seq":
        node.items.forEach((item) => emit(item, depth + 1));
        return;
      case "alt":
        // The first option that does not lead back into a deep recursion.
        return emit(depth > 20 ? node.options.at(-1)! : node.options[0]!, depth + 1);
      case "repeat": {
        // An optional part is written once when the prompt asks for it ("add" for an ADD group).
        const asked = new Set<string>();
        mentionsOf(node.node, grammar, asked);
        const wanted = [...asked].some((word) => promptWords.has(word));
        const times = Math.max(node.min, wanted && depth < 20 ? 1 : 0);
        for (let i = 0; i < times; i++) emit(node.node, depth + 1);
        return;
      }
    }
  };
  const start = grammar.rules.has("start") ? "start" : [...grammar.rules.keys()][0];
  if (start) emit({ kind: "name", name: start }, 0);
  return grammar.ignoresSpace ? tokens.filter((token) => token !== " ").join(" ") : tokens.join("");
}

/** The input a custom tool gets: grammar-shaped when the tool has a grammar, else the prompt's request. */
export function customToolInput(
  grammar: { syntax: string; definition: string } | undefined,
  prompt: string,
): string {
  if (grammar?.syntax === "lark") return sampleLark(grammar.definition, prompt);
  if (grammar?.syntax === "regex") return sampleRegex(grammar.definition, prompt);
  return prompt || "(no input)";
}
