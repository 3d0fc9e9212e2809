/**
 * "One module owns writing": no module in src/ but core/safe-write.ts may call
 * a file-system API that writes, renames, removes or creates. A new exception
 * must be added to ALLOWED with the reason, and reviewed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const OWNER = 'core/safe-write.ts';
/** safe-write's own parts (split to stay short): the lock. */
const OWNERS = [OWNER, 'core/fs/lock.ts'];

/** module → why it may call a writing API itself. Each one is reviewed; none may write into a workspace. */
const ALLOWED: Record<string, string> = {
  // Chromium prints a PDF only from a file: the HTML page, the browser profile and the PDF
  // live in a private mkdtemp folder under the OS temporary folder, removed afterwards.
  // The PDF reaches the workspace (if at all) through safe-write.
  'core/report/pdf.ts': 'scratch folder outside the workspace for Chromium',
  'core/fs/trash.ts': 'rm/restore move a whole note (fs-extra move, never over a file), under its lock',
  // `publish` writes a copy of the notes outside the workspace (a folder inside it is refused),
  // built beside the folder and renamed in; it replaces only a folder holding its own marker.
  'core/publish/publish-folder.ts': 'a published copy, outside the workspace, swapped in by rename',
  // The quick lane's stdout and stderr without Node's streams (start-up time): a line to fd 1 or 2, no file.
  'fd-io.ts': 'writes only to descriptors 1 and 2, the stdout and stderr of the process',
};

/** Names of Node fs / fs-extra calls that change the file system. */
const WRITING_CALLS = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'write',
  'writeSync',
  'writev',
  'writevSync',
  'rename',
  'renameSync',
  'unlink',
  'unlinkSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'truncate',
  'truncateSync',
  'ftruncate',
  'ftruncateSync',
  'symlink',
  'symlinkSync',
  'link',
  'linkSync',
  'chmod',
  'chmodSync',
  'chown',
  'chownSync',
  'utimes',
  'utimesSync',
  'createWriteStream',
  // fs-extra
  'outputFile',
  'outputFileSync',
  'outputJson',
  'outputJsonSync',
  'writeJson',
  'writeJsonSync',
  'ensureFile',
  'ensureFileSync',
  'ensureDir',
  'ensureDirSync',
  'mkdirp',
  'mkdirs',
  'move',
  'moveSync',
  'copy',
  'copySync',
  'remove',
  'removeSync',
  'emptyDir',
  'emptyDirSync',
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.[cm]?[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

/** Code without comments and string contents, so prose and messages do not count. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

function writingCalls(text: string): string[] {
  const code = codeOnly(text);
  const found: string[] = [];
  const fsObjects = /\b(fs|fsp|fse|fsExtra|promises|fs\.promises|fsPromises)\s*\.\s*([A-Za-z]+)\s*\(/g;
  for (const match of code.matchAll(fsObjects))
    if (WRITING_CALLS.includes(match[2]!)) found.push(`${match[1]}.${match[2]}`);
  // Named imports from node:fs, fs/promises or fs-extra: `import { writeFileSync } from 'node:fs'`.
  for (const match of text.matchAll(
    /import\s*\{([^}]*)\}\s*from\s*['"](?:node:)?(fs|fs\/promises|fs-extra)['"]/g,
  )) {
    for (const name of match[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/)[0]!))
      if (WRITING_CALLS.includes(name)) found.push(`import ${name}`);
  }
  // open/openSync with a flag that writes ('w', 'a', 'r+', 'wx', or O_WRONLY/O_RDWR/O_CREAT constants).
  for (const match of text.matchAll(
    /\bopen(?:Sync)?\s*\([^)]*?(['"](?:w|a|r\+|wx|ax|w\+|a\+)[^'"]*['"]|O_WRONLY|O_RDWR|O_CREAT|O_APPEND)/g,
  ))
    found.push(`open ${match[1]}`);
  if (
    /\bfrom\s*['"]write-file-atomic['"]|require\(['"]write-file-atomic['"]\)|load\(['"]write-file-atomic['"]\)/.test(
      text,
    )
  )
    found.push('write-file-atomic');
  return found;
}

describe('safe writes everywhere', () => {
  it('finds writing calls in code, and not in comments or messages', () => {
    expect(writingCalls("fs.writeFileSync(file, 'x');")).toEqual(['fs.writeFileSync']);
    expect(writingCalls("import { renameSync as mv } from 'node:fs';")).toEqual(['import renameSync']);
    expect(writingCalls("const fd = fs.openSync(file, 'a');")).toEqual(["open 'a'"]);
    expect(writingCalls('await fse.outputFile(file, text)')).toEqual(['fse.outputFile']);
    expect(
      writingCalls(
        "// fs.writeFileSync(file)\nconst m = 'call fs.rmSync(x) here';\nfs.readFileSync(file);\nfs.openSync(file, 'r');",
      ),
    ).toEqual([]);
  });

  it('lets only core/safe-write.ts write to the file system', () => {
    const offenders: string[] = [];
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      if (OWNERS.includes(rel) || ALLOWED[rel]) continue;
      const calls = writingCalls(fs.readFileSync(file, 'utf8'));
      if (calls.length) offenders.push(`${rel}: ${[...new Set(calls)].join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('still sees the writes of safe-write.ts itself (the scan is not blind)', () => {
    const calls = writingCalls(fs.readFileSync(path.join(SRC, OWNER), 'utf8'));
    expect(calls).toEqual(
      expect.arrayContaining(['fs.rmSync', 'fs.mkdirSync', 'fs.writeSync', 'write-file-atomic']),
    );
  });
});
