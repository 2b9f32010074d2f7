"""Integration tests of alerts (issue #4): the real binary, HTTP over loopback — raised with
their event, listed, acknowledged, resolved, and roles."""
import base64
import hashlib
import hmac
import http.server
import os
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from server_harness import Server, SseClient, WebSocketClient  # noqa: E402

ADMIN = 'admin-token-0123456789'
INGEST = 'ingest-token-0123456789'
CONSOLE = 'console-token-0123456789'
TOKENS = ''.join(f'[[auth.tokens]]\ntoken = "{token}"\nrole = "{role}"\n'
                 for token, role in ((ADMIN, 'admin'), (INGEST, 'ingest'), (CONSOLE, 'console')))


def survey(identifier, **fields):
    fields.setdefault('submitted_at', '2026-11-20T10:00:00Z')
    return dict(id=identifier, **fields)


class AlertLifecycleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(TOKENS + '[alerts.severity]\nhigh_effort = "medium"\n').start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def post(self, body):
        status, payload, _ = self.server.post('/v1/surveys', body, token=INGEST)
        self.assertEqual(status, 200, payload)
        return payload['results'][0]

    def test_a_detractor_raises_an_alert_answered_with_the_event(self):
        result = self.post(survey('al-churn', nps=8, team_id='t-7', agent_id='a-7',
                                  comment='8/10 mais je vais résilier'))
        alert = result['alert']
        self.assertIsNotNone(alert)
        self.assertEqual(alert['severity'], 'critical')  # churn_risk is always critical
        status, stored, _ = self.server.get('/v1/alerts/' + alert['id'], token=CONSOLE)
        self.assertEqual(status, 200, stored)
        self.assertEqual(stored['status'], 'open')
        self.assertEqual(stored['event']['id'], 'al-churn')
        self.assertEqual(stored['event']['team_id'], 't-7')
        self.assertIn('churn_risk', stored['reasons'])
        self.assertIn('résilier', stored['excerpt'])
        self.assertIsInstance(stored['seq'], int)
        # A duplicate answers the same alert, and raises none.
        again = self.post(survey('al-churn', nps=8, comment='8/10 mais je vais résilier'))
        self.assertEqual(again['status'], 'duplicate')
        self.assertEqual(again['alert'], alert)

    def test_a_promoter_raises_none_and_the_policy_is_configurable(self):
        self.assertIsNone(self.post(survey('al-happy', nps=10, comment='parfait merci'))['alert'])
        effort = self.post(survey('al-effort', ces=2))
        self.assertEqual(effort['alert']['severity'], 'medium')  # low by default, set above

    def test_acknowledge_then_resolve_idempotently(self):
        alert_id = self.post(survey('al-ack', nps=1, team_id='t-ack'))['alert']['id']
        path = f'/v1/alerts/{alert_id}'
        status, body, _ = self.server.post(path + '/acknowledge', {'by': 'sup-1'}, token=CONSOLE)
        self.assertEqual((status, body['status'], body['acknowledged_by']),
                         (200, 'acknowledged', 'sup-1'))
        status, body, _ = self.server.post(path + '/acknowledge', {'by': 'sup-2'}, token=CONSOLE)
        self.assertEqual((status, body['acknowledged_by']), (200, 'sup-1'))  # unchanged
        status, body, _ = self.server.post(path + '/resolve', {'by': 'sup-2', 'note': 'rappelé'},
                                           token=CONSOLE)
        self.assertEqual((status, body['status'], body['note'], body['resolved_by']),
                         (200, 'resolved', 'rappelé', 'sup-2'))
        self.assertIsNotNone(body['resolved_at'])
        status, body, _ = self.server.get('/v1/alerts?team_id=t-ack', token=CONSOLE)
        self.assertEqual(body['alerts'], [])  # default: open only
        status, body, _ = self.server.get('/v1/alerts?team_id=t-ack&status=resolved',
                                          token=CONSOLE)
        self.assertEqual([a['id'] for a in body['alerts']], [alert_id])

    def test_list_pages_with_a_cursor(self):
        ids = [self.post(survey(f'al-page-{n}', nps=3, team_id='t-page'))['alert']['id']
               for n in range(5)]
        seen, cursor = [], None
        while True:
            path = '/v1/alerts?team_id=t-page&limit=2' + (f'&cursor={cursor}' if cursor else '')
            status, body, _ = self.server.get(path, token=CONSOLE)
            self.assertEqual(status, 200, body)
            seen += [a['id'] for a in body['alerts']]
            cursor = body['next_cursor']
            if cursor is None:
                break
        self.assertEqual(seen, list(reversed(ids)))  # newest first, each once

    def test_bad_requests(self):
        alert_id = self.post(survey('al-bad', nps=0))['alert']['id']
        cases = [
            ('GET', '/v1/alerts/al-999999', None, 404, 'not_found'),
            ('GET', '/v1/alerts/nonsense', None, 404, 'not_found'),
            ('POST', '/v1/alerts/al-999999/acknowledge', {'by': 's'}, 404, 'not_found'),
            ('POST', f'/v1/alerts/{alert_id}/resolve', {'note': 'x'}, 422, 'invalid_event'),
            ('POST', f'/v1/alerts/{alert_id}/resolve', {'by': ''}, 422, 'invalid_event'),
            ('POST', f'/v1/alerts/{alert_id}/resolve', {'by': 7}, 422, 'invalid_event'),
            ('POST', f'/v1/alerts/{alert_id}/resolve', '{"by":', 400, 'invalid_json'),
            ('GET', '/v1/alerts?status=closed', None, 400, 'bad_request'),
            ('GET', '/v1/alerts?severity=urgent', None, 400, 'bad_request'),
            ('GET', '/v1/alerts?limit=0', None, 400, 'bad_request'),
            ('GET', '/v1/alerts?cursor=abc', None, 400, 'bad_request'),
            ('GET', '/v1/alerts?colour=red', None, 400, 'bad_request'),
        ]
        for method, path, body, expected, code in cases:
            headers = {'Content-Type': 'application/json'} if isinstance(body, str) else None
            status, payload, _ = self.server.request(method, path, body, headers=headers,
                                                     token=CONSOLE)
            self.assertEqual((status, payload['error']['code']), (expected, code), path)
        status, body, _ = self.server.get('/v1/alerts/' + alert_id, token=CONSOLE)
        self.assertEqual(body['status'], 'open')  # nothing above changed it
        status, _, _ = self.server.request('POST', f'/v1/alerts/{alert_id}/resolve', b'by=x',
                                           headers={'Content-Type': 'text/plain'}, token=CONSOLE)
        self.assertEqual(status, 415)

    def test_roles(self):
        alert_id = self.post(survey('al-roles', nps=2))['alert']['id']
        self.assertEqual(self.server.get('/v1/alerts', token=INGEST)[0], 403)
        self.assertEqual(self.server.get('/v1/alerts')[0], 401)
        self.assertEqual(self.server.post(f'/v1/alerts/{alert_id}/acknowledge', {'by': 'x'},
                                          token=INGEST)[0], 403)
        self.assertEqual(self.server.post('/v1/surveys', survey('al-r2', nps=1),
                                          token=CONSOLE)[0], 403)
        self.assertEqual(self.server.get('/v1/admin/dead-letters', token=CONSOLE)[0], 403)
        status, body, _ = self.server.get('/v1/admin/dead-letters', token=ADMIN)
        self.assertEqual((status, body), (200, {'dead_letters': []}))
        self.assertEqual(self.server.get('/v1/alerts', token=ADMIN)[0], 200)


    def test_score_groups_count_their_open_and_total_alerts(self):
        ids = [self.post(survey(f'al-count-{n}', nps=n, agent_id=f'a-count-{n % 2}',
                                team_id='t-count'))['alert'] for n in range(5)]
        self.assertTrue(all(ids))  # nps 0..4: five detractors, five alerts
        self.post(survey('al-count-happy', nps=10, agent_id='a-count-0', team_id='t-count'))
        self.server.post(f'/v1/alerts/{ids[0]["id"]}/acknowledge', {'by': 's'}, token=CONSOLE)
        self.server.post(f'/v1/alerts/{ids[2]["id"]}/resolve', {'by': 's'}, token=CONSOLE)
        self.server.post(f'/v1/alerts/{ids[2]["id"]}/acknowledge', {'by': 's'}, token=CONSOLE)

        def alert_counts(query):
            status, body, _ = self.server.get('/v1/scores?from=2026-11-19&to=2026-11-21&' + query,
                                              token=CONSOLE)
            self.assertEqual(status, 200, body)
            return body['total']['alerts'], {g['key']: g['alerts'] for g in body['groups']}

        # a-count-0 had nps 0, 2, 4 (0 acknowledged, 2 resolved); a-count-1 had 1, 3.
        expected = {'a-count-0': {'open': 1, 'total': 3}, 'a-count-1': {'open': 2, 'total': 2}}
        self.assertEqual(alert_counts('team_id=t-count&group_by=team_id'),
                         ({'open': 3, 'total': 5}, {'t-count': {'open': 3, 'total': 5}}))
        # Two filters: the recount over events, not the rollups, answers the same.
        total, groups = alert_counts('team_id=t-count&group_by=agent_id')
        self.assertEqual((total, groups), ({'open': 3, 'total': 5}, expected))
        _, by_agent = alert_counts('group_by=agent_id')
        self.assertEqual({k: v for k, v in by_agent.items() if k.startswith('a-count')}, expected)


