import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEmbeddedStore, type EmbeddedStore, type EmbeddedStoreOptions } from "../../src/embedded";

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "lienthong-store-"));
}

/** An embedded store in its own temp folder; closing it removes the folder. */
export async function openTempStore(options: Omit<EmbeddedStoreOptions, "dir"> = {}): Promise<EmbeddedStore> {
  const dir = await makeTempDir();
  const store = await openEmbeddedStore({ ...options, dir });
  return {
    db: (name) => store.db(name),
    stats: () => store.stats(),
    close: async () => {
      try {
        await store.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
