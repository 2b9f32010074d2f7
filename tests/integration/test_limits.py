"""Abuse limits through the real server (issue #7): rate limits per token and per address
(429 `rate_limited` with Retry-After, nothing stored), the per-address connection cap, the
loopback exemption, ambiguous framing and oversized headers, and the [limits] keys. Each class
checks what was stored and what was logged afterwards."""
import json
import os
import socket
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from server_harness import Server  # noqa: E402

INGEST = 'ingest-token-0123456789'
CONSOLE = 'console-token-0123456789'
TOKENS = ''.join(f'[[auth.tokens]]\ntoken = "{t}"\nrole = "{r}"\n'
                 for t, r in ((INGEST, 'ingest'), (CONSOLE, 'console')))


def raw_exchange(port, data, wait_close=True, timeout=5):
    """Sends raw bytes and reads one response: (status, headers, parsed body, closed). `closed`:
    the server closed the connection after it (waited for up to `timeout` when asked)."""
    with socket.create_connection(('127.0.0.1', port), timeout=timeout) as sock:
        if data:
            sock.sendall(data)
        received = b''
        while b'\r\n\r\n' not in received:
            chunk = sock.recv(65536)
            if not chunk:
                raise EOFError(f'closed before a response: {received!r}')
            received += chunk
        head, body = received.split(b'\r\n\r\n', 1)
        lines = head.decode('latin-1').split('\r\n')
        headers = {k.strip().lower(): v.strip() for k, v in
                   (line.split(':', 1) for line in lines[1:])}
        length = int(headers.get('content-length', '0'))
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        closed = False
        if wait_close:
            try:
                while sock.recv(65536):
                    pass
                closed = True
            except (socket.timeout, ConnectionResetError):
                closed = False
        return int(lines[0].split(' ')[1]), headers, json.loads(body) if body else None, closed


def log_events(server):
    with open(os.path.join(server.directory, 'stderr.log'), encoding='utf-8') as log:
        return [json.loads(line) for line in log if line.startswith('{')]


def stop_cleanly(server):
    """SIGTERM, and the exit status 0 that a sanitizer finding would turn into an abort."""
    code = server.stop()
    if code != 0:
        with open(os.path.join(server.directory, 'stderr.log'), encoding='utf-8') as log:
            raise AssertionError(f'the server exited {code}:\n' + log.read()[-4000:])


def survey(identifier):
    return {'id': identifier, 'nps': 2, 'comment': 'Attente interminable'}


