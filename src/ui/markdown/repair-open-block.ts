/**
 * Closes what a streaming block has opened but not yet closed, so the half-written block
 * renders as it will look once finished instead of flashing raw markers: `**bold` renders
 * bold, an unterminated `` `code `` renders as code, a half link `[text](htt` renders as
 * its text. Applied only to the open (last) block while streaming, never to finished text.
 */
export function repairOpenBlock(source: string): string {
  if (/^ {0,3}(```|~~~)/.test(source) || /^( {4}|\t)/.test(source)) return source;

  let text = source;
  // A lone "-" on a new line is almost always the start of a list item; left alone it
  // would turn the paragraph above into a heading for one chunk.
  text = text.replace(/\n {0,3}[-+*] ?$/, "\n");
  text = text.replace(/\n {0,3}\d{1,9}[.)]? ?$/, "\n");
  text = repairTrailingLink(text);
  text = repairInlineCode(text);
  if (endsInsideCodeSpan(text)) return text;
  const masked = maskCodeSpans(text);
  for (const marker of ["**", "__", "~~"]) text = balanceMarker(text, masked, marker);
  text = balanceSingleStar(text);
  return text;
}

const CITATION_LINK_AT_END = /\((?:\[[^[\]]*(?:\](?:\([^()\s]*\)?\)?)?)?)?\s*$/;

function repairTrailingLink(text: string): string {
  // Brackets inside a code span still being written are code, not a link.
  const openCode = /`[^`]*$/.exec(maskCodeSpans(text));
  const codeStart = openCode ? openCode.index : Infinity;
  // "([site](url))" at the end is, in a web-search answer, a citation whose annotation
  // comes with the next event, when it turns into a citation chip; it and its half-written
  // forms ("(", "([site", "([site](htt") wait for it rather than flash as brackets.
  const citation = CITATION_LINK_AT_END.exec(text);
  if (citation && citation.index < codeStart && !isEscaped(text, citation.index)) {
    return text.slice(0, citation.index).trimEnd();
  }
  // [text](partial-url  or  ![alt](partial-url
  const partialTarget = /(!?)\[([^[\]]*)\]\([^)]*$/.exec(text);
  if (partialTarget && partialTarget.index < codeStart && !isEscaped(text, partialTarget.index)) {
    const label = partialTarget[1] ? "" : partialTarget[2]!;
    return text.slice(0, partialTarget.index) + label;
  }
  // [text]  or  [text  at the very end: a link whose target has not arrived yet.
  const partialLabel = /(!?)\[([^[\]]*)\]?$/.exec(text);
  if (
    partialLabel &&
    partialLabel.index < codeStart &&
    !isEscaped(text, partialLabel.index) &&
    !/^\s*$|^[ xX]$/.test(partialLabel[2]!)
  ) {
    const label = partialLabel[1] ? "" : partialLabel[2]!;
    return text.slice(0, partialLabel.index) + label;
  }
  return text;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 1;
}

function repairInlineCode(text: string): string {
  const runs = text.match(/`+/g);
  if (!runs) return text;
  const singles = runs.filter((run) => run.length === 1).length;
  if (singles % 2 === 0) return text;
  const last = text.lastIndexOf("`");
  if (text.slice(last + 1).trim() === "") return text.slice(0, last).trimEnd();
  return text + "`";
}

function endsInsideCodeSpan(text: string): boolean {
  return /`[^`]*$/.test(maskCodeSpans(text));
}

function maskCodeSpans(text: string): string {
  return text.replace(/`[^`]*`/g, (span) => " ".repeat(span.length));
}

function balanceMarker(text: string, masked: string, marker: string): string {
  let count = 0;
  let last = -1;
  for (
    let index = masked.indexOf(marker);
    index !== -1;
    index = masked.indexOf(marker, index + 2)
  ) {
    if (!isEscaped(masked, index)) {
      count++;
      last = index;
    }
  }
  if (count % 2 === 0) return text;
  const rest = text.slice(last + marker.length);
  if (rest.trim() === "") return text.slice(0, last).trimEnd();
  return text.trimEnd() + marker;
}

function balanceSingleStar(text: string): string {
  const masked = maskCodeSpans(text)
    .replace(/\*\*/g, "  ")
    .replace(/^( {0,3})\* /gm, "$1  ");
  const stars: number[] = [];
  for (let index = masked.indexOf("*"); index !== -1; index = masked.indexOf("*", index + 1)) {
    if (!isEscaped(masked, index)) stars.push(index);
  }
  if (stars.length % 2 === 0) return text;
  const last = stars[stars.length - 1]!;
  const rest = text.slice(last + 1);
  if (rest.trim() === "") return text.slice(0, last).trimEnd();
  if (/^\s/.test(rest)) return text;
  return text.trimEnd() + "*";
}
