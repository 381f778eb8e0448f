"""Checks of ``05_ozel_veri_setleri`` (custom datasets: folders, Dataset, transforms, DataLoader).

The grader writes its own small image folders (other classes, other files: RGB, grayscale and
RGBA PNGs, JPEGs, stray text files) into a temporary directory and compares the student's code
with torchvision's reference implementation (``ImageFolder``, ``find_classes``) item by item.
Accuracy and loss are measured here, on the student's model and the grader's own images.
Visible checks use one seed/folder, hidden ones another.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import math
import numbers
import os
import random
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset, RandomSampler, SequentialSampler, TensorDataset
from torchvision import datasets, transforms

from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.data import digits_tensors, split_indices
from autograder.errors import CheckFailure
from autograder.messages import register

SEEDS = {False: 11, True: 4242}          # grader data: visible / hidden
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg")
IMAGE_SIZE = (64, 64)
# The notebook's classes: handwritten digits 0, 1 and 2 written to disk as PNG files.
CLASS_NAMES = ("bir", "iki", "sifir")     # sorted folder names, as ImageFolder orders them
DIGIT_OF_CLASS = {"sifir": 0, "bir": 1, "iki": 2}
NOTEBOOK_SIZES = (32, 40, 48, 56)         # the notebook writes digits at these sizes
MODEL_1_THRESHOLD = {False: 80.0, True: 75.0}
SAME = 0.02                               # mean absolute difference below which two images are "the same"

# The grader's own folders: class names chosen to test sorting (upper case before lower case,
# "10_on" before "2_iki") and created in a scrambled order, with a stray text file at the top.
GRADER_CLASSES = {False: ("kedi", "Araba", "ev"), True: ("zurafa", "2_iki", "Balik", "10_on", "ayi")}

register({
    "ovs_walk_not_dict": {
        "tr": "`walk_through_dir` bir sözlük (dict) döndürmeli: her klasörün yolu → (alt klasör sayısı, resim "
              "sayısı). Dönen: `{got}`. Yazdırmanın yanında sonucu `return` ile döndürmeyi unutmayın.",
        "en": "`walk_through_dir` must return a dict: each folder's path → (number of subfolders, number of "
              "images). Got: `{got}`. Besides printing, `return` the result.",
    },
    "ovs_walk_missing": {
        "tr": "`walk_through_dir` bazı klasörleri atladı (ör. `{folder}`). Bütün alt klasörleri gezmek için "
              "`os.walk(dir_path)` kullanın; başlangıç klasörünün kendisi de sonuçta olmalı.",
        "en": "`walk_through_dir` skipped some folders (e.g. `{folder}`). Use `os.walk(dir_path)` to visit every "
              "subfolder; the starting folder itself must be in the result too.",
    },
    "ovs_walk_extra": {
        "tr": "`walk_through_dir` klasör olmayan ya da verilen klasörün dışında kalan bir yol döndürdü: `{folder}`.",
        "en": "`walk_through_dir` returned a path that is not a folder inside the given one: `{folder}`.",
    },
    "ovs_walk_counts": {
        "tr": "`{folder}` için sayılar yanlış: beklenen (alt klasör, resim) = {expected}, dönen {got}.",
        "en": "Wrong counts for `{folder}`: expected (subfolders, images) = {expected}, got {got}.",
    },
    "ovs_walk_all_files": {
        "tr": "`{folder}` için resim sayısı {got}, ama klasörde {expected} resim var: resim olmayan dosyaları da "
              "(ör. `.txt`) saydınız. Yalnızca uzantısı `.png`, `.jpg` ya da `.jpeg` olan dosyaları sayın: "
              "`name.lower().endswith((\".png\", \".jpg\", \".jpeg\"))`.",
        "en": "`{folder}` has {expected} images, but you counted {got}: you also counted files that are not "
              "images (e.g. `.txt`). Count only files ending in `.png`, `.jpg` or `.jpeg`.",
    },
    "ovs_walk_swapped": {
        "tr": "`{folder}` için (alt klasör, resim) sırası ters: beklenen {expected}, dönen {got}. Önce alt klasör "
              "sayısını, sonra resim sayısını verin.",
        "en": "The (subfolders, images) order is swapped for `{folder}`: expected {expected}, got {got}.",
    },
    "ovs_find_classes_return": {
        "tr": "`find_classes` iki değer döndürmeli: `(classes, class_to_idx)` — sınıf adlarının listesi ve "
              "ad → indeks sözlüğü. Dönen: `{got}`.",
        "en": "`find_classes` must return two values: `(classes, class_to_idx)` — the list of class names and the "
              "name → index dict. Got: `{got}`.",
    },
    "ovs_find_classes_files": {
        "tr": "`find_classes` bir dosyayı (`{name}`) sınıf saydı. Yalnızca klasörler sınıftır: "
              "`entry.is_dir()` ile süzün, ör. `sorted(e.name for e in os.scandir(directory) if e.is_dir())`.",
        "en": "`find_classes` counted a file (`{name}`) as a class. Only folders are classes: filter with "
              "`entry.is_dir()`, e.g. `sorted(e.name for e in os.scandir(directory) if e.is_dir())`.",
    },
    "ovs_find_classes_unsorted": {
        "tr": "Sınıf adları doğru ama sırası yanlış: beklenen {expected}, dönen {got}. `ImageFolder` gibi adları "
              "`sorted(...)` ile alfabetik sıralayın; yoksa sıra işletim sistemine göre değişir ve etiketler "
              "karışır.",
        "en": "The class names are right but in the wrong order: expected {expected}, got {got}. Sort them with "
              "`sorted(...)` like `ImageFolder`; otherwise the order depends on the operating system and the "
              "labels get mixed up.",
    },
    "ovs_find_classes_wrong": {
        "tr": "`find_classes` yanlış sınıflar buldu: beklenen {expected}, dönen {got}. Sınıflar, verilen klasörün "
              "hemen altındaki klasörlerin adlarıdır.",
        "en": "`find_classes` found the wrong classes: expected {expected}, got {got}. The classes are the names "
              "of the folders directly inside the given folder.",
    },
    "ovs_class_to_idx": {
        "tr": "`class_to_idx` yanlış: beklenen {expected}, dönen {got}. Sıralanmış sınıflara 0'dan başlayarak "
              "sırayla indeks verin: `{{name: i for i, name in enumerate(classes)}}`.",
        "en": "`class_to_idx` is wrong: expected {expected}, got {got}. Number the sorted classes from 0: "
              "`{{name: i for i, name in enumerate(classes)}}`.",
    },
    "ovs_find_classes_no_error": {
        "tr": "İçinde hiç sınıf klasörü olmayan bir klasör için `find_classes` hata vermedi, `{got}` döndürdü. "
              "Sınıf bulunamazsa `raise FileNotFoundError(f\"{{directory}} içinde sınıf klasörü yok.\")` ile "
              "açık bir hata verin.",
        "en": "For a folder without any class folders `find_classes` raised no error and returned `{got}`. When "
              "no class is found, raise a clear error: `raise FileNotFoundError(...)`.",
    },
    "ovs_not_dataset": {
        "tr": "`ImageFolderCustom`, `torch.utils.data.Dataset`'ten türemeli: `class ImageFolderCustom(Dataset):`.",
        "en": "`ImageFolderCustom` must subclass `torch.utils.data.Dataset`: `class ImageFolderCustom(Dataset):`.",
    },
    "ovs_dataset_attr": {
        "tr": "`ImageFolderCustom` nesnesinde `{attr}` özniteliği yok. `__init__` içinde `self.paths`, "
              "`self.transform`, `self.classes` ve `self.class_to_idx` değerlerini atayın.",
        "en": "The `ImageFolderCustom` object has no `{attr}` attribute. Set `self.paths`, `self.transform`, "
              "`self.classes` and `self.class_to_idx` in `__init__`.",
    },
    "ovs_dataset_classes": {
        "tr": "`ImageFolderCustom(...).{attr}` `ImageFolder` ile aynı değil: beklenen {expected}, dönen {got}. "
              "`self.classes, self.class_to_idx = find_classes(targ_dir)` kullanın.",
        "en": "`ImageFolderCustom(...).{attr}` differs from `ImageFolder`: expected {expected}, got {got}. Use "
              "`self.classes, self.class_to_idx = find_classes(targ_dir)`.",
    },
    "ovs_dataset_missing_ext": {
        "tr": "`self.paths` bazı resimleri kaçırdı (ör. `{example}`): {expected} resim olmalı, {got} bulundu. "
              "Klasörlerde `.png` ve `.jpg`/`.jpeg` resimleri olabilir; hepsini alın, ör. "
              "`[p for p in Path(targ_dir).glob(\"*/*\") if p.suffix.lower() in (\".png\", \".jpg\", \".jpeg\")]`.",
        "en": "`self.paths` missed some images (e.g. `{example}`): there should be {expected}, found {got}. The "
              "folders may hold `.png` and `.jpg`/`.jpeg` images; take them all.",
    },
    "ovs_dataset_extra_files": {
        "tr": "`self.paths` resim olmayan dosyalar da içeriyor (ör. `{example}`). Yalnızca uzantısı `.png`, "
              "`.jpg` ya da `.jpeg` olan dosyaları alın.",
        "en": "`self.paths` also contains files that are not images (e.g. `{example}`). Take only files ending "
              "in `.png`, `.jpg` or `.jpeg`.",
    },
    "ovs_dataset_paths_wrong": {
        "tr": "`self.paths` `ImageFolder`'ın bulduğu dosyalarla uyuşmuyor (ör. `{example}`). Her sınıf klasörünün "
              "içindeki resim dosyalarını alın: `targ_dir/<sınıf>/<resim>`.",
        "en": "`self.paths` does not match the files `ImageFolder` finds (e.g. `{example}`). Take the image files "
              "inside each class folder: `targ_dir/<class>/<image>`.",
    },
    "ovs_dataset_len": {
        "tr": "`len(dataset)` {got} döndürdü, ama {expected} resim var. `__len__` resim sayısını döndürmeli: "
              "`return len(self.paths)`.",
        "en": "`len(dataset)` returned {got}, but there are {expected} images. `__len__` must return the number "
              "of images: `return len(self.paths)`.",
    },
    "ovs_dataset_unsorted": {
        "tr": "Resimler doğru ama sırası `ImageFolder`'dan farklı (ilk fark {index}. öğede). `glob` sonucu "
              "sıralı değildir: `self.paths = sorted(...)` yazın; böylece öğeler sınıfa, sonra dosya adına göre "
              "sıralanır.",
        "en": "The images are right but in a different order than `ImageFolder` (first difference at item "
              "{index}). `glob` results are not sorted: write `self.paths = sorted(...)`.",
    },
    "ovs_load_image_type": {
        "tr": "`load_image({index})` bir PIL resmi (`PIL.Image.Image`) döndürmeli, ama `{got}` döndürdü: "
              "`return Image.open(self.paths[index]).convert(\"RGB\")`.",
        "en": "`load_image({index})` must return a PIL image (`PIL.Image.Image`), but returned `{got}`.",
    },
    "ovs_not_rgb": {
        "tr": "{index}. resim {got} modunda (kanal sayısı farklı) döndü; `ImageFolder` her resmi RGB'ye çevirir "
              "(gri tonlamalı ve saydam/RGBA PNG'ler de 3 kanala iner). `load_image` içinde "
              "`Image.open(path).convert(\"RGB\")` kullanın.",
        "en": "Image {index} came back in {got} mode (a different number of channels); `ImageFolder` converts "
              "every image to RGB (grayscale and RGBA PNGs too). Use `Image.open(path).convert(\"RGB\")` in "
              "`load_image`.",
    },
    "ovs_item_not_pair": {
        "tr": "`dataset[{index}]` bir `(resim, etiket)` ikilisi döndürmeli, ama `{got}` döndürdü.",
        "en": "`dataset[{index}]` must return an `(image, label)` pair, but returned `{got}`.",
    },
    "ovs_item_swapped": {
        "tr": "`dataset[{index}]` sırası ters: önce resim, sonra etiket döndürün: `return img, class_idx`.",
        "en": "`dataset[{index}]` is the wrong way round: return the image first, then the label.",
    },
    "ovs_label_name": {
        "tr": "`dataset[{index}]` etiketi sınıf adı (`{got}`) olarak döndürdü; etiket sınıfın indeksi (tam sayı) "
              "olmalı: `self.class_to_idx[class_name]`.",
        "en": "`dataset[{index}]` returned the class name (`{got}`) as the label; the label must be the class "
              "index (an int): `self.class_to_idx[class_name]`.",
    },
    "ovs_label_wrong": {
        "tr": "`dataset[{index}]` etiketi {got}, beklenen {expected} (`{path}`). Sınıf adı, dosyanın içinde "
              "bulunduğu klasörün adıdır: `Path(path).parent.name`.",
        "en": "`dataset[{index}]` has label {got}, expected {expected} (`{path}`). The class name is the name of "
              "the folder the file is in: `Path(path).parent.name`.",
    },
    "ovs_item_image_wrong": {
        "tr": "`dataset[{index}]` resmi `ImageFolder`'ınkiyle aynı değil: `__getitem__` `self.load_image(index)` "
              "ile yüklediği resmi (dönüşüm varsa dönüştürüp) döndürmeli.",
        "en": "The image of `dataset[{index}]` differs from `ImageFolder`'s: `__getitem__` must return the image "
              "loaded with `self.load_image(index)` (transformed when there is a transform).",
    },
    "ovs_transform_ignored": {
        "tr": "`ImageFolderCustom(..., transform=...)` dönüşümü uygulamadı (dönen tip: `{got}`). `__getitem__` "
              "içinde `if self.transform: img = self.transform(img)` yazın.",
        "en": "`ImageFolderCustom(..., transform=...)` did not apply the transform (returned type: `{got}`). In "
              "`__getitem__`, write `if self.transform: img = self.transform(img)`.",
    },
    "ovs_transform_not_tensor": {
        "tr": "`{name}` bir tensör döndürmeli, ama `{got}` döndürdü: zincirin sonuna `transforms.ToTensor()` "
              "ekleyin (PIL resmi → `[kanal, yükseklik, genişlik]` float32 tensör, değerler 0–1).",
        "en": "`{name}` must return a tensor, but returned `{got}`: add `transforms.ToTensor()` at the end of the "
              "chain (PIL image → `[channels, height, width]` float32 tensor, values 0–1).",
    },
    "ovs_transform_resize_int": {
        "tr": "`{name}` çıktısının şekli {got}, beklenen {expected}. `transforms.Resize(64)` yalnızca kısa "
              "kenarı 64 yapar ve en-boy oranını korur; iki kenarı da 64 yapmak için `Resize((64, 64))` "
              "(demet/tuple) yazın.",
        "en": "`{name}` output has shape {got}, expected {expected}. `transforms.Resize(64)` only sets the short "
              "side to 64 and keeps the aspect ratio; use `Resize((64, 64))` (a tuple).",
    },
    "ovs_transform_shape": {
        "tr": "`{name}` çıktısının şekli {got}, beklenen {expected} (`[kanal, yükseklik, genişlik]`). "
              "`transforms.Resize((64, 64))` ve `transforms.ToTensor()` kullanın.",
        "en": "`{name}` output has shape {got}, expected {expected} (`[channels, height, width]`). Use "
              "`transforms.Resize((64, 64))` and `transforms.ToTensor()`.",
    },
    "ovs_transform_range": {
        "tr": "`{name}` çıktısı 0–1 aralığında değil (en küçük {low:.3f}, en büyük {high:.3f}). Bu alıştırmada "
              "`Normalize` kullanmayın; `ToTensor()` değerleri zaten 0–1 aralığına getirir.",
        "en": "`{name}` output is not in the 0–1 range (min {low:.3f}, max {high:.3f}). Don't use `Normalize` "
              "in this exercise; `ToTensor()` already scales to 0–1.",
    },
    "ovs_transform_no_flip": {
        "tr": "`{name}` resmi hiç yatay çevirmedi ({trials} denemede 0). Veri artırma (data augmentation) için "
              "`transforms.RandomHorizontalFlip(p=0.5)` ekleyin.",
        "en": "`{name}` never flipped the image horizontally (0 in {trials} tries). Add "
              "`transforms.RandomHorizontalFlip(p=0.5)` for data augmentation.",
    },
    "ovs_transform_always_flip": {
        "tr": "`{name}` resmi her seferinde çevirdi ({trials}/{trials}): `p=1.0` bir veri artırma değil, her "
              "resmi aynı biçimde değiştirmektir. `RandomHorizontalFlip(p=0.5)` kullanın.",
        "en": "`{name}` flipped the image every time ({trials}/{trials}): `p=1.0` is not augmentation. Use "
              "`RandomHorizontalFlip(p=0.5)`.",
    },
    "ovs_transform_unexpected": {
        "tr": "`{name}` beklenmeyen bir değişiklik yaptı: çıktı ne 64×64'e küçültülmüş resim ne de yatay "
              "çevrilmişi. Bu dönüşüm yalnızca `Resize((64, 64))`, `RandomHorizontalFlip(p=0.5)` ve "
              "`ToTensor()` içermeli (renk değişikliği, kırpma ya da `Normalize` yok).",
        "en": "`{name}` changed the image unexpectedly: the output is neither the image resized to 64×64 nor "
              "its horizontal flip. Use only `Resize((64, 64))`, `RandomHorizontalFlip(p=0.5)` and `ToTensor()`.",
    },
    "ovs_test_transform_random": {
        "tr": "`test_transform` aynı resme her seferinde farklı sonuç veriyor: test verisinde veri artırma "
              "yapılmaz (ölçüm her seferinde aynı olmalı). Yalnızca `Resize((64, 64))` ve `ToTensor()` kullanın.",
        "en": "`test_transform` gives a different result each time for the same image: test data is never "
              "augmented. Use only `Resize((64, 64))` and `ToTensor()`.",
    },
    "ovs_test_transform_wrong": {
        "tr": "`test_transform` çıktısı, resmin 64×64'e küçültülüp tensöre çevrilmiş hâlinden farklı. Yalnızca "
              "`transforms.Resize((64, 64))` ve `transforms.ToTensor()` kullanın.",
        "en": "`test_transform` output differs from the image resized to 64×64 and turned into a tensor. Use only "
              "`transforms.Resize((64, 64))` and `transforms.ToTensor()`.",
    },
    "ovs_no_augmentation": {
        "tr": "`{name}` resmi yalnızca {changed}/{trials} denemede küçültme ve yatay çevirme dışında değiştirdi: "
              "veri artırma yok gibi. `transforms.TrivialAugmentWide(num_magnitude_bins=31)` ekleyin "
              "(`Resize`'dan sonra, `ToTensor`'dan önce).",
        "en": "`{name}` changed the image beyond resizing and flipping in only {changed}/{trials} tries: there "
              "seems to be no augmentation. Add `transforms.TrivialAugmentWide(num_magnitude_bins=31)` (after "
              "`Resize`, before `ToTensor`).",
    },
    "ovs_not_dataloader": {
        "tr": "`{name}` bir `torch.utils.data.DataLoader` olmalı, ama `{got}` tipinde.",
        "en": "`{name}` must be a `torch.utils.data.DataLoader`, but it is a `{got}`.",
    },
    "ovs_loaders_swapped": {
        "tr": "Eğitim ve test veri yükleyicileri yer değiştirmiş: `train_dataloader_custom` {got} resim içeriyor, "
              "bu test klasörünün sayısı. `train_data_custom`'ı `train_dir`'den, `test_data_custom`'ı "
              "`test_dir`'den kurun.",
        "en": "The train and test data loaders are swapped: `train_dataloader_custom` holds {got} images, the size "
              "of the test folder. Build `train_data_custom` from `train_dir` and `test_data_custom` from "
              "`test_dir`.",
    },
    "ovs_loader_size": {
        "tr": "`{name}` içindeki veri kümesi {got} resim içeriyor, ama `{folder}` klasöründe {expected} resim var.",
        "en": "The dataset inside `{name}` holds {got} images, but the `{folder}` folder has {expected}.",
    },
    "ovs_loader_batch_size": {
        "tr": "`{name}` yığın boyutu (batch size) {got}, `BATCH_SIZE` ({expected}) olmalı: "
              "`DataLoader(..., batch_size=BATCH_SIZE)`.",
        "en": "`{name}` has batch size {got}; it should be `BATCH_SIZE` ({expected}).",
    },
    "ovs_train_not_shuffled": {
        "tr": "`train_dataloader_custom` veriyi karıştırmıyor: eğitim verisini her epokta karıştırmak için "
              "`shuffle=True` verin (model resimlerin sırasını ezberlemesin).",
        "en": "`train_dataloader_custom` does not shuffle: pass `shuffle=True` so the training data is shuffled "
              "every epoch.",
    },
    "ovs_test_shuffled": {
        "tr": "`test_dataloader_custom` veriyi karıştırıyor: test verisini karıştırmaya gerek yok (`shuffle=False`); "
              "sabit sıra sonuçları karşılaştırmayı kolaylaştırır.",
        "en": "`test_dataloader_custom` shuffles: test data needs no shuffling (`shuffle=False`).",
    },
    "ovs_test_order": {
        "tr": "`test_dataloader_custom` üzerinden bir tur, `ImageFolder(test_dir)` ile aynı etiketleri aynı sırayla "
              "vermedi ({got} etiket geldi, {expected} bekleniyordu). Veri kümesi yolları sıralı (`sorted`) "
              "tutmalı, test yükleyicisi karıştırmamalı.",
        "en": "One pass over `test_dataloader_custom` did not give the labels of `ImageFolder(test_dir)` in the "
              "same order ({got} labels, expected {expected}). Keep the dataset's paths sorted and don't "
              "shuffle the test loader.",
    },
    "ovs_batch_bad": {
        "tr": "`{name}`'dan gelen ilk yığın beklenen gibi değil: resimler `[yığın, 3, 64, 64]` float32, etiketler "
              "`[yığın]` int64 olmalı; gelen: {got}. Veri kümesine `transform=data_transform` verdiniz mi?",
        "en": "The first batch of `{name}` is not as expected: images `[batch, 3, 64, 64]` float32, labels "
              "`[batch]` int64; got: {got}. Did you pass `transform=data_transform` to the dataset?",
    },
    "hint_collate_pil": {
        "tr": "İpucu: veri yükleyici PIL resimlerini yığına (batch) koyamaz; veri kümesine resmi tensöre çeviren "
              "bir dönüşüm verin: `ImageFolderCustom(train_dir, transform=data_transform)`.",
        "en": "Hint: the data loader cannot batch PIL images; give the dataset a transform that returns tensors: "
              "`ImageFolderCustom(train_dir, transform=data_transform)`.",
    },
    "hint_stack_sizes": {
        "tr": "İpucu: resimlerin boyutları farklı olduğu için yığın (batch) kurulamadı; dönüşümde "
              "`transforms.Resize((64, 64))` kullanın.",
        "en": "Hint: the images have different sizes, so they cannot form a batch; use "
              "`transforms.Resize((64, 64))` in the transform.",
    },
    "ovs_tinyvgg_flatten": {
        "tr": "TinyVGG'nin son `nn.Linear` katmanı düzleştirilmiş (flatten) öznitelik sayısıyla uyuşmuyor: {error}. "
              "64×64 girdi, `padding=1`'li 3×3 evrişimler boyutu korur, her `MaxPool2d(2)` yarıya indirir: "
              "64 → 32 → 16. Yani `in_features=hidden_units*16*16` olmalı (evrişimlerde `padding=1` unutulmuşsa "
              "boyut 13×13'e iner).",
        "en": "TinyVGG's last `nn.Linear` does not match the number of flattened features: {error}. With 64×64 "
              "inputs, 3×3 convolutions with `padding=1` keep the size and each `MaxPool2d(2)` halves it: "
              "64 → 32 → 16, so `in_features=hidden_units*16*16` (without `padding=1` it shrinks to 13×13).",
    },
    "ovs_tinyvgg_no_padding": {
        "tr": "TinyVGG'nin evrişimlerinde dolgu (padding) yok: sınıflandırıcınız `hidden_units*13*13` öznitelik "
              "alıyor. Bu alıştırmada kurstaki gibi `padding=1` kullanın; 3×3 evrişimler boyutu korur ve iki "
              "`MaxPool2d(2)` sonrası 64 → 32 → 16 kalır: `Linear(hidden_units*16*16, output_shape)`.",
        "en": "TinyVGG's convolutions have no padding: your classifier takes `hidden_units*13*13` features. Use "
              "`padding=1` as in the course; then 64 → 32 → 16 and the classifier is "
              "`Linear(hidden_units*16*16, output_shape)`.",
    },
    "ovs_tinyvgg_channels": {
        "tr": "`TinyVGG(input_shape={input_shape}, ...)` {input_shape} kanallı girdiyi işleyemedi: {error}. İlk "
              "`nn.Conv2d`'nin `in_channels` değeri `input_shape` olmalı (3 diye sabit yazmayın).",
        "en": "`TinyVGG(input_shape={input_shape}, ...)` could not handle {input_shape}-channel input: {error}. "
              "The first `nn.Conv2d` must use `in_channels=input_shape` (don't hard-code 3).",
    },
    "ovs_tinyvgg_params": {
        "tr": "`TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})` "
              "{got} parametre içeriyor, kurstaki mimari {expected} içerir. İki blok, her blokta iki tane "
              "`Conv2d(kernel_size=3, stride=1, padding=1)` + `ReLU`, sonunda `MaxPool2d(2)`; ardından "
              "`Flatten` ve `Linear(hidden_units*16*16, output_shape)`. `hidden_units`, `input_shape` ve "
              "`output_shape` argümanlarını kullanın, sayıları sabit yazmayın.",
        "en": "`TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})` has "
              "{got} parameters, the course's architecture has {expected}. Two blocks of two "
              "`Conv2d(kernel_size=3, stride=1, padding=1)` + `ReLU`, then `MaxPool2d(2)`; then `Flatten` and "
              "`Linear(hidden_units*16*16, output_shape)`. Use the arguments, don't hard-code numbers.",
    },
    "ovs_tinyvgg_linear": {
        "tr": "TinyVGG doğrusal davranıyor: evrişim katmanlarının arasında `nn.ReLU()` yok. Aktivasyon "
              "fonksiyonu olmadan üst üste evrişimler tek bir doğrusal işlem olur.",
        "en": "TinyVGG behaves linearly: there is no `nn.ReLU()` between the convolution layers.",
    },
    "ovs_tinyvgg_probabilities": {
        "tr": "TinyVGG olasılık döndürüyor gibi (çıktılar 0–1 arasında ve toplamları 1); `forward` logit (modelin "
              "ham çıktısı) döndürmeli. `softmax`'ı kaldırın: `nn.CrossEntropyLoss` onu kendisi uygular.",
        "en": "TinyVGG seems to return probabilities; `forward` must return logits. Remove the `softmax`: "
              "`nn.CrossEntropyLoss` applies it itself.",
    },
    "ovs_tinyvgg_unused": {
        "tr": "`{name}` parametresi geri yayılımda gradyan almadı: bu katman `forward` içinde kullanılmıyor. "
              "Tanımladığınız bütün blokları `forward`'da sırayla çağırın.",
        "en": "The parameter `{name}` got no gradient in backpropagation: that layer is not used in `forward`. "
              "Call every block you defined in `forward`, in order.",
    },
    "ovs_step_return": {
        "tr": "`{name}` iki sayı döndürmeli: `(ortalama_kayıp, doğruluk)`. Dönen: `{got}`.",
        "en": "`{name}` must return two numbers: `(mean_loss, accuracy)`. Got: `{got}`.",
    },
    "ovs_not_train_mode": {
        "tr": "`train_step` modeli eğitim kipine almadı: ileri geçişlerin (forward) {bad}/{total} tanesi "
              "`model.eval()` kipinde yapıldı. Döngüden önce `model.train()` çağırın.",
        "en": "`train_step` did not put the model in training mode: {bad}/{total} forward passes ran in "
              "`model.eval()` mode. Call `model.train()` before the loop.",
    },
    "ovs_no_zero_grad": {
        "tr": "`train_step` gradyanları sıfırlamıyor: parametreler, gradyanları yığınlar boyunca biriktiren bir "
              "eğitimle aynı değiştiler. Her yığında `loss.backward()`'tan önce `optimizer.zero_grad()` çağırın.",
        "en": "`train_step` does not reset the gradients: the parameters changed exactly like a training run "
              "that accumulates gradients. Call `optimizer.zero_grad()` before `loss.backward()` in every batch.",
    },
    "ovs_train_step_params": {
        "tr": "`train_step` sonrası parametreler, her yığında bir kez (ileri geçiş → kayıp → `zero_grad` → "
              "`backward` → `step`) güncelleyen bir eğitimden farklı. Her yığın için bu beş adımı bir kez yapın; "
              "verilen `optimizer` ve `loss_fn`'i kullanın.",
        "en": "After `train_step` the parameters differ from one update per batch (forward → loss → `zero_grad` "
              "→ `backward` → `step`). Do these steps once per batch, with the given `optimizer` and `loss_fn`.",
    },
    "ovs_loss_sum": {
        "tr": "`{name}` kaybı yığınların toplamı ({got:.4f}) olarak döndü; ortalama ({expected:.4f}) olmalı: "
              "döngüden sonra `train_loss / len(dataloader)`.",
        "en": "`{name}` returned the sum of the batch losses ({got:.4f}); it should be the mean "
              "({expected:.4f}): `train_loss / len(dataloader)` after the loop.",
    },
    "ovs_loss_wrong": {
        "tr": "`{name}` ortalama kaybı {got:.4f} döndürdü, notlandırıcının ölçtüğü {expected:.4f}. Her yığının "
              "kaybını (`loss.item()`) toplayıp yığın sayısına bölün.",
        "en": "`{name}` returned a mean loss of {got:.4f}, the grader measured {expected:.4f}. Add up each batch's "
              "loss (`loss.item()`) and divide by the number of batches.",
    },
    "ovs_acc_percent": {
        "tr": "`{name}` doğruluğu yüzde olarak ({got:.2f}) döndürdü; bu alıştırmada 0–1 arası bir oran "
              "({expected:.4f}) olmalı (100 ile çarpmayın).",
        "en": "`{name}` returned the accuracy as a percentage ({got:.2f}); here it must be a 0–1 fraction "
              "({expected:.4f}) (don't multiply by 100).",
    },
    "ovs_acc_wrong": {
        "tr": "`{name}` doğruluğu {got:.4f} döndürdü, notlandırıcının ölçtüğü {expected:.4f}. Her yığında "
              "`(y_pred_class == y).sum().item() / len(y_pred)` hesaplayıp yığın sayısına göre ortalayın; "
              "tahmin sınıfı `logits.argmax(dim=1)`.",
        "en": "`{name}` returned an accuracy of {got:.4f}, the grader measured {expected:.4f}. Per batch "
              "compute `(y_pred_class == y).sum().item() / len(y_pred)` and average over batches; the predicted "
              "class is `logits.argmax(dim=1)`.",
    },
    "ovs_not_eval_mode": {
        "tr": "`{name}` modeli değerlendirme kipine almadı: ileri geçişlerin {bad}/{total} tanesi eğitim kipinde "
              "yapıldı. Önce `model.eval()` çağırın (Dropout/BatchNorm gibi katmanlar test sırasında farklı "
              "davranır).",
        "en": "`{name}` did not put the model in evaluation mode: {bad}/{total} forward passes ran in training "
              "mode. Call `model.eval()` first.",
    },
    "ovs_grad_enabled": {
        "tr": "`{name}` ileri geçişleri gradyan takibi açıkken yaptı: ölçüm ve tahminleri "
              "`with torch.inference_mode():` (ya da `torch.no_grad()`) içinde yapın; daha hızlıdır ve bellek "
              "harcamaz.",
        "en": "`{name}` ran forward passes with gradient tracking on: wrap evaluation and prediction in "
              "`with torch.inference_mode():` (or `torch.no_grad()`).",
    },
    "ovs_test_step_changed": {
        "tr": "`test_step` modelin parametrelerini değiştirdi: test adımında `loss.backward()` ya da "
              "`optimizer.step()` olmamalı, yalnızca ölçüm yapılır.",
        "en": "`test_step` changed the model's parameters: there is no `loss.backward()` or `optimizer.step()` "
              "in a test step, it only measures.",
    },
    "ovs_results_bad": {
        "tr": "`train` şu anahtarları içeren bir sözlük döndürmeli: {keys}; her biri epok başına bir sayı içeren "
              "liste ({epochs} eleman). Sorun: {problem}",
        "en": "`train` must return a dict with the keys {keys}, each a list with one number per epoch "
              "({epochs} items). Problem: {problem}",
    },
    "ovs_train_params": {
        "tr": "`train(..., epochs={epochs})` sonrası parametreler, her epokta bir kez `train_step` ve bir kez "
              "`test_step` çağıran bir eğitimden farklı. Döngü `for epoch in range(epochs):` olmalı ve verilen "
              "`optimizer`, `loss_fn` ve veri yükleyicileri kullanmalı (test verisiyle eğitim yapmayın).",
        "en": "After `train(..., epochs={epochs})` the parameters differ from a run that calls `train_step` once "
              "and `test_step` once per epoch, with the given optimizer, loss function and data loaders.",
    },
    "ovs_results_mismatch": {
        "tr": "`train` sonuçlarındaki `{field}` değerleri notlandırıcının aynı eğitimde ölçtükleriyle uyuşmuyor "
              "(epok {epoch}: beklenen {expected:.4f}, dönen {got:.4f}). Her epokta `train_step` ve `test_step`'in "
              "döndürdüğü değerleri doğru anahtarlara ekleyin.",
        "en": "The `{field}` values in `train`'s results do not match what the grader measured for the same run "
              "(epoch {epoch}: expected {expected:.4f}, got {got:.4f}). Append the values returned by "
              "`train_step` and `test_step` to the right keys every epoch.",
    },
    "ovs_model_output": {
        "tr": "`{name}` `[yığın, 3, 64, 64]` girdiden `[yığın, 3]` logit döndürmeli; dönen şekil {got}.",
        "en": "`{name}` must map `[batch, 3, 64, 64]` inputs to `[batch, 3]` logits; got shape {got}.",
    },
    "ovs_no_augmentation_used": {
        "tr": "`train_dataloader_augmented` içindeki veri kümesi aynı resmi her seferinde aynı biçimde veriyor: "
              "veri artırma yok. Veri kümesini `transform=train_transform_trivial_augment` ile kurun.",
        "en": "The dataset inside `train_dataloader_augmented` returns the same image the same way every time: "
              "no augmentation. Build it with `transform=train_transform_trivial_augment`.",
    },
    "ovs_model_1_accuracy": {
        "tr": "`model_1` notlandırıcının kendi rakam resimlerinde %{acc:.1f} doğruluk aldı, en az %{threshold:.0f} "
              "olmalı. `model_1`'i `train` ile en az {epochs} epok eğittiniz mi? `lr=0.001` ile `Adam` ve "
              "`BATCH_SIZE` yığın boyutu kullanın.",
        "en": "`model_1` scored {acc:.1f}% on the grader's own digit images; it needs at least {threshold:.0f}%. "
              "Did you train it with `train` for at least {epochs} epochs? Use `Adam` with `lr=0.001`.",
    },
    "ovs_pred_return": {
        "tr": "`pred_and_plot_image` `(sınıf_adı, olasılık)` döndürmeli, ör. `(\"iki\", 0.97)`; dönen: `{got}`.",
        "en": "`pred_and_plot_image` must return `(class_name, probability)`, e.g. `(\"iki\", 0.97)`; got: `{got}`.",
    },
    "ovs_pred_index": {
        "tr": "`pred_and_plot_image` sınıfın adı yerine indeksini ({got}) döndürdü: `class_names[pred_label]` "
              "ile adını verin.",
        "en": "`pred_and_plot_image` returned the class index ({got}) instead of its name: use "
              "`class_names[pred_label]`.",
    },
    "ovs_pred_not_scaled": {
        "tr": "Tahmin, piksel değerleri 0–255 aralığında bırakılmış bir resimle yapılmış gibi. "
              "`torchvision.io.read_image` `uint8` (0–255) döndürür; model 0–1 aralığındaki float32 resimlerle "
              "eğitildi: `image = read_image(path).type(torch.float32) / 255.`.",
        "en": "The prediction looks like it was made on pixel values in 0–255. `torchvision.io.read_image` "
              "returns `uint8` (0–255); the model was trained on float32 images in 0–1: divide by 255.",
    },
    "ovs_pred_no_softmax": {
        "tr": "Dönen olasılık ({got:.4f}) bir olasılık değil, logit (modelin ham çıktısı) gibi. "
              "`torch.softmax(logits, dim=1)` ile olasılığa çevirin ve en büyüğünü döndürün.",
        "en": "The returned probability ({got:.4f}) looks like a logit, not a probability. Turn the logits into "
              "probabilities with `torch.softmax(logits, dim=1)` and return the largest.",
    },
    "ovs_pred_wrong": {
        "tr": "`pred_and_plot_image` (`{got_name}`, {got_prob:.4f}) döndürdü, beklenen (`{name}`, {prob:.4f}). "
              "Adımlar: `read_image` → `float32` ve `/ 255` → verilen `transform` → `unsqueeze(dim=0)` (yığın "
              "boyutu) → modelin cihazına taşı → `model.eval()` + `torch.inference_mode()` → `softmax` → `argmax`.",
        "en": "`pred_and_plot_image` returned (`{got_name}`, {got_prob:.4f}), expected (`{name}`, {prob:.4f}). "
              "Steps: `read_image` → `float32` and `/ 255` → the given `transform` → `unsqueeze(dim=0)` → the "
              "model's device → `model.eval()` + `torch.inference_mode()` → `softmax` → `argmax`.",
    },
    "hint_pred_batch_dim": {
        "tr": "İpucu: model `[yığın, kanal, yükseklik, genişlik]` bekler; tek resme yığın boyutunu "
              "`image.unsqueeze(dim=0)` ile ekleyin.",
        "en": "Hint: the model expects `[batch, channels, height, width]`; add the batch dimension to a single "
              "image with `image.unsqueeze(dim=0)`.",
    },
    "hint_pred_size": {
        "tr": "İpucu: resim modelin beklediği boyutta değil; `transform` verildiyse resme uygulayın "
              "(`if transform: image = transform(image)`), model hangi boyutta eğitildiyse o boyuta getirin.",
        "en": "Hint: the image does not have the size the model expects; apply the given `transform` "
              "(`if transform: image = transform(image)`).",
    },
    "hint_uint8_input": {
        "tr": "İpucu: resim `uint8` tipinde kaldı; modele vermeden önce `image.type(torch.float32) / 255.` ile "
              "float32'ye çevirin.",
        "en": "Hint: the image is still `uint8`; convert it with `image.type(torch.float32) / 255.` first.",
    },
})

# Error texts and the hints they mean *in this assignment*. They are applied to this module's
# checks only (see ``with_hints``), not registered globally, so other assignments keep theirs.
HINTS = (
    ("batch must contain tensors", "hint_collate_pil"),
    ("stack expects each tensor to be equal size", "hint_stack_sizes"),
    ("Input type (unsigned char)", "hint_uint8_input"),
    ("Input type (torch.ByteTensor)", "hint_uint8_input"),
    ("Input type (Byte)", "hint_uint8_input"),
    ("not implemented for 'Byte'", "hint_uint8_input"),
    ("but got Byte and Float", "hint_uint8_input"),
)


def with_hints(pairs) -> Callable:
    """Decorator (under ``@c.check``): a failure caused by an error whose text contains one of the
    needles gets that hint instead of the generic one."""

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except CheckFailure as exc:
                error = str(exc.params.get("error", ""))
                for needle, key in pairs:
                    if needle in error:
                        raise CheckFailure(exc.key, hint=key, **exc.params) from None
                raise

        return wrapper

    return decorate


# --- small helpers --------------------------------------------------------------------------------------

def _short(value, limit: int = 80) -> str:
    text = repr(value) if not isinstance(value, type) else value.__name__
    return text if len(text) <= limit else text[:limit] + "…"


def _resolved(path) -> Path:
    return Path(os.fspath(path)).resolve()


def _number(value):
    """A Python number from an int/float/0-d tensor/NumPy scalar, or None."""
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    return value


def _is_integer(value) -> bool:
    if isinstance(value, torch.Tensor):
        return value.numel() == 1 and not value.is_floating_point() and value.dtype != torch.bool
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(value, bool)


@contextlib.contextmanager
def student_output_hidden() -> Iterator[None]:
    """While the student's function runs inside a check: its prints and plots are not shown
    (the test cell stays clean), and the figures it opens are closed afterwards."""
    import matplotlib.pyplot as plt

    before = set(plt.get_fignums())
    show = plt.show
    plt.show = lambda *args, **kwargs: None
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        plt.show = show
        for num in set(plt.get_fignums()) - before:
            plt.close(num)


class ModeRecorder(nn.Module):
    """Wraps a model; remembers, for every forward call, (training mode?, gradients enabled?)."""

    def __init__(self, inner: nn.Module):
        super().__init__()
        self.inner = inner
        self.calls: list[tuple[bool, bool]] = []

    def forward(self, x):
        self.calls.append((self.training, torch.is_grad_enabled()))
        return self.inner(x)


def probe_cnn(in_channels: int = 3, classes: int = 3) -> nn.Module:
    """A small CNN the grader trains with the student's loops (not the student's model)."""
    return ModeRecorder(nn.Sequential(
        nn.Conv2d(in_channels, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(2),
        nn.Flatten(), nn.Linear(32, classes)))


def expect_modes(recorder: ModeRecorder, name: str, *, training: bool) -> None:
    calls = recorder.calls
    c.expect(bool(calls), "ovs_step_return", name=name, got="(model hiç çağrılmadı / model never called)")
    if training:
        bad = sum(1 for mode, _ in calls if not mode)
        c.expect(bad == 0, "ovs_not_train_mode", bad=bad, total=len(calls))
    else:
        bad = sum(1 for mode, _ in calls if mode)
        c.expect(bad == 0, "ovs_not_eval_mode", name=name, bad=bad, total=len(calls))
        c.expect(not any(grad for _, grad in calls), "ovs_grad_enabled", name=name)


def _params_close(a: nn.Module, b: nn.Module, tol: float = 1e-5) -> bool:
    return all(torch.allclose(p.detach(), q.detach(), atol=tol, rtol=1e-4)
               for p, q in zip(a.parameters(), b.parameters()))


# --- the grader's own image folders ----------------------------------------------------------------------

def _random_image(rng: np.random.Generator, mode: str) -> Image.Image:
    w, h = int(rng.integers(18, 40)), int(rng.integers(18, 40))
    channels = {"RGB": 3, "L": 1, "RGBA": 4}[mode]
    pixels = rng.integers(0, 256, size=(h, w, channels), dtype=np.uint8)
    return Image.fromarray(pixels[..., 0] if channels == 1 else pixels, mode)


def make_grader_tree(root: Path, hidden: bool) -> Path:
    """``root/train/<class>/*`` and ``root/test/<class>/*``: PNGs in RGB, L and RGBA, JPEGs, stray files.

    Class folders and files are created in a scrambled order, so an unsorted listing shows.
    Returns ``root``.
    """
    rng = np.random.default_rng(SEEDS[hidden])
    classes = list(GRADER_CLASSES[hidden])
    order = random.Random(SEEDS[hidden])
    for split, base in (("train", 4), ("test", 2)):
        split_dir = root / split
        split_dir.mkdir(parents=True)
        (split_dir / "BENIOKU.txt").write_text("resim değil / not an image\n", encoding="utf-8")
        scrambled = classes[1:] + classes[:1]
        for k, cls in enumerate(scrambled):
            folder = split_dir / cls
            folder.mkdir()
            names = [(f"{cls[:3].lower()}_{i:02d}", ext, mode) for i, (ext, mode) in enumerate(
                [(".png", "RGB"), (".jpg", "RGB"), (".png", "L"), (".png", "RGBA"), (".jpeg", "RGB")][: base + k % 3])]
            order.shuffle(names)
            for stem, ext, mode in names:
                image = _random_image(rng, mode)
                if ext in (".jpg", ".jpeg"):
                    image.save(folder / f"{stem}{ext}", quality=90)
                else:
                    image.save(folder / f"{stem}{ext}")
            if k == 0:
                (folder / "notlar.txt").write_text("etiket listesi\n", encoding="utf-8")
    return root


@contextlib.contextmanager
def grader_tree(hidden: bool) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="autograder-05-") as tmp:
        yield make_grader_tree(Path(tmp), hidden)


def _walk_expected(root: Path) -> dict[Path, tuple[int, int]]:
    expected = {}
    for dirpath, dirnames, filenames in os.walk(root):
        images = [f for f in filenames if f.lower().endswith(IMAGE_EXTENSIONS)]
        expected[_resolved(dirpath)] = (len(dirnames), len(images))
    return expected


def _test_image(hidden: bool) -> Image.Image:
    """A non-square RGB image with left/right structure, so a horizontal flip shows."""
    rng = np.random.default_rng(SEEDS[hidden] + 5)
    w, h = (50, 30) if not hidden else (37, 71)
    return Image.fromarray(rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8), "RGB")


def _reference_tensor(image: Image.Image) -> torch.Tensor:
    return transforms.ToTensor()(transforms.Resize(IMAGE_SIZE)(image))


def _mad(a: torch.Tensor, b: torch.Tensor) -> float:
    return float((a.float() - b.float()).abs().mean())


def _transform_output(transform, image: Image.Image, name: str) -> torch.Tensor:
    out = c.call(transform, image.copy())
    if not isinstance(out, torch.Tensor):
        raise CheckFailure("ovs_transform_not_tensor", name=name, got=type(out).__name__)
    out = out.as_subclass(torch.Tensor)
    want = (3, *IMAGE_SIZE)
    if tuple(out.shape) != want:
        got = list(out.shape)
        if out.ndim == 3 and out.shape[0] == 3 and IMAGE_SIZE[0] in tuple(out.shape[1:]):
            raise CheckFailure("ovs_transform_resize_int", name=name, got=got, expected=list(want))
        raise CheckFailure("ovs_transform_shape", name=name, got=got, expected=list(want))
    c.expect_tensor(out, f"{name}(resim)", dtype=torch.float32)
    low, high = float(out.min()), float(out.max())
    c.expect(low >= -1e-6 and high <= 1 + 1e-6, "ovs_transform_range", name=name, low=low, high=high)
    return out


def _seeded_outputs(transform, image: Image.Image, name: str, trials: int, seed: int) -> list[torch.Tensor]:
    outs = []
    for k in range(trials):
        torch.manual_seed(seed + k)
        random.seed(seed + k)
        outs.append(_transform_output(transform, image, name))
    return outs


# --- the notebook's digits, drawn again by the grader --------------------------------------------------

def digit_images(hidden: bool, per_class: int = 40) -> tuple[torch.Tensor, torch.Tensor]:
    """The grader's own images of the notebook's classes, through Resize((64, 64)) + ToTensor.

    Visible: training-split digits the notebook does not write; hidden: test-split digits and
    shifted copies, at other sizes. Labels follow ``CLASS_NAMES`` (ImageFolder's order).
    """
    _, labels = digits_tensors(8)
    train_idx, test_idx = split_indices(labels)
    rng = np.random.default_rng(SEEDS[hidden] + 9)
    sizes = (36, 44, 52, 60) if hidden else NOTEBOOK_SIZES
    by_size = {s: digits_tensors(s)[0] for s in sizes}
    resize, to_tensor = transforms.Resize(IMAGE_SIZE), transforms.ToTensor()
    images, targets = [], []
    for label, cls in enumerate(CLASS_NAMES):
        digit = DIGIT_OF_CLASS[cls]
        # the notebook writes the first 75 training and the first 25 test digits of each class
        unused_train = train_idx[labels[train_idx] == digit][75:]
        unused_test = test_idx[labels[test_idx] == digit][25:]
        if hidden:   # other digits than the visible check, at other sizes, every other one shifted
            chosen = torch.cat([unused_test, unused_train.flip(0)])
        else:
            chosen = unused_train
        for k, index in enumerate(chosen[:per_class].tolist()):
            size = int(rng.choice(sizes))
            pixels = (by_size[size][index, 0] * 255).round().to(torch.uint8)
            if hidden and k % 2:
                dx, dy = (int(v) for v in rng.integers(-3, 4, size=2))
                pixels = torch.roll(pixels, (dy, dx), (0, 1))
            image = Image.fromarray(pixels.numpy(), "L").convert("RGB")
            images.append(to_tensor(resize(image)))
            targets.append(label)
    return torch.stack(images), torch.tensor(targets)


# --- reference implementations (for the grader's comparisons) -----------------------------------------

class ReferenceTinyVGG(nn.Module):
    """The course's TinyVGG for 64×64 inputs: used only to count the parameters the architecture has."""

    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__()

        def block(cin):
            return nn.Sequential(nn.Conv2d(cin, hidden_units, 3, 1, 1), nn.ReLU(),
                                 nn.Conv2d(hidden_units, hidden_units, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2))

        self.conv_block_1, self.conv_block_2 = block(input_shape), block(hidden_units)
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(hidden_units * 16 * 16, output_shape))

    def forward(self, x):
        return self.classifier(self.conv_block_2(self.conv_block_1(x)))


def _reference_train_step(model, loader, loss_fn, optimizer, device, zero_grad: bool = True):
    model.train()
    total_loss = total_acc = 0.0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        logits = model(X)
        loss = loss_fn(logits, y)
        total_loss += loss.item()
        if zero_grad:
            optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_acc += (logits.argmax(dim=1) == y).float().mean().item()
    return total_loss / len(loader), total_acc / len(loader)


def _reference_test_step(model, loader, loss_fn, device):
    model.eval()
    total_loss = total_acc = 0.0
    with torch.inference_mode():
        for X, y in loader:
            X, y = X.to(device), y.to(device)
            logits = model(X)
            total_loss += loss_fn(logits, y).item()
            total_acc += (logits.argmax(dim=1) == y).float().mean().item()
    return total_loss / len(loader), total_acc / len(loader)


def _step_data(hidden: bool, offset: int = 0) -> tuple[DataLoader, DataLoader]:
    """Small 3-class image batches (digits 0–2 at 16×16, 3 channels); even batch sizes, no shuffling."""
    images, labels = digits_tensors(16)
    generator = torch.Generator().manual_seed(SEEDS[hidden] + offset)
    keep = (labels < 3).nonzero().flatten()
    keep = keep[torch.randperm(len(keep), generator=generator)]
    X, y = images[keep].repeat(1, 3, 1, 1), labels[keep]
    X = X + 0.05 * torch.randn(X.shape, generator=generator)
    batch = 8 if not hidden else 6
    train = TensorDataset(X[:48], y[:48])
    test = TensorDataset(X[48:48 + 4 * batch], y[48:48 + 4 * batch])
    return DataLoader(train, batch_size=batch, shuffle=False), DataLoader(test, batch_size=batch, shuffle=False)


def _optimizer(params, hidden: bool):
    return torch.optim.Adam(params, lr=0.01) if hidden else torch.optim.SGD(params, lr=0.1)


def _pair(result, name: str) -> tuple[float, float]:
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise CheckFailure("ovs_step_return", name=name, got=_short(result))
    loss, acc = _number(result[0]), _number(result[1])
    if loss is None or acc is None:
        raise CheckFailure("ovs_step_return", name=name, got=_short(result))
    return float(loss), float(acc)


def _expect_metrics(name: str, got: tuple[float, float], expected: tuple[float, float], batches: int) -> None:
    (loss, acc), (want_loss, want_acc) = got, expected
    if not math.isclose(loss, want_loss, rel_tol=1e-4, abs_tol=1e-5):
        if math.isclose(loss, want_loss * batches, rel_tol=1e-4):
            raise CheckFailure("ovs_loss_sum", name=name, got=loss, expected=want_loss)
        raise CheckFailure("ovs_loss_wrong", name=name, got=loss, expected=want_loss)
    if not math.isclose(acc, want_acc, rel_tol=1e-4, abs_tol=1e-5):
        if want_acc > 0 and math.isclose(acc, 100 * want_acc, rel_tol=1e-4):
            raise CheckFailure("ovs_acc_percent", name=name, got=acc, expected=want_acc)
        raise CheckFailure("ovs_acc_wrong", name=name, got=acc, expected=want_acc)


# --- checks ------------------------------------------------------------------------------------------------

@c.check("walk_through_dir")
@with_hints(HINTS)
def check_walk_through_dir(walk_through_dir, hidden=False):
    c.expect_callable(walk_through_dir, "walk_through_dir")
    with grader_tree(hidden) as root:
        expected = _walk_expected(root)
        with student_output_hidden():
            result = c.call(walk_through_dir, root if hidden else str(root))
        if not isinstance(result, dict):
            raise CheckFailure("ovs_walk_not_dict", got=_short(result))
        got = {}
        for key, value in result.items():
            path = Path(os.fspath(key))
            got[(path if path.is_absolute() else root / path).resolve()] = value
        for folder, want in expected.items():
            shown = os.path.relpath(folder, root.resolve())
            if folder not in got:
                raise CheckFailure("ovs_walk_missing", folder=shown)
            value = got[folder]
            counts = tuple(value) if isinstance(value, (tuple, list)) else (value,)
            counts = tuple(_number(v) for v in counts)
            if counts == want:
                continue
            if counts == want[::-1]:
                raise CheckFailure("ovs_walk_swapped", folder=shown, expected=want, got=counts)
            files = len([f for f in os.listdir(folder) if (folder / f).is_file()])
            if len(counts) == 2 and counts[0] == want[0] and counts[1] == files != want[1]:
                raise CheckFailure("ovs_walk_all_files", folder=shown, expected=want[1], got=counts[1])
            raise CheckFailure("ovs_walk_counts", folder=shown, expected=want, got=_short(value))
        extra = [p for p in got if p not in expected]
        if extra:
            raise CheckFailure("ovs_walk_extra", folder=str(extra[0]))


@c.check("find_classes")
@with_hints(HINTS)
def check_find_classes(find_classes, hidden=False):
    c.expect_callable(find_classes, "find_classes")
    with grader_tree(hidden) as root:
        folder = root / "train"
        want_classes, want_map = datasets.folder.find_classes(folder)
        result = c.call(find_classes, folder if hidden else str(folder))
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise CheckFailure("ovs_find_classes_return", got=_short(result))
        classes, class_to_idx = result
        if not isinstance(classes, (list, tuple)) or not isinstance(class_to_idx, dict):
            raise CheckFailure("ovs_find_classes_return", got=_short(result))
        classes = [os.fspath(x) if isinstance(x, os.PathLike) else x for x in classes]
        if classes != want_classes:
            files = [x for x in classes if isinstance(x, str) and (folder / x).is_file()]
            if files:
                raise CheckFailure("ovs_find_classes_files", name=files[0])
            if sorted(map(str, classes)) == want_classes:
                raise CheckFailure("ovs_find_classes_unsorted", expected=want_classes, got=classes)
            raise CheckFailure("ovs_find_classes_wrong", expected=want_classes, got=_short(classes, 200))
        normalized = {k: _number(v) for k, v in class_to_idx.items()}
        if normalized != want_map:
            raise CheckFailure("ovs_class_to_idx", expected=want_map, got=_short(class_to_idx, 200))
        # no class folders: only files (hidden) or nothing at all (visible)
        empty = root / "bos"
        empty.mkdir()
        if hidden:
            (empty / "tek_dosya.png").write_bytes(b"")
        try:
            got = find_classes(empty if hidden else str(empty))
        except NotImplementedError:
            raise CheckFailure("not_filled", cell="find_classes") from None
        except Exception:
            return
        raise CheckFailure("ovs_find_classes_no_error", got=_short(got))


def _expect_same_samples(ds, ref, root: Path) -> None:
    """paths and len against ImageFolder's samples, each diagnosed."""
    want = [_resolved(p) for p, _ in ref.samples]
    try:
        paths = [_resolved(p) for p in ds.paths]
    except TypeError:
        raise CheckFailure("ovs_dataset_attr", attr="paths (liste / list)") from None
    missing = sorted(set(want) - set(paths))
    extra = sorted(set(paths) - set(want))
    if extra:
        not_images = [p for p in extra if not p.name.lower().endswith(IMAGE_EXTENSIONS)]
        if not_images:
            raise CheckFailure("ovs_dataset_extra_files", example=os.path.relpath(not_images[0], root))
        raise CheckFailure("ovs_dataset_paths_wrong", example=os.path.relpath(extra[0], root))
    if missing:
        raise CheckFailure("ovs_dataset_missing_ext", example=os.path.relpath(missing[0], root),
                           expected=len(want), got=len(paths))
    length = c.call(len, ds)
    c.expect(length == len(want), "ovs_dataset_len", got=length, expected=len(want))
    if paths != want:
        index = next(i for i, (a, b) in enumerate(zip(paths, want)) if a != b)
        raise CheckFailure("ovs_dataset_unsorted", index=index)


def _expect_item(ds, ref, index: int, *, tensors: bool) -> None:
    item = c.call(ds.__getitem__, index)
    if not isinstance(item, (tuple, list)) or len(item) != 2:
        raise CheckFailure("ovs_item_not_pair", index=index, got=_short(item))
    image, label = item
    if isinstance(label, (Image.Image, torch.Tensor)) and not _is_integer(label) and _is_integer(image):
        raise CheckFailure("ovs_item_swapped", index=index)
    if isinstance(label, str):
        raise CheckFailure("ovs_label_name", index=index, got=label)
    want_image, want_label = ref[index]
    if not _is_integer(label):
        raise CheckFailure("ovs_label_wrong", index=index, got=_short(label), expected=want_label,
                           path=Path(ref.samples[index][0]).relative_to(Path(ref.root).parent))
    if int(label) != want_label:
        raise CheckFailure("ovs_label_wrong", index=index, got=int(label), expected=want_label,
                           path=Path(ref.samples[index][0]).relative_to(Path(ref.root).parent))
    if tensors:
        if not isinstance(image, torch.Tensor):
            raise CheckFailure("ovs_transform_ignored", got=type(image).__name__)
        same = image.shape == want_image.shape and torch.allclose(image.float(), want_image, atol=1e-6)
        c.expect(same, "ovs_item_image_wrong", index=index)
        return
    if not isinstance(image, Image.Image):
        raise CheckFailure("ovs_item_image_wrong", index=index)
    if image.mode != "RGB":
        raise CheckFailure("ovs_not_rgb", index=index, got=image.mode)
    c.expect(np.array_equal(np.asarray(image), np.asarray(want_image)), "ovs_item_image_wrong", index=index)


@c.check("image_folder_custom")
@with_hints(HINTS)
def check_image_folder_custom(ImageFolderCustom, hidden=False):
    c.expect(isinstance(ImageFolderCustom, type) and issubclass(ImageFolderCustom, Dataset), "ovs_not_dataset")
    with grader_tree(hidden) as root:
        folder = root / ("test" if hidden else "train")
        ref = datasets.ImageFolder(str(folder))
        target = folder if hidden else str(folder)
        ds = c.construct(ImageFolderCustom, "ImageFolderCustom", target)
        for attr in ("paths", "transform", "classes", "class_to_idx"):
            c.expect(hasattr(ds, attr), "ovs_dataset_attr", attr=attr)
        if list(ds.classes) != ref.classes:
            raise CheckFailure("ovs_dataset_classes", attr="classes", expected=ref.classes, got=_short(ds.classes))
        if dict(ds.class_to_idx) != ref.class_to_idx:
            raise CheckFailure("ovs_dataset_classes", attr="class_to_idx", expected=ref.class_to_idx,
                               got=_short(ds.class_to_idx, 200))
        _expect_same_samples(ds, ref, folder)
        c.expect(hasattr(ds, "load_image"), "ovs_dataset_attr", attr="load_image")
        for index in range(len(ref)):
            image = c.call(ds.load_image, index)
            if not isinstance(image, Image.Image):
                raise CheckFailure("ovs_load_image_type", index=index, got=type(image).__name__)
            _expect_item(ds, ref, index, tensors=False)
        # the same with a transform (the grader's own one)
        transform = transforms.Compose([transforms.Resize((12, 10) if hidden else (16, 16)), transforms.ToTensor()])
        ref_t = datasets.ImageFolder(str(folder), transform=transform)
        ds_t = c.construct(ImageFolderCustom, "ImageFolderCustom", target, transform=transform)
        for index in range(len(ref_t)):
            _expect_item(ds_t, ref_t, index, tensors=True)


@c.check("data_transform")
@with_hints(HINTS)
def check_data_transform(data_transform, hidden=False):
    c.expect_callable(data_transform, "data_transform")
    image = _test_image(hidden)
    reference = _reference_tensor(image)
    flipped = reference.flip(-1)
    trials = 40
    flips = 0
    for out in _seeded_outputs(data_transform, image, "data_transform", trials, SEEDS[hidden]):
        if _mad(out, reference) < SAME:
            continue
        if _mad(out, flipped) < SAME:
            flips += 1
            continue
        raise CheckFailure("ovs_transform_unexpected", name="data_transform")
    c.expect(flips > 0, "ovs_transform_no_flip", name="data_transform", trials=trials)
    c.expect(flips < trials, "ovs_transform_always_flip", name="data_transform", trials=trials)


@c.check("augment_transforms")
@with_hints(HINTS)
def check_augment_transforms(train_transform_trivial_augment, test_transform, hidden=False):
    c.expect_callable(test_transform, "test_transform")
    c.expect_callable(train_transform_trivial_augment, "train_transform_trivial_augment")
    image = _test_image(hidden)
    reference = _reference_tensor(image)
    outs = _seeded_outputs(test_transform, image, "test_transform", 6, SEEDS[hidden])
    if any(_mad(out, outs[0]) > 1e-6 for out in outs):
        raise CheckFailure("ovs_test_transform_random")
    c.expect(_mad(outs[0], reference) < SAME, "ovs_test_transform_wrong")
    trials = 30
    outs = _seeded_outputs(train_transform_trivial_augment, image, "train_transform_trivial_augment", trials,
                           SEEDS[hidden] + 100)
    changed = sum(1 for out in outs if min(_mad(out, reference), _mad(out, reference.flip(-1))) >= SAME)
    c.expect(changed >= 5, "ovs_no_augmentation", name="train_transform_trivial_augment", changed=changed,
             trials=trials)


def _count_images(folder) -> int:
    return len(datasets.ImageFolder(str(folder)))


@c.check("dataloaders")
@with_hints(HINTS)
def check_dataloaders(train_dataloader_custom, test_dataloader_custom, train_dir, test_dir, BATCH_SIZE,
                      hidden=False):
    loaders = {"train_dataloader_custom": train_dataloader_custom, "test_dataloader_custom": test_dataloader_custom}
    for name, loader in loaders.items():
        c.expect(isinstance(loader, DataLoader), "ovs_not_dataloader", name=name, got=type(loader).__name__)
    n_train, n_test = _count_images(train_dir), _count_images(test_dir)
    got_train = c.call(len, train_dataloader_custom.dataset)
    got_test = c.call(len, test_dataloader_custom.dataset)
    if got_train == n_test and got_test == n_train and n_train != n_test:
        raise CheckFailure("ovs_loaders_swapped", got=got_train)
    c.expect(got_train == n_train, "ovs_loader_size", name="train_dataloader_custom", got=got_train,
             expected=n_train, folder="train_dir")
    c.expect(got_test == n_test, "ovs_loader_size", name="test_dataloader_custom", got=got_test,
             expected=n_test, folder="test_dir")
    for name, loader in loaders.items():
        c.expect(loader.batch_size == BATCH_SIZE, "ovs_loader_batch_size", name=name, got=loader.batch_size,
                 expected=BATCH_SIZE)
    c.expect(isinstance(train_dataloader_custom.sampler, RandomSampler), "ovs_train_not_shuffled")
    c.expect(isinstance(test_dataloader_custom.sampler, SequentialSampler), "ovs_test_shuffled")
    if hidden:
        # every test image once, in ImageFolder's order (sorted paths, no shuffling)
        want = datasets.ImageFolder(str(test_dir)).targets
        labels = []
        for batch in c.call(list, test_dataloader_custom):
            labels += [int(v) for v in batch[1]]
        c.expect(labels == want, "ovs_test_order", got=len(labels), expected=len(want))
        return
    for name, loader in loaders.items():
        batch = c.call(lambda lo: next(iter(lo)), loader)
        ok = (isinstance(batch, (tuple, list)) and len(batch) == 2 and isinstance(batch[0], torch.Tensor)
              and isinstance(batch[1], torch.Tensor) and batch[0].dtype == torch.float32
              and tuple(batch[0].shape[1:]) == (3, *IMAGE_SIZE) and batch[1].dtype == torch.long
              and batch[1].shape == batch[0].shape[:1] and len(batch[1]) == min(BATCH_SIZE, len(loader.dataset)))
        if not ok:
            got = (f"{tuple(batch[0].shape)} {batch[0].dtype}, {tuple(batch[1].shape)} {batch[1].dtype}"
                   if isinstance(batch, (tuple, list)) and len(batch) == 2
                   and all(isinstance(b, torch.Tensor) for b in batch) else _short(batch))
            raise CheckFailure("ovs_batch_bad", name=name, got=got)


def _missing_activation(model: nn.Module, X: torch.Tensor) -> bool:
    """True when a convolution's output goes unchanged into the next convolution (no ReLU between).

    Max pooling is itself non-linear, so an affinity test cannot see a missing ReLU; forward hooks
    on the ``Conv2d`` layers can, whether the activation is a module or ``F.relu``.
    """
    seen: list[tuple[torch.Tensor, torch.Tensor]] = []
    hooks = [m.register_forward_hook(lambda _m, inp, out: seen.append((inp[0].detach(), out.detach())))
             for m in model.modules() if isinstance(m, nn.Conv2d)]
    try:
        model.eval()
        with torch.inference_mode():
            c.forward(model, X)
    finally:
        for hook in hooks:
            hook.remove()
    for (_, previous_out), (current_in, _) in zip(seen, seen[1:]):
        if (previous_out.shape == current_in.shape and bool((previous_out < 0).any())
                and torch.equal(previous_out, current_in)):
            return True
    return False


def _tinyvgg_cases(hidden: bool) -> list[tuple[int, int, int]]:
    return [(1, 8, 5), (3, 16, 4)] if hidden else [(3, 10, 3)]


@c.check("tiny_vgg")
@with_hints(HINTS)
def check_tiny_vgg(TinyVGG, hidden=False):
    c.expect_module_class(TinyVGG, "TinyVGG")
    device = c.device()
    for input_shape, hidden_units, output_shape in _tinyvgg_cases(hidden):
        model = c.construct(TinyVGG, "TinyVGG", input_shape=input_shape, hidden_units=hidden_units,
                            output_shape=output_shape).to(device)
        X = torch.rand(4, input_shape, *IMAGE_SIZE, device=device)
        try:
            out = c.forward(model, X)
        except CheckFailure as exc:
            error = exc.params.get("error", "")
            if exc.hint == "hint_matmul_shape":
                raise CheckFailure("ovs_tinyvgg_flatten", error=error) from None
            if "channels" in error:
                raise CheckFailure("ovs_tinyvgg_channels", input_shape=input_shape, error=error) from None
            raise
        c.expect_tensor(out, f"TinyVGG(...)(X[4, {input_shape}, 64, 64])", shape=(4, output_shape),
                        dtype=torch.float32)
        want = sum(p.numel() for p in ReferenceTinyVGG(input_shape, hidden_units, output_shape).parameters())
        got = sum(p.numel() for p in model.parameters())
        unpadded = want - (16 * 16 - 13 * 13) * hidden_units * output_shape  # Linear(hidden_units*13*13, ...)
        c.expect(got != unpadded, "ovs_tinyvgg_no_padding")
        c.expect(got == want, "ovs_tinyvgg_params", input_shape=input_shape, hidden_units=hidden_units,
                 output_shape=output_shape, expected=want, got=got)
        if _missing_activation(model, X):
            raise CheckFailure("ovs_tinyvgg_linear")
        model.eval()
        with torch.inference_mode():
            big = c.forward(model, X * 50)
        sums = big.sum(dim=1)
        if c.looks_like_probabilities(big) and torch.allclose(sums, torch.ones_like(sums), atol=1e-3):
            raise CheckFailure("ovs_tinyvgg_probabilities")
        model.train()
        model.zero_grad()
        c.forward(model, X).square().sum().backward()
        for name, param in model.named_parameters():
            c.expect(param.grad is not None and bool(param.grad.abs().sum() > 0), "ovs_tinyvgg_unused", name=name)


@c.check("train_step")
@with_hints(HINTS)
def check_train_step(train_step, hidden=False):
    c.expect_callable(train_step, "train_step")
    device = c.device()
    train_loader, _ = _step_data(hidden)
    model = probe_cnn().to(device)
    model.eval()  # the student's train_step must switch to training mode itself
    reference, no_zero = copy.deepcopy(model), copy.deepcopy(model)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = _optimizer(model.parameters(), hidden)
    result = c.call(train_step, model, train_loader, loss_fn, optimizer, device)
    got = _pair(result, "train_step")
    expect_modes(model, "train_step", training=True)
    expected = _reference_train_step(reference, train_loader, loss_fn, _optimizer(reference.parameters(), hidden),
                                     device)
    if not _params_close(model, reference):
        if not any(not torch.equal(p, q) for p, q in zip(model.parameters(), no_zero.parameters())):
            raise CheckFailure("params_unchanged")
        _reference_train_step(no_zero, train_loader, loss_fn, _optimizer(no_zero.parameters(), hidden), device,
                              zero_grad=False)
        if _params_close(model, no_zero, tol=1e-4):
            raise CheckFailure("ovs_no_zero_grad")
        raise CheckFailure("ovs_train_step_params")
    _expect_metrics("train_step", got, expected, len(train_loader))


@c.check("test_step")
@with_hints(HINTS)
def check_test_step(test_step, hidden=False):
    c.expect_callable(test_step, "test_step")
    device = c.device()
    _, test_loader = _step_data(hidden, offset=1)
    model = probe_cnn().to(device)
    model.train()  # the student's test_step must switch to evaluation mode itself
    before = c.snapshot(model)
    reference = copy.deepcopy(model)
    result = c.call(test_step, model, test_loader, nn.CrossEntropyLoss(), device)
    got = _pair(result, "test_step")
    c.expect(not c.changed(before, model), "ovs_test_step_changed")
    expect_modes(model, "test_step", training=False)
    expected = _reference_test_step(reference, test_loader, nn.CrossEntropyLoss(), device)
    _expect_metrics("test_step", got, expected, len(test_loader))


RESULT_KEYS = ("train_loss", "train_acc", "test_loss", "test_acc")


@c.check("train")
@with_hints(HINTS)
def check_train(train, hidden=False):
    c.expect_callable(train, "train")
    device = c.device()
    epochs = 3 if hidden else 2
    train_loader, test_loader = _step_data(hidden, offset=2)
    model = probe_cnn().to(device)
    reference = copy.deepcopy(model)
    loss_fn = nn.CrossEntropyLoss()
    with student_output_hidden():
        results = c.call(train, model=model, train_dataloader=train_loader, test_dataloader=test_loader,
                         optimizer=_optimizer(model.parameters(), hidden), loss_fn=loss_fn, epochs=epochs,
                         device=device)

    def bad(problem):
        return CheckFailure("ovs_results_bad", keys=", ".join(RESULT_KEYS), epochs=epochs, problem=problem)

    if not isinstance(results, dict):
        raise bad(type(results).__name__)
    values = {}
    for key in RESULT_KEYS:
        seq = results.get(key)
        if not isinstance(seq, (list, tuple)) or len(seq) != epochs:
            raise bad(f"'{key}'" + (f": {len(seq)} eleman / items" if isinstance(seq, (list, tuple)) else ""))
        numbers_ = [_number(v) for v in seq]
        if any(v is None for v in numbers_):
            raise bad(f"'{key}' sayı değil / not numbers")
        values[key] = numbers_
    optimizer = _optimizer(reference.parameters(), hidden)
    expected = {key: [] for key in RESULT_KEYS}
    for _ in range(epochs):
        train_loss, train_acc = _reference_train_step(reference, train_loader, loss_fn, optimizer, device)
        test_loss, test_acc = _reference_test_step(reference, test_loader, loss_fn, device)
        for key, value in zip(RESULT_KEYS, (train_loss, train_acc, test_loss, test_acc)):
            expected[key].append(value)
    c.expect(_params_close(model, reference, tol=1e-4), "ovs_train_params", epochs=epochs)
    for key in RESULT_KEYS:
        for epoch, (got, want) in enumerate(zip(values[key], expected[key]), start=1):
            if not math.isclose(got, want, rel_tol=1e-3, abs_tol=1e-4):
                raise CheckFailure("ovs_results_mismatch", field=key, epoch=epoch, expected=want, got=got)


@c.check("model_1")
@with_hints(HINTS)
def check_model_1(model_1, train_dataloader_augmented, hidden=False):
    c.expect(isinstance(model_1, nn.Module), "not_module_class", name="model_1")
    c.expect(isinstance(train_dataloader_augmented, DataLoader), "ovs_not_dataloader",
             name="train_dataloader_augmented", got=type(train_dataloader_augmented).__name__)
    if not hidden:
        dataset = train_dataloader_augmented.dataset
        outs = []
        for k in range(4):
            torch.manual_seed(SEEDS[hidden] + k)
            random.seed(SEEDS[hidden] + k)
            item = c.call(dataset.__getitem__, 0)
            c.expect(isinstance(item, (tuple, list)) and isinstance(item[0], torch.Tensor), "ovs_batch_bad",
                     name="train_dataloader_augmented", got=_short(item))
            outs.append(item[0].as_subclass(torch.Tensor).float())
        c.expect(any(_mad(o, outs[0]) > 1e-6 for o in outs[1:]), "ovs_no_augmentation_used")
    device = c.device()
    model = model_1.to(device)
    X, y = digit_images(hidden)
    X, y = X.to(device), y.to(device)
    model.eval()
    with torch.inference_mode():
        out = c.forward(model, X[:2])
    c.expect(isinstance(out, torch.Tensor) and tuple(out.shape) == (2, len(CLASS_NAMES)), "ovs_model_output",
             name="model_1", got=list(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__)
    acc = c.multiclass_accuracy(model, X, y)
    c.expect(acc >= MODEL_1_THRESHOLD[hidden], "ovs_model_1_accuracy", acc=acc,
             threshold=MODEL_1_THRESHOLD[hidden], epochs=5)


# --- prediction on a custom image file --------------------------------------------------------------------

class PixelProbe(nn.Module):
    """The grader's model for ``pred_and_plot_image``: a fixed linear map of the (scaled) pixels.

    Its logits depend on the pixel scale (0–1 vs 0–255), on the image size (``side``) and on the
    batch dimension, so each typical slip changes the answer.
    """

    def __init__(self, side: int, classes: int, seed: int):
        super().__init__()
        generator = torch.Generator().manual_seed(seed)
        self.linear = nn.Linear(3 * side * side, classes)
        with torch.no_grad():
            self.linear.weight.copy_(torch.randn(self.linear.weight.shape, generator=generator) * 4 / side)
            self.linear.bias.copy_(torch.randn(classes, generator=generator))
        self.calls: list[tuple[bool, bool]] = []

    def forward(self, x):
        self.calls.append((self.training, torch.is_grad_enabled()))
        return self.linear(torch.flatten(x, start_dim=1))


def _pred_case(hidden: bool, folder: Path):
    """(model, image path, class names, transform, expected (name, probability), variants)."""
    from torchvision.io import read_image

    rng = np.random.default_rng(SEEDS[hidden] + 3)
    classes = ["yildiz", "kare", "daire", "ucgen"] if hidden else ["sifir", "bir", "iki"]
    side = 20 if hidden else 24
    size = (side, side) if hidden else (45, 33)
    pixels = rng.integers(0, 256, size=(size[1], size[0], 3), dtype=np.uint8)
    path = folder / ("ozel_resim.jpg" if hidden else "ozel_resim.png")
    Image.fromarray(pixels, "RGB").save(path, **({"quality": 95} if hidden else {}))
    transform = None if hidden else transforms.Resize((side, side))
    model = PixelProbe(side, len(classes), SEEDS[hidden])

    def predict(scale: float):
        image = read_image(str(path)).type(torch.float32) / scale
        if transform is not None:
            image = transform(image)
        with torch.inference_mode():
            logits = model.linear(torch.flatten(image.unsqueeze(0), start_dim=1))
        return logits

    logits = predict(255.0)
    probs = torch.softmax(logits, dim=1)
    expected = (classes[int(probs.argmax())], float(probs.max()))
    unscaled = torch.softmax(predict(1.0), dim=1)
    variants = {"unscaled": float(unscaled.max()), "logit": float(logits.max())}
    return model, path, classes, transform, expected, variants


def _pred_shape_hint(exc: CheckFailure) -> CheckFailure:
    """``mat1 and mat2 shapes cannot be multiplied (3x576 ...)``: 3 rows means the batch dimension is missing."""
    match = re.search(r"\((\d+)x(\d+) and (\d+)x(\d+)\)", str(exc.params.get("error", "")))
    if exc.hint != "hint_matmul_shape" or not match:
        return exc
    rows = int(match.group(1))
    return CheckFailure(exc.key, hint="hint_pred_batch_dim" if rows == 3 else "hint_pred_size", **exc.params)


@c.check("pred_and_plot_image")
@with_hints(HINTS)
def check_pred_and_plot_image(pred_and_plot_image, hidden=False):
    c.expect_callable(pred_and_plot_image, "pred_and_plot_image")
    device = c.device()
    with tempfile.TemporaryDirectory(prefix="autograder-05-pred-") as tmp:
        model, path, classes, transform, (want_name, want_prob), variants = _pred_case(hidden, Path(tmp))
        model.to(device).train()
        with student_output_hidden():
            try:
                result = c.call(pred_and_plot_image, model=model, image_path=path if hidden else str(path),
                                class_names=classes, transform=transform, device=device)
            except CheckFailure as exc:
                raise _pred_shape_hint(exc) from None
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise CheckFailure("ovs_pred_return", got=_short(result))
    name, prob = result
    if _is_integer(name):
        raise CheckFailure("ovs_pred_index", got=int(name))
    prob = _number(prob)
    if not isinstance(name, str) or prob is None:
        raise CheckFailure("ovs_pred_return", got=_short(result))
    expect_modes(model, "pred_and_plot_image", training=False)
    if name == want_name and math.isclose(prob, want_prob, abs_tol=2e-3):
        return
    if math.isclose(prob, variants["unscaled"], abs_tol=2e-3):
        raise CheckFailure("ovs_pred_not_scaled")
    if math.isclose(prob, variants["logit"], abs_tol=2e-3) or not 0 <= prob <= 1:
        raise CheckFailure("ovs_pred_no_softmax", got=prob)
    raise CheckFailure("ovs_pred_wrong", got_name=name, got_prob=prob, name=want_name, prob=want_prob)


ASSIGNMENT = Assignment("05_ozel_veri_setleri", "ozel_veri_setleri", (
    TestSpec("walk_through_dir", 1, ("walk_through_dir",), check_walk_through_dir),
    TestSpec("data_transform", 2, ("data_transform",), check_data_transform),
    TestSpec("find_classes", 2, ("find_classes",), check_find_classes),
    TestSpec("image_folder_custom", 3, ("ImageFolderCustom",), check_image_folder_custom),
    TestSpec("dataloaders", 2, ("train_dataloader_custom", "test_dataloader_custom", "train_dir", "test_dir",
                                "BATCH_SIZE"), check_dataloaders),
    TestSpec("augment_transforms", 2, ("train_transform_trivial_augment", "test_transform"),
             check_augment_transforms),
    TestSpec("tiny_vgg", 3, ("TinyVGG",), check_tiny_vgg),
    TestSpec("train_step", 2, ("train_step",), check_train_step),
    TestSpec("test_step", 2, ("test_step",), check_test_step),
    TestSpec("train", 2, ("train",), check_train),
    TestSpec("model_1", 2, ("model_1", "train_dataloader_augmented"), check_model_1),
    TestSpec("pred_and_plot_image", 2, ("pred_and_plot_image",), check_pred_and_plot_image),
))
