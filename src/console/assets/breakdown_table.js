// A sortable table of score groups (by team or by agent). Column headers are buttons, so the
// sort is reachable from the keyboard, and `aria-sort` tells a screen reader the current order.

import { el } from './dom.js';
import { DASH, formatNumber, formatPercent, formatSigned } from './format.js';
import { isLowSample, LOW_SAMPLE_THRESHOLD, responsesOf } from './sample_size.js';

const negativeShare = (group) => (group.sentiment?.verbatims
  ? group.sentiment.negative / group.sentiment.verbatims : null);

// label, value for sorting (null sorts last), text shown.
const COLUMNS = [
  { id: 'key', label: null, value: (g) => g.key, text: (g) => g.key },
  { id: 'nps', label: 'NPS', value: (g) => g.nps?.score ?? null,
    text: (g) => (g.nps ? formatSigned(g.nps.score) : DASH) },
  { id: 'moe', label: '± marge', value: (g) => g.nps?.margin_of_error ?? null,
    text: (g) => (g.nps ? formatNumber(g.nps.margin_of_error, 1) : DASH) },
  { id: 'responses', label: 'Réponses', value: responsesOf,
    text: (g) => formatNumber(responsesOf(g)) },
  { id: 'csat', label: 'CSAT', value: (g) => g.csat?.score ?? null,
    text: (g) => (g.csat ? `${formatNumber(g.csat.score)} %` : DASH) },
  { id: 'ces', label: 'CES', value: (g) => g.ces?.mean ?? null,
    text: (g) => (g.ces ? formatNumber(g.ces.mean, 1) : DASH) },
  { id: 'negative', label: '% négatifs', value: negativeShare,
    text: (g) => (g.sentiment ? formatPercent(g.sentiment.negative, g.sentiment.verbatims)
      : DASH) },
  { id: 'alerts', label: 'Alertes ouvertes', value: (g) => g.alerts?.open ?? null,
    text: (g) => (g.alerts ? formatNumber(g.alerts.open) : DASH) },
];

function compare(a, b) {
  if (a === null || b === null) {
    return a === b ? 0 : a === null ? 1 : -1;
  }
  return typeof a === 'string' ? a.localeCompare(b, 'fr', { numeric: true }) : a - b;
}

export class BreakdownTable {
  constructor(container, keyLabel, caption) {
    this.container = container;
    this.keyLabel = keyLabel;
    this.caption = caption;
    this.groups = [];
    this.sort = { column: 'responses', descending: true };
  }

  setGroups(groups) {
    this.groups = Array.isArray(groups) ? groups : [];
    this.render();
  }

  sortBy(columnId) {
    const same = this.sort.column === columnId;
    this.sort = { column: columnId, descending: same ? !this.sort.descending : columnId !== 'key' };
    this.render();
    this.container.querySelector(`th[data-column="${columnId}"] button`)?.focus();
  }

  sorted() {
    const column = COLUMNS.find((c) => c.id === this.sort.column);
    const order = this.sort.descending ? -1 : 1;
    return [...this.groups].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      return x === null || y === null ? compare(x, y) : order * compare(x, y);
    });
  }

  header() {
    return el('tr', {}, COLUMNS.map((column) => {
      const active = this.sort.column === column.id;
      return el('th', {
        scope: 'col', dataset: { column: column.id },
        'aria-sort': active ? (this.sort.descending ? 'descending' : 'ascending') : null,
      }, el('button', { type: 'button', class: 'sort', onclick: () => this.sortBy(column.id) },
        column.label ?? this.keyLabel, el('span', { class: 'sort-mark', 'aria-hidden': 'true' },
          active ? (this.sort.descending ? ' ▼' : ' ▲') : '')));
    }));
  }

  row(group) {
    const low = isLowSample(responsesOf(group));
    return el('tr', { class: low ? 'low-sample' : null, dataset: { key: group.key } },
      COLUMNS.map((column) => (column.id === 'key'
        ? el('th', { scope: 'row' }, group.key, low ? el('span', {
          class: 'sample-badge', title: `moins de ${LOW_SAMPLE_THRESHOLD} réponses`,
        }, 'faible échantillon') : null)
        : el('td', {}, column.text(group)))));
  }

  render() {
    if (this.groups.length === 0) {
      this.container.replaceChildren(el('p', { class: 'empty' }, 'Aucune donnée sur la période.'));
      return;
    }
    this.container.replaceChildren(el('table', { class: 'breakdown' },
      el('caption', { class: 'visually-hidden' }, this.caption),
      el('thead', {}, this.header()),
      el('tbody', {}, this.sorted().map((group) => this.row(group)))));
  }
}
