// Deterministic synthetic workspaces for the benchmark (scripts/bench.mjs).
// The same seed and size always give the same bytes, so figures from two runs
// or two machines compare like with like. Notes look like the ones
// `confnotes new` writes (templates/note.md): the same front matter fields in
// the same order and quoting, 1-6 tags from a vocabulary of a few hundred,
// and bodies of 1-4 KB with the template's sections.
//
//   node scripts/bench-corpus.mjs <folder> <notes> [seed]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_SEED = 20130415;
/** The conference `report` is timed on holds exactly this many notes, unless `reportNotes` says otherwise. */
export const REPORT_CONFERENCE_NOTES = 60;
/** The tag `list --tag` and `rg -l` look for; it also matches its children (storage/ceph...). */
export const BENCH_TAG = 'storage';

/** sfc32: small, fast, and the same on every platform (Math.random is not seedable). */
export function prng(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

const TOPICS = [
  'storage',
  'networking',
  'security',
  'kubernetes',
  'observability',
  'databases',
  'rust',
  'python',
  'go',
  'javascript',
  'typescript',
  'java',
  'testing',
  'ci',
  'devops',
  'sre',
  'cloud',
  'serverless',
  'edge',
  'ml',
  'data',
  'streaming',
  'frontend',
  'accessibility',
  'design',
  'ux',
  'mobile',
  'embedded',
  'linux',
  'kernel',
  'compilers',
  'wasm',
  'performance',
  'architecture',
  'microservices',
  'api',
  'graphql',
  'identity',
  'privacy',
  'compliance',
  'open-source',
  'community',
  'leadership',
  'hiring',
  'diversity',
  'documentation',
  'education',
  'hardware',
  'virtualization',
  'containers',
];
const SUBTOPICS = {
  storage: ['ceph', 'cinder', 'swift', 'nfs', 'iscsi', 'fibre-channel', 'object', 'block', 'backup', 'zfs'],
  networking: ['neutron', 'ipv6', 'bgp', 'sdn', 'dns', 'quic', 'ebpf', 'load-balancing'],
  security: ['supply-chain', 'tls', 'secrets', 'fuzzing', 'threat-modeling', 'sbom', 'pentest'],
  kubernetes: ['operators', 'helm', 'scheduling', 'etcd', 'gateway-api', 'autoscaling', 'multi-tenancy'],
  observability: ['tracing', 'metrics', 'logging', 'opentelemetry', 'profiling', 'alerting'],
  databases: ['postgres', 'mysql', 'sqlite', 'cassandra', 'redis', 'replication', 'sharding', 'migrations'],
  rust: ['async', 'unsafe', 'embedded', 'tooling'],
  python: ['packaging', 'typing', 'asyncio', 'performance'],
  cloud: ['aws', 'gcp', 'azure', 'openstack', 'cost', 'multi-cloud'],
  ml: ['llm', 'training', 'inference', 'mlops', 'evaluation'],
  data: ['lakehouse', 'etl', 'quality', 'governance'],
  frontend: ['react', 'vue', 'svelte', 'css', 'web-components'],
  linux: ['systemd', 'desktop', 'distributions', 'filesystems'],
  devops: ['gitops', 'terraform', 'ansible', 'platform-engineering'],
  testing: ['property-based', 'e2e', 'mutation', 'flaky-tests'],
};
const FLAT_EXTRA = [
  'keynote-worthy',
  'vendor-pitch',
  'hands-on',
  'beginner',
  'advanced',
  'case-study',
  'war-story',
  'demo',
  'panel',
  'lightning',
  'roadmap',
  'standards',
  'interop',
  'migration',
  'scaling',
  'reliability',
  'latency',
  'throughput',
  'caching',
  'queues',
  'events',
  'cqrs',
  'ddd',
  'refactoring',
  'legacy',
  'monolith',
  'feature-flags',
  'chaos',
  'incident',
  'postmortem',
  'oncall',
  'burnout',
  'mentoring',
  'career',
  'remote',
  'startups',
  'funding',
  'licensing',
  'governance',
  'foundations',
  'energy',
  'green-it',
  'robotics',
  'iot',
  'automotive',
  'health',
  'finance',
  'retail',
  'gaming',
  'media',
  'telecom',
  'government',
  'research',
  'academia',
  'hpc',
  'quantum',
  'crypto',
  'blockchain',
  'ar-vr',
  'voice',
  'search',
  'recommendation',
  'localization',
  'i18n',
  'unicode',
  'fonts',
  'printing',
  'maps',
  'gis',
  'time-zones',
  'calendars',
  'email',
  'chat',
  'video',
  'audio',
  'compression',
  'codecs',
  'browsers',
  'standards-body',
  'w3c',
  'ietf',
  'tc39',
  'ecmascript',
  'node',
  'deno',
  'bun',
  'erlang',
  'elixir',
  'haskell',
  'ocaml',
  'scala',
  'kotlin',
  'swift-lang',
  'c',
  'cpp',
  'zig',
  'nix',
  'bazel',
  'monorepo',
  'code-review',
  'pairing',
  'tdd',
  'bdd',
  'contracts',
  'openapi',
  'grpc',
  'rest',
  'websockets',
  'http3',
  'cdn',
  'dns-sec',
  'mail-security',
  'passkeys',
  'oauth',
  'saml',
  'rbac',
  'abac',
  'zero-trust',
  'vpn',
  'firewalls',
  'ids',
  'siem',
  'forensics',
  'malware',
  'ransomware',
  'bug-bounty',
  'disclosure',
  'policy',
  'law',
  'ethics',
  'ai-safety',
  'bias',
  'explainability',
  'notebooks',
  'visualization',
  'dashboards',
  'spreadsheets',
  'low-code',
  'no-code',
  'workflow',
  'bpm',
  'erp',
  'crm',
  'sap',
  'mainframe',
  'cobol',
  'batch',
  'scheduling-jobs',
  'cron',
  'backups-testing',
  'disaster-recovery',
  'capacity',
  'finops',
  'procurement',
  'sustainability',
  'hardware-design',
  'fpga',
  'risc-v',
  'arm',
  'gpu',
  'tpu',
  'networking-hardware',
  'sensors',
];

/** A few hundred tags: topics, topic/subtopic children, and flat ones. */
export function tagVocabulary() {
  const tags = [...TOPICS];
  for (const [topic, subs] of Object.entries(SUBTOPICS)) for (const sub of subs) tags.push(`${topic}/${sub}`);
  tags.push(...FLAT_EXTRA);
  return [...new Set(tags)];
}

const SERIES = [
  ['KubeCon EU', 'Europe/Amsterdam', 'Amsterdam, Netherlands'],
  ['KubeCon NA', 'America/Chicago', 'Chicago, USA'],
  ['FOSDEM', 'Europe/Brussels', 'Brussels, Belgium'],
  ['PyCon US', 'America/New_York', 'Pittsburgh, USA'],
  ['EuroPython', 'Europe/Prague', 'Prague, Czechia'],
  ['RustConf', 'America/Los_Angeles', 'Portland, USA'],
  ['OpenStack Summit', 'America/Los_Angeles', 'Portland, USA'],
  ['Strange Loop', 'America/Chicago', 'St. Louis, USA'],
  ['QCon London', 'Europe/London', 'London, UK'],
  ['JSConf EU', 'Europe/Berlin', 'Berlin, Germany'],
  ['SREcon', 'America/Denver', 'Denver, USA'],
  ['Linux Plumbers', 'Europe/Dublin', 'Dublin, Ireland'],
  ['GOTO Aarhus', 'Europe/Copenhagen', 'Aarhus, Denmark'],
  ['Devoxx', 'Europe/Brussels', 'Antwerp, Belgium'],
  ['NDC Oslo', 'Europe/Oslo', 'Oslo, Norway'],
  ['re:Invent', 'America/Los_Angeles', 'Las Vegas, USA'],
  ['PGConf', 'Europe/Vienna', 'Vienna, Austria'],
  ['GopherCon', 'America/Denver', 'Denver, USA'],
  ['All Things Open', 'America/New_York', 'Raleigh, USA'],
  ['Monitorama', 'America/Los_Angeles', 'Portland, USA'],
];

const WORDS = (
  'the a we it is was not but and with for from this that how why when our your their new old fast slow simple hard ' +
  'cluster node volume driver scheduler tenant quota replica leader follower shard index query cache queue event stream ' +
  'latency throughput budget outage incident rollout canary release upgrade migration schema backup restore snapshot ' +
  'metric trace span log alert dashboard team customer vendor roadmap demo benchmark prototype production staging ' +
  'kernel container image registry network packet route policy token secret certificate key identity audit review ' +
  'compiler runtime memory thread async future borrow checker type interface module package build test coverage fuzzing ' +
  'works breaks scales fails recovers ships lands improves regresses needs wants expects measured reported showed'
).split(' ');
const FIRST = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Alan',
  'Radia',
  'Kurt',
  'Jane',
  'Yukihiro',
  'Guido',
  'Anders',
  'Hedy',
  'Katherine',
  'Tim',
  'Sophie',
  'Mary',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Kay',
  'Perlman',
  'Smith',
  'Roe',
  'Matsumoto',
  'van Rossum',
  'Hejlsberg',
  'Lamarr',
  'Johnson',
  'Berners-Lee',
  'Wilson',
  'Shaw',
];
const TYPES = [
  ['session', 40, 60],
  ['keynote', 30, 6],
  ['workshop', 90, 6],
  ['design-summit', 40, 8],
  ['101', 40, 6],
  ['hallway', 15, 6],
  ['expo', 30, 4],
  ['meetup', 60, 4],
];
const TRACKS = [
  'Storage',
  'Networking',
  'Security',
  'Operations',
  'Developer',
  'Community',
  'Cloud Native',
  'Data',
  '',
];
const TITLE_VERBS = [
  'Scaling',
  'Debugging',
  'Securing',
  'Migrating',
  'Observing',
  'Testing',
  'Building',
  'Operating',
  'Rethinking',
  'Shipping',
];

