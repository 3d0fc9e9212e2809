import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initWorkspace } from '../../src/core/workspace/workspace.js';
import { confnotes } from '../helpers/cli.js';
import { defaultConference, note, tempDir } from '../helpers/workspace.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Three conferences, with a speaker spelled three ways and a private note. */
function setUp() {
  const top = tempDir();
  made.push(top);
  const root = path.join(top, 'ws');
  initWorkspace(root);
  const write = (slug: string, name: string, fields: Record<string, string>, body: string) => {
    fs.mkdirSync(path.join(root, slug), { recursive: true });
    const conf = path.join(root, slug, 'conference.md');
    if (!fs.existsSync(conf)) fs.writeFileSync(conf, defaultConference);
    const file = path.join(root, slug, `${name}.md`);
    fs.writeFileSync(file, note({ conference: slug, ...fields }, body));
    return file;
  };
  const files = {
    fc: write(
      'summit-2013',
      '2013-04-16-1100-fibre',
      { title: 'Fibre Channel in Cinder', speakers: '["Jürgen Müller"]', tags: '[storage]', rating: '5' },
      '## Notes\n\n- FC needs zoning, done by the driver\n',
    ),
    coffee: write(
      'summit-2013',
      '2013-04-17-0900-coffee',
      { title: 'Coffee with a vendor', private: 'true' },
      '## Notes\n\n- they do zoning by hand\n',
    ),
    ceph: write(
      'fosdem-2014',
      '2014-02-01-1000-ceph',
      { title: 'Ceph at scale', date: '2014-02-01', speakers: '["Jurgen Muller", "Ada Lovelace"]' },
      '## Notes\n\n- placement groups\n',
    ),
    kube: write(
      'kubecon-2020',
      '2020-03-30-1400-kube',
      { title: 'Operators', date: '2020-03-30', speakers: '["JÜRGEN MÜLLER"]', tags: '[kubernetes]' },
      '## Notes\n\n- reconcile loops\n',
    ),
  };
  const run = (args: string[], env: Record<string, string> = {}) =>
    confnotes(args, { cwd: root, env: { NO_COLOR: '1', ...env } });
  return { root, files, run };
}

