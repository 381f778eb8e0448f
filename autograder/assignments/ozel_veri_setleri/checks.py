"""Checks of ``05_ozel_veri_setleri`` (custom datasets: folders, Dataset, transforms, DataLoader).

Host side. The grader writes its own small image folders (other classes, other files: RGB,
grayscale and RGBA PNGs, JPEGs, stray text files), sends their bytes to the kernel (the probe
writes them into a temporary folder there and calls the student's code on it) and compares what
comes back with torchvision's reference implementation (``ImageFolder``, ``find_classes``) run
here on its own copy, item by item. The student's loops train the grader's small CNN in the
kernel; the grader repeats the same steps here and compares the parameters and numbers.
``model_1``'s accuracy is measured here, on the grader's own digit images, which (with their labels)
never leave the host: the kernel returns ``model_1``'s weights and its outputs on random
confirmation images; the host loads the weights into the course's TinyVGG, confirms its copy gives
those outputs, and computes the digits' logits itself. Visible checks use one seed/folder, hidden
ones another. Seeds the kernel is given (the random transforms') are ``SEEDS.kernel`` ones, never
``SEEDS[hidden]``; the data built from ``SEEDS[hidden]`` (folders, images, batches) is all sent, and
``model_1``'s digits come from ``DIGIT_SEEDS``, independent of it.

Taken from the kernel as reported (facts only the kernel can see): whether the student's objects
are a ``Dataset`` class, ``DataLoader``s and an ``nn.Module``; the loaders' batch sizes, sampler
kinds and the image counts of the student's own folders; whether ``find_classes`` raised for a
folder without classes; the training mode and gradient tracking of each forward pass. TinyVGG's
diagnostics (parameter count, a missing ReLU, an unused layer) are reported too, but a pass needs
behaviour: the student's weights loaded into the course's TinyVGG here must give the outputs the
kernel returned.
"""

from __future__ import annotations

import collections
import contextlib
import math
import numbers
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torchvision import datasets, transforms
from torchvision.io import decode_image

import autograder.assignments.ozel_veri_setleri.messages  # noqa: F401  (registers the texts)
from autograder import checks as c
from autograder import oracle, vision
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.ozel_veri_setleri.reference import (  # noqa: F401  (public names of the package)
    CLASS_NAMES,
    DIGIT_OF_CLASS,
    GRADER_CLASSES,
    IMAGE_EXTENSIONS,
    IMAGE_SIZE,
    NOTEBOOK_SIZES,
    PixelProbe,
    ReferenceTinyVGG,
    bytes_tensor,
    digit_images,
    grader_transform,
    image_pixels,
    make_grader_tree,
    make_optimizer,
    pred_case,
    probe_cnn,
    reference_tensor,
    step_data,
    test_image,
    tree_files,
)
from autograder.errors import CheckFailure
from autograder.oracle import failure_from

SEEDS = c.seeds(11, 4242)                 # grader data: visible / hidden
DIGIT_SEEDS = c.seeds(11 + 9, 4242 + 9)   # model_1's measuring digits: never sent, independent of SEEDS
MODEL_1_THRESHOLD = {False: 80.0, True: 75.0}
MODEL_1_CHECK_IMAGES = 8                  # random images on which the kernel's outputs confirm the host's copy
MODEL_1_MAX_HIDDEN_UNITS = 256            # a larger TinyVGG is not built here (the notebook's has 10)
SAME = 0.02                               # mean absolute difference below which two images are "the same"

# Error texts and the hints they mean *in this assignment*. They are applied to this module's
# checks only (see ``with_hints``), not registered globally, so other assignments keep theirs.
HINTS = (
    ("batch must contain tensors", "hint_collate_pil"),
    ("stack expects each tensor to be equal size", "hint_stack_sizes"),
    ("Input type (unsigned char)", "hint_uint8_input"),
    ("Input type (torch.ByteTensor)", "hint_uint8_input"),
    ("Input type (Byte)", "hint_uint8_input"),
    ("not implemented for 'Byte'", "hint_uint8_input"),
    ("but got Byte and Float", "hint_uint8_input"),
)


# --- reading the kernel's answers -------------------------------------------------------------------------

def _bad(what: str) -> CheckFailure:
    return CheckFailure("bad_answer", error=what)


def _typed(value, types: tuple) -> bool:
    """``value`` is of one of the exact ``types`` (any type when none are given; dict: OrderedDict too)."""
    return not types or type(value) in types or (dict in types and type(value) is collections.OrderedDict)


def _field(answer, key: str, *types):
    """``answer[key]`` of one of the exact ``types``, else bad_answer."""
    if not _typed(answer, (dict,)) or key not in answer:
        raise _bad(key)
    value = answer[key]
    if not _typed(value, types):
        raise _bad(key)
    return value


def _step(k, answer, key: str, *types):
    """A step the probe recorded (see ``probes.Steps``): its value, or the failure that explains the
    student's error at that step."""
    entry = _field(answer, key, dict)
    if len(entry) == 1 and "error" in entry:
        raise failure_from(entry["error"], k.cell)
    if len(entry) != 1 or "ok" not in entry:
        raise _bad(key)
    value = entry["ok"]
    if not _typed(value, types):
        raise _bad(key)
    return value


def _text(value) -> str:
    return value if type(value) is str else "?"


