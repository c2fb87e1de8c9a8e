import { closeSync, existsSync, fdatasync, fstatSync, ftruncateSync, mkdirSync, openSync, writeSync } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { parseRecord, type JournalRecord } from "./journal-records";

const fdatasyncAsync = promisify(fdatasync);

export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(
      `journal ${file} is corrupt at line ${line}: ${reason}. ` +
        "Lines after it cannot be trusted, so the store refuses to open; restore the file from a backup or repair that line by hand.",
    );
    this.name = "JournalCorruptError";
  }
}

export interface JournalContents {
  records: JournalRecord[];
  /** True when an incomplete last line (a write cut short by a crash) was dropped and the file truncated. */
  droppedTornTail: boolean;
}

/**
 * Reads a journal. Only the last line may be damaged: it was never acknowledged (a write resolves
 * after its whole line is synced), so it is dropped and the file truncated to the last good line.
 */
export async function readJournal(path: string): Promise<JournalContents> {
  const buffer = await readFile(path);
  const records: JournalRecord[] = [];
  let position = 0;
  let line = 0;
  while (position < buffer.length) {
    line++;
    const newline = buffer.indexOf(0x0a, position);
    const end = newline === -1 ? buffer.length : newline;
    const parsed = parseRecord(buffer.toString("utf8", position, end));
    const isLastLine = newline === -1 || newline === buffer.length - 1;
    if (newline === -1 || !parsed.ok) {
      if (isLastLine) {
        await truncateFile(path, position);
        return { records, droppedTornTail: true };
      }
      throw new JournalCorruptError(path, line, parsed.ok ? "incomplete line" : parsed.reason);
    }
    records.push(parsed.record);
    position = newline + 1;
  }
  return { records, droppedTornTail: false };
}

async function truncateFile(path: string, length: number): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces a journal with the given lines atomically: temp file, fsync, rename, fsync directory. */
export async function rewriteJournal(path: string, lines: string[]): Promise<void> {
  const temporary = `${path}.compacting`;
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(lines.join(""));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

export async function removeLeftoverCompaction(path: string): Promise<void> {
  await rm(`${path}.compacting`, { force: true });
}

export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The open end of a journal. Appends are synchronous (they land in the OS page cache in the same
 * tick as the in-memory change, so file order equals the order changes became visible); durability
 * comes from `sync`, which the store's durability policy schedules.
 */
export class JournalWriter {
  private fd: number | null = null;
  private size = 0;
  writtenSeq = 0;
  syncedSeq = 0;

  private readonly directoriesToSync: string[] = [];
  private directorySync: Promise<void> | null = null;

  constructor(readonly path: string) {}

  /** Appends whole lines; on failure (disk full) the file is cut back so no partial line stays behind. */
  append(text: string, seq: number): void {
    if (this.fd === null) {
      this.createFileIfMissing();
      this.fd = openSync(this.path, "a");
      this.size = fstatSync(this.fd).size;
    }
    const fd = this.fd;
    const bytes = Buffer.from(text, "utf8");
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    } catch (error) {
      ftruncateSync(fd, this.size);
      throw error;
    }
    this.size += bytes.length;
    this.writtenSeq = seq;
  }

  private createFileIfMissing(): void {
    const directory = dirname(this.path);
    if (!existsSync(directory)) {
      mkdirSync(directory, { recursive: true });
      this.directoriesToSync.push(directory, dirname(directory));
    } else if (!existsSync(this.path)) {
      this.directoriesToSync.push(directory);
    }
  }

  get hasUnsyncedWrites(): boolean {
    return this.writtenSeq > this.syncedSeq;
  }

  async sync(): Promise<void> {
    if (this.fd === null) return;
    const upTo = this.writtenSeq;
    await fdatasyncAsync(this.fd);
    // A new file (or a new database folder) exists durably only once its directory entry is synced.
    if (this.directoriesToSync.length > 0) await this.syncDirectoriesOnce();
    this.syncedSeq = Math.max(this.syncedSeq, upTo);
  }

  private syncDirectoriesOnce(): Promise<void> {
    this.directorySync ??= (async () => {
      for (const directory of this.directoriesToSync) await syncDirectory(directory);
      this.directoriesToSync.length = 0;
    })().finally(() => {
      this.directorySync = null;
    });
    return this.directorySync;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
