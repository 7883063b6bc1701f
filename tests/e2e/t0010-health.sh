#!/usr/bin/env bash
# /healthz answers, unknown paths 404, the server stops cleanly on SIGTERM.
. "$(dirname "$0")/lib.sh"

kf_init
kf_start

http GET /healthz
assert_status 200
assert_json .status ok
assert_header_contains Content-Type application/json

# twice in a row (keep-alive / no state)
http GET /healthz
assert_status 200
assert_json .status ok

# unknown API path, anonymous: 404 (or 401 when auth is checked first), JSON
http GET /api/v1/does-not-exist
assert_status 401 404
assert_header_contains Content-Type application/json
assert_jq '.error.code | type == "string"'

# unknown page
http GET /no-such-page
assert_status 303 404

# path traversal attempts never leak files
http GET '/../../../../etc/passwd' --path-as-is
assert_status 303 400 403 404
assert_body_not_contains 'root:'
http GET '/assets/../../../../etc/passwd' --path-as-is
assert_status 303 400 403 404
assert_body_not_contains 'root:'
http GET '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd'
assert_status 303 400 403 404
assert_body_not_contains 'root:'

# a request that is not HTTP at all does not kill the server
printf 'HELLO\r\n\r\n' | timeout 5 "$KF_PY" -c '
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=4)
s.sendall(sys.stdin.buffer.read())
try:
    s.recv(4096)
except Exception:
    pass
s.close()' "$KF_PORT"
http GET /healthz
assert_status 200

kf_stop
kf_done
