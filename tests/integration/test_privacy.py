"""Privacy through the real server (issue #7): personal data is redacted before a verbatim is
stored, analysed, alerted on or sent to consoles; [privacy] redact_pii = false turns it off."""
import os
import sys
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


if __name__ == '__main__':
    unittest.main()
