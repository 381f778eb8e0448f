"""03_cok_sinifli_siniflandirma through the command line: solution, release and wrong submissions."""

from __future__ import annotations

import pytest
from helpers import (
    assert_fails_exactly,
    assert_release_scores_zero,
    assert_solution_scores_full,
    check_json,
    make_submission,
)

NAME = "03_cok_sinifli_siniflandirma"
TESTS = ["test_blob_data", "test_blob_model", "test_blob_model_hidden_units", "test_logits_to_predictions",
         "test_train_multiclass", "test_train_multiclass_history", "test_spiral_model", "test_spiral_data",
         "test_spirals", "test_confusion_matrix_fn", "test_classification_metrics"]

pytestmark = pytest.mark.slow


def test_solution_scores_full_points():
    assert_solution_scores_full(NAME, 20, TESTS)


def test_release_scores_zero_with_not_filled_everywhere():
    assert_release_scores_zero(NAME, 20)


FLOAT_LABELS_AND_SOFTMAX = {
    # labels left as float: CrossEntropyLoss would refuse them
    "blob_data": """\
X_blob, y_blob = make_blobs(n_samples=1000, n_features=2, centers=4, cluster_std=1.5, random_state=42)
X_blob = torch.from_numpy(X_blob).type(torch.float)
y_blob = torch.from_numpy(y_blob).type(torch.float)
X_blob_train, X_blob_test, y_blob_train, y_blob_test = train_test_split(X_blob, y_blob, test_size=0.2,
                                                                        random_state=42)
""",
    # softmax inside forward
    "blob_model": """\
class BlobModel(nn.Module):
    def __init__(self, input_features, output_features, hidden_units=8):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(input_features, hidden_units), nn.ReLU(),
                                    nn.Linear(hidden_units, output_features))

    def forward(self, x):
        return torch.softmax(self.layers(x), dim=1)
""",
    # precision and recall swapped
    "classification_metrics": """\
def classification_metrics(y_true, y_pred, num_classes):
    cm = confusion_matrix_fn(y_true, y_pred, num_classes).float()
    tp = cm.diag()
    recall = tp / cm.sum(dim=0).clamp_min(1)
    precision = tp / cm.sum(dim=1).clamp_min(1)
    f1 = torch.nan_to_num(2 * precision * recall / (precision + recall))
    return {"accuracy": 100 * (tp.sum() / cm.sum()).item(), "precision": precision.mean().item(),
            "recall": recall.mean().item(), "f1": f1.mean().item()}
""",
}

LINEAR_SPIRAL_AND_TRANSPOSED = {
    "logits_to_predictions": """\
def logits_to_predictions(logits):
    pred_probs = torch.softmax(logits, dim=0)
    return pred_probs, logits.argmax(dim=1)
""",
    "spiral_model": """\
class SpiralModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(2, 16), nn.Linear(16, 16), nn.Linear(16, 3))

    def forward(self, x):
        return self.layers(x)
""",
    "confusion_matrix_fn": """\
def confusion_matrix_fn(y_true, y_pred, num_classes):
    cm = torch.zeros(num_classes, num_classes, dtype=torch.long)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        cm[p, t] += 1
    return cm
""",
}


@pytest.mark.parametrize("changes, expected", [
    (FLOAT_LABELS_AND_SOFTMAX, {
        "test_blob_data": "`y_blob_train` veri tipi `torch.long`",
        "test_blob_model": "`forward` içinde softmax var",
        "test_classification_metrics": "Kesinlik (precision) ile duyarlılık (recall) yer değiştirmiş",
    }),
    (LINEAR_SPIRAL_AND_TRANSPOSED, {
        "test_logits_to_predictions": "softmax(logits, dim=1)",
        "test_spiral_model": "`SpiralModel` doğrusal (lineer) davranıyor",
        "test_spirals": "`spiral_model` doğrusal (lineer) davranıyor",
        "test_confusion_matrix_fn": "Karışıklık matrisi (confusion matrix) devrik",
        # the solution's metrics read the transposed matrix: precision and recall come out swapped
        "test_classification_metrics": "yer değiştirmiş",
    }),
], ids=["float-labels-softmax-swapped", "linear-spiral-transposed"])
def test_wrong_submission_fails_exactly_the_expected_tests(tmp_path, changes, expected):
    code, result = check_json(make_submission(tmp_path, NAME, changes))
    assert code == 1
    assert_fails_exactly(result, expected)
