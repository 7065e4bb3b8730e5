#!/usr/bin/env python3
"""N raw-socket scrapers that send a GET and then read the response at RATE bytes/s, for SECONDS.

At the end, one line per outcome: how many clients got a 200 or a 503, and whether the server cut them off.
The receive buffer is kept small so the kernel cannot read ahead for the slow reader.
"""
import socket, sys, threading, time

host, port, clients, rate, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
outcomes = {}
lock = threading.Lock()

def client(i):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect((host, port))
    s.sendall(f"GET /metrics HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/plain\r\n\r\n".encode())
    deadline = time.monotonic() + seconds
    first = b""
    status = "cut off"
    try:
        s.settimeout(seconds)
        while time.monotonic() < deadline:
            chunk = s.recv(1)
            if not chunk:
                break
            if len(first) < 12:
                # The status line at full speed; the body at RATE.
                first += chunk
                if len(first) == 12:
                    status = first.decode(errors="replace")[9:12]
                continue
            time.sleep(1 / rate)
        else:
            status = status + " (still reading)"
    except OSError as e:
        status = f"{status} ({type(e).__name__})"
    finally:
        s.close()
    with lock:
        outcomes[status] = outcomes.get(status, 0) + 1

threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for status, count in sorted(outcomes.items()):
    print(f"  {count:3d} clients: {status}")
