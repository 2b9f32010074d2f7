#!/usr/bin/env python3
"""Slowloris against sentinelle: N connections each trickle a request line and headers one byte
at a time and never finish them (reconnecting when the server cuts them), while a separate
process sends legitimate requests on fresh connections and times them. Prints p50/p99/max of
the legitimate requests with and without the attack, the connections the attack held, and the
server's RSS before, at its peak and after; exits 1 when a bound given on the command line is
broken.

  tools/bench/slowloris.py --binary build/sentinelle                # starts its own server
  tools/bench/slowloris.py --port 8080 --pid "$(pidof sentinelle)"  # a running server

Each side needs N + 100 file descriptors: the script raises its soft RLIMIT_NOFILE to what it
needs (a server it starts inherits it); a hard limit below that is reported, raise it with
`ulimit -Hn` as root. The server must admit N connections (server.max_connections) from one
address (limits.max_connections_per_ip = 0, or loopback exempt): the per-address cap would
otherwise refuse most of the attack and the test would prove nothing about the deadlines.
"""
import argparse
import asyncio
import http.client
import itertools
import json
import multiprocessing
import os
import random
import resource
import sys
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'integration'))

# Never a complete header block: a request line, then header lines forever.
SLOW_PREFIX = b'POST /v1/surveys HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n'
SLOW_FILLER = b'X-Slow: a\r\n'
COMMENT = 'Attente interminable au service client, conseiller pas aimable, je vais résilier.'


def slow_bytes():
    return itertools.chain(SLOW_PREFIX, itertools.cycle(SLOW_FILLER))


class Attack:
    """N slow connections on one asyncio loop, reconnecting whenever the server cuts one."""

    def __init__(self, port, connections, byte_interval):
        self.port = port
        self.connections = connections
        self.byte_interval = byte_interval
        self.open = 0
        self.cuts = 0
        self.connect_failures = 0
        self.stopping = None

    async def one(self, delay):
        await asyncio.sleep(delay)  # a ramp, not a SYN storm
        while not self.stopping.is_set():
            try:
                reader, writer = await asyncio.open_connection('127.0.0.1', self.port)
            except OSError:
                self.connect_failures += 1
                await asyncio.sleep(self.byte_interval)
                continue
            self.open += 1
            try:
                for byte in slow_bytes():
                    writer.write(bytes([byte]))
                    await writer.drain()
                    pause = self.byte_interval * random.uniform(0.5, 1.5)
                    try:  # the pause doubles as a watch for the server closing
                        data = await asyncio.wait_for(reader.read(4096), timeout=pause)
                    except asyncio.TimeoutError:
                        data = None
                    if data is not None or self.stopping.is_set():
                        break  # b'' (closed) or an answer: either way this one is over
            except OSError:
                pass
            finally:
                self.open -= 1
                writer.close()
            if not self.stopping.is_set():
                self.cuts += 1

    async def run(self, ramp_seconds):
        self.stopping = asyncio.Event()
        tasks = [asyncio.create_task(self.one(ramp_seconds * i / self.connections))
                 for i in range(self.connections)]
        await self.stopped.wait()
        self.stopping.set()
        await asyncio.gather(*tasks, return_exceptions=True)

    def start(self, ramp_seconds):
        ready = threading.Event()

        def loop():
            asyncio.run(self._main(ramp_seconds, ready))

        self.thread = threading.Thread(target=loop, daemon=True)
        self.thread.start()
        ready.wait()

    async def _main(self, ramp_seconds, ready):
        self.loop = asyncio.get_running_loop()
        self.stopped = asyncio.Event()
        ready.set()
        await self.run(ramp_seconds)

    def stop(self):
        self.loop.call_soon_threadsafe(self.stopped.set)
        self.thread.join(timeout=60)


