import { Lexer, type Token } from "marked";

/**
 * Markdown as the words a reader sees: syntax (emphasis marks, link targets, heading hashes,
 * code fences) removed, blocks separated by blank lines, list items one per line.
 */
export function plainTextFromMarkdown(markdown: string): string {
  return blocks(Lexer.lex(markdown)).trim();
}

function blocks(tokens: readonly Token[]): string {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.type === "space") continue;
    if (token.type === "list") {
      const items = (token.items as { tokens: Token[] }[]).map((item) =>
        blocks(item.tokens).replace(/\n+/g, " "),
      );
      out.push(items.join("\n"));
    } else if (token.type === "code") {
      out.push(String(token.text));
    } else if (token.type === "table") {
      const row = (cells: { tokens: Token[] }[]) => cells.map((c) => inline(c.tokens)).join("\t");
      const header = row(token.header as { tokens: Token[] }[]);
      const rows = (token.rows as { tokens: Token[] }[][]).map(row);
      out.push([header, ...rows].join("\n"));
    } else if (token.type === "hr") {
      continue;
    } else if ("tokens" in token && Array.isArray(token.tokens)) {
      out.push(token.type === "blockquote" ? blocks(token.tokens) : inline(token.tokens));
    } else if ("text" in token && typeof token.text === "string") {
      out.push(token.text);
    }
  }
  return out.join("\n\n");
}

function inline(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === "br") return "\n";
      if ("tokens" in token && Array.isArray(token.tokens)) return inline(token.tokens);
      if (token.type === "escape" || token.type === "codespan" || token.type === "text") {
        return unescapeEntities(String(token.text));
      }
      return "text" in token && typeof token.text === "string" ? token.text : "";
    })
    .join("");
}

function unescapeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
