"""In-process tests of the 05_ozel_veri_setleri checks, in both directions.

The reference objects come from the solution notebook's own cells (run here, up to the first
training run); each wrong implementation is a typical student mistake and must fail with its
own message key.
"""

from __future__ import annotations

import contextlib
import copy
import os
import tempfile
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from helpers import both, expect_failure, solution_namespace
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision import datasets, transforms

from autograder.assignments import ozel_veri_setleri as m
from autograder.errors import CheckFailure
from autograder.oracle import LocalOracle, Oracle

NAME = "05_ozel_veri_setleri"


def _run_cells(stop_marker: str, also: tuple[str, ...] = ()) -> dict:
    return solution_namespace(NAME, until=stop_marker, also=also)


@pytest.fixture(scope="module")
def ns():
    namespace = _run_cells("NUM_EPOCHS = 5", also=("pred_and_plot_image",))
    yield namespace
    import shutil

    shutil.rmtree(namespace["image_path"], ignore_errors=True)


# --- walk_through_dir ---------------------------------------------------------------------------------

def test_walk_through_dir_reference_passes(ns):
    both(m.check_walk_through_dir, ns["walk_through_dir"])


def test_walk_through_dir_accepts_pathlib_version():
    def walk_through_dir(dir_path):
        out = {}
        for folder in [Path(dir_path), *sorted(p for p in Path(dir_path).rglob("*") if p.is_dir())]:
            subdirs = [p for p in folder.iterdir() if p.is_dir()]
            images = [p for p in folder.iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg")]
            out[folder] = [len(subdirs), len(images)]
        return out

    both(m.check_walk_through_dir, walk_through_dir)


def test_walk_through_dir_mistakes():
    def all_files(dir_path):
        return {d: (len(dn), len(fn)) for d, dn, fn in os.walk(dir_path)}

    def top_only(dir_path):
        names = os.listdir(dir_path)
        return {str(dir_path): (len(names), 0)}

    def prints_only(dir_path):
        for d, dn, fn in os.walk(dir_path):
            print(d, len(dn), len(fn))

    def swapped(dir_path):
        return {d: (len([f for f in fn if f.endswith((".png", ".jpg", ".jpeg"))]), len(dn))
                for d, dn, fn in os.walk(dir_path)}

    def stub(dir_path):
        raise NotImplementedError()

    expect_failure(m.check_walk_through_dir, all_files, key="ovs_walk_all_files")
    expect_failure(m.check_walk_through_dir, top_only, key="ovs_walk_missing")
    expect_failure(m.check_walk_through_dir, prints_only, key="ovs_walk_not_dict")
    expect_failure(m.check_walk_through_dir, swapped, key="ovs_walk_swapped")
    message = expect_failure(m.check_walk_through_dir, stub, key="not_filled")
    assert "henüz doldurmadınız" in message


# --- find_classes -------------------------------------------------------------------------------------

def test_find_classes_reference_passes(ns):
    both(m.check_find_classes, ns["find_classes"])
    both(m.check_find_classes, datasets.folder.find_classes)   # torchvision's own


def test_find_classes_mistakes():
    def with_files(directory):
        classes = sorted(os.listdir(directory))
        return classes, {c: i for i, c in enumerate(classes)}

    def reverse_sorted(directory):
        classes = sorted((e.name for e in os.scandir(directory) if e.is_dir()), reverse=True)
        return classes, {c: i for i, c in enumerate(classes)}

    def from_one(directory):
        classes = sorted(e.name for e in os.scandir(directory) if e.is_dir())
        return classes, {c: i + 1 for i, c in enumerate(classes)}

    def no_error(directory):
        classes = sorted(e.name for e in os.scandir(directory) if e.is_dir())
        return classes, {c: i for i, c in enumerate(classes)}

    def only_classes(directory):
        return sorted(e.name for e in os.scandir(directory) if e.is_dir())

    expect_failure(m.check_find_classes, with_files, key="ovs_find_classes_files")
    expect_failure(m.check_find_classes, reverse_sorted, key="ovs_find_classes_unsorted")
    expect_failure(m.check_find_classes, from_one, key="ovs_class_to_idx")
    message = expect_failure(m.check_find_classes, no_error, key="ovs_find_classes_no_error")
    assert "FileNotFoundError" in message
    expect_failure(m.check_find_classes, only_classes, key="ovs_find_classes_return")


def test_find_classes_unsorted_scandir_order_fails_when_the_order_differs():
    def unsorted(directory):
        classes = [e.name for e in os.scandir(directory) if e.is_dir()]
        if not classes:
            raise FileNotFoundError(directory)
        return classes, {c: i for i, c in enumerate(classes)}

    with m.grader_tree(False) as root:
        order = [e.name for e in os.scandir(root / "train") if e.is_dir()]
    if order == sorted(order):
        pytest.skip("this file system lists the folders sorted")
    expect_failure(m.check_find_classes, unsorted, key="ovs_find_classes_unsorted")


def test_grader_tree_has_the_tricky_files():
    with m.grader_tree(True) as root:
        train = root / "train"
        suffixes = {p.suffix for p in train.glob("*/*")}
        modes = {Image.open(p).mode for p in train.glob("*/*.png")}
        assert {".png", ".jpg", ".jpeg", ".txt"} <= suffixes
        assert {"RGB", "L", "RGBA"} <= modes
        assert (train / "BENIOKU.txt").is_file()
        classes = datasets.folder.find_classes(train)[0]
        assert classes == sorted(m.GRADER_CLASSES[True])
        assert classes[0] == "10_on" and classes[-1] == "zurafa"


# --- ImageFolderCustom ----------------------------------------------------------------------------------

def _dataset_variant(find_classes, *, pattern="*/*", exts=(".png", ".jpg", ".jpeg"), order=sorted, rgb=True,
                     use_transform=True, label="index", length=None, swap=False, base=Dataset):
    class Variant(base):
        def __init__(self, targ_dir, transform=None):
            found = [p for p in Path(targ_dir).glob(pattern) if p.is_file()
                     and (exts is None or p.suffix.lower() in exts)]
            self.paths = order(found)
            self.transform = transform
            self.classes, self.class_to_idx = find_classes(targ_dir)

        def load_image(self, index):
            image = Image.open(self.paths[index])
            return image.convert("RGB") if rgb else image

        def __len__(self):
            return length(self) if length else len(self.paths)

        def __getitem__(self, index):
            image = self.load_image(index)
            name = self.paths[index].parent.name
            target = self.class_to_idx[name] if label == "index" else name
            if self.transform and use_transform:
                image = self.transform(image)
            return (target, image) if swap else (image, target)

    return Variant


def test_image_folder_custom_reference_passes(ns):
    both(m.check_image_folder_custom, ns["ImageFolderCustom"])


def test_image_folder_custom_mistakes(ns):
    fc = ns["find_classes"]
    cases = {
        "ovs_dataset_missing_ext": _dataset_variant(fc, pattern="*/*.png"),
        "ovs_dataset_extra_files": _dataset_variant(fc, exts=None),
        "ovs_dataset_unsorted": _dataset_variant(fc, order=lambda ps: sorted(ps, reverse=True)),
        "ovs_not_rgb": _dataset_variant(fc, rgb=False),
        "ovs_transform_ignored": _dataset_variant(fc, use_transform=False),
        "ovs_label_name": _dataset_variant(fc, label="name"),
        "ovs_dataset_len": _dataset_variant(fc, length=lambda self: len(self.classes)),
        "ovs_item_swapped": _dataset_variant(fc, swap=True),
        "ovs_not_dataset": _dataset_variant(fc, base=object),
        "ovs_paths_not_list": _dataset_variant(fc, order=lambda paths: 42),
    }
    for key, variant in cases.items():
        expect_failure(m.check_image_folder_custom, variant, key=key)


def test_image_folder_custom_unsorted_glob_is_caught():
    """``list(Path.glob(...))`` (the course's version without ``sorted``) on the grader's scrambled folder."""
    variant = _dataset_variant(datasets.folder.find_classes, order=list)
    with m.grader_tree(False) as root:
        listed = [p for p in (root / "train").glob("*/*") if p.suffix in (".png", ".jpg", ".jpeg")]
    if listed == sorted(listed):
        pytest.skip("this file system lists the files sorted")
    expect_failure(m.check_image_folder_custom, variant, key="ovs_dataset_unsorted")


# --- transforms -------------------------------------------------------------------------------------

def test_data_transform_reference_and_alternatives_pass(ns):
    both(m.check_data_transform, ns["data_transform"])
    flip_first = transforms.Compose([transforms.RandomHorizontalFlip(), transforms.ToTensor(),
                                     transforms.Resize((64, 64))])
    both(m.check_data_transform, flip_first)
    from torchvision.transforms import v2

    both(m.check_data_transform, v2.Compose([v2.Resize((64, 64)), v2.RandomHorizontalFlip(p=0.5), v2.ToImage(),
                                             v2.ToDtype(torch.float32, scale=True)]))


def test_data_transform_mistakes():
    T = transforms
    cases = {
        "ovs_transform_resize_int": T.Compose([T.Resize(64), T.RandomHorizontalFlip(), T.ToTensor()]),
        "ovs_transform_not_tensor": T.Compose([T.Resize((64, 64)), T.RandomHorizontalFlip()]),
        "ovs_transform_no_flip": T.Compose([T.Resize((64, 64)), T.ToTensor()]),
        "ovs_transform_always_flip": T.Compose([T.Resize((64, 64)), T.RandomHorizontalFlip(p=1.0), T.ToTensor()]),
        "ovs_transform_range": T.Compose([T.Resize((64, 64)), T.RandomHorizontalFlip(), T.ToTensor(),
                                          T.Normalize([0.5] * 3, [0.5] * 3)]),
        "ovs_transform_unexpected": T.Compose([T.Resize((64, 64)), T.RandomHorizontalFlip(),
                                               T.ColorJitter(brightness=0.8), T.ToTensor()]),
        "ovs_transform_shape": T.Compose([T.Resize((32, 32)), T.RandomHorizontalFlip(), T.ToTensor()]),
    }
    for key, transform in cases.items():
        expect_failure(m.check_data_transform, transform, key=key)


def test_augment_transforms_reference_passes(ns):
    both(m.check_augment_transforms, ns["train_transform_trivial_augment"], ns["test_transform"])


def test_augment_transforms_mistakes(ns):
    T = transforms
    train_ok, test_ok = ns["train_transform_trivial_augment"], ns["test_transform"]
    flipping_test = T.Compose([T.Resize((64, 64)), T.RandomHorizontalFlip(), T.ToTensor()])
    expect_failure(m.check_augment_transforms, train_ok, flipping_test, key="ovs_test_transform_random")
    expect_failure(m.check_augment_transforms, train_ok, train_ok, key="ovs_test_transform_random")
    expect_failure(m.check_augment_transforms, flipping_test, test_ok, key="ovs_no_augmentation")
    expect_failure(m.check_augment_transforms, train_ok, T.Compose([T.Resize((64, 64)), T.ToTensor(),
                                                                  T.Normalize([0.5] * 3, [0.5] * 3)]),
                   key="ovs_transform_range")
    expect_failure(m.check_augment_transforms, train_ok, T.Compose([T.Resize(64), T.ToTensor()]),
                   key="ovs_transform_resize_int")


# --- data loaders ---------------------------------------------------------------------------------------

def test_dataloaders_reference_passes(ns):
    both(m.check_dataloaders, ns["train_dataloader_custom"], ns["test_dataloader_custom"], ns["train_dir"],
         ns["test_dir"], ns["BATCH_SIZE"])


def test_dataloaders_mistakes(ns):
    train_ds, test_ds, dirs = ns["train_data_custom"], ns["test_data_custom"], (ns["train_dir"], ns["test_dir"])
    bs = ns["BATCH_SIZE"]

    def run(train_loader, test_loader, **kw):
        return expect_failure(m.check_dataloaders, train_loader, test_loader, *dirs, bs, **kw)

    run(DataLoader(train_ds, bs, shuffle=True), DataLoader(test_ds, bs, shuffle=True), key="ovs_test_shuffled")
    run(DataLoader(train_ds, bs), DataLoader(test_ds, bs), key="ovs_train_not_shuffled")
    run(DataLoader(test_ds, bs, shuffle=True), DataLoader(train_ds, bs), key="ovs_loaders_swapped")
    run(DataLoader(train_ds, 32, shuffle=True), DataLoader(test_ds, 32), key="ovs_loader_batch_size")
    no_transform = ns["ImageFolderCustom"](ns["train_dir"])
    run(DataLoader(no_transform, bs, shuffle=True), DataLoader(test_ds, bs), key="student_error",
        hint="hint_collate_pil")
    run("train_dataloader_custom", DataLoader(test_ds, bs), key="ovs_not_dataloader")


# --- TinyVGG ----------------------------------------------------------------------------------------------

class FunctionalTinyVGG(nn.Module):
    """A correct TinyVGG written differently: one Sequential per block, F.relu, MaxPool in forward."""

    def __init__(self, input_shape, hidden_units, output_shape):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(input_shape, hidden_units, 3, padding=1)] +
                                   [nn.Conv2d(hidden_units, hidden_units, 3, padding=1) for _ in range(3)])
        self.out = nn.Linear(hidden_units * 16 * 16, output_shape)

    def forward(self, x):
        for i, conv in enumerate(self.convs):
            x = F.relu(conv(x))
            if i % 2:
                x = F.max_pool2d(x, 2)
        return self.out(x.flatten(1))


