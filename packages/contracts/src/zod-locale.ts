import { z } from "zod";

/**
 * zod's default messages in Vietnamese (its bundled `vi` locale) for every schema in the process: users read
 * validation messages (ARCHITECTURE.md §12). zod keeps one global configuration, so importing this module once
 * anywhere before the first parse is enough; the modules every service loads import it (subgraph errors,
 * contracts errors, auth verification), so no composition root or test has to remember it.
 */
z.config(z.locales.vi());

/** The locale set above, for tests that check it is in effect. */
export const ZOD_LOCALE = "vi";
