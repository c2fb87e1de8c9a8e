import { availableParallelism, cpus, loadavg, release, totalmem, type, arch } from "node:os";

/** What the numbers were measured on: they mean little without it. */
export function describeMachine(now: Date): string {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  return [
    `machine: ${model}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `runtime: Node ${process.version} on ${type()} ${release()} (${arch()})`,
    `date:    ${now.toISOString()}   load average before start: ${load}`,
    "",
  ].join("\n");
}
