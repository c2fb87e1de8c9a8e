import { open, readFile, realpath, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const openInThisProcess = new Set<string>();

export interface DirectoryLock {
  release(): Promise<void>;
}

/**
 * One engine per data folder: two engines appending to the same journals would corrupt them.
 * The LOCK file holds the owner's pid; a lock left by a process that no longer runs (a crash) is taken over.
 */
export async function lockDirectory(directory: string): Promise<DirectoryLock> {
  const canonical = await realpath(directory);
  if (openInThisProcess.has(canonical))
    throw new Error(`the embedded store in ${directory} is already open in this process; close it before opening it again`);
  const lockPath = join(directory, "LOCK");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      openInThisProcess.add(canonical);
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          openInThisProcess.delete(canonical);
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `the embedded store in ${directory} is in use by process ${owner}; if no such process uses it, delete ${lockPath}`,
          { cause: error },
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${lockPath}: another process keeps taking it`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/** A killed process nobody has reaped yet still answers signal 0, but it holds no files any more. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}
