/** Strings of the chip that downloads a file the code interpreter wrote. */
export interface FileChipStrings {
  /** Accessible name of a file chip's download button, with the file's name. */
  downloadFile: (filename: string) => string;
  /**
   * Why a download failed, from the HTTP status (`undefined` when the server could not be
   * reached), with the file's name.
   */
  downloadFailed: (filename: string, status: number | undefined) => string;
}

/** The English defaults; they load with the chip, not with `defaultStrings`. */
export const defaultFileChipStrings: FileChipStrings = {
  downloadFile: (filename) => `Download ${filename}`,
  downloadFailed: (filename, status) =>
    status === 404
      ? `${filename} is no longer available: its container has expired, or it belongs to another user.`
      : status === 401 || status === 403
        ? `You are not allowed to download ${filename}. Sign in again and retry.`
        : status === undefined
          ? `Could not download ${filename}: the server could not be reached. Check the connection and retry.`
          : `Could not download ${filename} (HTTP ${status}). Retry in a moment.`,
};
