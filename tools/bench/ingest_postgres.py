#!/usr/bin/env python3
"""`tools/bench/ingest --postgres`: one run, the same wrk load (tools/bench/ingest.lua: unique
~800-byte surveys, -t2 -c64) against SQLite, one PostgreSQL instance and two PostgreSQL
instances on one database — each behind HAProxy, as docs/deployment.md deploys them — and
SQLite directly, for the default bench's figure. Prints req/s, p50 and p99 for each, the stored
count, and the machine's load average (the machine may be shared: numbers are noisy)."""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'integration'))
from pg_cluster import free_port, pg_cluster  # noqa: E402

# The deployment's haproxy.cfg (docs/deployment.md), with ports filled in and logs off.
HAPROXY_CFG = """global
    maxconn 4000
defaults
    mode http
    option http-keep-alive
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
frontend sentinelle
    bind 127.0.0.1:{port}
    default_backend instances
backend instances
    balance leastconn
    option httpchk GET /readyz
    http-check expect status 200
{servers}
"""


class Process:
    def __init__(self, command, directory, name):
        self.log = open(os.path.join(directory, name + '.log'), 'ab')
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.log)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self.process.stdout.close()
        self.log.close()


def start_sentinelle(binary, storage, directory, name):
    server = Process([binary, 'serve', '--listen', '127.0.0.1:0', '--storage', storage,
                      '--lexicons', os.path.join(ROOT, 'lexicons', 'fr')], directory, name)
    line = server.process.stdout.readline().decode()
    if not line.startswith('listening on'):
        server.stop()
        raise RuntimeError(f'{name} did not start: {line!r}')
    server.port = int(line.strip().rsplit(':', 1)[1])
    return server


def start_haproxy(backends, directory):
    port = free_port()
    servers = '\n'.join(f'    server s{n} 127.0.0.1:{b.port} check inter 1s'
                        for n, b in enumerate(backends, 1))
    config = os.path.join(directory, 'haproxy.cfg')
    with open(config, 'w', encoding='utf-8') as out:
        out.write(HAPROXY_CFG.format(port=port, servers=servers))
    proxy = Process(['haproxy', '-db', '-f', config], directory, 'haproxy')
    proxy.port = port
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # up, and its health checks passed
        try:
            with urllib.request.urlopen(f'http://127.0.0.1:{port}/readyz', timeout=2) as answer:
                if answer.status == 200:
                    time.sleep(1.5)  # one more check interval: every backend marked up
                    return proxy
        except OSError:
            time.sleep(0.1)
    proxy.stop()
    raise RuntimeError('haproxy did not become ready')


def stored(port):
    url = f'http://127.0.0.1:{port}/v1/scores?from=2000-01-01&to=2100-01-01'
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.load(answer)['total']['nps']['responses']


def wrk(port, seconds):
    done = subprocess.run(['wrk', '-t2', '-c64', f'-d{seconds}s', '-s',
                           os.path.join(ROOT, 'tools', 'bench', 'ingest.lua'),
                           f'http://127.0.0.1:{port}/v1/surveys'],
                          capture_output=True, text=True, check=True)
    found = re.search(r'^RESULT (\S+) (\S+) (\S+) (\S+) (\S+)$', done.stdout, re.M)
    rps, p50, p99, errors, requests = found.groups()
    return float(rps), float(p50), float(p99), int(errors)


def run_case(name, binary, storages, seconds, behind_proxy, work):
    directory = tempfile.mkdtemp(prefix=name + '-', dir=work)
    servers = [start_sentinelle(binary, storage, directory, f'sentinelle{n}')
               for n, storage in enumerate(storages, 1)]
    proxy = start_haproxy(servers, directory) if behind_proxy else None
    try:
        rps, p50, p99, errors = wrk(proxy.port if proxy else servers[0].port, seconds)
        count = stored(servers[0].port)
    finally:
        if proxy:
            proxy.stop()
        for server in servers:
            server.stop()
    print(f'{name:<22} {rps:8.0f} req/s  p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  '
          f'errors {errors}  stored {count}', flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--binary', default=os.path.join(ROOT, 'build', 'sentinelle'))
    parser.add_argument('--seconds', type=int, default=10)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix='sentinelle-bench-')
    print(f'{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, {os.cpu_count()} cores, '
          f'load average before: {" ".join(f"{x:.2f}" for x in os.getloadavg())}')
    print(f'wrk -t2 -c64 -d{args.seconds}s, unique ~800-byte surveys, one request = one survey')
    with pg_cluster() as cluster:
        one = cluster.create_database('one')
        two = cluster.create_database('two')
        cases = [
            ('sqlite direct', [f'sqlite:{work}/direct.db'], False),
            ('sqlite, haproxy', [f'sqlite:{work}/proxied.db'], True),
            ('postgres 1, haproxy', [one], True),
            ('postgres 2, haproxy', [two, two], True),
        ]
        for name, storages, behind_proxy in cases:
            run_case(name, args.binary, storages, args.seconds, behind_proxy, work)
    print(f'load average after: {" ".join(f"{x:.2f}" for x in os.getloadavg())}')
    subprocess.run(['rm', '-rf', work], check=False)


if __name__ == '__main__':
    main()
