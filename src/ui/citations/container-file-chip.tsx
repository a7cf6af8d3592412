import { useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useStrings } from "../strings/strings-context.js";
import { defaultFileChipStrings } from "../strings/file-chip-strings.js";
import { FileConnectionContext, type FileConnection } from "./file-connection.js";

/** The connection of the enclosing `<FileConnectionProvider>` (default `/api/openai/v1`). */
export function useFileConnection(): FileConnection {
  return useContext(FileConnectionContext);
}

/** The URL of a container file's bytes: `GET {baseURL}/containers/{id}/files/{file_id}/content`. */
export function containerFileContentUrl(
  connection: FileConnection,
  containerId: string,
  fileId: string,
): string {
  // The browser client's default, as the conversation's own requests use without an endpoint.
  const base = (connection.baseURL ?? "/api/openai/v1").replace(/\/+$/, "");
  return `${base}/containers/${encodeURIComponent(containerId)}/files/${encodeURIComponent(fileId)}/content`;
}

/** Props of {@link ContainerFileChip}. */
export interface ContainerFileChipProps {
  /** The code interpreter container holding the file. */
  containerId: string;
  /** The file's id inside the container. */
  fileId: string;
  /** The name to show and save the file under; the file id when the citation has none. */
  filename?: string | undefined;
}

/** Where a chip's download is: nothing asked yet, on its way, or failed (with why). */
type DownloadState =
  { kind: "idle" } | { kind: "downloading" } | { kind: "failed"; message: string };

/**
 * A file the code interpreter wrote, cited by the model: its name, a file icon and a button
 * that downloads it through the conversation's endpoint
 * (`GET {endpoint}/containers/{id}/files/{file_id}/content`, which the proxy serves only to
 * the user whose response made the container) and saves it under its name.
 */
export function ContainerFileChip({
  containerId,
  fileId,
  filename,
}: ContainerFileChipProps): ReactNode {
  // The chip's defaults load with it; a `<StringsProvider>` override still wins.
  const ui = useStrings();
  const downloadFile = ui.downloadFile ?? defaultFileChipStrings.downloadFile;
  const downloadFailed = ui.downloadFailed ?? defaultFileChipStrings.downloadFailed;
  const connection = useFileConnection();
  const name = filename || fileId;
  const [state, setState] = useState<DownloadState>({ kind: "idle" });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const download = async () => {
    setState({ kind: "downloading" });
    const failure = await fetchAndSave(connection, containerId, fileId, name);
    if (!mounted.current) return;
    setState(
      failure === null
        ? { kind: "idle" }
        : { kind: "failed", message: downloadFailed(name, failure.status) },
    );
  };

  const busy = state.kind === "downloading";
  return (
    <span className="colloquy-file-chip" data-state={state.kind}>
      <span className="colloquy-file-chip__body">
        <svg
          className="colloquy-file-chip__icon"
          viewBox="0 0 16 16"
          width="16"
          height="16"
          aria-hidden="true"
        >
          <path
            d="M4 1.75h5L12.5 5.25v9h-8.5zM9 1.75v3.5h3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
            strokeLinejoin="round"
          />
        </svg>
        <span className="colloquy-file-chip__name" title={name}>
          {name}
        </span>
        <button
          type="button"
          className="colloquy-file-chip__download"
          aria-label={downloadFile(name)}
          aria-busy={busy || undefined}
          onClick={() => {
            if (!busy) void download();
          }}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              d="M8 2.5v8M4.5 7.5L8 11l3.5-3.5M3 13.5h10"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      </span>
      {state.kind === "failed" ? (
        <span className="colloquy-file-chip__error" role="alert">
          {state.message}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Fetches the file and hands it to the browser's download under `name`; `null` on success,
 * else the HTTP status (`undefined` when the server could not be reached).
 */
async function fetchAndSave(
  connection: FileConnection,
  containerId: string,
  fileId: string,
  name: string,
): Promise<{ status: number | undefined } | null> {
  // Bound: a browser's fetch called as a method of another object throws.
  const fetchImpl = connection.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    const headers =
      typeof connection.headers === "function"
        ? await connection.headers()
        : (connection.headers ?? {});
    response = await fetchImpl(containerFileContentUrl(connection, containerId, fileId), {
      headers,
    });
  } catch {
    return { status: undefined };
  }
  if (!response.ok) return { status: response.status };
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    return { status: undefined };
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the object URL when the download starts, a moment after the click.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return null;
}