def _short(value, limit: int = 80) -> str:
    """A value's short text for a message: the kernel's text (str) as it is, or the repr of plain data."""
    text = value if type(value) is str else repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _number(value):
    """A Python number from an int/float/one-element tensor, or None."""
    if type(value) is torch.Tensor and value.numel() == 1:
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    return value


def _is_integer(value) -> bool:
    if type(value) is torch.Tensor:
        return value.numel() == 1 and not value.is_floating_point() and value.dtype != torch.bool
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _calls(answer) -> list[tuple[bool, bool]]:
    calls = _field(answer, "calls", list, tuple)
    if not all(type(x) in (list, tuple) and len(x) == 2 and all(type(b) is bool for b in x) for x in calls):
        raise _bad("calls")
    return [tuple(x) for x in calls]


def expect_modes(calls: list[tuple[bool, bool]], name: str, *, training: bool) -> None:
    """The model's mode (and gradient tracking) in each forward pass the kernel recorded."""
    c.expect(bool(calls), "ovs_step_no_forward", name=name)
    if training:
        bad = sum(1 for mode, _ in calls if not mode)
        c.expect(bad == 0, "ovs_not_train_mode", bad=bad, total=len(calls))
    else:
        bad = sum(1 for mode, _ in calls if mode)
        c.expect(bad == 0, "ovs_not_eval_mode", name=name, bad=bad, total=len(calls))
        c.expect(not any(grad for _, grad in calls), "ovs_grad_enabled", name=name)


def _params_close(a: nn.Module, b: nn.Module, tol: float = 1e-5) -> bool:
    return all(torch.allclose(p.detach(), q.detach(), atol=tol, rtol=1e-4)
               for p, q in zip(a.parameters(), b.parameters()))


def _mad(a: torch.Tensor, b: torch.Tensor) -> float:
    return float((a.float() - b.float()).abs().mean())


# --- the grader's own image folders ----------------------------------------------------------------------

@contextlib.contextmanager
def _grader(hidden: bool) -> Iterator[tuple[Path, list[str]]]:
    with tempfile.TemporaryDirectory(prefix="autograder-05-") as tmp:
        root = Path(tmp)
        yield root, make_grader_tree(root, GRADER_CLASSES[hidden], SEEDS[hidden])


@contextlib.contextmanager
def grader_tree(hidden: bool) -> Iterator[Path]:
    """The grader's folders (``root/train``, ``root/test``) in a temporary folder on the host."""
    with _grader(hidden) as (root, _):
        yield root


def _walk_expected(root: Path) -> dict[str, tuple[int, int]]:
    expected = {}
    for dirpath, dirnames, filenames in os.walk(root):
        images = [f for f in filenames if f.lower().endswith(IMAGE_EXTENSIONS)]
        expected[Path(dirpath).relative_to(root).as_posix()] = (len(dirnames), len(images))
    return expected


# --- checks ------------------------------------------------------------------------------------------------

@c.check("walk_through_dir")
@c.with_hints(HINTS)
def check_walk_through_dir(k, hidden=False):
    with _grader(hidden) as (root, created):
        expected = _walk_expected(root)
        got_answer = k.ask("walk_through_dir", tree=tree_files(root, created), as_path=hidden)
        if _field(got_answer, "is_dict", bool) is not True:
            raise CheckFailure("ovs_walk_not_dict", got=_short(_text(_field(got_answer, "short"))))
        got, extra = {}, []
        for item in _field(got_answer, "items", list):
            if type(item) is not list or len(item) != 3 or type(item[0]) is not str or type(item[1]) is not bool:
                raise _bad("items")
            rel, inside, value = item
            got[rel] = value
            if not inside or rel not in expected:
                extra.append(rel)
        for folder, want in expected.items():
            if folder not in got:
                raise CheckFailure("ovs_walk_missing", folder=folder)
            value = got[folder]
            counts = tuple(value) if type(value) in (tuple, list) else (value,)
            counts = tuple(_number(v) for v in counts)
            if counts == want:
                continue
            if counts == want[::-1]:
                raise CheckFailure("ovs_walk_swapped", folder=folder, expected=want, got=counts)
            files = len([f for f in os.listdir(root / folder) if (root / folder / f).is_file()])
            if len(counts) == 2 and counts[0] == want[0] and counts[1] == files != want[1]:
                raise CheckFailure("ovs_walk_all_files", folder=folder, expected=want[1], got=counts[1])
            raise CheckFailure("ovs_walk_counts", folder=folder, expected=want, got=_short(value))
        if extra:
            raise CheckFailure("ovs_walk_extra", folder=extra[0])


