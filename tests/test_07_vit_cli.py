"""End to end: ``autograder check`` on the notebooks of ``07_vit_yama_gommesi``.

The solution scores full points, the release scores zero with the "not filled in" message,
and a submission with several typical mistakes fails exactly the tests those mistakes touch.
"""

from __future__ import annotations

import pytest
from helpers import (
    assert_solution_scores_full,
    by_id,
    check_json,
    make_submission,
    notebook,
)

from autograder import assignments

NAME = "07_vit_yama_gommesi"
ASSIGNMENT = assignments.get(NAME)
ALL_TESTS = {spec.id for spec in ASSIGNMENT.tests}

pytestmark = pytest.mark.slow


# graded apart from the solution cell they test: their failures name that cell
SPLIT = {"test_patch_embedding_error": "patch_embedding", "test_vit_defaults": "vit"}


def test_contract_ids_and_points():
    assert {"test_patch_embedding", "test_vit"} <= ALL_TESTS
    assert set(SPLIT) <= ALL_TESTS
    assert {spec.id: spec.solution_cell for spec in ASSIGNMENT.tests if spec.id in SPLIT} == SPLIT
    assert ASSIGNMENT.max_score == 20


def test_solution_scores_full_points():
    assert_solution_scores_full(NAME, 20)


def test_release_scores_zero():
    """Every test 0, each saying that its solution cell is not filled in yet (split tests name the
    solution cell they check, through ``TestSpec.solution``)."""
    code, result = check_json(notebook("release", NAME))
    assert code == 1 and result["score"] == 0 and result["max_score"] == 20
    for test in result["tests"]:
        assert not test["passed"] and test["points"] == 0, test
        assert "bu hücreyi henüz doldurmadınız" in test["message"].lower(), test
        if test["id"] in SPLIT:
            assert f"(`{SPLIT[test['id']]}`)" in test["message"], test


MISTAKES = {
    # float division in the patch arithmetic
    "patch_arithmetic": """
def patch_counts(height, width, color_channels, patch_size):
    return height * width / patch_size**2, patch_size**2 * color_channels


number_of_patches, patch_dim = patch_counts(224, 224, 3, 16)
patch_sequence_shape = (number_of_patches, patch_dim)
embedding_output_shape = (number_of_patches + 1, 768)
""",
    # view in place of permute: the shapes are right, the tokens are scrambled
    "patch_embedding": """
class PatchEmbedding(nn.Module):
    def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
        super().__init__()
        self.patch_size = patch_size
        self.patcher = nn.Conv2d(in_channels, embedding_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        height, width = x.shape[-2:]
        if height % self.patch_size or width % self.patch_size:
            raise ValueError(f"{height}x{width} görüntü, yama boyutu {self.patch_size} ile bölünmüyor")
        x = self.patcher(x).flatten(2)
        return x.view(x.shape[0], -1, x.shape[1])
""",
    # ReLU instead of GELU: fails the MLP block and, through it, the encoder block
    "mlp_block": """
class MLPBlock(nn.Module):
    def __init__(self, embedding_dim=768, mlp_size=3072, dropout=0.1):
        super().__init__()
        self.layer_norm = nn.LayerNorm(embedding_dim)
        self.mlp = nn.Sequential(nn.Linear(embedding_dim, mlp_size), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(mlp_size, embedding_dim), nn.Dropout(dropout))

    def forward(self, x):
        return self.mlp(self.layer_norm(x))
""",
    # built but never trained
    "small_vit": """
torch.manual_seed(42)
small_vit = ViT(img_size=28, in_channels=1, patch_size=7, num_transformer_layers=2, embedding_dim=64,
                mlp_size=128, num_heads=4, num_classes=10).to(device)
history = {"train_loss": [2.3], "test_acc": [0.1]}
""",
}

EXPECTED = {
    "test_patch_arithmetic": "ondalıklı",
    "test_patch_embedding": "`permute`",
    "test_mlp_block": "ReLU",
    "test_encoder_block": "ReLU",
    "test_small_vit": "en az 0.90",
}


def test_combined_mistakes_fail_exactly_their_tests(tmp_path):
    path = make_submission(tmp_path, NAME, MISTAKES)
    code, result = check_json(path)
    assert code == 1
    tests = by_id(result)
    failed = {test_id for test_id, test in tests.items() if not test["passed"]}
    assert failed == set(EXPECTED), {t: tests[t]["message"] for t in failed ^ set(EXPECTED)}
    for test_id, words in EXPECTED.items():
        assert words in tests[test_id]["message"], (test_id, tests[test_id]["message"])
    assert result["score"] == sum(spec.points for spec in ASSIGNMENT.tests if spec.id not in EXPECTED)
