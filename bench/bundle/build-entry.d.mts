/** The measured initial JavaScript of one production build. */
export interface EntrySize {
  /** Minified bytes of the entry chunk and its static imports. */
  minBytes: number;
  /** The same, gzipped at level 9. */
  gzipBytes: number;
  /** Gzipped bytes of chunks loaded only on demand (dynamic imports). */
  lazyGzipBytes: number;
  /** Every module id in the initial chunks. */
  modules: string[];
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

/** Builds one entry (absolute path) for production with React left out, and measures it. */
export function buildEntry(entry: string): Promise<EntrySize>;

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
