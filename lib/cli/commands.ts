// Every command of `npm run cms`, in the order --help lists them.
import type { Command } from "./command";
import { prepareCommand } from "./commands/prepare";

export const COMMANDS: Command[] = [prepareCommand];
