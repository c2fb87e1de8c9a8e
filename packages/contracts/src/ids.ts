import { uuidv7 } from "uuidv7";

/** A new identifier for an aggregate or an event: UUIDv7, so ids sort by creation time. */
export function newId(): string {
  return uuidv7();
}
