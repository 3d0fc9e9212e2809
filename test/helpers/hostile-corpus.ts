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

/*
 * Special files (issue 13): templates, conference.md, state and config that
 * are links out of the workspace, FIFOs or devices, and a damaged state.
 * Each attack gets a fresh workspace (it replaces a file the others need):
 * `conf/conference.md`, the current note `conf/talk.md`, and beside the
 * workspace an `outside/` folder holding a secret that must never be shown.
 */
export const SECRET = 'TOP-SECRET-7f3a';

export interface SpecialFileAttack {
  name: string;
  /** Turns the fresh workspace into the attack. */
  setup(root: string, outside: string): void;
  args: (root: string, outside: string) => string[];
  code: number;
  /** What stderr must say (naming the file). */
  message: RegExp;
}

export interface SpecialWorkspace {
  top: string;
  root: string;
  outside: string;
}

const mkfifo = (file: string) => {
  fs.rmSync(file, { force: true });
  const result = spawnSync('mkfifo', [file]);
  if (result.status !== 0) throw new Error(`mkfifo ${file} failed`);
};
const linkTo = (target: string, file: string) => {
  fs.rmSync(file, { force: true });
  fs.symlinkSync(target, file);
};
const writeState = (root: string, state: unknown) =>
  fs.writeFileSync(
    path.join(root, '.confnotes', 'state.json'),
    typeof state === 'string' ? state : JSON.stringify(state),
  );

export function buildSpecialWorkspace(): SpecialWorkspace {
  const top = tempDir('confnotes-special-');
  const root = path.join(top, 'ws');
  const outside = path.join(top, 'outside');
  initWorkspace(root);
  fs.mkdirSync(outside);
  fs.mkdirSync(path.join(root, 'conf'));
  fs.writeFileSync(path.join(root, 'conf', 'conference.md'), defaultConference);
  fs.writeFileSync(path.join(root, 'conf', 'talk.md'), front(fields('Talk')));
  fs.writeFileSync(path.join(root, 'conf', 'notes.txt'), 'not a note\n');
  fs.writeFileSync(path.join(root, 'templates', 'note.md'), front(fields('{{title}}')));
  writeState(root, { conference: 'conf', note: 'conf/talk.md', timezone: 'UTC' });
  // Readable as a template, a conference, a state and a config: whatever reads it must not.
  fs.writeFileSync(
    path.join(outside, 'secret.md'),
    `---\nname: ${SECRET}\nauthor: ${SECRET}\nnote: ../outside/secret.md\n---\n# ${SECRET}\n{{title}} ${SECRET}\n`,
  );
  fs.writeFileSync(
    path.join(outside, 'secret.json'),
    JSON.stringify({ note: '../outside/secret.md', conference: SECRET }),
  );
  return { top, root, outside };
}

const at = (root: string, rel: string) => path.join(root, ...rel.split('/'));
const refused = (rel: string, why: RegExp | string) =>
  new RegExp(`${rel.replace(/[.]/g, '\\.')}.*${typeof why === 'string' ? why : why.source}.*not read`);

/** A workspace file replaced by a link to the secret, a FIFO and a link to /dev/zero, for the commands that read it. */
function specialFileAttacks(rel: string, args: string[], shown = rel): SpecialFileAttack[] {
  return [
    {
      name: `${rel} → a file outside the workspace: ${args.join(' ')}`,
      setup: (root, outside) =>
        linkTo(path.join(outside, rel.endsWith('.json') ? 'secret.json' : 'secret.md'), at(root, rel)),
      args: () => args,
      code: 1,
      message: refused(shown, 'outside the workspace'),
    },
    {
      name: `${rel} as a FIFO: ${args.join(' ')}`,
      setup: (root) => mkfifo(at(root, rel)),
      args: () => args,
      code: 1,
      message: refused(shown, 'FIFO'),
    },
    {
      name: `${rel} → /dev/zero: ${args.join(' ')}`,
      setup: (root) => linkTo('/dev/zero', at(root, rel)),
      args: () => args,
      code: 1,
      message: refused(shown, 'outside the workspace'),
    },
  ];
}