class LiveConsoleTest(unittest.TestCase):
    """SSE and WebSocket consoles: new alerts, updates, replay after a reconnection."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(TOKENS + '[consoles]\nheartbeat_ms = 200\n'
                            'scores_interval_ms = 50\n').start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def post(self, identifier, **fields):
        status, body, _ = self.server.post('/v1/surveys', survey(identifier, **fields),
                                           token=INGEST)
        self.assertEqual(status, 200, body)
        return body['results'][0]['alert']

    def test_sse_receives_alerts_updates_and_replays_after_reconnecting(self):
        sse = SseClient(self.server.port, f'/v1/events?team_id=t-sse&token={CONSOLE}')
        self.assertEqual(sse.status, 200)
        self.assertEqual(sse.response.getheader('Content-Type'), 'text/event-stream')
        alert = self.post('sse-1', nps=2, team_id='t-sse')
        self.post('sse-other-team', nps=2, team_id='t-elsewhere')
        event_id, message = sse.next_event('alert')
        self.assertEqual((message['alert']['id'], event_id), (alert['id'], message['seq']))
        status, _, _ = self.server.post(f"/v1/alerts/{alert['id']}/acknowledge", {'by': 'sup'},
                                        token=CONSOLE)
        self.assertEqual(status, 200)
        update_id, update = sse.next_event('alert_update')
        self.assertEqual(update['alert']['status'], 'acknowledged')
        self.assertGreater(update_id, event_id)
        sse.close()
        # Missed while disconnected: exactly these, in order, after Last-Event-ID.
        missed = [self.post(f'sse-missed-{n}', nps=1, team_id='t-sse')['id'] for n in range(3)]
        sse = SseClient(self.server.port, '/v1/events?team_id=t-sse',
                        headers={'Authorization': 'Bearer ' + CONSOLE,
                                 'Last-Event-ID': str(update_id)})
        replayed = [sse.next_event('alert')[1]['alert']['id'] for _ in missed]
        self.assertEqual(replayed, missed)
        live = self.post('sse-live', nps=1, team_id='t-sse')
        self.assertEqual(sse.next_event('alert')[1]['alert']['id'], live['id'])
        sse.close()

    def test_sse_scores_messages_and_heartbeats(self):
        sse = SseClient(self.server.port, f'/v1/events?team_id=t-score&token={CONSOLE}')
        self.post('score-1', nps=10, team_id='t-score', comment='parfait')
        _, message = sse.next_event('scores')
        group = message['groups'][0]
        self.assertEqual((group['dimension'], group['key']), ('team_id', 't-score'))
        self.assertEqual(group['nps']['responses'], 1)
        line_seen = False
        for _ in range(20):
            if sse.response.readline().startswith(b': heartbeat'):
                line_seen = True
                break
        self.assertTrue(line_seen)
        sse.close()

    def test_websocket_receives_alerts_and_replays_since(self):
        first = self.post('ws-0', nps=0, team_id='t-ws')
        ws = WebSocketClient(self.server.port,
                             f"/v1/stream?team_id=t-ws&since={first['id'][3:]}&token={CONSOLE}")
        self.assertEqual(ws.status, 101)
        second = self.post('ws-1', nps=0, team_id='t-ws', comment='je porte plainte')
        message = ws.next_message('alert')
        self.assertEqual((message['alert']['id'], message['alert']['severity']),
                         (second['id'], 'critical'))
        ws.close()
        ws = WebSocketClient(self.server.port, f'/v1/stream?team_id=t-ws&since=0&token={CONSOLE}')
        ids = [ws.next_message('alert')['alert']['id'] for _ in range(2)]
        self.assertEqual(ids, [first['id'], second['id']])
        ws.close()

    def test_bad_consoles(self):
        self.assertEqual(self.server.get('/v1/events')[0], 401)
        self.assertEqual(self.server.get('/v1/events', token=INGEST)[0], 403)
        for query in ('severity=urgent', 'since=-4', 'colour=red'):
            status, body, _ = self.server.get('/v1/events?' + query, token=CONSOLE)
            self.assertEqual((status, body['error']['code']), (400, 'bad_request'), query)
        status, body, _ = self.server.get('/v1/stream', token=CONSOLE)  # no upgrade
        self.assertEqual((status, body['error']['code']), (426, 'upgrade_required'))
        # Garbage and huge frames close the WebSocket; the server stays up.
        ws = WebSocketClient(self.server.port, f'/v1/stream?token={CONSOLE}')
        ws.send(1, b'x' * 200000)
        with self.assertRaises((EOFError, ConnectionError, OSError)):
            while True:
                ws.frame()
        ws.close()
        ws = WebSocketClient(self.server.port, f'/v1/stream?token={CONSOLE}')
        ws.send(2, b'\x00\xff binary')
        with self.assertRaises((EOFError, ConnectionError, OSError)):
            while True:
                ws.frame()
        ws.close()
        self.assertEqual(self.server.get('/healthz')[0], 200)


SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'


class Receiver:
    """An outbound webhook receiver on a free port: answers with `status`, keeps what arrives."""

    def __init__(self):
        self.status = 500
        self.received = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers['Content-Length']))
                owner.received.append((dict(self.headers), body, owner.status))
                self.send_response(owner.status)
                self.send_header('Content-Length', '0')
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def delivered(self):
        return [(h, b) for h, b, status in self.received if status == 200]

    def wait_for_delivery(self, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.delivered():
                return self.delivered()
            time.sleep(0.05)
        raise AssertionError(f'nothing delivered; attempts: {len(self.received)}')

    def close(self):
        self.server.shutdown()


def signature_valid(headers, body):
    """Standard Webhooks: v1,base64(HMAC-SHA256(key, id.timestamp.body))."""
    key = base64.b64decode(SECRET[len('whsec_'):])
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return f'v1,{expected}' in headers['webhook-signature'].split(' ')


class OutboundWebhookTest(unittest.TestCase):
    def setUp(self):
        self.receiver = Receiver()
        self.config = TOKENS + f"""
