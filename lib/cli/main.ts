// The admin command: `npm run cms -- <command> [options]`.
import { COMMANDS } from "./commands";
import { OperationError } from "../errors";

function usage(): string {
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(16)} ${command.summary}`);
  return `Usage: npm run cms -- <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun a command with --help for its options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "help") {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`error: unknown command "${name}" (see --help)`);
    return 1;
  }
  if (args.includes("--help")) {
    console.log(command.help);
    return 0;
  }
  await command.run(args);
  return 0;
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof OperationError ? error.message : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`error: ${message}`);
    process.exit(1);
  });
