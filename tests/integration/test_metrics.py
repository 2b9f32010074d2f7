"""GET /metrics through the real server: the Prometheus text format, and counters that follow
real traffic (requests by route and status, events by outcome, alerts, signature failures,
commits)."""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from server_harness import Server  # noqa: E402

CONSOLE = 'console-token-0123456789'
INGEST = 'ingest-token-0123456789'
CONFIG = ''.join(f'[[auth.tokens]]\ntoken = "{t}"\nrole = "{r}"\n'
                 for t, r in ((CONSOLE, 'console'), (INGEST, 'ingest')))

SAMPLE = re.compile(r'^([a-z_:][a-z0-9_:]*)(\{([a-z_]+="([^"\\]|\\.)*",?)*\})? (\S+)$')


def parse(text):
    """{(name, frozenset(labels)): value}, checking every line's syntax on the way."""
    samples, typed = {}, set()
    for line in text.splitlines():
        if line.startswith('# TYPE '):
            typed.add(line.split()[2])
            continue
        if line.startswith('# HELP '):
            continue
        match = SAMPLE.match(line)
        assert match, f'not a Prometheus sample line: {line!r}'
        name = match.group(1)
        base = re.sub(r'_(bucket|sum|count)$', '', name)
        assert name in typed or base in typed, f'{name} has no # TYPE'
        labels = frozenset(re.findall(r'([a-z_]+)="((?:[^"\\]|\\.)*)"', match.group(2) or ''))
        samples[(name, labels)] = float(match.group(5))
    return samples


class MetricsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(CONFIG).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def metrics(self):
        status, body, response = self.server.get('/metrics', token=CONSOLE)
        self.assertEqual(status, 200)
        self.assertTrue(response.getheader('Content-Type').startswith('text/plain; version=0.0.4'))
        return parse(body.decode() if isinstance(body, bytes) else str(body))

    def test_counters_follow_traffic(self):
        survey = {'id': 'm-1', 'nps': 1, 'comment': 'Attente interminable, je vais résilier'}
        self.assertEqual(self.server.post('/v1/surveys', survey, token=INGEST)[0], 200)
        self.assertEqual(self.server.post('/v1/surveys', survey, token=INGEST)[0], 200)
        self.assertEqual(self.server.post('/v1/surveys', survey, token='wrong-token-000000')[0],
                         401)
        self.assertEqual(self.server.get('/nowhere')[0], 404)
        m = self.metrics()
        route = ('route', 'POST /v1/surveys')
        self.assertEqual(m[('sentinelle_http_requests_total',
                            frozenset({route, ('status', '200')}))], 2)
        self.assertEqual(m[('sentinelle_http_requests_total',
                            frozenset({route, ('status', '401')}))], 1)
        self.assertEqual(m[('sentinelle_http_requests_total',
                            frozenset({('route', 'unmatched'), ('status', '404')}))], 1)
        self.assertEqual(m[('sentinelle_http_request_duration_seconds_count',
                            frozenset({route}))], 3)
        self.assertEqual(m[('sentinelle_events_total', frozenset({('outcome', 'stored')}))], 1)
        self.assertEqual(m[('sentinelle_events_total', frozenset({('outcome', 'duplicate')}))], 1)
        self.assertEqual(m[('sentinelle_alerts_total', frozenset({('severity', 'critical')}))], 1)
        self.assertEqual(m[('sentinelle_signature_failures_total',
                            frozenset({('source', 'standard')}))], 1)
        self.assertGreaterEqual(m[('sentinelle_commit_duration_seconds_count', frozenset())], 2)
        self.assertEqual(m[('sentinelle_console_clients', frozenset())], 0)

    def test_only_console_and_admin_read_it(self):
        self.assertEqual(self.server.get('/metrics')[0], 401)
        self.assertEqual(self.server.get('/metrics', token=INGEST)[0], 403)


if __name__ == '__main__':
    unittest.main()
