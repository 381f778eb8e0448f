"""End to end through ``autograder check``: the solution scores full points, the release zero,
and a submission with several typical mistakes fails exactly the expected tests."""

from __future__ import annotations

import pytest
from helpers import (
    assert_fails_exactly,
    assert_release_scores_zero,
    assert_solution_scores_full,
    check_json,
    make_submission,
)

NAME = "06_aktararak_ogrenme"
pytestmark = pytest.mark.slow


def test_solution_scores_full_points():
    assert len(assert_solution_scores_full(NAME, 18)["tests"]) == 9


def test_release_scores_zero_with_the_not_filled_message():
    assert_release_scores_zero(NAME, 18)


WRONG = {
    # always loads the project's file, whatever path it is given
    "load_pretrained": '''
def load_pretrained_model(weights_path=WEIGHTS_PATH, device=device):
    model = DigitNet(num_classes=5)
    model.load_state_dict(torch.load(WEIGHTS_PATH, map_location=device, weights_only=True))
    return model.to(device)
''',
    # in_features typed in: right for this model only
    "replace_head": '''
def replace_head(model, num_classes):
    model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(1152, num_classes))
    return model.to(next(model.parameters()).device)
''',
    # counts parameter tensors, not numbers
    "count_parameters": '''
def count_parameters(model):
    params = list(model.parameters())
    return len(params), len([p for p in params if p.requires_grad])
''',
    # "from scratch", but starting from the pretrained weights
    "scratch_model": '''
torch.manual_seed(42)
scratch_model = load_pretrained_model()
scratch_losses = train_model(scratch_model, train_dataloader, epochs=EPOCHS, lr=LR, device=device)
''',
    # rows are predictions, columns the true labels
    "confusion_matrix": '''
def make_confusion_matrix(model, dataloader, num_classes, device=device):
    model.eval()
    matrix = torch.zeros(num_classes, num_classes, dtype=torch.long)
    with torch.inference_mode():
        for X, y in dataloader:
            for true, pred in zip(y.tolist(), model(X.to(device)).argmax(dim=1).tolist()):
                matrix[pred, true] += 1
    return matrix
''',
    # the least confident wrong predictions (sorted ascending)
    "most_wrong": '''
def most_wrong(model, X, y, k, device=device):
    model.eval()
    with torch.inference_mode():
        probs = torch.softmax(model(X.to(device)), dim=1).cpu()
    confidence, preds = probs.max(dim=1)
    wrong = (preds != y).nonzero().flatten()
    return wrong[confidence[wrong].argsort()][:k]
''',
}

EXPECTED = {
    "test_load_pretrained": "kendisine verilen `weights_path`",
    "test_replace_head": "model.classifier[1].in_features",
    "test_count_parameters": "p.numel()",
    "test_scratch_model": "sıfırdan eğitim",
    "test_confusion_matrix": "devrik",
    "test_most_wrong": "en az emin",
}


def test_typical_mistakes_fail_exactly_their_tests(tmp_path):
    rc, result = check_json(make_submission(tmp_path, NAME, WRONG))
    assert rc == 1 and result["max_score"] == 18
    assert_fails_exactly(result, EXPECTED)
