"""Records the HTTP requests opensips-cli's http transport sends, as the *.http files here.

opensips-cli builds the body with json.dumps({'jsonrpc', 'id', 'method', 'params'}) (id: a random
number as a string) and POSTs it with urllib.request and a Content-Type: application/json header;
this script makes the same calls against a socket on 127.0.0.1:8888 (opensips-cli's default url)
that saves each request and answers a minimal JSON-RPC result. Run it from this folder:
    python3 record_requests.py
"""
import json
import socket
import threading
import urllib.request

URL = "http://127.0.0.1:8888/mi"


def save_one_request(listener, path):
    conn, _ = listener.accept()
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    while len(body) < length:
        body += conn.recv(65536)
    with open(path, "wb") as f:
        f.write(head + b"\r\n\r\n" + body)
    answer = b'{"jsonrpc":"2.0","result":"OK","id":null}'
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                 b"Connection: close\r\n\r\n%s" % (len(answer), answer))
    conn.close()


def record(name, method, params, request_id):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 8888))
    listener.listen(1)
    saver = threading.Thread(target=save_one_request, args=(listener, name + ".http"))
    saver.start()
    body = json.dumps({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
    request = urllib.request.Request(URL, body.encode(), {"Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
    saver.join()
    listener.close()


# What `opensips-cli -x mi ...` sends: the `which` it runs first to list the commands, then the command.
record("which", "which", [], "7310")
record("version", "version", {}, "1874")                                    # mi version
record("uptime", "uptime", {}, "22061")                                     # mi uptime
record("get_statistics_positional", "get_statistics", [["core:", "tm:"]], "905")  # mi get_statistics core: tm:
record("get_statistics_named", "get_statistics",                            # mi get_statistics statistics="usrloc: tm:inuse_transactions"
       {"statistics": ["usrloc:", "tm:inuse_transactions"]}, "31337")
record("get_statistics_missing_param", "get_statistics", {}, "12")          # mi get_statistics
