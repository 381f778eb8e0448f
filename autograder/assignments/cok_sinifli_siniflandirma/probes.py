"""Kernel side of 03's checks: call the student's code on the host's inputs, return plain data."""

from __future__ import annotations

from torch import nn

from autograder import checks as c
from autograder.assignments.cok_sinifli_siniflandirma.reference import reference_model


def values(v: dict) -> dict:
    """The student's values as they are (tensors travel, anything else as its type's name)."""
    return dict(v)


def blob_outputs(v: dict, features: int, classes: int, X) -> object:
    """A fresh ``BlobModel(features, classes)``'s outputs on the host's inputs."""
    cls = v["BlobModel"]
    c.expect_module_class(cls, "BlobModel")
    model = c.construct(cls, "BlobModel", features, classes).to(c.device())
    return c.outputs(model, {"x": X})["x"]


def blob_train(v: dict, features: int, classes: int, X_train, y_train, X_test, steps: int, lr: float) -> dict:
    """A fresh ``BlobModel`` trained by the grader's loop on the host's training data, then its outputs
    on the host's unlabelled test points."""
    dev = c.device()
    model = c.construct(v["BlobModel"], "BlobModel", features, classes).to(dev)
    losses = c.train_with(model, X_train.to(dev), y_train.to(dev), nn.CrossEntropyLoss(), steps=steps, lr=lr)
    return {"losses": losses, "logits": c.outputs(model, {"x": X_test})["x"]}


def blob_sizes(v: dict, features: int, classes: int, hidden_units: list, X) -> list:
    """The parameter count of ``BlobModel(features, classes, hidden_units=h)`` for each ``h``, each model
    run once on the host's inputs (a size only some layers follow fails there)."""
    cls = v["BlobModel"]
    c.expect_module_class(cls, "BlobModel")
    counts = []
    for h in hidden_units:
        model = c.construct(cls, "BlobModel", features, classes, hidden_units=h).to(c.device())
        c.outputs(model, {"x": X})
        counts.append(sum(p.numel() for p in model.parameters()))
    return counts


def predictions(v: dict, logits: list) -> list:
    """``logits_to_predictions`` on each of the host's logits."""
    fn = v["logits_to_predictions"]
    c.expect_callable(fn, "logits_to_predictions")
    dev = c.device()
    return [c.call(fn, z.to(dev)) for z in logits]


def train_multiclass(v: dict, state: dict, features: int, classes: int, X_train, y_train, X_test, y_test) -> dict:
    """The student's ``train_multiclass`` on the grader's reference model; its state afterwards."""
    return c.train_reference(v["train_multiclass"], "train_multiclass", reference_model(features, classes), state,
                             X_train, y_train, X_test, y_test)


def spiral_outputs(v: dict, inputs: dict) -> dict:
    """A fresh ``SpiralModel()``'s outputs on the host's inputs."""
    cls = v["SpiralModel"]
    c.expect_module_class(cls, "SpiralModel")
    model = c.construct(cls, "SpiralModel").to(c.device())
    return c.outputs(model, inputs)


def spiral_train(v: dict, X_train, y_train, steps: int, lr: float, inputs: dict) -> dict:
    """A fresh ``SpiralModel()`` trained by the grader's loop on the host's data, then its outputs."""
    dev = c.device()
    model = c.construct(v["SpiralModel"], "SpiralModel").to(dev)
    losses = c.train_with(model, X_train.to(dev), y_train.to(dev), nn.CrossEntropyLoss(), steps=steps, lr=lr)
    return {"losses": losses, "outputs": c.outputs(model, inputs)}


def spiral_model(v: dict, inputs: dict) -> dict:
    """The student's trained ``spiral_model``'s outputs on the host's inputs."""
    model = v["spiral_model"]
    if not isinstance(model, nn.Module):
        return {"is_module": False}
    model.to(c.device())
    return {"is_module": True, "outputs": c.outputs(model, inputs)}


def _each(fn, name: str, cases: list) -> list:
    c.expect_callable(fn, name)
    dev = c.device()
    return [c.call(fn, y_true.to(dev), y_pred.to(dev), classes) for y_true, y_pred, classes in cases]


def confusion(v: dict, cases: list) -> list:
    """``confusion_matrix_fn(y_true, y_pred, num_classes)`` on each of the host's cases."""
    return _each(v["confusion_matrix_fn"], "confusion_matrix_fn", cases)


def metrics(v: dict, cases: list) -> list:
    """``classification_metrics(y_true, y_pred, num_classes)`` on each of the host's cases."""
    return _each(v["classification_metrics"], "classification_metrics", cases)