def _tinyvgg_variant(*, padding=1, flat=16, relu=True, softmax=False, in_channels=None, hidden=None):
    class Variant(nn.Module):
        def __init__(self, input_shape, hidden_units, output_shape):
            super().__init__()
            h = hidden or hidden_units
            cin = in_channels or input_shape
            act = nn.ReLU if relu else nn.Identity
            self.features = nn.Sequential(
                nn.Conv2d(cin, h, 3, 1, padding), act(), nn.Conv2d(h, h, 3, 1, padding), act(), nn.MaxPool2d(2),
                nn.Conv2d(h, h, 3, 1, padding), act(), nn.Conv2d(h, h, 3, 1, padding), act(), nn.MaxPool2d(2))
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(h * flat * flat, output_shape))

        def forward(self, x):
            out = self.classifier(self.features(x))
            return torch.softmax(out, dim=1) if softmax else out

    return Variant


def test_tiny_vgg_reference_and_alternatives_pass(ns):
    both(m.check_tiny_vgg, ns["TinyVGG"])
    both(m.check_tiny_vgg, FunctionalTinyVGG)
    both(m.check_tiny_vgg, m.ReferenceTinyVGG)


class ClassifierFirstTinyVGG(nn.Module):
    """A correct TinyVGG whose classifier is registered before the convolutions (another state_dict order)."""

    def __init__(self, input_shape, hidden_units, output_shape):
        super().__init__()
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(hidden_units * 16 * 16, output_shape))
        self.features = FunctionalTinyVGG(input_shape, hidden_units, output_shape).convs

    def forward(self, x):
        for i, conv in enumerate(self.features):
            x = F.relu(conv(x))
            if i % 2:
                x = F.max_pool2d(x, 2)
        return self.classifier(x)


