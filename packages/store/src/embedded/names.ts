import { z } from "zod";

/** Database and collection names become folder and file names, so they are restricted to a safe alphabet. */
export const storageNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "may contain only letters, digits, '_', '-' and '.', and must start with a letter or digit");

export function parseStorageName(kind: "database" | "collection", name: unknown): string {
  const result = storageNameSchema.safeParse(name);
  if (!result.success)
    throw new Error(`invalid ${kind} name ${JSON.stringify(name)}: ${result.error.issues.map((issue) => issue.message).join("; ")}`);
  return result.data;
}
