"""01_is_akisi through the command line: solution, release and wrong submissions."""

from __future__ import annotations

import pytest
from helpers import (
    assert_fails_exactly,
    assert_release_scores_zero,
    assert_solution_scores_full,
    check_json,
    make_submission,
)

NAME = "01_is_akisi"
TESTS = ["test_data", "test_linear_regression_model", "test_loss_and_optimizer", "test_train_and_test",
         "test_train_and_test_modes", "test_save_load", "test_linear_regression_model_v2", "test_model_1"]

pytestmark = pytest.mark.slow


def test_solution_scores_full_points():
    assert_solution_scores_full(NAME, 14, TESTS)


def test_release_scores_zero_with_not_filled_everywhere():
    assert_release_scores_zero(NAME, 14)


SHUFFLED_FOREIGN_OPTIMIZER_WHOLE_MODEL = {
    # a random split instead of the in-order one
    "data": """\
from sklearn.model_selection import train_test_split
weight, bias = 0.7, 0.3
X = torch.arange(0, 1, 0.02).unsqueeze(dim=1)
y = weight * X + bias
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
""",
    # the optimizer gets a different model's parameters
    "loss_and_optimizer": """\
torch.manual_seed(42)
model_0 = LinearRegressionModel()
loss_fn = nn.L1Loss()
optimizer = torch.optim.SGD(params=LinearRegressionModel().parameters(), lr=0.01)
""",
    # the whole model is pickled instead of its state_dict
    "save_load": """\
def save_model(model, path):
    torch.save(model, path)


def load_model(model_class, path):
    return torch.load(path, weights_only=False)
""",
}

PLAIN_TENSOR_NO_EVAL_SHORT_TRAINING = {
    # the bias is a plain tensor: model.parameters() does not see it
    "linear_regression_model": """\
class LinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1))
        self.bias = torch.randn(1, requires_grad=True)

    def forward(self, x):
        return self.weights * x + self.bias
""",
    # the test pass neither switches to eval mode nor turns gradients off
    "train_and_test": """\
def train_and_test(model, loss_fn, optimizer, X_train, y_train, X_test, y_test, epochs):
    history = {"train_loss": [], "test_loss": []}
    for epoch in range(epochs):
        model.train()
        loss = loss_fn(model(X_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        test_loss = loss_fn(model(X_test), y_test)
        history["train_loss"].append(loss.item())
        history["test_loss"].append(test_loss.item())
    return history
""",
    # far too few epochs
    "model_1": """\
torch.manual_seed(42)
model_1 = LinearRegressionModelV2().to(device)
optimizer_1 = torch.optim.SGD(params=model_1.parameters(), lr=0.01)
history_1 = train_and_test(model_1, nn.L1Loss(), optimizer_1, X_train.to(device), y_train.to(device),
                           X_test.to(device), y_test.to(device), epochs=100)
""",
}


@pytest.mark.parametrize("changes, expected", [
    (SHUFFLED_FOREIGN_OPTIMIZER_WHOLE_MODEL, {
        "test_data": "sırası karışık",
        "test_loss_and_optimizer": "`optimizer` `model_0`'ın parametrelerini güncellemiyor",
        "test_save_load": "`save_model` modelin kendisini kaydetmiş",
    }),
    (PLAIN_TENSOR_NO_EVAL_SHORT_TRAINING, {
        "test_linear_regression_model": "nn.Parameter(torch.randn(1))",
        # the loop learns: only the modes' point is lost
        "test_train_and_test_modes": "Test kümesindeki ileri geçiş eğitim kipinde çalıştı",
        "test_model_1": "`model_1` doğruyu yeterince iyi öğrenmemiş",
    }),
], ids=["shuffled-foreign-optimizer-whole-model", "plain-tensor-no-eval-short-training"])
def test_wrong_submission_fails_exactly_the_expected_tests(tmp_path, changes, expected):
    code, result = check_json(make_submission(tmp_path, NAME, changes))
    assert code == 1
    assert_fails_exactly(result, expected)


def test_course_style_model_1_reusing_names_keeps_every_point(tmp_path):
    """The course's own model_1 cell reuses `loss_fn` and `optimizer`. Each test is judged at its
    place in the notebook, so rebinding them later does not cost test_loss_and_optimizer its points."""
    course_style = """\
torch.manual_seed(42)
model_1 = LinearRegressionModelV2().to(device)
loss_fn = nn.L1Loss()
optimizer = torch.optim.SGD(params=model_1.parameters(), lr=0.01)
history_1 = train_and_test(model_1, loss_fn, optimizer, X_train.to(device), y_train.to(device),
                           X_test.to(device), y_test.to(device), epochs=1000)
"""
    code, result = check_json(make_submission(tmp_path, NAME, {"model_1": course_style}))
    assert code == 0, [t for t in result["tests"] if not t["passed"]]
    assert result["score"] == 14