@c.check("find_classes")
@c.with_hints(HINTS)
def check_find_classes(k, hidden=False):
    with _grader(hidden) as (root, created):
        folder = root / "train"
        want_classes, want_map = datasets.folder.find_classes(folder)
        tree = tree_files(root, created)
        tree["dirs"].append("bos")   # no class folders: only a file (hidden) or nothing at all (visible)
        if hidden:
            tree["files"]["bos/tek_dosya.png"] = bytes_tensor(b"")
        answer = k.ask("find_classes", tree=tree, as_path=hidden)
        _step(k, answer, "result")
        facts = _step(k, answer, "facts", dict)
        result_text = _text(facts.get("short"))
        if facts.get("pair") is not True or facts.get("list") is not True or facts.get("dict") is not True:
            raise CheckFailure("ovs_find_classes_return", got=_short(result_text))
        classes = _field(facts, "classes", list)
        class_to_idx = _field(facts, "class_to_idx", dict)
        if classes != want_classes:
            files = [x for x in classes if type(x) is str and (folder / x).is_file()]
            if files:
                raise CheckFailure("ovs_find_classes_files", name=files[0])
            if sorted(map(str, classes)) == want_classes:
                raise CheckFailure("ovs_find_classes_unsorted", expected=want_classes, got=classes)
            raise CheckFailure("ovs_find_classes_wrong", expected=want_classes,
                               got=_short(_text(facts.get("classes_short")), 200))
        normalized = {key: _number(v) for key, v in class_to_idx.items()}
        if normalized != want_map:
            raise CheckFailure("ovs_class_to_idx", expected=want_map,
                               got=_short(_text(facts.get("class_to_idx_short")), 200))
        empty = _step(k, answer, "empty", dict)
        if _field(empty, "raised", bool) is not True:
            raise CheckFailure("ovs_find_classes_no_error", got=_short(_text(empty.get("short"))))


def _expect_same_samples(k, answer, want: list[str]) -> None:
    """paths and len against ImageFolder's samples (paths relative to the folder), each diagnosed."""
    def order(paths):
        return sorted(paths, key=lambda p: Path(p).parts)

    paths = _step(k, answer, "paths", list, type(None))
    if paths is None:
        raise CheckFailure("ovs_paths_not_list")
    if not all(type(p) is str for p in paths):
        raise _bad("paths")
    missing = order(set(want) - set(paths))
    extra = order(set(paths) - set(want))
    if extra:
        not_images = [p for p in extra if not Path(p).name.lower().endswith(IMAGE_EXTENSIONS)]
        if not_images:
            raise CheckFailure("ovs_dataset_extra_files", example=not_images[0])
        raise CheckFailure("ovs_dataset_paths_wrong", example=extra[0])
    if missing:
        raise CheckFailure("ovs_dataset_missing_ext", example=missing[0], expected=len(want), got=len(paths))
    length = _step(k, answer, "len", int)
    c.expect(length == len(want), "ovs_dataset_len", got=length, expected=len(want))
    if paths != want:
        index = next(i for i, (a, b) in enumerate(zip(paths, want)) if a != b)
        raise CheckFailure("ovs_dataset_unsorted", index=index)


def _part(item: dict, key: str) -> dict:
    part = _field(item, key, dict)
    if part.get("kind") not in ("pil", "value"):
        raise _bad(key)
    return part


def _expect_item(item, ref, index: int, *, tensors: bool) -> None:
    """One ``dataset[index]`` as the probe described it, against ``ref[index]`` (ImageFolder, here)."""
    if _field(item, "pair", bool) is not True:
        raise CheckFailure("ovs_item_not_pair", index=index, got=_short(_text(item.get("short"))))
    image, label = _part(item, "image"), _part(item, "label")
    label_value, image_value = label.get("value"), image.get("value")
    label_is_image = label["kind"] == "pil" or (type(label_value) is torch.Tensor and not _is_integer(label_value))
    if label_is_image and image["kind"] == "value" and _is_integer(image_value):
        raise CheckFailure("ovs_item_swapped", index=index)
    if label["kind"] == "value" and type(label_value) is str:
        raise CheckFailure("ovs_label_name", index=index, got=label_value)
    want_image, want_label = ref[index]
    shown_path = Path(ref.samples[index][0]).relative_to(Path(ref.root).parent)
    if label["kind"] != "value" or not _is_integer(label_value):
        got = "PIL.Image" if label["kind"] == "pil" else _short(_text(label.get("short")))
        raise CheckFailure("ovs_label_wrong", index=index, got=got, expected=want_label, path=shown_path)
    if int(label_value) != want_label:
        raise CheckFailure("ovs_label_wrong", index=index, got=int(label_value), expected=want_label,
                           path=shown_path)
    if tensors:
        if image["kind"] != "value" or type(image_value) is not torch.Tensor:
            got = _text(image.get("type")) if image["kind"] == "pil" else c.type_name(image_value)
            raise CheckFailure("ovs_transform_ignored", got=got)
        same = image_value.shape == want_image.shape and torch.allclose(image_value.float(), want_image, atol=1e-6)
        c.expect(same, "ovs_item_image_wrong", index=index)
        return
    if image["kind"] != "pil":
        raise CheckFailure("ovs_item_image_wrong", index=index)
    if image.get("mode") != "RGB":
        raise CheckFailure("ovs_not_rgb", index=index, got=_text(image.get("mode")))
    pixels = _field(image, "pixels", torch.Tensor)
    c.expect(np.array_equal(pixels.numpy(), np.asarray(want_image)), "ovs_item_image_wrong", index=index)


