"""Data the grader generates, the reference model and the reference metrics of 03 (used on both sides)."""

from __future__ import annotations

import math

import numpy as np
import torch
from sklearn.datasets import make_blobs
from sklearn.metrics import accuracy_score, precision_recall_fscore_support
from sklearn.model_selection import train_test_split
from torch import nn

NUM_CLASSES, NUM_FEATURES = 4, 2
BLOBS = {"n_samples": 1000, "n_features": NUM_FEATURES, "centers": NUM_CLASSES, "cluster_std": 1.5,
         "random_state": 42}
SPIRALS = {"n_per_class": 100, "n_classes": 3, "noise": 0.2, "seed": 42}
CLUSTER_STD = 1.5


def blobs(seed: int, features: int = NUM_FEATURES, classes: int = NUM_CLASSES, n: int = 1000,
          centers_seed: int | None = None, device=None):
    """``make_blobs(random_state=seed)`` as float32 features and long labels.

    With ``centers_seed`` the cluster centres are those ``make_blobs(random_state=centers_seed)``
    draws and ``seed`` only draws the points around them (so a hidden seed from the instructor's
    secret gets fresh points around centres known to be well separated); when both seeds are the
    same this is that very draw."""
    if centers_seed is None or centers_seed == seed:
        X, y = make_blobs(n_samples=n, n_features=features, centers=classes, cluster_std=CLUSTER_STD,
                          random_state=seed)
    else:
        _, _, centers = make_blobs(n_samples=n, n_features=features, centers=classes, cluster_std=CLUSTER_STD,
                                   random_state=centers_seed, return_centers=True)
        X, y = make_blobs(n_samples=n, n_features=features, centers=centers, cluster_std=CLUSTER_STD,
                          random_state=seed)
    return (torch.tensor(X, dtype=torch.float32, device=device), torch.tensor(y, dtype=torch.long, device=device))


def make_spirals(n_per_class: int = 100, n_classes: int = 3, noise: float = 0.2, seed: int = 42):
    """The notebook's spirals (same code): ``n_classes`` arms turning 4 radians from the centre outwards."""
    rng = np.random.default_rng(seed)
    radius = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    y = np.repeat(np.arange(n_classes), n_per_class)
    angle = 4.0 * radius + 2 * np.pi * y / n_classes + rng.normal(0.0, noise, radius.shape)
    X = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    return X, y


def spirals(n_per_class: int, seed: int, device=None):
    X, y = make_spirals(n_per_class, SPIRALS["n_classes"], SPIRALS["noise"], seed)
    return (torch.tensor(X, dtype=torch.float32, device=device), torch.tensor(y, dtype=torch.long, device=device))


def _split(X, y):
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    return (torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_test, dtype=torch.float32),
            torch.tensor(y_train, dtype=torch.long), torch.tensor(y_test, dtype=torch.long))


def reference_blob_split():
    """The blob split the notebook asks for, recomputed."""
    return _split(*make_blobs(**BLOBS))


def reference_spiral_split():
    """The spiral split the notebook asks for, recomputed."""
    return _split(*make_spirals(**SPIRALS))


def reference_model(features: int = NUM_FEATURES, classes: int = NUM_CLASSES, hidden_units: int = 8) -> nn.Module:
    """The course's blob model (a stack of linear layers): used to test the training function alone."""
    return nn.Sequential(nn.Linear(features, hidden_units), nn.Linear(hidden_units, hidden_units),
                         nn.Linear(hidden_units, classes))


def softmax_loss_floor(classes: int) -> float:
    """The smallest cross-entropy possible when probabilities (in [0, 1]) are passed as logits."""
    return math.log(1 + (classes - 1) / math.e)


def reference_metrics(y_true: torch.Tensor, y_pred: torch.Tensor, classes: int) -> dict[str, float]:
    """Accuracy (percent, 0-100, like the notebook's ``accuracy_fn``) and macro precision, recall and F1
    (0-1) from scikit-learn (0 for a class never predicted)."""
    t, p = y_true.cpu().numpy(), y_pred.cpu().numpy()
    precision, recall, f1, _ = precision_recall_fscore_support(t, p, labels=list(range(classes)), average="macro",
                                                               zero_division=0)
    return {"accuracy": 100 * float(accuracy_score(t, p)), "precision": float(precision), "recall": float(recall),
            "f1": float(f1)}
