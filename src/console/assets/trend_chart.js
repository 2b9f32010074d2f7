// The daily NPS trend as a small SVG drawn here: a line for the NPS (−100 to +100), bars for
// the number of answers each day, hollow points for low-sample days. Hand-written rather than a
// chart library: it is one chart of ~100 lines, and the console must load nothing from outside.

import { svg } from './dom.js';
import { formatDayKey, formatNumber, formatSigned } from './format.js';
import { isLowSample } from './sample_size.js';

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { left: 44, right: 12, top: 12, bottom: 28 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const DAY_MS = 86400000;

// Every UTC day from `from` to `to` as "YYYY-MM-DD" (the keys of group_by=day).
function daysBetween(fromIso, toIso) {
  const first = Date.parse(fromIso.slice(0, 10));
  const last = Date.parse(toIso.slice(0, 10));
  const days = [];
  for (let at = first; at <= last && days.length < 400; at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

const yOf = (score) => MARGIN.top + ((100 - score) / 200) * PLOT_H;

// Days sit INSET inside the plot, so the first and last bars do not cross the axes.
const INSET = 12;

function xOf(index, count) {
  const span = PLOT_W - 2 * INSET;
  return MARGIN.left + INSET + (count === 1 ? span / 2 : (index / (count - 1)) * span);
}

function axes(days) {
  const parts = [];
  for (const score of [-100, -50, 0, 50, 100]) {
    parts.push(svg('line', { class: score === 0 ? 'axis-zero' : 'grid', x1: MARGIN.left,
                             x2: WIDTH - MARGIN.right, y1: yOf(score), y2: yOf(score) }),
               svg('text', { class: 'tick', x: MARGIN.left - 6, y: yOf(score) + 4,
                             'text-anchor': 'end' }, formatSigned(score)));
  }
  // About seven date labels; the last day always has one, so its neighbour gives way.
  const step = Math.max(1, Math.ceil(days.length / 7));
  const last = days.length - 1;
  days.forEach((day, index) => {
    if ((index % step === 0 && (step === 1 || last - index >= step)) || index === last) {
      const anchor = index === 0 ? 'start' : index === last ? 'end' : 'middle';
      parts.push(svg('text', { class: 'tick', x: xOf(index, days.length), y: HEIGHT - 8,
                               'text-anchor': days.length === 1 ? 'middle' : anchor },
        formatDayKey(day)));
    }
  });
  return parts;
}

function bars(points, count) {
  const most = Math.max(1, ...points.map((point) => point.nps.responses));
  const width = Math.max(2, Math.min(18, (PLOT_W / count) * 0.6));
  return points.map((point) => {
    const height = (point.nps.responses / most) * PLOT_H * 0.35;
    return svg('rect', { class: 'bar', x: xOf(point.index, count) - width / 2,
                         y: MARGIN.top + PLOT_H - height, width, height });
  });
}

// One path with a gap wherever a day has no NPS answer.
function line(points, count) {
  let d = '';
  let previous = -2;
  for (const point of points) {
    d += `${point.index === previous + 1 ? 'L' : 'M'}${xOf(point.index, count).toFixed(1)} ` +
      `${yOf(point.nps.score).toFixed(1)} `;
    previous = point.index;
  }
  return svg('path', { class: 'line', d: d.trim() });
}

function dots(points, count) {
  return points.map((point) => svg('circle', {
    class: isLowSample(point.nps.responses) ? 'dot low-sample' : 'dot',
    cx: xOf(point.index, count), cy: yOf(point.nps.score), r: 3.5,
  }, svg('title', {}, `${formatDayKey(point.day)} : NPS ${formatSigned(point.nps.score)} ` +
    `(${formatNumber(point.nps.responses)} réponses)`)));
}

// `answer`: GET /v1/scores?group_by=day.
export function renderTrend(container, answer) {
  const days = daysBetween(answer.from, answer.to);
  const byDay = new Map((answer.groups ?? []).map((group) => [group.key, group]));
  const points = days.map((day, index) => ({ day, index, nps: byDay.get(day)?.nps ?? null }))
    .filter((point) => point.nps && Number.isFinite(point.nps.score));
  const summary = points.length === 0 ? 'Aucune réponse NPS sur la période.'
    : `NPS quotidien du ${formatDayKey(days[0])} au ${formatDayKey(days.at(-1))} : ` +
      `${points.length} jours avec des réponses, dernier ${formatSigned(points.at(-1).nps.score)}.`;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
                             'aria-label': summary, class: 'chart' },
    svg('title', {}, summary), axes(days), bars(points, days.length), line(points, days.length),
    dots(points, days.length));
  container.replaceChildren(chart);
  container.dataset.points = String(points.length);
}
