#!/usr/bin/env python3
"""sse_client.py: holds N SSE clients on one organisation, publishes changes through the API, prints delivery
latency and, given the server's PID, its memory (peak RSS reset after signing in)."""
import json, multiprocessing as mp, os, re, selectors, socket, sys, time, urllib.request

BASE, N, CHANGES = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
PID = int(sys.argv[4]) if len(sys.argv) > 4 else 0
PROCS = int(os.environ.get("PROCS", "2"))  # client processes, so the clients' parsing is not what is measured
EMAIL, PW = "admin@example.org", "correct horse battery"
CHANGE = re.compile(rb'event: change\ndata: \{"entity":"contact","id":(\d+),')


def login():
    req = urllib.request.Request(BASE + "/api/v1/session", data=json.dumps({"email": EMAIL, "password": PW}).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req) as r:
        cookie = r.headers["Set-Cookie"].split(";")[0]
        return cookie, json.load(r)["csrf_token"]


def kb(field):
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def worker(n, cookie, conn):
    """Opens n streams, reports when all are open, then notes the arrival time of every contact change until told
    to stop. Plain epoll and recv: an asyncio client spent more time per event than the server."""
    host, port = BASE.split("//")[1].split(":")
    req = (f"GET /api/v1/orgs/1/events HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n"
           "Accept: text/event-stream\r\n\r\n").encode()
    sel = selectors.EpollSelector()
    bufs, arrivals, opened, is_open = {}, [], 0, set()
    for i in range(n):
        s = socket.create_connection((host, int(port)))
        s.sendall(req)
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
        bufs[s] = b""
        if i % 100 == 99:
            time.sleep(0.02)
    stop = False
    while not stop:
        for key, _ in sel.select(0.05):
            s = key.fileobj
            data = s.recv(1 << 16)
            now = time.monotonic()
            if not data:
                sel.unregister(s)
                continue
            buf = bufs[s] + data
            end = buf.rfind(b"\n\n")
            if end < 0:
                bufs[s] = buf
                continue
            done, bufs[s] = buf[:end + 2], buf[end + 2:]
            if s not in is_open and b": ok\n\n" in done:
                is_open.add(s)
                opened += 1
                if opened == n:
                    conn.send("open")
            for m in CHANGE.finditer(done):
                arrivals.append((int(m.group(1)), now))
        stop = conn.poll()
    conn.recv()
    conn.send(arrivals)


def post_contact(cookie, csrf, i):
    body = json.dumps({"name": f"Bench {i}", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}]}).encode()
    req = urllib.request.Request(BASE + "/api/v1/orgs/1/contacts", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": csrf})
    with urllib.request.urlopen(req) as r:
        return json.load(r)["id"]


def main():
    cookie, csrf = login()
    base = 0
    if PID:
        # signing in hashes the password with Argon2id (64 MiB for a moment): measure from here on
        with open(f"/proc/{PID}/clear_refs", "w") as f:
            f.write("5")
        base = kb("VmRSS")
    procs, pipes = [], []
    for k in range(PROCS):
        here, there = mp.Pipe()
        p = mp.Process(target=worker, args=(N // PROCS + (k < N % PROCS), cookie, there))
        p.start()
        procs.append(p)
        pipes.append(here)
    for here in pipes:
        here.recv()
    idle = kb("VmRSS") if PID else 0
    sent, posts = {}, []
    for i in range(CHANGES):
        # a fresh database: contact i gets id i + 1; the time is taken before the request,
        # since events may arrive before its answer
        sent[i + 1] = time.monotonic()
        cid = post_contact(cookie, csrf, i)
        posts.append((time.monotonic() - sent[i + 1]) * 1000)
        assert cid == i + 1, cid
        time.sleep(0.02)
    time.sleep(1)
    got = []
    for here in pipes:
        here.send("stop")
        got += [(t - sent[cid]) * 1000 for cid, t in here.recv() if cid in sent]
    for p in procs:
        p.join()
    got.sort()
    print(f"clients:            {N}")
    print(f"changes:            {CHANGES}")
    print(f"events delivered:   {len(got)} of {N * CHANGES}")
    if got:
        p = lambda q: got[min(len(got) - 1, int(q * len(got)))]
        print(f"latency ms:         p50 {p(0.50):.1f}  p99 {p(0.99):.1f}  max {got[-1]:.1f}")
    posts.sort()
    print(f"POST answered ms:   p50 {posts[len(posts) // 2]:.1f}  max {posts[-1]:.1f}")
    if PID:
        peak = kb("VmHWM")
        print(f"server RSS:         {base} kB signed in, {idle} kB with {N} clients idle, peak {peak} kB")
        print(f"RSS per client:     {(idle - base) / N:.1f} kB idle, {(peak - base) / N:.1f} kB at peak")
    sys.exit(0 if len(got) == N * CHANGES else 1)


if __name__ == "__main__":
    main()