/** What a damaged state may name as the current note: none of it is a note, so `jot` must say there is none. */
const DAMAGED_STATES: { name: string; state: (root: string, outside: string) => unknown }[] = [
  { name: 'not JSON', state: () => '{"note": "conf/conference.md"' },
  { name: 'an array', state: () => '["conf/conference.md"]' },
  { name: 'a number as the note', state: () => ({ note: 42 }) },
  { name: 'an object as the note', state: () => ({ note: { path: 'conf/conference.md' } }) },
  { name: 'conference.md', state: () => ({ note: 'conf/conference.md' }) },
  { name: 'CONFERENCE.MD spelled otherwise', state: () => ({ note: 'conf/Conference.MD' }) },
  { name: 'conference.md through ..', state: () => ({ note: 'conf/../conf/conference.md' }) },
  { name: 'conference.md through ./', state: () => ({ note: './conf/conference.md' }) },
  { name: 'the workspace README', state: () => ({ note: 'README.md' }) },
  { name: 'the config', state: () => ({ note: '.confnotes/config.yml' }) },
  { name: 'a template', state: () => ({ note: 'templates/note.md' }) },
  { name: 'a text file', state: () => ({ note: 'conf/notes.txt' }) },
  { name: 'a file outside, relative', state: () => ({ note: '../outside/secret.md' }) },
  {
    name: 'a file outside, absolute',
    state: (_root, outside) => ({ note: path.join(outside, 'secret.md') }),
  },
  { name: 'a missing note', state: () => ({ note: 'conf/missing.md' }) },
  { name: 'a folder', state: () => ({ note: 'conf' }) },
];

export const SPECIAL_FILE_ATTACKS: SpecialFileAttack[] = [
  ...specialFileAttacks('templates/report.md', ['report']),
  ...specialFileAttacks('templates/session.md', ['new', 'Copied template']),
  ...specialFileAttacks('conf/conference.md', ['report']),
  ...specialFileAttacks('conf/conference.md', ['conf', 'list']),
  ...specialFileAttacks('.confnotes/state.json', ['jot', 'hello']),
  ...specialFileAttacks('.confnotes/state.json', ['report']),
  ...specialFileAttacks('.confnotes/config.yml', ['report']),
  {
    name: 'report --template: a link inside the workspace to a file outside',
    setup: (root, outside) => linkTo(path.join(outside, 'secret.md'), at(root, 'conf/look.mustache')),
    args: (root) => ['report', '--template', at(root, 'conf/look.mustache')],
    code: 1,
    message: refused('look.mustache', 'outside the workspace'),
  },
  {
    name: 'report --template: a FIFO the user names',
    setup: (_root, outside) => mkfifo(path.join(outside, 'pipe.md')),
    args: (_root, outside) => ['report', '--template', path.join(outside, 'pipe.md')],
    code: 1,
    message: refused('pipe.md', 'FIFO'),
  },
  {
    name: 'report --template /dev/zero',
    setup: () => {},
    args: () => ['report', '--template', '/dev/zero'],
    code: 1,
    message: refused('/dev/zero', 'device'),
  },
  {
    name: 'the current note is a FIFO',
    setup: (root) => {
      mkfifo(at(root, 'conf/pipe.md'));
      writeState(root, { conference: 'conf', note: 'conf/pipe.md' });
    },
    args: () => ['jot', 'hello'],
    code: 1,
    message: /no current note/,
  },
  ...DAMAGED_STATES.map(
    ({ name, state }): SpecialFileAttack => ({
      name: `a damaged state (${name}): jot says there is no current note`,
      setup: (root, outside) => writeState(root, state(root, outside)),
      args: () => ['jot', 'hello'],
      code: 1,
      message: /no current note/,
    }),
  ),
];
