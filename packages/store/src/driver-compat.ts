import type { Collection as DriverCollection, Db as DriverDb, MongoClient } from "mongodb";
import type { Collection, Database, Document } from "./collection";

// Compile-time proof that production can hand the driver's objects to services unchanged.
// If the driver or our interface drifts, `pnpm typecheck` fails here.
type Assert<T extends true> = T;
interface Sample extends Document {
  _id: string;
  unit: string;
  tags: string[];
}
export type DriverCollectionSatisfiesInterface = Assert<DriverCollection<Sample> extends Collection<Sample> ? true : false>;
export type DriverDbSatisfiesInterface = Assert<DriverDb extends Database ? true : false>;
export type DriverClientProvidesDatabases = Assert<MongoClient["db"] extends (name: string) => DriverDb ? true : false>;
