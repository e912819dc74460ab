// Use the Attributed API from TypeScript: the generated types (../schema.d.ts) and the
// helpers of ../pages.ts, with the platform's fetch. Call main(baseUrl, token).

import type { components, paths } from "../schema.js";
import { ApiError, eachItem, expectJson, withQuery } from "../pages.js";

type Statement = components["schemas"]["Statement"];
type NewStatement = components["schemas"]["StatementRequest"];
type Change = components["schemas"]["PatchedStatementRequest"];
type StatementQuery = NonNullable<paths["/api/v1/statements/"]["get"]["parameters"]["query"]>;

export async function main(baseUrl: string, token: string): Promise<void> {
  const statements = `${baseUrl}/api/v1/statements/`;
  const editor = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };

  // What John Kirby (speaker 3) asserted or worried about, latest first; eachItem reads
  // page after page (of 2 here, to show the walk) until the last. Reads need no credentials.
  const query: StatementQuery = {
    speaker: [3],
    speech_act: ["assertion", "concern"],
    ordering: ["-stated_on", "id"],
    page_size: 2,
  };
  for await (const statement of eachItem<Statement>(withQuery(statements, query))) {
    console.log(`statement ${statement.id}: ${statement.text}`);
  }

  // Create a statement with its attribution: Kirby, quoted from source 1. It is a draft.
  const body: NewStatement = {
    text: "North Korean soldiers are training at military sites in eastern Russia.",
    topics: ["North Korea", "Russia"],
    attributions: [
      {
        speaker: 3,
        source: 1,
        mode: "paraphrase",
        speech_act: "assertion",
        verb: "stated",
        quote: { exact: "undergoing training in various Russian military sites in the east" },
      },
    ],
  };
  const created = await expectJson<Statement>(
    await fetch(statements, { method: "POST", headers: editor, body: JSON.stringify(body) }),
  );
  console.log(`created ${created.id}: ${created.status}`);

  // Read it back (a draft: editors only) with its ETag, then change it with If-Match.
  const url = `${statements}${created.id}/`;
  const etag = (await fetch(url, { headers: editor })).headers.get("ETag") ?? "";
  const update = async (change: Change): Promise<Statement> =>
    expectJson<Statement>(
      await fetch(url, {
        method: "PATCH",
        headers: { ...editor, "If-Match": etag },
        body: JSON.stringify(change),
      }),
    );
  await update({ text: "North Korean soldiers train in eastern Russia." });

  // A second change from the same, now stale, ETag: 412, the problem document says why.
  try {
    await update({ text: "A change made from a stale copy." });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.log(`${error.status}: ${error.problem?.title ?? ""}`);
  }

  // A quote the source does not contain: 400, with one entry per bad field.
  const wrong: NewStatement = {
    text: "North Korea will send 50,000 troops.",
    attributions: [
      {
        speaker: 3,
        source: 1,
        mode: "direct_quote",
        speech_act: "projection",
        quote: { exact: "50,000 troops by Christmas" },
      },
    ],
  };
  try {
    await expectJson<Statement>(
      await fetch(statements, { method: "POST", headers: editor, body: JSON.stringify(wrong) }),
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    for (const fault of error.problem?.errors ?? []) {
      console.log(`${error.status} ${fault.field}: ${fault.code}`);
    }
  }
}