def test_tiny_vgg_is_judged_by_its_behaviour():
    both(m.check_tiny_vgg, ClassifierFirstTinyVGG)

    class AvgPool(FunctionalTinyVGG):   # the right layers, another computation
        def forward(self, x):
            for i, conv in enumerate(self.convs):
                x = F.relu(conv(x))
                if i % 2:
                    x = F.avg_pool2d(x, 2)
            return self.out(x.flatten(1))

    expect_failure(m.check_tiny_vgg, AvgPool, key="ovs_tinyvgg_differs")


def test_tiny_vgg_mistakes():
    expect_failure(m.check_tiny_vgg, _tinyvgg_variant(padding=0, flat=13), key="ovs_tinyvgg_no_padding")
    expect_failure(m.check_tiny_vgg, _tinyvgg_variant(padding=0), key="ovs_tinyvgg_flatten")
    expect_failure(m.check_tiny_vgg, _tinyvgg_variant(flat=32), key="ovs_tinyvgg_flatten")
    expect_failure(m.check_tiny_vgg, _tinyvgg_variant(relu=False), key="ovs_tinyvgg_linear")
    expect_failure(m.check_tiny_vgg, _tinyvgg_variant(softmax=True), key="ovs_tinyvgg_probabilities")
    expect_failure(m.check_tiny_vgg, _tinyvgg_variant(in_channels=3), key="ovs_tinyvgg_channels", hidden=True)
    expect_failure(m.check_tiny_vgg, _tinyvgg_variant(hidden=10), key="ovs_tinyvgg_params", hidden=True)
    expect_failure(m.check_tiny_vgg, nn.Linear, key="construct_failed")


