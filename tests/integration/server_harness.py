"""Starts the real `sentinelle serve` on a free port with a temporary SQLite file and talks
HTTP to it. Shared by the integration tests."""
import atexit
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

BINARY = os.path.abspath(os.environ.get('SENTINELLE_BINARY', 'build/sentinelle'))
ROOT = os.path.abspath(os.environ.get('SENTINELLE_ROOT', os.getcwd()))


_directories = []
atexit.register(lambda: [shutil.rmtree(d, ignore_errors=True) for d in _directories])


class Server:
    def __init__(self, config_text='', extra_args=(), directory=None):
        if directory is None:
            directory = tempfile.mkdtemp(prefix='sentinelle-it-')
            _directories.append(directory)
        self.directory = directory
        self.database = os.path.join(self.directory, 'events.db')
        self.config = os.path.join(self.directory, 'sentinelle.toml')
        with open(self.config, 'w', encoding='utf-8') as f:
            f.write(config_text)
        self.extra_args = list(extra_args)
        self.process = None
        self.port = None

    def command(self):
        return [BINARY, 'serve', '--config', self.config, '--listen', '127.0.0.1:0',
                '--storage', 'sqlite:' + self.database,
                '--lexicons', os.path.join(ROOT, 'lexicons', 'fr')] + self.extra_args

    def start(self):
        self.stderr = open(os.path.join(self.directory, 'stderr.log'), 'ab')
        self.process = subprocess.Popen(self.command(), stdout=subprocess.PIPE,
                                        stderr=self.stderr, cwd=self.directory)
        line = self.process.stdout.readline().decode()
        if not line.startswith('listening on http://127.0.0.1:'):
            self.process.kill()
            raise RuntimeError(f'server did not start: {line!r}')
        self.port = int(line.strip().rsplit(':', 1)[1])
        return self

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=20)
        if self.process:
            self.process.stdout.close()
            self.stderr.close()
        return self.process.returncode

    def request(self, method, path, body=None, headers=None, token=None):
        connection = http.client.HTTPConnection('127.0.0.1', self.port, timeout=20)
        headers = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            headers.setdefault('Content-Type', 'application/json')
        elif isinstance(body, str):
            body = body.encode()
        if token:
            headers['Authorization'] = 'Bearer ' + token
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        try:
            payload = json.loads(data) if data else None
        except ValueError:
            payload = data
        return response.status, payload, response

    def post(self, path, body, **kwargs):
        return self.request('POST', path, body, **kwargs)

    def get(self, path, **kwargs):
        return self.request('GET', path, **kwargs)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class SseClient:
    """Reads Server-Sent Events from the real server: (id, data) pairs, comments skipped."""

    def __init__(self, port, path, headers=None, timeout=10):
        self.connection = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
        self.connection.request('GET', path, headers=headers or {})
        self.response = self.connection.getresponse()
        self.status = self.response.status

    def next_event(self, want_type=None, within=30):
        """The next event (optionally of one JSON "type"): (id or None, parsed data). Heartbeats
        keep the socket alive, so a missing event fails after `within` seconds instead."""
        deadline = time.monotonic() + within
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError(f'no {want_type or "event"} within {within} s')
            event_id, data = None, []
            while True:
                line = self.response.readline()
                if not line:
                    raise EOFError('the stream ended')
                line = line.decode().rstrip('\n')
                if line == '':
                    break
                if line.startswith('id:'):
                    event_id = int(line[3:].strip())
                elif line.startswith('data:'):
                    data.append(line[5:].lstrip(' '))
            if not data:
                continue  # a heartbeat comment or the retry line
            payload = json.loads('\n'.join(data))
            if want_type is None or payload.get('type') == want_type:
                return event_id, payload

    def close(self):
        self.connection.close()


class WebSocketClient:
    """A minimal RFC 6455 client: text frames in and out, enough to test the server."""

    def __init__(self, port, path, timeout=10):
        import base64
        self.sock = socket.create_connection(('127.0.0.1', port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f'GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n'
                           f'Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n'
                           'Sec-WebSocket-Version: 13\r\n\r\n').encode())
        self.buffer = b''
        while b'\r\n\r\n' not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise EOFError('closed during the handshake')
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b'\r\n\r\n', 1)
        self.status = int(head.split(b' ')[1])

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('the connection closed')
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def frame(self):
        """(opcode, payload) of the next frame."""
        first, second = self._read(2)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(self._read(2), 'big')
        elif length == 127:
            length = int.from_bytes(self._read(8), 'big')
        return first & 0x0F, self._read(length)

    def next_message(self, want_type=None, within=30):
        deadline = time.monotonic() + within  # pings keep the socket alive: bound the wait
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError(f'no {want_type or "message"} within {within} s')
            opcode, payload = self.frame()
            if opcode == 8:
                raise EOFError('close frame ' + payload[:2].hex())
            if opcode == 1:
                message = json.loads(payload)
                if want_type is None or message.get('type') == want_type:
                    return message

    def send(self, opcode, payload):
        mask = os.urandom(4)
        header = bytes([0x80 | opcode])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + len(payload).to_bytes(2, 'big')
        else:
            header += bytes([0x80 | 127]) + len(payload).to_bytes(8, 'big')
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def close(self):
        self.sock.close()
