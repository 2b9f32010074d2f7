"""Zendesk satisfaction ratings through the real server: by bearer token and by Zendesk's own
signature (base64 HMAC-SHA256 of timestamp + body), stored once, detractors alerted, and nothing
stored without a valid credential.

GET /v1/surveys/{id} reads the canonical source ("api") only, so what a delivery stored is read
back through its alert (GET /v1/alerts/{id}, which names the event) and the score totals."""
import base64
import datetime
import hashlib
import hmac
import os
import unittest

import plugin_e2e  # noqa: E402  (PYTHONPATH: tests/integration)
from plugin_e2e import ADMIN
from server_harness import Server

SIGNING_SECRET = 'dGhpcyBpcyBhIFplbmRlc2sgc2lnbmluZyBzZWNyZXQ'
INGEST = 'ingest-token-0123456789'
CONFIG = plugin_e2e.admin_config(f'''[[auth.tokens]]
token = "{INGEST}"
role = "ingest"

[plugins.zendesk]
signing_secret = "{SIGNING_SECRET}"
''')
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')


def rating(rating_id, agent):
    """The recorded trigger body with its own rating id and agent, so tests do not meet."""
    with open(os.path.join(DATA, 'rating_trigger.json'), 'rb') as f:
        body = f.read()
    return (body.replace(b'"id": "35436"', b'"id": "' + rating_id.encode() + b'"', 1)
            .replace(b'"assignee_id": "235323"', b'"assignee_id": "' + agent.encode() + b'"', 1))


def with_token(token=INGEST):
    return {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token}


def zendesk_signed(body, shift_s=0, secret=SIGNING_SECRET):
    at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=shift_s)
    timestamp = at.strftime('%Y-%m-%dT%H:%M:%SZ')
    mac = hmac.new(secret.encode(), timestamp.encode() + body, hashlib.sha256).digest()
    return {'Content-Type': 'application/json',
            'X-Zendesk-Webhook-Signature-Timestamp': timestamp,
            'X-Zendesk-Webhook-Signature': base64.b64encode(mac).decode()}


class ZendeskWebhookTest(plugin_e2e.PluginServerTest):
    CONFIG = CONFIG
    ROUTE = '/hooks/zendesk'

    def deliver(self, body, headers):
        status, answer, _ = self.post(body, headers)
        self.assertEqual(status, 200, answer)
        return answer

    def test_a_bad_rating_posted_with_a_token_is_stored_once_and_alerted(self):
        body = rating('zd-e2e-1', 'zd-agent-token')
        answer = self.deliver(body, with_token())
        result = answer['results'][0]
        self.assertEqual((result['id'], result['status']), ('zd-e2e-1', 'accepted'))
        self.assertIn('csat_dissatisfied', result['reasons'])
        self.assertEqual(result['alert']['severity'], 'critical')  # "porter plainte"
        status, alert, _ = self.server.get('/v1/alerts/' + result['alert']['id'], token=ADMIN)
        self.assertEqual(status, 200, alert)
        stored = alert['event']
        self.assertEqual((stored['id'], stored['kind'], stored['source'], stored['csat']),
                         ('zd-e2e-1', 'survey', 'zendesk', 1))
        self.assertEqual((stored['agent_id'], stored['team_id'], stored['customer_id'],
                          stored['channel']), ('zd-agent-token', '98738', '20978392', 'email'))

        again = self.deliver(body, with_token())  # Zendesk retries a failed request
        self.assertEqual((again['duplicates'], again['results'][0]['status']), (1, 'duplicate'))
        self.assertEqual(self.totals('zd-agent-token')['csat']['responses'], 1)

    def test_zendesks_signature_is_enough(self):
        body = rating('zd-e2e-2', 'zd-agent-signed').replace(b'"bad"', b'"good"', 1)
        answer = self.deliver(body, zendesk_signed(body))  # no Authorization header
        self.assertEqual((answer['accepted'], answer['results'][0]['id']), (1, 'zd-e2e-2'))
        self.assertEqual(self.totals('zd-agent-signed')['csat']['mean'], 5.0)

    def test_without_a_valid_credential_nothing_is_stored(self):
        body = rating('zd-e2e-3', 'zd-agent-refused')
        refused = [{'Content-Type': 'application/json'}, with_token('wrong-token'),
                   zendesk_signed(body, secret='autre-secret'), zendesk_signed(body, shift_s=-900),
                   zendesk_signed(body.replace(b'plainte', b'patience', 1))]
        for headers in refused:
            status, answer, _ = self.post(body, headers)
            self.assertEqual(status, 401, answer)
        self.assertEqual(self.totals('zd-agent-refused')['csat'], None)
        self.assertEqual(self.alerts_of('zd-agent-refused'), [])

    def test_an_offered_survey_is_skipped(self):
        body = rating('zd-e2e-4', 'zd-agent-offered').replace(b'"bad"', b'"offered"', 1)
        answer = self.deliver(body, with_token())
        self.assertEqual((answer['accepted'], answer['skipped'], answer['results']), (0, 1, []))


class ZendeskConfigurationTest(unittest.TestCase):
    """[plugins.zendesk] read from TOML: a [plugins.zendesk.fields] table is the fields.* keys."""

    def test_a_fields_table_maps_a_custom_body(self):
        server = Server(f'''[[auth.tokens]]
token = "{INGEST}"
role = "ingest"

[plugins.zendesk.fields]
rating_id = "/evaluation/ref"
score = "evaluation.note"
comment = "evaluation.verbatim"
agent_id = "conseiller.id"
''').start()
        try:
            with open(os.path.join(DATA, 'rating_custom.json'), 'rb') as f:
                status, answer, _ = server.post('/hooks/zendesk', f.read(), headers=with_token())
        finally:
            server.stop()
        self.assertEqual(status, 200, answer)
        self.assertEqual((answer['results'][0]['id'], answer['results'][0]['status']),
                         ('sat-9001', 'accepted'))

    def test_a_mistake_stops_the_server_naming_the_key(self):
        for table, named in [('fields.scor = "x"', 'plugins.zendesk.fields.scor: unknown key'),
                             ('fields.score = "a..b"', 'plugins.zendesk.fields.score'),
                             ('secret = "whsec_%%%"', 'plugins.zendesk.secret')]:
            code, message = plugin_e2e.refusal(f'[plugins.zendesk]\n{table}\n')
            self.assertEqual(code, 2, message)
            self.assertIn(named, message)


if __name__ == '__main__':
    unittest.main()
