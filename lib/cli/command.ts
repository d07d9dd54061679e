// The shape of an admin CLI command. `run` throws OperationError (lib/errors) with a one-line English
// message on bad input or failure; anything else is reported as an unexpected failure.
export type Command = {
  name: string;
  summary: string;
  help: string;
  run: (args: string[]) => Promise<void>;
};
