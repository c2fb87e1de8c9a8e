import { tempDir } from "@lienthong/testing/temp-dir";
import { openEmbeddedStore, type EmbeddedStore, type EmbeddedStoreOptions } from "../../src/embedded";

export async function makeTempDir(): Promise<string> {
  return tempDir("lienthong-store-").path;
}

/** An embedded store in its own temp folder; closing it removes the folder. */
export async function openTempStore(options: Omit<EmbeddedStoreOptions, "dir"> = {}): Promise<EmbeddedStore> {
  const dir = tempDir("lienthong-store-");
  const store = await openEmbeddedStore({ ...options, dir: dir.path });
  return {
    db: (name) => store.db(name),
    stats: () => store.stats(),
    close: async () => {
      try {
        await store.close();
      } finally {
        await dir.remove();
      }
    },
  };
}
