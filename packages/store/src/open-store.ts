import { connectMongo } from "./mongo";
import { openEmbeddedStore } from "./embedded";
import type { Store } from "./collection";

/** MongoDB when a URL is configured, otherwise the embedded engine in `dataDir` (one folder per service database). */
export function openStore(options: { dataDir: string; mongodbUrl?: string | undefined }): Promise<Store> {
  return options.mongodbUrl ? connectMongo(options.mongodbUrl) : openEmbeddedStore({ dir: options.dataDir });
}
