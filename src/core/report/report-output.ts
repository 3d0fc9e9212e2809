/**
 * Where a report is written, and whether an existing file may be replaced:
 * only a previous confnotes report is replaced without asking. A report is
 * recognised by its content, whatever its name: the Markdown marker line,
 * the HTML generator meta tag, or the PDF's Creator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isReportPdf } from './pdf.js';
import { HTML_MARKER, MARKDOWN_MARKER } from './report-render.js';
import { replaceOwnFile } from '../safe-write.js';

export type ReportFormat = 'md' | 'html' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'pdf'];

/** Files larger than this are never taken for a previous report. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** The format an output file name asks for, when --format is not given. */
export function formatFromName(file: string): ReportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.pdf') return 'pdf';
  return 'md';
}

/** `openstack-summit-2013-trip-report.html`. */
export function defaultReportName(slug: string, format: ReportFormat): string {
  return `${slug}-trip-report.${format}`;
}

/**
 * What is at `file` now: nothing, a previous confnotes report (any format),
 * something else, or a folder.
 */
export function existingOutput(file: string): 'none' | 'report' | 'other' | 'folder' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    return 'other';
  }
  if (stat.isDirectory()) return 'folder';
  if (!stat.isFile() || stat.size > MAX_REPORT_BYTES) return 'other';
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return 'other';
  }
  return isPreviousReport(bytes) ? 'report' : 'other';
}

export function isPreviousReport(bytes: Buffer): boolean {
  if (isReportPdf(bytes)) return true;
  const text = bytes.toString('utf8');
  // The marker is the last line a Markdown report has; a file that merely quotes it is not one.
  if (lastLine(text) === MARKDOWN_MARKER) return true;
  const head = text.slice(0, Math.max(0, text.indexOf('</head>')));
  return head.includes(HTML_MARKER);
}

/** The last line that is not blank, without its surrounding white space. */
function lastLine(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.slice(trimmed.lastIndexOf('\n') + 1).trim();
}

/** Writes the report atomically (temporary file, fsync, rename): a reader sees the old report or the new one. */
export function writeReport(file: string, data: string | Buffer): void {
  replaceOwnFile(file, data);
}
