import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitNote } from '../../src/core/front-matter/front-matter.js';
import { editTags, renderTag } from '../../src/core/front-matter/tag-edit.js';

const note = (frontMatter: string, body = '## Notes\n- 10:01 hi\n') => `---\n${frontMatter}---\n${body}`;

describe('editTags', () => {
  it('appends to a flow list and changes nothing else', () => {
    const before = note('title: "Quoted"   # a comment\ntags: [storage, cinder]\nmine: {a: 1}\n');
    const { text, added } = editTags(before, { add: ['Enterprise'] });
    expect(added).toEqual(['enterprise']);
    expect(text).toBe(before.replace('[storage, cinder]', '[storage, cinder, enterprise]'));
  });

  it('appends to a block list with its own indentation', () => {
    const before = note('title: x\ntags:\n    - storage   # why\n    - cinder\nrating: 3\n');
    const { text } = editTags(before, { add: ['ha'] });
    expect(text).toBe(before.replace('    - cinder\n', '    - cinder\n    - ha\n'));
  });

  it('removes from the middle, the start and the end of a flow list', () => {
    const before = note('tags: [a, b, c]\n');
    expect(editTags(before, { remove: ['b'] }).text).toBe(note('tags: [a, c]\n'));
    expect(editTags(before, { remove: ['a'] }).text).toBe(note('tags: [b, c]\n'));
    expect(editTags(before, { remove: ['c'] }).text).toBe(note('tags: [a, b]\n'));
    expect(editTags(before, { remove: ['a', 'b'] }).text).toBe(note('tags: [c]\n'));
    expect(editTags(before, { remove: ['a', 'b', 'c'] }).text).toBe(note('tags: []\n'));
  });

  it('removes a block item with its comment', () => {
    const before = note('tags:\n  - a\n  - b # old\n  - c\ntitle: t\n');
    expect(editTags(before, { remove: ['B'] }).text).toBe(note('tags:\n  - a\n  - c\ntitle: t\n'));
  });

  it('adds a tags line when there is none, and fills an empty one', () => {
    expect(editTags(note('title: t\n'), { add: ['x'] }).text).toBe(note('title: t\ntags: [x]\n'));
    expect(editTags(note('tags:\ntitle: t\n'), { add: ['x'] }).text).toBe(note('tags: [x]\ntitle: t\n'));
    expect(editTags(note('tags: []\n'), { add: ['x', 'z'] }).text).toBe(note('tags: [x, z]\n'));
    expect(editTags(note('tags: solo\n'), { add: ['x'] }).text).toBe(note('tags: [solo, x]\n'));
  });

  it('keeps CRLF line ends', () => {
    const before = '---\r\ntitle: t\r\ntags:\r\n  - a\r\n---\r\nbody\r\n';
    expect(editTags(before, { add: ['b'] }).text).toBe(
      '---\r\ntitle: t\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nbody\r\n',
    );
    expect(editTags('---\r\ntitle: t\r\n---\r\n', { add: ['b'] }).text).toBe(
      '---\r\ntitle: t\r\ntags: [b]\r\n---\r\n',
    );
  });

  it('quotes tags that YAML would read as something else', () => {
    // A tag of digits alone is no tag (Obsidian's alphabet, issue 19); these would still read as other types.
    const { text } = editTags(note('tags: []\n'), { add: ['yes', 'null', '1e3', '0x1f', 'a,b', 'x: y'] });
    expect(splitNote(text).data.tags).toEqual(['yes', 'null', '1e3', '0x1f', 'a-b', 'x-y']);
  });

  it('removes several block items in one edit, byte for byte (splices applied last first)', () => {
    const before = note('tags:\n  - a\n  - b\n  - c\n');
    const result = editTags(before, { remove: ['a', 'c'] });
    expect(result.text).toBe(note('tags:\n  - b\n'));
    expect(result).toMatchObject({ tags: ['b'], removed: ['a', 'c'], added: [] });
    expect(editTags(note('tags:\n  - a\n  - b\n  - c\n  - d\ntitle: t\n'), { remove: ['d', 'b'] }).text).toBe(
      note('tags:\n  - a\n  - c\ntitle: t\n'),
    );
    expect(editTags(before, { remove: ['a', 'b', 'c'] }).text).toBe(note('tags:\n'));
  });

  it('adds and removes in one edit, in a block list and in a flow list', () => {
    const block = note('tags:\n  - a # first\n  - b\n  - c\nrating: 3\n');
    const edited = editTags(block, { add: ['x', 'b'], remove: ['a', 'c'] });
    expect(edited.text).toBe(note('tags:\n  - b\n  - x\nrating: 3\n'));
    expect(edited).toMatchObject({ tags: ['b', 'x'], added: ['x'], removed: ['a', 'c'] });
    // The last item removed and a tag added after it: the new line takes its place.
    expect(editTags(note('tags:\n  - a\n  - c\n'), { add: ['z'], remove: ['c'] }).text).toBe(
      note('tags:\n  - a\n  - z\n'),
    );
    expect(editTags(note('tags: [a,  b, c]  # mine\n'), { add: ['d'], remove: ['a', 'c'] }).text).toBe(
      note('tags: [b, d]  # mine\n'),
    );
  });

  it('does nothing for a tag already there or one not there', () => {
    const before = note('tags: [a]\n');
    expect(editTags(before, { add: ['A', '#a'] }).text).toBe(before);
    expect(editTags(before, { remove: ['zzz'] }).text).toBe(before);
  });
});

