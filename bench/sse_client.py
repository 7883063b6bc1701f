#!/usr/bin/env python3
"""sse_client.py: holds N SSE clients on one organisation, publishes changes through the API and prints delivery latency."""
import asyncio, json, sys, time, urllib.request

BASE, N, CHANGES = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
EMAIL, PW = "admin@example.org", "correct horse battery"

def login():
    req = urllib.request.Request(BASE + "/api/v1/session", data=json.dumps({"email": EMAIL, "password": PW}).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req) as r:
        cookie = r.headers["Set-Cookie"].split(";")[0]
        return cookie, json.load(r)["csrf_token"]

sent = {}      # contact name -> send time
got = []       # latencies in ms

async def listen(host, port, cookie, counts):
    reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
    writer.write(f"GET /api/v1/orgs/1/events HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    opened = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if line.startswith(b": ok") and not opened:
            opened = True
            counts[0] += 1
        if line.startswith(b"data: {") and b'"entity":"contact"' in line:
            now = time.monotonic()
            d = json.loads(line[6:])
            t = sent.get(d["id"])
            if t is not None:
                got.append((now - t) * 1000)
            counts[1] += 1
            if counts[1] >= N * CHANGES:
                break
    writer.close()

def post_contact(cookie, csrf, i):
    body = json.dumps({"name": f"Bench {i}", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}]}).encode()
    req = urllib.request.Request(BASE + "/api/v1/orgs/1/contacts", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": csrf})
    t = time.monotonic()
    with urllib.request.urlopen(req) as r:
        return json.load(r)["id"], t

async def main():
    host, port = BASE.split("//")[1].split(":")
    port = int(port)
    cookie, csrf = login()
    counts = [0, 0]
    tasks = []
    for i in range(N):
        tasks.append(asyncio.create_task(listen(host, port, cookie, counts)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)
    while counts[0] < N:
        await asyncio.sleep(0.05)
    print(f"clients connected: {counts[0]}", flush=True)
    loop = asyncio.get_running_loop()
    for i in range(CHANGES):
        # a fresh database: contact i gets id i + 1; the time is taken before the request,
        # since events may arrive before its answer
        sent[i + 1] = time.monotonic()
        cid, _ = await loop.run_in_executor(None, post_contact, cookie, csrf, i)
        assert cid == i + 1, cid
        await asyncio.sleep(0.02)
    deadline = time.monotonic() + 30
    while counts[1] < N * CHANGES and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    for t in tasks:
        t.cancel()
    got.sort()
    print(f"events delivered: {counts[1]} of {N * CHANGES}; timed: {len(got)}")
    if got:
        p = lambda q: got[min(len(got) - 1, int(q * len(got)))]
        print(f"latency ms: p50 {p(0.50):.1f}  p99 {p(0.99):.1f}  max {got[-1]:.1f}")

asyncio.run(main())
