/**
 * The hostile-input corpus, generated (never checked in): one workspace whose
 * conference folder holds every kind of file a note reader can meet in the
 * wild, each with whether confnotes should read it as a note and a pattern the
 * message about it must match.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { initWorkspace } from '../../src/core/workspace/workspace.js';
import { defaultConference, tempDir } from './workspace.js';

export interface HostileFile {
  name: string;
  /** Workspace-relative path of the file. */
  path: string;
  /** True when it is a valid note after all (BOM, CRLF…) and must be read like any other. */
  readable: boolean;
  /** What the message naming the file says (for the unreadable ones). */
  message?: RegExp;
  /**
   * `jot` (a quick command: it never loads a YAML parser) only needs a closed
   * front-matter block in a UTF-8 text file; it adds to notes whose YAML is
   * broken, since appending a line cannot make them worse.
   */
  jotAccepts?: boolean;
}

export interface HostileCorpus {
  /** The folder holding the workspace and, beside it, the "outside" folder. */
  top: string;
  root: string;
  /** A folder outside the workspace that symbolic links point into. */
  outside: string;
  files: HostileFile[];
  /** Files that would appear if a note's code were ever evaluated. */
  canaries: string[];
  /** True when chmod 000 really stops this process reading a file (not so for root). */
  permissionsEnforced: boolean;
}

const front = (lines: string[], eol = '\n') =>
  `---${eol}${lines.join(eol)}${eol}---${eol}## Notes${eol}- 10:01 hi${eol}`;
const fields = (title: string) => [
  `title: ${title}`,
  'type: session',
  'conference: conf',
  'date: 2013-04-16',
  'start: "10:00"',
  'end: "10:40"',
];

