import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, normaliseTag, slugify, tagMatches, whyNotATag } from '../../src/core/slug.js';

describe('slugify', () => {
  it.each([
    ['Orchestrating Fibre Channel in Cinder', 'orchestrating-fibre-channel-in-cinder'],
    ['Ceilometer: from metrics to metering!', 'ceilometer-from-metrics-to-metering'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/absolute/path', 'absolute-path'],
    ['$(rm -rf ~); `id`', 'rm-rf-id'],
    ['Über Ökonomie', 'über-ökonomie'],
    ['日本語のセッション', '日本語のセッション'],
    ['Привет мир', 'привет-мир'],
    ['हिन्दी सत्र', 'हिन्दी-सत्र'],
    ['a\u202Eevil\u200Bname', 'a-evil-name'],
    ['...', 'untitled'],
    ['', 'untitled'],
  ])('%j becomes %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('caps the length at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect([...slug].length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('cuts a first word longer than the cap, and keeps a slug of exactly the cap', () => {
    expect(slugify('a'.repeat(MAX_SLUG_LENGTH + 10))).toBe('a'.repeat(MAX_SLUG_LENGTH));
    expect(slugify(`abc ${'x'.repeat(MAX_SLUG_LENGTH + 10)}`)).toBe('abc');
    const exact = `${'a'.repeat(29)} ${'b'.repeat(MAX_SLUG_LENGTH - 30)}`;
    expect(slugify(exact)).toBe(exact.replace(' ', '-'));
  });

  it('drops every combining mark left at the start of a word', () => {
    expect(slugify('x \u0301\u0301abc')).toBe('x-abc');
  });

  it('never gives a path, a dot, a control character or an empty name (any title)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        const slug = slugify(title);
        expect(slug.length).toBeGreaterThan(0);
        expect([...slug].length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).toMatch(/^[\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*$/u);
        expect(slug).not.toMatch(/[./\\\0]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normaliseTag', () => {
  it.each([
    ['#Storage', 'storage'],
    ['  Fibre Channel ', 'fibre-channel'],
    ['Storage/Cinder', 'storage/cinder'],
    ['storage//cinder/', 'storage/cinder'],
    ['../etc', 'etc'],
    ['##', ''],
    // Obsidian's tag alphabet (issue 19): letters, digits, _, -, / and never only digits.
    ['c++', 'cpp'],
    ['C#', 'csharp'],
    ['F#/dotnet', 'fsharp/dotnet'],
    ['ML & AI', 'ml-ai'],
    ['Node.js', 'nodejs'],
    ['k8s:v1.30', 'k8s-v130'],
    ['Hardware & Making', 'hardware-making'],
    ['a+b', 'a-b'],
    ['2026', ''],
    ['2026/2027', ''],
    ['2026/q1', '2026/q1'],
    ['20_26', '20_26'],
    ['über Ökonomie', 'über-ökonomie'],
    // Dot segments, a # inside, control and format characters (issue 20).
    ['storage/./cinder', 'storage/cinder'],
    ['storage/../cinder', 'storage/cinder'],
    ['a#b', 'a-b'],
    ['fi\u0007bre\u200bchannel', 'fibrechannel'],
    ['\u001b[31mred', '31mred'],
  ])('%j becomes %j', (tag, expected) => {
    expect(normaliseTag(tag)).toBe(expected);
  });

  it('is idempotent and leaves no upper case, white space or leading #', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (tag) => {
        const once = normaliseTag(tag);
        expect(normaliseTag(once)).toBe(once);
        expect(once).not.toMatch(/\s/u);
        expect(once.startsWith('#')).toBe(false);
        expect(once).toBe(once.toLowerCase());
        expect(once.split('/')).not.toContain('..');
        if (once) expect(once).toMatch(/^[\p{L}\p{M}\p{N}_-]+(\/[\p{L}\p{M}\p{N}_-]+)*$/u);
        if (once) expect(once).toMatch(/[^\p{N}/]/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('whyNotATag', () => {
  it('says why a tag of digits is refused and what to write instead', () => {
    expect(whyNotATag('2026')).toBe(
      '"2026" is not a tag: a tag needs a letter (Obsidian reads 2026 as a number); try "y2026" or "year-2026"',
    );
    expect(whyNotATag('##')).toBe('"##" is not a tag: nothing is left of it once normalised');
  });
});

describe('tagMatches', () => {
  it('matches a tag and its children only', () => {
    expect(tagMatches('storage', 'storage')).toBe(true);
    expect(tagMatches('storage/cinder', 'storage')).toBe(true);
    expect(tagMatches('storage-x', 'storage')).toBe(false);
    expect(tagMatches('storage', 'storage/cinder')).toBe(false);
  });
});

describe('a tag holding a private marker', () => {
  it('is no tag at all, and the reason does not repeat it', () => {
    for (const tag of ['<!-- private -->acme-deal<!-- /private -->', 'ok<!-- x -->', '<!--'])
      expect(normaliseTag(tag), tag).toBe('');
    const why = whyNotATag('<!-- private -->acme-deal<!-- /private -->');
    expect(why).toMatch(/a tag is public wherever its note goes/);
    expect(why).not.toContain('acme');
  });
});
