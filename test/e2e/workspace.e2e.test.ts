/** The notes workspace, driven through the built bin/confnotes.js exactly as a user types it. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';
import { snapshot, tempDir, testContext } from '../helpers/workspace.js';

const NOW = { CONFNOTES_NOW: '2013-04-16T18:02:00Z' };
let home: string;
let ws: string;

function run(args: string[], env: Record<string, string | undefined> = {}, cwd = ws) {
  return confnotes(args, { cwd, env: { ...NOW, ...env } });
}

// One workspace set up once, copied for each test that calls setUp (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  expect(confnotes(['init', ws], { cwd: template }).code).toBe(0);
  const made = run([
    'conf',
    'new',
    'OpenStack Summit 2013',
    '--start',
    '2013-04-15',
    '--end',
    '2013-04-18',
    '--timezone',
    'America/Los_Angeles',
    '--location',
    'Portland, Oregon',
  ]);
  expect(made.code).toBe(0);
});
function setUp() {
  home = fresh();
  ws = path.join(home, 'ws');
}

describe('init and finding the workspace', () => {
  beforeEach(setUp);

  it('creates a workspace once and never touches it again', () => {
    expect(fs.existsSync(path.join(ws, '.confnotes', 'config.yml'))).toBe(true);
    // Shared through git, a workspace leaves out this machine's state, cache and locks.
    expect(fs.readFileSync(path.join(ws, '.confnotes', '.gitignore'), 'utf8')).toMatch(
      /^state\.json\ncache-\*\.json\nnotes-cache\/\ncheck-cache\/\nprogramme-cache\/\nsearch\/\n/,
    );
    const before = snapshot(ws);
    const again = confnotes(['init', ws], { cwd: home });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already/);
    expect(snapshot(ws)).toEqual(before);
  });

  it('fails with a one-line hint when there is no workspace', () => {
    const nowhere = tempDir();
    const result = confnotes(['list'], { cwd: nowhere });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/confnotes init/);
  });

  it('finds the workspace from a sub-folder, from CONFNOTES_DIR and from --dir', () => {
    const sub = path.join(ws, 'openstack-summit-2013');
    expect(run(['conf', 'list', '--json'], {}, sub).code).toBe(0);
    expect(confnotes(['conf', 'list', '--json'], { cwd: home, env: { CONFNOTES_DIR: ws } }).code).toBe(0);
    expect(confnotes(['--dir', ws, 'conf', 'list', '--json'], { cwd: home }).code).toBe(0);
    expect(confnotes(['conf', 'list', '--dir', ws], { cwd: home }).code).toBe(0);
  });
});

describe('conferences', () => {
  beforeEach(setUp);

  it('lists conferences as JSON with the promised keys', () => {
    const result = run(['conf', 'list', '--json']);
    const [conf] = JSON.parse(result.stdout);
    expect(Object.keys(conf).sort()).toEqual(
      // abs_path added by issue 19 (path became relative).
      ['abs_path', 'current', 'end', 'location', 'name', 'notes', 'path', 'slug', 'start', 'timezone'].sort(),
    );
    expect(conf).toMatchObject({
      slug: 'openstack-summit-2013',
      name: 'OpenStack Summit 2013',
      start: '2013-04-15',
      end: '2013-04-18',
      current: true,
      notes: 0,
      timezone: 'America/Los_Angeles',
    });
  });

  it('switches the current conference and refuses unknown ones', () => {
    expect(run(['conf', 'new', 'FOSDEM 2014', '--start', '2014-02-01', '--end', '2014-02-02']).code).toBe(0);
    let list = JSON.parse(run(['conf', 'list', '--json']).stdout);
    expect(list.find((c: { current: boolean }) => c.current).slug).toBe('fosdem-2014');
    expect(run(['conf', 'use', 'openstack-summit-2013']).code).toBe(0);
    list = JSON.parse(run(['conf', 'list', '--json']).stdout);
    expect(list.find((c: { current: boolean }) => c.current).slug).toBe('openstack-summit-2013');
    expect(run(['conf', 'use', 'nope']).code).toBe(1);
  });

  it('refuses bad input with exit code 2 and an existing conference with 1', () => {
    expect(run(['conf', 'new', 'X', '--start', '2013-02-30', '--end', '2013-03-01']).code).toBe(2);
    expect(run(['conf', 'new', 'X', '--start', '2013-03-02', '--end', '2013-03-01']).code).toBe(2);
    expect(
      run(['conf', 'new', 'X', '--start', '2013-03-01', '--end', '2013-03-01', '--timezone', 'Mars/Olympus'])
        .code,
    ).toBe(2);
    expect(run(['conf', 'new', 'X', '--start', '2013-03-01']).code).toBe(2);
    const again = run([
      'conf',
      'new',
      'OpenStack Summit 2013',
      '--start',
      '2013-04-15',
      '--end',
      '2013-04-18',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});

describe('new', () => {
  beforeEach(setUp);

  it('prints the path of the new note as the only line on stdout', () => {
    const result = run([
      'new',
      'Orchestrating Fibre Channel in Cinder',
      '--speaker',
      'Jane Roe',
      '--speaker',
      'Kurt Smith',
      '--tag',
      'Storage',
      '--tag',
      'cinder',
      '--rating',
      '5',
      '--favourite',
      '--link',
      'https://example.org/videos/fc',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'openstack-summit-2013/2013-04-16-1102-orchestrating-fibre-channel-in-cinder.md\n',
    );
    const text = fs.readFileSync(path.join(ws, result.stdout.trim()), 'utf8');
    expect(text).toContain('title: Orchestrating Fibre Channel in Cinder\n');
    expect(text).toContain('speakers: [Jane Roe, Kurt Smith]\n');
    expect(text).toContain('tags: [storage, cinder]\n');
    expect(text).toContain('start: "11:02"\n');
    expect(text).toContain('date: 2013-04-16\n');
    // Issue 19: links are flat properties.
    expect(text).toContain('\nvideo: https://example.org/videos/fc\n');
  });

  it('takes --at, --duration and --type, and never overwrites', () => {
    const args = ['new', 'Keynote', '--type', 'keynote', '--at', '2013-04-17 09:00', '--duration', '25'];
    const first = run(args);
    const second = run(args);
    expect(first.stdout.trim()).toBe('openstack-summit-2013/2013-04-17-0900-keynote.md');
    expect(second.stdout.trim()).toBe('openstack-summit-2013/2013-04-17-0900-keynote-2.md');
    expect(fs.readFileSync(path.join(ws, first.stdout.trim()), 'utf8')).toContain('end: "09:25"');
  });

  it('keeps hostile titles inside the conference folder', () => {
    for (const title of ['../../../etc/passwd', '/tmp/evil', '$(touch pwned)', 'a\u202Egnp.exe', '..']) {
      const result = run(['new', title]);
      expect(result.code).toBe(0);
      const file = path.resolve(ws, result.stdout.trim());
      expect(path.dirname(file)).toBe(path.join(ws, 'openstack-summit-2013'));
    }
    expect(fs.existsSync(path.join(ws, 'pwned'))).toBe(false);
  });

  it('prints the path from where the user stands', () => {
    const sub = path.join(ws, 'openstack-summit-2013');
    const result = run(['new', 'Talk'], {}, sub);
    expect(result.stdout.trim()).toBe('2013-04-16-1102-talk.md');
  });

  it('refuses bad options with exit code 2', () => {
    expect(run(['new']).code).toBe(2);
    expect(run(['new', 'x', '--type', 'party']).code).toBe(2);
    expect(run(['new', 'x', '--at', 'tomorrow']).code).toBe(2);
    expect(run(['new', 'x', '--rating', 'five']).code).toBe(2);
    expect(run(['new', 'x', '--link', 'nope']).code).toBe(2);
    expect(run(['new', 'x', '--frobnicate']).code).toBe(2);
    expect(fs.readdirSync(path.join(ws, 'openstack-summit-2013'))).toEqual(['conference.md']);
  });

  it('uses a workspace template over the built-in one', () => {
    fs.writeFileSync(
      path.join(ws, 'templates', 'note.md'),
      '---\ntitle: {{{yaml.title}}}\ndate: {{{yaml.date}}}\nstart: {{{yaml.start}}}\n---\n# {{title}} (my own layout)\n',
    );
    const result = run(['new', 'Mine']);
    expect(fs.readFileSync(path.join(ws, result.stdout.trim()), 'utf8')).toContain('# Mine (my own layout)');
  });
});

describe('tag and untag', () => {
  beforeEach(setUp);

  const handWritten = [
    '---',
    '# my own comment, kept',
    "title: 'Ceilometer: from metrics to metering'",
    'date: 2013-04-16',
    'start: "14:00"',
    'tags:',
    '  - metering   # why I care',
    '  - ceilometer',
    'my_field: {nested: [1, 2]}',
    '---',
    'Body with trailing spaces   ',
    '',
  ].join('\n');

  it('changes only the tags entry, byte for byte', () => {
    const file = path.join(ws, 'openstack-summit-2013', '2013-04-16-1400-ceilometer.md');
    fs.writeFileSync(file, handWritten);
    const tagged = run(['tag', 'ceilometer', 'Billing', '#metering']);
    expect(tagged.code).toBe(0);
    expect(tagged.stdout.trim()).toBe('metering ceilometer billing');
    expect(fs.readFileSync(file, 'utf8')).toBe(
      handWritten.replace('  - ceilometer\n', '  - ceilometer\n  - billing\n'),
    );
    expect(run(['untag', '2013-04-16-1400', 'billing']).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(handWritten);
  });

  it('fails on a broken note, naming the file and line, and leaves it alone', () => {
    const file = path.join(ws, 'openstack-summit-2013', 'broken.md');
    const text = '---\ntitle: x\ntags: [a, b\ndate: 2013-04-16\n---\nbody\n';
    fs.writeFileSync(file, text);
    const result = run(['tag', 'openstack-summit-2013/broken.md', 'c']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^confnotes: openstack-summit-2013\/broken\.md:\d+: broken YAML/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(
      fs.readdirSync(path.dirname(file)).filter((name) => name.includes('.lock') || /\.md\.\w+$/.test(name)),
    ).toEqual([]);
  });

  it('says which notes an ambiguous reference matches', () => {
    run(['new', 'Talk one']);
    run(['new', 'Talk two']);
    const result = run(['tag', 'talk', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/matches 2 notes/);
  });
});

describe('list and tags', () => {
  beforeEach(() => {
    setUp();
    const add = (args: string[]) => expect(run(['new', ...args]).code).toBe(0);
    add([
      'Rackspace keynote',
      '--type',
      'keynote',
      '--at',
      '2013-04-16 09:00',
      '--tag',
      'keynote',
      '--tag',
      'community',
      '--rating',
      '3',
    ]);
    add([
      'Fibre Channel in Cinder',
      '--at',
      '2013-04-16 11:00',
      '--tag',
      'storage/cinder',
      '--tag',
      'enterprise',
      '--rating',
      '5',
      '--favourite',
      '--speaker',
      'Jane Roe',
    ]);
    add(['Swift at scale', '--at', '2013-04-17 10:00', '--tag', 'storage/swift', '--rating', '4']);
    add([
      'Quantum lab',
      '--type',
      'workshop',
      '--at',
      '2013-04-17 13:00',
      '--tag',
      'networking',
      '--rating',
      '5',
      '--favourite',
    ]);
    add(['Hallway chat', '--type', 'hallway', '--at', '2013-04-18 15:00', '--private']);
  });

  const titles = (args: string[]) =>
    JSON.parse(run(['list', '--json', ...args]).stdout).map((n: { title: string }) => n.title);

  it('gives scripts exactly the promised keys', () => {
    const [first] = JSON.parse(run(['list', '--json']).stdout);
    expect(Object.keys(first)).toEqual([
      'id',
      'path',
      'conference',
      'title',
      'type',
      'date',
      'start',
      'end',
      'speakers',
      'tags',
      'rating',
      'favourite',
      'private',
      // Added by issue 19.
      'abs_path',
      'start_at',
      'end_at',
      // Added by issue 16: the ref of the talk the note was started from, or null.
      'ref',
    ]);
    expect(first).toMatchObject({
      id: '2013-04-16-0900-rackspace-keynote',
      path: 'openstack-summit-2013/2013-04-16-0900-rackspace-keynote.md',
      conference: 'openstack-summit-2013',
      rating: 3,
      private: false,
    });
  });

  it('filters by tag (with children, all of them), type, day, favourite, rating and text', () => {
    expect(titles(['--tag', 'storage'])).toEqual(['Fibre Channel in Cinder', 'Swift at scale']);
    expect(titles(['--tag', 'storage', '--tag', 'enterprise'])).toEqual(['Fibre Channel in Cinder']);
    expect(titles(['--tag', '#Storage/Swift'])).toEqual(['Swift at scale']);
    expect(titles(['--type', 'workshop'])).toEqual(['Quantum lab']);
    expect(titles(['--day', '2013-04-17'])).toEqual(['Swift at scale', 'Quantum lab']);
    expect(titles(['--favourite'])).toEqual(['Fibre Channel in Cinder', 'Quantum lab']);
    expect(titles(['--min-rating', '4', '--sort', 'rating'])).toEqual([
      'Fibre Channel in Cinder',
      'Quantum lab',
      'Swift at scale',
    ]);
    expect(titles(['--search', 'jane roe'])).toEqual(['Fibre Channel in Cinder']);
    expect(titles(['--sort', 'title'])[0]).toBe('Fibre Channel in Cinder');
  });

  it('prints an aligned table for people, cut to the terminal width when asked', () => {
    const result = run(['list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^when\s+type\s+title\s+tags\s+rating\s+id$/);
    expect(lines).toHaveLength(6);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('counts tags, most used first', () => {
    const counts = JSON.parse(run(['tags', '--json']).stdout);
    expect(counts[0]).toEqual({ tag: 'community', count: 1 });
    expect(counts).toHaveLength(6);
    expect(run(['tags']).stdout).toMatch(/^tag\s+notes\n/);
  });

  it('lists every good note and warns once per bad file, exit 0', () => {
    const dir = path.join(ws, 'openstack-summit-2013');
    fs.writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: [\n---\n');
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
    fs.writeFileSync(
      path.join(dir, 'js.md'),
      `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(path.join(ws, 'pwned'))}, 'x') }\n---\n`,
    );
    const result = run(['list', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(5);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings).toHaveLength(3);
    expect(result.stderr).toMatch(/broken\.md:2: broken YAML/);
    expect(fs.existsSync(path.join(ws, 'pwned'))).toBe(false);
    expect(run(['show', 'openstack-summit-2013/binary.md']).code).toBe(1);
  });

  it('scopes to one conference or all', () => {
    expect(run(['conf', 'new', 'Other', '--start', '2014-01-01', '--end', '2014-01-02']).code).toBe(0);
    expect(run(['new', 'Elsewhere', '--at', '2014-01-01 10:00']).code).toBe(0);
    expect(titles([])).toEqual(['Elsewhere']);
    expect(titles(['--all'])).toHaveLength(6);
    expect(titles(['--conf', 'openstack-summit-2013'])).toHaveLength(5);
    expect(run(['list', '--conf', 'nope']).code).toBe(1);
  });
});

describe('show and edit', () => {
  beforeEach(setUp);

  it('prints a note byte for byte, or its fields as JSON', () => {
    const made = run(['new', 'Heat and TripleO', '--tag', 'heat']).stdout.trim();
    const shown = run(['show', 'heat']);
    expect(shown.stdout).toBe(fs.readFileSync(path.join(ws, made), 'utf8'));
    expect(JSON.parse(run(['show', 'heat', '--json']).stdout)).toMatchObject({
      title: 'Heat and TripleO',
      tags: ['heat'],
    });
    expect(run(['show', 'nothing']).code).toBe(1);
  });

  it('opens $VISUAL with its arguments, else $EDITOR', () => {
    const made = run(['new', 'Edit me']).stdout.trim();
    const script = path.join(home, 'fake-editor.sh');
    fs.writeFileSync(script, '#!/bin/sh\nprintf -- "- edited by %s\\n" "$1" >> "$2"\n');
    fs.chmodSync(script, 0o755);
    expect(run(['edit', 'edit-me'], { VISUAL: `${script} visual`, EDITOR: 'false' }).code).toBe(0);
    expect(run(['edit', 'edit-me'], { EDITOR: `${script} editor` }).code).toBe(0);
    const text = fs.readFileSync(path.join(ws, made), 'utf8');
    expect(text).toMatch(/- edited by visual\n- edited by editor\n$/);
    expect(run(['edit', 'edit-me'], { EDITOR: 'false' }).code).toBe(1);
  });
});

describe('help and terminal manners', () => {
  it('shows examples in the help of every command', () => {
    const cwd = tempDir();
    // Every visible command and subcommand the CLI declares, so a new one cannot ship without examples.
    const commands: string[][] = [[]];
    const walk = (command: Command, prefix: string[]) => {
      for (const sub of command.commands) {
        if ((sub as unknown as { _hidden?: boolean })._hidden) continue;
        commands.push([...prefix, sub.name()]);
        walk(sub, [...prefix, sub.name()]);
      }
    };
    walk(
      buildProgram(testContext(cwd), {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: process.stdin,
      }),
      [],
    );
    expect(commands.map((c) => c.join(' '))).toEqual(
      expect.arrayContaining([
        'report',
        'jot',
        'conf new',
        'completion',
        'search',
        'speakers',
        'set',
        'conf set',
        'rm',
        'restore',
      ]),
    );
    for (const command of commands) {
      const result = confnotes([...command, '--help'], { cwd });
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout, command.join(' ')).toMatch(/Examples:\n\s+\$ confnotes/);
    }
  });

  it('prints the version and rejects unknown commands with exit 2', () => {
    const cwd = tempDir();
    expect(confnotes(['--version'], { cwd }).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const unknown = confnotes(['frobnicate'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it('never colours output when NO_COLOR is set, even when forced', () => {
    setUp();
    run(['new', 'Talk', '--rating', '4']);
    expect(run(['list'], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(run(['list'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });
});
