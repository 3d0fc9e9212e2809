/**
 * The picture of the week for the HTML report: an inline SVG (no script, no
 * external file) with a row per day and the sessions attended on a time
 * axis, coloured by type. A <title> and a <desc> that lists every day and
 * session give a screen reader the same content; colours print as drawn.
 */
import { minutesOf } from '../note/note.js';
import type { ReportModel, ReportNote } from './report-types.js';
import { TYPE_GROUPS } from './report-words.js';

/** One colour per type group (readable on white and on the dark theme's panel). */
const COLOURS: Record<string, string> = {
  keynotes: '#c0392b',
  sessions: '#1a5fb4',
  'design-summit': '#2e8540',
  workshops: '#b8860b',
  'expo-and-hallway': '#7d5ba6',
};

const WIDTH = 640;
const LABEL = 150;
const ROW = 30;
const TOP = 24;

function groupOf(note: ReportNote): { key: string; title: string } {
  return TYPE_GROUPS.find((group) => group.types.includes(note.type)) ?? TYPE_GROUPS[1]!;
}

/** The SVG, or an empty string when no attended note has a start time. */
export function weekSvg(model: ReportModel, escapeText: (text: string) => string): string {
  const timed = model.notes.filter((note) => !note.watchedLater && note.start);
  const days = model.stats?.perDay ?? [];
  if (timed.length === 0 || days.length === 0) return '';
  const span = (note: ReportNote): [number, number] => {
    const from = minutesOf(note.start!);
    return [from, from + (note.minutes ?? 30)];
  };
  const first = Math.floor(Math.min(...timed.map((note) => span(note)[0])) / 60) * 60;
  const last = Math.ceil(Math.max(...timed.map((note) => span(note)[1])) / 60) * 60;
  const scale = (WIDTH - LABEL - 24) / Math.max(60, last - first);
  const x = (minutes: number) => (LABEL + (minutes - first) * scale).toFixed(1);
  const height = TOP + days.length * ROW + 6;
  const out: string[] = [];
  for (let hour = first; hour <= last; hour += 60) {
    const label = `${String(hour / 60).padStart(2, '0')}:00`;
    out.push(
      `<line x1="${x(hour)}" y1="${TOP - 4}" x2="${x(hour)}" y2="${TOP + days.length * ROW}" class="tick"/>`,
      `<text x="${x(hour)}" y="${TOP - 8}" text-anchor="middle" class="hour">${label}</text>`,
    );
  }
  const desc: string[] = [];
  days.forEach((day, row) => {
    const y = TOP + row * ROW;
    out.push(`<text x="0" y="${y + 19}" class="day">${escapeText(day.day)}</text>`);
    const ofDay = timed.filter((note) => note.date === day.date);
    desc.push(`${day.day}: ${ofDay.map((note) => `${note.time} ${note.title}`).join('; ')}.`);
    for (const note of ofDay) {
      const [from, to] = span(note);
      const group = groupOf(note);
      out.push(
        `<rect x="${x(from)}" y="${y + 5}" width="${Math.max(2, (to - from) * scale - 1).toFixed(1)}" height="${ROW - 10}" rx="2" fill="${COLOURS[group.key]}"><title>${escapeText(`${note.title} (${note.typeLabel}, ${note.time})`)}</title></rect>`,
      );
    }
  });
  const used = TYPE_GROUPS.filter((group) => timed.some((note) => groupOf(note).key === group.key));
  // The legend is HTML beneath the drawing: it wraps on a phone and reads as text.
  const legend = used
    .map((group) => `<span><i style="background:${COLOURS[group.key]}"></i>${escapeText(group.title)}</span>`)
    .join(' ');
  return [
    `<figure class="week">`,
    `<svg role="img" aria-labelledby="week-title week-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="week-title">The week: sessions attended by day and time</title>`,
    `<desc id="week-desc">${escapeText(desc.join(' '))}</desc>`,
    ...out,
    '</svg>',
    `<figcaption>${legend}</figcaption>`,
    '</figure>',
    '',
  ].join('\n');
}

export const WEEK_CSS = `figure.week { margin: 1rem 0; }
figure.week svg { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
figure.week .day, figure.week .hour { fill: currentColor; }
figure.week figcaption { font-size: 0.85rem; color: var(--muted); }
figure.week figcaption span { display: inline-block; margin-right: 0.9rem; white-space: nowrap; }
figure.week figcaption i { display: inline-block; width: 0.7rem; height: 0.7rem; margin-right: 0.3rem; border-radius: 2px; vertical-align: -0.05rem; }
figure.week .hour { font-size: 10px; }
figure.week .tick { stroke: var(--rule); stroke-width: 1; }
@media print { figure.week { break-inside: avoid; } figure.week rect, figure.week i { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;