[[sinks.webhook]]
name = "crm"
url = "http://127.0.0.1:{self.receiver.port}/hooks"
secret = "{SECRET}"
retry_schedule = ["200ms", "200ms", "200ms", "200ms", "200ms", "200ms", "200ms", "200ms"]
"""

    def tearDown(self):
        self.receiver.close()

    def post_detractor(self, server, identifier):
        status, body, _ = server.post('/v1/surveys', survey(identifier, nps=1), token=INGEST)
        self.assertEqual(status, 200, body)
        return body['results'][0]['alert']['id']

    def test_a_failing_receiver_gets_the_signed_alert_once_it_answers(self):
        server = Server(self.config).start()
        try:
            alert_id = self.post_detractor(server, 'out-1')
            deadline = time.time() + 10
            while len(self.receiver.received) < 2 and time.time() < deadline:
                time.sleep(0.05)
            self.receiver.status = 200
            (headers, body), = self.receiver.wait_for_delivery()
        finally:
            server.stop()
        self.assertTrue(signature_valid(headers, body))
        ids = {h['webhook-id'] for h, _, _ in self.receiver.received}
        self.assertEqual(len(ids), 1)  # the same webhook-id on every attempt
        import json
        payload = json.loads(body)
        self.assertEqual((payload['type'], payload['data']['id']), ('alert.created', alert_id))

    def test_a_sink_with_a_bad_secret_or_url_stops_the_server_at_start(self):
        for sink in ('url = "http://127.0.0.1:1/"\nsecret = "whsec_not base64!"\n',
                     'url = "ftp://example.com/"\nsecret = "' + SECRET + '"\n'):
            server = Server(TOKENS + '[[sinks.webhook]]\n' + sink)
            with self.assertRaises(RuntimeError):
                server.start()
            self.assertEqual(server.process.wait(timeout=10), 2)
            server.process.stdout.close()
            server.stderr.close()

    def test_pending_deliveries_survive_a_restart(self):
        server = Server(self.config).start()
        alert_id = self.post_detractor(server, 'out-restart')
        self.assertEqual(server.stop(), 0)  # still failing: the delivery stays in the outbox
        self.receiver.status = 200
        server = Server(self.config, directory=server.directory).start()
        try:
            (headers, body), = self.receiver.wait_for_delivery()
        finally:
            server.stop()
        self.assertTrue(signature_valid(headers, body))
        self.assertIn(alert_id.encode(), body)


if __name__ == '__main__':
    unittest.main()
