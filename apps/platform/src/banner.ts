import { DEMO_WARDS } from "./demo-people";
import type { DemoUser } from "./platform";

export interface BannerFacts {
  graphqlUrl: string;
  demoUsers: readonly DemoUser[];
  /** Where the data is kept: "MongoDB" or the data directory. */
  data: string;
  bus: string;
}

/** The tasks report of the demo wards, through the gateway (same port, same token as GraphQL). */
export function demoReportUrl(graphqlUrl: string): string {
  const url = new URL("/reports/tasks.csv", graphqlUrl);
  url.search = `units=${DEMO_WARDS.map((ward) => ward.code).join(",")}`;
  return url.toString();
}

/** What `pnpm start` prints: the one URL a user needs, a ready-to-copy report download, and the demo tokens. */
export function startupBanner({ graphqlUrl, demoUsers, data, bus }: BannerFacts): string {
  const reportUrl = demoReportUrl(graphqlUrl);
  const cityAdmin = demoUsers.find((user) => user.label === "city admin");
  const lines = [
    "",
    "Liên Thông is running.",
    `  GraphQL and GraphiQL: ${graphqlUrl}`,
    `  CSV reports:          ${new URL("/reports/tasks.csv", graphqlUrl).toString()} (same token as GraphQL)`,
    `  data:                 ${data}`,
    `  bus:                  ${bus}`,
    "",
    ...(demoUsers.length === 0
      ? ["Tokens come from the identity provider (AUTH_JWKS_URL); no demo data or development tokens."]
      : [
          "Development tokens (send as the header  Authorization: Bearer <token>):",
          ...demoUsers.map((user) => `  ${user.label.padEnd(18)} ${user.principal.name}\n    ${user.token}`),
        ]),
    ...(cityAdmin
      ? [
          "",
          "Download the demo wards' task report as the city admin:",
          `curl -sS -H "authorization: Bearer ${cityAdmin.token}" -o tasks-report.csv '${reportUrl}'`,
        ]
      : []),
    "",
    "Stop with Ctrl+C.",
    "",
  ];
  return lines.join("\n");
}