export function buildHostileCorpus(): HostileCorpus {
  const top = tempDir('confnotes-hostile-');
  const root = path.join(top, 'ws');
  const outside = path.join(top, 'outside');
  initWorkspace(root);
  fs.mkdirSync(outside);
  const conf = path.join(root, 'conf');
  fs.mkdirSync(conf);
  fs.writeFileSync(path.join(conf, 'conference.md'), defaultConference);
  const files: HostileFile[] = [];
  const canaries: string[] = [];
  const add = (
    name: string,
    content: string | Buffer,
    readable: boolean,
    message?: RegExp,
    jotAccepts = readable,
  ) => {
    fs.writeFileSync(path.join(conf, name), content);
    files.push({ name, path: `conf/${name}`, readable, message, jotAccepts });
  };

  add('plain.md', front(fields('A plain note')), true);
  add('broken-yaml.md', '---\ntitle: [unclosed\ndate: 2013-04-16\n---\n', false, /broken YAML/, true);
  add('truncated-yaml.md', '---\ntitle: "Cut off in the midd', false, /never closes/);
  add('duplicate-keys.md', front([...fields('Twice'), 'title: again']), false, /broken YAML/, true);
  add('never-closes.md', `---\n${fields('Open').join('\n')}\n## Notes\n- 10:01 hi\n`, false, /never closes/);
  add('not-a-map.md', '---\n- a\n- b\n---\n', false, /not a set of "key: value" fields/, true);
  const laughs = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `lol${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  add('billion-laughs.md', front([...fields('Laughs'), ...laughs]), false, /alias|broken YAML/i, true);
  add(
    'deep-flow.md',
    `---\ntitle: Deep\ndate: 2013-04-16\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`,
    false,
    /nested too deeply/,
    true,
  );
  add(
    'deep-block.md',
    `---\ntitle: Deep\ndate: 2013-04-16\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n---\n`,
    false,
    /nested too deeply/,
    true,
  );
  // 50 MB: a valid front matter and a huge body, to prove nothing reads it whole.
  const big = Buffer.alloc(50 * 1024 * 1024, 'all work and no play makes a very long note\n');
  add('fifty-megabytes.md', Buffer.concat([Buffer.from(front(fields('Huge'))), big]), false, /too large/);
  add(
    'binary.md',
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff,
      0xfe,
    ]),
    false,
    /binary/,
  );
  add('empty.md', '', false, /empty file|no front matter/);
  add('whitespace-only.md', '  \n\t\n', false, /empty file|no front matter/);
  add('bom.md', `\uFEFF${front(fields('With a byte-order mark'))}`, true);
  add('crlf.md', front(fields('Windows line ends'), '\r\n'), true);
  add(
    'mixed-eol.md',
    `---\r\n${fields('Mixed line ends').join('\n')}\r\n---\n## Notes\r\n- 10:01 hi\n`,
    true,
  );
  add(
    'latin1.md',
    Buffer.concat([
      Buffer.from(`---\n${fields('Caf').join('\n')}\nsummary: caf`),
      Buffer.from([0xe9]),
      Buffer.from('\n---\n'),
    ]),
    false,
    /not UTF-8/,
  );
  add('nul-bytes.md', `${front(fields('Nul'))}text\0more\n`, false, /binary/);
  const canaryJs = path.join(top, 'pwned-by-js');
  const canaryCoffee = path.join(top, 'pwned-by-coffee');
  canaries.push(canaryJs, canaryCoffee);
  add(
    'front-matter-js.md',
    `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(canaryJs)}, 'x') || 'js', date: '2013-04-16' }\n---\nbody\n`,
    false,
    /"js" is not read/,
  );
  add(
    'front-matter-coffee.md',
    `---coffee\ntitle: require('fs').writeFileSync(${JSON.stringify(canaryCoffee)}, 'x')\n---\nbody\n`,
    false,
    /"coffee" is not read/,
  );
  add(
    'rtl-and-zero-width.md',
    front(fields('"\u202Egnp.exe \u200Bzero\u200Dwidth \u05E9\u05DC\u05D5\u05DD"')),
    true,
  );
  add(
    'shell-metacharacters.md',
    front(fields(`'$(touch ${path.join(top, 'pwned-by-shell')}); \`id\` | rm -rf ~ && echo > /dev/null'`)),
    true,
  );
  canaries.push(path.join(top, 'pwned-by-shell'));
  add('control-chars-\x1b[31m.md', front(fields('Escape in the name')), true);

  // Links: out of the workspace, in a loop, to nothing, to a FIFO (reading it would hang).
  fs.writeFileSync(path.join(outside, 'secret.md'), front(fields('Not yours')));
  const link = (name: string, target: string, message: RegExp) => {
    fs.symlinkSync(target, path.join(conf, name));
    files.push({ name, path: `conf/${name}`, readable: false, message });
  };
  link('outside-link.md', path.join(outside, 'secret.md'), /outside the workspace/);
  link('loop-a.md', path.join(conf, 'loop-b.md'), /loop/);
  link('loop-b.md', path.join(conf, 'loop-a.md'), /loop/);
  link('dangling.md', path.join(conf, 'nothing-here.md'), /to nothing/);
  if (spawnSync('mkfifo', [path.join(conf, 'fifo.md')]).status === 0) {
    files.push({ name: 'fifo.md', path: 'conf/fifo.md', readable: false, message: /./ });
    link('link-to-fifo.md', path.join(conf, 'fifo.md'), /not a file/);
  }

  // A note nobody may read: chmod 000. As root, permissions do not stop reads: then it is a plain note.
  const locked = path.join(conf, 'unreadable.md');
  fs.writeFileSync(locked, front(fields('Locked')));
  fs.chmodSync(locked, 0o000);
  let permissionsEnforced = true;
  try {
    fs.readFileSync(locked);
    permissionsEnforced = false;
  } catch {
    // EACCES: permissions are enforced for this user
  }
  files.push({
    name: 'unreadable.md',
    path: 'conf/unreadable.md',
    readable: !permissionsEnforced,
    message: permissionsEnforced ? /permission denied/ : undefined,
  });

  // A second conference whose conference.md is itself broken.
  fs.mkdirSync(path.join(root, 'broken-conf'));
  fs.writeFileSync(path.join(root, 'broken-conf', 'conference.md'), '---\nname: [Broken\n---\n');
  return { top, root, outside, files, canaries, permissionsEnforced };
}

/**
 * Every file under `dir` (symbolic links and FIFOs as what they are, never
 * followed), with a digest of its bytes: large files by size, inode and
 * modification time, unreadable ones by their mode.
 */
export function digestTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full);
      const stat = fs.lstatSync(full);
      if (entry.isDirectory()) {
        out.set(`${rel}/`, `dir ${stat.mode}`);
        walk(full);
      } else if (entry.isSymbolicLink()) out.set(rel, `link ${fs.readlinkSync(full)}`);
      else if (!entry.isFile()) out.set(rel, `special ${stat.mode}`);
      else if (stat.size > 1024 * 1024)
        out.set(rel, `big ${stat.size} ${stat.ino} ${stat.mtimeMs} ${stat.mode}`);
      else {
        try {
          out.set(
            rel,
            `file ${stat.mode} ${crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`,
          );
        } catch {
          out.set(rel, `unreadable ${stat.size} ${stat.mtimeMs} ${stat.mode}`);
        }
      }
    }
  };
  walk(dir);
  return out;
}
