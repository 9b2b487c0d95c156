"""The embedded FalkorDB: its own directory, durable writes, one owner at a time."""

from __future__ import annotations

import os
import signal

import pytest

from graphsvc.config import ConfigError, from_env
from graphsvc.graph.embedded import EmbeddedEngine
from tests.support import connect_for_tests


def test_second_instance_on_the_same_directory_is_refused(tmp_path):
    with EmbeddedEngine(tmp_path):
        with pytest.raises(ConfigError, match="in use by another graphsvc"):
            EmbeddedEngine(tmp_path).start()


def test_unwritable_data_directory_is_refused_with_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(ConfigError, match="is not writable"):
        EmbeddedEngine(blocker / "data").start()


def test_acknowledged_writes_survive_a_hard_kill(tmp_path):
    settings = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path)})
    engine = EmbeddedEngine(tmp_path).start()
    graph = connect_for_tests(settings, engine.url)
    graph.apply_schema()
    for i in range(200):
        graph.query("testing.store_text", key=f"k{i}", text=f"value {i}")
    os.kill(engine.pid, signal.SIGKILL)  # no shutdown, no final flush
    engine.stop()
    graph.close()
    with EmbeddedEngine(tmp_path) as again:
        graph = connect_for_tests(settings, again.url)
        assert graph.query("testing.count_all_nodes") == 201
        assert graph.query("testing.read_text", key="k199") == "value 199"
        graph.close()


def test_data_is_found_again_after_a_clean_restart(tmp_path):
    settings = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path)})
    with EmbeddedEngine(tmp_path) as engine:
        graph = connect_for_tests(settings, engine.url)
        graph.apply_schema()
        graph.query("testing.store_text", key="kept", text="still here")
        graph.close()
    with EmbeddedEngine(tmp_path) as engine:
        graph = connect_for_tests(settings, engine.url)
        assert graph.query("testing.read_text", key="kept") == "still here"
        assert graph.schema_ready()
        graph.close()


def test_a_forked_worker_that_exits_leaves_the_engine_running(tmp_path):
    settings = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path)})
    with EmbeddedEngine(tmp_path) as engine:
        child = os.fork()
        if child == 0:  # what a gunicorn worker does when it ends
            engine.stop()
            os._exit(0)
        os.waitpid(child, 0)
        graph = connect_for_tests(settings, engine.url)
        graph.ping()
        assert engine.owned_here
        graph.close()


def test_a_killed_engine_is_restarted_by_its_supervisor_with_its_data(tmp_path):
    import time

    settings = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path)})
    gave_up = []
    engine = EmbeddedEngine(tmp_path).start()
    engine.supervise(give_up=lambda: gave_up.append(True))
    graph = connect_for_tests(settings, engine.url)
    try:
        graph.apply_schema()
        graph.query("testing.store_text", key="before", text="acknowledged")
        first = engine.pid
        os.kill(first, signal.SIGKILL)
        killed = time.monotonic()
        while time.monotonic() - killed < 15:
            try:
                if graph.query("testing.count_all_nodes") >= 1:
                    break
            except Exception:  # the engine is away: keep asking
                time.sleep(0.1)
        assert time.monotonic() - killed < 15
        assert engine.pid != first and engine.restarts == 1 and not gave_up
        assert graph.query("testing.read_text", key="before") == "acknowledged"
    finally:
        graph.close()
        engine.stop()
    assert engine.pid is None
