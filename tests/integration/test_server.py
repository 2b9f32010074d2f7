"""Integration tests of `sentinelle serve` (issue #3): the real binary on port 0, a temporary
SQLite file, HTTP over loopback."""
import json
import os
import signal
import socket
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from server_harness import BINARY, ROOT, Server  # noqa: E402

ADMIN = 'admin-token-0123456789'
INGEST = 'ingest-token-0123456789'
CONSOLE = 'console-token-0123456789'
TOKENS = f'''
[[auth.tokens]]
token = "{ADMIN}"
role = "admin"
[[auth.tokens]]
token = "{INGEST}"
role = "ingest"
[[auth.tokens]]
token = "{CONSOLE}"
role = "console"
'''


def survey(identifier, **fields):
    fields.setdefault('submitted_at', '2026-11-20T10:00:00Z')
    return dict(id=identifier, **fields)


class OpenServerTest(unittest.TestCase):
    """No token configured: the loopback API is open."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server('[server]\nbody_limit_bytes = 65536\nheader_limit_bytes = 4096\n').start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def responses(self):
        status, body, _ = self.server.get('/v1/scores?from=2000-01-01&to=2100-01-01')
        self.assertEqual(status, 200)
        total = body['total']
        return (total['nps'] or {}).get('responses', 0) + (total['csat'] or {}).get('responses', 0)

    def test_health_and_readiness(self):
        self.assertEqual(self.server.get('/healthz')[:2], (200, {'status': 'ok'}))
        self.assertEqual(self.server.get('/readyz')[:2], (200, {'status': 'ready'}))

    def test_a_survey_is_analysed_classified_stored_and_read_back(self):
        status, body, _ = self.server.post('/v1/surveys', survey(
            'srv-hidden', nps=8, agent_id='a-1', team_id='t-1',
            comment='8/10 mais je vais résilier'))
        self.assertEqual(status, 200, body)
        self.assertEqual((body['accepted'], body['duplicates']), (1, 0))
        result = body['results'][0]
        self.assertEqual(result['status'], 'accepted')
        self.assertEqual(result['nps_category'], 'passive')
        self.assertTrue(result['detractor'])
        self.assertIn('hidden_detractor', result['reasons'])
        self.assertIn('churn_risk', result['reasons'])
        self.assertEqual(result['analysis']['label'], 'negative')
        self.assertIn('alert', result)
        status, stored, _ = self.server.get('/v1/surveys/srv-hidden')
        self.assertEqual(status, 200)
        self.assertEqual(stored['comment'], '8/10 mais je vais résilier')
        self.assertEqual(stored['reasons'], result['reasons'])
        # Stored in its compact form (analyze/analysis_record.hpp), read back as answered.
        self.assertEqual(stored['analysis'], result['analysis'])
        self.assertIn('résilier', [m['term'] for m in stored['analysis']['matches']])
        self.assertEqual(self.server.get('/v1/messages/srv-hidden')[0], 404)

    def test_duplicates_change_nothing(self):
        self.server.post('/v1/surveys', survey('srv-dup', nps=2, comment='nul'))
        before = self.responses()
        status, body, _ = self.server.post('/v1/surveys', survey('srv-dup', nps=10, comment='top'))
        self.assertEqual(status, 200)
        self.assertEqual((body['accepted'], body['duplicates']), (0, 1))
        self.assertEqual(body['results'][0]['status'], 'duplicate')
        self.assertEqual(body['results'][0]['nps_category'], 'detractor')  # what is stored
        self.assertEqual(self.responses(), before)
        self.assertEqual(self.server.get('/v1/surveys/srv-dup')[1]['nps'], 2)

    def test_arrays_and_ndjson(self):
        status, body, _ = self.server.post('/v1/surveys', [survey('arr-1', csat=5),
                                                           survey('arr-2', csat=1)])
        self.assertEqual((status, body['accepted']), (200, 2))
        lines = '\n'.join(json.dumps(survey(f'nd-{i}', ces=4)) for i in range(3)) + '\n'
        status, body, _ = self.server.post('/v1/surveys', lines,
                                           headers={'Content-Type': 'application/x-ndjson'})
        self.assertEqual((status, body['accepted']), (200, 3))

    def test_a_message(self):
        status, body, _ = self.server.post('/v1/messages', {
            'id': 'fb-1', 'platform': 'facebook', 'kind': 'comment', 'public': True,
            'created_at': '2026-11-20T14:03:00Z', 'text': 'Toujours pas remboursé 😡'})
        self.assertEqual(status, 200, body)
        self.assertIn('public', body['results'][0]['reasons'])
        self.assertEqual(self.server.get('/v1/messages/fb-1')[1]['platform'], 'facebook')

    def test_a_batch_with_one_bad_item_stores_nothing(self):
        before = self.responses()
        status, body, _ = self.server.post('/v1/surveys', [survey('atom-1', nps=9),
                                                           survey('atom-2', nps=11)])
        self.assertEqual(status, 422)
        self.assertEqual(body['error']['code'], 'invalid_event')
        self.assertEqual(body['error']['details'], [
            {'index': 1, 'field': 'nps', 'message': 'must be an integer from 0 to 10'}])
        self.assertEqual(self.server.get('/v1/surveys/atom-1')[0], 404)
        self.assertEqual(self.responses(), before)

    def test_every_error_of_the_contract_table(self):
        before = self.responses()
        cases = [
            ('truncated JSON', '{"id":"e1","nps":', {}, 400, 'invalid_json'),
            ('invalid UTF-8', b'{"id":"e2\xff","nps":1}', {}, 400, 'invalid_utf8'),
            ('wrong content type', '{"id":"e3","nps":1}', {'Content-Type': 'text/plain'}, 415,
             'unsupported_media_type'),
            ('NPS 11', '{"id":"e4","nps":11}', {}, 422, 'invalid_event'),
            ('float score', '{"id":"e5","nps":7.5}', {}, 422, 'invalid_event'),
            ('missing id', '{"nps":7}', {}, 422, 'invalid_event'),
            ('no score nor comment', '{"id":"e6"}', {}, 422, 'invalid_event'),
            ('oversized body', '{"id":"e7","comment":"' + 'x' * 70000 + '"}', {}, 413,
             'too_large'),
        ]
        for name, body, headers, status, code in cases:
            with self.subTest(name):
                headers = dict({'Content-Type': 'application/json'}, **headers)
                got, payload, _ = self.server.post('/v1/surveys', body, headers=headers)
                self.assertEqual(got, status, payload)
                self.assertEqual(payload['error']['code'], code)
                self.assertTrue(payload['error']['message'])
        status, payload, _ = self.server.get('/v1/nowhere')
        self.assertEqual((status, payload['error']['code']), (404, 'not_found'))
        status, payload, _ = self.server.get('/healthz', headers={'X-Big': 'y' * 8000})
        self.assertEqual(status, 431)
        self.assertEqual(self.responses(), before)

    def test_scores_reject_bad_parameters(self):
        self.assertEqual(self.server.get('/v1/scores?group_by=colour')[0], 400)
        self.assertEqual(self.server.get('/v1/scores?from=yesterday')[0], 400)
        self.assertEqual(self.server.get('/v1/scores?team=t-1')[0], 400)
        self.assertEqual(self.server.get('/v1/scores?from=2026-11-02&to=2026-11-01')[0], 400)

    def test_analyze_stores_nothing(self):
        status, body, _ = self.server.post('/v1/analyze', {'text': 'pas mal du tout'})
        self.assertEqual((status, body['label']), (200, 'positive'))
        status, body, _ = self.server.post('/v1/analyze', {'texts': ['nul', 'top'],
                                                           'explain': True})
        self.assertEqual([a['label'] for a in body], ['negative', 'positive'])
        self.assertIn('matches', body[0])
        self.assertEqual(self.server.post('/v1/analyze', {'text': 3})[0], 422)


class ScoresTest(unittest.TestCase):
    """Scores arithmetic against values computed by hand."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        data = [  # id, agent, team, day, nps, csat, ces
            ('s1', 'a-1', 't-1', '2026-11-18', 10, 5, 7),
            ('s2', 'a-1', 't-1', '2026-11-18', 9, 4, 6),
            ('s3', 'a-1', 't-1', '2026-11-19', 7, 3, 4),
            ('s4', 'a-2', 't-1', '2026-11-19', 3, 1, 2),
            ('s5', 'a-2', 't-2', '2026-11-19', 0, 2, 1),
            ('s6', 'a-3', 't-2', '2026-11-20', 6, None, 5),
        ]
        batch = []
        for identifier, agent, team, day, nps, csat, ces in data:
            item = survey(identifier, agent_id=agent, team_id=team, nps=nps, ces=ces,
                          submitted_at=f'{day}T12:00:00Z')
            if csat is not None:
                item['csat'] = csat
            batch.append(item)
        status, body, _ = cls.server.post('/v1/surveys', batch)
        assert status == 200, body

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def scores(self, query):
        status, body, _ = self.server.get('/v1/scores?from=2026-11-01&to=2026-11-30' + query)
        self.assertEqual(status, 200, body)
        return body

    def test_totals(self):
        total = self.scores('')['total']
        # 2 promoters, 1 passive, 3 detractors of 6: NPS = 100·(2−3)/6 = −16.667
        # p = 1/3, d = 1/2: MoE = 196·√((5/6 − 1/36)/6) = 196·√(29/216) = 71.817
        self.assertEqual(total['nps'], {'score': -16.667, 'promoters': 2, 'passives': 1,
                                        'detractors': 3, 'responses': 6,
                                        'margin_of_error': 71.817})
        self.assertEqual(total['csat'], {'score': 40.0, 'satisfied': 2, 'responses': 5,
                                         'mean': 3.0})
        self.assertEqual(total['ces'], {'mean': 4.167, 'easy': 3, 'responses': 6})
        self.assertIsNone(total['sentiment'])

    def test_by_agent(self):
        groups = {g['key']: g for g in self.scores('&group_by=agent_id')['groups']}
        self.assertEqual(sorted(groups), ['a-1', 'a-2', 'a-3'])
        self.assertEqual(groups['a-1']['nps']['score'], 66.667)   # 2 promoters, 1 passive
        self.assertEqual(groups['a-2']['nps']['score'], -100.0)
        self.assertIsNone(groups['a-3']['csat'])

    def test_by_team_and_day_and_filtered(self):
        teams = {g['key']: g for g in self.scores('&group_by=team_id')['groups']}
        self.assertEqual(teams['t-1']['nps']['responses'], 4)
        self.assertEqual(teams['t-2']['ces']['mean'], 3.0)
        days = {g['key']: g for g in self.scores('&group_by=day')['groups']}
        self.assertEqual(sorted(days), ['2026-11-18', '2026-11-19', '2026-11-20'])
        self.assertEqual(days['2026-11-19']['nps']['detractors'], 2)
        filtered = self.scores('&team_id=t-2&group_by=day')['groups']
        self.assertEqual([g['key'] for g in filtered], ['2026-11-19', '2026-11-20'])
        only_day = self.scores('&from=2026-11-18&to=2026-11-18')
        self.assertEqual(only_day['total']['nps']['responses'], 2)


class AuthTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(TOKENS).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_tokens_and_roles(self):
        body = survey('auth-1', nps=5)
        self.assertEqual(self.server.post('/v1/surveys', body)[0], 401)
        status, payload, response = self.server.post('/v1/surveys', body, token='wrong')
        self.assertEqual((status, payload['error']['code']), (401, 'unauthorized'))
        status, payload, _ = self.server.post('/v1/surveys', body, token=CONSOLE)
        self.assertEqual((status, payload['error']['code']), (403, 'forbidden'))
        self.assertEqual(self.server.post('/v1/surveys', body, token=INGEST)[0], 200)
        self.assertEqual(self.server.get('/v1/scores', token=INGEST)[0], 403)
        self.assertEqual(self.server.get('/v1/scores', token=CONSOLE)[0], 200)
        self.assertEqual(self.server.get('/v1/surveys/auth-1', token=ADMIN)[0], 200)
        self.assertEqual(self.server.get(f'/v1/scores?token={CONSOLE}')[0], 200)
        self.assertEqual(self.server.get('/healthz')[0], 200)


class LifecycleTest(unittest.TestCase):
    def test_kill_minus_nine_loses_nothing_acknowledged(self):
        server = Server().start()
        acknowledged = []
        for i in range(200):
            status, _, _ = server.post('/v1/surveys', survey(f'k-{i}', nps=i % 11))
            self.assertEqual(status, 200)
            acknowledged.append(f'k-{i}')
        server.stop(signal.SIGKILL)
        again = Server(directory=server.directory).start()
        try:
            for identifier in acknowledged:
                self.assertEqual(again.get(f'/v1/surveys/{identifier}')[0], 200, identifier)
            status, body, _ = again.post('/v1/surveys', survey('k-7', nps=10))
            self.assertEqual(body['results'][0]['status'], 'duplicate')
            total = again.get('/v1/scores?from=2026-11-01&to=2026-11-30')[1]['total']
            self.assertEqual(total['nps']['responses'], 200)
        finally:
            again.stop()

    def test_log_level_and_access_log(self):
        def log_events(config):
            server = Server(config).start()
            try:
                self.assertEqual(server.post('/v1/surveys', survey('log-1', nps=3))[0], 200)
                self.assertEqual(server.request('DELETE', '/v1/customers/nobody')[0], 200)
            finally:
                self.assertEqual(server.stop(signal.SIGTERM), 0)
            with open(os.path.join(server.directory, 'stderr.log'), encoding='utf-8') as f:
                return [json.loads(line)['event'] for line in f if line.startswith('{')]

        default = log_events('')
        self.assertIn('request', default)
        self.assertIn('storage_flushed', default)
        quiet = log_events('[log]\naccess = false\n')
        self.assertNotIn('request', quiet)
        self.assertIn('storage_flushed', quiet)  # the other info lines stay
        # Only the audit trail of deletions stays, whatever the level.
        self.assertEqual(log_events('[log]\nlevel = "warn"\n'), ['customer_erased'])
        self.assertEqual(log_events('[log]\nlevel = "off"\n'), ['customer_erased'])

    def test_sigterm_exits_zero(self):
        server = Server().start()
        self.assertEqual(server.post('/v1/surveys', survey('t-1', nps=3))[0], 200)
        self.assertEqual(server.stop(signal.SIGTERM), 0)

    def refusal(self, args, config=''):
        server = Server(config)
        process = subprocess.run(server.command() + args, capture_output=True, timeout=30)
        return process.returncode, process.stdout.decode(), process.stderr.decode()

    def test_refuses_to_start_on_bad_setup(self):
        code, out, err = self.refusal([], '[server]\nlisen = "x"\n')
        self.assertEqual(code, 2)
        self.assertIn("unknown key 'server.lisen'", err)
        self.assertEqual(out, '')
        code, _, err = self.refusal(['--listen', '0.0.0.0:0'])
        self.assertEqual(code, 2)
        self.assertIn('auth.tokens', err)
        code, _, err = self.refusal(['--lexicons', '/nonexistent'])
        self.assertEqual(code, 2)
        code, _, err = self.refusal(['--storage', 'sqlite:/proc/nope/x.db'])
        self.assertEqual(code, 2)
        self.assertIn('cannot open the storage', err)
        code, _, err = self.refusal(['--storage', 'mysql://x'])
        self.assertEqual(code, 2)

    def test_refuses_a_sqlite_file_another_server_has_open(self):
        first = Server().start()
        try:
            second = Server(directory=first.directory)
            process = subprocess.run(second.command(), capture_output=True, timeout=30)
            self.assertEqual(process.returncode, 2)
            self.assertEqual(process.stdout.decode(), '')
            self.assertIn('another sentinelle has this database open', process.stderr.decode())
            self.assertEqual(first.post('/v1/surveys', survey('lock-1', nps=9))[0], 200)
        finally:
            self.assertEqual(first.stop(), 0)
        again = Server(directory=first.directory).start()  # the lock went with the process
        self.assertEqual(again.stop(), 0)

    def test_refuses_to_start_on_a_port_in_use_naming_it(self):
        taken = socket.socket()
        taken.bind(('127.0.0.1', 0))
        taken.listen()
        port = taken.getsockname()[1]
        try:
            code, out, err = self.refusal(['--listen', f'127.0.0.1:{port}'])
        finally:
            taken.close()
        self.assertEqual(code, 2)
        self.assertEqual(out, '')
        self.assertIn(f'cannot listen on 127.0.0.1:{port}', err)
        failure = next(json.loads(line) for line in err.splitlines()
                       if line.startswith('{') and '"listen_failed"' in line)
        self.assertEqual(failure['port'], port)  # the port asked for, not 0


if __name__ == '__main__':
    unittest.main(verbosity=2)
