import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TempDir {
  readonly path: string;
  /** Removes the directory and everything in it; safe to call twice. Pass it straight to `onTestFinished`. */
  remove: () => Promise<void>;
}

/**
 * A fresh, empty directory under the OS temp folder, unique to the caller:
 *
 *   const dir = tempDir("store-");
 *   onTestFinished(dir.remove);
 */
export function tempDir(prefix = "lienthong-"): TempDir {
  const safePrefix = prefix.replace(/[^A-Za-z0-9._-]/g, "-");
  const path = mkdtempSync(join(tmpdir(), safePrefix));
  return {
    path,
    remove: () => rm(path, { recursive: true, force: true, maxRetries: 3 }),
  };
}
