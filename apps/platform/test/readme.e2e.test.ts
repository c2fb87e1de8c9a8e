import { describe, expect, it, onTestFinished } from "vitest";
import { freePort } from "@lienthong/testing/free-port";
import { tempDir } from "@lienthong/testing/temp-dir";
import { startPlatformProcess } from "./support/platform-process";
import { readmeExamples, resolveVariables, valueAt, type ReadmeExample } from "./support/readme-examples";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

describe("the README's examples, run as written against pnpm start", { timeout: 240_000 }, () => {
  it("every marked query and mutation succeeds in order, and every report URL answers CSV through the gateway", async () => {
    const examples = readmeExamples();
    expect(examples.filter((example) => example.kind === "graphql").length).toBeGreaterThanOrEqual(12);
    expect(examples.filter((example) => example.kind === "report").length).toBeGreaterThanOrEqual(2);

    const data = tempDir("platform-readme-");
    onTestFinished(data.remove);
    const platform = await startPlatformProcess(data.path, await freePort());
    const origin = new URL(platform.url).origin;
    const headersFor = (example: ReadmeExample): Record<string, string> =>
      example.who === "anonymous" ? {} : { authorization: `Bearer ${platform.token(example.who)}` };
    const known = new Map<string, string>();

    for (const example of examples) {
      const where = `README line ${example.line}`;
      if (example.kind === "report") {
        expect(example.code, where).toContain('-H "authorization: Bearer $TOKEN"');
        const url = /'http:\/\/127\.0\.0\.1:4000(\/reports\/[^']+)'/.exec(example.code)?.[1];
        expect(url, `${where}: a report URL on the gateway's port`).toBeDefined();
        const response = await fetch(`${origin}${url}`, { headers: headersFor(example) });
        expect(response.status, where).toBe(200);
        expect(response.headers.get("content-type"), where).toBe("text/csv; charset=utf-8");
        // A header row and one row for the one unit asked for (headers may change language; the count does not).
        expect((await response.text()).trimEnd().split(/\r?\n/), where).toHaveLength(2);
        expect((await fetch(`${origin}${url}`)).status, `${where} without a token`).toBe(401);
        continue;
      }

      const response = await fetch(platform.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headersFor(example) },
        body: JSON.stringify({ query: example.code, variables: resolveVariables(example, known) }),
      });
      const answer = (await response.json()) as Answer;
      assertNoEnglish(answer);
      expect(answer.errors, where).toBeUndefined();
      expect(answer.data, where).toBeTruthy();
      // A mutation's refusal is data, not an error: each payload must be the success member of its union.
      for (const [field, payload] of Object.entries(answer.data ?? {})) {
        const typename = valueAt(payload, ["__typename"]);
        if (typename !== undefined) expect(typename, `${where}: ${field} answered ${JSON.stringify(payload)}`).toMatch(/Success$/);
      }
      if (example.saves) {
        const value = valueAt(answer.data, example.saves.path);
        expect(value, `${where}: ${example.saves.path.join(".")}`).toEqual(expect.any(String));
        known.set(example.saves.placeholder, value as string);
      }
    }

    expect([...known.keys()].sort()).toEqual(["<officer id>", "<programme id>", "<task id>"]);
  });
});
