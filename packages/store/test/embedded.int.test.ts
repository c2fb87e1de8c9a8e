import { describeStoreConformance } from "./conformance";
import { openTempStore } from "./support/temp-store";

describeStoreConformance("embedded engine", () => openTempStore());
