#!/usr/bin/env python3
"""smtp_sink.py: a tiny SMTP server for tests that keeps every message as a file (stdlib only).

  smtp_sink.py serve DIR [--port N] [--port-file FILE]
      Accepts SMTP on 127.0.0.1 (port 0 = a free one, written to FILE once
      listening) and writes each message to DIR/NNNN.eml (the DATA as sent)
      with DIR/NNNN.env ("MAIL FROM" and "RCPT TO" lines). Runs until killed.
  smtp_sink.py show FILE
      Prints the envelope recipient, the decoded From, To and Subject, an
      empty line and the decoded plain text body of one .eml file.
"""
import email
import email.header
import email.policy
import os
import socketserver
import sys


class Handler(socketserver.StreamRequestHandler):
    timeout = 30

    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        mail_from, rcpts = "", []
        self.reply("220 sink ESMTP ready")
        while True:
            raw = self.rfile.readline(65536)
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb in ("EHLO", "HELO"):
                if verb == "EHLO":
                    self.reply("250-sink")
                    self.reply("250-8BITMIME")
                    self.reply("250 SIZE 10485760")
                else:
                    self.reply("250 sink")
            elif verb == "MAIL":
                mail_from, rcpts = line[10:].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                rcpts.append(line[8:].strip())
                self.reply("250 OK")
            elif verb == "DATA":
                if not rcpts:
                    self.reply("503 no recipients")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                data = bytearray()
                while True:
                    l = self.rfile.readline(1 << 20)
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    if l.startswith(b".."):
                        l = l[1:]
                    data += l
                self.server.store(mail_from, rcpts, bytes(data))
                self.reply("250 OK queued")
                mail_from, rcpts = "", []
            elif verb == "RSET":
                mail_from, rcpts = "", []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class Sink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port, outdir):
        super().__init__(("127.0.0.1", port), Handler)
        self.outdir = outdir
        self.count = len([f for f in os.listdir(outdir) if f.endswith(".eml")])

    def store(self, mail_from, rcpts, data):
        self.count += 1
        base = os.path.join(self.outdir, "%04d" % self.count)
        with open(base + ".env.tmp", "w") as f:
            f.write("MAIL FROM %s\n" % mail_from)
            for r in rcpts:
                f.write("RCPT TO %s\n" % r)
        os.rename(base + ".env.tmp", base + ".env")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(data)
        os.rename(base + ".eml.tmp", base + ".eml")


def show(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    env = path[:-4] + ".env"
    if os.path.exists(env):
        with open(env) as f:
            for l in f:
                if l.startswith("RCPT TO "):
                    print("Envelope-To: " + l[8:].strip())
    for h in ("From", "To", "Subject", "Content-Type"):
        print("%s: %s" % (h, msg.get(h, "")))
    print()
    print(msg.get_body(preferencelist=("plain",)).get_content())


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "show":
        show(sys.argv[2])
        return
    if len(sys.argv) < 3 or sys.argv[1] != "serve":
        sys.exit(__doc__)
    outdir, port, port_file = sys.argv[2], 0, None
    args = sys.argv[3:]
    while args:
        if args[0] == "--port":
            port = int(args[1])
        elif args[0] == "--port-file":
            port_file = args[1]
        else:
            sys.exit(__doc__)
        args = args[2:]
    os.makedirs(outdir, exist_ok=True)
    srv = Sink(port, outdir)
    if port_file:
        with open(port_file + ".tmp", "w") as f:
            f.write(str(srv.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
    srv.serve_forever()


if __name__ == "__main__":
    main()
