// Typed use of the API, checked with `tsc --noEmit --strict` against the types that
// `make sdk` generates from openapi.yaml (clients/typescript/schema.d.ts, copied next to this
// file by tests/contract/test_typescript.py). A field renamed, retyped or made optional in
// the schema breaks this compilation.

import type { components, operations, paths } from "./schema";

// --- Types taken from the schema -------------------------------------------------------------

export type Statement = components["schemas"]["Statement"];
export type Problem = components["schemas"]["Problem"];
export type StatementPage =
  paths["/api/v1/statements/"]["get"]["responses"]["200"]["content"]["application/json"];
export type StatementQuery = NonNullable<
  paths["/api/v1/statements/"]["get"]["parameters"]["query"]
>;
export type NewStatement = NonNullable<
  paths["/api/v1/statements/"]["post"]["requestBody"]
>["content"]["application/json"];
export type CreatedStatement =
  paths["/api/v1/statements/"]["post"]["responses"]["201"]["content"]["application/json"];
export type CreateProblem =
  paths["/api/v1/statements/"]["post"]["responses"]["400"]["content"]["application/problem+json"];
export type StaleWriteProblem =
  operations["update_statement"]["responses"]["412"]["content"]["application/problem+json"];
export type StatementETag = operations["get_statement"]["responses"]["200"]["headers"]["ETag"];
export type StatementPath = operations["get_statement"]["parameters"]["path"];
export type UpdateHeaders = NonNullable<operations["update_statement"]["parameters"]["header"]>;

// --- Values that must fit those types --------------------------------------------------------

export const query: StatementQuery = {
  speaker: [3, 1],
  speaker_kind: ["person"],
  mode: ["paraphrase"],
  q: "Kirby Vladivostok",
  ordering: ["-stated_on", "id"],
  speech_act: ["assertion", "denial"],
  page: 1,
  page_size: 20,
};

export const newStatement: NewStatement = {
  text: "North Korean soldiers arrived in Vladivostok by ship in October.",
  language: "en",
  topics: ["North Korea", "Russia"],
  attributions: [
    {
      speaker: 3,
      source: 1,
      mode: "paraphrase",
      speech_act: "assertion",
      verb: "stated",
      on_behalf_of: 1,
      stated_on: null,
      quote: { exact: "these soldiers arrived in Vladivostok by ship in October" },
    },
  ],
};

export const created: CreatedStatement = {
  id: 24,
  text: "North Korean soldiers arrived in Vladivostok by ship in October.",
  language: "en",
  topics: ["north-korea", "russia"],
  status: "draft",
  retraction_reason: "",
  attributions: [
    {
      id: 27,
      speaker: { id: 3, name: "John Kirby", kind: "person" },
      source: {
        id: 1,
        title: "Thousands of North Korean Troops Reportedly Deployed to Russia, US Claims",
        publisher: "",
        kind: "news_article",
        url: "https://example.com/news/north-korean-troops-russia",
        published_at: "2024-10-24T00:00:00Z",
        status: "current",
      },
      mode: "paraphrase",
      speech_act: "assertion",
      verb: "stated",
      speaker_role: "White House national security spokesman",
      role_at_the_time: {
        id: 2,
        role: "White House national security spokesman",
        organization: 15,
        start: "2022-05",
        end: "2025-01",
      },
      on_behalf_of: { id: 1, name: "United States", kind: "government" },
      occasion: "",
      stated_on: null,
      quote: {
        exact: "these soldiers arrived in Vladivostok by ship in October",
        prefix: "",
        suffix: "",
        start: 648,
        end: 704,
        status: "anchored",
        body_sha256: "2c5f0d2b7e1a9c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5",
      },
      created_at: "2024-10-28T09:30:00Z",
      updated_at: "2024-10-28T09:30:00Z",
    },
  ],
  relations: [],
  created_at: "2024-10-28T09:30:00Z",
  updated_at: "2024-10-28T09:30:00Z",
  corrections: [],
  claim_candidates: [],
};

export const page: StatementPage = {
  count: 1,
  next: null,
  previous: null,
  results: [created],
};

export const badQuote: CreateProblem = {
  type: "/problems/invalid-request",
  title: "The request is not valid.",
  status: 400,
  detail: "attributions.0.quote.exact: The quote was not found in the source body.",
  errors: [
    {
      field: "attributions.0.quote.exact",
      detail: "The quote was not found in the source body.",
      code: "not_found",
    },
  ],
};

export const staleWrite: StaleWriteProblem = {
  type: "/problems/precondition-failed",
  title: "The resource changed since you last read it.",
  status: 412,
  detail: "The resource changed since you read it: fetch it again, reapply your change and retry.",
  errors: [],
};

export const path: StatementPath = { id: 24 };
export const etag: StatementETag = '"197721a3d643c8b5e33dd6b1488a65cf5dc959f1"';
export const conditional: UpdateHeaders = { "If-Match": etag ?? "*" };

// --- Reading typed values --------------------------------------------------------------------

export function speakersOf(statement: Statement): string[] {
  return statement.attributions.map((attribution) => attribution.speaker.name);
}

export function quoteLength(statement: Statement): number {
  const quote = statement.attributions[0]?.quote;
  // The quote and its offsets are nullable in the schema: strict mode requires the checks.
  return quote && quote.start !== null && quote.end !== null ? quote.end - quote.start : 0;
}

export function fieldsAtFault(problem: Problem): (string | null)[] {
  return problem.errors.map((error) => error.field);
}

export const ids: number[] = page.results.map((statement) => statement.id);
export const isDraft: boolean = created.status === "draft";
export const nextPage: string | null = page.next;

// --- Search ----------------------------------------------------------------------------------

export type SearchPage =
  paths["/api/v1/search/"]["get"]["responses"]["200"]["content"]["application/json"];
export type SearchQuery = paths["/api/v1/search/"]["get"]["parameters"]["query"];

export const search: SearchQuery = { q: "Kirby Vladivostok", speaker_kind: ["person"], page: 1 };

export function bestMatch(found: SearchPage): { id: number; snippet: string } | null {
  const hit = found.results[0];
  return hit ? { id: hit.statement.id, snippet: hit.snippet } : null;
}

export function speakerCounts(found: SearchPage): Map<string, number> {
  return new Map(found.facets.speakers.map((facet) => [facet.name, facet.count]));
}
