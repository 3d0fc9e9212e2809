/**
 * What the note cache stores and how it is told apart: a file's stamp, the
 * cache format derived from the schema, and a note's fields as one row.
 */
import fs from 'node:fs';
import { codeFingerprint } from '../fingerprint.js';
import { READ_HELPERS } from './field-values.js';
import { NOTE_FIELDS, NOTE_SCHEMA, type FieldSpec, type NoteMeta } from './schema.js';
import { normaliseTag } from '../slug.js';

/** Files changed this recently (ms) are parsed but not cached: 2 s covers the coarsest common timestamps (FAT). */
export const RECENT_MS = 2000;

/** What tells one version of a file's bytes from another, without reading them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** The stamp of a file (following links), or null when it cannot be stat'ed. */
export function statStamp(file: string): FileStamp | null {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return stats ? { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino } : null;
}

/**
 * Written into every file: a cache made by a build whose fields or readers
 * differ (another field, tags normalised differently) is ignored. Derived from
 * the schema, so there is no version number to forget to bump.
 */
export const NOTE_CACHE_FORMAT = cacheFormatOf(NOTE_SCHEMA);

/** The format a schema's cache is written in: its field list and a hash of every field's key and code, and of the helpers they call. */
export function cacheFormatOf(schema: readonly FieldSpec[]): string {
  const hash = codeFingerprint(() => [
    ...schema.map((spec) => `${spec.key}|${spec.aliases ?? ''}|${spec.read}|${spec.cached}`),
    ...[...READ_HELPERS, normaliseTag].map(String),
  ]);
  // 3: merge keys read (front-matter.ts), so a note that uses one is read again.
  return `confnotes note cache 3 ${hash}: ${schema.map((spec) => spec.key).join(',')}`;
}

/**
 * The fields of a row (a JSON array in schema order), or null when it is not
 * exactly what this build writes. They are set on `into` (a listing passes the
 * note's id and paths, so each note is one object, not a copy of another).
 */
export function metaOfRow<T extends object = object>(text: string, into?: T): (NoteMeta & T) | null {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    return null;
  }
  const fields = NOTE_SCHEMA as readonly FieldSpec[];
  if (!Array.isArray(row) || row.length !== fields.length) return null;
  const meta = (into ?? {}) as Record<string, unknown>;
  for (let i = 0; i < fields.length; i++) {
    if (!fields[i]!.cached(row[i])) return null;
    meta[fields[i]!.key] = row[i];
  }
  return meta as NoteMeta & T;
}

export function rowOf(meta: NoteMeta): string {
  return JSON.stringify(NOTE_FIELDS.map((key) => meta[key]));
}
