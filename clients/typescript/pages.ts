// Hand-written helpers for the generated types (./schema.d.ts): the JSON body of an answer
// or a typed error carrying its problem document, a URL with typed query parameters, and a
// walk over every page of a list. Plain `fetch`: nothing else to install.

import type { components } from "./schema.js";

export type Problem = components["schemas"]["Problem"];

/** An answer that was not a success; `problem` is its RFC 9457 document, when it had one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(`${status}: ${problem?.detail ?? "no problem document"}`);
  }
}

/** The JSON body of a successful answer, else an `ApiError` with the problem document. */
export async function expectJson<T>(response: Response): Promise<T> {
  if (response.ok) {
    return (await response.json()) as T;
  }
  const type = response.headers.get("Content-Type") ?? "";
  const problem = type.startsWith("application/problem+json")
    ? ((await response.json()) as Problem)
    : null;
  throw new ApiError(response.status, problem);
}

type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** `base` with the query parameters; a list repeats its parameter (`speaker=3&speaker=1`). */
export function withQuery(base: string, query: { [name: string]: QueryValue }): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) {
        url.searchParams.append(name, String(item));
      }
    }
  }
  return url.toString();
}

/** What every list answers: a page of results and the link to the next page. */
export interface Page<Item> {
  results: Item[];
  next: string | null;
}

/** Every item of a list, page after page: reads `url`, then each page's `next` link until
 * there is none. Pages are read as the iteration reaches them. */
export async function* eachItem<Item>(url: string, init?: RequestInit): AsyncGenerator<Item> {
  let next: string | null = url;
  while (next !== null) {
    const page: Page<Item> = await expectJson<Page<Item>>(await fetch(next, init));
    yield* page.results;
    next = page.next;
  }
}
