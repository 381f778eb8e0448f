"""Checks of ``07_vit_yama_gommesi`` (replicating ViT: patch embedding up to a small ViT).

Host side. Every check is behavioural: the kernel's probes build the student's modules and run them
on inputs the grader chose here (visible checks: one set of sizes; hidden checks: others, with random
values drawn from seeds the instructor's secret changes, independent of the hidden seed, which only
draws the held-out digits), and the judgements below
decide from the plain data that comes back. Parameter counts are compared with references built
here (ViT-Base on the ``meta`` device, so it costs no memory), never typed in. Where the weights can
be matched (the ``nn.MultiheadAttention``, ``nn.Linear`` and ``nn.LayerNorm`` layers the kernel
reports, whatever their names or nesting), the host copies them into its own reference and the
outputs must agree; when they disagree, the output is compared with references of the typical
mistakes (post-norm, ReLU, residual in the wrong place, ...) to name the mistake. The held-out digits
the small ViT is measured on never leave the host: the kernel reports the trained ViT's layers and
weights, the host rebuilds it in its reference ViT, confirms on noise images that its copy computes
what the student's model computes, and measures its copy. A ViT the host cannot rebuild is measured
from the kernel's logits on the digits turned, moved and noised by a secret amount (no copy of them
exists to look up); their labels stay here either way.
"""

from __future__ import annotations

import functools
import math
import numbers
import re

import torch
import torch.nn.functional as F

import autograder.assignments.vit_yama_gommesi.messages  # noqa: F401  (registers the texts)
from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.aktararak_ogrenme.reference import check_images, disguised
from autograder.assignments.vit_yama_gommesi.reference import (
    PATCH_DEFAULTS,
    VIT_DEFAULTS,
    RefClassAndPosition,
    RefMLP,
    RefMSA,
    RefPatchEmbedding,
    RefViT,
    count_parameters,
    heldout_digits,
    reference_counts,
    reference_encoder,
    reference_patches,
    reference_vit_parameters,
    vit_training_data,
)
from autograder.errors import CheckFailure
from autograder.oracle import failure_from

__all__ = [
    "PATCH_DEFAULTS", "VIT_DEFAULTS", "SEEDS", "SMALL_VIT_THRESHOLD", "SMALL_VIT_MAX_PARAMETERS", "TOL",
    "RefClassAndPosition", "RefMLP", "RefMSA", "RefPatchEmbedding", "RefViT", "count_parameters",
    "heldout_digits", "reference_counts", "reference_encoder", "reference_patches", "reference_vit_parameters",
    "check_patch_arithmetic", "check_image_patches", "check_patch_embedding", "check_patch_embedding_error",
    "check_class_token", "check_msa_block", "check_mlp_block", "check_encoder_block", "check_vit", "check_vit_defaults",
    "check_small_vit", "ASSIGNMENT",
]

SEEDS = c.seeds(0, 7007)          # visible: the random inputs' offsets as they always were; hidden: the held-out half
SMALL_VIT_THRESHOLD = 90.0        # % on held-out digits the student never trained on
SMALL_VIT_MAX_PARAMETERS = 300_000
TOL = 2e-3                        # relative agreement with a reference (GELU's tanh form passes)
KINDS = ("MultiheadAttention", "LayerNorm", "Linear")


# --- asking the kernel --------------------------------------------------------------------------------------

def _with_hints(failure: CheckFailure, hints) -> CheckFailure:
    """This assignment's own error-text hints (kept local: never changes other assignments)."""
    if failure.hint is None and failure.key in ("student_error", "construct_failed"):
        text = str(failure.params.get("error", ""))
        for needle, key in hints:
            if needle in text:
                failure.hint = key
                break
    return failure


def _ask(k, probe: str, hints=(), **inputs):
    """The probe's answer, plain data of exact types only."""
    try:
        return k.ask(probe, **inputs)  # plain data of exact types only
    except CheckFailure as failure:
        raise _with_hints(failure, hints) from None


def _part(answer, stage: str, cell: str, hints=()):
    """One stage of a probe's answer: its value, or the failure that explains the student's error."""
    part = answer.get(stage) if type(answer) is dict else None
    if type(part) is not dict or len(part) != 1 or not {"ok", "error"} & set(part):
        raise CheckFailure("bad_answer", error=stage)
    if "error" in part:
        raise _with_hints(failure_from(part["error"], cell), hints)
    return part["ok"]


def _record(value, keys, name: str) -> dict:
    c.expect(type(value) is dict and all(key in value for key in keys), "bad_answer", error=name)
    return value


def _pair(value, name: str) -> list:
    c.expect(type(value) is list and len(value) == 2, "bad_answer", error=name)
    return value


def _count(shapes, name: str) -> int:
    """The number of parameters from the reported shapes."""
    ok = type(shapes) is dict and all(
        type(s) is list and all(type(n) is int and n >= 0 for n in s) for s in shapes.values())
    c.expect(ok, "bad_answer", error=name)
    return sum(math.prod(s) for s in shapes.values())


def _layout(value, name: str) -> list:
    """The reported attention / layer-norm / linear layers, each with its state."""
    ok = type(value) is list and all(
        type(e) is dict and e.get("kind") in KINDS and type(e.get("name")) is str and type(e.get("state")) is dict
        and all(type(t) is torch.Tensor for t in e["state"].values())
        and (e["kind"] != "MultiheadAttention" or type(e.get("heads")) is int)
        for e in value)
    c.expect(ok, "bad_answer", error=name)
    return value


def _of_kind(layout: list, kind: str) -> list:
    return [e for e in layout if e["kind"] == kind]


# --- helpers --------------------------------------------------------------------------------------------

def _base(hidden: bool, label: str) -> int:
    """The base seed of what a check sends to the kernel (random inputs and weights, drawn cases):
    visible, the package's; hidden, one independent of ``SEEDS[True]`` (the kernel can read whatever
    it gets, and ``SEEDS[True]`` draws the held-out digits the small ViT is measured on)."""
    return SEEDS.kernel(True, label) if hidden else SEEDS[False]


def _rand(*shape, seed: int) -> torch.Tensor:
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _call_repr(name: str, kwargs: dict) -> str:
    return f"{name}(" + ", ".join(f"{k}={v}" for k, v in kwargs.items()) + ")"


def _rel_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    scale = b.detach().abs().max().clamp_min(1.0)
    return float((a.detach() - b.detach()).abs().max() / scale)


def _close(a: torch.Tensor, b: torch.Tensor, tol: float = TOL) -> bool:
    return a.shape == b.shape and _rel_diff(a, b) < tol


def _reference_count(cls, *args) -> int:
    with torch.device("meta"):
        return count_parameters(cls(*args))


def _expect_defaults(defaults, name: str, expected: dict) -> None:
    c.expect(type(defaults) is dict, "bad_answer", error=name)
    wrong = [f"{k}={defaults.get(k, '—')}" for k, v in expected.items() if k not in defaults or defaults[k] != v]
    c.expect(not wrong, "vit_defaults", name=name, expected=", ".join(f"{k}={v}" for k, v in expected.items()),
             wrong=", ".join(wrong))


