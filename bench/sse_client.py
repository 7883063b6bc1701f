#!/usr/bin/env python3
"""sse_client.py: holds N SSE clients on one organisation, publishes changes through the API, prints delivery
latency and, given the server's PID, its memory (peak RSS reset after signing in)."""
import asyncio, json, multiprocessing as mp, os, re, sys, time, urllib.request

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


class Stream(asyncio.Protocol):
    """One SSE client: notes the arrival time of every contact change."""

    def __init__(self, state):
        self.state, self.buf, self.opened = state, b"", False

    def connection_made(self, transport):
        host = BASE.split("//")[1].split(":")[0]
        transport.write(f"GET /api/v1/orgs/1/events HTTP/1.1\r\nHost: {host}\r\nCookie: {self.state['cookie']}\r\n"
                        "Accept: text/event-stream\r\n\r\n".encode())

    def data_received(self, data):
        now = time.monotonic()
        self.buf += data
        end = self.buf.rfind(b"\n\n")
        if end < 0:
            return
        done, self.buf = self.buf[:end + 2], self.buf[end + 2:]
        if not self.opened and b": ok\n\n" in done:
            self.opened = True
            self.state["opened"] += 1
        for m in CHANGE.finditer(done):
            self.state["arrivals"].append((int(m.group(1)), now))


def worker(n, cookie, conn):
    """Opens n streams, reports when all are open, then collects arrivals until told to stop."""
    async def run():
        loop = asyncio.get_running_loop()
        host, port = BASE.split("//")[1].split(":")
        state = {"cookie": cookie, "opened": 0, "arrivals": []}
        for i in range(n):
            await loop.create_connection(lambda: Stream(state), host, int(port))
            if i % 100 == 99:
                await asyncio.sleep(0.02)
        while state["opened"] < n:
            await asyncio.sleep(0.02)
        conn.send("open")
        while not conn.poll():
            await asyncio.sleep(0.05)
        conn.recv()
        conn.send(state["arrivals"])
    asyncio.run(run())


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
    sent = {}
    for i in range(CHANGES):
        # a fresh database: contact i gets id i + 1; the time is taken before the request,
        # since events may arrive before its answer
        sent[i + 1] = time.monotonic()
        cid = post_contact(cookie, csrf, i)
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
    if PID:
        peak = kb("VmHWM")
        print(f"server RSS:         {base} kB signed in, {idle} kB with {N} clients idle, peak {peak} kB")
        print(f"RSS per client:     {(idle - base) / N:.1f} kB idle, {(peak - base) / N:.1f} kB at peak")
    sys.exit(0 if len(got) == N * CHANGES else 1)


if __name__ == "__main__":
    main()