# --- train_step / test_step / train -------------------------------------------------------------------

def _train_step_variant(*, zero_grad=True, train_mode=True, step=True, loss_mean=True, percent=False):
    def train_step(model, dataloader, loss_fn, optimizer, device):
        if train_mode:
            model.train()
        total_loss = total_acc = 0.0
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            logits = model(X)
            loss = loss_fn(logits, y)
            total_loss += loss.item()
            if zero_grad:
                optimizer.zero_grad()
            loss.backward()
            if step:
                optimizer.step()
            total_acc += (logits.argmax(1) == y).float().mean().item() * (100 if percent else 1)
        return (total_loss / len(dataloader) if loss_mean else total_loss), total_acc / len(dataloader)

    return train_step


def test_train_step_reference_and_alternative_pass(ns):
    both(m.check_train_step, ns["train_step"])

    def sample_weighted(model, dataloader, loss_fn, optimizer, device):   # zero_grad first, totals over samples
        model.train()
        losses, correct, seen = [], 0, 0
        for X, y in dataloader:
            optimizer.zero_grad()
            out = model(X.to(device))
            loss = loss_fn(out, y.to(device))
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            correct += int((out.argmax(1).cpu() == y).sum())
            seen += len(y)
        return torch.tensor(losses).mean(), correct / seen

    both(m.check_train_step, sample_weighted)


def test_train_step_mistakes():
    expect_failure(m.check_train_step, _train_step_variant(zero_grad=False), key="ovs_no_zero_grad")
    expect_failure(m.check_train_step, _train_step_variant(zero_grad=False), key="ovs_no_zero_grad", hidden=True)
    expect_failure(m.check_train_step, _train_step_variant(train_mode=False), key="ovs_not_train_mode")
    expect_failure(m.check_train_step, _train_step_variant(step=False), key="params_unchanged")
    expect_failure(m.check_train_step, _train_step_variant(loss_mean=False), key="ovs_loss_sum")
    expect_failure(m.check_train_step, _train_step_variant(percent=True), key="ovs_acc_percent")
    expect_failure(m.check_train_step, lambda *a: None, key="ovs_step_return")


def _test_step_variant(*, eval_mode=True, no_grad=True, learn=False, percent=False):
    def test_step(model, dataloader, loss_fn, device):
        if eval_mode:
            model.eval()
        total_loss = total_acc = 0.0
        context = torch.inference_mode() if no_grad else contextlib.nullcontext()
        with context:
            for X, y in dataloader:
                X, y = X.to(device), y.to(device)
                logits = model(X)
                loss = loss_fn(logits, y)
                if learn:
                    loss.backward()
                    with torch.no_grad():
                        for p in model.parameters():
                            p -= 0.1 * p.grad
                total_loss += loss.item()
                total_acc += (logits.argmax(1) == y).float().mean().item() * (100 if percent else 1)
        return total_loss / len(dataloader), total_acc / len(dataloader)

    return test_step


def test_test_step_reference_passes(ns):
    both(m.check_test_step, ns["test_step"])
    both(m.check_test_step, _test_step_variant())


