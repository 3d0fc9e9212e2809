import { describe, expect, it } from 'vitest';
import { parseAssignments } from '../../src/core/note/note-set.js';
import { setConferenceFields } from '../../src/core/workspace/conference-set.js';

const CONF = `---
name: Test Conf 2013   # as on the badge
location:
start: 2013-04-15
end: 2013-04-18
timezone: America/Los_Angeles
website: https://example.org
---
## Introduction

timezone: in the body stays
`;

const set = (text: string, ...words: string[]) => setConferenceFields(text, parseAssignments(words));

describe('setConferenceFields', () => {
  it('changes only the edited values, keeping comments and the body', () => {
    const { text, changed } = set(CONF, 'timezone=Europe/Brussels', 'location=Brussels, Belgium');
    expect(changed).toEqual(['timezone=Europe/Brussels', 'location=Brussels, Belgium']);
    expect(text).toBe(
      CONF.replace('timezone: America/Los_Angeles', 'timezone: Europe/Brussels').replace(
        'location:\n',
        'location: "Brussels, Belgium"\n',
      ),
    );
  });

  it('writes url to the key the file uses (website here), and removes with an empty value', () => {
    expect(set(CONF, 'url=https://example.org/2013').text).toBe(
      CONF.replace('website: https://example.org', 'website: https://example.org/2013'),
    );
    expect(set(CONF, 'website=').text).toBe(CONF.replace('website: https://example.org\n', ''));
    const plain = CONF.replace('website: https://example.org\n', '');
    // Issue 19: a new key is `website` (Hugo reserves `url`), whichever name is given.
    expect(set(plain, 'website=https://x.org').text).toContain('website: https://x.org\n---');
    expect(set(plain, 'url=https://x.org').text).toContain('website: https://x.org\n---');
  });

  it('quotes a date so every YAML reader keeps it text', () => {
    expect(set(CONF, 'start=2013-04-14').text).toContain('start: "2013-04-14"\n');
  });

  it.each([
    [['timezone=Mars/Base'], /^cannot set timezone: "Mars\/Base" is not an IANA time zone/],
    [['start=2013-13-01'], /^cannot set start: "2013-13-01" is not a date/],
    [['end=2013-04-01'], /^cannot set end: end 2013-04-01 is before start 2013-04-15$/],
    [['url=not a url'], /^cannot set url: "not a url" is not a URL/],
    [['colour=red'], /^cannot set colour: unknown field; known: name, location, start, end, timezone/],
  ])('refuses %j naming the field, exit code 2', (words, message) => {
    let error: unknown;
    try {
      set(CONF, ...words);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toMatch(message);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
  });

  it('mends a time zone the conference cannot be read with', () => {
    const broken = CONF.replace('America/Los_Angeles', 'Pacific Time');
    expect(set(broken, 'timezone=America/Los_Angeles').text).toBe(CONF);
  });
});
