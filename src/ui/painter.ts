/**
 * The painter of the full CLI and the room lane: chalk, loaded only when a
 * stream gets colour. The build hands chalk its own browser variant of
 * supports-color (scripts/build.mjs), since every Chalk here is made with the
 * level src/ui/colors.ts decided: Node's version checks node:tty, and with
 * it node:net and node:stream (~5-8 ms), at import. Without colour every
 * style is the text itself (styleTextColors at level 0).
 */
import type { ColorFlag, Painter } from './colors.js';
import { colorLevel, styleTextColors } from './colors.js';

export async function painterFor(
  io: { stdout: { isTTY?: boolean }; stderr: { isTTY?: boolean } },
  env: Record<string, string | undefined>,
  flag: ColorFlag,
): Promise<Painter> {
  if (colorLevel(io.stdout, env, flag) === 0 && colorLevel(io.stderr, env, flag) === 0)
    return styleTextColors;
  const { Chalk } = await import('chalk');
  return (level) => new Chalk({ level });
}
