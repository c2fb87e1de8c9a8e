import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { CollectionEngine } from "./collection-engine";
import { journalPath } from "./database";
import type { Durability } from "./durability";
import { JournalWriter, readJournal, removeLeftoverCompaction, rewriteJournal } from "./journal-file";
import { storageNameSchema } from "./names";

const JOURNAL_SUFFIX = ".jsonl";

/** Replays every journal under the data folder: database name → collection name → engine. */
export async function restoreDatabases(
  root: string,
  durability: Durability,
  compactAfterSupersededLines: number,
): Promise<Map<string, Map<string, CollectionEngine>>> {
  const databases = new Map<string, Map<string, CollectionEngine>>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !storageNameSchema.safeParse(entry.name).success) continue;
    const directory = join(root, entry.name);
    const engines = new Map<string, CollectionEngine>();
    for (const file of await readdir(directory)) {
      const name = file.slice(0, -JOURNAL_SUFFIX.length);
      if (!file.endsWith(JOURNAL_SUFFIX) || !storageNameSchema.safeParse(name).success) continue;
      engines.set(name, await restoreCollection(entry.name, name, journalPath(directory, name), durability, compactAfterSupersededLines));
    }
    databases.set(entry.name, engines);
  }
  return databases;
}

async function restoreCollection(
  database: string,
  name: string,
  path: string,
  durability: Durability,
  compactAfterSupersededLines: number,
): Promise<CollectionEngine> {
  // A crash during compaction leaves the temp file beside an intact journal (the rename never happened).
  await removeLeftoverCompaction(path);
  const { records } = await readJournal(path);
  const engine = new CollectionEngine(`${database}.${name}`, new JournalWriter(path), durability);
  try {
    engine.restore(records);
  } catch (error) {
    throw new Error(`journal ${path} cannot be replayed: ${(error as Error).message}`, { cause: error });
  }
  const live = engine.liveLines();
  const superseded = records.length - live.length;
  if (superseded >= Math.max(compactAfterSupersededLines, engine.documentCount)) await rewriteJournal(path, live);
  return engine;
}