def test_test_step_mistakes():
    expect_failure(m.check_test_step, _test_step_variant(eval_mode=False), key="ovs_not_eval_mode")
    expect_failure(m.check_test_step, _test_step_variant(no_grad=False), key="ovs_grad_enabled")
    expect_failure(m.check_test_step, _test_step_variant(no_grad=False, learn=True), key="ovs_test_step_changed")
    expect_failure(m.check_test_step, _test_step_variant(percent=True), key="ovs_acc_percent")
    message = expect_failure(m.check_test_step, lambda model, dataloader, loss_fn, device: (0.0, 0.0),
                             key="ovs_step_no_forward")
    assert "model(X)" in message


def _train_variant(ns, *, test_first=False, extra_epoch=False, swap_keys=False, epochs_default=None):
    train_step, test_step = ns["train_step"], ns["test_step"]

    def train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device):
        results = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
        for _ in range(epochs + (1 if extra_epoch else 0)):
            if test_first:
                test_loss, test_acc = test_step(model, test_dataloader, loss_fn, device)
            train_loss, train_acc = train_step(model, train_dataloader, loss_fn, optimizer, device)
            if not test_first:
                test_loss, test_acc = test_step(model, test_dataloader, loss_fn, device)
            results["train_loss"].append(test_loss if swap_keys else train_loss)
            results["test_loss"].append(train_loss if swap_keys else test_loss)
            results["train_acc"].append(train_acc)
            results["test_acc"].append(test_acc)
        return results

    return train


def test_train_reference_passes(ns):
    both(m.check_train, ns["train"])
    both(m.check_train, _train_variant(ns))


def test_train_mistakes(ns):
    expect_failure(m.check_train, _train_variant(ns, test_first=True), key="ovs_results_mismatch")
    message = expect_failure(m.check_train, _train_variant(ns, extra_epoch=True), key="ovs_results_bad")
    assert "len('train_loss') = 3" in message and " / " not in message.split("Sorun:")[1]

    def texts(*args, **kwargs):
        return {key: [str(v) for v in values] for key, values in _train_variant(ns)(*args, **kwargs).items()}

    message = expect_failure(m.check_train, texts, key="ovs_results_bad")
    assert "train_loss = ['" in message and "not numbers" not in message
    expect_failure(m.check_train, _train_variant(ns, swap_keys=True), key="ovs_results_mismatch")

    def trains_on_test_data(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device):
        return _train_variant(ns)(model, test_dataloader, test_dataloader, optimizer, loss_fn, epochs, device)

    expect_failure(m.check_train, trains_on_test_data, key="ovs_train_params")


# --- model_1 -------------------------------------------------------------------------------------------

def test_model_1_untrained_or_unaugmented_fails(ns):
    torch.manual_seed(0)
    untrained = ns["TinyVGG"](3, 10, 3)
    augmented = DataLoader(ns["ImageFolderCustom"](ns["train_dir"], ns["train_transform_trivial_augment"]), 16,
                           shuffle=True)
    message = expect_failure(m.check_model_1, untrained, augmented, key="ovs_model_1_accuracy")
    assert "model_1" in message
    expect_failure(m.check_model_1, untrained, ns["train_dataloader_simple"], key="ovs_no_augmentation_used")
    expect_failure(m.check_model_1, ns["TinyVGG"](3, 10, 5), augmented, key="ovs_model_output")


@pytest.fixture(scope="module")
def trained_model_1(ns):
    """A model trained briefly on the notebook's augmented folder, and its loader."""
    torch.manual_seed(1)
    loader = DataLoader(ns["ImageFolderCustom"](ns["train_dir"], ns["train_transform_trivial_augment"]), 16,
                        shuffle=True)
    model = ns["TinyVGG"](3, 10, 3)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    for _ in range(5):
        ns["train_step"](model, loader, nn.CrossEntropyLoss(), optimizer, "cpu")
    return model, loader


def test_model_1_trained_on_digits_passes(trained_model_1):
    """A model trained briefly on the notebook's augmented folder passes the grader's own digits."""
    both(m.check_model_1, *trained_model_1)


def test_grader_digits_do_not_overlap_the_notebook_files(ns):
    """The grader measures on digits the notebook never writes (file names carry the digit's index)."""
    written = {int(p.stem.split("_")[1]) for p in Path(ns["image_path"]).glob("*/*/*.png")}
    assert len(written) == 300
    from autograder.data import digits_tensors, split_indices

    _, labels = digits_tensors(8)
    train_idx, test_idx = split_indices(labels)
    for digit in (0, 1, 2):
        assert written >= set(train_idx[labels[train_idx] == digit][:75].tolist())
        assert not written & set(train_idx[labels[train_idx] == digit][75:].tolist())
        assert not written & set(test_idx[labels[test_idx] == digit][25:].tolist())
    assert {Image.open(p).size[0] for p in Path(ns["image_path"]).glob("train/*/*.png")} == set(m.NOTEBOOK_SIZES)
    assert ns["train_data"].classes == list(m.CLASS_NAMES)


# --- pred_and_plot_image -------------------------------------------------------------------------------