def probe(port, seconds, rate, results):
    """Legitimate clients, in their own process: a fresh connection per request, timed from
    connect to the last byte of the answer. Puts (kind, seconds or None, status) on `results`."""
    kinds = itertools.cycle(['healthz', 'analyze', 'survey'])
    end = time.monotonic() + seconds
    serial = 0
    samples = []
    while time.monotonic() < end:
        started = time.monotonic()
        kind = next(kinds)
        serial += 1
        try:
            connection = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
            if kind == 'healthz':
                connection.request('GET', '/healthz')
            elif kind == 'analyze':
                connection.request('POST', '/v1/analyze', json.dumps({'text': COMMENT}),
                                   {'Content-Type': 'application/json'})
            else:
                survey = {'id': f'slowloris-{os.getpid()}-{serial}', 'nps': 3, 'comment': COMMENT}
                connection.request('POST', '/v1/surveys', json.dumps(survey),
                                   {'Content-Type': 'application/json'})
            response = connection.getresponse()
            response.read()
            connection.close()
            samples.append((kind, time.monotonic() - started, response.status))
        except (OSError, http.client.HTTPException):
            samples.append((kind, None, 0))
        time.sleep(max(0.0, 1.0 / rate - (time.monotonic() - started)))
    results.put(samples)


def run_probe(port, seconds, rate):
    context = multiprocessing.get_context('spawn')  # no fork of a process running threads
    results = context.Queue()
    process = context.Process(target=probe, args=(port, seconds, rate, results))
    process.start()
    samples = results.get(timeout=seconds + 120)
    process.join()
    return samples


def rss_mib(pid):
    with open(f'/proc/{pid}/status', encoding='ascii') as status:
        for line in status:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
    return 0.0


def server_gauge(port, name):
    """A sample of GET /metrics (open when no token is configured), or None."""
    try:
        connection = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
        connection.request('GET', '/metrics')
        text = connection.getresponse().read().decode()
        connection.close()
    except (OSError, http.client.HTTPException):
        return None
    for line in text.splitlines():
        if line.startswith(name + ' '):
            return float(line.split()[1])
    return None


class Monitor:
    """Samples the server's RSS and open connections every half second, off the attack's loop."""

    def __init__(self, port, pid):
        self.port, self.pid = port, pid
        self.rss, self.active = [], []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.done.wait(0.5):
            self.rss.append(rss_mib(self.pid))
            active = server_gauge(self.port, 'sentinelle_connections_active')
            if active is not None:
                self.active.append(active)

    def stop(self):
        self.done.set()
        self.thread.join()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summarize(label, samples):
    """Prints one line per kind and one for all; returns (p99 ms of all, failures)."""
    failures = sum(1 for _, latency, status in samples if latency is None or status >= 500)
    rows = {}
    for kind, latency, _ in samples:
        if latency is not None:
            rows.setdefault(kind, []).append(latency * 1000)
            rows.setdefault('all', []).append(latency * 1000)
    for kind in ('healthz', 'analyze', 'survey', 'all'):
        values = rows.get(kind, [])
        if values:
            print(f'  {label:<9} {kind:<8} n={len(values):<5} p50 {percentile(values, 0.5):7.1f} ms'
                  f'  p99 {percentile(values, 0.99):7.1f} ms  max {max(values):7.1f} ms')
    print(f'  {label:<9} failures (no answer or 5xx): {failures}')
    return (percentile(rows['all'], 0.99) if rows.get('all') else float('inf')), failures


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return soft
    if hard != resource.RLIM_INFINITY and hard < needed:
        sys.exit(f'slowloris: {needed} file descriptors needed, hard limit is {hard}: '
                 'raise it (ulimit -Hn) or lower --connections')
    resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
    return needed


