"""What the source plugins' end-to-end tests share (plugins/*/tests/test_*_e2e.py): the real
server started once per test class with an admin token beside the plugin's tables, what it
stored read back through the API, Standard Webhooks signing, and a configuration that must stop
the server. Each plugin's test keeps its own deliveries and assertions."""
import base64
import hashlib
import hmac
import subprocess
import time
import unittest
import urllib.parse

from server_harness import Server

ADMIN = 'admin-token-0123456789'
ALL_TIME = 'from=2020-01-01&to=2030-01-01'


def admin_config(tables):
    """A configuration with an admin token, to read back what was stored, then `tables`."""
    return f'[[auth.tokens]]\ntoken = "{ADMIN}"\nrole = "admin"\n\n{tables}'


def standard_webhooks_signed(body, secret, message_id, at=None):
    """The headers of a JSON `body` signed with Standard Webhooks under a "whsec_…" secret,
    sent at `at` (Unix seconds, now by default)."""
    at = int(time.time()) if at is None else at
    key = base64.b64decode(secret[len('whsec_'):])
    mac = hmac.new(key, f'{message_id}.{at}.'.encode() + body, hashlib.sha256).digest()
    return {'Content-Type': 'application/json', 'webhook-id': message_id,
            'webhook-timestamp': str(at),
            'webhook-signature': 'v1,' + base64.b64encode(mac).decode()}


def refusal(config_text):
    """(exit code, stderr) of the server started with `config_text`, which must refuse it."""
    server = Server(config_text)
    result = subprocess.run(server.command(), capture_output=True, timeout=60,
                            cwd=server.directory)
    return result.returncode, result.stderr.decode()


class PluginServerTest(unittest.TestCase):
    """One real server per test class, started with the class's CONFIG; ROUTE is the plugin's
    webhook, SOURCE the name its events are stored under."""

    CONFIG = ''
    ROUTE = ''
    SOURCE = ''

    @classmethod
    def setUpClass(cls):
        cls.server = Server(cls.CONFIG).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def post(self, body, headers):
        """(status, answer, response) of `body` posted to the plugin's webhook."""
        return self.server.post(self.ROUTE, body, headers=headers)

    def stored(self, event_id):
        """The survey the plugin stored as `event_id`, or None."""
        path = '/v1/surveys/' + urllib.parse.quote(event_id, safe='') + '?source=' + self.SOURCE
        status, survey, _ = self.server.get(path, token=ADMIN)
        self.assertIn(status, (200, 404), survey)
        return survey if status == 200 else None

    def nps_responses(self, touchpoint):
        """How many NPS answers the server stored for `touchpoint` (each test uses its own)."""
        query = urllib.parse.urlencode({'touchpoint': touchpoint})
        status, scores, _ = self.server.get('/v1/scores?' + query, token=ADMIN)
        self.assertEqual(status, 200, scores)
        nps = scores['total']['nps']
        return 0 if nps is None else nps['responses']

    def totals(self, agent):
        """`agent`'s score totals over all time (each test uses its own agent)."""
        status, body, _ = self.server.get(f'/v1/scores?{ALL_TIME}&agent_id={agent}',
                                          token=ADMIN)
        self.assertEqual(status, 200, body)
        return body['total']

    def alerts_of(self, agent):
        """Every alert, open or not, on `agent`'s events."""
        status, answer, _ = self.server.get('/v1/alerts?status=all&agent_id=' + agent,
                                            token=ADMIN)
        self.assertEqual(status, 200, answer)
        return answer['alerts']
