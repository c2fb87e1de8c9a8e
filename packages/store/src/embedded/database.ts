import { join } from "node:path";
import type { Database, Document } from "../collection";
import { CollectionEngine } from "./collection-engine";
import type { Durability } from "./durability";
import { EmbeddedCollection } from "./embedded-collection";
import { JournalWriter } from "./journal-file";
import { parseStorageName } from "./names";

/** One folder; one journal file per collection, created on the collection's first write. */
export class EmbeddedDatabase implements Database {
  private readonly collections = new Map<string, EmbeddedCollection>();

  constructor(
    readonly databaseName: string,
    private readonly directory: string,
    private readonly durability: Durability,
    private readonly engines: Map<string, CollectionEngine>,
  ) {}

  collection<T extends Document = Document>(name: string): EmbeddedCollection<T> {
    this.durability.assertOpen();
    let collection = this.collections.get(name);
    if (!collection) {
      const engine = this.engine(parseStorageName("collection", name));
      collection = new EmbeddedCollection(
        name,
        engine,
        () => this.durability.assertOpen(),
        (other) => (this.engines.has(other) ? this.engine(other).allDocuments() : []),
      );
      this.collections.set(name, collection);
    }
    return collection as unknown as EmbeddedCollection<T>;
  }

  private engine(name: string): CollectionEngine {
    let engine = this.engines.get(name);
    if (!engine) {
      engine = new CollectionEngine(`${this.databaseName}.${name}`, new JournalWriter(journalPath(this.directory, name)), this.durability);
      this.engines.set(name, engine);
    }
    return engine;
  }
}

export function journalPath(databaseDirectory: string, collection: string): string {
  return join(databaseDirectory, `${collection}.jsonl`);
}
