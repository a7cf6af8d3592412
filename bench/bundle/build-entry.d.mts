/** The measured initial JavaScript of one production build. */
export interface EntrySize {
  /** Minified bytes of the entry chunk and its static imports. */
  minBytes: number;
  /** The same, gzipped at level 9. */
  gzipBytes: number;
  /** Gzipped bytes of chunks loaded only on demand (dynamic imports). */
  lazyGzipBytes: number;
  /** Each chunk loaded on demand, largest first. */
  lazyChunks: LazyChunk[];
  /** Every module id in the initial chunks. */
  modules: string[];
}

/** One chunk loaded on demand. */
export interface LazyChunk {
  /** The chunk's name (its entry module's name, without the hash). */
  name: string;
  /** Its gzipped size at level 9. */
  gzipBytes: number;
}

/** One of Vite's `resolve.alias` entries. */
export interface EntryAlias {
  /** The import specifier it matches. */
  find: RegExp;
  /** The file it resolves to. */
  replacement: string;
}

/** A package kept out of browser bundles, and what to do instead. */
export interface ForbiddenPackage {
  /** The package name. */
  name: string;
  /** Matches its module ids. */
  pattern: RegExp;
  /** How to keep it out. */
  why: string;
}

/** Aliases pointing `colloquy`, `colloquy/react` and `colloquy/ui` at the sources under `root`. */
export function sourceAliases(root: string): EntryAlias[];

/**
 * Builds one entry (absolute path) for production with React left out, and measures it;
 * `options.alias` resolves import names (see `sourceAliases`).
 */
export function buildEntry(entry: string, options?: { alias?: EntryAlias[] }): Promise<EntrySize>;

/** Packages that must never reach a browser bundle's chat path. */
export const FORBIDDEN_IN_BROWSER: ForbiddenPackage[];

/** The forbidden packages found among a bundle's modules. */
export function forbiddenModules(modules: string[]): ForbiddenPackage[];

/** One standalone script of a build: a single file a page loads with a script tag. */
export interface ScriptSize {
  /** The file's name, e.g. `colloquy-chat.js`. */
  fileName: string;
  /** Minified bytes. */
  minBytes: number;
  /** Gzipped at level 9. */
  gzipBytes: number;
  /** Every module id in the file. */
  modules: string[];
}

/** Builds the standalone `<colloquy-chat>` scripts with `configFile` in memory, and measures them. */
export function buildStandaloneScripts(configFile: string): Promise<ScriptSize[]>;
