"""Privacy through the real server (issue #7): personal data is redacted before a verbatim is
stored, analysed, alerted on or sent to consoles; [privacy] redact_pii = false turns it off."""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from server_harness import Server, SseClient  # noqa: E402

PII_COMMENT = ('Rappelez-moi au 06 12 34 56 78 ou jean.dupont@example.fr, remboursez sur '
               'FR76 3000 6000 0112 3456 7890 189 sinon je vais résilier !')


class RedactionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_stored_alerted_and_streamed_text_holds_no_personal_data(self):
        console = SseClient(self.server.port, '/v1/events')
        status, answer, _ = self.server.post('/v1/surveys', {'id': 'pii-1', 'nps': 2,
                                                             'comment': PII_COMMENT})
        self.assertEqual(status, 200, answer)
        result = answer['results'][0]
        self.assertIn('churn_risk', result['analysis']['flags'])
        stored = self.server.get('/v1/surveys/pii-1')[1]
        expected = ('Rappelez-moi au [TELEPHONE] ou [EMAIL], remboursez sur [IBAN] sinon je '
                    'vais résilier !')
        self.assertEqual(stored['comment'], expected)
        for match in stored['analysis']['matches']:  # offsets into the stored text
            self.assertLessEqual(match['end'], len(expected.encode()))
        alert = self.server.get('/v1/alerts/' + result['alert']['id'])[1]
        self.assertEqual(alert['excerpt'], expected)
        pushed = console.next_event('alert')
        self.assertNotIn('06 12', str(pushed))
        self.assertNotIn('example.fr', str(pushed))
        console.close()


class RedactionOffTest(unittest.TestCase):
    def test_redact_pii_false_stores_the_text_as_received(self):
        server = Server('[privacy]\nredact_pii = false\n').start()
        try:
            self.assertEqual(server.post('/v1/surveys', {'id': 'raw', 'comment': PII_COMMENT})[0],
                             200)
            self.assertEqual(server.get('/v1/surveys/raw')[1]['comment'], PII_COMMENT)
        finally:
            server.stop()


ADMIN = 'admin-token-0123456789'
INGEST = 'ingest-token-0123456789'
TOKENS = ''.join(f'[[auth.tokens]]\ntoken = "{t}"\nrole = "{r}"\n'
                 for t, r in ((ADMIN, 'admin'), (INGEST, 'ingest')))


class ErasureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(TOKENS).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def post(self, path, body):
        status, answer, _ = self.server.post(path, body, token=INGEST)
        self.assertEqual(status, 200, answer)
        return answer['results']

    def total(self):
        return self.server.get('/v1/scores?from=2026-11-01&to=2026-12-01', token=ADMIN)[1]['total']

    def test_a_customer_is_erased_with_alerts_and_leaves_the_scores(self):
        before = self.total()['nps']
        before_responses = before['responses'] if before else 0
        results = self.post('/v1/surveys', [
            {'id': 'er-1', 'customer_id': 'cust-42', 'nps': 1, 'comment': 'je vais résilier',
             'submitted_at': '2026-11-20T10:00:00Z'},
            {'id': 'er-2', 'customer_id': 'cust-42', 'nps': 9,
             'submitted_at': '2026-11-20T11:00:00Z'},
            {'id': 'er-3', 'customer_id': 'cust-43', 'nps': 9,
             'submitted_at': '2026-11-20T11:00:00Z'}])
        alert_id = results[0]['alert']['id']
        self.assertEqual(self.server.request('DELETE', '/v1/customers/cust-42', token=INGEST)[0],
                         403)
        status, answer, _ = self.server.request('DELETE', '/v1/customers/cust-42', token=ADMIN)
        self.assertEqual((status, answer), (200, {'customer_id': 'cust-42',
                                                  'deleted': {'events': 2, 'alerts': 1}}))
        self.assertEqual(self.server.get('/v1/surveys/er-1', token=ADMIN)[0], 404)
        self.assertEqual(self.server.get('/v1/alerts/' + alert_id, token=ADMIN)[0], 404)
        self.assertEqual(self.server.get('/v1/surveys/er-3', token=ADMIN)[0], 200)
        self.assertEqual(self.total()['nps']['responses'], before_responses + 1)
        status, answer, _ = self.server.request('DELETE', '/v1/customers/cust-42', token=ADMIN)
        self.assertEqual(answer['deleted'], {'events': 0, 'alerts': 0})
        with open(os.path.join(self.server.directory, 'stderr.log'), encoding='utf-8') as log:
            audit = [line for line in log if 'customer_erased' in line]
        self.assertTrue(audit)
        self.assertNotIn('cust-42', ''.join(audit))

    def test_a_social_author_is_erased(self):
        self.post('/v1/messages', {'id': 'fb-9', 'platform': 'facebook', 'kind': 'comment',
                                   'author': {'id': 'fb-user-9', 'name': 'X'}, 'text': 'nul'})
        status, answer, _ = self.server.request('DELETE', '/v1/authors/fb-user-9', token=ADMIN)
        self.assertEqual((status, answer['deleted']['events']), (200, 1))
        self.assertEqual(self.server.get('/v1/messages/fb-9', token=ADMIN)[0], 404)


class RetentionTest(unittest.TestCase):
    def test_events_older_than_the_retention_period_are_purged(self):
        server = Server('[privacy]\nretention_days = 30\npurge_interval_ms = 200\n').start()
        try:
            for identifier, when in (('old', '2020-01-01T10:00:00Z'),
                                     ('new', '2026-11-29T10:00:00Z')):
                self.assertEqual(server.post('/v1/surveys', {'id': identifier, 'nps': 3,
                                                             'submitted_at': when})[0], 200)
            deadline = time.time() + 10
            while server.get('/v1/surveys/old')[0] != 404 and time.time() < deadline:
                time.sleep(0.1)
            self.assertEqual(server.get('/v1/surveys/old')[0], 404)
            self.assertEqual(server.get('/v1/surveys/new')[0], 200)
        finally:
            server.stop()


if __name__ == '__main__':
    unittest.main()
