/**
 * One conference's part of the note cache (note-cache.ts) during one scan:
 * the rows loaded from its file, what the scan found new or gone, which rows
 * it asked for, and the rows packed again for writing.
 */
import { type PackedCache, rowOfPacked } from './note-cache-file.js';
import type { FileStamp } from './note-cache-format.js';

export interface Fresh {
  stamp: FileStamp;
  tags: string[];
  row: string;
}

/** One conference's cache: what was loaded, what this scan found new or gone. */
export class ConferenceCache {
  private map: Map<string, number> | null = null;
  /** Scans ask in path order, the order rows are stored in: the next row is tried before the map is built. */
  private next = 0;
  readonly fresh = new Map<string, Fresh>();
  readonly gone = new Set<string>();
  changed = false;
  /** The scan is done with this conference and let its rows go (see NoteCache.release). */
  released = false;
  /** Which rows this scan asked for (what prune keeps): no set of every path seen. */
  asked: Uint8Array;

  constructor(
    readonly file: string,
    public packed: PackedCache,
    /** The cache file, open while its rows may still be read. */
    private own?: { close(): void },
  ) {
    this.asked = new Uint8Array(packed.paths.length);
  }

  /**
   * Reads the rows and closes the cache file: a conference still held may change later (a forget
   * after a save), and pack copies every loaded row.
   */
  closeFile(): void {
    if (!this.own) return;
    if (this.packed.paths.length > 0) rowOfPacked(this.packed, 0);
    this.own.close();
    this.own = undefined;
  }

  /** Lets the loaded rows go, for `empty`: the scan is done with them and there is nothing to write. */
  letGo(empty: PackedCache): void {
    this.own?.close();
    this.own = undefined;
    this.released = true;
    this.packed = empty;
    this.asked = new Uint8Array(0);
    this.map = null;
    this.next = 0;
  }

  /** Path → row, built only when a path is asked for out of order. */
  get index(): Map<string, number> {
    if (!this.map) {
      this.map = new Map();
      for (let i = 0; i < this.packed.paths.length; i++) this.map.set(this.packed.paths[i]!, i);
    }
    return this.map;
  }

  /** The row of `rel`, if it has one. */
  rowOf(rel: string): number | undefined {
    if (this.packed.paths[this.next] === rel) {
      this.asked[this.next] = 1;
      return this.next++;
    }
    const i = this.index.get(rel);
    if (i !== undefined) {
      this.next = i + 1;
      this.asked[i] = 1;
    }
    return i;
  }

  /** Every entry kept, sorted by path, packed again; loaded rows are copied as they were read. */
  pack(): PackedCache {
    // A loaded row that could not be read back ('') is not written again: its note is read next time.
    const rels = this.packed.paths.filter(
      (rel, i) => !this.gone.has(rel) && !this.fresh.has(rel) && rowOfPacked(this.packed, i) !== '',
    );
    rels.push(...this.fresh.keys());
    rels.sort();
    const { packed } = this;
    const stamps = new Float64Array(rels.length * 4);
    const tags: unknown[] = [];
    const rows: string[] = [];
    rels.forEach((rel, i) => {
      const fresh = this.fresh.get(rel);
      if (fresh) {
        const { size, mtimeMs, ctimeMs, ino } = fresh.stamp;
        stamps.set([size, mtimeMs, ctimeMs, ino], i * 4);
        tags.push(fresh.tags);
        rows.push(fresh.row);
      } else {
        const j = this.index.get(rel)!;
        stamps.set(packed.stamps.subarray(j * 4, j * 4 + 4), i * 4);
        tags.push(packed.tags[j]);
        rows.push(rowOfPacked(packed, j));
      }
    });
    return { paths: rels, stamps, tags, rows };
  }
}
