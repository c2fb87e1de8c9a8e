import { readFileSync } from "node:fs";

export const README = new URL("../../../../README.md", import.meta.url).pathname;

/** One example of the README, marked `<!-- readme-example: WHO[; "<placeholder>" = result.path] -->` above its code block. */
export interface ReadmeExample {
  /** 1-based line of the marker, for failure messages. */
  line: number;
  kind: "graphql" | "report";
  /** "anonymous", or the label of a token `pnpm start` prints ("ward admin 26740"). */
  who: string;
  code: string;
  /** The JSON block right after a GraphQL block: its variables, placeholders unresolved. */
  variables?: string;
  /** A placeholder the answer fills for later examples: `"<task id>" = addTask.task.id`. */
  saves?: { placeholder: string; path: string[] };
}

const MARKER =
  /<!-- readme-example: (report )?([^;]+?)(?:; "(<[^>]+>)" = ([\w.]+))? -->\n```(graphql|sh)\n([\s\S]*?)```\n(?:\n```json\n([\s\S]*?)```\n)?/g;

/** Every marked example, in README order. */
export function readmeExamples(text = readFileSync(README, "utf8")): ReadmeExample[] {
  return [...text.matchAll(MARKER)].map((match) => {
    const [, report, who, placeholder, path, language, code, variables] = match as unknown as (string | undefined)[];
    const line = text.slice(0, match.index).split("\n").length;
    if ((report !== undefined) !== (language === "sh"))
      throw new Error(`README line ${line}: a report example is a sh block, others graphql`);
    return {
      line,
      kind: report ? "report" : "graphql",
      who: (who as string).trim(),
      code: code as string,
      ...(variables !== undefined ? { variables } : {}),
      ...(placeholder && path ? { saves: { placeholder, path: path.split(".") } } : {}),
    };
  });
}

/** The variables with every known placeholder replaced; throws on one that no earlier example filled. */
export function resolveVariables(example: ReadmeExample, known: ReadonlyMap<string, string>): Record<string, unknown> | undefined {
  if (example.variables === undefined) return undefined;
  const resolved = example.variables.replace(/"(<[^>"]+>)"/g, (_, placeholder: string) => {
    const value = known.get(placeholder);
    if (value === undefined) throw new Error(`README line ${example.line}: no earlier example fills ${placeholder}`);
    return JSON.stringify(value);
  });
  return JSON.parse(resolved) as Record<string, unknown>;
}

export function valueAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined),
    data,
  );
}
