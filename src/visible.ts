const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROL_OR_COLOUR = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const asHexEscape = (char: string) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Control characters (other than newline and tab) as visible `\xNN` escapes.
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
