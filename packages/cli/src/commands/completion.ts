/**
 * Shell completion. `mpt completion bash|zsh|fish` prints a script for the shell; the script
 * asks `mpt __complete -- <words>` (hidden) for the candidates of the last word, which reads them
 * off the command tree that `mpt` itself builds: groups, services, nested services, commands
 * and the options of the command reached. Ids typed along the way are skipped.
 */
import type { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import { buildProgram } from "../program.js";
import type { Runtime } from "../runtime.js";
import { stdoutText } from "./common.js";

const SCRIPTS: Record<string, string> = {
  bash: `# mpt completion for bash: add to ~/.bashrc
#   source <(mpt completion bash)
_mpt_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(mpt __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _mpt_complete mpt
`,
  zsh: `#compdef mpt
# mpt completion for zsh: add to ~/.zshrc
#   source <(mpt completion zsh)
_mpt_complete() {
  local -a candidates
  candidates=("\${(@f)$(mpt __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _mpt_complete mpt
`,
  fish: `# mpt completion for fish: save as ~/.config/fish/completions/mpt.fish
#   mpt completion fish > ~/.config/fish/completions/mpt.fish
function __mpt_complete
    set -l words (commandline -opc) (commandline -ct)
    mpt __complete -- $words[2..-1] 2>/dev/null
end
complete -c mpt -f -a '(__mpt_complete)'
`,
};

/** Long flags of a command and of its ancestors (connection options are on both ends). */
function flagsOf(cmd: Command): string[] {
  const flags = new Set<string>();
  for (let at: Command | null = cmd; at; at = at.parent) {
    for (const option of at.options as readonly Option[]) if (option.long) flags.add(option.long);
  }
  flags.add("--help");
  return [...flags];
}

function takesValue(cmd: Command, flag: string): boolean {
  for (let at: Command | null = cmd; at; at = at.parent) {
    const option = (at.options as readonly Option[]).find((o) => o.long === flag || o.short === flag);
    if (option) return option.required || option.optional;
  }
  return false;
}

/** Candidates for the last of `words` (the word being typed; "" for a new one). */
export function completions(rt: Runtime, words: readonly string[]): string[] {
  const typed = words.at(-1) ?? "";
  const before = words.slice(0, -1);
  const { program } = buildProgram(rt, before);
  let cmd: Command = program;
  for (let i = 0; i < before.length; i++) {
    const word = before[i] ?? "";
    if (word.startsWith("-")) {
      if (!word.includes("=") && takesValue(cmd, word)) i++;
      continue;
    }
    const next = cmd.commands.find((c) => c.name() === word);
    if (next) cmd = next;
  }
  const candidates = typed.startsWith("-")
    ? flagsOf(cmd)
    : cmd.commands.map((c) => c.name()).filter((name) => !name.startsWith("__"));
  return candidates.filter((c) => c.startsWith(typed)).sort();
}

export function addCompletionCommands(root: Command, rt: Runtime): void {
  root
    .command("completion")
    .description("print the shell completion script (bash, zsh or fish)")
    .argument("<shell>", "bash, zsh or fish")
    .addHelpText(
      "after",
      `
Examples:
  source <(mpt completion bash)      # in ~/.bashrc
  source <(mpt completion zsh)       # in ~/.zshrc
  mpt completion fish > ~/.config/fish/completions/mpt.fish`,
    )
    .action(async (shell: string) => {
      const script = SCRIPTS[shell];
      if (!script) throw new UsageError(`no completion for "${shell}": use bash, zsh or fish`);
      await stdoutText(rt).write(script);
    });
  root
    .command("__complete", { hidden: true })
    .argument("[words...]")
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      await stdoutText(rt).write(
        completions(rt, words.length ? words : [""])
          .map((c) => `${c}\n`)
          .join(""),
      );
    });
}
