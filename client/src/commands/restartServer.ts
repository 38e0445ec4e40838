import type { CommandContext } from './index';

export async function restartServer(ctx: CommandContext): Promise<void> {
  await ctx.client().restart();
}