@c.check("image_folder_custom")
@c.with_hints(HINTS)
def check_image_folder_custom(k, hidden=False):
    with _grader(hidden) as (root, created):
        split = "test" if hidden else "train"
        folder = root / split
        ref = datasets.ImageFolder(str(folder))
        resize = [12, 10] if hidden else [16, 16]
        answer = k.ask("image_folder_custom", tree=tree_files(root, created), split=split, as_path=hidden,
                       count=len(ref), resize=resize)
        c.expect(_step(k, answer, "is_dataset", bool), "ovs_not_dataset")
        _step(k, answer, "construct")
        for attr in _step(k, answer, "missing", list):
            raise CheckFailure("ovs_dataset_attr", attr=_text(attr))
        classes = _step(k, answer, "classes", dict)
        if _field(classes, "value", list) != ref.classes:
            raise CheckFailure("ovs_dataset_classes", attr="classes", expected=ref.classes,
                               got=_short(_text(classes.get("short"))))
        class_to_idx = _step(k, answer, "class_to_idx", dict)
        if _field(class_to_idx, "value", dict) != ref.class_to_idx:
            raise CheckFailure("ovs_dataset_classes", attr="class_to_idx", expected=ref.class_to_idx,
                               got=_short(_text(class_to_idx.get("short")), 200))
        want = [os.path.relpath(Path(p).resolve(), folder.resolve()) for p, _ in ref.samples]
        _expect_same_samples(k, answer, want)
        c.expect(_step(k, answer, "has_load_image", bool), "ovs_dataset_attr", attr="load_image")
        for index in range(len(ref)):
            loaded = _step(k, answer, f"load_{index}", dict)
            if _field(loaded, "pil", bool) is not True:
                raise CheckFailure("ovs_load_image_type", index=index, got=_text(loaded.get("type")))
            _expect_item(_step(k, answer, f"item_{index}", dict), ref, index, tensors=False)
        # the same with a transform (the grader's own one)
        ref_t = datasets.ImageFolder(str(folder), transform=grader_transform(resize))
        _step(k, answer, "construct_t")
        for index in range(len(ref_t)):
            _expect_item(_step(k, answer, f"titem_{index}", dict), ref_t, index, tensors=True)


def _transform_outputs(k, name: str, callables: list[str], image, seeds: list[int]) -> list[torch.Tensor]:
    """The kernel's outputs of ``name`` on the image, one per seed, each checked: a float32
    ``[3, 64, 64]`` tensor in 0–1."""
    answer = k.ask("transform_outputs", name=name, callables=callables, pixels=image_pixels(image), seeds=seeds)
    outs = []
    for index in range(len(seeds)):
        out = _step(k, answer, str(index))
        if type(out) is not torch.Tensor:
            raise CheckFailure("ovs_transform_not_tensor", name=name, got=c.type_name(out))
        want = (3, *IMAGE_SIZE)
        if tuple(out.shape) != want:
            got = list(out.shape)
            if out.ndim == 3 and out.shape[0] == 3 and IMAGE_SIZE[0] in tuple(out.shape[1:]):
                raise CheckFailure("ovs_transform_resize_int", name=name, got=got, expected=list(want))
            raise CheckFailure("ovs_transform_shape", name=name, got=got, expected=list(want))
        c.expect_tensor(out, f"{name}(görüntü)", dtype=torch.float32)
        low, high = float(out.min()), float(out.max())
        c.expect(low >= -1e-6 and high <= 1 + 1e-6, "ovs_transform_range", name=name, low=low, high=high)
        outs.append(out)
    return outs


@c.check("data_transform")
@c.with_hints(HINTS)
def check_data_transform(k, hidden=False):
    image = test_image(SEEDS[hidden] + 5, hidden)
    reference = reference_tensor(image)
    flipped = reference.flip(-1)
    trials = 40
    flips = 0
    seeds = [SEEDS.kernel(hidden, "data_transform") + i for i in range(trials)]
    for out in _transform_outputs(k, "data_transform", ["data_transform"], image, seeds):
        if _mad(out, reference) < SAME:
            continue
        if _mad(out, flipped) < SAME:
            flips += 1
            continue
        raise CheckFailure("ovs_transform_unexpected", name="data_transform")
    c.expect(flips > 0, "ovs_transform_no_flip", name="data_transform", trials=trials)
    c.expect(flips < trials, "ovs_transform_always_flip", name="data_transform", trials=trials)


@c.check("augment_transforms")
@c.with_hints(HINTS)
def check_augment_transforms(k, hidden=False):
    image = test_image(SEEDS[hidden] + 5, hidden)
    reference = reference_tensor(image)
    both = ["test_transform", "train_transform_trivial_augment"]
    seed = SEEDS.kernel(hidden, "augment_transforms")
    outs = _transform_outputs(k, "test_transform", both, image, [seed + i for i in range(6)])
    if any(_mad(out, outs[0]) > 1e-6 for out in outs):
        raise CheckFailure("ovs_test_transform_random")
    c.expect(_mad(outs[0], reference) < SAME, "ovs_test_transform_wrong")
    trials = 30
    outs = _transform_outputs(k, "train_transform_trivial_augment", both, image,
                              [seed + 100 + i for i in range(trials)])
    changed = sum(1 for out in outs if min(_mad(out, reference), _mad(out, reference.flip(-1))) >= SAME)
    c.expect(changed >= 5, "ovs_no_augmentation", name="train_transform_trivial_augment", changed=changed,
             trials=trials)


