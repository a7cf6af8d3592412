/**
 * Annotations attached to a span of text: citations the model made while it answered.
 * Positions are UTF-16 code unit offsets into the text part's `text`, as OpenAI sends them.
 */

/** A web page the model cited (web search, or a search-preview chat model). */
export interface UrlCitation {
  /** Discriminant. */
  type: "url_citation";
  /** The cited page. */
  url: string;
  /** The page title, when the model reported one. */
  title?: string;
  /** Offset of the first cited character in the text. */
  startIndex: number;
  /** Offset one past the last cited character in the text. */
  endIndex: number;
}

/** A file from a vector store that the model cited (file search). */
export interface FileCitation {
  /** Discriminant. */
  type: "file_citation";
  /** The OpenAI file id. */
  fileId: string;
  /** The file's name, when known. */
  filename?: string;
  /** Offset in the text where the citation marker belongs. */
  index: number;
}

/** A file produced inside a code interpreter container that the model cited. */
export interface ContainerFileCitation {
  /** Discriminant. */
  type: "container_file_citation";
  /** The container holding the file. */
  containerId: string;
  /** The file id inside the container. */
  fileId: string;
  /** The file's name, when known. */
  filename?: string;
  /** Offset of the first cited character. */
  startIndex: number;
  /** Offset one past the last cited character. */
  endIndex: number;
}

/** A path to a file the model generated (Assistants-style `file_path`). */
export interface FilePathAnnotation {
  /** Discriminant. */
  type: "file_path";
  /** The OpenAI file id. */
  fileId: string;
  /** Offset in the text where the path is referenced. */
  index: number;
}

/** An annotation type this version does not know; kept verbatim so nothing is lost. */
export interface UnknownAnnotation {
  /** The wire `type`, whatever it was. */
  type: "unknown";
  /** The annotation exactly as received. */
  raw: Record<string, unknown>;
}

/** Every annotation a text part can carry, discriminated on `type`. */
export type Annotation =
  UrlCitation | FileCitation | ContainerFileCitation | FilePathAnnotation | UnknownAnnotation;
