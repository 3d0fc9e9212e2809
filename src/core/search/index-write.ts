/** Writes a search index file (the layout: index-layout.ts). */
import type MiniSearch from 'minisearch';
import { replaceOwnFile } from '../safe-write.js';
import { type Head, NUL, SEARCH_INDEX_FORMAT, type Sizes, type StoredStamp } from './index-layout.js';

/** Writes an index and the stamps it was built from; returns false when it could not (never throws). */
export function writeIndexFile(
  file: string,
  index: MiniSearch,
  docs: Map<string, StoredStamp>,
  texts: Map<string, string>,
): boolean {
  try {
    return write(file, index, docs, texts);
  } catch {
    // A read-only workspace, a full disk, an index over 4 GB: the search was answered all the same.
    return false;
  }
}

function write(
  file: string,
  index: MiniSearch,
  docs: Map<string, StoredStamp>,
  texts: Map<string, string>,
): boolean {
  const { index: postings, ...rest } = index.toJSON();
  const terms = postings.map(([term]) => term);
  const paths = [...docs.keys()];
  if (terms.some((term) => term.includes(NUL)) || paths.some((rel) => rel.includes(NUL))) return false;
  // The data after the head: MiniSearch's JSON, then the postings, then each note's text (storedText).
  const data: Buffer[] = [Buffer.from(JSON.stringify(rest))];
  let offset = data[0]!.length;
  const put = (bytes: Buffer, spans: Buffer, i: number) => {
    data.push(bytes);
    spans.writeUInt32LE(offset, i * 8);
    spans.writeUInt32LE(bytes.length, i * 8 + 4);
    offset += bytes.length;
  };
  const spans = Buffer.alloc(terms.length * 8);
  for (const [i, [, entry]] of postings.entries()) put(Buffer.from(JSON.stringify(entry)), spans, i);
  const stamps = Buffer.alloc(paths.length * 32);
  const spansOfTexts = Buffer.alloc(paths.length * 8);
  paths.forEach((rel, i) => {
    const stamp = docs.get(rel) ?? [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    for (const [k, value] of stamp.entries()) stamps.writeDoubleLE(value, i * 32 + k * 8);
    put(Buffer.from(texts.get(rel) ?? ''), spansOfTexts, i);
  });
  const sections = {
    paths: Buffer.from(paths.join(NUL)),
    stamps,
    texts: spansOfTexts,
    terms: Buffer.from(terms.join(NUL)),
    spans,
  };
  const sizes = Object.fromEntries(Object.entries(sections).map(([name, bytes]) => [name, bytes.length]));
  const head: Head = {
    format: SEARCH_INDEX_FORMAT,
    count: paths.length,
    termCount: terms.length,
    sizes: { ...sizes, rest: data[0]!.length, data: offset - data[0]!.length } as unknown as Sizes,
  };
  replaceOwnFile(
    file,
    Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), ...Object.values(sections), ...data]),
  );
  return true;
}