@c.check("dataloaders")
@c.with_hints(HINTS)
def check_dataloaders(k, hidden=False):
    names = ("train_dataloader_custom", "test_dataloader_custom")
    answer = k.ask("dataloaders", hidden=hidden)
    types = _step(k, answer, "types", dict)
    for name in names:
        kind = _field(types, name, str, type(None))
        c.expect(kind is None, "ovs_not_dataloader", name=name, got=kind)
    n_train, n_test = _step(k, answer, "n_train", int), _step(k, answer, "n_test", int)
    got_train, got_test = _step(k, answer, "got_train", int), _step(k, answer, "got_test", int)
    if got_train == n_test and got_test == n_train and n_train != n_test:
        raise CheckFailure("ovs_loaders_swapped", got=got_train)
    c.expect(got_train == n_train, "ovs_loader_size", name="train_dataloader_custom", got=got_train,
             expected=n_train, folder="train_dir")
    c.expect(got_test == n_test, "ovs_loader_size", name="test_dataloader_custom", got=got_test,
             expected=n_test, folder="test_dir")
    settings = _step(k, answer, "settings", dict)
    batch_sizes, wanted = _field(settings, "batch_size", dict), _field(settings, "BATCH_SIZE")
    sizes = {"train_dataloader_custom": got_train, "test_dataloader_custom": got_test}
    for name in names:
        got = _field(batch_sizes, name, int, type(None))
        c.expect(got == wanted, "ovs_loader_batch_size", name=name, got=got,
                 expected=wanted if type(wanted) in (int, float) else _short(wanted))
    c.expect(_field(settings, "random", bool), "ovs_train_not_shuffled")
    c.expect(_field(settings, "sequential", bool), "ovs_test_shuffled")
    if hidden:
        # every test image once, in ImageFolder's order (sorted paths, no shuffling)
        want = _step(k, answer, "want", list)
        labels = _step(k, answer, "labels", list)
        c.expect(labels == want, "ovs_test_order", got=len(labels), expected=len(want))
        return
    for name in names:
        got = _step(k, answer, f"batch_{name}", dict)
        batch = got.get("value")
        ok = (type(batch) in (tuple, list) and len(batch) == 2 and all(type(b) is torch.Tensor for b in batch)
              and batch[0].dtype == torch.float32 and tuple(batch[0].shape[1:]) == (3, *IMAGE_SIZE)
              and batch[1].dtype == torch.long and batch[1].shape == batch[0].shape[:1]
              and type(wanted) is int and len(batch[1]) == min(wanted, sizes[name]))
        if not ok:
            shown = (f"{tuple(batch[0].shape)} {batch[0].dtype}, {tuple(batch[1].shape)} {batch[1].dtype}"
                     if type(batch) in (tuple, list) and len(batch) == 2
                     and all(type(b) is torch.Tensor for b in batch) else _short(_text(got.get("short"))))
            raise CheckFailure("ovs_batch_bad", name=name, got=shown)


# --- TinyVGG ----------------------------------------------------------------------------------------------

def _tinyvgg_cases(hidden: bool) -> list[tuple[int, int, int]]:
    return [(1, 8, 5), (3, 16, 4)] if hidden else [(3, 10, 3)]


def _load_tinyvgg(model: nn.Module, state) -> bool:
    """Load a student's TinyVGG state_dict (any key names, any registration order of the classifier)
    into the grader's: its tensors, taken as (weight, bias) pairs in order, must be four 3x3
    convolutions and one linear layer with the reference's shapes."""
    if not _typed(state, (dict,)) or not all(type(v) is torch.Tensor for v in state.values()):
        return False
    values = list(state.values())
    convs, linears, i = [], [], 0
    while i < len(values):
        weight = values[i]
        bias = values[i + 1] if i + 1 < len(values) else None
        if bias is None or bias.dim() != 1 or weight.dim() not in (2, 4) or weight.shape[0] != bias.shape[0]:
            return False
        (convs if weight.dim() == 4 else linears).extend([weight, bias])
        i += 2
    return vision.load_by_shape(model, dict(enumerate(convs + linears)))


@c.check("tiny_vgg")
@c.with_hints(HINTS)
def check_tiny_vgg(k, hidden=False):
    generator = torch.Generator().manual_seed(SEEDS[hidden] + 7)
    for input_shape, hidden_units, output_shape in _tinyvgg_cases(hidden):
        X = torch.rand(4, input_shape, *IMAGE_SIZE, generator=generator)
        answer = k.ask("tiny_vgg", input_shape=input_shape, hidden_units=hidden_units, output_shape=output_shape,
                       X=X)
        try:
            out = _step(k, answer, "out")
        except CheckFailure as exc:
            error = exc.params.get("error", "")
            if exc.hint == "hint_matmul_shape":
                raise CheckFailure("ovs_tinyvgg_flatten", error=error) from None
            if "channels" in str(error):
                raise CheckFailure("ovs_tinyvgg_channels", input_shape=input_shape, error=error) from None
            raise
        c.expect_tensor(out, f"TinyVGG(...)(X[4, {input_shape}, 64, 64])", shape=(4, output_shape),
                        dtype=torch.float32)
        reference = ReferenceTinyVGG(input_shape, hidden_units, output_shape)
        want = vision.parameter_count(reference)
        got = _step(k, answer, "parameters", int)
        unpadded = want - (16 * 16 - 13 * 13) * hidden_units * output_shape  # Linear(hidden_units*13*13, ...)
        c.expect(got != unpadded, "ovs_tinyvgg_no_padding")
        c.expect(got == want, "ovs_tinyvgg_params", input_shape=input_shape, hidden_units=hidden_units,
                 output_shape=output_shape, expected=want, got=got)
        if _step(k, answer, "missing_activation", bool):
            raise CheckFailure("ovs_tinyvgg_linear")
        outputs = _step(k, answer, "outputs", dict)
        big = _field(outputs, "big", torch.Tensor)
        c.expect_tensor(big, f"TinyVGG(...)(X[4, {input_shape}, 64, 64])", shape=(4, output_shape),
                        dtype=torch.float32)
        sums = big.sum(dim=1)
        if c.looks_like_probabilities(big) and torch.allclose(sums, torch.ones_like(sums), atol=1e-3):
            raise CheckFailure("ovs_tinyvgg_probabilities")
        state = _step(k, answer, "state", dict)
        unused = _step(k, answer, "unused", str, type(None))
        c.expect(unused is None, "ovs_tinyvgg_unused", name=unused)
        # behaviour: the course's TinyVGG with the student's weights gives the student's outputs
        shown = _field(outputs, "x", torch.Tensor)
        same = _load_tinyvgg(reference, state) and shown.shape == (4, output_shape)
        if same:
            reference.eval()
            with torch.inference_mode():
                expected = reference(X)
            same = bool((shown - expected).abs().max() <= 1e-4 + 1e-3 * float(expected.abs().max()))
        c.expect(same, "ovs_tinyvgg_differs", input_shape=input_shape, hidden_units=hidden_units,
                 output_shape=output_shape)


