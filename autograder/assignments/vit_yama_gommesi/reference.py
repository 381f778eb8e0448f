"""The grader's reference modules and data of 07 (importable on both sides; no student code).

The host loads the weights the kernel reports into these modules and compares outputs; parameter
counts are always computed from a reference built here (ViT-Base on the ``meta`` device, so it
costs no memory), never typed in.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from autograder.data import digits_tensors, split_indices

# The contract's ViT-Base defaults (``../shared/CONTRACT.md``): the arguments, not a result.
VIT_DEFAULTS = {"img_size": 224, "in_channels": 3, "patch_size": 16, "num_transformer_layers": 12,
                "embedding_dim": 768, "mlp_size": 3072, "num_heads": 12, "attn_dropout": 0,
                "mlp_dropout": 0.1, "embedding_dropout": 0.1, "num_classes": 1000}
PATCH_DEFAULTS = {"in_channels": 3, "patch_size": 16, "embedding_dim": 768}


class RefPatchEmbedding(nn.Module):
    def __init__(self, in_channels=3, patch_size=16, embedding_dim=768, bias=True):
        super().__init__()
        self.patch_size = patch_size
        self.proj = nn.Conv2d(in_channels, embedding_dim, kernel_size=patch_size, stride=patch_size, bias=bias)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class RefClassAndPosition(nn.Module):
    def __init__(self, num_patches=196, embedding_dim=768, *, pos_for_cls=True, class_token=True):
        super().__init__()
        self.class_token = nn.Parameter(torch.randn(1, 1, embedding_dim)) if class_token else None
        self.position = nn.Parameter(torch.randn(1, num_patches + int(pos_for_cls), embedding_dim))

    def forward(self, x):
        cls = self.class_token.expand(x.shape[0], -1, -1)
        return torch.cat([cls, x], dim=1) + self.position


class RefMSA(nn.Module):
    def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0.0):
        super().__init__()
        self.norm = nn.LayerNorm(embedding_dim)
        self.attn = nn.MultiheadAttention(embedding_dim, num_heads, dropout=attn_dropout, batch_first=True)

    def forward(self, x):
        h = self.norm(x)
        return self.attn(h, h, h, need_weights=False)[0]


class RefMLP(nn.Module):
    def __init__(self, embedding_dim=768, mlp_size=3072, dropout=0.1):
        super().__init__()
        self.norm = nn.LayerNorm(embedding_dim)
        self.fc1, self.fc2 = nn.Linear(embedding_dim, mlp_size), nn.Linear(mlp_size, embedding_dim)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, act=F.gelu):
        return self.drop(self.fc2(self.drop(act(self.fc1(self.norm(x))))))


def reference_encoder(embedding_dim, num_heads, mlp_size, *, dropout=0.0, norm_first=True,
                      activation="gelu") -> nn.TransformerEncoderLayer:
    """The block the issue names as the yardstick: PyTorch's own pre-norm encoder layer."""
    return nn.TransformerEncoderLayer(embedding_dim, num_heads, mlp_size, dropout=dropout, activation=activation,
                                      batch_first=True, norm_first=norm_first)


class RefViT(nn.Module):
    """ViT as in the paper (and the course); the keyword-only flags build typical mistakes for diagnosis."""

    def __init__(self, img_size=224, in_channels=3, patch_size=16, num_transformer_layers=12, embedding_dim=768,
                 mlp_size=3072, num_heads=12, attn_dropout=0.0, mlp_dropout=0.1, embedding_dropout=0.1,
                 num_classes=1000, *, head_norm=True, pos_for_cls=True, patch_bias=True, class_token=True):
        super().__init__()
        num_patches = (img_size // patch_size) ** 2
        self.patch = RefPatchEmbedding(in_channels, patch_size, embedding_dim, bias=patch_bias)
        self.embed = RefClassAndPosition(num_patches, embedding_dim, pos_for_cls=pos_for_cls,
                                         class_token=class_token)
        self.drop = nn.Dropout(embedding_dropout)
        self.encoder = nn.Sequential(*[
            reference_encoder(embedding_dim, num_heads, mlp_size, dropout=mlp_dropout)
            for _ in range(num_transformer_layers)])
        self.head = nn.Sequential(nn.LayerNorm(embedding_dim) if head_norm else nn.Identity(),
                                  nn.Linear(embedding_dim, num_classes))

    def forward(self, x):
        z = self.encoder(self.drop(self.embed(self.patch(x))))
        return self.head(z[:, 0])


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def reference_vit_parameters(**kwargs) -> int:
    """Parameter count of the reference ViT; built on the meta device (no memory, no init time)."""
    with torch.device("meta"):
        return count_parameters(RefViT(**kwargs))


def reference_counts(height: int, width: int, color_channels: int, patch_size: int) -> tuple[int, int]:
    return height * width // patch_size ** 2, patch_size ** 2 * color_channels


def reference_patches(image: torch.Tensor, patch_size: int) -> torch.Tensor:
    """``[C, H, W] -> [N, C, P, P]``, row-major."""
    ch = image.shape[0]
    p = patch_size
    return image.unfold(1, p, p).unfold(2, p, p).permute(1, 2, 0, 3, 4).reshape(-1, ch, p, p)


def vit_training_data(img_size: int, in_channels: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The digits' training split at ``img_size``, repeated over ``in_channels``: what the ViT check
    trains on (in the kernel)."""
    images, labels = digits_tensors(img_size)
    train_idx, _ = split_indices(labels)
    return images[train_idx].repeat(1, in_channels, 1, 1), labels[train_idx]


def heldout_digits(hidden: bool, seed: int):
    """Half of the digits' test split, which the student never trains on (visible: the first half;
    hidden: a half drawn with ``seed``)."""
    images, labels = digits_tensors(28)
    _, test_idx = split_indices(labels)
    half = len(test_idx) // 2
    if hidden:
        order = torch.randperm(len(test_idx), generator=torch.Generator().manual_seed(seed))
        idx = test_idx[order[:half].sort().values]
    else:
        idx = test_idx[:half]
    return images[idx], labels[idx]
