/**
 * The hostile corpus of special files (issue 13): templates, conference.md,
 * state and config that are links out of the workspace, FIFOs or devices, and
 * damaged states. Kept apart from hostile-corpus.ts: each attack needs a
 * fresh workspace, since it replaces a file the others read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { initWorkspace } from '../../src/core/workspace/workspace.js';
import { defaultConference, note, tempDir } from './workspace.js';

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
  fs.writeFileSync(path.join(root, 'conf', 'talk.md'), note({ title: 'Talk' }));
  fs.writeFileSync(path.join(root, 'conf', 'notes.txt'), 'not a note\n');
  fs.writeFileSync(path.join(root, 'templates', 'note.md'), note({ title: '{{title}}' }));
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