def _pred_variant(*, scale=True, softmax=True, index=False, batch=True, use_transform=True, eval_mode=True,
                  to_float=True):
    from torchvision.io import read_image

    def pred_and_plot_image(model, image_path, class_names, transform=None, device="cpu"):
        image = read_image(str(image_path))
        if to_float:
            image = image.type(torch.float32)
        if scale:
            image = image / 255.0
        if transform and use_transform:
            image = transform(image)
        if eval_mode:
            model.eval()
        with torch.inference_mode():
            logits = model((image.unsqueeze(0) if batch else image).to(device))
        probs = torch.softmax(logits, dim=1) if softmax else logits
        label = int(probs.argmax(dim=1))
        return (label if index else class_names[label]), probs.max().item()

    return pred_and_plot_image


def test_pred_and_plot_image_reference_passes(ns):
    both(m.check_pred_and_plot_image, ns["pred_and_plot_image"])
    both(m.check_pred_and_plot_image, _pred_variant())


def test_pred_and_plot_image_with_pil_passes():
    def pred_and_plot_image(model, image_path, class_names, transform=None, device="cpu"):
        image = transforms.ToTensor()(Image.open(image_path).convert("RGB"))
        if transform:
            image = transform(image)
        model.eval()
        with torch.no_grad():
            probs = model(image[None].to(device)).softmax(-1).squeeze()
        return class_names[probs.argmax()], probs.max()

    both(m.check_pred_and_plot_image, pred_and_plot_image)


def test_pred_and_plot_image_mistakes():
    expect_failure(m.check_pred_and_plot_image, _pred_variant(scale=False), key="ovs_pred_not_scaled")
    expect_failure(m.check_pred_and_plot_image, _pred_variant(softmax=False), key="ovs_pred_no_softmax")
    expect_failure(m.check_pred_and_plot_image, _pred_variant(index=True), key="ovs_pred_index")
    expect_failure(m.check_pred_and_plot_image, _pred_variant(batch=False), key="student_error",
                   hint="hint_pred_batch_dim")
    expect_failure(m.check_pred_and_plot_image, _pred_variant(use_transform=False), key="student_error",
                   hint="hint_pred_size")
    expect_failure(m.check_pred_and_plot_image, _pred_variant(eval_mode=False), key="ovs_not_eval_mode")
    expect_failure(m.check_pred_and_plot_image, _pred_variant(to_float=False, scale=False), key="student_error",
                   hint="hint_uint8_input")


# --- the module as a whole -----------------------------------------------------------------------------

def test_every_check_returns_none_and_writes_nothing_to_stderr(ns, capsys):
    assert m.check_find_classes(ns["find_classes"]) is None
    assert m.check_walk_through_dir(ns["walk_through_dir"], hidden=True) is None
    with pytest.raises(AssertionError):
        m.check_tiny_vgg(_tinyvgg_variant(relu=False))
    assert capsys.readouterr().err == ""


def test_checks_do_not_leave_files_behind(ns):
    def left():
        return set(Path(tempfile.gettempdir()).glob("autograder-05-*")) | set(Path.cwd().glob(".autograder-05-*"))

    before = left()
    m.check_image_folder_custom(ns["ImageFolderCustom"], hidden=True)
    m.check_pred_and_plot_image(ns["pred_and_plot_image"])
    m.check_find_classes(ns["find_classes"], hidden=True)
    m.check_walk_through_dir(ns["walk_through_dir"])
    assert left() == before


def test_every_message_has_both_languages():
    from autograder.messages import MESSAGES

    keys = [k for k in MESSAGES if k.startswith("ovs_")]
    assert len(keys) > 40
    for key in keys:
        assert MESSAGES[key]["tr"] and MESSAGES[key]["en"]


def test_tests_and_points():
    spec = m.ASSIGNMENT
    assert [t.id for t in spec.tests] == [
        "test_walk_through_dir", "test_data_transform", "test_find_classes", "test_image_folder_custom",
        "test_dataloaders", "test_augment_transforms", "test_tiny_vgg", "test_train_step", "test_test_step",
        "test_train", "test_model_1", "test_pred_and_plot_image"]
    assert spec.max_score == 25


def test_deepcopy_of_probe_keeps_its_calls_separate():
    probe = m.probe_cnn()
    probe(torch.zeros(1, 3, 16, 16))
    clone = copy.deepcopy(probe)
    clone.calls.clear()
    assert len(probe.calls) == 1


# --- the instructor's secret, and what the kernel sees -------------------------------------------------

def test_reference_passes_the_hidden_checks_with_another_secret(ns, trained_model_1):
    """With an instructor's secret the hidden seeds differ; the expected values follow them."""
    from autograder import secret

    secret.use(b"some-secret")
    try:
        assert m.SEEDS[True] != 4242 and m.DIGIT_SEEDS[True] != 4251
        m.check_walk_through_dir(ns["walk_through_dir"], hidden=True)
        m.check_data_transform(ns["data_transform"], hidden=True)
        m.check_find_classes(ns["find_classes"], hidden=True)
        m.check_image_folder_custom(ns["ImageFolderCustom"], hidden=True)
        m.check_dataloaders(ns["train_dataloader_custom"], ns["test_dataloader_custom"], ns["train_dir"],
                            ns["test_dir"], ns["BATCH_SIZE"], hidden=True)
        m.check_augment_transforms(ns["train_transform_trivial_augment"], ns["test_transform"], hidden=True)
        m.check_tiny_vgg(ns["TinyVGG"], hidden=True)
        m.check_train_step(ns["train_step"], hidden=True)
        m.check_test_step(ns["test_step"], hidden=True)
        m.check_train(ns["train"], hidden=True)
        m.check_model_1(*trained_model_1, hidden=True)
        m.check_pred_and_plot_image(ns["pred_and_plot_image"], hidden=True)
    finally:
        secret.use(None)


