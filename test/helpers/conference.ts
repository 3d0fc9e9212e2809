/** A conference as the report reads it, without a folder on disk: the unit tests of the report start from it. */
import type { Conference } from '../../src/core/workspace/conference.js';

export function testConference(extra: Partial<Conference> = {}): Conference {
  return {
    slug: 'conf',
    name: 'Test Conf 2013',
    start: '2013-04-15',
    end: '2013-04-18',
    location: null,
    timezone: null,
    url: null,
    author: null,
    disclaimer: null,
    dir: '/nowhere/conf',
    path: 'conf/conference.md',
    body: '',
    ...extra,
  };
}
