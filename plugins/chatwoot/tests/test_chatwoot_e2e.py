"""Chatwoot deliveries through the real server: signed with the webhook secret over
"{timestamp}.{body}", stored once, detractors alerted, bad signatures refused with nothing stored.

GET /v1/messages/{id} reads the canonical source ("api") only, so what a delivery stored is read
back through its alert (GET /v1/alerts/{id}, which names the event) and the score totals."""
import hashlib
import hmac
import os
import time
import unittest

import plugin_e2e  # noqa: E402  (PYTHONPATH: tests/integration)
from plugin_e2e import ADMIN

SECRET = 'chatwoot-e2e-secret-Zp41'
CONFIG = plugin_e2e.admin_config(f'''[plugins.chatwoot]
secret = "{SECRET}"
''')
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')


def recorded(name, agent):
    """A recorded delivery whose assignee is `agent`, so each test reads its own totals."""
    with open(os.path.join(DATA, name), 'rb') as f:
        body = f.read()
    return body.replace(b'"assignee": {\n        "id": 12,',
                        b'"assignee": {\n        "id": "' + agent.encode() + b'",', 1)


def signed(body, delivery=None, at=None, secret=SECRET):
    at = int(time.time()) if at is None else at
    mac = hmac.new(secret.encode(), str(at).encode() + b'.' + body, hashlib.sha256).hexdigest()
    headers = {'Content-Type': 'application/json', 'X-Chatwoot-Timestamp': str(at),
               'X-Chatwoot-Signature': 'sha256=' + mac}
    if delivery:
        headers['X-Chatwoot-Delivery'] = delivery
    return headers


class ChatwootWebhookTest(plugin_e2e.PluginServerTest):
    CONFIG = CONFIG
    ROUTE = '/hooks/chatwoot'

    def deliver(self, body, **kwargs):
        status, answer, _ = self.post(body, signed(body, **kwargs))
        self.assertEqual(status, 200, answer)
        return answer

    def test_an_incoming_message_is_stored_once_and_alerted(self):
        body = recorded('message_created.json', 'cw-agent-msg')
        answer = self.deliver(body, delivery='dlv-e2e-message')
        result = answer['results'][0]
        self.assertEqual((answer['accepted'], result['id'], result['status']),
                         (1, 'dlv-e2e-message', 'accepted'))
        self.assertIn('churn_risk', result['reasons'])
        self.assertEqual(result['alert']['severity'], 'critical')

        status, alert, _ = self.server.get('/v1/alerts/' + result['alert']['id'], token=ADMIN)
        self.assertEqual(status, 200, alert)
        stored = alert['event']
        self.assertEqual((stored['id'], stored['kind'], stored['source']),
                         ('dlv-e2e-message', 'message', 'chatwoot'))
        self.assertEqual((stored['platform'], stored['channel'], stored['agent_id'],
                          stored['team_id'], stored['queue'], stored['customer_id']),
                         ('chat', 'chat', 'cw-agent-msg', '4', 'Support facturation', '917'))
        self.assertEqual(stored['occurred_at'], '2026-11-20T13:03:00.000Z')
        self.assertIn('résilier', alert['excerpt'])

        again = self.deliver(body, delivery='dlv-e2e-message')  # Chatwoot's retry
        self.assertEqual((again['accepted'], again['duplicates'], again['results'][0]['status']),
                         (0, 1, 'duplicate'))
        self.assertEqual(self.totals('cw-agent-msg')['sentiment']['verbatims'], 1)
        self.assertEqual(self.totals('cw-agent-msg')['alerts']['total'], 1)

    def test_a_csat_answer_is_one_survey_whatever_the_delivery(self):
        body = recorded('message_updated_csat.json', 'cw-agent-csat')
        first = self.deliver(body, delivery='dlv-e2e-csat-1')['results'][0]
        self.assertEqual((first['id'], first['status']), ('csat-48230', 'accepted'))
        self.assertIn('csat_dissatisfied', first['reasons'])
        status, alert, _ = self.server.get('/v1/alerts/' + first['alert']['id'], token=ADMIN)
        self.assertEqual(status, 200, alert)
        self.assertEqual((alert['event']['kind'], alert['event']['csat'],
                          alert['event']['channel']), ('survey', 1, 'chat'))

        # Chatwoot sends message_updated again, with a new delivery id, when the message changes.
        second = self.deliver(body, delivery='dlv-e2e-csat-2')['results'][0]
        self.assertEqual(second['status'], 'duplicate')
        csat = self.totals('cw-agent-csat')['csat']
        self.assertEqual((csat['responses'], csat['mean']), (1, 1.0))

    def test_bad_signatures_store_nothing(self):
        body = recorded('message_created.json', 'cw-agent-forged')
        now = int(time.time())
        refused = [signed(body, secret='not-the-secret'), signed(body, at=now - 3600),
                   signed(body, at=now + 3600), {'Content-Type': 'application/json'}]
        for headers in refused:
            status, answer, _ = self.post(body, headers)
            self.assertEqual((status, answer['error']['code']), (401, 'bad_signature'))
        tampered = signed(body)
        status, _, _ = self.post(body.replace(b'Bonjour', b'Bonsoir', 1), tampered)
        self.assertEqual(status, 401)
        self.assertEqual(self.totals('cw-agent-forged')['sentiment'], None)
        self.assertEqual(self.alerts_of('cw-agent-forged'), [])

    def test_other_events_are_skipped(self):
        with open(os.path.join(DATA, 'conversation_created.json'), 'rb') as f:
            answer = self.deliver(f.read(), delivery='dlv-e2e-conversation')
        self.assertEqual((answer['accepted'], answer['skipped'], answer['results']), (0, 1, []))


class ChatwootConfigurationTest(unittest.TestCase):
    def test_a_missing_secret_or_an_unknown_key_stops_the_server(self):
        cases = [('', 'plugins.chatwoot.secret: required'),
                 (f'secret = "{SECRET}"\nhmac = "x"', 'plugins.chatwoot.hmac: unknown key')]
        for table, named in cases:
            code, message = plugin_e2e.refusal(f'[plugins.chatwoot]\n{table}\n')
            self.assertEqual(code, 2, message)
            self.assertIn(named, message)


if __name__ == '__main__':
    unittest.main()