# --- train_step / test_step / train -----------------------------------------------------------------------

def _grader_cnn(seed: int) -> nn.Module:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return probe_cnn()


def _state(model: nn.Module) -> dict:
    return {name: t.detach().clone() for name, t in model.state_dict().items()}


def _loaded(state, name: str) -> nn.Module:
    model = probe_cnn()
    c.load_state(model, state, name)
    return model


def _from(initial: dict) -> nn.Module:
    model = probe_cnn()
    model.load_state_dict(initial)
    return model


def _pair(answer, name: str) -> tuple[float, float]:
    result = _field(answer, "result")
    if type(result) not in (tuple, list) or len(result) != 2:
        raise CheckFailure("ovs_step_return", name=name, got=_short(_text(answer.get("short"))))
    loss, acc = _number(result[0]), _number(result[1])
    if loss is None or acc is None:
        raise CheckFailure("ovs_step_return", name=name, got=_short(_text(answer.get("short"))))
    return float(loss), float(acc)


def _expect_metrics(name: str, got: tuple[float, float], expected: tuple[float, float], batches: int) -> None:
    (loss, acc), (want_loss, want_acc) = got, expected
    if not math.isclose(loss, want_loss, rel_tol=1e-4, abs_tol=1e-5):
        if math.isclose(loss, want_loss * batches, rel_tol=1e-4):
            raise CheckFailure("ovs_loss_sum", name=name, got=loss, expected=want_loss)
        raise CheckFailure("ovs_loss_wrong", name=name, got=loss, expected=want_loss)
    if not math.isclose(acc, want_acc, rel_tol=1e-4, abs_tol=1e-5):
        if want_acc > 0 and math.isclose(acc, 100 * want_acc, rel_tol=1e-4):
            raise CheckFailure("ovs_acc_percent", name=name, got=acc, expected=want_acc)
        raise CheckFailure("ovs_acc_wrong", name=name, got=acc, expected=want_acc)


def _optimizer_kind(hidden: bool) -> str:
    return "adam" if hidden else "sgd"


@c.check("train_step")
@c.with_hints(HINTS)
def check_train_step(k, hidden=False):
    data = step_data(SEEDS[hidden], hidden)
    X, y, batch = data["X_train"], data["y_train"], data["batch_size"]
    initial = _state(_grader_cnn(SEEDS[hidden] + 20))
    kind = _optimizer_kind(hidden)
    answer = k.ask("train_step", state=initial, X=X, y=y, batch_size=batch, optimizer=kind)
    got = _pair(answer, "train_step")
    expect_modes(_calls(answer), "train_step", training=True)
    model = _loaded(_field(answer, "state"), "train_step")
    reference = _from(initial)
    loss_fn = nn.CrossEntropyLoss()
    loader = vision.loader(X, y, batch)
    expected = vision.train_step(reference, loader, loss_fn, make_optimizer(kind, reference.parameters()), "cpu")
    if not _params_close(model, reference):
        if all(torch.equal(initial[name], t) for name, t in model.state_dict().items()):
            raise CheckFailure("params_unchanged")
        no_zero = _from(initial)
        vision.replay_train(no_zero, vision.batches(X, y, batch), loss_fn, make_optimizer(kind, no_zero.parameters()),
                            "cpu", zero_grad=False)
        if _params_close(model, no_zero, tol=1e-4):
            raise CheckFailure("ovs_no_zero_grad")
        raise CheckFailure("ovs_train_step_params")
    _expect_metrics("train_step", got, expected, len(loader))


@c.check("test_step")
@c.with_hints(HINTS)
def check_test_step(k, hidden=False):
    data = step_data(SEEDS[hidden] + 1, hidden)
    X, y, batch = data["X_test"], data["y_test"], data["batch_size"]
    initial = _state(_grader_cnn(SEEDS[hidden] + 21))
    answer = k.ask("test_step", state=initial, X=X, y=y, batch_size=batch)
    got = _pair(answer, "test_step")
    model = _loaded(_field(answer, "state"), "test_step")
    c.expect(all(torch.equal(initial[name], t) for name, t in model.state_dict().items()), "ovs_test_step_changed")
    expect_modes(_calls(answer), "test_step", training=False)
    loader = vision.loader(X, y, batch)
    expected = vision.test_step(_from(initial), loader, nn.CrossEntropyLoss(), "cpu")
    _expect_metrics("test_step", got, expected, len(loader))


