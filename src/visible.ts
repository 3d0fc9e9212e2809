// Controls other than newline and tab, and the bidi controls that reorder what
// a line shows (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_COLOUR =
  /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const asEscape = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Control characters (other than newline and tab) as visible `\xNN` escapes,
 * bidi controls as `\uNNNN`. File names and note text reach messages; a name
 * holding an escape sequence must not move the cursor, clear or retitle the
 * user's terminal, nor make a line read in another order than it is.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, asEscape);
}

/** The same, but colour codes (which confnotes itself adds on a colour terminal) are kept. */
export function visibleKeepingColour(text: string): string {
  return text.replace(CONTROL_OR_COLOUR, (match) => (match.length > 1 ? match : asEscape(match)));
}
