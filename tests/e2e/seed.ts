// Seeds the e2e database (before its build) and records the ids for the specs.
import fs from "node:fs";
import { E2E_FIXTURES } from "./environment";
import { seedFixtures } from "./fixtures";

seedFixtures()
  .then((fixtures) => fs.writeFileSync(E2E_FIXTURES, JSON.stringify(fixtures, null, 2)))
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
