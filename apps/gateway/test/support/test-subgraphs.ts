import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { createYoga } from "graphql-yoga";

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /** Headers of every GraphQL request the subgraph received, in order. */
  received: IncomingHttpHeaders[];
  close(): Promise<void>;
}

interface UnitRecord {
  code: string;
  name: string;
  parentCode?: string;
}

const UNITS: UnitRecord[] = [
  { code: "79000", name: "Thành phố Hồ Chí Minh" },
  { code: "26734", name: "Phường Sài Gòn", parentCode: "79000" },
];

/** Owns `Unit` (key `code`); `parent` allows arbitrarily deep queries. */
export const UNITS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Unit @key(fields: "code") {
    code: String!
    name: String!
    parent: Unit
  }
  type Query {
    unit(code: String!): Unit
    "Answers after the given delay, to hold a request in flight."
    slowEcho(text: String!, delayMs: Int!): String!
  }
`;

/** Extends `Unit` with a field of its own. */
export const TASKS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Unit @key(fields: "code") {
    code: String!
    openTasks: Int!
  }
  type Query {
    taskCount: Int!
  }
`;

const unitByCode = (code: string) => UNITS.find((unit) => unit.code === code) ?? null;

export async function startUnitsSubgraph(port = 0): Promise<RunningSubgraph & { slowEchoesStarted: () => number }> {
  let slowEchoesStarted = 0;
  const running = await serve("units", port, UNITS_SDL, {
    Query: {
      unit: (_: unknown, { code }: { code: string }) => unitByCode(code),
      slowEcho: async (_: unknown, { text, delayMs }: { text: string; delayMs: number }) => {
        slowEchoesStarted += 1;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return text;
      },
    },
    Unit: {
      __resolveReference: ({ code }: { code: string }) => unitByCode(code),
      parent: (unit: UnitRecord) => (unit.parentCode ? unitByCode(unit.parentCode) : null),
    },
  });
  return { ...running, slowEchoesStarted: () => slowEchoesStarted };
}

/** Answers a request that is not for /graphql; returns false to let yoga answer it (404 and so on). */
export type OtherRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

export function startTasksSubgraph(port = 0, routes?: OtherRoutes): Promise<RunningSubgraph> {
  return serve(
    "tasks",
    port,
    TASKS_SDL,
    {
      Query: { taskCount: () => 3 },
      Unit: {
        __resolveReference: ({ code }: { code: string }) => ({ code }),
        openTasks: ({ code }: { code: string }) => (code === "26734" ? 3 : 0),
      },
    },
    routes,
  );
}

async function serve(
  name: string,
  port: number,
  sdl: string,
  resolvers: Record<string, Record<string, unknown>>,
  routes?: OtherRoutes,
): Promise<RunningSubgraph> {
  const yoga = createYoga({ schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never }), logging: false });
  const received: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/graphql")) received.push(req.headers);
    else if (routes?.(req, res)) return;
    void yoga(req, res);
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const actualPort = (server.address() as AddressInfo).port;
  return {
    name,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/graphql`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port that nothing listens on right now (a subgraph that is down). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
