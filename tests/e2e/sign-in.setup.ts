// Signs in once per role through the real form and stores the session for the specs.
import { test as setup } from "@playwright/test";
import { E2E_USERS, storageStatePath, type E2ERole } from "./environment";
import { signIn } from "./support";

for (const role of Object.keys(E2E_USERS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