class Recording(LocalOracle):
    """The local oracle, remembering every query the host sent."""

    def __init__(self, cell: str, values: dict):
        super().__init__("ozel_veri_setleri", cell, values)
        self.queries: list[tuple[str, dict]] = []

    def _answer(self, probe, query):
        self.queries.append((probe, query))
        return super()._answer(probe, query)


def test_model_1_measuring_digits_never_reach_the_kernel(trained_model_1):
    """Neither the measuring digits nor their labels are sent: the host measures its own copy of ``model_1``."""
    model, loader = trained_model_1
    oracle = Recording("model_1", {"model_1": model, "train_dataloader_augmented": loader})
    m.check_model_1.judge(oracle, hidden=True)
    X, y = m.measuring_digits(True)
    sent = [t for _, query in oracle.queries for t in _tensors(query)]
    assert sent and not any(t.dtype == torch.long for t in sent)   # no labels at all
    measured = _planes(X)
    assert not any(plane in measured for t in sent if t.shape[-2:] == X.shape[-2:] for plane in _planes(t))
    assert 0 < (y[1:] != y[:-1]).float().mean() and not torch.equal(y, y.sort().values)  # not grouped by class


def _planes(images: torch.Tensor) -> set[bytes]:
    """Every 64x64 channel of ``images`` (any leading shape), as bytes."""
    return {bytes(plane.numpy()) for plane in images.float().reshape(-1, *images.shape[-2:]).contiguous()}


def _numbers(value):
    if type(value) is int:
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _numbers(item)


def test_hidden_queries_carry_neither_hidden_seed_nor_measuring_digits(ns, trained_model_1):
    """Every hidden check, under an instructor's secret: no number sent is (near) a hidden seed, and no
    image of model_1's measuring digits is sent (not even resized: every sent 64x64 image is compared)."""
    from autograder import secret

    values = {**ns, "model_1": trained_model_1[0], "train_dataloader_augmented": trained_model_1[1]}
    secret.use(b"some-secret")
    try:
        hidden_seeds = (m.SEEDS[True], m.DIGIT_SEEDS[True])
        X, _ = m.measuring_digits(True)
        queries = []
        for spec in m.ASSIGNMENT.tests:
            oracle = Recording(spec.cell, {name: values[name] for name in spec.names})
            spec.check.judge(oracle, hidden=True)
            queries += oracle.queries
    finally:
        secret.use(None)
    assert {probe for probe, _ in queries} >= {"transform_outputs", "model_1_model", "train_step", "tiny_vgg"}
    numbers = [v for _, query in queries for v in _numbers(query)]
    assert numbers and not any(abs(v - s) < 10_000 for v in numbers for s in hidden_seeds)
    measured = _planes(X)
    sent = [t for _, query in queries for t in _tensors(query) if t.shape[-2:] == X.shape[-2:]]
    assert sent and not any(plane in measured for t in sent for plane in _planes(t))


