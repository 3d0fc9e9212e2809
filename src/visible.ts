// Bidi embeddings, overrides and isolates reorder what follows them ("Trojan Source"): shown too.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_COLOUR =
  /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const asHexEscape = (char: string) => {
  const code = char.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
};

/**
 * Control characters (other than newline and tab) as visible `\xNN` escapes,
 * bidi controls as `\u202e`.
 * File names and note text reach messages; a name holding an escape sequence
 * must not move the cursor, clear or retitle the user's terminal.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, asHexEscape);
}

/** The same, but colour codes (which confnotes itself adds on a colour terminal) are kept. */
export function visibleKeepingColour(text: string): string {
  return text.replace(CONTROL_OR_COLOUR, (match) => (match.length > 1 ? match : asHexEscape(match)));
}
