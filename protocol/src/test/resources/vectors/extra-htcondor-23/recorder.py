# Loopback TCP recorder: listens on 127.0.0.1:LISTEN, forwards to 127.0.0.1:TARGET, appends each direction of
# connection N to OUT/client-to-server-N.bin / server-to-client-N.bin. Exits after IDLE seconds without traffic.
import socket, sys, threading, os, time, select
listen, target, out, idle = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
os.makedirs(out, exist_ok=True)
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', listen)); srv.listen(8); srv.settimeout(idle)
n = 0
def pump(a, b, path):
    with open(path, 'ab') as f:
        while True:
            try: d = a.recv(65536)
            except OSError: d = b''
            if not d:
                try: b.shutdown(socket.SHUT_WR)
                except OSError: pass
                return
            f.write(d); f.flush(); b.sendall(d)
while True:
    try: c, _ = srv.accept()
    except socket.timeout: break
    n += 1
    s = socket.create_connection(('127.0.0.1', target))
    threading.Thread(target=pump, args=(c, s, f'{out}/client-to-server-{n}.bin'), daemon=True).start()
    threading.Thread(target=pump, args=(s, c, f'{out}/server-to-client-{n}.bin'), daemon=True).start()
time.sleep(1)
