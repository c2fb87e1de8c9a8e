import type { Document, IndexSpec } from "../collection";
import { DUPLICATE_KEY } from "../collection";
import { encodeValue } from "./values";

/** A refused write, shaped like the driver's server errors (`code`, `codeName`, message). */
export class StoreWriteError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
    this.name = "StoreWriteError";
  }
}

/** Same code, message format and key fields as MongoDB's E11000 error. */
export class DuplicateKeyError extends StoreWriteError {
  constructor(
    namespace: string,
    readonly index: string,
    readonly keyPattern: IndexSpec,
    readonly keyValue: Document,
  ) {
    const rendered = Object.entries(keyValue)
      .map(([field, value]) => `${field}: ${JSON.stringify(encodeValue(value))}`)
      .join(", ");
    super(DUPLICATE_KEY, "DuplicateKey", `E11000 duplicate key error collection: ${namespace} index: ${index} dup key: { ${rendered} }`);
    this.name = "DuplicateKeyError";
  }
}

/**
 * An insertMany that stopped (ordered) or finished (unordered) with refused documents. Shaped like the
 * driver's MongoBulkWriteError: `code` of the first failure, `writeErrors` with `index`, `code`, `errmsg`.
 */
export class BulkWriteError extends StoreWriteError {
  readonly writeErrors: Array<{ index: number; code: number; errmsg: string }>;

  constructor(
    failures: Array<{ index: number; error: StoreWriteError }>,
    readonly insertedIds: Record<number, unknown>,
  ) {
    const first = (failures[0] as { error: StoreWriteError }).error;
    super(first.code, first.codeName, first.message);
    this.name = "BulkWriteError";
    this.writeErrors = failures.map(({ index, error }) => ({ index, code: error.code, errmsg: error.message }));
  }

  get insertedCount(): number {
    return Object.keys(this.insertedIds).length;
  }
}
