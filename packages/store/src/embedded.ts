import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Store } from "./collection";
import type { CollectionEngine } from "./embedded/collection-engine";
import { EmbeddedDatabase } from "./embedded/database";
import { lockDirectory } from "./embedded/directory-lock";
import { Durability, type FsyncPolicy } from "./embedded/durability";
import { parseStorageName } from "./embedded/names";
import { restoreDatabases } from "./embedded/restore";

export type { FsyncPolicy };
export type { EmbeddedDatabase } from "./embedded/database";
export type { EmbeddedCollection, CollectionStats } from "./embedded/embedded-collection";
export { JournalCorruptError } from "./embedded/journal-file";

const optionsSchema = z.object({
  dir: z.string().min(1, "must name the data folder"),
  fsync: z.enum(["always", "batch", "never"]).default("batch"),
  /** Compact a journal at open once it holds at least this many superseded lines (and more than live ones). */
  compactAfterSupersededLines: z.number().int().positive().default(1000),
});

export type EmbeddedStoreOptions = z.input<typeof optionsSchema>;

export interface EmbeddedStore extends Store {
  db(name: string): EmbeddedDatabase;
  stats(): { fsync: FsyncPolicy; fsyncCount: number };
}

/**
 * Opens (creating if needed) an embedded store: `<dir>/<db>/<collection>.jsonl`, one append-only
 * journal per collection, replayed and compacted here. Writes resolve once durable per `fsync`
 * (default "batch": group commit). One process per folder (a LOCK file guards it).
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(
      `invalid embedded store options: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  const { dir, fsync, compactAfterSupersededLines } = parsed.data;
  await mkdir(dir, { recursive: true });
  const lock = await lockDirectory(dir);
  const durability = new Durability(fsync);
  let restored: Map<string, Map<string, CollectionEngine>>;
  try {
    restored = await restoreDatabases(dir, durability, compactAfterSupersededLines);
  } catch (error) {
    await lock.release();
    throw error;
  }
  const databases = new Map<string, EmbeddedDatabase>();
  return {
    db(name: string): EmbeddedDatabase {
      durability.assertOpen();
      let database = databases.get(name);
      if (!database) {
        const folder = parseStorageName("database", name);
        database = new EmbeddedDatabase(folder, join(dir, folder), durability, restored.get(folder) ?? new Map());
        databases.set(name, database);
      }
      return database;
    },
    stats: () => ({ fsync, fsyncCount: durability.fsyncCount }),
    async close(): Promise<void> {
      try {
        await durability.close();
      } finally {
        await lock.release();
      }
    },
  };
}
