/**
 * Every `check` rule, in one list. A new rule is a module in this folder
 * (see ../rule.ts for its shape) added here; fixes run in this order.
 */
import type { Rule } from '../rule.js';
import { brokenYaml } from './broken-yaml.js';
import { conference } from './conference.js';
import { conferenceUrl } from './conference-url.js';
import { duplicateId } from './duplicate-id.js';
import { conferenceEndBeforeStart, endBeforeStart } from './end-before-start.js';
import { invalidDate, invalidTime, invalidValue, linkNotUrl, missingField } from './fields.js';
import { flatLinkNotUrl } from './flat-link.js';
import { frontMatter } from './front-matter.js';
import { keyWhitespaceRule } from './key-whitespace.js';
import { outsideConference } from './outside-conference.js';
import { outsideDates } from './outside-dates.js';
import { programmeEntryMissing } from './programme-entry-missing.js';
import { programmeCancelled } from './programme-cancelled.js';
import { programmeChanged } from './programme-changed.js';
import { programme } from './programme.js';
import { conferencePrivateMarker, privateMarker } from './private-marker.js';
import { nestedLinks } from './nested-links.js';
import { privateNotHidden } from './private-not-hidden.js';
import { tagNotNormalised } from './tag-not-normalised.js';
import { unknownField } from './unknown-field.js';
import { unreadable } from './unreadable.js';

export const RULES: readonly Rule[] = [
  unreadable,
  frontMatter,
  brokenYaml,
  keyWhitespaceRule,
  unknownField,
  missingField,
  invalidValue,
  invalidDate,
  invalidTime,
  endBeforeStart,
  tagNotNormalised,
  linkNotUrl,
  flatLinkNotUrl,
  nestedLinks,
  privateNotHidden,
  duplicateId,
  outsideConference,
  outsideDates,
  privateMarker,
  conference,
  conferencePrivateMarker,
  conferenceUrl,
  conferenceEndBeforeStart,
  programme,
  programmeEntryMissing,
  programmeChanged,
  programmeCancelled,
];

export function rulesOf<S extends Rule['scope']>(scope: S): Extract<Rule, { scope: S }>[] {
  return RULES.filter((rule): rule is Extract<Rule, { scope: S }> => rule.scope === scope);
}
