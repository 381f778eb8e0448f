"""The tamper guard, in-process: what it notices and what it leaves alone."""

from __future__ import annotations

import pytest
import torch
from helpers import expect_failure
from torch import nn

from autograder import checks as c
from autograder import guard
from autograder.assignments import ikili_siniflandirma as a02


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
