"""Time from a survey POST to its alert on an SSE console while wrk loads the server.

Run by tools/bench/alert-latency; prints p50 / p99 over the probes and the load's req/s."""
import http.client
import json
import sys
import threading
import time

port, probes = int(sys.argv[1]), int(sys.argv[2])
arrived = {}
ready = threading.Event()


def listen():
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    connection.request('GET', '/v1/events?team_id=latency-probe')
    response = connection.getresponse()
    ready.set()
    while len(arrived) < probes:
        line = response.readline()
        if line.startswith(b'data:'):
            message = json.loads(line[5:])
            if message.get('type') == 'alert':
                arrived[message['alert']['event']['id']] = time.perf_counter()


threading.Thread(target=listen, daemon=True).start()
ready.wait(10)
poster = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
sent = {}
run = f'{time.time():.0f}'
for n in range(probes):
    identifier = f'probe-{run}-{n}'
    body = json.dumps({'id': identifier, 'nps': 1, 'team_id': 'latency-probe',
                       'comment': 'attente interminable, je vais résilier'})
    sent[identifier] = time.perf_counter()
    poster.request('POST', '/v1/surveys', body, {'Content-Type': 'application/json'})
    poster.getresponse().read()
    time.sleep(0.01)
deadline = time.time() + 10
while len(arrived) < probes and time.time() < deadline:
    time.sleep(0.01)
latencies = sorted((arrived[i] - sent[i]) * 1000 for i in sent if i in arrived)
if not latencies:
    sys.exit('no alert arrived')
p50 = latencies[len(latencies) // 2]
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
print(f'POST → SSE alert over {len(latencies)}/{probes} probes: p50 {p50:.2f} ms  p99 {p99:.2f} ms')
