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

NAME = "05_ozel_veri_setleri"
pytestmark = pytest.mark.slow


def test_solution_scores_full_points():
    assert len(assert_solution_scores_full(NAME, 25)["tests"]) == 12


def test_release_scores_zero_with_the_not_filled_message():
    assert_release_scores_zero(NAME, 25)


WRONG = {
    # counts every file, the stray .txt files included
    "walk_through_dir": '''
def walk_through_dir(dir_path):
    return {d: (len(dn), len(fn)) for d, dn, fn in os.walk(dir_path)}
''',
    # right classes, but no error for a folder without classes
    "find_classes": '''
def find_classes(directory):
    classes = sorted(entry.name for entry in os.scandir(directory) if entry.is_dir())
    return classes, {name: i for i, name in enumerate(classes)}
''',
    # measures in training mode and with gradients on
    "test_step": '''
def test_step(model, dataloader, loss_fn, device):
    test_loss, test_acc = 0.0, 0.0
    for X, y in dataloader:
        X, y = X.to(device), y.to(device)
        logits = model(X)
        test_loss += loss_fn(logits, y).item()
        test_acc += (logits.argmax(dim=1) == y).sum().item() / len(y)
    return test_loss / len(dataloader), test_acc / len(dataloader)
''',
    # augmented loader, but the model is never trained
    "model_1": '''
train_dataloader_augmented = DataLoader(ImageFolderCustom(train_dir, transform=train_transform_trivial_augment),
                                        batch_size=BATCH_SIZE, shuffle=True)
torch.manual_seed(42)
model_1 = TinyVGG(3, 10, len(class_names)).to(device)
model_1_results = {"train_loss": [1.0] * 5, "train_acc": [0.3] * 5, "test_loss": [1.0] * 5, "test_acc": [0.3] * 5}
''',
    # forgets to scale the uint8 pixels to 0–1
    "pred_and_plot_image": '''
def pred_and_plot_image(model, image_path, class_names, transform=None, device=device):
    image = read_image(str(image_path)).type(torch.float32)
    if transform:
        image = transform(image)
    model.eval()
    with torch.inference_mode():
        probs = torch.softmax(model(image.unsqueeze(0).to(device)), dim=1)
    return class_names[probs.argmax(dim=1).item()], probs.max().item()
''',
}

EXPECTED = {
    "test_walk_through_dir": "görüntü olmayan dosyaları da",
    "test_find_classes": "FileNotFoundError",
    "test_test_step": "model.eval()",
    "test_model_1": "notlandırıcının kendi rakam görüntülerinde",
    "test_pred_and_plot_image": "0–255",
}


def test_typical_mistakes_fail_exactly_their_tests(tmp_path):
    rc, result = check_json(make_submission(tmp_path, NAME, WRONG))
    assert rc == 1 and result["max_score"] == 25
    assert_fails_exactly(result, EXPECTED)