def start_server(binary, connections):
    os.environ['SENTINELLE_BINARY'] = binary
    os.environ.setdefault('SENTINELLE_ROOT', ROOT)
    from server_harness import Server  # reads the two variables above at import
    config = (f'[server]\nmax_connections = {max(10000, connections + 1000)}\n'
              '[limits]\nmax_connections_per_ip = 0   # all the attack comes from 127.0.0.1\n')
    return Server(config).start()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--binary', help='start this sentinelle (port 0, temporary storage)')
    parser.add_argument('--port', type=int, help='or attack a running server on 127.0.0.1')
    parser.add_argument('--pid', type=int, help="the running server's pid, for its RSS")
    parser.add_argument('--connections', type=int, default=5000)
    parser.add_argument('--duration', type=float, default=30,
                        help='seconds of probing under attack')
    parser.add_argument('--baseline', type=float, default=5, help='seconds of probing before')
    parser.add_argument('--byte-interval', type=float, default=1.0,
                        help='mean seconds between two bytes of one slow connection')
    parser.add_argument('--ramp', type=float, default=5, help='seconds to open the connections')
    parser.add_argument('--rate', type=float, default=20, help='legitimate requests a second')
    parser.add_argument('--assert-p99-ms', type=float,
                        help='exit 1 when the p99 under attack is above')
    parser.add_argument('--assert-rss-growth-mib', type=float,
                        help='exit 1 when peak RSS minus RSS before is above')
    args = parser.parse_args()
    if bool(args.binary) == bool(args.port):
        parser.error('give --binary, or --port with --pid')

    limit = raise_fd_limit(args.connections + 200)
    server = start_server(args.binary, args.connections) if args.binary else None
    port = server.port if server else args.port
    pid = server.process.pid if server else args.pid
    try:
        print(f'slowloris: {args.connections} slow connections, a byte every ~{args.byte_interval}'
              f' s, {args.rate} legitimate requests/s; RLIMIT_NOFILE {limit}')
        run_probe(port, 1, args.rate)  # warm up: lexicons paged in, the database created
        rss_before = rss_mib(pid)
        baseline = run_probe(port, args.baseline, args.rate)

        attack = Attack(port, args.connections, args.byte_interval)
        attack.start(args.ramp)
        monitor = Monitor(port, pid)
        deadline = time.monotonic() + args.ramp + 30
        while attack.open < 0.95 * args.connections and time.monotonic() < deadline:
            time.sleep(0.2)
        held_at_start = attack.open
        under_attack = run_probe(port, args.duration, args.rate)
        held_at_end = attack.open
        attack.stop()
        monitor.stop()
        time.sleep(2)
        rss_after = rss_mib(pid)

        print('legitimate requests (fresh connection each, connect to last byte):')
        summarize('baseline', baseline)
        p99, failures = summarize('attack', under_attack)
        active = monitor.active or [0]
        print(f'attack: {held_at_start} open when probing began, {held_at_end} at the end; server'
              f' connections_active min {min(active):.0f} max {max(active):.0f}; {attack.cuts}'
              f' cut by the server, {attack.connect_failures} connects failed')
        peak = max(monitor.rss or [rss_before])
        print(f'server RSS: before {rss_before:.1f} MiB, peak {peak:.1f} MiB, after '
              f'{rss_after:.1f} MiB ({(peak - rss_before) * 1024 / max(1, args.connections):.1f}'
              ' KiB per slow connection at the peak)')
    finally:
        server_exit = server.stop() if server else 0

    broken = []
    if server_exit != 0:
        broken.append(f'the server exited {server_exit} on SIGTERM (see its log)')
    if held_at_start < 0.9 * args.connections:
        broken.append(f'the attack held only {held_at_start} connections')
    if failures:
        broken.append(f'{failures} legitimate requests failed')
    if args.assert_p99_ms is not None and p99 > args.assert_p99_ms:
        broken.append(f'p99 {p99:.1f} ms > {args.assert_p99_ms} ms')
    if args.assert_rss_growth_mib is not None and peak - rss_before > args.assert_rss_growth_mib:
        broken.append(f'RSS grew {peak - rss_before:.1f} MiB > {args.assert_rss_growth_mib} MiB')
    for problem in broken:
        print('FAIL: ' + problem)
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
