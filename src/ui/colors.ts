/**
 * Colour for every lane. Commands use only the styles below: the full CLI and
 * the room lane paint them with chalk (src/ui/painter.ts), the quick lane with
 * Node's util.styleText (its bundle carries no chalk); the two agree on a line
 * without escape codes, which is all the quick lane paints. Whether to paint
 * at all is decided here, once per stream, for all.
 */
import { styleText } from 'node:util';

export const STYLES = ['bold', 'dim', 'red', 'green', 'yellow', 'cyan'] as const;
export type Style = (typeof STYLES)[number];
/** 0 is no colour; 2 is 256 colours, 3 true colour (chalk's levels). */
export type ColorLevel = 0 | 1 | 2 | 3;
export type Colors = { readonly [S in Style]: (text: string) => string } & { readonly level: ColorLevel };
/** Builds the colours for a level: chalk in the full CLI, util.styleText in the quick lane. */
export type Painter = (level: ColorLevel) => Colors;
/** The global `--color` (true) and `--no-color` (false) flags; undefined when neither was given. */
export type ColorFlag = boolean | undefined;

const set = (value: string | undefined) => value !== undefined && value !== '';

/**
 * A flag on the command line wins; then NO_COLOR (no-color.org) turns colour
 * off and FORCE_COLOR on; otherwise only a terminal gets colour.
 */
export function colorLevel(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
  flag: ColorFlag,
): ColorLevel {
  if (flag === false || (flag === undefined && set(env.NO_COLOR))) return 0;
  const forced =
    flag === true || (set(env.FORCE_COLOR) && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false');
  if (!forced && !stream.isTTY) return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

/** The level is decided above, so styleText is told not to judge process.stdout itself (Node 20.19+ would). */
export const styleTextColors: Painter = (level) => {
  const paint = (style: Style) =>
    level === 0
      ? (text: string) => text
      : // As chalk does, the empty string stays empty (styleText would wrap it in codes).
        (text: string) => (text === '' ? '' : styleText(style, text, { validateStream: false }));
  return {
    level,
    bold: paint('bold'),
    dim: paint('dim'),
    red: paint('red'),
    green: paint('green'),
    yellow: paint('yellow'),
    cyan: paint('cyan'),
  };
};
