import { schemaFile } from "@lienthong/subgraph/schema-file";
import { buildApp } from "./app";

export const SCHEMA = schemaFile({ name: "tasks", url: new URL("../schema.graphql", import.meta.url), build: buildApp });
