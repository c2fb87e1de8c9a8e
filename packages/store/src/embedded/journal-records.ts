import { z } from "zod";
import type { Document } from "../collection";
import type { IndexDefinition } from "./secondary-index";
import { decodeValue, encodeValue } from "./values";

/** One line of a collection journal: a whole document written, a document removed, or an index declared. */
export type JournalRecord = { op: "put"; doc: Document } | { op: "delete"; id: unknown } | ({ op: "index" } & IndexDefinition);

const present = (value: unknown): boolean => value !== undefined && value !== null;

const recordSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("put"),
    doc: z.record(z.string(), z.unknown()).refine((doc) => present(doc._id), "the document has no _id"),
  }),
  z.object({ op: z.literal("delete"), id: z.unknown().refine(present, "is required") }),
  z.object({
    op: z.literal("index"),
    name: z.string().min(1),
    key: z.record(z.string(), z.union([z.literal(1), z.literal(-1)])).refine((key) => Object.keys(key).length > 0, "needs a field"),
    unique: z.boolean(),
  }),
]);

export function encodeRecord(record: JournalRecord): string {
  return `${JSON.stringify(encodeValue(record))}\n`;
}

export type ParsedLine = { ok: true; record: JournalRecord } | { ok: false; reason: string };

export function parseRecord(line: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const result = recordSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, reason: result.error.issues.map((issue) => `${issue.path.join(".") || "(record)"}: ${issue.message}`).join("; ") };
  }
  try {
    return { ok: true, record: decodeValue(result.data) as JournalRecord };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
