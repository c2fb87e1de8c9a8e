import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { tempDir } from "../src/temp-dir";

describe("tempDir", () => {
  it("creates a fresh empty directory under the OS temp folder, a different one each time", () => {
    const first = tempDir("store-");
    const second = tempDir("store-");
    onTestFinished(first.remove);
    onTestFinished(second.remove);
    expect(first.path).not.toBe(second.path);
    expect(dirname(first.path)).toBe(tmpdir());
    expect(basename(first.path)).toMatch(/^store-/);
    expect(readdirSync(first.path)).toEqual([]);
  });

  it("remove() deletes the directory with everything in it and may be called twice", async () => {
    const dir = tempDir();
    mkdirSync(join(dir.path, "nested", "deeper"), { recursive: true });
    writeFileSync(join(dir.path, "nested", "deeper", "journal.jsonl"), "{}\n");
    await dir.remove();
    expect(existsSync(dir.path)).toBe(false);
    await expect(dir.remove()).resolves.toBeUndefined();
  });

  it("keeps a prefix with path separators inside the temp folder", () => {
    const dir = tempDir("../escape/");
    onTestFinished(dir.remove);
    expect(dirname(dir.path)).toBe(tmpdir());
  });
});
