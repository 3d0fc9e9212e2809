/**
 * What is wrong with a text's private markers, for `confnotes check`: a block
 * never closed (it hides the rest of the note, which may not be meant), a
 * closing marker that closes nothing, and comments that look like markers
 * but are not read as ones (`<!-- privat -->`, `<!-- end private -->`).
 */
import { privateMarkers } from './private.js';

export type PrivateMarkerCode = 'private-unclosed' | 'private-stray-close' | 'private-unknown-marker';

export interface PrivateMarkerProblem {
  /** 1-based line in the file (the text's first line is `firstLine`). */
  line: number;
  code: PrivateMarkerCode;
  message: string;
}

/**
 * Lists the marker problems of `text` (a note's body, `conference.md`'s body,
 * or one front-matter value), with the file line of each; `firstLine` is the
 * file line the text starts on. Nested blocks are fine; each unclosed opener
 * is reported.
 */
export function privateMarkerProblems(text: string, firstLine = 1): PrivateMarkerProblem[] {
  const problems: PrivateMarkerProblem[] = [];
  const lineAt = lineCounter(text, firstLine);
  const open: number[] = [];
  for (const marker of privateMarkers(text)) {
    const line = lineAt(marker.from);
    if (marker.kind === 'open') open.push(line);
    else if (marker.kind === 'close') {
      if (open.pop() === undefined)
        problems.push({
          line,
          code: 'private-stray-close',
          message: 'closing private marker without an opening one',
        });
    } else {
      problems.push({
        line,
        code: 'private-unknown-marker',
        message: `"<!-- ${marker.text.replace(/\s+/g, ' ').slice(0, 40)} -->" is not a private marker (write <!-- private --> ... <!-- /private -->), so nothing is hidden`,
      });
    }
  }
  for (const line of open)
    problems.push({
      line,
      code: 'private-unclosed',
      message: 'private block is never closed, so everything after it stays out of reports',
    });
  return problems.sort((a, b) => a.line - b.line);
}

/** Offset → line, for offsets asked in increasing order (one pass over the text). */
function lineCounter(text: string, firstLine: number): (offset: number) => number {
  let line = firstLine;
  let pos = 0;
  return (offset) => {
    for (let next = text.indexOf('\n', pos); next !== -1 && next < offset; next = text.indexOf('\n', pos)) {
      line++;
      pos = next + 1;
    }
    return line;
  };
}
