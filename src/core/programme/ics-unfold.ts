/**
 * RFC 5545 §3.1: content lines are folded after 75 octets, and simple
 * generators fold in the middle of a UTF-8 character; a reader must unfold
 * before decoding. Unfolding here would renumber the lines every error
 * message names, so the bytes of a character cut by a fold are moved after
 * the fold instead: the file keeps its lines, unfolds to the same bytes, and
 * decodes as UTF-8.
 */

/** How many bytes the UTF-8 sequence a lead byte starts has (1 for ASCII and stray bytes). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc2) return 2;
  return 1;
}

/** How many bytes before `end` start a UTF-8 character the fold there cut short (0 when none). */
function cutShort(bytes: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back]!;
    if (byte >= 0x80 && byte < 0xc0) continue; // a continuation byte: look further back
    return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

/** Whether the bytes look like iCalendar (BEGIN:VCALENDAR after an optional BOM and white space). */
export function looksLikeIcs(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d || bytes[i] === 0x0a)
  )
    i++;
  return (
    Buffer.from(bytes.subarray(i, i + 15))
      .toString('latin1')
      .toUpperCase() === 'BEGIN:VCALENDAR'
  );
}

/** The same lines with every character a fold cut in two moved whole after the fold (same length). */
export function mendFoldedCharacters(bytes: Buffer): Buffer {
  let out: Buffer | null = null;
  for (let newline = bytes.indexOf(0x0a); newline !== -1; newline = bytes.indexOf(0x0a, newline + 1)) {
    const next = bytes[newline + 1];
    if (next !== 0x20 && next !== 0x09) continue;
    const lineEnd = newline > 0 && bytes[newline - 1] === 0x0d ? newline - 1 : newline;
    const held = cutShort(out ?? bytes, lineEnd);
    if (held === 0) continue;
    out ??= Buffer.from(bytes);
    // Rotate [lineEnd - held, newline + 2): the cut bytes go after the line break and its space.
    const cut = Buffer.from(out.subarray(lineEnd - held, lineEnd));
    out.copyWithin(lineEnd - held, lineEnd, newline + 2);
    cut.copy(out, newline + 2 - held);
  }
  return out ?? bytes;
}
