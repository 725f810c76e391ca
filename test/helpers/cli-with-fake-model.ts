import { type FakeOpenAiServer, type FakeReply, useFakeOpenAiServer } from "./fake-openai-server.js";
import { type CliResult, runCli } from "./run-cli.js";

/** The built CLI in a test's folder, pointed at that test's fake OpenAI-compatible server. */
export interface CliWithFakeModel {
  /** This test's server; `undefined` until it started. */
  readonly server: FakeOpenAiServer | undefined;
  /** Starts this test's server with `replies`. */
  start(replies?: readonly FakeReply[]): Promise<FakeOpenAiServer>;
  /** The environment that points the CLI at the server (an empty base URL before it started). */
  env(): { SPECWRIGHT_MODEL: string; SPECWRIGHT_BASE_URL: string };
  /**
   * Runs the built CLI against the server, starting it with `replies` on a test's first call; later calls use
   * the same server (its `push` adds replies).
   */
  run(args: readonly string[], replies?: readonly FakeReply[]): Promise<CliResult>;
}

/** Per test: a fake server (closed after the test) and the CLI run in `directory()` against it as `model`. */
export function useCliWithFakeModel(directory: () => string, model = "openai-compatible:test"): CliWithFakeModel {
  const fake = useFakeOpenAiServer();
  const env = () => ({ SPECWRIGHT_MODEL: model, SPECWRIGHT_BASE_URL: fake.current?.url ?? "" });
  return {
    get server() {
      return fake.current;
    },
    start: (replies = []) => fake.start(replies),
    env,
    async run(args, replies = []) {
      if (fake.current === undefined) await fake.start(replies);
      return runCli(args, { cwd: directory(), env: env() });
    },
  };
}