def _expect_deterministic(first, second, name: str) -> None:
    if isinstance(first, torch.Tensor) and isinstance(second, torch.Tensor):
        c.expect(first.shape == second.shape and torch.allclose(first, second, rtol=1e-5, atol=1e-6,
                                                                equal_nan=True),
                 "vit_not_deterministic", name=name)


def _expect_gradients(report, name: str) -> None:
    """Backpropagation from the output reaches every parameter (as the kernel reports it)."""
    report = _record(report, ("params", "missing"), name)
    missing = report["missing"]
    c.expect(type(report["params"]) is int and type(missing) is list and all(type(n) is str for n in missing),
             "bad_answer", error=name)
    c.expect(report["params"] > 0, "vit_no_parameters", name=name)
    c.expect(not missing, "vit_no_grad", name=name, params=", ".join(missing[:4]))


def _changes(pair) -> bool:
    first, second = pair
    return not torch.allclose(first, second, rtol=1e-5, atol=1e-6, equal_nan=True)


def _shape(value) -> tuple:
    """A shape given as tuple/list (the kernel sends a torch.Size as a tuple)."""
    if type(value) not in (tuple, list):
        return None
    return tuple(value)


def _expect_int_shape(value, name: str) -> tuple:
    shape = _shape(value)
    c.expect(shape is not None, "vit_not_shape", name=name, got=repr(value))
    for v in shape:
        if isinstance(v, torch.Tensor) and v.numel() == 1:
            v = v.item()
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise CheckFailure("vit_not_shape", name=name, got=repr(value))
        if not isinstance(v, numbers.Integral):
            raise CheckFailure("vit_counts_float", name=name, got=repr(tuple(shape)))
    return tuple(int(v) for v in shape)


# --- 1. patch arithmetic -----------------------------------------------------------------------------------

ARITHMETIC_CASES = {False: [(224, 224, 3, 16), (28, 28, 1, 7)],
                    True: [(32, 48, 3, 8), (64, 64, 3, 32), (40, 100, 2, 10), (9, 6, 5, 3)]}


def _arithmetic_cases(hidden: bool) -> list:
    """The fixed cases; hidden: two more drawn from a seed the instructor's secret changes (non-square images)."""
    cases = list(ARITHMETIC_CASES[hidden])
    if hidden:
        g = torch.Generator().manual_seed(_base(True, "arithmetic"))
        for _ in range(2):
            p, ch = int(torch.randint(2, 17, (1,), generator=g)), int(torch.randint(1, 5, (1,), generator=g))
            rows, cols = (int(n) for n in torch.randint(1, 15, (2,), generator=g))
            cases.append((rows * p, (cols + rows) * p, ch, p))
    return cases


