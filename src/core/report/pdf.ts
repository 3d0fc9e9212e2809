/**
 * PDF output: the report's HTML printed by a headless Chromium or Chrome
 * found on the machine, then marked as a confnotes report in its metadata.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfnotesError } from '../../errors.js';

/** Browser names looked up on PATH, in this order, after CONFNOTES_CHROME. */
export const CHROME_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
/** Where macOS keeps them (they are not on PATH there). */
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const NO_CHROME_MESSAGE =
  'PDF needs Chromium or Chrome and none was found (looked for CONFNOTES_CHROME, then chromium, chromium-browser, google-chrome, google-chrome-stable on PATH); install one (Debian/Ubuntu: sudo apt install chromium) or set CONFNOTES_CHROME to its path';

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to print with: CONFNOTES_CHROME when set (it must be an
 * executable file), else the first of CHROME_NAMES on PATH, else the macOS
 * application bundles. Null when there is none.
 */
export function findChrome(env: Record<string, string | undefined>): string | null {
  const chosen = env.CONFNOTES_CHROME?.trim();
  if (chosen) {
    if (!executable(chosen))
      throw new ConfnotesError(
        `CONFNOTES_CHROME is ${chosen}, which is not an executable file; point it at Chromium or Chrome, or unset it`,
      );
    return chosen;
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of CHROME_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  return MAC_APPS.find(executable) ?? null;
}

export interface PrintOptions {
  chrome: string;
  html: string;
  /** A folder for the page, the browser profile and the PDF; removed afterwards. */
  tmpRoot: string;
  /** Chromium refuses to start as root with its sandbox on. */
  noSandbox: boolean;
  timeoutMs?: number;
}

/** Prints the HTML to PDF with the browser in headless mode; returns the PDF's bytes, marked as a report. */
export async function printPdf(options: PrintOptions): Promise<Buffer> {
  const work = fs.mkdtempSync(path.join(options.tmpRoot, 'confnotes-pdf-'));
  const release = removeOnSignal(work);
  try {
    const page = path.join(work, 'report.html');
    const output = path.join(work, 'report.pdf');
    fs.writeFileSync(page, options.html);
    const args = (noSandbox: boolean) => [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--hide-scrollbars',
      '--mute-audio',
      `--user-data-dir=${path.join(work, 'profile')}`,
      '--no-pdf-header-footer',
      // The headings become the PDF's clickable outline (bookmarks).
      '--generate-pdf-document-outline',
      `--print-to-pdf=${output}`,
      ...(noSandbox ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    const timeout = options.timeoutMs ?? 90_000;
    let { code, stderr } = await run(options.chrome, args(options.noSandbox), timeout);
    if (!fs.existsSync(output) && !options.noSandbox && /sandbox/i.test(stderr)) {
      // Containers often cannot give Chromium its sandbox. The page is our own
      // (raw HTML escaped, a CSP that allows no script and no request), so print it without.
      ({ code, stderr } = await run(options.chrome, args(true), timeout));
    }
    if (!fs.existsSync(output) || fs.statSync(output).size === 0) {
      const why = stderr
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !/dbus|Fontconfig|DevTools listening/i.test(line))
        .pop();
      throw new ConfnotesError(
        `${options.chrome} did not print the PDF (exit ${code ?? 'killed'})${why ? `: ${why.slice(0, 300)}` : ''}`,
      );
    }
    return markPdf(fs.readFileSync(output));
  } finally {
    release();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const running = new Set<ReturnType<typeof spawn>>();

/**
 * While the scratch folder exists, Ctrl-C, SIGTERM or a closed terminal
 * removes it (and stops the browser) before the process ends by the same
 * signal, so the HTML copy of the notes never stays behind in the temp folder.
 */
function removeOnSignal(work: string): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const child of running) child.kill('SIGKILL');
    fs.rmSync(work, { recursive: true, force: true });
    release();
    // With our handler gone, the default action ends the process as the signal asks (exit 128 + n).
    process.kill(process.pid, signal);
  };
  const release = () => {
    for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of CLEANUP_SIGNALS) process.once(signal, onSignal);
  return release;
}

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ConfnotesError(`cannot start ${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** The PDF's Creator once confnotes has marked it. */
export const PDF_CREATOR = 'confnotes report';

const STRING = String.raw`(?:\((?:\\[\s\S]|[^\\()])*\)|<[0-9A-Fa-f\s]*>)`;

/**
 * Rewrites the document information dictionary in place, byte for byte the
 * same length so no offset moves: the Creator becomes "confnotes report" and
 * the creation and modification dates are blanked (the same notes then give
 * the same PDF). A PDF laid out differently is returned unchanged.
 */
export function markPdf(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const info = [...text.matchAll(/\/Info\s+(\d+)\s+0\s+R/g)].pop();
  if (!info) return pdf;
  const objectStart = new RegExp(`(?:^|[\\r\\n])${info[1]}\\s+0\\s+obj\\b`).exec(text);
  if (!objectStart) return pdf;
  const start = objectStart.index;
  const end = text.indexOf('endobj', start);
  if (end === -1) return pdf;
  let dict = text.slice(start, end);
  const creator = new RegExp(`/Creator\\s*${STRING}`).exec(dict);
  const wanted = `/Creator (${PDF_CREATOR})`;
  if (!creator || creator[0].length < wanted.length) return pdf;
  dict =
    dict.slice(0, creator.index) +
    wanted.padEnd(creator[0].length, ' ') +
    dict.slice(creator.index + creator[0].length);
  dict = dict.replace(new RegExp(`/(?:CreationDate|ModDate)\\s*${STRING}`, 'g'), (entry) =>
    ' '.repeat(entry.length),
  );
  return Buffer.from(text.slice(0, start) + dict + text.slice(end), 'latin1');
}

/** True for a PDF that markPdf marked. */
export function isReportPdf(pdf: Buffer): boolean {
  return (
    pdf.subarray(0, 5).toString('latin1') === '%PDF-' &&
    pdf.includes(`/Creator (${PDF_CREATOR})`, 0, 'latin1')
  );
}
