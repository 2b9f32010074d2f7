"""The canonical endpoints through the real server: a Standard Webhooks signature instead of a
bearer token ([plugins.standard]), and the plugin configuration checked at start."""
import json
import time
import unittest

import plugin_e2e  # noqa: E402  (PYTHONPATH: tests/integration)
from plugin_e2e import ADMIN

SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
CONFIG = plugin_e2e.admin_config(f'''[plugins.standard]
secret = "{SECRET}"
''')


def signed(body, message_id='msg_e2e_1', at=None):
    return plugin_e2e.standard_webhooks_signed(body, SECRET, message_id, at)


class StandardWebhooksIngestTest(plugin_e2e.PluginServerTest):
    CONFIG = CONFIG

    def stored(self, identifier):
        return self.server.get('/v1/surveys/' + identifier, token=ADMIN)[0] == 200

    def test_a_signed_survey_is_stored_without_a_token(self):
        body = json.dumps({'id': 'std-1', 'nps': 1, 'comment': 'Je vais résilier'}).encode()
        status, answer, _ = self.server.post('/v1/surveys', body, headers=signed(body))
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer['results'][0]['status'], 'accepted')
        self.assertEqual(answer['results'][0]['alert']['severity'], 'critical')
        self.assertTrue(self.stored('std-1'))

    def test_bad_signatures_store_nothing(self):
        body = json.dumps({'id': 'std-bad', 'nps': 1}).encode()
        cases = [signed(body + b' '), signed(body, at=int(time.time()) - 3600),
                 signed(body, message_id='a.b'), {'Content-Type': 'application/json'}]
        for headers in cases:
            status, answer, _ = self.server.post('/v1/surveys', body, headers=headers)
            self.assertEqual(status, 401, answer)
        self.assertFalse(self.stored('std-bad'))

    def test_a_bearer_token_still_works(self):
        status, _, _ = self.server.post('/v1/surveys', {'id': 'std-token', 'csat': 5}, token=ADMIN)
        self.assertEqual(status, 200)


class PluginConfigurationTest(unittest.TestCase):
    def test_an_unknown_plugin_or_key_stops_the_server(self):
        code, message = plugin_e2e.refusal('[plugins.facebok]\napp_secret = "x"\n')
        self.assertEqual(code, 2)
        self.assertIn('[plugins.facebok]: no such plugin', message)
        code, message = plugin_e2e.refusal(f'[plugins.standard]\nsecret = "{SECRET}"\n'
                                           'colour = "x"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.standard.colour: unknown key', message)
        code, message = plugin_e2e.refusal('[plugins.standard]\nsecret = "whsec_%%%"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.standard.secret', message)


if __name__ == '__main__':
    unittest.main()