/** YAML for a front-matter value the way `confnotes new` writes it (flow lists, quoted times). */
function yamlList(items) {
  return `[${items.map((item) => (/^[\w][\w ./-]*$/.test(item) && !/ $/.test(item) ? item : JSON.stringify(item))).join(', ')}]`;
}

function slugOf(text) {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function sentence(rand, min, max) {
  const n = rand.int(min, max);
  const words = [];
  for (let i = 0; i < n; i++) words.push(rand.pick(WORDS));
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

/** A body of `size` bytes or a little more, shaped like templates/note.md once filled in. */
function body(rand, size, start) {
  const lines = ['## Key takeaways', ''];
  for (let i = rand.int(2, 4); i > 0; i--) lines.push(`- ${sentence(rand, 6, 14)}.`);
  lines.push(
    '',
    '## Follow-ups',
    '',
    '<!-- Open items as "- [ ] ...": the trip report lists every one not yet ticked. -->',
  );
  for (let i = rand.int(0, 3); i > 0; i--)
    lines.push(`- [${rand.next() < 0.3 ? 'x' : ' '}] ${sentence(rand, 3, 8)}`);
  lines.push('', '## Notes', '');
  let minute = Number(start.slice(0, 2)) * 60 + Number(start.slice(3));
  let text = `${lines.join('\n')}\n`;
  while (Buffer.byteLength(text) < size) {
    minute += rand.int(0, 3);
    text += `- ${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)} ${sentence(rand, 8, 24)}\n`;
  }
  return text;
}

/** Zipf-like choice: a few tags are common, most are rare, like real notes. */
function tagPicker(rand, vocabulary) {
  const weights = vocabulary.map((tag, i) => (tag === BENCH_TAG ? 1 / 8 : 1 / (i + 3)) ** 0.9);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const cumulative = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const r = rand.next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
}

function conferenceText(conf) {
  return [
    '---',
    `name: ${conf.name}`,
    `location: ${conf.location}`,
    `start: ${conf.start}`,
    `end: ${conf.end}`,
    `timezone: ${conf.timezone}`,
    'url: https://example.org/',
    'author:',
    'disclaimer:',
    '---',
    '## Introduction',
    '',
    `Went to ${conf.name} for the storage and operations tracks.`,
    '',
    '## Observations',
    '',
    'Every vendor had a Kubernetes story this year.',
    '',
  ].join('\n');
}

function noteText(note) {
  const fields = [
    `title: ${/[:#'"[\]{},&*!|>%@`]/.test(note.title) ? JSON.stringify(note.title) : note.title}`,
    `type: ${note.type === '101' ? '"101"' : note.type}`,
    `conference: ${note.conference}`,
    `date: ${note.date}`,
    `start: "${note.start}"`,
    `end: "${note.end}"`,
    `speakers: ${yamlList(note.speakers)}`,
    `track: ${note.track}`,
    `room: ${note.room}`,
    `tags: ${yamlList(note.tags)}`,
    ...(note.rating ? [`rating: ${note.rating}`] : []),
    `favourite: ${note.favourite}`,
    `private: ${note.private}`,
    `links: ${note.links}`,
    `summary: ${note.summary}`,
  ];
  return `---\n${fields.map((line) => line.replace(/[ \t]+$/, '')).join('\n')}\n---\n${note.body}`;
}

/**
 * Writes a workspace of `notes` notes into `root` (which must not exist or be
 * empty). One conference holds exactly `reportNotes` notes (the one
 * `report` is timed on); the others hold 20 to 60 each. Returns what the
 * benchmark needs to know about it.
 */
export function generateCorpus(root, { notes, seed = DEFAULT_SEED, reportNotes = REPORT_CONFERENCE_NOTES }) {
  if (!Number.isInteger(notes) || notes < reportNotes)
    throw new Error(`a corpus needs at least ${reportNotes} notes`);
  const rand = prng(seed);
  const vocabulary = tagVocabulary();
  const nextTag = tagPicker(rand, vocabulary);
  fs.mkdirSync(path.join(root, '.confnotes'), { recursive: true });
  fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
  fs.writeFileSync(
    path.join(root, '.confnotes', 'config.yml'),
    '# confnotes workspace (synthetic, for the benchmark)\nauthor: Bench Writer\n',
  );

  const sizes = [reportNotes];
  for (let left = notes - reportNotes; left > 0; ) {
    const size = Math.min(left, rand.int(20, 60));
    sizes.push(size);
    left -= size;
  }
  const conferences = [];
  const usedSlugs = new Set();
  let bytes = 0;
  let tagged = 0;
  const typeWeights = TYPES.reduce((sum, [, , w]) => sum + w, 0);
  for (const [index, count] of sizes.entries()) {
    const [series, timezone, location] = SERIES[index % SERIES.length];
    // A decade and more of conferences: each series once a year, going back in time.
    const year = 2026 - Math.floor(index / SERIES.length);
    let slug = slugOf(`${series} ${year}`);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugOf(`${series} ${year}`)}-${n}`;
    usedSlugs.add(slug);
    const start = `${year}-${pad(rand.int(1, 11))}-${pad(rand.int(1, 25))}`;
    const days = rand.int(2, 4);
    const conf = {
      slug,
      name: `${series} ${year}`,
      timezone,
      location,
      start,
      end: addDays(start, days - 1),
      notes: count,
    };
    const dir = path.join(root, slug);
    fs.mkdirSync(dir, { recursive: true });
    const confText = conferenceText(conf);
    fs.writeFileSync(path.join(dir, 'conference.md'), confText);
    bytes += Buffer.byteLength(confText);
    const taken = new Set();
    for (let i = 0; i < count; i++) {
      let r = rand.next() * typeWeights;
      let type = TYPES[0];
      for (const candidate of TYPES) {
        r -= candidate[2];
        if (r < 0) {
          type = candidate;
          break;
        }
      }
      const date = addDays(start, rand.int(0, days - 1));
      const startMinute = rand.int(8 * 4, 18 * 4) * 15;
      const startTime = `${pad(Math.floor(startMinute / 60))}:${pad(startMinute % 60)}`;
      const endMinute = Math.min(startMinute + type[1], 23 * 60 + 59);
      const endTime = `${pad(Math.floor(endMinute / 60))}:${pad(endMinute % 60)}`;
      const tags = new Set();
      for (let t = rand.int(1, 6); t > 0; t--) tags.add(nextTag());
      if ([...tags].some((tag) => tag === BENCH_TAG || tag.startsWith(`${BENCH_TAG}/`))) tagged++;
      const speakers = [];
      for (let s = type[0] === 'hallway' ? 0 : rand.int(1, 3); s > 0; s--)
        speakers.push(`${rand.pick(FIRST)} ${rand.pick(LAST)}`);
      const title =
        `${rand.pick(TITLE_VERBS)} ${sentence(rand, 2, 6).toLowerCase()} ${rand.next() < 0.2 ? 'at scale' : ''}`.trim();
      const rating = rand.next() < 0.6 ? rand.int(1, 5) : null;
      const note = {
        title,
        type: type[0],
        conference: slug,
        date,
        start: startTime,
        end: endTime,
        speakers,
        track: rand.pick(TRACKS),
        room: rand.next() < 0.7 ? `${rand.pick(['A', 'B', 'C', 'D', 'Hall '])}${rand.int(1, 120)}` : '',
        tags: [...tags],
        rating,
        favourite: rand.next() < 0.1,
        private: rand.next() < 0.05,
        links:
          rand.next() < 0.4
            ? `{video: https://example.org/videos/${slug}/${i}, slides: https://example.org/slides/${i}.pdf}`
            : '{}',
        summary: rand.next() < 0.5 ? `${sentence(rand, 5, 12)}.` : '',
        body: '',
      };
      note.body = body(rand, rand.int(1024, 4096), startTime);
      const base = `${date}-${startTime.replace(':', '')}-${slugOf(title)}`;
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      taken.add(name);
      const text = noteText(note);
      fs.writeFileSync(path.join(dir, `${name}.md`), text);
      bytes += Buffer.byteLength(text);
    }
    conferences.push(conf);
  }
  return {
    root,
    notes,
    seed,
    conferences: conferences.length,
    reportConference: conferences[0].slug,
    reportNotes,
    tag: BENCH_TAG,
    tagged,
    vocabulary: vocabulary.length,
    bytes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    process.stderr.write('usage: node scripts/bench-corpus.mjs <folder> <notes> [seed]\n');
    process.exit(2);
  }
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    process.stderr.write(`${dir}: exists and is not empty; give a new folder\n`);
    process.exit(2);
  }
  const info = generateCorpus(path.resolve(dir), {
    notes: Number(count),
    seed: seed ? Number(seed) : DEFAULT_SEED,
  });
  process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
}
