"""No text of the third-party evaluation sets in the project: no tracked file shares a run of 8 or more
words with the realnews articles and gold, PolNeAR or NewsMTSC (``benchmarks/check_copied_text.py``).
Runs where ``../shared/eval`` sits beside the repository (or beside its main checkout, for a worktree)."""
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_copied_text", REPO / "benchmarks" / "check_copied_text.py")
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)


def test_no_tracked_file_copies_the_evaluation_texts():
    eval_dir = check.default_eval_dir(REPO)
    if not eval_dir.is_dir():
        pytest.skip(f"no evaluation texts at {eval_dir} to compare with")
    copied = [hit for hit in check.find_hits(REPO, eval_dir, 8) if not check.is_allowed(hit)]
    assert not copied, "text copied from the evaluation sets (rewrite it with invented words):\n" + "\n".join(
        str(hit) for hit in copied)


def test_a_copied_run_is_found_and_an_allowed_name_is_not_refused():
    grams = {hash(tuple(check.words("the harbour board said on friday that the ferries would stop")[i:i + 8]))
             for i in range(4)}
    text = "x = 1\n# The Harbour Board said on Friday that the ferries would stop at once.\n"
    (hit,) = check.file_hits("a.py", text, grams, 8)
    assert (hit.line, len(hit.run)) == (2, 11)
    assert not check.is_allowed(hit)
    name = check.Hit("b.md", 1, tuple(check.words("the United Nations Framework Convention on Climate Change's")))
    assert check.is_allowed(name)
