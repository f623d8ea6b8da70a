"""Process-wide garbage-collector settings are made where the process starts, never inside library calls."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(script: str) -> str:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()[-1]


def test_loading_the_pipeline_leaves_the_garbage_collector_alone():
    frozen = _run("""
        import gc
        from data_prep.nlp import load_pipeline
        load_pipeline()
        print(gc.get_freeze_count())
    """)
    assert frozen == "0"


def test_prep_freezes_its_loaded_modules_before_building(tmp_path):
    # The build itself is replaced by one that reports how many objects the collector skips by then.
    frozen = _run(f"""
        import gc
        import data_prep.commands.prep as prep
        from data_prep.cli import main
        from data_prep.pipeline import BuildError

        def build_dataset(*args, **kwargs):
            print(gc.get_freeze_count())
            raise BuildError("stopped by the test")

        prep.build_dataset = build_dataset
        main(["prep", {str(tmp_path)!r}, "--data", {str(tmp_path / "data")!r}, "--stance", "none"])
    """)
    assert int(frozen) > 10_000  # the imported modules (spaCy, pandas, pyarrow and ours)