def _tensors(value):
    if isinstance(value, torch.Tensor):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _tensors(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _tensors(item)


# --- forged answers: a kernel that lies cannot pass without the host's secrets ------------------------------

class Forged(Oracle):
    """A kernel whose probes answer whatever ``answers[probe](inputs)`` returns (``inputs``: the host's
    keyword arguments to ``ask``)."""

    package = "ozel_veri_setleri"

    def __init__(self, cell: str, **answers):
        self.cell, self.answers = cell, answers

    def _answer(self, probe, query):
        return {"ok": self.answers[probe](query["inputs"])}


def _ok(value) -> dict:
    return {"ok": value}


def _forged_model_1(answer) -> Forged:
    types = {"types": _ok({"model_1": True, "loader": True, "loader_type": "DataLoader"})}
    return Forged("model_1", model_1_loader=lambda q: types, model_1_model=answer)


def _untrained(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return m.ReferenceTinyVGG(3, 10, 3)


def _model_1_answer(model: nn.Module, X: torch.Tensor, out=None) -> dict:
    """What an honest kernel returns for ``model`` (``out``: other outputs in place of the model's own)."""
    model.eval()
    with torch.inference_mode():
        own = model(X)
    return {"out": own.clone() if out is None else out, "state": {k: v.clone() for k, v in model.state_dict().items()},
            "device": "cpu"}


def test_forged_model_1_logits_do_not_pass():
    def by_position(q):   # outputs that claim confident predictions, weights of an untrained model
        n = len(q["X_check"])
        claimed = F.one_hot(torch.arange(n) * 3 // n, 3).float() * 10
        return _model_1_answer(_untrained(), q["X_check"], claimed)

    def honest_untrained(q):  # consistent, but the host's copy measures an untrained model
        return _model_1_answer(_untrained(), q["X_check"])

    class Sub(torch.Tensor):
        pass

    def subclass(q):
        return {**honest_untrained(q), "out": torch.zeros(len(q["X_check"]), 3).as_subclass(Sub)}

    for answer, key in ((by_position, "ovs_model_1_differs"), (honest_untrained, "ovs_model_1_accuracy")):
        with pytest.raises(CheckFailure) as info:
            m.check_model_1.judge(_forged_model_1(answer), hidden=True)
        assert info.value.key == key
    for answer in (subclass, lambda q: {"out": torch.zeros(2, 3)}, lambda q: {"out": None, "state": None}):
        with pytest.raises(CheckFailure) as info:
            m.check_model_1.judge(_forged_model_1(answer), hidden=True)
        assert info.value.key in ("bad_answer", "ovs_model_output")


def test_forged_lookup_logits_do_not_pass():
    """The reviewer's attack: a model that returns zeros, and one-hot "logits" looked up (nearest neighbour) in
    sklearn's digits, which the kernel can read, for whatever images it is sent: the measuring digits are
    not among them, and the host's copy of the returned weights gives neither those outputs nor the accuracy."""
    from autograder.data import digits_tensors

    known = torch.nn.functional.interpolate(digits_tensors(8)[0], size=(64, 64), mode="bilinear").repeat(1, 3, 1, 1)
    labels = digits_tensors(8)[1]
    digit_to_class = {m.DIGIT_OF_CLASS[name]: i for i, name in enumerate(m.CLASS_NAMES)}

    def lookup(images):
        nearest = labels[torch.cdist(images.flatten(1), known.flatten(1)).argmin(dim=1)]
        return F.one_hot(torch.tensor([digit_to_class.get(int(d), 0) for d in nearest]), 3).float() * 10

    zeros = _untrained()
    with torch.no_grad():
        for p in zeros.parameters():
            p.zero_()

    with pytest.raises(CheckFailure) as info:
        m.check_model_1.judge(_forged_model_1(lambda q: _model_1_answer(zeros, q["X_check"], lookup(q["X_check"]))),
                              hidden=True)
    assert info.value.key == "ovs_model_1_differs"
    with pytest.raises(CheckFailure) as info:   # the zero model's own outputs: the host measures zeros
        m.check_model_1.judge(_forged_model_1(lambda q: _model_1_answer(zeros, q["X_check"])), hidden=True)
    assert info.value.key == "ovs_model_1_accuracy"


def test_forged_tiny_vgg_facts_without_the_behaviour_do_not_pass():
    def facts(q):
        reference = m.ReferenceTinyVGG(q["input_shape"], q["hidden_units"], q["output_shape"])
        n, classes = len(q["X"]), q["output_shape"]
        return {"out": _ok(torch.randn(n, classes)), "parameters": _ok(sum(p.numel() for p in reference.parameters())),
                "missing_activation": _ok(False),
                "outputs": _ok({"big": torch.randn(n, classes) * 5, "x": torch.randn(n, classes)}),
                "state": _ok(reference.state_dict()), "unused": _ok(None)}

    with pytest.raises(CheckFailure) as info:
        m.check_tiny_vgg.judge(Forged("tiny_vgg", tiny_vgg=facts), hidden=True)
    assert info.value.key == "ovs_tinyvgg_differs"

    def wrong_types(q):
        return {**facts(q), "parameters": _ok(float(facts(q)["parameters"]["ok"]))}

    with pytest.raises(CheckFailure) as info:
        m.check_tiny_vgg.judge(Forged("tiny_vgg", tiny_vgg=wrong_types), hidden=True)
    assert info.value.key == "bad_answer"


def test_forged_step_answers_do_not_pass():
    def unchanged(q):   # plausible numbers, modes as asked, but no training happened
        return {"result": [1.05, 0.4], "short": "", "calls": [[True, True] for _ in range(8)],
                "state": q["state"]}

    with pytest.raises(CheckFailure) as info:
        m.check_train_step.judge(Forged("train_step", train_step=unchanged), hidden=True)
    assert info.value.key == "params_unchanged"

    def other_model(q):
        return {**unchanged(q), "state": nn.Linear(3, 3).state_dict()}

    with pytest.raises(CheckFailure) as info:
        m.check_train_step.judge(Forged("train_step", train_step=other_model), hidden=True)
    assert info.value.key == "state_mismatch"

    def claims_eval(q):   # test_step: the state is untouched, but the numbers are made up
        return {"result": [0.9, 0.5], "short": "", "calls": [[False, False] for _ in range(4)],
                "state": q["state"]}

    with pytest.raises(CheckFailure) as info:
        m.check_test_step.judge(Forged("test_step", test_step=claims_eval), hidden=True)
    assert info.value.key == "ovs_loss_wrong"
    with pytest.raises(CheckFailure) as info:
        m.check_test_step.judge(Forged("test_step", test_step=lambda q: "ok"), hidden=True)
    assert info.value.key == "bad_answer"
