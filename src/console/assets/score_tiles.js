// The four headline tiles of the selected period: NPS (± margin of error), CSAT, CES, and the
// share of negative verbatims.

import { el } from './dom.js';
import { DASH, formatNumber, formatPercent, formatSigned } from './format.js';
import { isLowSample, LOW_SAMPLE_THRESHOLD } from './sample_size.js';

function tile(name, title, value, details, responses) {
  const low = responses > 0 && isLowSample(responses);
  return el('article', { class: `tile${low ? ' low-sample' : ''}`, dataset: { tile: name } },
    el('h3', { class: 'tile-title' }, title),
    el('p', { class: 'tile-value' }, value),
    details.map((line) => el('p', { class: 'tile-detail' }, line)),
    low ? el('p', { class: 'sample-badge' },
      `Faible échantillon (moins de ${LOW_SAMPLE_THRESHOLD} réponses)`) : null);
}

function npsTile(nps) {
  if (!nps) {
    return tile('nps', 'NPS', DASH, ['Aucune réponse NPS'], 0);
  }
  return tile('nps', 'NPS', formatSigned(nps.score, 0), [
    `± ${formatNumber(nps.margin_of_error, 1)} pts (95 %) · ` +
      `${formatNumber(nps.responses)} réponses`,
    `${formatNumber(nps.promoters)} promoteurs · ${formatNumber(nps.passives)} passifs · ` +
      `${formatNumber(nps.detractors)} détracteurs`,
  ], nps.responses);
}

function csatTile(csat) {
  if (!csat) {
    return tile('csat', 'CSAT', DASH, ['Aucune réponse CSAT'], 0);
  }
  return tile('csat', 'CSAT', `${formatNumber(csat.score)} %`, [
    `${formatNumber(csat.satisfied)} satisfaits (4 ou 5) sur ${formatNumber(csat.responses)}`,
    `Moyenne ${formatNumber(csat.mean, 1)} / 5`,
  ], csat.responses);
}

function cesTile(ces) {
  if (!ces) {
    return tile('ces', 'CES', DASH, ['Aucune réponse CES'], 0);
  }
  return tile('ces', 'CES', `${formatNumber(ces.mean, 1)} / 7`, [
    `${formatPercent(ces.easy, ces.responses)} disent que c’était facile (5 à 7)`,
    `${formatNumber(ces.responses)} réponses`,
  ], ces.responses);
}

function negativeTile(sentiment) {
  if (!sentiment || !sentiment.verbatims) {
    return tile('negative', 'Verbatims négatifs', DASH, ['Aucun verbatim'], 0);
  }
  return tile('negative', 'Verbatims négatifs',
    formatPercent(sentiment.negative, sentiment.verbatims), [
      `${formatNumber(sentiment.negative)} sur ${formatNumber(sentiment.verbatims)} verbatims`,
      `Tonalité moyenne ${formatSigned(sentiment.mean, 2)} (de −1 à +1)`,
    ], 0);
}

// `total`: the `total` group of GET /v1/scores.
export function renderTiles(container, total) {
  container.replaceChildren(npsTile(total?.nps), csatTile(total?.csat), cesTile(total?.ces),
    negativeTile(total?.sentiment));
}
