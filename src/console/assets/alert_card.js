// One alert as a card: severity, status, reasons, topics, the verbatim with its matched words
// highlighted, who and when, and the acknowledge / resolve actions.

import { el } from './dom.js';
import {
  channelLabel, formatFullDate, formatWhen, platformLabel, reasonLabel, severityLabel,
  statusLabel, topicLabel,
} from './format.js';
import { highlightSegments } from './highlight.js';

const KIND_LABELS = { survey: 'Enquête', message: 'Message' };
const MATCH_TITLES = { negative: 'mot négatif', positive: 'mot positif', topic: 'thème' };

function sourceLabel(event) {
  const kind = KIND_LABELS[event.kind] ?? event.kind ?? '';
  const where = event.platform ? platformLabel(event.platform)
    : event.channel ? channelLabel(event.channel) : '';
  return where ? `${kind} · ${where}` : kind;
}

function chips(className, label, items, toText) {
  if (!Array.isArray(items) || items.length === 0) {
    return null;
  }
  return el('ul', { class: `chips ${className}`, 'aria-label': label },
    items.map((item) => el('li', { dataset: { code: item } }, toText(item))));
}

function excerpt(alert) {
  if (!alert.excerpt) {
    return el('p', { class: 'excerpt empty-excerpt' }, 'Pas de verbatim.');
  }
  const parts = highlightSegments(alert.excerpt, alert.analysis?.matches).map((segment) =>
    (segment.kind
      ? el('mark', { class: `match-${segment.kind}`,
                     title: `${MATCH_TITLES[segment.kind]} : ${segment.terms.join(', ')}` },
           segment.text)
      : segment.text));
  return el('blockquote', { class: 'excerpt', lang: 'fr' }, parts);
}

function fact(term, value) {
  return value === null || value === undefined || value === ''
    ? null : el('div', {}, el('dt', {}, term), el('dd', {}, String(value)));
}

function facts(event) {
  return el('dl', { class: 'facts' },
    fact('Conseiller', event.agent_id), fact('Équipe', event.team_id), fact('File', event.queue),
    fact('NPS', event.nps), fact('CSAT', event.csat), fact('CES', event.ces),
    fact('Client', event.customer_id), fact('Événement', event.id));
}

function handledLine(alert) {
  if (alert.status === 'resolved') {
    return el('p', { class: 'handled' },
      `Résolue par ${alert.resolved_by ?? '?'} (${formatWhen(alert.resolved_at)})`,
      alert.note ? el('span', { class: 'note-text' }, ` — « ${alert.note} »`) : null);
  }
  if (alert.status === 'acknowledged') {
    return el('p', { class: 'handled' },
      `Prise en charge par ${alert.acknowledged_by ?? '?'} (${formatWhen(alert.acknowledged_at)})`);
  }
  return null;
}

function resolveForm(alert, handlers, message) {
  const note = el('textarea', { name: 'note', rows: 2, maxlength: 4000 });
  const form = el('form', { class: 'resolve-form', hidden: true },
    el('label', {}, 'Note de résolution (facultative)', note),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit' }, 'Confirmer la résolution'),
      el('button', { type: 'button', class: 'secondary', 'data-action': 'cancel' }, 'Annuler')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.resolve(alert, note.value.trim(), message);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      form.hidden = true;
      form.closest('.alert-card')?.querySelector('[data-action="resolve"]')?.focus();
    }
  });
  form.querySelector('[data-action="cancel"]').addEventListener('click', () => {
    form.hidden = true;
    form.closest('.alert-card')?.querySelector('[data-action="resolve"]')?.focus();
  });
  return form;
}

function actions(alert, handlers, form, message) {
  if (alert.status === 'resolved') {
    return null;
  }
  const acknowledge = alert.status === 'open'
    ? el('button', { type: 'button', 'data-action': 'acknowledge',
                     onclick: () => handlers.acknowledge(alert, message) }, 'Prendre en charge')
    : null;
  const resolve = el('button', {
    type: 'button', class: 'secondary', 'data-action': 'resolve',
    onclick: () => {
      form.hidden = false;
      form.querySelector('textarea').focus();
    },
  }, 'Résoudre…');
  return el('div', { class: 'actions' }, acknowledge, resolve);
}

// `handlers`: acknowledge(alert, messageNode), resolve(alert, note, messageNode).
export function buildAlertCard(alert, handlers) {
  const event = alert.event ?? {};
  const titleId = `alert-title-${alert.id}`;
  const message = el('p', { class: 'card-message', role: 'alert' });
  const form = resolveForm(alert, handlers, message);
  return el('li', {
    class: `alert-card severity-${alert.severity} status-${alert.status}`,
    dataset: { alertId: alert.id, status: alert.status, severity: alert.severity },
    'aria-labelledby': titleId,
  },
  el('div', { class: 'card-head' },
    el('span', { class: 'severity-badge' }, severityLabel(alert.severity)),
    el('span', { class: 'status-badge' }, statusLabel(alert.status)),
    el('time', { datetime: alert.created_at, title: formatFullDate(alert.created_at) },
      formatWhen(alert.created_at))),
  el('h3', { class: 'card-title', id: titleId }, sourceLabel(event),
    event.team_id ? ` — équipe ${event.team_id}` : '',
    event.agent_id ? `, conseiller ${event.agent_id}` : ''),
  chips('reasons', 'Raisons', alert.reasons, reasonLabel),
  chips('topics', 'Thèmes', alert.analysis?.topics, topicLabel),
  excerpt(alert),
  facts(event),
  handledLine(alert),
  actions(alert, handlers, form, message),
  alert.status === 'resolved' ? null : form,
  message);
}

// Keeps what a supervisor was typing when the card is rebuilt by an update from the stream.
export function carryOverDraft(oldCard, newCard) {
  const oldForm = oldCard.querySelector('.resolve-form');
  const newForm = newCard.querySelector('.resolve-form');
  if (!oldForm || !newForm || oldForm.hidden) {
    return;
  }
  const typing = oldCard.contains(document.activeElement);
  newForm.hidden = false;
  newForm.querySelector('textarea').value = oldForm.querySelector('textarea').value;
  if (typing) {
    newForm.querySelector('textarea').focus();
  }
}
