import { runService } from "@lienthong/subgraph/run-service";
import { buildApp } from "./app";
import { directoryEnvSchema } from "./config";

await runService({ name: "directory", env: directoryEnvSchema, build: buildApp });
