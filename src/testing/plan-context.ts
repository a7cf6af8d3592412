import type { ContainerFiles } from "./container-files.js";
import type { IdFactory } from "./ids.js";

/** Things planning needs from the handler. */
export interface PlanContext {
  /** Where ids come from. */
  ids: IdFactory;
  /** Width and height of generated pictures. */
  imageSize: number;
  /** Where files the code interpreter writes are kept, to be downloaded later. */
  containerFiles: ContainerFiles;
  /** Unix seconds of the request, for the files it makes. */
  createdAt: number;
}