class TokenLimitTest(unittest.TestCase):
    """A token's bucket: 429 with Retry-After once its burst is spent, the refused event not
    stored, other tokens unaffected, counted in /metrics, logged without the token."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(TOKENS + '[limits]\nrequests_per_second_per_token = 1\n'
                            'burst_per_token = 5\nexempt_loopback = false\n'
                            'requests_per_second_per_ip = 1000\nburst_per_ip = 1000\n').start()

    @classmethod
    def tearDownClass(cls):
        stop_cleanly(cls.server)

    def test_a_token_over_its_burst_gets_429_and_nothing_is_stored(self):
        accepted, refused = [], None
        for serial in range(30):  # the burst, then a refusal (unless the box is very slow)
            identifier = f'limited-{serial}'
            status, body, response = self.server.post('/v1/surveys', survey(identifier),
                                                      token=INGEST)
            if status == 429:
                refused = (identifier, body, response)
                break
            self.assertEqual(status, 200, body)
            accepted.append(identifier)
        self.assertIsNotNone(refused, 'no 429 after 30 requests')
        self.assertGreaterEqual(len(accepted), 5)
        identifier, body, response = refused
        self.assertEqual(body['error']['code'], 'rate_limited')
        self.assertIn('token', body['error']['message'])
        self.assertGreaterEqual(int(response.getheader('Retry-After')), 1)

        # Refused from the header alone: a 1 MB body is never awaited, and the connection closes.
        status, headers, body, closed = raw_exchange(self.server.port, (
            'POST /v1/surveys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'
            f'Authorization: Bearer {INGEST}\r\nContent-Length: 1000000\r\n\r\n').encode())
        self.assertEqual((status, body['error']['code']), (429, 'rate_limited'))
        self.assertTrue(closed)

        # Another token has its own bucket: it reads what was stored, and only that.
        self.assertEqual(self.server.get(f'/v1/surveys/{identifier}', token=CONSOLE)[0], 404)
        self.assertEqual(self.server.get(f'/v1/surveys/{accepted[0]}', token=CONSOLE)[0], 200)
        status, metrics, _ = self.server.get('/metrics', token=CONSOLE)
        self.assertEqual(status, 200)
        text = metrics.decode()
        self.assertRegex(text, r'sentinelle_rate_limited_total\{kind="token"\} [1-9]')
        self.assertIn('sentinelle_rate_limited_total{kind="ip"} 0', text)

        requests = [e for e in log_events(self.server) if e.get('event') == 'request']
        limited = [e for e in requests if e['status'] == 429]
        self.assertGreaterEqual(len(limited), 2)
        self.assertTrue(all(e['path'] == '/v1/surveys' for e in limited))
        with open(os.path.join(self.server.directory, 'stderr.log'), encoding='utf-8') as log:
            self.assertNotIn(INGEST, log.read())


class AddressLimitTest(unittest.TestCase):
    """An address's bucket, loopback counted like any address."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server('[limits]\nexempt_loopback = false\nrequests_per_second_per_ip = 1\n'
                            'burst_per_ip = 4\n').start()

    @classmethod
    def tearDownClass(cls):
        stop_cleanly(cls.server)

    def test_an_address_over_its_burst_gets_429_with_retry_after(self):
        served = 0
        for _ in range(30):
            status, body, response = self.server.get('/healthz')
            if status == 429:
                break
            served += 1
        self.assertGreaterEqual(served, 4)
        self.assertEqual(status, 429)
        self.assertEqual(body['error']['code'], 'rate_limited')
        self.assertIn('address', body['error']['message'])
        self.assertGreaterEqual(int(response.getheader('Retry-After')), 1)
        # No body to skip: the connection stays open for the next (still refused) request.
        request = b'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
        status, headers, _, closed = raw_exchange(self.server.port, request, wait_close=False)
        self.assertEqual(status, 429)
        self.assertNotEqual(headers.get('connection'), 'close')
        self.assertEqual(self.server.post('/v1/surveys', survey('by-address'))[0], 429)
        self.assertEqual(self.responses_stored(), 0)

    def responses_stored(self):
        """Surveys answered 200, from the log: the scores endpoint is limited too."""
        return sum(1 for e in log_events(self.server)
                   if e.get('event') == 'request' and e['status'] == 200 and
                   e['path'] == '/v1/surveys')


class LoopbackExemptTest(unittest.TestCase):
    """By default a reverse proxy or a benchmark on 127.0.0.1 is not limited per address."""

    def test_loopback_skips_the_address_limits(self):
        server = Server('[limits]\nrequests_per_second_per_ip = 1\nburst_per_ip = 1\n'
                        'max_connections_per_ip = 1\n').start()
        try:
            held = [socket.create_connection(('127.0.0.1', server.port)) for _ in range(3)]
            for _ in range(20):
                self.assertEqual(server.get('/healthz')[0], 200)
            for sock in held:
                sock.close()
        finally:
            stop_cleanly(server)


