"""Formbricks through the real server: a signed responseFinished is stored and alerts, a retry
(same webhook-id, new timestamp) is a duplicate stored once, a bad or stale signature stores
nothing, several responses in one delivery each get their id, and a bad table stops the
server."""
import datetime
import json
import time
import unittest

import plugin_e2e  # noqa: E402  (PYTHONPATH: tests/integration)

SECRET = 'whsec_BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY='
CONFIG = plugin_e2e.admin_config(f'''[plugins.formbricks]
secret = "{SECRET}"
comment = "pourquoi"
''')


def signed(body, message_id, at=None, secret=SECRET):
    """Standard Webhooks headers as Formbricks documents them."""
    return plugin_e2e.standard_webhooks_signed(body, secret, message_id, at)


def response(response_id, survey_id, answers):
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
    return {'id': response_id, 'createdAt': now, 'updatedAt': now, 'surveyId': survey_id,
            'finished': True, 'language': 'fr', 'contact': None, 'contactAttributes': None,
            'data': answers, 'meta': {'country': 'FR'}, 'tags': [], 'variables': {},
            'survey': {'title': 'Votre avis après votre appel', 'type': 'link',
                       'status': 'inProgress'}}


def delivery(data, event='responseFinished'):
    return json.dumps([{'webhookId': 'cm3webhook0001', 'event': event, 'data': data}]).encode()


class FormbricksWebhookTest(plugin_e2e.PluginServerTest):
    CONFIG = CONFIG
    ROUTE = '/hooks/formbricks'
    SOURCE = 'formbricks'

    def test_a_detractor_is_stored_and_raises_an_alert(self):
        body = delivery(response('cm3resp0001', 'fb-e2e-detractor', {
            'nps': 2, 'pourquoi': 'Trois appels pour rien, je vais résilier et porter plainte.',
            'agent_id': 'a-fb-1', 'channel': 'voice'}))
        status, answer, _ = self.post(body, signed(body, 'msg_fb_e2e_1'))
        self.assertEqual(status, 200, answer)
        result = answer['results'][0]
        self.assertEqual(result['id'], 'msg_fb_e2e_1')  # the stored id: the webhook-id
        self.assertEqual(result['status'], 'accepted')
        self.assertTrue(result['detractor'])
        self.assertIsNotNone(result['alert'])
        survey = self.stored('msg_fb_e2e_1')
        self.assertIsNotNone(survey)
        self.assertEqual(survey['source'], 'formbricks')
        self.assertEqual(survey['nps'], 2)
        self.assertEqual(survey['comment'],
                         'Trois appels pour rien, je vais résilier et porter plainte.')
        self.assertEqual(survey['agent_id'], 'a-fb-1')
        self.assertEqual(survey['channel'], 'voice')
        self.assertEqual(survey['touchpoint'], 'fb-e2e-detractor')
        self.assertEqual(survey['language'], 'fr')
        self.assertEqual(self.nps_responses('fb-e2e-detractor'), 1)
        alerts = self.alerts_of('a-fb-1')
        self.assertEqual(len(alerts), 1)
        self.assertEqual(alerts[0]['event']['id'], 'msg_fb_e2e_1')
        self.assertEqual(alerts[0]['event']['source'], 'formbricks')

    def test_a_retried_delivery_is_stored_once(self):
        body = delivery(response('cm3resp0002', 'fb-e2e-retry',
                                 {'nps': 10, 'pourquoi': 'Accueil chaleureux, merci !'}))
        first = self.post(body, signed(body, 'msg_fb_e2e_2', int(time.time()) - 60))
        again = self.post(body, signed(body, 'msg_fb_e2e_2'))
        self.assertEqual(first[0], 200, first[1])
        self.assertEqual(first[1]['results'][0]['status'], 'accepted')
        self.assertEqual(again[0], 200, again[1])
        self.assertEqual(again[1]['results'][0]['status'], 'duplicate')
        self.assertEqual(self.stored('msg_fb_e2e_2')['nps'], 10)
        self.assertEqual(self.nps_responses('fb-e2e-retry'), 1)

    def test_a_bad_or_stale_signature_stores_nothing(self):
        body = delivery(response('cm3resp0003', 'fb-e2e-forged',
                                 {'nps': 0, 'agent_id': 'a-fb-3'}))
        other = 'whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM='
        for headers in (signed(body, 'msg_fb_e2e_3', secret=other),
                        signed(body, 'msg_fb_e2e_3', int(time.time()) - 3600),
                        {'Content-Type': 'application/json', 'webhook-id': 'msg_fb_e2e_3'}):
            status, answer, _ = self.post(body, headers)
            self.assertEqual(status, 401, answer)
            self.assertEqual(answer['error']['code'], 'bad_signature')
        self.assertIsNone(self.stored('msg_fb_e2e_3'))
        self.assertEqual(self.nps_responses('fb-e2e-forged'), 0)
        self.assertEqual(self.alerts_of('a-fb-3'), [])

    def test_several_responses_each_get_their_id(self):
        body = delivery([response('cm3resp0004', 'fb-e2e-several', {'nps': 7}),
                         response('cm3resp0005', 'fb-e2e-several', {'nps': 8})])
        status, answer, _ = self.post(body, signed(body, 'msg_fb_e2e_4'))
        self.assertEqual(status, 200, answer)
        self.assertEqual([r['id'] for r in answer['results']],
                         ['msg_fb_e2e_4:cm3resp0004', 'msg_fb_e2e_4:cm3resp0005'])
        self.assertEqual(self.stored('msg_fb_e2e_4:cm3resp0005')['nps'], 8)
        self.assertEqual(self.nps_responses('fb-e2e-several'), 2)

    def test_other_events_are_skipped(self):
        body = delivery(response('cm3resp0006', 'fb-e2e-created', {'nps': 1}), 'responseCreated')
        status, answer, _ = self.post(body, signed(body, 'msg_fb_e2e_5'))
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer['skipped'], 1)
        self.assertEqual(self.nps_responses('fb-e2e-created'), 0)


class FormbricksConfigurationTest(unittest.TestCase):
    def test_a_bad_table_stops_the_server(self):
        code, message = plugin_e2e.refusal('[plugins.formbricks]\nsecret = "whsec_%%%"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.formbricks.secret', message)
        code, message = plugin_e2e.refusal(f'[plugins.formbricks]\nsecret = "{SECRET}"\n'
                                     '[plugins.formbricks.hidden]\nagent = "conseiller"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.formbricks.hidden.agent: unknown key', message)


if __name__ == '__main__':
    unittest.main()
