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
