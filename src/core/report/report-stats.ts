/** The report's groups (by type, day or track) and its statistics, from the notes already in it. */
import { dayLabel, hoursText } from './report-text.js';
import type { GroupBy, ReportGroup, ReportNote, ReportStats } from './report-types.js';
import { flags, joinWords, SESSION_TYPES, TYPE_GROUPS, typeName } from './report-words.js';

export function groupNotes(notes: ReportNote[], groupBy: GroupBy): ReportGroup[] {
  const group = (key: string, title: string, members: ReportNote[]): ReportGroup => ({
    key,
    title,
    notes: members,
    count: members.length,
  });
  if (groupBy === 'type') {
    return TYPE_GROUPS.map(({ key, title, types }) =>
      group(
        key,
        title,
        notes.filter((note) => types.includes(note.type)),
      ),
    ).filter((g) => g.count > 0);
  }
  // Days and tracks in the order they first come up in the week; notes without a track last.
  const keyOf = (note: ReportNote) => (groupBy === 'day' ? note.date : (note.track ?? ''));
  const keys: string[] = [];
  for (const note of notes) if (!keys.includes(keyOf(note))) keys.push(keyOf(note));
  if (keys.includes('')) keys.push(...keys.splice(keys.indexOf(''), 1));
  return keys.map((key) =>
    group(
      groupBy === 'day' ? key : key || 'other',
      groupBy === 'day' ? dayLabel(key) : key || 'Other',
      notes.filter((note) => keyOf(note) === key),
    ),
  );
}

export function buildStats(notes: ReportNote[]): ReportStats | null {
  if (notes.length === 0) return null;
  const sessions = notes.filter((note) => SESSION_TYPES.includes(note.type));
  const byType = TYPE_GROUPS.flatMap((g) => g.types)
    .map((type) => {
      const count = notes.filter((note) => note.type === type).length;
      return { type, label: typeName(type, count), count, text: `${count} ${typeName(type, count)}` };
    })
    .filter((item) => item.count > 0);
  const sessionMinutes = (list: ReportNote[]) => list.reduce((sum, note) => sum + (note.minutes ?? 0), 0);
  const dates = [...new Set(notes.map((note) => note.date))].sort();
  const tagCounts = new Map<string, number>();
  for (const note of notes) for (const tag of note.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const topTags = [...tagCounts.entries()]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 8)
    .map(([tag, count]) => ({ tag, label: tag, count, text: `${tag} (${count})` }));
  const minutes = sessionMinutes(sessions);
  return {
    notes: notes.length,
    sessions: sessions.length,
    other: notes.length - sessions.length,
    byType: flags(byType),
    sessionTypesText: joinWords(
      byType.filter((item) => SESSION_TYPES.includes(item.type)).map((item) => item.text),
    ),
    otherTypesText: joinWords(
      byType.filter((item) => !SESSION_TYPES.includes(item.type)).map((item) => item.text),
    ),
    days: dates.length,
    minutes,
    hours: hoursText(minutes),
    perDay: flags(
      dates.map((date) => {
        const ofDay = sessions.filter((note) => note.date === date);
        return {
          date,
          day: dayLabel(date),
          sessions: ofDay.length,
          notes: notes.filter((note) => note.date === date).length,
          hours: hoursText(sessionMinutes(ofDay)),
        };
      }),
    ),
    topTags: flags(topTags),
    topTagsText: topTags.map((item) => item.text).join(', '),
  };
}
