// Seeds the e2e database (before its build) and records the ids for the specs.
import fs from "node:fs";
import { E2E_FIXTURES } from "./environment";
import { rebuildSearch } from "../../lib/search/rebuild";
import { seedFixtures } from "./fixtures";

// The fixtures are written straight to the database, as a restore would: rebuild search after them.
seedFixtures()
  .then(async (fixtures) => {
    await rebuildSearch();
    fs.writeFileSync(E2E_FIXTURES, JSON.stringify(fixtures, null, 2));
  })
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
