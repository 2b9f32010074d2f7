"""The canonical endpoints through the real server: a Standard Webhooks signature instead of a
bearer token ([plugins.standard]), and the plugin configuration checked at start."""
import base64
import hashlib
import hmac
import json
import subprocess
import time
import unittest

from server_harness import Server, BINARY  # noqa: E402  (PYTHONPATH: tests/integration)

SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
ADMIN = 'admin-token-0123456789'
CONFIG = f'''[[auth.tokens]]
token = "{ADMIN}"
role = "admin"

[plugins.standard]
secret = "{SECRET}"
'''


def signed(body, message_id='msg_e2e_1', at=None):
    at = int(time.time()) if at is None else at
    key = base64.b64decode(SECRET[len('whsec_'):])
    mac = hmac.new(key, f'{message_id}.{at}.'.encode() + body, hashlib.sha256).digest()
    return {'Content-Type': 'application/json', 'webhook-id': message_id,
            'webhook-timestamp': str(at),
            'webhook-signature': 'v1,' + base64.b64encode(mac).decode()}


class StandardWebhooksIngestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(CONFIG).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

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
    def refusal(self, config_text):
        server = Server(config_text)
        result = subprocess.run(server.command(), capture_output=True, timeout=60,
                                cwd=server.directory)
        return result.returncode, result.stderr.decode()

    def test_an_unknown_plugin_or_key_stops_the_server(self):
        code, message = self.refusal('[plugins.facebok]\napp_secret = "x"\n')
        self.assertEqual(code, 2)
        self.assertIn('[plugins.facebok]: no such plugin', message)
        code, message = self.refusal(f'[plugins.standard]\nsecret = "{SECRET}"\ncolour = "x"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.standard.colour: unknown key', message)
        code, message = self.refusal('[plugins.standard]\nsecret = "whsec_%%%"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.standard.secret', message)


if __name__ == '__main__':
    unittest.main()
