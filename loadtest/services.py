"""The services the load test starts and stops itself: a Redis server, a TCP door to PostgreSQL and
a mail server. Nothing else on the machine is touched."""

import shutil
import socket
import subprocess
import threading
import time


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


class RedisServer:
    """A redis-server of our own, without persistence: a restart loses every key, as in the outside test."""

    def __init__(self, workdir):
        self.port, self.workdir, self.proc = free_port(), workdir, None

    def start(self):
        binary = shutil.which("redis-server")
        if not binary:
            raise SystemExit("redis-server is needed for the load test (apt-get install redis-server)")
        self.proc = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for_port(self.port):
            raise SystemExit("redis-server did not start")
        return self

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"


class DatabaseDoor:
    """A TCP relay between Plein and PostgreSQL. Closing it is PostgreSQL stopped as Plein sees it:
    every open connection drops and new ones are refused; opening it again is the restart. (A real
    stop of the machine's PostgreSQL would stop what the script did not start.)"""

    def __init__(self, target_port):
        self.port, self.target_port = free_port(), target_port
        self._server, self._pairs, self._lock = None, [], threading.Lock()

    def open(self):
        self._server = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self._server.settimeout(0.2)
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def close(self):
        self._running = False
        if self._server:
            # shutdown() stops the listening at once; close() alone waits for the accept thread's poll.
            try:
                self._server.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._server.close()
            self._server = None
        with self._lock:
            for pair in self._pairs:
                for sock in pair:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    sock.close()
            self._pairs.clear()

    def _accept(self):
        server = self._server
        while self._running:
            try:
                client, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


class MailServer:
    """An SMTP server (aiosmtpd) that counts the messages it accepts, by Message-ID."""

    def __init__(self):
        self.port, self.controller, self.message_ids = free_port(), None, []

    def start(self):
        from aiosmtpd.controller import Controller

        mail = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                text = envelope.content.decode("utf-8", "replace")
                for line in text.splitlines():
                    if line.lower().startswith("message-id:"):
                        mail.message_ids.append(line.split(":", 1)[1].strip())
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def duplicates(self):
        return len(self.message_ids) - len(set(self.message_ids))
