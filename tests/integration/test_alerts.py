"""Integration tests of alerts (issue #4): the real binary, HTTP over loopback — raised with
their event, listed, acknowledged, resolved, and roles."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from server_harness import Server  # noqa: E402

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



if __name__ == '__main__':
    unittest.main()
