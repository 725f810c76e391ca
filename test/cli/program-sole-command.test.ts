import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import { newProgram, withSoleCommand } from "../../src/cli/sole-commands.js";

function commandNamed(program: Command, name: string): Command {
  const command = program.commands.find((candidate) => candidate.name() === name);
  if (!command) throw new Error(`no ${name} command`);
  return command;
}

describe("the program of `check` or `status` alone", () => {
  for (const name of ["check", "status"] as const) {
    it(`defines ${name} alone, with the help and options of the full program's ${name}`, () => {
      const sole = withSoleCommand(newProgram("1.2.3"), name, "1.2.3");
      const full = buildProgram("1.2.3");
      expect(sole.commands.map((command) => command.name())).toStrictEqual([name]);
      expect(full.commands.length).toBeGreaterThan(10);
      const soleCommand = commandNamed(sole, name);
      const fullCommand = commandNamed(full, name);
      expect(soleCommand.helpInformation()).toBe(fullCommand.helpInformation());
      expect(soleCommand.options.map((option) => option.flags)).toStrictEqual(
        fullCommand.options.map((option) => option.flags),
      );
      expect(sole.version()).toBe("1.2.3");
    });
  }
});
