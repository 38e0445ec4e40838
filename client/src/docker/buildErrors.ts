// Finds the Dockerfile line a failed `docker build` complains about, in the output of either
// builder: the classic one numbers steps ("Step 3/5 : RUN ..."), BuildKit names the file and
// line ("Dockerfile:12"), and both report parse errors with a line number.

export interface StepInstruction {
  readonly startLine: number;
  readonly endLine: number;
}

export interface BuildError {
  /** Zero-based first and last line of the failing instruction. */
  readonly startLine: number;
  readonly endLine: number;
  readonly message: string;
}

// CSI/OSC escape sequences a terminal-style output may carry.
const ANSI = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\))/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * @param output everything the build printed
 * @param instructions the Dockerfile's instructions in order (the server's `buildInfo.instructions`)
 * @param dockerfileName the Dockerfile's base name, as BuildKit prints it
 */
export function findBuildError(output: string, instructions: readonly StepInstruction[], dockerfileName: string): BuildError | undefined {
  const lines = stripAnsi(output)
    .split(/\r?\n|\r/)
    .map((line) => line.trimEnd());
  return parseError(lines, instructions) ?? buildKitError(lines, instructions, dockerfileName) ?? classicStepError(lines, instructions);
}

function parseError(lines: string[], instructions: readonly StepInstruction[]): BuildError | undefined {
  for (const line of lines) {
    const match = /dockerfile parse error (?:on )?line (\d+): (.*)$/i.exec(line);
    if (match) return atLine(Number(match[1]) - 1, instructions, `Dockerfile parse error: ${match[2]}`);
  }
  return undefined;
}

function buildKitError(lines: string[], instructions: readonly StepInstruction[], dockerfileName: string): BuildError | undefined {
  const escaped = dockerfileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const location = new RegExp(`^\\s*(?:.*[/\\\\])?(?:${escaped}|Dockerfile):(\\d+)$`);
  let lineNumber: number | undefined;
  for (const line of lines) {
    const match = location.exec(line);
    if (match) lineNumber = Number(match[1]);
  }
  if (lineNumber === undefined) return undefined;
  const errorLine = [...lines].reverse().find((line) => /^ERROR:/.test(line.trim()));
  const message = errorLine ? errorLine.trim().replace(/^ERROR:\s*/, '') : 'The build failed at this instruction.';
  return atLine(lineNumber - 1, instructions, message);
}

function classicStepError(lines: string[], instructions: readonly StepInstruction[]): BuildError | undefined {
  let stepIndex = -1;
  let step = 0;
  for (let i = 0; i < lines.length; i++) {
    const match = /^Step (\d+)\/\d+ : /.exec(lines[i]!);
    if (match) {
      stepIndex = i;
      step = Number(match[1]);
    }
  }
  const instruction = instructions[step - 1];
  if (stepIndex < 0 || !instruction) return undefined;
  // The daemon's error is the last line it printed after the failing step.
  const after = lines.slice(stepIndex + 1).filter((line) => line.trim() !== '' && !line.startsWith(' ---> '));
  const message = after[after.length - 1]?.trim() ?? 'The build failed at this step.';
  return { startLine: instruction.startLine, endLine: instruction.endLine, message };
}

function atLine(line: number, instructions: readonly StepInstruction[], message: string): BuildError {
  const instruction = instructions.find((inst) => inst.startLine <= line && line <= inst.endLine);
  return instruction
    ? { startLine: instruction.startLine, endLine: instruction.endLine, message }
    : { startLine: Math.max(0, line), endLine: Math.max(0, line), message };
}