RESULT_KEYS = ("train_loss", "train_acc", "test_loss", "test_acc")


@c.check("train")
@c.with_hints(HINTS)
def check_train(k, hidden=False):
    epochs = 3 if hidden else 2
    data = step_data(SEEDS[hidden] + 2, hidden)
    batch = data["batch_size"]
    initial = _state(_grader_cnn(SEEDS[hidden] + 22))
    kind = _optimizer_kind(hidden)
    answer = k.ask("train", state=initial, X_train=data["X_train"], y_train=data["y_train"], X_test=data["X_test"],
                   y_test=data["y_test"], batch_size=batch, optimizer=kind, epochs=epochs)
    results = _field(answer, "results")

    def bad(problem):
        return CheckFailure("ovs_results_bad", keys=", ".join(RESULT_KEYS), epochs=epochs, problem=problem)

    if not _typed(results, (dict,)) or oracle.is_type_tag(results):
        raise bad(c.type_name(results))
    values = {}
    for key in RESULT_KEYS:
        seq = results.get(key)
        if type(seq) not in (list, tuple) or len(seq) != epochs:
            raise bad(f"len('{key}') = {len(seq)}" if type(seq) in (list, tuple) else f"'{key}'")
        numbers_ = [_number(v) for v in seq]
        if any(v is None for v in numbers_):
            raise bad(f"{key} = {_short(repr(list(seq)), 60)}")
        values[key] = numbers_
    model = _loaded(_field(answer, "state"), "train")
    reference = _from(initial)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = make_optimizer(kind, reference.parameters())
    train_loader = vision.loader(data["X_train"], data["y_train"], batch)
    test_loader = vision.loader(data["X_test"], data["y_test"], batch)
    expected = {key: [] for key in RESULT_KEYS}
    for _ in range(epochs):
        train_loss, train_acc = vision.train_step(reference, train_loader, loss_fn, optimizer, "cpu")
        test_loss, test_acc = vision.test_step(reference, test_loader, loss_fn, "cpu")
        for key, value in zip(RESULT_KEYS, (train_loss, train_acc, test_loss, test_acc)):
            expected[key].append(value)
    c.expect(_params_close(model, reference, tol=1e-4), "ovs_train_params", epochs=epochs)
    for key in RESULT_KEYS:
        for epoch, (got, want) in enumerate(zip(values[key], expected[key]), start=1):
            if not math.isclose(got, want, rel_tol=1e-3, abs_tol=1e-4):
                raise CheckFailure("ovs_results_mismatch", field=key, epoch=epoch, expected=want, got=got)


# --- model_1 ------------------------------------------------------------------------------------------------

