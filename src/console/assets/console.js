// The supervisor console: wires the filters, the alert feed, the live stream and the scores.
// Entry module of index.html; everything it shows comes from the same origin's /v1 API.

import { AlertFeed } from './alert_feed.js';
import { ApiError, apiGet, apiPost, storedToken, storeToken, UnauthorizedError } from './api.js';
import { BreakdownTable } from './breakdown_table.js';
import {
  fillChoices, onFiltersChange, periodText, readFilters, scoreParams,
} from './filters.js';
import { severityLabel } from './format.js';
import { LiveStream } from './live_stream.js';
import { renderTiles } from './score_tiles.js';
import { renderTrend } from './trend_chart.js';

const $ = (id) => document.getElementById(id);
const NAME_KEY = 'sentinelle.supervisor';
const ALERTS_PER_STATUS = 100;
const SCORES_DEBOUNCE_MS = 1000;
const START_RETRY_MS = 5000;

const CONNECTION_TEXT = {
  connecting: 'Connexion…',
  live: 'En direct',
  reconnecting: 'Reconnexion…',
  unauthorized: 'Jeton requis',
  offline: 'Serveur injoignable',
};

const feed = new AlertFeed($('alert-list'), $('feed-message'), { acknowledge, resolve });
const byTeam = new BreakdownTable($('by-team'), 'Équipe', 'Scores par équipe');
const byAgent = new BreakdownTable($('by-agent'), 'Conseiller', 'Scores par conseiller');
const stream = new LiveStream({ onMessage: onStreamMessage, onState: showConnection, probe });
let scoresTimer = null;
let startTimer = null;
// Filters can change while a load is in flight: only the latest load of each kind is shown.
let latestScores = 0;
let latestAlerts = 0;

function showConnection(state) {
  const node = $('connection');
  node.dataset.state = state;
  node.textContent = CONNECTION_TEXT[state] ?? state;
  $('change-token').hidden = storedToken() === '' && state !== 'unauthorized';
  if (state === 'unauthorized') {
    requireToken();
  }
}

function announce(text) {
  $('announcer').textContent = text;
}

// ---- token prompt ----------------------------------------------------------------------------

function openTokenDialog(problem) {
  const dialog = $('token-dialog');
  const error = $('token-error');
  error.textContent = problem;
  error.hidden = problem === '';
  if (!dialog.open) {
    dialog.showModal();
  }
  $('token-input').focus();
}

// The API refused the token (or there was none): stop, and ask. `forbidden`: a 403, a token
// without the console role.
function requireToken(forbidden = false) {
  stream.stop();
  const node = $('connection');
  node.dataset.state = 'unauthorized';
  node.textContent = CONNECTION_TEXT.unauthorized;
  $('change-token').hidden = false;
  openTokenDialog(forbidden ? 'Ce jeton n’a pas le rôle console ou admin.'
    : storedToken() ? 'Ce jeton a été refusé : vérifiez-le.' : '');
}

function onTokenSubmitted(event) {
  event.preventDefault();
  storeToken($('token-input').value.trim());
  $('token-input').value = '';
  $('token-dialog').close();
  start();
}

// ---- loading ---------------------------------------------------------------------------------

// Runs one API step: a 401 (or 403) opens the token prompt; another failure is shown and the
// whole start is retried shortly. Returns whether the step succeeded.
async function guarded(step) {
  try {
    await step();
    return true;
  } catch (error) {
    if (error instanceof UnauthorizedError) {
      requireToken();
    } else if (error instanceof ApiError && error.status === 403) {
      requireToken(true);
    } else if (error instanceof ApiError) {
      $('feed-message').textContent = `Le serveur ne répond pas (${error.message}) : ` +
        'nouvel essai dans quelques secondes.';
      showConnection('offline');
      clearTimeout(startTimer);
      startTimer = setTimeout(start, START_RETRY_MS);
    } else {
      throw error;  // a bug of the console: let it surface
    }
    return false;
  }
}

async function loadScores() {
  const request = ++latestScores;
  const filters = readFilters();
  const [daily, teams, agents, teamChoices, agentChoices] = await Promise.all([
    apiGet('/v1/scores', { ...scoreParams(filters), group_by: 'day' }),
    apiGet('/v1/scores', { ...scoreParams(filters), group_by: 'team_id' }),
    apiGet('/v1/scores', { ...scoreParams(filters), group_by: 'agent_id' }),
    apiGet('/v1/scores', { ...scoreParams(filters, ['team_id', 'agent_id']), group_by: 'team_id' }),
    apiGet('/v1/scores', { ...scoreParams(filters, ['agent_id']), group_by: 'agent_id' }),
  ]);
  if (request !== latestScores) {
    return;
  }
  $('period-label').textContent = periodText(filters.days);
  renderTiles($('tiles'), daily.total);
  renderTrend($('trend-chart'), daily);
  byTeam.setGroups(teams.groups);
  byAgent.setGroups(agents.groups);
  fillChoices($('filter-team'), teamChoices.groups.map((g) => g.key), 'Toutes les équipes');
  fillChoices($('filter-agent'), agentChoices.groups.map((g) => g.key), 'Tous les conseillers');
}