// Random front matter with fields confnotes does not know, comments and odd spacing.
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => k !== 'tags');
const scalar = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,!-]{0,20}$/).map((s) => s.trim() || 'x'),
  fc.integer().map(String),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.constant('[1, 2,3 ]'),
  fc.constant("'single quoted'"),
);
const comment = fc.option(
  fc.stringMatching(/^[ a-z]{0,15}$/).map((c) => `  # ${c}`),
  { nil: '' },
);
// Tags as confnotes writes them plain (YAML 1.1 words such as `y` or `on` get quoted, so re-adding one is not byte-identical).
const tag = fc
  .stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?(\/[a-z0-9]{1,5})?$/)
  .filter((t) => renderTag(t) === t);
const tagsEntry = fc.record({
  tags: fc.uniqueArray(tag, { minLength: 2, maxLength: 5 }),
  block: fc.boolean(),
  indent: fc.constantFrom('  ', '    ', ''),
});

const frontMatter = fc
  .tuple(
    fc.uniqueArray(fc.tuple(key, scalar, comment), { maxLength: 6, selector: ([k]) => k }),
    tagsEntry,
    fc.nat(6),
    fc.boolean(),
  )
  .map(([fields, tags, position, crlf]) => {
    const lines = fields.map(([k, v, c]) => `${k}: ${v}${c}`);
    const tagText = tags.block
      ? `tags:\n${tags.tags.map((t) => `${tags.indent}- ${t}`).join('\n')}`
      : `tags: [${tags.tags.join(', ')}]`;
    lines.splice(Math.min(position, lines.length), 0, tagText);
    const eol = crlf ? '\r\n' : '\n';
    const text = `---${eol}${lines.join('\n').replace(/\n/g, eol)}${eol}# closing comment${eol}---${eol}Body stays.${eol}`;
    return { text, tags: tags.tags };
  });

describe('editTags round trips (property)', () => {
  it('tag then untag of a new tag gives back the original bytes', () => {
    fc.assert(
      fc.property(frontMatter, tag, ({ text, tags }, extra) => {
        fc.pre(!tags.includes(extra));
        const added = editTags(text, { add: [extra] });
        expect(splitNote(added.text).data.tags).toEqual([...tags, extra]);
        expect(editTags(added.text, { remove: [extra] }).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('untag then tag of the last tag gives back the original bytes', () => {
    fc.assert(
      fc.property(frontMatter, ({ text, tags }) => {
        const last = tags[tags.length - 1]!;
        const removed = editTags(text, { remove: [last] });
        expect(splitNote(removed.text).data.tags).toEqual(tags.slice(0, -1));
        expect(editTags(removed.text, { add: [last] }).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('changes no byte outside the tags entry', () => {
    fc.assert(
      fc.property(frontMatter, tag, ({ text }, extra) => {
        const result = editTags(text, { add: [extra] }).text;
        const start = text.indexOf('tags:');
        // Everything before the tags entry is identical, and the body too.
        expect(result.slice(0, start)).toBe(text.slice(0, start));
        expect(result.slice(result.indexOf('# closing comment'))).toBe(
          text.slice(text.indexOf('# closing comment')),
        );
      }),
      { numRuns: 200 },
    );
  });
});
