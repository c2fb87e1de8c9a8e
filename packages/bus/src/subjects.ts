/** NATS subject matching: `*` matches one token, a trailing `>` matches one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const wanted = filter.split(".");
  const actual = subject.split(".");
  for (const [index, token] of wanted.entries()) {
    if (token === ">") return index === wanted.length - 1 && actual.length > index;
    const candidate = actual[index];
    if (candidate === undefined || (token !== "*" && token !== candidate)) return false;
  }
  return wanted.length === actual.length;
}

/** `lt.social-cases.case.opened.v1` → `social-cases`. */
export function serviceOfSubject(subject: string): string {
  const service = subject.split(".")[1];
  if (service === undefined || service === "" || service === "*" || service === ">") {
    throw new Error(`subject: ${subject} does not name a service (expected lt.<service>.…)`);
  }
  return service;
}

/** One stream per service: `social-cases` → `LT_SOCIAL_CASES`. */
export function streamNameOf(service: string): string {
  return `LT_${service.toUpperCase().replace(/-/g, "_")}`;
}

/** Dead letters live under `lt.dlq.>` in stream `LT_DLQ`, as if `dlq` were a service. */
export const DEAD_LETTER_SERVICE = "dlq";
export const DEAD_LETTER_STREAM = streamNameOf(DEAD_LETTER_SERVICE);

/** JetStream names may not contain dots: `tasks.on-unit-renamed` → `tasks_on-unit-renamed`. */
export function consumerNameOf(durable: string): string {
  return durable.replace(/\./g, "_");
}

export function deadLetterSubjectOf(durable: string): string {
  return `lt.dlq.${consumerNameOf(durable)}`;
}
