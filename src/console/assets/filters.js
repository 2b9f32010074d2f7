// The filter bar: period, team, agent and channel/platform, read into API parameters.

import { el } from './dom.js';

const DAY_MS = 86400000;
const $ = (id) => document.getElementById(id);

export function readFilters() {
  return {
    days: Number($('filter-period').value) || 7,
    team_id: $('filter-team').value,
    agent_id: $('filter-agent').value,
    channel: $('filter-channel').value,  // "channel:voice", "platform:facebook" or ""
    status: $('filter-status').value,
  };
}

// "Aujourd'hui" starts at local midnight; "N derniers jours" is a rolling window.
function periodStart(days) {
  if (days === 1) {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    return midnight;
  }
  return new Date(Date.now() - days * DAY_MS);
}

// Parameters of GET /v1/scores for the selected period and filters; `except` leaves some out
// (the team list itself must not be filtered by team).
export function scoreParams(filters, except = []) {
  const params = { from: periodStart(filters.days).toISOString() };
  for (const name of ['team_id', 'agent_id']) {
    if (!except.includes(name) && filters[name]) {
      params[name] = filters[name];
    }
  }
  if (filters.channel) {
    const [dimension, value] = filters.channel.split(':');
    params[dimension] = value;
  }
  return params;
}

export function periodText(days) {
  return days === 1 ? 'aujourd’hui' : `sur les ${days} derniers jours`;
}

// Replaces a select's choices with `keys`, keeping the current choice even when absent.
export function fillChoices(select, keys, allLabel) {
  const chosen = select.value;
  const values = [...new Set([...keys, ...(chosen ? [chosen] : [])])]
    .sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
  select.replaceChildren(el('option', { value: '' }, allLabel),
    values.map((key) => el('option', { value: key }, key)));
  select.value = chosen;
}

export function onFiltersChange(handler) {
  for (const id of ['filter-period', 'filter-team', 'filter-agent', 'filter-channel',
    'filter-status']) {
    $(id).addEventListener('change', () => handler(id));
  }
  $('filters').addEventListener('submit', (event) => event.preventDefault());
}
