import { SCHEMA } from "../schema-file";

await SCHEMA.write();
