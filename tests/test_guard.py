"""The tamper guard, in-process: what it notices and what it leaves alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from helpers import expect_failure
from torch import nn

from autograder import checks as c
from autograder import guard
from autograder.assignments import ikili_siniflandirma as a02

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def armed():
    guard.arm()
    yield
    guard.disarm()


def test_clean_after_ordinary_work(armed):
    model = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
    optimizer = torch.optim.Adam(model.parameters())
    model(torch.ones(3, 2)).sum().backward()
    optimizer.step()
    assert guard.problems() == []


@pytest.mark.parametrize("target, attr", [
    (torch, "eq"), (torch.Tensor, "__eq__"), (nn.Module, "__call__"), (c, "expect"), (a02, "check_data"),
])
def test_replaced_attributes_are_named(armed, monkeypatch, target, attr):
    monkeypatch.setattr(target, attr, lambda *a, **k: True)
    assert any(p.endswith(attr) for p in guard.problems())


def test_swapped_code_object_is_noticed(armed):
    original = c.expect.__code__
    try:
        c.expect.__code__ = (lambda condition, key, **params: None).__code__
        assert "autograder.checks.expect" in guard.problems()
    finally:
        c.expect.__code__ = original
    assert guard.problems() == []


def test_check_fails_when_student_code_tampers_during_the_call(armed):
    original = c.expect

    class Sneaky(nn.Module):  # linear (wrong), and silences the grader's assertions when called
        def __init__(self):
            super().__init__()
            self.layer = nn.Linear(2, 1)

        def forward(self, x):
            c.expect = lambda *a, **k: None
            return self.layer(x)

    try:
        expect_failure(a02.check_circle_model, Sneaky, key="tampering")
    finally:
        c.expect = original


def test_unarmed_guard_is_silent():
    assert not guard.armed() and guard.problems() == []


FRESH_OPTIMIZERS = """
import torch
from torch import nn
from autograder import guard
from autograder.assignments import is_akisi
guard.arm()  # before any optimizer exists: torch wraps each class's step on first use
model = nn.Linear(2, 1)
for make in (lambda p: is_akisi._RecordingSGD(p, lr=0.1), lambda p: torch.optim.SGD(p, lr=0.1),
             torch.optim.Adam, lambda p: is_akisi._RecordingSGD(p, lr=0.1)):
    optimizer = make(model.parameters())
    model(torch.ones(3, 2)).sum().backward()
    optimizer.step()
print("clean", guard.problems())
fake = lambda self, closure=None: None
fake.hooked = True  # looks like torch's wrapper to a careless check
torch.optim.Adam.step = fake
print("fake", guard.problems())
"""


def test_torch_step_wrapping_is_allowed_and_nothing_else(tmp_path):
    """In a fresh interpreter (as in a student's kernel), first uses of optimizers are not tampering."""
    proc = subprocess.run([sys.executable, "-c", FRESH_OPTIMIZERS], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["clean []", "fake ['torch.optim.Adam.step']"]
