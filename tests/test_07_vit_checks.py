"""In-process tests of the ``07_vit_yama_gommesi`` checks, in both directions.

The reference solution objects come from the built solutions notebook; alternative correct
implementations must pass too, and each typical mistake must fail with its own message key.
"""

from __future__ import annotations

import inspect

import nbformat
import pytest
import torch
import torch.nn.functional as F
from helpers import both, expect_failure, notebook, query_leaves, recording_oracle, sends_any_image
from torch import nn

from autograder.assignments import vit_yama_gommesi as v
from autograder.errors import CheckFailure
from autograder.oracle import LocalOracle, Oracle

NAME = "07_vit_yama_gommesi"


@pytest.fixture(scope="module")
def sol() -> dict:
    """The notebook's imports and every solution cell except the training one, executed here."""
    nb = nbformat.read(notebook("solutions", NAME), as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    namespace: dict = {}
    exec(code[0].source, namespace)
    for cell in code:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id != "small_vit":
            exec(cell.source, namespace)
    return namespace


# --- the reference itself ------------------------------------------------------------------------------------

def test_reference_vit_base_count_is_the_course_figure():
    # the checks compute this number; here it is compared once with the figure the course prints
    assert v.reference_vit_parameters(**{**v.VIT_DEFAULTS, "num_classes": 3}) == 85_800_963


def test_reference_encoder_equals_the_reference_blocks():
    """Our RefMSA + RefMLP with residuals is nn.TransformerEncoderLayer(norm_first=True, gelu)."""
    torch.manual_seed(0)
    layer = v.reference_encoder(16, 4, 32).eval()
    msa, mlp = v.RefMSA(16, 4), v.RefMLP(16, 32, 0.0)
    msa.attn.load_state_dict(layer.self_attn.state_dict())
    mlp.fc1.load_state_dict(layer.linear1.state_dict())
    mlp.fc2.load_state_dict(layer.linear2.state_dict())
    x = torch.randn(2, 5, 16)
    with torch.no_grad():
        z = x + msa(x)
        assert torch.allclose(layer(x), z + mlp(z), atol=1e-5)


# --- 1. patch arithmetic ---------------------------------------------------------------------------------------

def test_patch_arithmetic_solution(sol):
    names = ("patch_counts", "number_of_patches", "patch_sequence_shape", "embedding_output_shape")
    both(v.check_patch_arithmetic, *(sol[n] for n in names))


def test_patch_arithmetic_accepts_lists_and_sizes():
    def counts(h, w, c, p):
        return [h // p * (w // p), c * p * p]

    both(v.check_patch_arithmetic, counts, 196, torch.Size([196, 768]), [197, 768])


@pytest.mark.parametrize("counts, key", [
    (lambda h, w, c, p: (h * w / p**2, p * p * c), "vit_counts_float"),
    (lambda h, w, c, p: (h // p, p * p * c), "vit_counts_one_side"),
    (lambda h, w, c, p: (h * w // p, p * p * c), "vit_counts_not_squared"),
    (lambda h, w, c, p: (h * w // p**2, p * p), "vit_counts_no_channels"),
    (lambda h, w, c, p: (p * p * c, h * w // p**2), "vit_counts_swapped"),
])
def test_patch_arithmetic_wrong_counts(counts, key):
    expect_failure(v.check_patch_arithmetic, counts, 196, (196, 768), (197, 768), key=key)


def test_patch_arithmetic_non_square_caught_only_by_hidden():
    def square_only(h, w, c, p):          # H·H/P²: right for every visible (square) case
        return h * h // p**2, p * p * c

    v.check_patch_arithmetic(square_only, 196, (196, 768), (197, 768))
    expect_failure(v.check_patch_arithmetic, square_only, 196, (196, 768), (197, 768), hidden=True,
                   key="vit_counts_wrong")


def test_patch_arithmetic_wrong_shapes(sol):
    counts = sol["patch_counts"]
    expect_failure(v.check_patch_arithmetic, counts, 196, (196, 768), (196, 768), key="vit_shape_no_cls")
    expect_failure(v.check_patch_arithmetic, counts, 196, (768, 196), (197, 768), key="vit_shape_swapped")
    expect_failure(v.check_patch_arithmetic, counts, 196.0, (196, 768), (197, 768), key="vit_counts_float")
    expect_failure(v.check_patch_arithmetic, counts, 196, "196x768", (197, 768), key="vit_not_shape")
    msg = expect_failure(v.check_patch_arithmetic, counts, 14, (196, 768), (197, 768), key="vit_value_wrong")
    assert "number_of_patches" in msg


# --- 2. image -> patches -----------------------------------------------------------------------------------------

def test_image_patches_solution_and_unfold(sol):
    both(v.check_image_patches, sol["image_to_patches"])

    def with_unfold(image, patch_size):
        c = image.shape[0]
        cols = F.unfold(image.unsqueeze(0), kernel_size=patch_size, stride=patch_size)[0]   # [C·P·P, N]
        return cols.T.reshape(-1, c, patch_size, patch_size)

    both(v.check_image_patches, with_unfold)


def _reshape_only(image, p):
    return image.reshape(-1, image.shape[0], p, p)


def _column_major(image, p):
    c, h, w = image.shape
    return image.reshape(c, h // p, p, w // p, p).permute(3, 1, 0, 2, 4).reshape(-1, c, p, p)


def _channels_last(image, p):
    c, h, w = image.shape
    return image.reshape(c, h // p, p, w // p, p).permute(1, 3, 2, 4, 0).reshape(-1, p, p, c)


@pytest.mark.parametrize("fn, key", [(_reshape_only, "vit_patches_reshape"),
                                     (_column_major, "vit_patches_column_major"),
                                     (_channels_last, "vit_patches_channels_last")])
def test_image_patches_mistakes(fn, key):
    expect_failure(v.check_image_patches, fn, key=key)


# --- 3. patch embedding ------------------------------------------------------------------------------------------

def _divisible(x, p):
    h, w = x.shape[-2:]
    if h % p or w % p:
        raise ValueError(f"image {h}x{w} is not divisible by patch size {p}")


class UnfoldLinearEmbedding(nn.Module):
    """Cut patches with unfold, then one shared nn.Linear: an equivalent implementation."""

    def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
        super().__init__()
        self.p = patch_size
        self.unfold = nn.Unfold(kernel_size=patch_size, stride=patch_size)
        self.linear = nn.Linear(in_channels * patch_size**2, embedding_dim)

    def forward(self, x):
        _divisible(x, self.p)
        return self.linear(self.unfold(x).transpose(1, 2))


class ReshapePermuteEmbedding(nn.Module):
    """einops-style: b c (h p1) (w p2) -> b (h w) (p1 p2 c), then nn.Linear."""

    def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
        super().__init__()
        self.p = patch_size
        self.proj = nn.Linear(patch_size * patch_size * in_channels, embedding_dim)

    def forward(self, x):
        _divisible(x, self.p)
        b, c, h, w = x.shape
        p = self.p
        x = x.reshape(b, c, h // p, p, w // p, p).permute(0, 2, 4, 3, 5, 1).reshape(b, -1, p * p * c)
        return self.proj(x)


class ConvEmbedding(nn.Module):
    """The course's conv + flatten + permute, with knobs that produce the typical mistakes."""

    def __init__(self, in_channels=3, patch_size=16, embedding_dim=768, *, mode="ok", check="both", relu=False,
                 bias=True):
        super().__init__()
        self.p, self.mode, self.check, self.relu = patch_size, mode, check, relu
        self.conv = nn.Conv2d(in_channels, embedding_dim, patch_size, stride=patch_size, bias=bias)

    def forward(self, x):
        h, w = x.shape[-2:]
        if self.check == "both":
            _divisible(x, self.p)
        elif self.check == "height" and h % self.p:
            raise ValueError(f"height {h} is not divisible by {self.p}")
        elif self.check == "silent_assert" and (h % self.p or w % self.p):
            raise AssertionError()   # a bare `assert` (pytest would rewrite one here and add a message)
        y = self.conv(x)
        if self.relu:
            y = torch.relu(y)
        b, d = y.shape[:2]
        if self.mode == "view":
            return y.flatten(2).view(b, -1, d)
        if self.mode == "column":
            return y.transpose(2, 3).flatten(2).permute(0, 2, 1)
        if self.mode == "no_permute":
            return y.flatten(2)
        if self.mode == "no_flatten":
            return y
        if self.mode == "detach":
            return y.flatten(2).permute(0, 2, 1).detach()
        if self.mode == "channels_last":      # also correct: [B, h, w, D] flattened row by row
            return y.permute(0, 2, 3, 1).reshape(b, -1, d)
        return y.flatten(2).permute(0, 2, 1)


def _variant(**knobs):
    class Variant(ConvEmbedding):
        def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
            super().__init__(in_channels, patch_size, embedding_dim, **knobs)

    return Variant


def test_patch_embedding_solution(sol):
    both(v.check_patch_embedding, sol["PatchEmbedding"])
    both(v.check_patch_embedding_error, sol["PatchEmbedding"])


@pytest.mark.parametrize("cls", [UnfoldLinearEmbedding, ReshapePermuteEmbedding, _variant(mode="channels_last")])
def test_patch_embedding_alternatives_pass(cls):
    both(v.check_patch_embedding, cls)
    both(v.check_patch_embedding_error, cls)


@pytest.mark.parametrize("knobs, key", [
    ({"mode": "view"}, "vit_pe_view"),
    ({"mode": "column"}, "vit_pe_column_major"),
    ({"mode": "no_permute"}, "vit_pe_not_permuted"),
    ({"mode": "no_flatten"}, "vit_pe_not_flat"),
    ({"mode": "detach"}, "vit_no_grad"),
    ({"relu": True}, "vit_pe_not_linear"),
    ({"bias": False}, "vit_pe_parameters"),
])
def test_patch_embedding_mistakes(knobs, key):
    expect_failure(v.check_patch_embedding, _variant(**knobs), key=key)


@pytest.mark.parametrize("knobs, key", [
    ({"check": "none"}, "vit_pe_no_error"),
    ({"check": "height"}, "vit_pe_no_error"),
    ({"check": "silent_assert"}, "vit_pe_error_unclear"),
])
def test_patch_embedding_error_mistakes_cost_only_their_own_test(knobs, key):
    """A right embedding without the divisibility error (or with an unclear one) keeps the embedding's points."""
    both(v.check_patch_embedding, _variant(**knobs))
    msg = expect_failure(v.check_patch_embedding_error, _variant(**knobs), key=key)
    if knobs.get("check") == "height":
        assert "224×230" in msg and "230 sayısı 16 ile tam bölünmüyor" in msg


def test_patch_embedding_error_of_a_wrong_embedding_still_counts():
    """The error test does not depend on the embedding: a scrambled one with a clear error passes it."""
    both(v.check_patch_embedding_error, _variant(mode="view"))


def test_patch_embedding_error_failures_name_the_solution_cell():
    """Graded apart, but the cell to fix is the exercise's: a missing class names ``patch_embedding``."""
    class Missing(LocalOracle):
        def _answer(self, probe, query):
            return {"error": {"missing": "PatchEmbedding"}}

    with pytest.raises(CheckFailure) as info:
        v.check_patch_embedding_error.judge(Missing("vit_yama_gommesi", "patch_embedding_error", {}))
    assert info.value.key == "name_missing" and info.value.params["cell"] == "patch_embedding"
    with pytest.raises(CheckFailure) as info:
        v.check_vit_defaults.judge(Missing("vit_yama_gommesi", "vit_defaults", {}))
    assert info.value.params["cell"] == "vit"


def test_patch_embedding_more_mistakes():
    class BigKernel(nn.Module):   # kernel P+2 with padding 1: same shape, but each token sees its neighbours
        def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
            super().__init__()
            self.p = patch_size
            self.conv = nn.Conv2d(in_channels, embedding_dim, patch_size + 2, stride=patch_size, padding=1)

        def forward(self, x):
            _divisible(x, self.p)
            return self.conv(x).flatten(2).permute(0, 2, 1)

    expect_failure(v.check_patch_embedding, BigKernel, key="vit_pe_not_local")

    class SmallKernel(BigKernel):   # kernel P/2, stride P: half of every patch is never looked at
        def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
            super().__init__(in_channels, patch_size, embedding_dim)
            self.conv = nn.Conv2d(in_channels, embedding_dim, max(1, patch_size // 2), stride=patch_size)

    expect_failure(v.check_patch_embedding, SmallKernel, key="vit_pe_pixel_unused")

    class HardCodedChannels(ConvEmbedding):
        def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
            super().__init__(3, patch_size, embedding_dim)

    expect_failure(v.check_patch_embedding, HardCodedChannels, key="student_error", hint="vit_hint_arguments")

    class LayerInForward(nn.Module):
        def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
            super().__init__()
            self.args = (in_channels, embedding_dim, patch_size)

        def forward(self, x):
            c, d, p = self.args
            return nn.Conv2d(c, d, p, stride=p).to(x.device)(x).flatten(2).permute(0, 2, 1)

    expect_failure(v.check_patch_embedding, LayerInForward, key="vit_not_deterministic")

    class WrongDefaults(ConvEmbedding):
        def __init__(self, in_channels=3, patch_size=8, embedding_dim=768):
            super().__init__(in_channels, patch_size, embedding_dim)

    expect_failure(v.check_patch_embedding, WrongDefaults, key="vit_defaults")


# --- 4. class token and position embedding -----------------------------------------------------------------------

class Embeddings(nn.Module):
    def __init__(self, num_patches=196, embedding_dim=768, *, mode="ok"):
        super().__init__()
        self.mode = mode
        self.cls = nn.Parameter(torch.zeros(1, 1, embedding_dim))
        rows = num_patches if mode == "pos_rows" else num_patches + 1
        if mode == "pos_buffer":
            self.register_buffer("pos", torch.randn(1, rows, embedding_dim))
        else:
            self.pos = nn.Parameter(torch.zeros(1, rows, embedding_dim))

    def forward(self, x):
        b = x.shape[0]
        cls = self.cls.expand(b, -1, -1)
        if self.mode == "random_cls":
            cls = torch.randn(b, 1, x.shape[-1], device=x.device)
        if self.mode == "pos_rows":
            return torch.cat([cls, x + self.pos], dim=1)
        if self.mode == "at_end":
            return torch.cat([x, cls], dim=1) + self.pos
        if self.mode == "concat":
            return torch.cat([torch.cat([cls, x], dim=1), self.pos.expand(b, -1, -1)], dim=-1)
        if self.mode == "no_pos":
            return torch.cat([cls, x], dim=1)
        if self.mode == "fixed_batch":
            return torch.cat([self.cls.expand(2, -1, -1), x], dim=1) + self.pos
        return torch.cat((cls, x), 1) + self.pos


def _embeddings(mode):
    class Variant(Embeddings):
        def __init__(self, num_patches=196, embedding_dim=768):
            super().__init__(num_patches, embedding_dim, mode=mode)

    return Variant


def test_class_token_solution_and_alternative(sol):
    both(v.check_class_token, sol["ClassAndPositionEmbedding"])
    both(v.check_class_token, Embeddings)   # zero-initialised, torch.cat((cls, x), 1): also right


@pytest.mark.parametrize("mode, key", [
    ("at_end", "vit_ct_at_end"),
    ("concat", "vit_ct_pos_concat"),
    ("no_pos", "vit_ct_no_pos"),
    ("pos_buffer", "vit_ct_pos_not_param"),
    ("pos_rows", "vit_ct_pos_rows"),
    ("random_cls", "vit_not_deterministic"),
])
def test_class_token_mistakes(mode, key):
    expect_failure(v.check_class_token, _embeddings(mode), key=key)


def test_class_token_fixed_batch_size():
    expect_failure(v.check_class_token, _embeddings("fixed_batch"), key="student_error", hint="vit_hint_expand")


def test_class_token_not_learnable():
    class PlainTensors(nn.Module):
        def __init__(self, num_patches=196, embedding_dim=768):
            super().__init__()
            self.cls = torch.randn(1, 1, embedding_dim)
            self.pos = nn.Parameter(torch.randn(1, num_patches + 1, embedding_dim))

        def forward(self, x):
            return torch.cat([self.cls.to(x.device).expand(x.shape[0], -1, -1), x], dim=1) + self.pos

    expect_failure(v.check_class_token, PlainTensors, key="vit_ct_cls_not_param")


# --- 5. encoder parts ---------------------------------------------------------------------------------------------

class MSA(nn.Module):
    def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0, *, mode="ok"):
        super().__init__()
        self.mode = mode
        self.norm = nn.Identity() if mode == "no_norm" else nn.LayerNorm(embedding_dim)
        self.attn = nn.MultiheadAttention(embedding_dim, num_heads, dropout=attn_dropout,
                                          batch_first=mode not in ("seq_first", "transposed"))

    def forward(self, x):
        if self.mode == "norm_after":
            return self.norm(self.attn(x, x, x)[0])
        h = self.norm(x)
        if self.mode == "tuple":
            return self.attn(h, h, h)
        if self.mode == "transposed":   # batch_first=False done right: also correct
            t = h.transpose(0, 1)
            return self.attn(t, t, t, need_weights=False)[0].transpose(0, 1)
        if self.mode == "raw_kv":
            return self.attn(h, x, x, need_weights=False)[0]
        out = self.attn(h, h, h, need_weights=False)[0]
        return out + x if self.mode == "residual" else out


def _msa(mode):
    class Variant(MSA):
        def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0):
            super().__init__(embedding_dim, num_heads, attn_dropout, mode=mode)

    return Variant


class HandWrittenMSA(nn.Module):
    """Multi-head self-attention written out by hand (no nn.MultiheadAttention): the grader cannot copy
    weights into it, so only the behavioural checks apply, and a correct one must pass them."""

    def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0):
        super().__init__()
        self.heads, self.p = num_heads, attn_dropout
        self.norm = nn.LayerNorm(embedding_dim)
        self.q, self.k, self.v, self.out = (nn.Linear(embedding_dim, embedding_dim) for _ in range(4))

    def forward(self, x):
        b, n, d = x.shape
        h = self.norm(x)
        q, k, v = (f(h).reshape(b, n, self.heads, -1).transpose(1, 2) for f in (self.q, self.k, self.v))
        attn = F.dropout((q @ k.transpose(-2, -1) / (d // self.heads) ** 0.5).softmax(-1), self.p, self.training)
        return self.out((attn @ v).transpose(1, 2).reshape(b, n, d))


class HandWrittenBlock(nn.Module):
    def __init__(self, embedding_dim=768, num_heads=12, mlp_size=3072, mlp_dropout=0.1, attn_dropout=0):
        super().__init__()
        self.msa = HandWrittenMSA(embedding_dim, num_heads, attn_dropout)
        self.mlp = MLP(embedding_dim, mlp_size, mlp_dropout)

    def forward(self, x):
        x = x + self.msa(x)
        return x + self.mlp(x)


def test_msa_block_solution_and_alternatives(sol):
    both(v.check_msa_block, sol["MultiheadSelfAttentionBlock"])
    both(v.check_msa_block, _msa("transposed"))
    both(v.check_msa_block, HandWrittenMSA)
    both(v.check_encoder_block, HandWrittenBlock)


def test_hand_written_attention_mistakes_still_caught():
    class NoNorm(HandWrittenMSA):
        def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0):
            super().__init__(embedding_dim, num_heads, attn_dropout)
            self.norm = nn.Identity()

    expect_failure(v.check_msa_block, NoNorm, key="vit_parameters", hint="vit_why_block")

    class NoResidual(HandWrittenBlock):
        def forward(self, x):
            return self.mlp(self.msa(x))

    expect_failure(v.check_encoder_block, NoResidual, key="vit_enc_no_residual")

    class AcrossBatch(HandWrittenMSA):
        def forward(self, x):
            return super().forward(x.transpose(0, 1)).transpose(0, 1)

    expect_failure(v.check_msa_block, AcrossBatch, key="vit_msa_batch_first")


@pytest.mark.parametrize("mode, key", [
    ("tuple", "vit_tuple_output"),
    ("seq_first", "vit_msa_batch_first"),
    ("no_norm", "vit_msa_no_norm"),
    ("norm_after", "vit_msa_norm_after"),
    ("residual", "vit_msa_residual"),
    ("raw_kv", "vit_msa_mismatch"),
])
def test_msa_block_mistakes(mode, key):
    expect_failure(v.check_msa_block, _msa(mode), key=key)


def test_msa_block_arguments_ignored():
    class FixedHeads(MSA):
        def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0):
            super().__init__(embedding_dim, 2, attn_dropout)

    expect_failure(v.check_msa_block, FixedHeads, key="vit_heads_ignored")

    class NoDropout(MSA):
        def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0):
            super().__init__(embedding_dim, num_heads, 0.0)

    expect_failure(v.check_msa_block, NoDropout, key="vit_dropout_ignored")


class MLP(nn.Module):
    def __init__(self, embedding_dim=768, mlp_size=3072, dropout=0.1, *, mode="ok"):
        super().__init__()
        self.mode, self.p = mode, dropout
        self.norm = nn.Identity() if mode == "no_norm" else nn.LayerNorm(embedding_dim)
        self.up, self.down = nn.Linear(embedding_dim, mlp_size), nn.Linear(mlp_size, embedding_dim)

    def forward(self, x):
        act = {"relu": F.relu, "tanh": torch.tanh, "gelu_tanh": lambda t: F.gelu(t, approximate="tanh")}.get(
            self.mode, F.gelu)
        training = True if self.mode == "always_dropout" else self.training
        h = x if self.mode == "norm_after" else self.norm(x)
        h = F.dropout(self.down(F.dropout(act(self.up(h)), self.p, training)), self.p, training)
        if self.mode == "norm_after":
            return self.norm(h)
        return h + x if self.mode == "residual" else h


def _mlp(mode):
    class Variant(MLP):
        def __init__(self, embedding_dim=768, mlp_size=3072, dropout=0.1):
            super().__init__(embedding_dim, mlp_size, dropout, mode=mode)

    return Variant


def test_mlp_block_solution_and_alternatives(sol):
    both(v.check_mlp_block, sol["MLPBlock"])
    both(v.check_mlp_block, MLP)                  # functional GELU and dropout, other attribute names
    both(v.check_mlp_block, _mlp("gelu_tanh"))    # GELU's tanh approximation is still GELU


@pytest.mark.parametrize("mode, key", [
    ("relu", "vit_mlp_relu"),
    ("tanh", "vit_mlp_no_activation"),
    ("no_norm", "vit_mlp_no_norm"),
    ("norm_after", "vit_mlp_norm_after"),
    ("residual", "vit_mlp_residual"),
    ("always_dropout", "vit_dropout_in_eval"),
])
def test_mlp_block_mistakes(mode, key):
    expect_failure(v.check_mlp_block, _mlp(mode), key=key)


def test_mlp_block_mixing_tokens_and_fixed_dropout():
    class Mixing(MLP):
        def forward(self, x):
            return super().forward(x) + x.mean(dim=1, keepdim=True)

    expect_failure(v.check_mlp_block, Mixing, key="vit_mlp_mixes")

    class FixedDropout(MLP):
        def __init__(self, embedding_dim=768, mlp_size=3072, dropout=0.1):
            super().__init__(embedding_dim, mlp_size, 0.1)

    expect_failure(v.check_mlp_block, FixedDropout, key="vit_dropout_when_zero")


class TorchLayerBlock(nn.Module):
    """An encoder block built from nn.TransformerEncoderLayer; ``**overrides`` make the classic slips."""

    def __init__(self, embedding_dim=768, num_heads=12, mlp_size=3072, mlp_dropout=0.1, attn_dropout=0,
                 **overrides):
        super().__init__()
        options = {"activation": "gelu", "norm_first": True, **overrides}
        self.layer = nn.TransformerEncoderLayer(embedding_dim, num_heads, mlp_size, dropout=mlp_dropout,
                                                batch_first=True, **options)
        self.layer.self_attn.dropout = attn_dropout

    def forward(self, x):
        return self.layer(x)


class Block(nn.Module):
    """MSA + MLP sub-blocks with the residual wiring given by ``mode``."""

    def __init__(self, embedding_dim=768, num_heads=12, mlp_size=3072, mlp_dropout=0.1, attn_dropout=0, *,
                 mode="ok"):
        super().__init__()
        self.mode = mode
        self.msa = MSA(embedding_dim, num_heads, attn_dropout, mode="residual" if mode == "double" else "ok")
        self.mlp = MLP(embedding_dim, mlp_size, mlp_dropout)
        self.norm = self.msa.norm

    def forward(self, x):
        if self.mode == "no_residual":
            return self.mlp(self.msa(x))
        if self.mode == "normed_residual":
            h = self.norm(x)
            z = self.msa(x) + h
            return self.mlp(z) + z
        if self.mode == "parallel":
            return x + self.msa(x) + self.mlp(x)
        z = self.msa(x) + x
        return self.mlp(z) + z


def _block(mode):
    class Variant(Block):
        def __init__(self, embedding_dim=768, num_heads=12, mlp_size=3072, mlp_dropout=0.1, attn_dropout=0):
            super().__init__(embedding_dim, num_heads, mlp_size, mlp_dropout, attn_dropout, mode=mode)

    return Variant


def _torch_block(**overrides):
    class Variant(TorchLayerBlock):
        def __init__(self, embedding_dim=768, num_heads=12, mlp_size=3072, mlp_dropout=0.1, attn_dropout=0):
            super().__init__(embedding_dim, num_heads, mlp_size, mlp_dropout, attn_dropout, **overrides)

    return Variant


def test_encoder_block_solution_and_alternatives(sol):
    both(v.check_encoder_block, sol["TransformerEncoderBlock"])
    both(v.check_encoder_block, TorchLayerBlock)
    both(v.check_encoder_block, Block)


@pytest.mark.parametrize("cls, key", [
    (_torch_block(norm_first=False), "vit_enc_post_norm"),
    (_torch_block(activation="relu"), "vit_enc_relu"),
    (_block("no_residual"), "vit_enc_no_residual"),
    (_block("normed_residual"), "vit_enc_no_residual"),
    (_block("double"), "vit_enc_double_residual"),
    (_block("parallel"), "vit_enc_parallel"),
])
def test_encoder_block_mistakes(cls, key):
    expect_failure(v.check_encoder_block, cls, key=key)


def test_encoder_block_shared_norm_changes_parameter_count():
    class SharedNorm(Block):
        def __init__(self, embedding_dim=768, num_heads=12, mlp_size=3072, mlp_dropout=0.1, attn_dropout=0):
            super().__init__(embedding_dim, num_heads, mlp_size, mlp_dropout, attn_dropout)
            self.mlp.norm = self.msa.norm

    expect_failure(v.check_encoder_block, SharedNorm, key="vit_parameters", hint="vit_why_block")


# --- 6. ViT --------------------------------------------------------------------------------------------------------

def _vit_variant(sol, *, pool="cls", head_norm=True, fixed_patches=None, drop=None, detach=False):
    """The solution's ViT with one change."""
    PatchEmbedding, Embeddings_ = sol["PatchEmbedding"], sol["ClassAndPositionEmbedding"]
    Block_ = sol["TransformerEncoderBlock"]

    class Variant(nn.Module):
        def __init__(self, img_size=224, in_channels=3, patch_size=16, num_transformer_layers=12,
                     embedding_dim=768, mlp_size=3072, num_heads=12, attn_dropout=0, mlp_dropout=0.1,
                     embedding_dropout=0.1, num_classes=1000):
            super().__init__()
            n = fixed_patches or (img_size // patch_size) ** 2
            self.patch = PatchEmbedding(in_channels, patch_size, embedding_dim)
            self.embed = Embeddings_(n, embedding_dim)
            self.drop = nn.Dropout(embedding_dropout if drop is None else drop)
            self.blocks = nn.Sequential(*[Block_(embedding_dim, num_heads, mlp_size, mlp_dropout, attn_dropout)
                                          for _ in range(num_transformer_layers)])
            self.head = nn.Sequential(nn.LayerNorm(embedding_dim) if head_norm else nn.Identity(),
                                      nn.Linear(embedding_dim, num_classes))

        def forward(self, x):
            x = self.blocks(self.drop(self.embed(self.patch(x))))
            x = x.detach() if detach else x
            return self.head(x.mean(dim=1) if pool == "mean" else x[:, -1] if pool == "last" else x[:, 0])

    return Variant


def test_vit_solution(sol):
    both(v.check_vit, sol["ViT"])


def test_vit_alternative_with_torch_encoder():
    class TorchViT(nn.Module):
        def __init__(self, img_size=224, in_channels=3, patch_size=16, num_transformer_layers=12,
                     embedding_dim=768, mlp_size=3072, num_heads=12, attn_dropout=0, mlp_dropout=0.1,
                     embedding_dropout=0.1, num_classes=1000):
            super().__init__()
            self.patch = UnfoldLinearEmbedding(in_channels, patch_size, embedding_dim)
            self.cls = nn.Parameter(torch.zeros(1, 1, embedding_dim))
            self.pos = nn.Parameter(torch.zeros(1, (img_size // patch_size) ** 2 + 1, embedding_dim))
            self.drop = nn.Dropout(embedding_dropout)
            layer = nn.TransformerEncoderLayer(embedding_dim, num_heads, mlp_size, mlp_dropout, activation="gelu",
                                               batch_first=True, norm_first=True)
            layer.self_attn.dropout = attn_dropout
            self.encoder = nn.TransformerEncoder(layer, num_transformer_layers, enable_nested_tensor=False)
            self.norm = nn.LayerNorm(embedding_dim)
            self.fc = nn.Linear(embedding_dim, num_classes)

        def forward(self, x):
            x = self.patch(x)
            x = torch.cat([self.cls.expand(len(x), -1, -1), x], 1) + self.pos
            return self.fc(self.norm(self.encoder(self.drop(x))[:, 0]))

    both(v.check_vit, TorchViT)


@pytest.mark.parametrize("change, key, hint", [
    ({"pool": "mean"}, "vit_not_class_token", None),
    ({"pool": "last"}, "vit_not_class_token", None),
    ({"head_norm": False}, "vit_parameters", "vit_why_head_norm"),
    ({"fixed_patches": 196}, "student_error", "vit_hint_img_size"),
    ({"drop": 0.1}, "vit_dropout_when_zero", None),
])
def test_vit_mistakes(sol, change, key, hint):
    expect_failure(v.check_vit, _vit_variant(sol, **change), key=key, hint=hint)


@pytest.mark.parametrize("hidden", [False, True])
def test_vit_that_cannot_learn_is_named_as_the_model(sol, hidden):
    """The grader runs its own training loop: a model whose encoder gets no gradient (``detach`` before the
    head) fails with a message about the model, not about a loop the student did not write."""
    msg = expect_failure(v.check_vit, _vit_variant(sol, detach=True), hidden=hidden, key="vit_not_training")
    assert "detach" in msg and "zero_grad" not in msg


def test_vit_dropout_argument_ignored_caught_by_hidden(sol):
    expect_failure(v.check_vit, _vit_variant(sol, drop=0.0), hidden=True, key="vit_dropout_ignored")


def test_vit_defaults_and_signature(sol):
    Base = _vit_variant(sol)

    class ThreeClassesByDefault(Base):
        def __init__(self, img_size=224, in_channels=3, patch_size=16, num_transformer_layers=12,
                     embedding_dim=768, mlp_size=3072, num_heads=12, attn_dropout=0, mlp_dropout=0.1,
                     embedding_dropout=0.1, num_classes=3):
            super().__init__(img_size, in_channels, patch_size, num_transformer_layers, embedding_dim, mlp_size,
                             num_heads, attn_dropout, mlp_dropout, embedding_dropout, num_classes)

    both(v.check_vit, ThreeClassesByDefault)   # a wrong default costs only test_vit_defaults
    msg = expect_failure(v.check_vit_defaults, ThreeClassesByDefault, key="vit_defaults")
    assert "num_classes=3" in msg and "sözleşme" not in msg
    both(v.check_vit_defaults, sol["ViT"])

    class NoDropoutArgs(nn.Module):
        def __init__(self, img_size=224, in_channels=3, patch_size=16, num_transformer_layers=12,
                     embedding_dim=768, mlp_size=3072, num_heads=12, num_classes=1000):
            super().__init__()

    msg = expect_failure(v.check_vit, NoDropoutArgs, key="vit_signature")
    assert "attn_dropout" in msg
    expect_failure(v.check_vit_defaults, NoDropoutArgs, key="vit_signature")


# --- 7. small ViT ---------------------------------------------------------------------------------------------------

SMALL = {"img_size": 28, "in_channels": 1, "patch_size": 7, "num_transformer_layers": 2, "embedding_dim": 32,
         "mlp_size": 64, "num_heads": 4, "num_classes": 10}


@pytest.fixture(scope="module")
def trained_small_vit(sol):
    """A small ViT trained here on the digits' training split (a few seconds)."""
    from autograder.data import DigitsDataset

    torch.manual_seed(0)
    model = sol["ViT"](**SMALL, embedding_dropout=0.0, mlp_dropout=0.0)
    data = DigitsDataset(train=True)
    X, y = data.data, data.targets
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)   # a tiny model: one thread is faster, above all on a shared machine
    try:
        for _ in range(8):
            for idx in torch.randperm(len(X)).split(64):
                loss = F.cross_entropy(model(X[idx]), y[idx])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
    finally:
        torch.set_num_threads(threads)
    return model


def test_small_vit_trained_passes(sol, trained_small_vit):
    both(v.check_small_vit, trained_small_vit, sol["ViT"])


def test_small_vit_mistakes(sol):
    ViT = sol["ViT"]
    torch.manual_seed(0)
    expect_failure(v.check_small_vit, ViT(**SMALL), ViT, key="accuracy_too_low_fraction")
    expect_failure(v.check_small_vit, nn.Sequential(nn.Flatten(), nn.Linear(784, 10)), ViT,
                   key="vit_small_not_vit")
    expect_failure(v.check_small_vit, ViT(**{**SMALL, "embedding_dim": 256, "mlp_size": 512, "num_heads": 8}),
                   ViT, key="vit_small_too_big")
    expect_failure(v.check_small_vit, ViT(**{**SMALL, "img_size": 32, "patch_size": 8}), ViT,
                   key="vit_small_input")
    expect_failure(v.check_small_vit, ViT(**{**SMALL, "num_classes": 3}), ViT, key="vit_small_input")


# --- messages ---------------------------------------------------------------------------------------------------------

def test_every_message_is_used_and_renders_in_both_languages():
    import string

    from autograder.assignments.vit_yama_gommesi import checks, probes
    from autograder.messages import MESSAGES

    code = inspect.getsource(checks) + inspect.getsource(probes)   # where the message keys are used
    keys = [k for k in MESSAGES if k.startswith("vit_")]
    assert len(keys) > 60
    for key in keys:
        assert f'"{key}"' in code, f"{key} is never used"
        fields = {f for lang in ("tr", "en") for _, f, _, _ in string.Formatter().parse(MESSAGES[key][lang]) if f}
        for lang in ("tr", "en"):
            assert MESSAGES[key][lang].format(**dict.fromkeys(fields, 1))


# --- the instructor's secret: other hidden inputs, the same verdicts --------------------------------------------------

def test_hidden_checks_pass_with_another_secret(sol, trained_small_vit):
    from autograder import secret

    secret.use(b"another instructor's secret")
    try:
        assert v.SEEDS[True] != v.SEEDS.hidden
        names = ("patch_counts", "number_of_patches", "patch_sequence_shape", "embedding_output_shape")
        v.check_patch_arithmetic(*(sol[n] for n in names), hidden=True)
        v.check_image_patches(sol["image_to_patches"], hidden=True)
        v.check_patch_embedding(sol["PatchEmbedding"], hidden=True)
        v.check_patch_embedding_error(sol["PatchEmbedding"], hidden=True)
        v.check_class_token(sol["ClassAndPositionEmbedding"], hidden=True)
        v.check_msa_block(sol["MultiheadSelfAttentionBlock"], hidden=True)
        v.check_mlp_block(sol["MLPBlock"], hidden=True)
        v.check_encoder_block(sol["TransformerEncoderBlock"], hidden=True)
        v.check_vit(sol["ViT"], hidden=True)
        v.check_vit_defaults(sol["ViT"], hidden=True)
        v.check_small_vit(trained_small_vit, sol["ViT"], hidden=True)
        expect_failure(v.check_vit, _vit_variant(sol, drop=0.0), hidden=True, key="vit_dropout_ignored")
    finally:
        secret.use(None)


# --- forged answers: what the kernel returns is never taken at its word ---------------------------------------------

class Forged(Oracle):
    """A kernel that answers like the honest one, except for the probes in ``answers``: probe -> a plain
    answer, or ``forge(inputs, honest)`` where ``honest()`` gives the honest answer."""

    package = "vit_yama_gommesi"

    def __init__(self, cell: str, values: list, answers: dict):
        spec = v.ASSIGNMENT.test(f"test_{cell}")
        self.cell, self.names = cell, spec.names
        self.honest = LocalOracle(self.package, cell, dict(zip(spec.names, values)))
        self.answers = answers

    def _answer(self, probe, query):
        if probe not in self.answers:
            return self.honest._answer(probe, query)
        forge = self.answers[probe]
        if not callable(forge):
            return {"ok": forge}
        return {"ok": forge(query["inputs"], lambda: self.honest._answer(probe, query)["ok"])}


def judged(oracle, check, hidden=True) -> str:
    with pytest.raises(CheckFailure) as info:
        check.judge(oracle, hidden=hidden)
    return info.value.key


class Sneaky(torch.Tensor):
    """A tensor subclass that would say it equals anything."""

    def __eq__(self, other):
        return True


def _ok(value) -> dict:
    return {"ok": value}


def _small_vit_answer(logits) -> dict:
    """A kernel's claim: a small ViT, of layers the host cannot rebuild, that returns ``logits`` for the
    digits it is sent."""
    return {"kind": _ok({"is_vit": True, "type": "ViT"}), "shapes": _ok({"w": [10, 784], "b": [10]}),
            "prepared": _ok(None), "first": _ok({"out": logits[:4].clone()}),
            "structure": _ok({"layout": [], "convs": [], "free": {}}), "check": _ok(torch.zeros(8, 10)),
            "logits": _ok(logits)}


def test_forged_small_vit_answers_need_the_labels(sol, trained_small_vit):
    """The labels of the held-out digits never leave the host: a kernel that claims perfect logits it
    precomputed for the package's default hidden digits is right only while there is no secret."""
    from autograder import secret

    values = [trained_small_vit, sol["ViT"]]
    _, default_labels = v.heldout_digits(True, v.SEEDS.hidden)
    precomputed = F.one_hot(default_labels, 10).float() * 10
    forged = Forged("small_vit", values, {"small_vit": _small_vit_answer(precomputed)})
    v.check_small_vit.judge(forged, hidden=True)   # the forger's guess is right without a secret...
    secret.use(b"the instructor's secret")
    try:
        assert judged(forged, v.check_small_vit) == "accuracy_too_low_fraction"   # ...and wrong with one
    finally:
        secret.use(None)
    _, visible_labels = v.heldout_digits(False, v.SEEDS.visible)   # the other half's labels
    copied = F.one_hot(visible_labels[:len(default_labels)], 10).float()
    assert judged(Forged("small_vit", values, {"small_vit": _small_vit_answer(copied)}),
                  v.check_small_vit) == "accuracy_too_low_fraction"


def test_forged_training_losses_are_measured_again(sol):
    """A kernel that reports falling losses while the logits it returns did not improve fails: the host
    computes the loss before and after training itself, with its own labels."""
    def flat(inputs, honest):
        answer = honest()
        logits = answer["trains"]["ok"]["before"]
        answer["trains"]["ok"].update(losses=[2.3, 1.0, 0.1], after=logits.clone())
        return answer

    assert judged(Forged("vit", [sol["ViT"]], {"vit_trains": flat}), v.check_vit, hidden=False) == \
        "vit_not_training"


def test_forged_reference_comparison_is_made_on_the_host(sol):
    """The kernel reports the attention block's weights and outputs; the host copies the weights into its
    reference and recomputes: an output that does not come from those weights is a mismatch."""
    def perturbed(inputs, honest):
        answer = honest()
        for key in ("x", "again"):
            answer["outputs"]["ok"][key] = answer["outputs"]["ok"][key] * 1.01
        answer["outputs"]["ok"]["mixed"] = answer["outputs"]["ok"]["mixed"] * 1.01
        return answer

    forged = Forged("msa_block", [sol["MultiheadSelfAttentionBlock"]], {"block": perturbed})
    assert judged(forged, v.check_msa_block) == "vit_msa_mismatch"


def _with_stage(stage, replace):
    """The honest answer with one stage replaced (``replace(stage)`` or a value) or, for None, left out."""

    def forge(inputs, honest):
        answer = honest()
        if replace is None:
            del answer[stage]
        else:
            answer[stage] = replace(answer[stage]) if callable(replace) else replace
        return answer

    return forge


@pytest.mark.parametrize("cell, probe, forge", [
    ("small_vit", "small_vit", ["not", "a", "dict"]),
    ("small_vit", "small_vit", {**_small_vit_answer(torch.zeros(90, 10)),
                                "logits": _ok(torch.zeros(90, 10).as_subclass(Sneaky))}),
    ("small_vit", "small_vit", {k: p for k, p in _small_vit_answer(torch.zeros(90, 10)).items() if k != "kind"}),
    ("small_vit", "small_vit", {**_small_vit_answer(torch.zeros(90, 10)), "kind": {"ok": 1, "error": 2}}),
    ("vit", "vit", _with_stage("build", lambda s: _ok("ViT is fine"))),
    ("vit", "vit", _with_stage("muted", None)),
    ("vit", "vit_base", _with_stage("build", lambda s: _ok({"w": ["768"]}))),
    ("msa_block", "block", _with_stage("build", lambda s: _ok({**s["ok"], "layout": [{"kind": "Linear"}]}))),
    ("class_token", "class_token", _with_stage("gradients", lambda s: _ok({"first": "all", "rest": "all"}))),
    ("patch_arithmetic", "patch_arithmetic", {"cases": [(196, 768)], "values": {}}),
    ("patch_embedding_error", "patch_embedding_errors", ["ValueError: 225"]),
], ids=["list", "subclass", "missing-stage", "two-keys", "string", "no-muted", "text-shape", "bad-layout",
        "text-grads", "list-cases", "bare-text"])
def test_forged_answers_of_the_wrong_form_fail(sol, cell, probe, forge):
    names = v.ASSIGNMENT.test(f"test_{cell}").names
    values = [sol["ViT"] if n == "small_vit" else sol[n] for n in names]
    assert judged(Forged(cell, values, {probe: forge}), getattr(v, f"check_{cell}")) == "bad_answer"


# --- the held-out digits and the hidden seed never reach the kernel ------------------------------------------------

def _unmappable(sol, trained):
    """The trained small ViT with one more parameter (a scale of 1): right, but not a ViT the host can
    rebuild, so it is measured from the kernel's logits."""
    class ScaledViT(sol["ViT"]):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.scale = nn.Parameter(torch.ones(()))

        def forward(self, x):
            return super().forward(x) * self.scale

    model = ScaledViT(**SMALL, embedding_dropout=0.0, mlp_dropout=0.0)
    model.load_state_dict({**trained.state_dict(), "scale": torch.ones(())})
    return model.eval(), ScaledViT


def test_small_vit_is_measured_on_the_host(sol, trained_small_vit):
    """The solution's ViT is rebuilt on the host: one query, carrying noise images only."""
    for hidden in (False, True):
        oracle = recording_oracle(v.check_small_vit, [trained_small_vit, sol["ViT"]])
        v.check_small_vit.judge(oracle, hidden=hidden)
        assert len(oracle.queries) == 1 and set(oracle.queries[0]["inputs"]) == {"check"}


def test_small_vit_the_host_cannot_rebuild_is_measured_on_disguised_digits(sol, trained_small_vit):
    model, cls = _unmappable(sol, trained_small_vit)
    for hidden in (False, True):
        oracle = recording_oracle(v.check_small_vit, [model, cls])
        v.check_small_vit.judge(oracle, hidden=hidden)
        assert len(oracle.queries) == 2
        X, _ = v.heldout_digits(hidden, v.SEEDS[hidden])
        assert not sends_any_image(oracle.queries, X)


def _hidden_checks(sol, trained):
    names = ("patch_counts", "number_of_patches", "patch_sequence_shape", "embedding_output_shape")
    model, cls = _unmappable(sol, trained)
    return [(v.check_patch_arithmetic, [sol[n] for n in names]), (v.check_image_patches, [sol["image_to_patches"]]),
            (v.check_patch_embedding, [sol["PatchEmbedding"]]), (v.check_patch_embedding_error, [sol["PatchEmbedding"]]),
            (v.check_class_token, [sol["ClassAndPositionEmbedding"]]),
            (v.check_msa_block, [sol["MultiheadSelfAttentionBlock"]]), (v.check_mlp_block, [sol["MLPBlock"]]),
            (v.check_encoder_block, [sol["TransformerEncoderBlock"]]), (v.check_vit, [sol["ViT"]]),
            (v.check_vit_defaults, [sol["ViT"]]), (v.check_small_vit, [trained, sol["ViT"]]), (v.check_small_vit, [model, cls])]


@pytest.mark.parametrize("key", [None, b"some-secret"])
def test_hidden_queries_carry_neither_the_hidden_seed_nor_the_held_out_digits(sol, trained_small_vit, key):
    """Every query of every hidden check, the solution's answers honest: no number within 1000 of the
    hidden seed (as ``seed=`` or inside the inputs) and none of the held-out digits; and the solution
    passes them all (with the instructor's secret too)."""
    from autograder import secret

    secret.use(key)
    try:
        hidden_seed = v.SEEDS[True]
        X_held, _ = v.heldout_digits(True, hidden_seed)
        for check, values in _hidden_checks(sol, trained_small_vit):
            oracle = recording_oracle(check, values)
            check.judge(oracle, hidden=True)
            assert oracle.queries
            numbers = [leaf for q in oracle.queries for leaf in query_leaves(q) if type(leaf) is int]
            assert not [n for n in numbers if abs(n - hidden_seed) < 1000], check.cell
            assert not sends_any_image(oracle.queries, X_held), check.cell
    finally:
        secret.use(None)


def _lookup_logits(x: torch.Tensor) -> torch.Tensor:
    """A forged kernel's answer: every image found among the package's digits (both splits) gets a one-hot
    logit for its label; anything else all zeros."""
    from autograder.data import digits_tensors

    images, labels = digits_tensors(28)
    distance, index = torch.cdist(x.flatten(1).float(), images.flatten(1)).min(dim=1)
    found = distance < 0.05   # exact up to the rounding of cdist
    return F.one_hot(labels[index], 10).float() * 10 * found.unsqueeze(1)


def test_forged_lookup_logits_do_not_pass(sol):
    """An untrained ViT, honest about its layers and weights, and a kernel that answers every image it can
    find among the digits with a one-hot logit: the host measures its own copy; a ViT it cannot rebuild
    is measured on digits that cannot be found."""
    X, y = v.heldout_digits(True, v.SEEDS[True])
    assert float((_lookup_logits(X).argmax(1) == y).float().mean()) > 0.95   # the lookup would have worked
    torch.manual_seed(0)
    untrained = sol["ViT"](**SMALL, embedding_dropout=0.0, mlp_dropout=0.0)

    def looked_up(inputs, honest):
        answer = honest()
        if inputs.get("X") is not None:
            answer["logits"] = _ok(_lookup_logits(inputs["X"]))
        return answer

    def unmappable(inputs, honest):
        answer = looked_up(inputs, honest)
        if "structure" in answer:
            answer["structure"] = _ok({"layout": [], "convs": [], "free": {}})
        return answer

    for forge in (looked_up, unmappable):
        forged = Forged("small_vit", [untrained, sol["ViT"]], {"small_vit": forge})
        assert judged(forged, v.check_small_vit) == "accuracy_too_low_fraction"
