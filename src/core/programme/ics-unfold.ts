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

/** The bytes at the end of `out` that start a UTF-8 character the fold cut short (0 when none). */
function cutShort(out: number[]): number {
  for (let back = 1; back <= 3 && back <= out.length; back++) {
    const byte = out[out.length - back]!;
    if (byte >= 0x80 && byte < 0xc0) continue; // a continuation byte: look further back
    const length = sequenceLength(byte);
    return length > back ? back : 0;
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

/** The same lines with every character a fold cut in two moved whole after the fold. */
export function mendFoldedCharacters(bytes: Buffer): Buffer {
  if (!bytes.includes(0x0a)) return bytes;
  const out: number[] = [];
  let changed = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const crlf = byte === 0x0d && bytes[i + 1] === 0x0a;
    const lineEnd = crlf ? i + 1 : byte === 0x0a ? i : -1;
    const next = lineEnd === -1 ? undefined : bytes[lineEnd + 1];
    if (lineEnd !== -1 && (next === 0x20 || next === 0x09)) {
      const held = out.splice(out.length - cutShort(out));
      if (held.length > 0) changed = true;
      for (let at = i; at <= lineEnd + 1; at++) out.push(bytes[at]!);
      out.push(...held);
      i = lineEnd + 1;
      continue;
    }
    out.push(byte);
  }
  return changed ? Buffer.from(out) : bytes;
}
