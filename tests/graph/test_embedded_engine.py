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