function statusesOf(view) {
  return view === 'pending' ? ['open', 'acknowledged'] : [view];
}

// The list, then the stream from the newest seq read *before* the list: nothing falls between.
async function loadAlertsAndStream() {
  const request = ++latestAlerts;
  const filters = readFilters();
  const who = { team_id: filters.team_id, agent_id: filters.agent_id };
  const newest = await apiGet('/v1/alerts', { status: 'all', limit: 1 });
  const baseline = newest.alerts[0]?.seq ?? 0;
  const pages = await Promise.all(statusesOf(filters.status).map((status) =>
    apiGet('/v1/alerts', { status, limit: ALERTS_PER_STATUS, ...who })));
  if (request !== latestAlerts) {
    return;
  }
  feed.setView({ status: filters.status, channel: filters.channel, ...who });
  feed.reset(pages.flatMap((page) => page.alerts));
  stream.start(who, baseline);
}

function scheduleScores() {
  clearTimeout(scoresTimer);
  scoresTimer = setTimeout(() => guarded(loadScores), SCORES_DEBOUNCE_MS);
}

async function start() {
  clearTimeout(startTimer);
  stream.stop();
  const scored = await guarded(loadScores);
  if (scored) {
    await guarded(loadAlertsAndStream);
  }
}

async function probe() {
  try {
    await apiGet('/v1/alerts', { limit: 1 });
    return 'ok';
  } catch (error) {
    return error instanceof UnauthorizedError ? 'unauthorized' : 'down';
  }
}

function onStreamMessage(message) {
  if (message.type === 'alert' && message.alert) {
    const known = feed.alerts.has(message.alert.id);
    feed.upsert(message.alert, { live: true });
    if (!known) {
      const team = message.alert.event?.team_id;
      announce(`Nouvelle alerte ${severityLabel(message.alert.severity).toLowerCase()}` +
        (team ? `, équipe ${team}` : ''));
    }
  } else if (message.type === 'alert_update' && message.alert) {
    feed.upsert(message.alert);
  } else if (message.type === 'scores') {
    scheduleScores();
  }
}

// ---- actions ---------------------------------------------------------------------------------

function supervisorName(message) {
  const name = $('supervisor-name').value.trim();
  if (!name) {
    message.textContent = 'Indiquez votre nom (en haut de la page) avant d’agir.';
    $('supervisor-name').focus();
  }
  return name;
}

async function act(send, message, done) {
  message.textContent = 'Envoi…';
  try {
    feed.upsert(await send());
    announce(done);
  } catch (error) {
    if (error instanceof UnauthorizedError) {
      requireToken();
    }
    message.textContent = `Échec : ${error.message}`;
  }
}

function acknowledge(alert, message) {
  const by = supervisorName(message);
  if (by) {
    act(() => apiPost(`/v1/alerts/${encodeURIComponent(alert.id)}/acknowledge`, { by }), message,
      'Alerte prise en charge.');
  }
}

function resolve(alert, note, message) {
  const by = supervisorName(message);
  if (by) {
    act(() => apiPost(`/v1/alerts/${encodeURIComponent(alert.id)}/resolve`,
      note ? { by, note } : { by }), message, 'Alerte résolue.');
  }
}

// ---- wiring ----------------------------------------------------------------------------------

function onFilterChanged(id) {
  const filters = readFilters();
  if (id === 'filter-channel') {
    feed.setView({ channel: filters.channel });
  }
  if (id === 'filter-team' || id === 'filter-agent' || id === 'filter-status') {
    guarded(loadAlertsAndStream);
  }
  if (id !== 'filter-status') {
    guarded(loadScores);
  }
}

function wire() {
  const name = $('supervisor-name');
  name.value = localStorage.getItem(NAME_KEY) ?? '';
  name.addEventListener('change', () => localStorage.setItem(NAME_KEY, name.value.trim()));
  $('token-form').addEventListener('submit', onTokenSubmitted);
  $('change-token').addEventListener('click', () => openTokenDialog(''));
  onFiltersChange(onFilterChanged);
}

wire();
start();
