// Every command of `npm run cms`, in the order --help lists them.
import type { Command } from "./command";
import { prepareCommand } from "./commands/prepare";
import { DATABASE_COMMANDS } from "./commands/database";
import { searchReindexCommand } from "./commands/search";
import { userCommands } from "./commands/users";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { mediaCommands } from "./commands/media";
import { deployNginxCommand } from "./commands/deploy";

export const COMMANDS: Command[] = [
  prepareCommand,
  ...DATABASE_COMMANDS,
  importCommand,
  exportCommand,
  searchReindexCommand,
  ...mediaCommands,
  deployNginxCommand,
  ...userCommands,
];
