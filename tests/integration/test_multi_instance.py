"""Several instances on one PostgreSQL (issue #8): two real `sentinelle serve` processes on one
throwaway cluster's database, as behind a load balancer. A console on B gets what was posted to
A; the same id posted to both at once is stored once; both answer the same scores; an instance
killed with SIGKILL mid-load loses nothing it acknowledged.

Without PostgreSQL installed this FAILS (tools/install-deps test installs it), it never skips."""
import http.client
import json
import os
import signal
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from pg_cluster import PostgresMissing, pg_cluster  # noqa: E402
from server_harness import Server, SseClient, WebSocketClient  # noqa: E402

PERIOD = 'from=2026-11-01&to=2026-12-01'


class PostgresServer(Server):
    """The real server on a PostgreSQL database instead of a SQLite file."""

    def __init__(self, url):
        super().__init__()
        self.url = url

    def command(self):
        command = super().command()
        command[command.index('--storage') + 1] = self.url
        return command


def survey(identifier, **fields):
    fields.setdefault('submitted_at', '2026-11-20T10:00:00Z')
    fields.setdefault('team_id', 't-multi')
    return dict(id=identifier, **fields)


def post_until_acknowledged(ports, body, stop_after):
    """Posts `body` to the first port that answers 200, retrying the others as a load balancer
    would; the answer's results, or None once `stop_after` (monotonic) has passed."""
    attempt = 0
    while time.monotonic() < stop_after:
        port = ports[attempt % len(ports)]
        attempt += 1
        try:
            connection = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
            connection.request('POST', '/v1/surveys', body=json.dumps(body).encode(),
                               headers={'Content-Type': 'application/json'})
            response = connection.getresponse()
            data = response.read()
            connection.close()
            if response.status == 200:
                return json.loads(data)['results']
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.02)
    return None


class MultiInstanceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        try:
            cls.cluster = pg_cluster().start()
        except PostgresMissing as missing:
            raise AssertionError(f'PostgreSQL is required for this test: {missing}') from None
        cls.url = cls.cluster.create_database('multi')
        cls.a = PostgresServer(cls.url).start()
        cls.b = PostgresServer(cls.url).start()

    @classmethod
    def tearDownClass(cls):
        for server in (cls.a, cls.b):
            server.stop()
        cls.cluster.stop()

    def post(self, server, body):
        status, payload, _ = server.post('/v1/surveys', body)
        self.assertEqual(status, 200, payload)
        return payload['results']

    def test_a_console_on_b_receives_an_alert_posted_to_a(self):
        sse = SseClient(self.b.port, '/v1/events?team_id=t-console')
        websocket = WebSocketClient(self.b.port, '/v1/stream?team_id=t-console')
        try:
            self.assertEqual(sse.status, 200)
            self.assertEqual(websocket.status, 101)
            raised = self.post(self.a, survey('multi-console', nps=1, team_id='t-console',
                                              comment='Attente interminable, je vais résilier.'))
            alert = raised[0]['alert']
            self.assertIsNotNone(alert)
            seq, message = sse.next_event('alert')
            self.assertEqual(message['alert']['id'], alert['id'])
            self.assertEqual(seq, message['seq'])
            self.assertEqual(websocket.next_message('alert')['alert']['id'], alert['id'])
            # An acknowledgement on A reaches B's consoles too.
            status, _, _ = self.a.post(f'/v1/alerts/{alert["id"]}/acknowledge', {'by': 'sup-a'})
            self.assertEqual(status, 200)
            _, update = sse.next_event('alert_update')
            self.assertEqual(update['alert']['id'], alert['id'])
            self.assertEqual(update['alert']['status'], 'acknowledged')
            self.assertEqual(websocket.next_message('alert_update')['alert']['id'], alert['id'])
            # And B's consoles get A's score change for their team.
            _, scores = sse.next_event('scores')
            self.assertIn('t-console', [group['key'] for group in scores['groups']])
        finally:
            sse.close()
            websocket.close()

    def test_the_same_survey_posted_to_both_at_once_is_stored_once(self):
        for round_number in range(20):
            body = survey(f'multi-same-{round_number}', nps=9)
            start = threading.Barrier(2)
            answers = {}

            def send(server, name):
                start.wait()
                answers[name] = self.post(server, body)[0]['status']

            senders = [threading.Thread(target=send, args=(self.a, 'a')),
                       threading.Thread(target=send, args=(self.b, 'b'))]
            for sender in senders:
                sender.start()
            for sender in senders:
                sender.join()
            self.assertEqual(sorted(answers.values()), ['accepted', 'duplicate'], answers)
            count = self.cluster.psql(
                f"SELECT COUNT(*) FROM events WHERE id = 'multi-same-{round_number}'", 'multi')
            self.assertEqual(count, '1')

    def test_scores_are_identical_on_both(self):
        for number in range(30):
            server = self.a if number % 2 else self.b
            self.post(server, survey(f'multi-score-{number}', nps=number % 11,
                                     csat=number % 5 + 1, team_id=f't-score-{number % 3}',
                                     comment='Conseillère très aimable.' if number % 4 else ''))
        path = f'/v1/scores?{PERIOD}&group_by=team_id'
        status_a, on_a, _ = self.a.get(path)
        status_b, on_b, _ = self.b.get(path)
        self.assertEqual((status_a, status_b), (200, 200))
        self.assertEqual(on_a, on_b)
        groups = {group['key']: group for group in on_a['groups']}
        self.assertEqual(sum(groups[f't-score-{n}']['nps']['responses'] for n in range(3)), 30)

    def test_killing_one_instance_mid_load_loses_nothing_acknowledged(self):
        doomed = PostgresServer(self.url).start()
        acknowledged, lock = set(), threading.Lock()
        stop_sending = threading.Event()
        give_up = time.monotonic() + 60

        def sender(number):
            sequence = 0
            while not stop_sending.is_set():
                batch = [survey(f'multi-kill-{number}-{sequence + i}', nps=(sequence + i) % 11)
                         for i in range(1 + sequence % 4)]
                sequence += len(batch)
                # To the doomed instance first, to B when it is gone: retried until acknowledged.
                results = post_until_acknowledged([doomed.port, self.b.port], batch, give_up)
                self.assertIsNotNone(results, 'a batch was never acknowledged')
                with lock:
                    acknowledged.update(result['id'] for result in results)

        senders = [threading.Thread(target=sender, args=(n,)) for n in range(6)]
        for thread in senders:
            thread.start()
        def wait_for_acknowledged(count):
            while len(acknowledged) < count and time.monotonic() < give_up:
                time.sleep(0.01)  # polling a counter, bounded by give_up

        wait_for_acknowledged(300)  # load is flowing through `doomed`
        doomed.process.send_signal(signal.SIGKILL)
        killed_at = len(acknowledged)
        doomed.stop()
        wait_for_acknowledged(killed_at + 200)  # the senders go on against B
        stop_sending.set()
        for thread in senders:
            thread.join()
        self.assertGreaterEqual(killed_at, 300)
        self.assertGreater(len(acknowledged), killed_at)
        missing = [identifier for identifier in sorted(acknowledged)
                   if self.b.get(f'/v1/surveys/{identifier}')[0] != 200]
        self.assertEqual(missing, [], f'{len(missing)} acknowledged surveys are not readable on B')
        stored = self.cluster.psql(
            "SELECT COUNT(*), COUNT(DISTINCT id) FROM events WHERE id LIKE 'multi-kill-%'",
            'multi')
        self.assertEqual(stored, f'{len(acknowledged)}|{len(acknowledged)}')


if __name__ == '__main__':
    unittest.main(verbosity=2)