class ConnectionCapTest(unittest.TestCase):
    """limits.max_connections_per_ip: one more gets 429 at once and is closed; the slot comes
    back when a connection ends."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server('[limits]\nexempt_loopback = false\nmax_connections_per_ip = 3\n'
                            'requests_per_second_per_ip = 0\n').start()

    @classmethod
    def tearDownClass(cls):
        stop_cleanly(cls.server)

    def get_on(self, sock):
        sock.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
        return sock.recv(65536).split(b' ')[1]

    def test_one_connection_over_the_cap_gets_429_and_close(self):
        held = [socket.create_connection(('127.0.0.1', self.server.port), timeout=5)
                for _ in range(3)]
        for sock in held:
            self.assertEqual(self.get_on(sock), b'200')
        status, headers, body, closed = raw_exchange(self.server.port, b'')
        self.assertEqual((status, body['error']['code']), (429, 'rate_limited'))
        self.assertEqual(headers['retry-after'], '1')
        self.assertTrue(closed)

        held.pop().close()
        deadline, refused = time.monotonic() + 5, 1
        while True:  # the server sees the close a moment later: refused until then
            status = raw_exchange(self.server.port, b'GET /healthz HTTP/1.1\r\nHost: x\r\n'
                                  b'Connection: close\r\n\r\n')[0]
            if status == 200 or time.monotonic() > deadline:
                break
            refused += 1
        self.assertEqual(status, 200)
        for sock in held:
            sock.close()
        deadline = time.monotonic() + 5
        while True:
            status, metrics, _ = self.server.get('/metrics')
            if status == 200 or time.monotonic() > deadline:
                break
            refused += 1
        self.assertIn(f'sentinelle_connections_rejected_per_ip_total {refused}\n',
                      metrics.decode())
        self.assertIn('sentinelle_connections_rejected_total 0', metrics.decode())
        rejected = [e for e in log_events(self.server) if e.get('event') == 'connection_rejected']
        self.assertEqual([e['reason'] for e in rejected][:1], ['max_connections_per_ip'])


POST = 'POST /v1/surveys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'


class FramingTest(unittest.TestCase):
    """Requests whose body two parsers could read differently: refused before the handler, the
    connection closed, nothing stored, each answer logged."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server('[server]\nheader_limit_bytes = 1024\n').start()

    @classmethod
    def tearDownClass(cls):
        stop_cleanly(cls.server)

    def test_ambiguous_framing_and_oversized_headers(self):
        event = json.dumps(survey('framed'))
        chunked = f'{len(event):x}\r\n{event}\r\n0\r\n\r\n'
        cases = [
            ('length and chunked', f'Content-Length: {len(event)}\r\n'
             f'Transfer-Encoding: chunked\r\n\r\n{chunked}', 400, 'bad_request'),
            ('chunked and length', f'Transfer-Encoding: chunked\r\n'
             f'Content-Length: {len(event)}\r\n\r\n{chunked}', 400, 'bad_request'),
            ('unknown coding and length', f'Transfer-Encoding: gzip\r\n'
             f'Content-Length: {len(event)}\r\n\r\n{event}', 400, 'bad_request'),
            ('unknown coding', f'Transfer-Encoding: gzip\r\n\r\n{event}', 400, 'bad_request'),
            ('a coding before chunked', f'Transfer-Encoding: gzip, chunked\r\n\r\n{chunked}',
             501, 'not_implemented'),
            ('two lengths', f'Content-Length: {len(event)}\r\nContent-Length: 2\r\n\r\n{event}',
             400, 'bad_request'),
            ('negative length', f'Content-Length: -{len(event)}\r\n\r\n{event}', 400,
             'bad_request'),
            ('overflowing length', f'Content-Length: 99999999999999999999999\r\n\r\n{event}',
             400, 'bad_request'),
            ('headers over the limit', f'X-Big: {"y" * 2000}\r\n'
             f'Content-Length: {len(event)}\r\n\r\n{event}', 431, 'headers_too_large'),
        ]
        for name, rest, expected, code in cases:
            with self.subTest(name):
                status, headers, body, closed = raw_exchange(self.server.port,
                                                             (POST + rest).encode())
                self.assertEqual((status, body['error']['code']), (expected, code))
                self.assertEqual(headers.get('connection'), 'close')
                self.assertTrue(closed)
        self.assertEqual(self.server.get('/v1/surveys/framed')[0], 404)
        statuses = sorted(e['status'] for e in log_events(self.server)
                          if e.get('event') == 'request' and e['method'] == 'POST')
        self.assertEqual(statuses, sorted(expected for _, _, expected, _ in cases))


class LimitsConfigTest(unittest.TestCase):
    def refusal(self, config):
        server = Server(config)
        process = subprocess.run(server.command(), capture_output=True, timeout=30)
        return process.returncode, process.stderr.decode()

    def test_bad_limits_stop_the_server_naming_the_key(self):
        cases = [
            ('[limits]\nburst_per_ip = 0\n', 'limits.burst_per_ip'),
            ('[limits]\nrequests_per_second_per_token = -1\n',
             'limits.requests_per_second_per_token'),
            ('[limits]\nmax_connections_per_ip = "many"\n', 'limits.max_connections_per_ip'),
            ('[limits]\nexempt_loopback = 1\n', 'limits.exempt_loopback'),
            ('[limits]\nrequests_per_minute = 5\n', "unknown key 'limits.requests_per_minute'"),
        ]
        for config, named in cases:
            with self.subTest(config):
                code, err = self.refusal(config)
                self.assertEqual(code, 2)
                self.assertIn(named, err)


if __name__ == '__main__':
    unittest.main(verbosity=2)