@c.check("patch_arithmetic")
def check_patch_arithmetic(k, hidden=False):
    cases = _arithmetic_cases(hidden)
    answer = _record(_ask(k, "patch_arithmetic", cases=cases), ("cases", "values"), "patch_arithmetic")
    for i, args in enumerate(cases):
        h, w, ch, p = args
        expected = reference_counts(*args)
        got = _expect_int_shape(_part(answer["cases"], f"case{i}", k.cell), f"patch_counts{args}")
        if got == expected:
            continue
        info = {"args": args, "got": got, "expected": expected}
        if len(got) == 2 and got == expected[::-1]:
            raise CheckFailure("vit_counts_swapped", **info)
        if len(got) == 2 and got[0] != expected[0]:
            info = {"args": args, "got": got[0], "expected": expected[0]}
            if got[0] in (h // p, w // p):
                raise CheckFailure("vit_counts_one_side", **info)
            if got[0] == h * w // p:
                raise CheckFailure("vit_counts_not_squared", **info)
        if len(got) == 2 and got[0] == expected[0] and got[1] in (p * p, p * ch):
            raise CheckFailure("vit_counts_no_channels", args=args, got=got[1], expected=expected[1])
        raise CheckFailure("vit_counts_wrong", **info)

    values = _record(answer["values"], ("number_of_patches", "patch_sequence_shape", "embedding_output_shape"),
                     "patch_arithmetic")
    number_of_patches = values["number_of_patches"]
    n, patch_dim = reference_counts(224, 224, 3, 16)
    embedding_dim = VIT_DEFAULTS["embedding_dim"]
    if isinstance(number_of_patches, float):
        raise CheckFailure("vit_counts_float", name="number_of_patches", got=repr(number_of_patches))
    c.expect(isinstance(number_of_patches, numbers.Integral) and int(number_of_patches) == n, "vit_value_wrong",
             name="number_of_patches", got=repr(number_of_patches), expected=n)
    for name, expected in (("patch_sequence_shape", (n, patch_dim)),
                           ("embedding_output_shape", (n + 1, embedding_dim))):
        got = _expect_int_shape(values[name], name)
        if got == expected:
            continue
        if name == "embedding_output_shape" and got == (n, embedding_dim):
            raise CheckFailure("vit_shape_no_cls", got=got, expected=expected)
        if got == expected[::-1]:
            raise CheckFailure("vit_shape_swapped", name=name, got=got, expected=expected)
        raise CheckFailure("vit_value_wrong", name=name, got=got, expected=expected)


# --- 2. image -> patches ------------------------------------------------------------------------------------

IMAGE_CASES = {False: [((3, 32, 48), 8)], True: [((1, 28, 28), 7), ((2, 20, 35), 5), ((3, 224, 224), 16)]}


@c.check("image_patches")
def check_image_patches(k, hidden=False):
    cases = IMAGE_CASES[hidden]
    images = [torch.rand(*shape, generator=torch.Generator().manual_seed(_base(hidden, "image_patches") + 10 + i))
              for i, (shape, _) in enumerate(cases)]
    answer = _ask(k, "image_patches", cases=[[image, p] for image, (_, p) in zip(images, cases)])
    for i, ((shape, p), original) in enumerate(zip(cases, images)):
        part = _record(_part(answer, f"case{i}", k.cell), ("patches", "image"), "image_patches")
        image, got = part["image"], part["patches"]
        unchanged = type(image) is torch.Tensor and image.shape == original.shape and image.dtype == original.dtype \
            and torch.equal(image, original)
        c.expect(unchanged, "vit_input_modified", name="image_to_patches")
        expected = reference_patches(original, p)
        n, ch = expected.shape[:2]
        got = c.expect_tensor(got, f"image_to_patches(image {list(shape)}, {p})")
        if tuple(got.shape) == (n, p, p, ch) and ch > 1 and torch.allclose(got, expected.permute(0, 2, 3, 1)):
            raise CheckFailure("vit_patches_channels_last")
        c.expect_tensor(got, f"image_to_patches(image {list(shape)}, {p})", shape=tuple(expected.shape))
        if torch.allclose(got, expected):
            continue
        rows, cols = shape[1] // p, shape[2] // p
        column_major = expected.reshape(rows, cols, ch, p, p).transpose(0, 1).reshape(n, ch, p, p)
        if torch.allclose(got, column_major):
            raise CheckFailure("vit_patches_column_major")
        if torch.allclose(got, original.reshape(n, ch, p, p)):
            raise CheckFailure("vit_patches_reshape")
        raise CheckFailure("vit_patches_wrong", patch_size=p, shape=list(shape))


# --- 3. patch embedding -------------------------------------------------------------------------------------

PE_HINTS = (("channels, but got", "vit_hint_arguments"),)
PE_CONFIGS = {False: [(3, 16, 768, 224, 224, 2), (1, 4, 32, 28, 28, 3), (3, 8, 24, 32, 48, 2)],
              True: [(2, 5, 20, 35, 25, 3), (1, 7, 16, 28, 28, 2), (4, 2, 6, 6, 10, 2)]}
PE_NOT_DIVISIBLE = {False: ([(225, 224), (224, 230)], 16), True: ([(23, 20), (20, 22), (26, 26)], 5)}


def _spots(rows: int, cols: int) -> list:
    return [(0, min(1, cols - 1)), (min(1, rows - 1), 0), (rows - 1, cols - 1), (rows // 2, cols // 3)]


def _pixels(ch: int, p: int) -> list:
    return [(0, 0, 0), (0, p - 1, p - 1), (0, 0, p - 1), (ch - 1, p // 2, p // 2)]


def _locality_inputs(x: torch.Tensor, p: int, base: int) -> dict:
    """Image 0 with one patch changed (four places), then with one pixel of the last row's first
    patch changed (corners of the patch, and the last channel)."""
    _, ch, h, w = x.shape
    rows, cols = h // p, w // p
    inputs = {}
    for k, (r, col) in enumerate(_spots(rows, cols)):
        x2 = x.clone()
        x2[0, :, r * p:(r + 1) * p, col * p:(col + 1) * p] += _rand(ch, p, p, seed=base + 20 + k)
        inputs[f"spot{k}"] = x2
    r, col = rows - 1, 0
    for k, (dc, di, dj) in enumerate(_pixels(ch, p)):
        x2 = x.clone()
        x2[0, dc, r * p + di, col * p + dj] += 3.0
        inputs[f"pixel{k}"] = x2
    return inputs


def _token_changes(out: dict, key: str) -> torch.Tensor:
    diff = (out[key] - out["x"]).abs().amax(dim=-1)   # [B, N]
    return diff > 1e-2 * diff.max().clamp_min(1e-12)


def _check_locality(out: dict, shape, p: int) -> None:
    """One changed patch of image 0: exactly its own token, in row-major order, must change."""
    b, ch, h, w = shape
    rows, cols = h // p, w // p
    for k, (r, col) in enumerate(_spots(rows, cols)):
        changed = _token_changes(out, f"spot{k}")
        expected = r * cols + col
        if b > 1 and bool(changed[1:].any()):
            raise CheckFailure("vit_pe_mixes_batch")
        tokens = changed[0].nonzero().flatten().tolist()
        if tokens == [expected]:
            continue
        if not tokens:
            raise CheckFailure("vit_pe_patch_ignored", row=r, col=col)
        if tokens == [col * rows + r]:
            raise CheckFailure("vit_pe_column_major", row=r, col=col, got=tokens[0], expected=expected)
        diff = (out[f"spot{k}"] - out["x"])[0]   # read back as the unpermuted [D, N] map: one column changed?
        as_map = diff.reshape(diff.shape[1], diff.shape[0]).abs().amax(dim=0)
        if (as_map > 1e-2 * as_map.max().clamp_min(1e-12)).nonzero().flatten().tolist() == [expected]:
            raise CheckFailure("vit_pe_view")
        raise CheckFailure("vit_pe_not_local", row=r, col=col, got=tokens[:8], expected=expected)
    # every pixel (corners of the patch) and every channel must reach its token
    expected = (rows - 1) * cols
    for k, (dc, di, dj) in enumerate(_pixels(ch, p)):
        changed = _token_changes(out, f"pixel{k}")
        c.expect(bool(changed[0, expected]), "vit_pe_pixel_unused", where=f"[{dc}, {di}, {dj}]")


def _in_cell(check, cell: str):
    """A check graded apart from the solution cell it tests (its own test id): its failures name that cell."""
    @functools.wraps(check)
    def wrapper(k, hidden=False):
        try:
            check(k, hidden=hidden)
        except CheckFailure as failure:
            if failure.params.get("cell") == k.cell:
                failure.params["cell"] = cell
            raise

    return wrapper


@c.check("patch_embedding_error")
@functools.partial(_in_cell, cell="patch_embedding")
def check_patch_embedding_error(k, hidden=False):
    """``PatchEmbedding`` raises an error, naming the size, on images its patch size does not divide (its
    own test: a right embedding with an unclear message loses only this point)."""
    sizes, p = PE_NOT_DIVISIBLE[hidden]
    images = [torch.rand(1, 3, h, w, generator=torch.Generator().manual_seed(_base(hidden, "divisibility") + h * w))
              for h, w in sizes]
    found = _ask(k, "patch_embedding_errors", kwargs={"in_channels": 3, "patch_size": p, "embedding_dim": 8},
                 images=images)
    c.expect(type(found) is list and len(found) == len(sizes), "bad_answer", error="patch_embedding_errors")
    for (h, w), error in zip(sizes, found):
        bad = h if h % p else w
        if error is None:
            raise CheckFailure("vit_pe_no_error", P=p, H=h, W=w, bad=bad)
        c.expect(type(error) is list and len(error) == 2 and all(type(t) is str for t in error), "bad_answer",
                 error="patch_embedding_errors")
        ename, text = error
        if not re.search(rf"(?<!\d){bad}(?!\d)", text):   # the message must name the size
            raise CheckFailure("vit_pe_error_unclear", P=p, H=h, W=w, bad=bad, error=f"{ename}: {text[:120]}")


@c.check("patch_embedding")
def check_patch_embedding(k, hidden=False):
    base = _base(hidden, "patch_embedding")
    if not hidden:
        _expect_defaults(_ask(k, "defaults", name="PatchEmbedding"), "PatchEmbedding", PATCH_DEFAULTS)
    for i, (ch, p, d, h, w, b) in enumerate(PE_CONFIGS[hidden]):
        name = f"PatchEmbedding(in_channels={ch}, patch_size={p}, embedding_dim={d})"
        x = _rand(b, ch, h, w, seed=base + 100 + i)
        far = _rand(b, ch, h, w, seed=base + 200 + i) * 3.0
        inputs = {"x": x, "again": x, **_locality_inputs(x, p, base), "far": far, "mid": (x + far) / 2}
        answer = _ask(k, "patch_embedding", kwargs={"in_channels": ch, "patch_size": p, "embedding_dim": d},
                      inputs=inputs)
        shapes = _part(answer, "build", k.cell, PE_HINTS)
        out = _record(_part(answer, "outputs", k.cell, PE_HINTS), inputs, name)
        _expect_deterministic(out["x"], out["again"], name)
        n = (h // p) * (w // p)
        got = c.expect_tensor(out["x"], name)
        shape = tuple(got.shape)
        if shape != (b, n, d):
            if shape == (b, d, n):
                raise CheckFailure("vit_pe_not_permuted", got=list(shape))
            if shape == (b, d, h // p, w // p):
                raise CheckFailure("vit_pe_not_flat", got=list(shape))
            raise CheckFailure("vit_pe_shape", C=ch, P=p, D=d, image=[b, ch, h, w], expected=[b, n, d],
                               got=list(shape))
        c.expect_tensor(got, name, dtype=torch.float32)
        _check_locality(out, x.shape, p)
        # linear in the pixels: f((a+b)/2) == (f(a)+f(b))/2; loose enough for TF32 convolutions
        c.expect(_close(out["mid"], (out["x"] + out["far"]) / 2, 1e-2), "vit_pe_not_linear")
        expected_count, got_count = _reference_count(RefPatchEmbedding, ch, p, d), _count(shapes, name)
        c.expect(got_count == expected_count, "vit_pe_parameters", C=ch, P=p, D=d, got=got_count,
                 expected=expected_count)
        _expect_gradients(_part(answer, "gradients", k.cell), name)


# --- 4. class token and position embedding -------------------------------------------------------------------

CT_HINTS = (("Sizes of tensors must match", "vit_hint_expand"), ("must match the size of tensor", "vit_hint_expand"),
            ("expand", "vit_hint_expand"))
CT_CONFIGS = {False: [(196, 768, 2), (16, 32, 5)], True: [(49, 24, 3), (9, 8, 1), (16, 32, 6)]}


def _int_list(value, name: str) -> list:
    c.expect(type(value) is list and all(type(v) is int for v in value), "bad_answer", error=name)
    return value


@c.check("class_token")
def check_class_token(k, hidden=False):
    base = _base(hidden, "class_token")
    for i, (n, d, b) in enumerate(CT_CONFIGS[hidden]):
        name = f"ClassAndPositionEmbedding(num_patches={n}, embedding_dim={d})"
        x, x2 = _rand(b, n, d, seed=base + 310 + i), _rand(b, n, d, seed=base + 320 + i)
        answer = _ask(k, "class_token", kwargs={"num_patches": n, "embedding_dim": d}, init_seed=base + 300 + i,
                      inputs={"x": x, "again": x, "other": x2})
        shapes = _part(answer, "build", k.cell)
        got_count = _count(shapes, name)
        c.expect(len(shapes) > 0, "vit_no_parameters", name=name)
        outputs = _record(_part(answer, "outputs", k.cell, CT_HINTS), ("x", "again", "other"), name)
        out, out2 = outputs["x"], outputs["other"]
        _expect_deterministic(out, outputs["again"], name)
        got = c.expect_tensor(out, name)
        shape = tuple(got.shape)
        if shape != (b, n + 1, d):
            if shape in ((b, n + 1, 2 * d), (b, 2 * n + 2, d), (b, 2 * n + 1, d)):
                raise CheckFailure("vit_ct_pos_concat", got=list(shape))
            raise CheckFailure("vit_ct_shape", N=n, D=d, B=b, N1=n + 1, got=list(shape))

        def constant_row(t, t2, i):   # same vector for every image and any input
            return torch.allclose(t[:, i], t[:1, i].expand_as(t[:, i]), atol=1e-5) and \
                torch.allclose(t[:, i], t2[:, i], atol=1e-5)

        if not constant_row(out, out2, 0):
            if constant_row(out, out2, -1):
                raise CheckFailure("vit_ct_at_end")
            raise CheckFailure("vit_ct_not_first")
        pos, pos2 = out[:, 1:] - x, out2[:, 1:] - x2
        if torch.allclose(pos, torch.zeros_like(pos), atol=1e-6):
            raise CheckFailure("vit_ct_no_pos")
        c.expect(torch.allclose(pos, pos[:1].expand_as(pos), atol=1e-4) and torch.allclose(pos, pos2, atol=1e-4),
                 "vit_ct_pos_not_added")
        grads = _record(_part(answer, "gradients", k.cell, CT_HINTS), ("first", "rest"), name)
        first, rest = _int_list(grads["first"], name), _int_list(grads["rest"], name)
        c.expect(sum(first) > 0, "vit_ct_cls_not_param")
        c.expect(sum(rest) >= n * d, "vit_ct_pos_not_param", got=sum(rest), expected=n * d)
        expected_count = _reference_count(RefClassAndPosition, n, d)
        if got_count != expected_count:
            # N·D + D values: either E_pos lacks the class token's row, or x_class is no parameter (then
            # token 0 reaches only the tensor the patch tokens reach too: E_pos)
            own = any(f and not r for f, r in zip(first, rest))
            c.expect(own, "vit_ct_cls_not_param")
            raise CheckFailure("vit_ct_pos_rows", N=n, D=d, got=got_count, expected=expected_count)


# --- 5. encoder: attention block, MLP block, encoder block ----------------------------------------------------

MSA_CONFIGS = {False: [(32, 4, 2, 10)], True: [(24, 3, 3, 7), (48, 6, 2, 5)]}
MLP_CONFIGS = {False: [(32, 64, 2, 6)], True: [(24, 40, 3, 5), (16, 64, 2, 3)]}
ENCODER_CONFIGS = {False: [(32, 4, 64, 2, 9)], True: [(24, 2, 48, 3, 5), (16, 4, 24, 2, 8)]}


def _block_inputs(shape: tuple, seed: int, base: int) -> dict:
    """The input, the same again (determinism), and token 0 of image 0 changed (mixing)."""
    x = _rand(*shape, seed=seed)
    mixed = x.clone()
    mixed[0, 0] += 2.0 * _rand(shape[-1], seed=base + 31)   # not a constant: LayerNorm removes those
    return {"x": x, "again": x, "mixed": mixed}


def _mixing(out: dict) -> tuple[bool, bool]:
    """Token 0 of image 0 changed: (other tokens of image 0 changed, other images changed)."""
    diff = (out["mixed"] - out["x"]).abs().amax(dim=-1)   # [B, N]
    tiny = 1e-5 * max(float(diff.max()), 1e-12)
    return bool((diff[0, 1:] > tiny).any()), bool((diff[1:] > tiny).any())


def _expect_block_parameters(got: int, expected: int, call: str) -> None:
    if got != expected:
        raise CheckFailure("vit_parameters", call=call, got=got, expected=expected, diff=got - expected,
                           hint="vit_why_block")


def _expect_block_shape(out, call, shape):
    got = c.expect_tensor(out, call)
    c.expect(tuple(got.shape) == tuple(shape), "vit_block_shape", call=call, expected=list(shape),
             got=list(got.shape))
    return got


def _expect_heads(heads_found: list, heads: int, name: str) -> None:
    for found in heads_found:
        c.expect(found == heads, "vit_heads_ignored", name=name, got=found, expected=heads)


def _block(k, name: str, kwargs: dict, shape: tuple, seed: int, base: int, **options):
    """Ask for an encoder part built with ``kwargs`` and run on the grader's input: (call text, answer,
    inputs, outputs, layout, parameter count)."""
    call = _call_repr(name, kwargs)
    inputs = _block_inputs(shape, seed, base)
    answer = _ask(k, "block", name=name, kwargs=kwargs, inputs=inputs, **options)
    structure = _record(_part(answer, "build", k.cell), ("shapes", "layout"), call)
    layout, count = _layout(structure["layout"], call), _count(structure["shapes"], call)
    out = _record(_part(answer, "outputs", k.cell), inputs, call)
    _expect_deterministic(out["x"], out["again"], call)
    return call, answer, inputs, out, layout, count


def _expect_dropout_argument(k, answer, name: str, arg: str) -> None:
    """Rate 0: the same output twice in training mode; rate 0.5: a different one."""
    _part(answer, "quiet", k.cell)
    c.expect(not _changes(_pair(_part(answer, "quiet_pair", k.cell), name)), "vit_dropout_when_zero", name=name,
             args=arg)
    _part(answer, "dropped", k.cell)
    c.expect(_changes(_pair(_part(answer, "dropped_pair", k.cell), name)), "vit_dropout_ignored", name=name,
             arg=arg, p=0.5)


def _load(module, state) -> bool:
    try:
        module.load_state_dict(state)
    except (RuntimeError, KeyError):
        return False
    return True


@c.check("msa_block")
def check_msa_block(k, hidden=False):
    name, base = "MultiheadSelfAttentionBlock", _base(hidden, "msa_block")
    for i, (d, heads, b, n) in enumerate(MSA_CONFIGS[hidden]):
        kwargs = {"embedding_dim": d, "num_heads": heads, "attn_dropout": 0}
        call, answer, inputs, out, layout, count = _block(k, name, kwargs, (b, n, d), base + 400 + i, base,
                                                          dropout="attn_dropout")
        if isinstance(out["x"], tuple):
            raise CheckFailure("vit_tuple_output", name=name)
        _expect_block_shape(out["x"], call, (b, n, d))
        _expect_heads([e["heads"] for e in _of_kind(layout, "MultiheadAttention")], heads, name)
        within, across = _mixing(out)
        if across and not within:
            raise CheckFailure("vit_msa_batch_first")
        c.expect(within, "vit_msa_no_mixing", name=name)
        c.expect(not across, "vit_msa_batch_first")
        reference = RefMSA(d, heads).eval()
        _compare_msa(layout, reference, inputs["x"], out["x"])
        _expect_block_parameters(count, count_parameters(reference), call)
        _expect_gradients(_part(answer, "gradients", k.cell), call)
        _expect_dropout_argument(k, answer, name, "attn_dropout")
    if not hidden:
        default = _count(_ask(k, "shapes", name=name, kwargs={}), name)
        _expect_block_parameters(default, _reference_count(RefMSA), f"{name}()")


def _compare_msa(layout, reference, x, out):
    mhas, norms = _of_kind(layout, "MultiheadAttention"), _of_kind(layout, "LayerNorm")
    if len(mhas) != 1 or len(norms) > 1:
        return   # not built from one nn.MultiheadAttention: the behavioural checks above must do
    if not _load(reference.attn, mhas[0]["state"]) or (norms and not _load(reference.norm, norms[0]["state"])):
        return
    with torch.no_grad():
        expected = reference(x)
        if _close(out, expected):
            return
        raw = reference.attn(x, x, x, need_weights=False)[0]
        variants = {"vit_msa_residual": expected + x, "vit_msa_no_norm": raw,
                    "vit_msa_norm_after": reference.norm(raw)}
    for key, value in variants.items():
        if _close(out, value):
            raise CheckFailure(key)
    raise CheckFailure("vit_msa_mismatch", diff=_rel_diff(out, expected))


@c.check("mlp_block")
def check_mlp_block(k, hidden=False):
    name, base = "MLPBlock", _base(hidden, "mlp_block")
    for i, (d, m, b, n) in enumerate(MLP_CONFIGS[hidden]):
        kwargs = {"embedding_dim": d, "mlp_size": m, "dropout": 0.0}
        call, answer, inputs, out, layout, count = _block(k, name, kwargs, (b, n, d), base + 500 + i, base,
                                                          dropout="dropout", eval_dropout=True)
        _expect_block_shape(out["x"], call, (b, n, d))
        within, across = _mixing(out)
        c.expect(not (within or across), "vit_mlp_mixes")
        reference = RefMLP(d, m, 0.0).eval()
        _compare_mlp(layout, reference, inputs["x"], out["x"], d, m)
        _expect_block_parameters(count, count_parameters(reference), call)
        _expect_gradients(_part(answer, "gradients", k.cell), call)
        _expect_dropout_argument(k, answer, name, "dropout")
        first, second = _pair(_part(answer, "dropped_eval", k.cell), name)
        c.expect(torch.allclose(first, second), "vit_dropout_in_eval", name=name)
    if not hidden:
        default = _count(_ask(k, "shapes", name=name, kwargs={}), name)
        _expect_block_parameters(default, _reference_count(RefMLP), f"{name}()")


def _linear_pair(layout, d, m):
    """The block's two linear layers (D -> M, M -> D), wherever they sit; None when there are not exactly two."""
    def features(entry):   # (in, out) from the weight [out, in]
        weight = entry["state"].get("weight")
        return tuple(weight.shape[::-1]) if weight is not None and weight.dim() == 2 else None

    linears = _of_kind(layout, "Linear")
    up = [lin for lin in linears if features(lin) == (d, m)]
    down = [lin for lin in linears if features(lin) == (m, d)]
    if len(linears) != 2 or len(up) != 1 or len(down) != 1:
        return None
    return up[0], down[0]


def _compare_mlp(layout, reference, x, out, d, m):
    pair, norms = _linear_pair(layout, d, m), _of_kind(layout, "LayerNorm")
    if pair is None or len(norms) > 1:
        return
    if not (_load(reference.fc1, pair[0]["state"]) and _load(reference.fc2, pair[1]["state"])) or \
            (norms and not _load(reference.norm, norms[0]["state"])):
        return
    with torch.no_grad():
        expected = reference(x)
        if _close(out, expected):
            return
        raw = reference.fc2(F.gelu(reference.fc1(x)))
        variants = {"vit_mlp_residual": expected + x, "vit_mlp_relu": reference(x, act=F.relu),
                    "vit_mlp_no_norm": raw, "vit_mlp_norm_after": reference.norm(raw)}
        others = [reference(x, act=act) for act in (torch.tanh, torch.sigmoid, F.silu, lambda t: t)]
    for key, value in variants.items():
        if _close(out, value):
            raise CheckFailure(key)
    if any(_close(out, value) for value in others):
        raise CheckFailure("vit_mlp_no_activation")
    raise CheckFailure("vit_mlp_mismatch", diff=_rel_diff(out, expected))


@c.check("encoder_block")
def check_encoder_block(k, hidden=False):
    name, base = "TransformerEncoderBlock", _base(hidden, "encoder_block")
    arg = "attn_dropout" if hidden else "mlp_dropout"
    for i, (d, heads, m, b, n) in enumerate(ENCODER_CONFIGS[hidden]):
        kwargs = {"embedding_dim": d, "num_heads": heads, "mlp_size": m, "mlp_dropout": 0.0, "attn_dropout": 0.0}
        call, answer, inputs, out, layout, count = _block(k, name, kwargs, (b, n, d), base + 600 + i, base,
                                                          dropout=arg, zeroed=True)
        x = inputs["x"]
        _expect_block_shape(out["x"], call, (b, n, d))
        _expect_heads([e["heads"] for e in _of_kind(layout, "MultiheadAttention")], heads, name)
        within, across = _mixing(out)
        c.expect(not across, "vit_msa_batch_first")
        c.expect(within, "vit_msa_no_mixing", name=name)
        reference = reference_encoder(d, heads, m).eval()

        def zeroed_is_identity(answer=answer, x=x):
            _check_zeroed_is_identity(_part(answer, "zeroed", k.cell), x)

        _compare_encoder(layout, reference, x, out["x"], d, m, zeroed_is_identity)
        zeroed_is_identity()
        _expect_block_parameters(count, count_parameters(reference), call)
        _expect_gradients(_part(answer, "gradients", k.cell), call)
        _expect_dropout_argument(k, answer, name, arg)


def _check_zeroed_is_identity(out, x):
    """The block with every parameter zero (computed in the kernel) must return its input."""
    out = c.expect_tensor(out, "TransformerEncoderBlock")
    if _close(out, x, 1e-5):
        return
    ratio = float((out * x).sum() / (x * x).sum())
    k = round(ratio) if math.isfinite(ratio) else 0
    if k >= 2 and _close(out, k * x, 1e-4):
        raise CheckFailure("vit_enc_double_residual", k=k)
    raise CheckFailure("vit_enc_no_residual")


def _compare_encoder(layout, reference, x, out, d, m, zeroed_is_identity):
    mhas, norms, pair = _of_kind(layout, "MultiheadAttention"), _of_kind(layout, "LayerNorm"), _linear_pair(layout, d, m)
    if len(mhas) != 1 or len(norms) != 2 or pair is None:
        return   # built another way: parameter count, zeroed identity and mixing checks must do
    r = reference
    loads = ((r.self_attn, mhas[0]), (r.linear1, pair[0]), (r.linear2, pair[1]), (r.norm1, norms[0]),
             (r.norm2, norms[1]))
    if not all(_load(module, entry["state"]) for module, entry in loads):
        return

    def sa(h):
        return r.self_attn(h, h, h, need_weights=False)[0]

    def ff(h, act=F.gelu):
        return r.linear2(act(r.linear1(h)))

    with torch.no_grad():
        expected = r(x)
        if _close(out, expected):
            return
        z = x + sa(r.norm1(x))
        post = r.norm1(x + sa(x))
        variants = {"vit_enc_post_norm": r.norm2(post + ff(post)),
                    "vit_enc_parallel": x + sa(r.norm1(x)) + ff(r.norm2(x)),
                    "vit_enc_relu": z + ff(r.norm2(z), F.relu)}
    for key, value in variants.items():
        if _close(out, value):
            raise CheckFailure(key)
    zeroed_is_identity()   # a missing or doubled residual has its own message
    raise CheckFailure("vit_enc_mismatch", diff=_rel_diff(out, expected))


# --- 6. ViT ---------------------------------------------------------------------------------------------------

VIT_HINTS = (("must match the size of tensor", "vit_hint_img_size"), ("Sizes of tensors must match", "vit_hint_img_size"),
             ("channels, but got", "vit_hint_arguments"),
             ("divisible by num_heads", "vit_hint_arguments"), ("cannot be multiplied", "vit_hint_arguments"))
VIT_DROPOUTS = ("embedding_dropout", "mlp_dropout", "attn_dropout")
TRAIN_STEPS, TRAIN_IMAGES, TRAIN_LR = 40, 64, 3e-3

SMALL_CONFIGS = {
    False: {"img_size": 32, "in_channels": 3, "patch_size": 8, "num_transformer_layers": 2, "embedding_dim": 32,
            "mlp_size": 64, "num_heads": 4, "attn_dropout": 0.0, "mlp_dropout": 0.0, "embedding_dropout": 0.0,
            "num_classes": 10},
    True: {"img_size": 28, "in_channels": 1, "patch_size": 7, "num_transformer_layers": 3, "embedding_dim": 24,
           "mlp_size": 48, "num_heads": 3, "attn_dropout": 0.0, "mlp_dropout": 0.0, "embedding_dropout": 0.0,
           "num_classes": 10},
}


def _why_vit(got: int, kwargs: dict) -> str:
    """The hint key naming the likely mistake: the count is matched against references with that mistake."""
    base = dict(kwargs)
    layers = base.get("num_transformer_layers", 12)
    variants = [("vit_why_head_norm", {"head_norm": False}), ("vit_why_pos_rows", {"pos_for_cls": False}),
                ("vit_why_patch_bias", {"patch_bias": False}), ("vit_why_class_token", {"class_token": False})]
    for key, flags in variants:
        if reference_vit_parameters(**base, **flags) == got:
            return key
    for other in sorted({layers - 1, layers + 1, 1, 12} - {layers}):
        if other > 0 and reference_vit_parameters(**{**base, "num_transformer_layers": other}) == got:
            return "vit_why_layers"
    return "vit_why_unknown"


def _expect_vit_parameters(got: int, kwargs: dict) -> None:
    expected = reference_vit_parameters(**kwargs)
    if got != expected:
        raise CheckFailure("vit_parameters", call=_call_repr("ViT", kwargs), got=got, expected=expected,
                           diff=got - expected, hint=_why_vit(got, kwargs))


def _expect_logits(out, image_shape, kwargs: dict, classes: int) -> torch.Tensor:
    got = c.expect_tensor(out, "ViT(x)")
    batch = image_shape[0]
    c.expect(tuple(got.shape) == (batch, classes), "vit_logits_shape", call=_call_repr("ViT", kwargs),
             image=list(image_shape), B=batch, classes=classes, got=list(got.shape))
    c.expect_tensor(got, "ViT(x)", dtype=torch.float32)
    c.expect_finite(got, "ViT(x)")
    return got


def _expect_class_token_readout(muted) -> None:
    """With attention switched off (every nn.MultiheadAttention zeroed, in the kernel) no token sees
    another: if the logits come from the class token (equation 4), they no longer depend on the image."""
    if muted is None:
        return   # no nn.MultiheadAttention to switch off
    logits = c.expect_tensor(muted, "ViT(x)")
    c.expect(torch.allclose(logits, logits[:1].expand_as(logits), rtol=1e-4, atol=1e-5), "vit_not_class_token")


def _expect_trains(k, config: dict) -> None:
    """The grader's Adam loop on 64 of its own digit images (in the kernel): a working ViT fits them
    within seconds (the reference goes from about 2.4 to about 0.3). The host checks the losses the
    loop reports and measures the loss before and after itself, from the logits."""
    X, y = vit_training_data(config["img_size"], config["in_channels"])
    X, y = X[:TRAIN_IMAGES], y[:TRAIN_IMAGES]
    answer = _ask(k, "vit_trains", config=config, X_train=X, y_train=y, steps=TRAIN_STEPS, lr=TRAIN_LR)
    _part(answer, "build", k.cell, VIT_HINTS)
    trains = _record(_part(answer, "trains", k.cell), ("losses", "before", "after"), "ViT")
    _expect_vit_learns(c.numbers_list(trains["losses"], "loss"))
    classes = config["num_classes"]
    before, after = (_expect_logits(trains[key], X.shape, config, classes) for key in ("before", "after"))
    _expect_vit_learns([float(F.cross_entropy(before, y)), float(F.cross_entropy(after, y))])


def _expect_vit_learns(losses: list[float], fraction: float = 0.5) -> None:
    """Like ``c.expect_loss_decrease``, but the loop is the grader's: a failure points at the model, not at
    a training loop the student did not write."""
    c.expect(bool(torch.isfinite(torch.tensor(losses)).all()), "not_finite", name="loss")
    c.expect(losses[-1] <= fraction * losses[0], "vit_not_training", first=losses[0], last=losses[-1],
             percent=100 * fraction, steps=TRAIN_STEPS, images=TRAIN_IMAGES)


def _expect_vit_arguments(k) -> None:
    names = _ask(k, "arguments", name="ViT")
    c.expect(type(names) is list and all(type(n) is str for n in names), "bad_answer", error="ViT")
    missing = [key for key in VIT_DEFAULTS if key not in names]
    c.expect(not missing, "vit_signature", expected=", ".join(VIT_DEFAULTS), missing=", ".join(missing))


@c.check("vit_defaults")
@functools.partial(_in_cell, cell="vit")
def check_vit_defaults(k, hidden=False):
    """The default arguments are ViT-Base's (its own test: the model is built with every argument given in
    ``test_vit``, so a wrong default loses only this point)."""
    _expect_vit_arguments(k)
    _expect_defaults(_ask(k, "defaults", name="ViT"), "ViT", VIT_DEFAULTS)


@c.check("vit")
def check_vit(k, hidden=False):
    _expect_vit_arguments(k)
    # a small configuration first (cheap): shape, every argument honoured, class token read out, it trains
    config = SMALL_CONFIGS[hidden]
    size, channels, classes = config["img_size"], config["in_channels"], config["num_classes"]
    x = _rand(5, channels, size, size, seed=_base(hidden, "vit") + 710)
    dropouts = list(VIT_DROPOUTS) if hidden else []
    answer = _ask(k, "vit", config=config, x=x, dropout_args=dropouts)
    built = _record(_part(answer, "build", k.cell, VIT_HINTS), ("shapes", "heads"), "ViT")
    out = _record(_part(answer, "outputs", k.cell, VIT_HINTS), ("x", "again"), "ViT")
    _expect_logits(out["x"], x.shape, config, classes)
    _expect_vit_parameters(_count(built["shapes"], "ViT"), config)
    _expect_heads(_int_list(built["heads"], "ViT"), config["num_heads"], "ViT")
    _expect_deterministic(out["x"], out["again"], "ViT")
    c.expect(not _changes(_pair(_part(answer, "train_pair", k.cell), "ViT")), "vit_dropout_when_zero", name="ViT",
             args="attn_dropout, mlp_dropout, embedding_dropout")
    _expect_class_token_readout(_part(answer, "muted", k.cell))
    for arg in dropouts:
        pair = _pair(_part(answer, f"dropped_{arg}", k.cell, VIT_HINTS), "ViT")
        c.expect(_changes(pair), "vit_dropout_ignored", name="ViT", arg=arg, p=0.5)
    _expect_trains(k, config)
    # ViT-Base itself: built once per check, every argument given (the defaults have their own test);
    # visible: 3 classes (the course's model) and one image through it, hidden: 1000 classes, counted only
    base_kwargs = dict(VIT_DEFAULTS) if hidden else {**VIT_DEFAULTS, "num_classes": 3}
    image = None if hidden else _rand(1, 3, 224, 224, seed=_base(hidden, "vit") + 700)
    answer = _ask(k, "vit_base", kwargs=base_kwargs, image=image)
    _expect_vit_parameters(_count(_part(answer, "build", k.cell, VIT_HINTS), "ViT"), {**VIT_DEFAULTS, **base_kwargs})
    if image is not None:
        _expect_logits(_part(answer, "logits", k.cell, VIT_HINTS), image.shape, base_kwargs, 3)


# --- 7. a small ViT trained on the digits ---------------------------------------------------------------------

class _NotMapped(Exception):
    """The reported layers do not make the reference ViT."""


def _expect_mapped(condition: bool) -> None:
    if not condition:
        raise _NotMapped


def _pieces(structure) -> tuple[list, list, dict]:
    """The reported structure (layers, convolutions, free parameters), or ``bad_answer``."""
    structure = _record(structure, ("layout", "convs", "free"), "small_vit")
    layout, convs, free = _layout(structure["layout"], "small_vit"), structure["convs"], structure["free"]
    ok = type(convs) is list and all(
        type(e) is dict and type(e.get("state")) is dict and all(type(t) is torch.Tensor for t in e["state"].values())
        for e in convs) and type(free) is dict and all(type(t) is torch.Tensor for t in free.values())
    c.expect(ok, "bad_answer", error="small_vit")
    return layout, convs, free


def _linear_shape(entry) -> tuple:
    weight = entry["state"].get("weight")
    return tuple(weight.shape) if weight is not None and weight.dim() == 2 else ()


def _rebuild_vit(structure) -> RefViT | None:
    """The host's reference ViT holding the reported weights: one ``nn.Conv2d`` that cuts patches
    (kernel = stride = P), a class token ``[1, 1, D]`` and a position embedding ``[1, N+1, D]``, then per
    encoder block one ``nn.MultiheadAttention``, two ``nn.LayerNorm`` (before the attention, before
    the MLP) and two ``nn.Linear`` (D→M, M→D), then the head (``nn.LayerNorm``, if any, and
    ``nn.Linear``). None when the reported layers do not make this ViT (the host cannot rebuild it)."""
    layout, convs, free = _pieces(structure)
    try:
        _expect_mapped(len(convs) == 1 and len(free) == 2)
        conv = convs[0]
        weight = conv["state"].get("weight")
        _expect_mapped(weight is not None and weight.dim() == 4 and weight.shape[2] == weight.shape[3])
        d, channels, p = weight.shape[0], weight.shape[1], weight.shape[2]
        _expect_mapped(conv.get("kernel_size") == [p, p] and conv.get("stride") == [p, p]
                       and conv.get("padding") in ([0, 0], "valid") and conv.get("dilation") == [1, 1]
                       and conv.get("groups") == 1 and set(conv["state"]) <= {"weight", "bias"})
        tokens = sorted(free.values(), key=lambda t: t.numel())
        cls, pos = tokens
        _expect_mapped(tuple(cls.shape) == (1, 1, d) and pos.dim() == 3 and pos.shape[0] == 1
                       and pos.shape[2] == d and pos.shape[1] > 1)
        side = math.isqrt(pos.shape[1] - 1)
        _expect_mapped(side * side == pos.shape[1] - 1)
        mhas = _of_kind(layout, "MultiheadAttention")
        layers = len(mhas)
        _expect_mapped(layers >= 1 and len(layout) - 5 * layers in (1, 2))
        heads = mhas[0]["heads"]
        _expect_mapped(heads > 0 and d % heads == 0 and all(e["heads"] == heads for e in mhas))
        blocks, head = layout[:5 * layers], layout[5 * layers:]
        head_norm = len(head) == 2
        _expect_mapped(head[-1]["kind"] == "Linear" and (not head_norm or head[0]["kind"] == "LayerNorm"))
        classes, width = _linear_shape(head[-1]) or (0, 0)
        _expect_mapped(width == d and classes > 0)
        ups = [_linear_shape(e) for e in blocks if e["kind"] == "Linear"]
        mlp = ups[0][0] if ups and ups[0] else 0
        _expect_mapped(mlp > 0)
        kwargs = {"img_size": side * p, "in_channels": channels, "patch_size": p, "num_transformer_layers": layers,
                  "embedding_dim": d, "mlp_size": mlp, "num_heads": heads, "attn_dropout": 0.0, "mlp_dropout": 0.0,
                  "embedding_dropout": 0.0, "num_classes": classes, "head_norm": head_norm,
                  "patch_bias": "bias" in conv["state"]}
        # the size first, on the meta device: a forged report costs no memory
        _expect_mapped(reference_vit_parameters(**kwargs) <= 4 * SMALL_VIT_MAX_PARAMETERS)
        model = RefViT(**kwargs).eval()
        _expect_mapped(_load(model.patch.proj, conv["state"]))
        with torch.no_grad():
            model.embed.class_token.copy_(cls)
            model.embed.position.copy_(pos)
        for i, layer in enumerate(model.encoder):
            group = blocks[5 * i:5 * i + 5]
            norms, linears = _of_kind(group, "LayerNorm"), _of_kind(group, "Linear")
            attention = _of_kind(group, "MultiheadAttention")
            _expect_mapped(len(norms) == 2 and len(linears) == 2 and len(attention) == 1)
            up = [e for e in linears if _linear_shape(e) == (mlp, d)]
            down = [e for e in linears if _linear_shape(e) == (d, mlp)]
            _expect_mapped(len(up) == 1 and len(down) == 1)
            for module, entry in ((layer.self_attn, attention[0]), (layer.norm1, norms[0]), (layer.norm2, norms[1]),
                                  (layer.linear1, up[0]), (layer.linear2, down[0])):
                _expect_mapped(_load(module, entry["state"]))
        _expect_mapped(_load(model.head[1], head[-1]["state"]) and (not head_norm or _load(model.head[0], head[0]["state"])))
    except (_NotMapped, RuntimeError, ValueError, TypeError, KeyError, AssertionError):
        return None
    return model


def _host_logits(model: RefViT, x: torch.Tensor) -> torch.Tensor | None:
    try:
        with torch.no_grad():
            return model(x)
    except RuntimeError:
        return None


@c.check("small_vit")
def check_small_vit(k, hidden=False):
    check = check_images(_base(hidden, "check_images"))   # noise: only confirms the host's copy
    answer = _ask(k, "small_vit", check=check)
    kind = _record(_part(answer, "kind", k.cell), ("is_vit", "type"), "small_vit")
    c.expect(kind["is_vit"] is True, "vit_small_not_vit", got=str(kind["type"])[:80])
    n = _count(_part(answer, "shapes", k.cell), "small_vit")
    c.expect(n <= SMALL_VIT_MAX_PARAMETERS, "vit_small_too_big", got=n, limit=SMALL_VIT_MAX_PARAMETERS)
    _part(answer, "prepared", k.cell)
    first = _part(answer, "first", k.cell)
    c.expect(type(first) is dict and len(first) == 1 and {"raised", "out"} & set(first), "bad_answer",
             error="small_vit")
    if "raised" in first:
        raise CheckFailure("vit_small_input", got=str(first["raised"])[:200])
    out = first["out"]
    c.expect(type(out) is torch.Tensor and tuple(out.shape) == (4, 10), "vit_small_input",
             got=list(out.shape) if type(out) is torch.Tensor else c.type_name(out))
    X, y = heldout_digits(hidden, SEEDS[hidden])   # never sent as they are; y stays here
    model, checked = _rebuild_vit(_part(answer, "structure", k.cell)), _part(answer, "check", k.cell)
    own = _host_logits(model, check) if model is not None else None
    if own is not None and type(checked) is torch.Tensor and _close(checked, own):
        c.expect_accuracy(c.multiclass_accuracy_of(_host_logits(model, X), y), SMALL_VIT_THRESHOLD, fraction=True)
        return
    # a ViT the host cannot rebuild: the kernel's logits, for the digits disguised with a seed kept here
    seen = disguised(X, _base(hidden, "disguise"), max_angle=2.0, max_shift=0.25, max_scale=0.02, noise=0.02)
    answer = _ask(k, "small_vit", check=check, X=seen)
    c.expect_accuracy(c.multiclass_accuracy_of(_part(answer, "logits", k.cell), y), SMALL_VIT_THRESHOLD, fraction=True)


ASSIGNMENT = Assignment("07_vit_yama_gommesi", "vit_yama_gommesi", (
    TestSpec("patch_arithmetic", 1, ("patch_counts", "number_of_patches", "patch_sequence_shape",
                                     "embedding_output_shape"), check_patch_arithmetic),
    TestSpec("image_patches", 1, ("image_to_patches",), check_image_patches),
    TestSpec("patch_embedding", 2, ("PatchEmbedding",), check_patch_embedding),
    TestSpec("patch_embedding_error", 1, ("PatchEmbedding",), check_patch_embedding_error, solution="patch_embedding"),
    TestSpec("class_token", 2, ("ClassAndPositionEmbedding",), check_class_token),
    TestSpec("msa_block", 2, ("MultiheadSelfAttentionBlock",), check_msa_block),
    TestSpec("mlp_block", 2, ("MLPBlock",), check_mlp_block),
    TestSpec("encoder_block", 3, ("TransformerEncoderBlock",), check_encoder_block),
    TestSpec("vit", 2, ("ViT",), check_vit),
    TestSpec("vit_defaults", 1, ("ViT",), check_vit_defaults, solution="vit"),
    TestSpec("small_vit", 3, ("small_vit", "ViT"), check_small_vit),
))