def measuring_digits(hidden: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """``model_1``'s measuring images and labels, shuffled (the images are drawn grouped by class)."""
    X, y = digit_images(hidden, DIGIT_SEEDS[hidden])
    order = torch.randperm(len(y), generator=torch.Generator().manual_seed(DIGIT_SEEDS[hidden] + 1))
    return X[order], y[order]


def _model_1_copy(state, out: torch.Tensor, X_check: torch.Tensor, device: str) -> nn.Module | None:
    """The host's copy of ``model_1``: the course's TinyVGG (3 channels, 3 classes, the hidden units its
    weights have) with the student's weights, when it gives the outputs the kernel returned on the
    confirmation images; else None."""
    if not _typed(state, (dict,)):
        return None
    convs = [t for t in state.values() if type(t) is torch.Tensor and t.dim() == 4]
    if not convs or not 1 <= convs[0].shape[0] <= MODEL_1_MAX_HIDDEN_UNITS:
        return None
    model = ReferenceTinyVGG(3, convs[0].shape[0], len(CLASS_NAMES))
    if not _load_tinyvgg(model, state):
        return None
    return model if vision.outputs_agree(out, vision.host_logits(model, X_check), device) else None


@c.check("model_1")
@c.with_hints(HINTS)
def check_model_1(k, hidden=False):
    seeds = [] if hidden else [SEEDS[hidden] + i for i in range(4)]
    answer = k.ask("model_1_loader", seeds=seeds)
    types = _step(k, answer, "types", dict)
    c.expect(_field(types, "model_1", bool), "not_module_class", name="model_1")
    c.expect(_field(types, "loader", bool), "ovs_not_dataloader", name="train_dataloader_augmented",
             got=_text(types.get("loader_type")))
    outs = []
    for index in range(len(seeds)):
        item = _step(k, answer, str(index), dict)
        if _field(item, "ok", bool) is not True:
            raise CheckFailure("ovs_batch_bad", name="train_dataloader_augmented", got=_short(_text(item.get("short"))))
        outs.append(_field(item, "image", torch.Tensor).float())
    if outs:
        changed = any(o.shape != outs[0].shape or _mad(o, outs[0]) > 1e-6 for o in outs[1:])
        c.expect(changed, "ovs_no_augmentation_used")
    # the measuring digits stay here: the kernel returns the weights and the outputs on random images
    X_check = vision.confirmation_images(MODEL_1_CHECK_IMAGES, 3, IMAGE_SIZE[0], SEEDS.kernel(hidden, "model_1/check"))
    answer = k.ask("model_1_model", X_check=X_check)
    out = _field(answer, "out")
    c.expect(type(out) is torch.Tensor and tuple(out.shape) == (len(X_check), len(CLASS_NAMES)), "ovs_model_output",
             name="model_1", got=list(out.shape) if type(out) is torch.Tensor else c.type_name(out))
    device = _field(answer, "device", str)
    model = _model_1_copy(_field(answer, "state"), out, X_check, device)
    c.expect(model is not None, "ovs_model_1_differs")
    X, y = measuring_digits(hidden)
    acc = c.multiclass_accuracy_of(vision.host_logits(model, X), y)
    c.expect(acc >= MODEL_1_THRESHOLD[hidden], "ovs_model_1_accuracy", acc=acc / 100,
             threshold=MODEL_1_THRESHOLD[hidden] / 100, epochs=5)


# --- prediction on a custom image file --------------------------------------------------------------------

def _pred_expected(case: dict) -> tuple[tuple[str, float], dict]:
    """The expected (class name, probability) and the typical mistakes' probabilities."""
    model, classes = case["model"], case["classes"]
    resize = None if case["resize"] is None else transforms.Resize(tuple(case["resize"]))
    pixels = decode_image(bytes_tensor(case["data"]))

    def predict(scale: float):
        image = pixels.type(torch.float32) / scale
        if resize is not None:
            image = resize(image)
        with torch.inference_mode():
            return model.linear(torch.flatten(image.unsqueeze(0), start_dim=1))

    logits = predict(255.0)
    probs = torch.softmax(logits, dim=1)
    expected = (classes[int(probs.argmax())], float(probs.max()))
    unscaled = torch.softmax(predict(1.0), dim=1)
    return expected, {"unscaled": float(unscaled.max()), "logit": float(logits.max())}


def _pred_shape_hint(exc: CheckFailure) -> CheckFailure:
    """``mat1 and mat2 shapes cannot be multiplied (3x576 ...)``: 3 rows means the batch dimension is missing."""
    import re

    match = re.search(r"\((\d+)x(\d+) and (\d+)x(\d+)\)", str(exc.params.get("error", "")))
    if exc.hint != "hint_matmul_shape" or not match:
        return exc
    rows = int(match.group(1))
    return CheckFailure(exc.key, hint="hint_pred_batch_dim" if rows == 3 else "hint_pred_size", **exc.params)


@c.check("pred_and_plot_image")
@c.with_hints(HINTS)
def check_pred_and_plot_image(k, hidden=False):
    case = pred_case(SEEDS[hidden], hidden)
    (want_name, want_prob), variants = _pred_expected(case)
    try:
        answer = k.ask("pred_and_plot_image", name=case["name"], data=bytes_tensor(case["data"]),
                       classes=case["classes"], side=case["side"], resize=case["resize"],
                       state=_state(case["model"]), as_path=hidden)
    except CheckFailure as exc:
        raise _pred_shape_hint(exc) from None
    result = _field(answer, "result")
    if type(result) not in (tuple, list) or len(result) != 2:
        raise CheckFailure("ovs_pred_return", got=_short(_text(answer.get("short"))))
    name, prob = result
    if _is_integer(name):
        raise CheckFailure("ovs_pred_index", got=int(name))
    prob = _number(prob)
    if type(name) is not str or prob is None:
        raise CheckFailure("ovs_pred_return", got=_short(_text(answer.get("short"))))
    expect_modes(_calls(answer), "pred_and_plot_image", training=False)
    if name == want_name and math.isclose(prob, want_prob, abs_tol=2e-3):
        return
    if math.isclose(prob, variants["unscaled"], abs_tol=2e-3):
        raise CheckFailure("ovs_pred_not_scaled")
    if math.isclose(prob, variants["logit"], abs_tol=2e-3) or not 0 <= prob <= 1:
        raise CheckFailure("ovs_pred_no_softmax", got=prob)
    raise CheckFailure("ovs_pred_wrong", got_name=name, got_prob=prob, name=want_name, prob=want_prob)


ASSIGNMENT = Assignment("05_ozel_veri_setleri", "ozel_veri_setleri", (
    TestSpec("walk_through_dir", 1, ("walk_through_dir",), check_walk_through_dir),
    TestSpec("data_transform", 2, ("data_transform",), check_data_transform),
    TestSpec("find_classes", 2, ("find_classes",), check_find_classes),
    TestSpec("image_folder_custom", 3, ("ImageFolderCustom",), check_image_folder_custom),
    TestSpec("dataloaders", 2, ("train_dataloader_custom", "test_dataloader_custom", "train_dir", "test_dir",
                                "BATCH_SIZE"), check_dataloaders),
    TestSpec("augment_transforms", 2, ("train_transform_trivial_augment", "test_transform"),
             check_augment_transforms),
    TestSpec("tiny_vgg", 3, ("TinyVGG",), check_tiny_vgg),
    TestSpec("train_step", 2, ("train_step",), check_train_step),
    TestSpec("test_step", 2, ("test_step",), check_test_step),
    TestSpec("train", 2, ("train",), check_train),
    TestSpec("model_1", 2, ("model_1", "train_dataloader_augmented"), check_model_1),
    TestSpec("pred_and_plot_image", 2, ("pred_and_plot_image",), check_pred_and_plot_image),
))
