// The live feed: one EventSource on GET /v1/events that never loses a message.
//
// The stream always opens with `?since=<seq>`: first the newest alert's seq read *before* the
// alert list (so whatever happens between the list and the stream is replayed, not lost), then
// the last `id:` received. The server replays every record after it, then goes live.
// When the stream fails the console closes it and reopens it itself, after a back-off, rather
// than letting EventSource retry with Last-Event-ID: the server prefers `since` to
// Last-Event-ID, so a browser retry would replay from the stale `since` of the first URL (and,
// past `consoles.replay_limit` records, loop on the same window). Duplicates from a replay are
// harmless: the feed merges alerts by id.
// The token travels as `?token=` because EventSource cannot set headers.

import { apiUrl, storedToken } from './api.js';

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 15000;

export class LiveStream {
  // onMessage(json), onState('connecting'|'live'|'reconnecting'|'unauthorized'),
  // probe() → 'ok' | 'unauthorized' | 'down' (asked before reopening a failed stream).
  constructor({ onMessage, onState, probe }) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.probe = probe;
    this.source = null;
    this.timer = null;
    this.generation = 0;
    this.lastSeq = 0;
    this.retryMs = FIRST_RETRY_MS;
    this.filter = {};
  }

  // Opens the stream for `filter` (team_id, agent_id), replaying what follows `sinceSeq`.
  start(filter, sinceSeq) {
    this.stop();
    this.filter = { ...filter };
    this.lastSeq = sinceSeq;
    this.retryMs = FIRST_RETRY_MS;
    this.onState('connecting');
    this.open();
  }

  stop() {
    this.generation += 1;  // a reopen still waiting on its probe must not revive the stream
    clearTimeout(this.timer);
    this.timer = null;
    if (this.source) {
      this.source.close();
      this.source = null;
    }
  }

  open() {
    const params = { ...this.filter, token: storedToken(), since: this.lastSeq };
    const source = new EventSource(apiUrl('/v1/events', params));
    source.addEventListener('open', () => {
      this.retryMs = FIRST_RETRY_MS;
      this.onState('live');
    });
    source.addEventListener('message', (event) => this.receive(event));
    source.addEventListener('error', () => {
      source.close();
      if (this.source === source) {
        this.scheduleReopen();
      }
    });
    this.source = source;
  }

  receive(event) {
    if (/^\d+$/.test(event.lastEventId)) {
      this.lastSeq = Number(event.lastEventId);
    }
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;  // not ours to crash on: the next message is independent
    }
    this.onMessage(message);
  }

  scheduleReopen() {
    this.source = null;
    this.onState('reconnecting');
    clearTimeout(this.timer);
    const generation = this.generation;
    this.timer = setTimeout(() => this.reopen(generation), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  // A failed EventSource tells nothing of why: ask the API before trying again.
  async reopen(generation) {
    this.timer = null;
    const verdict = await this.probe();
    if (generation !== this.generation) {
      return;
    }
    if (verdict === 'unauthorized') {
      this.onState('unauthorized');
    } else if (verdict === 'ok') {
      this.open();
    } else {
      this.scheduleReopen();
    }
  }
}
