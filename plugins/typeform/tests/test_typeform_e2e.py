"""Typeform through the real server: a signed form_response is stored and alerts, a retried
delivery is a duplicate stored once, a bad signature stores nothing, and the plugin's
configuration is checked at start."""
import base64
import datetime
import hashlib
import hmac
import json
import unittest

import plugin_e2e  # noqa: E402  (PYTHONPATH: tests/integration)

SECRET = 'tf-e2e-secret-5b8d2c71'
CONFIG = plugin_e2e.admin_config(f'''[plugins.typeform]
secret = "{SECRET}"

[plugins.typeform.hidden]
agent_id = "conseiller"
''')


def signed(body, secret=SECRET):
    """Typeform-Signature as Typeform documents it: base64 HMAC-SHA256 of the raw body."""
    mac = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return {'Content-Type': 'application/json',
            'Typeform-Signature': 'sha256=' + base64.b64encode(mac).decode()}


def form_response(event_id, form_id, nps, comment, agent):
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    fields = [{'id': 'Kq3nPs0Lm1Aa', 'title': 'Recommanderiez-vous notre service ?',
               'type': 'nps', 'ref': 'recommandation', 'properties': {}},
              {'id': 'Lm9nOp6Qr7Dd', 'title': 'Pourquoi cette note ?', 'type': 'long_text',
               'ref': 'pourquoi', 'properties': {}}]
    answers = [{'type': 'number', 'number': nps,
                'field': {'id': 'Kq3nPs0Lm1Aa', 'type': 'nps', 'ref': 'recommandation'}},
               {'type': 'text', 'text': comment,
                'field': {'id': 'Lm9nOp6Qr7Dd', 'type': 'long_text', 'ref': 'pourquoi'}}]
    return json.dumps({
        'event_id': event_id, 'event_type': 'form_response',
        'form_response': {'form_id': form_id, 'token': event_id.lower(), 'landed_at': now,
                          'submitted_at': now,
                          'hidden': {'conseiller': agent, 'channel': 'voice'},
                          'definition': {'id': form_id, 'title': 'Après votre appel',
                                         'fields': fields},
                          'answers': answers}}).encode()


class TypeformWebhookTest(plugin_e2e.PluginServerTest):
    CONFIG = CONFIG
    ROUTE = '/hooks/typeform'
    SOURCE = 'typeform'

    def test_a_detractor_is_stored_and_raises_an_alert(self):
        body = form_response('01JDE2E0000000000000000001', 'tf-e2e-detractor', 1,
                             'Attente interminable, je vais résilier mon abonnement.', 'a-tf-1')
        status, answer, _ = self.post(body, signed(body))
        self.assertEqual(status, 200, answer)
        result = answer['results'][0]
        self.assertEqual(result['id'], '01JDE2E0000000000000000001')  # the stored id: event_id
        self.assertEqual(result['status'], 'accepted')
        self.assertEqual(result['nps_category'], 'detractor')
        self.assertTrue(result['detractor'])
        self.assertIsNotNone(result['alert'])
        survey = self.stored('01JDE2E0000000000000000001')
        self.assertIsNotNone(survey)
        self.assertEqual(survey['source'], 'typeform')
        self.assertEqual(survey['nps'], 1)
        self.assertEqual(survey['comment'],
                         'Attente interminable, je vais résilier mon abonnement.')
        self.assertEqual(survey['agent_id'], 'a-tf-1')  # the hidden field "conseiller"
        self.assertEqual(survey['channel'], 'voice')
        self.assertEqual(survey['touchpoint'], 'tf-e2e-detractor')
        self.assertEqual(self.nps_responses('tf-e2e-detractor'), 1)
        alerts = self.alerts_of('a-tf-1')
        self.assertEqual(len(alerts), 1)
        self.assertEqual(alerts[0]['event']['id'], '01JDE2E0000000000000000001')
        self.assertEqual(alerts[0]['event']['source'], 'typeform')
        self.assertEqual(alerts[0]['event']['channel'], 'voice')

    def test_a_retried_delivery_is_stored_once(self):
        body = form_response('01JDE2E0000000000000000002', 'tf-e2e-retry', 9,
                             'Conseillère très aimable, problème réglé en cinq minutes.',
                             'a-tf-2')
        first = self.post(body, signed(body))
        again = self.post(body, signed(body))
        self.assertEqual(first[0], 200, first[1])
        self.assertEqual(first[1]['results'][0]['status'], 'accepted')
        self.assertEqual(again[0], 200, again[1])
        self.assertEqual(again[1]['duplicates'], 1)
        self.assertEqual(again[1]['results'][0]['status'], 'duplicate')
        self.assertEqual(self.stored('01JDE2E0000000000000000002')['nps'], 9)
        self.assertEqual(self.nps_responses('tf-e2e-retry'), 1)

    def test_a_bad_signature_stores_nothing(self):
        body = form_response('01JDE2E0000000000000000003', 'tf-e2e-forged', 0,
                             'Service nul, je porte plainte.', 'a-tf-3')
        for headers in (signed(body, 'not-the-secret'), signed(body + b' '),
                        {'Content-Type': 'application/json'}):
            status, answer, _ = self.post(body, headers)
            self.assertEqual(status, 401, answer)
            self.assertEqual(answer['error']['code'], 'bad_signature')
        self.assertIsNone(self.stored('01JDE2E0000000000000000003'))
        self.assertEqual(self.nps_responses('tf-e2e-forged'), 0)
        self.assertEqual(self.alerts_of('a-tf-3'), [])

    def test_other_event_types_are_skipped(self):
        body = json.dumps({'event_id': '01JDE2E0000000000000000004',
                           'event_type': 'form_response_partial', 'form_response': {}}).encode()
        status, answer, _ = self.post(body, signed(body))
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer['skipped'], 1)
        self.assertEqual(answer['results'], [])


class TypeformConfigurationTest(unittest.TestCase):
    def test_a_bad_table_stops_the_server(self):
        code, message = plugin_e2e.refusal('[plugins.typeform]\nnps = "recommandation"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.typeform.secret: required', message)
        code, message = plugin_e2e.refusal(f'[plugins.typeform]\nsecret = "{SECRET}"\nnsp = "x"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.typeform.nsp: unknown key', message)


if __name__ == '__main__':
    unittest.main()
