import type { CommandContext } from './index';

export function showOutput(ctx: CommandContext): void {
  ctx.outputChannel.show(true);
}
