import { mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

// Every test here starts whole platforms as processes: one file at a time keeps two cores from thrashing.
export default mergeConfig(shared, { test: { fileParallelism: false } });
