import { MongoClient } from "mongodb";
import { z } from "zod";
import type { Store } from "./collection";

const urlSchema = z
  .string()
  .regex(/^mongodb(\+srv)?:\/\//, "must be a MongoDB connection string starting with mongodb:// or mongodb+srv://");

/**
 * Connects the official driver. `db(name)` is the driver's own `Db` (driver-compat.ts proves it
 * satisfies `Database`), so services run on the real driver with no adapter in between.
 */
export async function connectMongo(url: string): Promise<Store> {
  const parsed = urlSchema.safeParse(url);
  if (!parsed.success) throw new Error(`invalid MongoDB url: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  const client = new MongoClient(parsed.data);
  await client.connect();
  return {
    db: (name: string) => client.db(name),
    close: () => client.close(),
  };
}
