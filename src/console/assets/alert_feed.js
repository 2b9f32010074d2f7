// The list of alerts: every alert the console knows, merged from the list requests and the live
// stream, shown newest first through the current view (status, team, agent, channel).
//
// Cards are updated in place — one card rebuilt when its alert changes, new ones inserted at
// their place — so an alert arriving never steals the focus or the note a supervisor is typing.

import { buildAlertCard, carryOverDraft } from './alert_card.js';

const STATUS_RANK = { open: 0, acknowledged: 1, resolved: 2 };
const MAX_KNOWN = 1000;  // older alerts are forgotten beyond this (the server keeps them all)
const MAX_SHOWN = 200;

const PENDING = new Set(['open', 'acknowledged']);

function statusMatches(view, status) {
  return view.status === 'all' || (view.status === 'pending' ? PENDING.has(status)
    : status === view.status);
}

function channelMatches(view, event) {
  if (!view.channel) {
    return true;
  }
  const [dimension, value] = view.channel.split(':');
  return event?.[dimension] === value;
}

function visibleIn(view, alert) {
  const event = alert.event ?? {};
  return statusMatches(view, alert.status) && channelMatches(view, event) &&
    (!view.team_id || event.team_id === view.team_id) &&
    (!view.agent_id || event.agent_id === view.agent_id);
}

export class AlertFeed {
  // `handlers`: acknowledge(alert, messageNode), resolve(alert, note, messageNode).
  constructor(list, message, handlers) {
    this.list = list;
    this.message = message;
    this.handlers = handlers;
    this.alerts = new Map();  // id → alert
    this.cards = new Map();   // id → {alert, node}
    this.fresh = new Set();   // ids that arrived live, marked once
    this.view = { status: 'pending', channel: '', team_id: '', agent_id: '' };
    this.loaded = false;
  }

  setView(view) {
    this.view = { ...this.view, ...view };
    this.render();
  }

  // A new list from the server (first load, or after the filters changed).
  reset(alerts) {
    this.alerts.clear();
    this.loaded = true;
    this.mergeAll(alerts);
  }

  mergeAll(alerts) {
    for (const alert of alerts) {
      this.merge(alert);
    }
    this.forgetOldest();
    this.render();
  }

  // An alert from the stream or an action's answer; `live` marks a newly raised one.
  upsert(alert, { live = false } = {}) {
    if (live && !this.alerts.has(alert.id)) {
      this.fresh.add(alert.id);
    }
    this.mergeAll([alert]);
  }

  // Status only moves forward (open → acknowledged → resolved), so whichever copy is further
  // along is the newer one, whatever order the list and the stream delivered them in.
  merge(alert) {
    if (!alert || typeof alert.id !== 'string') {
      return;
    }
    const known = this.alerts.get(alert.id);
    if (!known || (STATUS_RANK[alert.status] ?? 0) >= (STATUS_RANK[known.status] ?? 0)) {
      this.alerts.set(alert.id, alert);
    }
  }

  forgetOldest() {
    if (this.alerts.size <= MAX_KNOWN) {
      return;
    }
    const bySeq = [...this.alerts.values()].sort((a, b) => a.seq - b.seq);
    for (const alert of bySeq.slice(0, this.alerts.size - MAX_KNOWN)) {
      this.alerts.delete(alert.id);
    }
  }

  // The newest alert's seq among those known, or null.
  newestSeq() {
    let newest = null;
    for (const alert of this.alerts.values()) {
      newest = newest === null ? alert.seq : Math.max(newest, alert.seq);
    }
    return newest;
  }

  render() {
    const shown = [...this.alerts.values()].filter((alert) => visibleIn(this.view, alert))
      .sort((a, b) => b.seq - a.seq).slice(0, MAX_SHOWN);
    const shownIds = new Set(shown.map((alert) => alert.id));
    for (const [id, card] of this.cards) {
      if (!shownIds.has(id)) {
        card.node.remove();
        this.cards.delete(id);
      }
    }
    const nodes = shown.map((alert) => this.cardFor(alert));  // rebuilt cards swap in place
    let expected = this.list.firstElementChild;
    for (const node of nodes) {
      if (node === expected) {
        expected = expected.nextElementSibling;
      } else {
        this.list.insertBefore(node, expected);
      }
    }
    this.describe(shown.length);
  }

  cardFor(alert) {
    const known = this.cards.get(alert.id);
    if (known && known.alert === alert) {
      return known.node;
    }
    const node = buildAlertCard(alert, this.handlers);
    if (this.fresh.delete(alert.id)) {
      node.classList.add('is-new');
    }
    if (known) {
      carryOverDraft(known.node, node);
      known.node.replaceWith(node);
    }
    this.cards.set(alert.id, { alert, node });
    return node;
  }

  describe(count) {
    if (!this.loaded) {
      this.message.textContent = 'Chargement des alertes…';
    } else if (count === 0) {
      this.message.textContent = 'Aucune alerte pour cette vue.';
    } else {
      this.message.textContent = count === 1 ? '1 alerte'
        : count >= MAX_SHOWN ? `Les ${count} alertes les plus récentes` : `${count} alertes`;
    }
  }
}
