import type { Message, PartOfType, PartType } from "../../src/core/index.js";

/** The first part of a type in a replayed message; throws when the recording has none. */
export function partOf<T extends PartType>(message: Message, type: T): PartOfType<T> {
  const part = message.parts.find((candidate) => candidate.type === type);
  if (!part) throw new Error(`The replayed message has no "${type}" part.`);
  return part as PartOfType<T>;
}

/** Every part of a type in a replayed message. */
export function partsOf<T extends PartType>(message: Message, type: T): PartOfType<T>[] {
  return message.parts.filter((candidate) => candidate.type === type) as PartOfType<T>[];
}