describe('confnotes search', () => {
  it('finds notes across every conference, most relevant first, private ones marked', () => {
    const { run } = setUp();
    const table = run(['search', 'zoning']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^date\s+conference\s+title\s+snippet\s+id$/);
    expect(lines).toHaveLength(3);
    expect(table.stdout).toMatch(
      /summit-2013\s+Fibre Channel in Cinder\s+Notes: FC needs «zoning», done by the driver/,
    );
    expect(table.stdout).toMatch(/\(private\) Coffee with a vendor\s+Notes: they do «zoning» by hand/);

    const json = run(['search', 'zoning', '--json']);
    const hits = JSON.parse(json.stdout);
    expect(hits.map((h: { id: string }) => h.id).sort()).toEqual([
      '2013-04-16-1100-fibre',
      '2013-04-17-0900-coffee',
    ]);
    expect(Object.keys(hits[0])).toEqual([
      'id',
      'path',
      'conference',
      'title',
      'date',
      'score',
      'snippet',
      'type',
      'start',
      'end',
      'speakers',
      'tags',
      'rating',
      'favourite',
      'private',
      // The list --json keys issue 19 adds for scripts.
      'abs_path',
      'start_at',
      'end_at',
      'ref',
    ]);
    // Every key list --json gives, as the README promises.
    const listed = JSON.parse(run(['list', '--json', '--all']).stdout)[0];
    for (const key of Object.keys(listed)) expect(Object.keys(hits[0])).toContain(key);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
    const coffee = hits.find((h: { id: string }) => h.id === '2013-04-17-0900-coffee');
    expect(coffee).toMatchObject({
      private: true,
      snippet: 'Notes: they do zoning by hand',
      conference: 'summit-2013',
    });
  });

  it('matches accents and case, the last word as a prefix, phrases, and the filters of list', () => {
    const { run } = setUp();
    const ids = (...args: string[]) =>
      JSON.parse(run(['search', ...args, '--json']).stdout)
        .map((h: { id: string }) => h.id)
        .sort();
    expect(ids('muller')).toEqual(['2013-04-16-1100-fibre', '2014-02-01-1000-ceph', '2020-03-30-1400-kube']);
    expect(ids('MÜLLER', '--conf', 'fosdem-2014')).toEqual(['2014-02-01-1000-ceph']);
    expect(ids('recon')).toEqual(['2020-03-30-1400-kube']);
    expect(ids('"zoning done"')).toEqual(['2013-04-16-1100-fibre']);
    expect(ids('"done zoning"')).toEqual([]);
    expect(ids('zoning', '--min-rating', '4')).toEqual(['2013-04-16-1100-fibre']);
    expect(ids('muller', '--tag', 'kubernetes')).toEqual(['2020-03-30-1400-kube']);
    expect(ids('muller', '--speaker', 'lovelace')).toEqual(['2014-02-01-1000-ceph']);
    expect(run(['search', 'nowhere']).stderr).toBe('no notes match\n');
    expect(run(['search', '--conf', 'x', '--all', 'zoning']).code).toBe(2);
    expect(run(['search', '!!']).code).toBe(2);
    expect(run(['search']).code).toBe(2);
  });

  it('marks matches in bold on a colour terminal', () => {
    const { run } = setUp();
    const coloured = run(['search', 'placement'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain('\u001b[1mplacement\u001b[22m');
    expect(coloured.stdout).not.toContain('«');
  });

  it('reads words inside code spans, and not the HTML comments of templates', () => {
    const { files, run } = setUp();
    fs.appendFileSync(
      files.ceph,
      '- see `kubectl-rollout` first\n<!-- Open items as "- [ ] ...": the trip report lists every one not yet ticked. -->\n',
    );
    const hits = JSON.parse(run(['search', 'kubectl-rollout', '--json']).stdout);
    expect(hits.map((hit: { id: string }) => hit.id)).toEqual(['2014-02-01-1000-ceph']);
    expect(hits[0].snippet).toContain('kubectl-rollout');
    expect(hits[0].snippet).not.toContain('-->');
    expect(run(['search', 'ticked']).stderr).toContain('no notes match');
    // list --search still finds any text, comments included (it matches the file's characters).
    expect(run(['list', '--all', '--search', 'ticked', '--json']).stdout).toContain('ceph');
  });

  it('never answers from an old version: an edit in place keeping size and mtime', async () => {
    const { run, files } = setUp();
    // A whole-millisecond time that can be put back exactly; then wait until the index may trust it.
    const when = new Date('2013-04-16T18:00:00Z');
    fs.utimesSync(files.ceph, when, when);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(JSON.parse(run(['search', 'placement', '--json']).stdout)).toHaveLength(1);
    const { size } = fs.statSync(files.ceph);
    fs.writeFileSync(files.ceph, fs.readFileSync(files.ceph, 'utf8').replace('placement', 'bluestore'));
    fs.utimesSync(files.ceph, when, when);
    expect([fs.statSync(files.ceph).size, fs.statSync(files.ceph).mtimeMs]).toEqual([size, when.getTime()]);
    expect(JSON.parse(run(['search', 'placement', '--json']).stdout)).toEqual([]);
    expect(JSON.parse(run(['search', 'bluestore', '--json']).stdout)[0].id).toBe('2014-02-01-1000-ceph');
  });
});

describe('confnotes speakers and list --speaker', () => {
  it('counts talks per speaker across accents and case, most first', () => {
    const { run } = setUp();
    const json = JSON.parse(run(['speakers', '--json']).stdout);
    expect(json).toEqual([
      {
        speaker: 'Jürgen Müller',
        count: 3,
        notes: [
          'summit-2013/2013-04-16-1100-fibre.md',
          'fosdem-2014/2014-02-01-1000-ceph.md',
          'kubecon-2020/2020-03-30-1400-kube.md',
        ],
      },
      { speaker: 'Ada Lovelace', count: 1, notes: ['fosdem-2014/2014-02-01-1000-ceph.md'] },
    ]);
    expect(run(['speakers']).stdout).toBe(
      'speaker        talks\nJürgen Müller      3\nAda Lovelace       1\n',
    );
    expect(JSON.parse(run(['speakers', '--conf', 'kubecon-2020', '--json']).stdout)).toEqual([
      { speaker: 'JÜRGEN MÜLLER', count: 1, notes: ['kubecon-2020/2020-03-30-1400-kube.md'] },
    ]);
    const list = JSON.parse(run(['list', '--all', '--speaker', 'jurgen', '--json']).stdout);
    expect(list.map((n: { id: string }) => n.id)).toEqual([
      '2013-04-16-1100-fibre',
      '2014-02-01-1000-ceph',
      '2020-03-30-1400-kube',
    ]);
    const both = JSON.parse(
      run(['list', '--all', '--speaker', 'MULLER', '--speaker', 'ada', '--json']).stdout,
    );
    expect(both.map((n: { id: string }) => n.id)).toEqual(['2014-02-01-1000-ceph']);
  });
});
