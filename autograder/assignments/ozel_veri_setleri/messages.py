"""Messages of 05_ozel_veri_setleri (Turkish and English)."""

from autograder.messages import register

register({
    "ovs_walk_not_dict": {
        "tr": "`walk_through_dir` bir sözlük (dict) döndürmeli: her klasörün yolu → (alt klasör sayısı, görüntü sayısı). Dönen: `{got}`. Yazdırmanın yanında sonucu `return` ile döndürmeyi unutmayın.",
        "en": "`walk_through_dir` must return a dict: each folder's path → (number of subfolders, number of images). Got: `{got}`. Besides printing, `return` the result.",
    },
    "ovs_walk_missing": {
        "tr": "`walk_through_dir` bazı klasörleri atladı (ör. `{folder}`). Bütün alt klasörleri gezmek için `os.walk(dir_path)` kullanın; başlangıç klasörünün kendisi de sonuçta olmalı.",
        "en": "`walk_through_dir` skipped some folders (e.g. `{folder}`). Use `os.walk(dir_path)` to visit every subfolder; the starting folder itself must be in the result too.",
    },
    "ovs_walk_extra": {
        "tr": "`walk_through_dir` klasör olmayan ya da verilen klasörün dışında kalan bir yol döndürdü: `{folder}`.",
        "en": "`walk_through_dir` returned a path that is not a folder inside the given one: `{folder}`.",
    },
    "ovs_walk_counts": {
        "tr": "`{folder}` için sayılar yanlış: beklenen (alt klasör, görüntü) = {expected}, dönen {got}.",
        "en": "Wrong counts for `{folder}`: expected (subfolders, images) = {expected}, got {got}.",
    },
    "ovs_walk_all_files": {
        "tr": "`{folder}` için görüntü sayısı {got}, ama klasörde {expected} görüntü var: görüntü olmayan dosyaları da (ör. `.txt`) saydınız. Yalnızca uzantısı `.png`, `.jpg` ya da `.jpeg` olan dosyaları sayın: `name.lower().endswith((\".png\", \".jpg\", \".jpeg\"))`.",
        "en": "`{folder}` has {expected} images, but you counted {got}: you also counted files that are not images (e.g. `.txt`). Count only files ending in `.png`, `.jpg` or `.jpeg`.",
    },
    "ovs_walk_swapped": {
        "tr": "`{folder}` için (alt klasör, görüntü) sırası ters: beklenen {expected}, dönen {got}. Önce alt klasör sayısını, sonra görüntü sayısını verin.",
        "en": "The (subfolders, images) order is swapped for `{folder}`: expected {expected}, got {got}.",
    },
    "ovs_find_classes_return": {
        "tr": "`find_classes` iki değer döndürmeli: `(classes, class_to_idx)` — sınıf adlarının listesi ve ad → indeks sözlüğü. Dönen: `{got}`.",
        "en": "`find_classes` must return two values: `(classes, class_to_idx)` — the list of class names and the name → index dict. Got: `{got}`.",
    },
    "ovs_find_classes_files": {
        "tr": "`find_classes` bir dosyayı (`{name}`) sınıf saydı. Yalnızca klasörler sınıftır: `entry.is_dir()` ile süzün, ör. `sorted(e.name for e in os.scandir(directory) if e.is_dir())`.",
        "en": "`find_classes` counted a file (`{name}`) as a class. Only folders are classes: filter with `entry.is_dir()`, e.g. `sorted(e.name for e in os.scandir(directory) if e.is_dir())`.",
    },
    "ovs_find_classes_unsorted": {
        "tr": "Sınıf adları doğru ama sırası yanlış: beklenen {expected}, dönen {got}. `ImageFolder` gibi adları `sorted(...)` ile alfabetik sıralayın; yoksa sıra işletim sistemine göre değişir ve etiketler karışır.",
        "en": "The class names are right but in the wrong order: expected {expected}, got {got}. Sort them with `sorted(...)` like `ImageFolder`; otherwise the order depends on the operating system and the labels get mixed up.",
    },
    "ovs_find_classes_wrong": {
        "tr": "`find_classes` yanlış sınıflar buldu: beklenen {expected}, dönen {got}. Sınıflar, verilen klasörün hemen altındaki klasörlerin adlarıdır.",
        "en": "`find_classes` found the wrong classes: expected {expected}, got {got}. The classes are the names of the folders directly inside the given folder.",
    },
    "ovs_class_to_idx": {
        "tr": "`class_to_idx` yanlış: beklenen {expected}, dönen {got}. Sıralanmış sınıflara 0'dan başlayarak sırayla indeks verin: `{{name: i for i, name in enumerate(classes)}}`.",
        "en": "`class_to_idx` is wrong: expected {expected}, got {got}. Number the sorted classes from 0: `{{name: i for i, name in enumerate(classes)}}`.",
    },
    "ovs_find_classes_no_error": {
        "tr": "İçinde hiç sınıf klasörü olmayan bir klasör için `find_classes` hata vermedi, `{got}` döndürdü. Sınıf bulunamazsa `raise FileNotFoundError(f\"{{directory}} içinde sınıf klasörü yok.\")` ile açık bir hata verin.",
        "en": "For a folder without any class folders `find_classes` raised no error and returned `{got}`. When no class is found, raise a clear error: `raise FileNotFoundError(...)`.",
    },
    "ovs_not_dataset": {
        "tr": "`ImageFolderCustom`, `torch.utils.data.Dataset`'ten türemeli: `class ImageFolderCustom(Dataset):`.",
        "en": "`ImageFolderCustom` must subclass `torch.utils.data.Dataset`: `class ImageFolderCustom(Dataset):`.",
    },
    "ovs_dataset_attr": {
        "tr": "`ImageFolderCustom` nesnesinde `{attr}` özniteliği yok. `__init__` içinde `self.paths`, `self.transform`, `self.classes` ve `self.class_to_idx` değerlerini atayın.",
        "en": "The `ImageFolderCustom` object has no `{attr}` attribute. Set `self.paths`, `self.transform`, `self.classes` and `self.class_to_idx` in `__init__`.",
    },
    "ovs_dataset_classes": {
        "tr": "`ImageFolderCustom(...).{attr}` `ImageFolder` ile aynı değil: beklenen {expected}, dönen {got}. `self.classes, self.class_to_idx = find_classes(targ_dir)` kullanın.",
        "en": "`ImageFolderCustom(...).{attr}` differs from `ImageFolder`: expected {expected}, got {got}. Use `self.classes, self.class_to_idx = find_classes(targ_dir)`.",
    },
    "ovs_dataset_missing_ext": {
        "tr": "`self.paths` bazı görüntüleri kaçırdı (ör. `{example}`): {expected} görüntü olmalı, {got} bulundu. Klasörlerde `.png` ve `.jpg`/`.jpeg` görüntüleri olabilir; hepsini alın, ör. `[p for p in Path(targ_dir).glob(\"*/*\") if p.suffix.lower() in (\".png\", \".jpg\", \".jpeg\")]`.",
        "en": "`self.paths` missed some images (e.g. `{example}`): there should be {expected}, found {got}. The folders may hold `.png` and `.jpg`/`.jpeg` images; take them all.",
    },
    "ovs_dataset_extra_files": {
        "tr": "`self.paths` görüntü olmayan dosyalar da içeriyor (ör. `{example}`). Yalnızca uzantısı `.png`, `.jpg` ya da `.jpeg` olan dosyaları alın.",
        "en": "`self.paths` also contains files that are not images (e.g. `{example}`). Take only files ending in `.png`, `.jpg` or `.jpeg`.",
    },
    "ovs_dataset_paths_wrong": {
        "tr": "`self.paths` `ImageFolder`'ın bulduğu dosyalarla uyuşmuyor (ör. `{example}`). Her sınıf klasörünün içindeki görüntü dosyalarını alın: `targ_dir/<sınıf>/<görüntü>`.",
        "en": "`self.paths` does not match the files `ImageFolder` finds (e.g. `{example}`). Take the image files inside each class folder: `targ_dir/<class>/<image>`.",
    },
    "ovs_dataset_len": {
        "tr": "`len(dataset)` {got} döndürdü, ama {expected} görüntü var. `__len__` görüntü sayısını döndürmeli: `return len(self.paths)`.",
        "en": "`len(dataset)` returned {got}, but there are {expected} images. `__len__` must return the number of images: `return len(self.paths)`.",
    },
    "ovs_dataset_unsorted": {
        "tr": "Görüntüler doğru ama sırası `ImageFolder`'dan farklı (ilk fark {index}. öğede). `glob` sonucu sıralı değildir: `self.paths = sorted(...)` yazın; böylece öğeler sınıfa, sonra dosya adına göre sıralanır.",
        "en": "The images are right but in a different order than `ImageFolder` (first difference at item {index}). `glob` results are not sorted: write `self.paths = sorted(...)`.",
    },
    "ovs_load_image_type": {
        "tr": "`load_image({index})` bir PIL görüntüsü (`PIL.Image.Image`) döndürmeli, ama `{got}` döndürdü: `return Image.open(self.paths[index]).convert(\"RGB\")`.",
        "en": "`load_image({index})` must return a PIL image (`PIL.Image.Image`), but returned `{got}`.",
    },
    "ovs_not_rgb": {
        "tr": "`dataset[{index}]` görüntüsü `{got}` kipinde (kanal sayısı farklı) döndü; `ImageFolder` her görüntüyü RGB'ye çevirir (gri tonlamalı ve saydam PNG'ler de 3 kanala getirilir: gri 1→3, RGBA 4→3). `load_image` içinde `Image.open(path).convert(\"RGB\")` kullanın.",
        "en": "The image of `dataset[{index}]` came back in `{got}` mode (a different number of channels); `ImageFolder` converts every image to RGB (grayscale and RGBA PNGs too: grayscale 1→3, RGBA 4→3 channels). Use `Image.open(path).convert(\"RGB\")` in `load_image`.",
    },
    "ovs_item_not_pair": {
        "tr": "`dataset[{index}]` bir `(görüntü, etiket)` ikilisi döndürmeli, ama `{got}` döndürdü.",
        "en": "`dataset[{index}]` must return an `(image, label)` pair, but returned `{got}`.",
    },
    "ovs_item_swapped": {
        "tr": "`dataset[{index}]` sırası ters: önce görüntü, sonra etiket döndürün: `return img, class_idx`.",
        "en": "`dataset[{index}]` is the wrong way round: return the image first, then the label.",
    },
    "ovs_label_name": {
        "tr": "`dataset[{index}]` etiketi sınıf adı (`{got}`) olarak döndürdü; etiket sınıfın indeksi (tam sayı) olmalı: `self.class_to_idx[class_name]`.",
        "en": "`dataset[{index}]` returned the class name (`{got}`) as the label; the label must be the class index (an int): `self.class_to_idx[class_name]`.",
    },
    "ovs_label_wrong": {
        "tr": "`dataset[{index}]` etiketi {got}, beklenen {expected} (`{path}`). Sınıf adı, dosyanın içinde bulunduğu klasörün adıdır: `Path(path).parent.name`.",
        "en": "`dataset[{index}]` has label {got}, expected {expected} (`{path}`). The class name is the name of the folder the file is in: `Path(path).parent.name`.",
    },
    "ovs_item_image_wrong": {
        "tr": "`dataset[{index}]` görüntüsü `ImageFolder`'ınkiyle aynı değil: `__getitem__` `self.load_image(index)` ile yüklediği görüntüyü (dönüşüm varsa dönüştürüp) döndürmeli.",
        "en": "The image of `dataset[{index}]` differs from `ImageFolder`'s: `__getitem__` must return the image loaded with `self.load_image(index)` (transformed when there is a transform).",
    },
    "ovs_transform_ignored": {
        "tr": "`ImageFolderCustom(..., transform=...)` dönüşümü uygulamadı (dönen tip: `{got}`). `__getitem__` içinde `if self.transform: img = self.transform(img)` yazın.",
        "en": "`ImageFolderCustom(..., transform=...)` did not apply the transform (returned type: `{got}`). In `__getitem__`, write `if self.transform: img = self.transform(img)`.",
    },
    "ovs_transform_not_tensor": {
        "tr": "`{name}` bir tensör döndürmeli, ama `{got}` döndürdü: zincirin sonuna `transforms.ToTensor()` ekleyin (PIL görüntüsü → `[kanal, yükseklik, genişlik]` float32 tensör, değerler 0–1).",
        "en": "`{name}` must return a tensor, but returned `{got}`: add `transforms.ToTensor()` at the end of the chain (PIL image → `[channels, height, width]` float32 tensor, values 0–1).",
    },
    "ovs_transform_resize_int": {
        "tr": "`{name}` çıktısının şekli {got}, beklenen {expected}. `transforms.Resize(64)` yalnızca kısa kenarı 64 yapar ve en-boy oranını korur; iki kenarı da 64 yapmak için `Resize((64, 64))` (demet/tuple) yazın.",
        "en": "`{name}` output has shape {got}, expected {expected}. `transforms.Resize(64)` only sets the short side to 64 and keeps the aspect ratio; use `Resize((64, 64))` (a tuple).",
    },
    "ovs_transform_shape": {
        "tr": "`{name}` çıktısının şekli {got}, beklenen {expected} (`[kanal, yükseklik, genişlik]`). `transforms.Resize((64, 64))` ve `transforms.ToTensor()` kullanın.",
        "en": "`{name}` output has shape {got}, expected {expected} (`[channels, height, width]`). Use `transforms.Resize((64, 64))` and `transforms.ToTensor()`.",
    },
    "ovs_transform_range": {
        "tr": "`{name}` çıktısı 0–1 aralığında değil (en küçük {low:.3f}, en büyük {high:.3f}). Bu alıştırmada `Normalize` kullanmayın; `ToTensor()` değerleri zaten 0–1 aralığına getirir.",
        "en": "`{name}` output is not in the 0–1 range (min {low:.3f}, max {high:.3f}). Don't use `Normalize` in this exercise; `ToTensor()` already scales to 0–1.",
    },
    "ovs_transform_no_flip": {
        "tr": "`{name}` görüntüyü hiç yatay çevirmedi ({trials} denemede 0). Veri artırma (data augmentation) için `transforms.RandomHorizontalFlip(p=0.5)` ekleyin.",
        "en": "`{name}` never flipped the image horizontally (0 in {trials} tries). Add `transforms.RandomHorizontalFlip(p=0.5)` for data augmentation.",
    },
    "ovs_transform_always_flip": {
        "tr": "`{name}` görüntüyü her seferinde çevirdi ({trials}/{trials}): `p=1.0` bir veri artırma değil, her görüntüyü aynı biçimde değiştirmektir. `RandomHorizontalFlip(p=0.5)` kullanın.",
        "en": "`{name}` flipped the image every time ({trials}/{trials}): `p=1.0` is not augmentation. Use `RandomHorizontalFlip(p=0.5)`.",
    },
    "ovs_transform_unexpected": {
        "tr": "`{name}` beklenmeyen bir değişiklik yaptı: çıktı ne 64×64'e küçültülmüş görüntü ne de yatay çevrilmişi. Bu dönüşüm yalnızca `Resize((64, 64))`, `RandomHorizontalFlip(p=0.5)` ve `ToTensor()` içermeli (renk değişikliği, kırpma ya da `Normalize` yok).",
        "en": "`{name}` changed the image unexpectedly: the output is neither the image resized to 64×64 nor its horizontal flip. Use only `Resize((64, 64))`, `RandomHorizontalFlip(p=0.5)` and `ToTensor()`.",
    },
    "ovs_test_transform_random": {
        "tr": "`test_transform` aynı görüntüye her seferinde farklı sonuç veriyor: test verisinde veri artırma yapılmaz (ölçüm her seferinde aynı olmalı). Yalnızca `Resize((64, 64))` ve `ToTensor()` kullanın.",
        "en": "`test_transform` gives a different result each time for the same image: test data is never augmented. Use only `Resize((64, 64))` and `ToTensor()`.",
    },
    "ovs_test_transform_wrong": {
        "tr": "`test_transform` çıktısı, görüntünün 64×64'e küçültülüp tensöre çevrilmiş hâlinden farklı. Yalnızca `transforms.Resize((64, 64))` ve `transforms.ToTensor()` kullanın.",
        "en": "`test_transform` output differs from the image resized to 64×64 and turned into a tensor. Use only `transforms.Resize((64, 64))` and `transforms.ToTensor()`.",
    },
    "ovs_no_augmentation": {
        "tr": "`{name}` görüntüyü yalnızca {changed}/{trials} denemede küçültme ve yatay çevirme dışında değiştirdi: veri artırma yok gibi. `transforms.TrivialAugmentWide(num_magnitude_bins=31)` ekleyin (`Resize`'dan sonra, `ToTensor`'dan önce).",
        "en": "`{name}` changed the image beyond resizing and flipping in only {changed}/{trials} tries: there seems to be no augmentation. Add `transforms.TrivialAugmentWide(num_magnitude_bins=31)` (after `Resize`, before `ToTensor`).",
    },
    "ovs_not_dataloader": {
        "tr": "`{name}` bir `torch.utils.data.DataLoader` olmalı, ama `{got}` tipinde.",
        "en": "`{name}` must be a `torch.utils.data.DataLoader`, but it is a `{got}`.",
    },
    "ovs_loaders_swapped": {
        "tr": "Eğitim ve test veri yükleyicileri yer değiştirmiş: `train_dataloader_custom` {got} görüntü içeriyor, bu test klasörünün sayısı. `train_data_custom`'ı `train_dir`'den, `test_data_custom`'ı `test_dir`'den kurun.",
        "en": "The train and test data loaders are swapped: `train_dataloader_custom` holds {got} images, the size of the test folder. Build `train_data_custom` from `train_dir` and `test_data_custom` from `test_dir`.",
    },
    "ovs_loader_size": {
        "tr": "`{name}` içindeki veri kümesi {got} görüntü içeriyor, ama `{folder}` klasöründe {expected} görüntü var.",
        "en": "The dataset inside `{name}` holds {got} images, but the `{folder}` folder has {expected}.",
    },
    "ovs_loader_batch_size": {
        "tr": "`{name}` yığın boyutu (batch size) {got}, `BATCH_SIZE` ({expected}) olmalı: `DataLoader(..., batch_size=BATCH_SIZE)`.",
        "en": "`{name}` has batch size {got}; it should be `BATCH_SIZE` ({expected}).",
    },
    "ovs_train_not_shuffled": {
        "tr": "`train_dataloader_custom` veriyi karıştırmıyor: eğitim verisini her epokta karıştırmak için `shuffle=True` verin (model görüntülerin sırasını ezberlemesin).",
        "en": "`train_dataloader_custom` does not shuffle: pass `shuffle=True` so the training data is shuffled every epoch.",
    },
    "ovs_test_shuffled": {
        "tr": "`test_dataloader_custom` veriyi karıştırıyor: test verisini karıştırmaya gerek yok (`shuffle=False`); sabit sıra sonuçları karşılaştırmayı kolaylaştırır.",
        "en": "`test_dataloader_custom` shuffles: test data needs no shuffling (`shuffle=False`).",
    },
    "ovs_test_order": {
        "tr": "`test_dataloader_custom` üzerinden bir tur, `ImageFolder(test_dir)` ile aynı etiketleri aynı sırayla vermedi ({got} etiket geldi, {expected} bekleniyordu). Veri kümesi yolları sıralı (`sorted`) tutmalı, test yükleyicisi karıştırmamalı.",
        "en": "One pass over `test_dataloader_custom` did not give the labels of `ImageFolder(test_dir)` in the same order ({got} labels, expected {expected}). Keep the dataset's paths sorted and don't shuffle the test loader.",
    },
    "ovs_batch_bad": {
        "tr": "`{name}` adlı veri yükleyicinin verdiği ilk yığın beklenen gibi değil: görüntüler `[yığın, 3, 64, 64]` float32, etiketler `[yığın]` int64 olmalı; gelen: {got}. Veri kümesine `transform=data_transform` verdiniz mi?",
        "en": "The first batch of `{name}` is not as expected: images `[batch, 3, 64, 64]` float32, labels `[batch]` int64; got: {got}. Did you pass `transform=data_transform` to the dataset?",
    },
    "hint_collate_pil": {
        "tr": "İpucu: veri yükleyici PIL görüntülerini yığına (batch) koyamaz; veri kümesine görüntüyü tensöre çeviren bir dönüşüm verin: `ImageFolderCustom(train_dir, transform=data_transform)`.",
        "en": "Hint: the data loader cannot batch PIL images; give the dataset a transform that returns tensors: `ImageFolderCustom(train_dir, transform=data_transform)`.",
    },
    "hint_stack_sizes": {
        "tr": "İpucu: görüntülerin boyutları farklı olduğu için yığın (batch) kurulamadı; dönüşümde `transforms.Resize((64, 64))` kullanın.",
        "en": "Hint: the images have different sizes, so they cannot form a batch; use `transforms.Resize((64, 64))` in the transform.",
    },
    "ovs_tinyvgg_flatten": {
        "tr": "TinyVGG'nin son `nn.Linear` katmanı düzleştirilmiş (flatten) öznitelik sayısıyla uyuşmuyor: {error}. 64×64 girdi, `padding=1`'li 3×3 evrişimler boyutu korur, her `MaxPool2d(2)` yarıya indirir: 64 → 32 → 16. Yani `in_features=hidden_units*16*16` olmalı (evrişimlerde `padding=1` unutulmuşsa boyut 13×13'e iner).",
        "en": "TinyVGG's last `nn.Linear` does not match the number of flattened features: {error}. With 64×64 inputs, 3×3 convolutions with `padding=1` keep the size and each `MaxPool2d(2)` halves it: 64 → 32 → 16, so `in_features=hidden_units*16*16` (without `padding=1` it shrinks to 13×13).",
    },
    "ovs_tinyvgg_no_padding": {
        "tr": "TinyVGG'nin evrişimlerinde dolgu (padding) yok: sınıflandırıcınız `hidden_units*13*13` öznitelik alıyor. Bu alıştırmada kurstaki gibi `padding=1` kullanın; 3×3 evrişimler boyutu korur ve iki `MaxPool2d(2)` sonrası 64 → 32 → 16 kalır: `Linear(hidden_units*16*16, output_shape)`.",
        "en": "TinyVGG's convolutions have no padding: your classifier takes `hidden_units*13*13` features. Use `padding=1` as in the course; then 64 → 32 → 16 and the classifier is `Linear(hidden_units*16*16, output_shape)`.",
    },
    "ovs_tinyvgg_channels": {
        "tr": "`TinyVGG(input_shape={input_shape}, ...)` {input_shape} kanallı girdiyi işleyemedi: {error}. İlk `nn.Conv2d`'nin `in_channels` değeri `input_shape` olmalı (3 diye sabit yazmayın).",
        "en": "`TinyVGG(input_shape={input_shape}, ...)` could not handle {input_shape}-channel input: {error}. The first `nn.Conv2d` must use `in_channels=input_shape` (don't hard-code 3).",
    },
    "ovs_tinyvgg_params": {
        "tr": "`TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})` {got} parametre içeriyor, kurstaki mimari {expected} içerir. İki blok, her blokta iki tane `Conv2d(kernel_size=3, stride=1, padding=1)` + `ReLU`, sonunda `MaxPool2d(2)`; ardından `Flatten` ve `Linear(hidden_units*16*16, output_shape)`. `hidden_units`, `input_shape` ve `output_shape` argümanlarını kullanın, sayıları sabit yazmayın.",
        "en": "`TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})` has {got} parameters, the course's architecture has {expected}. Two blocks of two `Conv2d(kernel_size=3, stride=1, padding=1)` + `ReLU`, then `MaxPool2d(2)`; then `Flatten` and `Linear(hidden_units*16*16, output_shape)`. Use the arguments, don't hard-code numbers.",
    },
    "ovs_tinyvgg_linear": {
        "tr": "TinyVGG doğrusal davranıyor: evrişim katmanlarının arasında `nn.ReLU()` yok. Aktivasyon fonksiyonu olmadan üst üste evrişimler tek bir doğrusal işlem olur.",
        "en": "TinyVGG behaves linearly: there is no `nn.ReLU()` between the convolution layers.",
    },
    "ovs_tinyvgg_probabilities": {
        "tr": "TinyVGG olasılık döndürüyor gibi (çıktılar 0–1 arasında ve toplamları 1); `forward` logit (modelin ham çıktısı) döndürmeli. `softmax`'ı kaldırın: `nn.CrossEntropyLoss` onu kendisi uygular.",
        "en": "TinyVGG seems to return probabilities; `forward` must return logits. Remove the `softmax`: `nn.CrossEntropyLoss` applies it itself.",
    },
    "ovs_tinyvgg_unused": {
        "tr": "`{name}` parametresi geri yayılımda gradyan almadı: bu katman `forward` içinde kullanılmıyor. Tanımladığınız bütün blokları `forward`'da sırayla çağırın.",
        "en": "The parameter `{name}` got no gradient in backpropagation: that layer is not used in `forward`. Call every block you defined in `forward`, in order.",
    },
    "ovs_tinyvgg_differs": {
        "tr": "`TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})`, aynı ağırlıklar yüklenen kurstaki TinyVGG'den farklı çıktılar veriyor. Sıra şöyle olmalı: iki blok, her blokta `Conv2d(kernel_size=3, stride=1, padding=1)`, `ReLU`, `Conv2d(...)`, `ReLU`, `MaxPool2d(2)`; ardından `Flatten` ve `Linear(hidden_units*16*16, output_shape)`. Katmanları `__init__`'te bu sırayla tanımlayın, `forward`'da bu sırayla çağırın (başka havuzlama ya da aktivasyon fonksiyonu kullanmayın).",
        "en": "`TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})` gives different outputs from the course's TinyVGG loaded with the same weights. The order must be: two blocks of `Conv2d(kernel_size=3, stride=1, padding=1)`, `ReLU`, `Conv2d(...)`, `ReLU`, `MaxPool2d(2)`; then `Flatten` and `Linear(hidden_units*16*16, output_shape)`. Define the layers in `__init__` in this order and call them in `forward` in this order (no other pooling or activation).",
    },
    "ovs_step_no_forward": {
        "tr": "`{name}` modeli hiç çağırmadı: `for X, y in dataloader:` döngüsünde her yığın için `model(X)` ile ileri geçiş yapın.",
        "en": "`{name}` never called the model: do a forward pass `model(X)` for every batch inside `for X, y in dataloader:`.",
    },
    "ovs_paths_not_list": {
        "tr": "`ImageFolderCustom` nesnesinin `paths` özniteliği bir liste olmalı: görüntü dosyalarının sıralı yolları, ör. `self.paths = sorted(...)`.",
        "en": "The `paths` attribute of an `ImageFolderCustom` object must be a list: the sorted paths of the image files, e.g. `self.paths = sorted(...)`.",
    },
    "ovs_step_return": {
        "tr": "`{name}` iki sayı döndürmeli: `(ortalama_kayıp, doğruluk)`. Dönen: `{got}`.",
        "en": "`{name}` must return two numbers: `(mean_loss, accuracy)`. Got: `{got}`.",
    },
    "ovs_not_train_mode": {
        "tr": "`train_step` modeli eğitim kipine almadı: ileri geçişlerin (forward) {bad}/{total} tanesi `model.eval()` kipinde yapıldı. Döngüden önce `model.train()` çağırın.",
        "en": "`train_step` did not put the model in training mode: {bad}/{total} forward passes ran in `model.eval()` mode. Call `model.train()` before the loop.",
    },
    "ovs_no_zero_grad": {
        "tr": "`train_step` gradyanları sıfırlamıyor: parametreler, gradyanları yığınlar boyunca biriktiren bir eğitimle aynı değiştiler. Her yığında `loss.backward()`'tan önce `optimizer.zero_grad()` çağırın.",
        "en": "`train_step` does not reset the gradients: the parameters changed exactly like a training run that accumulates gradients. Call `optimizer.zero_grad()` before `loss.backward()` in every batch.",
    },
    "ovs_train_step_params": {
        "tr": "`train_step` sonrası parametreler, her yığında bir kez (ileri geçiş → kayıp → `zero_grad` → `backward` → `step`) güncelleyen bir eğitimden farklı. Her yığın için bu beş adımı bir kez yapın; verilen `optimizer` ve `loss_fn`'i kullanın.",
        "en": "After `train_step` the parameters differ from one update per batch (forward → loss → `zero_grad` → `backward` → `step`). Do these steps once per batch, with the given `optimizer` and `loss_fn`.",
    },
    "ovs_loss_sum": {
        "tr": "`{name}` kaybı yığınların toplamı ({got:.4f}) olarak döndü; ortalama ({expected:.4f}) olmalı: döngüden sonra `train_loss / len(dataloader)`.",
        "en": "`{name}` returned the sum of the batch losses ({got:.4f}); it should be the mean ({expected:.4f}): `train_loss / len(dataloader)` after the loop.",
    },
    "ovs_loss_wrong": {
        "tr": "`{name}` ortalama kaybı {got:.4f} döndürdü, notlandırıcının ölçtüğü {expected:.4f}. Her yığının kaybını (`loss.item()`) toplayıp yığın sayısına bölün.",
        "en": "`{name}` returned a mean loss of {got:.4f}, the grader measured {expected:.4f}. Add up each batch's loss (`loss.item()`) and divide by the number of batches.",
    },
    "ovs_acc_percent": {
        "tr": "`{name}` doğruluğu yüzde olarak ({got:.2f}) döndürdü; 04'teki gibi 0 ile 1 arasında bir kesir ({expected:.4f}) olmalı. 100 ile çarpmayın: 0.955, %95.5 demektir.",
        "en": "`{name}` returned the accuracy as a percentage ({got:.2f}); as in 04 it must be a fraction between 0 and 1 ({expected:.4f}). Don't multiply by 100: 0.955 means 95.5%.",
    },
    "ovs_acc_wrong": {
        "tr": "`{name}` doğruluğu {got:.4f} döndürdü, notlandırıcının ölçtüğü {expected:.4f}. Her yığında `(y_pred_class == y).sum().item() / len(y_pred)` hesaplayıp yığın sayısına göre ortalayın; tahmin sınıfı `logits.argmax(dim=1)`.",
        "en": "`{name}` returned an accuracy of {got:.4f}, the grader measured {expected:.4f}. Per batch compute `(y_pred_class == y).sum().item() / len(y_pred)` and average over batches; the predicted class is `logits.argmax(dim=1)`.",
    },
    "ovs_not_eval_mode": {
        "tr": "`{name}` modeli değerlendirme kipine almadı: ileri geçişlerin {bad}/{total} tanesi eğitim kipinde yapıldı. Önce `model.eval()` çağırın (Dropout/BatchNorm gibi katmanlar test sırasında farklı davranır).",
        "en": "`{name}` did not put the model in evaluation mode: {bad}/{total} forward passes ran in training mode. Call `model.eval()` first.",
    },
    "ovs_grad_enabled": {
        "tr": "`{name}` ileri geçişleri gradyan takibi açıkken yaptı: ölçüm ve tahminleri `with torch.inference_mode():` (ya da `torch.no_grad()`) içinde yapın; geri yayılım için ara değerleri saklamadığından daha hızlıdır ve daha az bellek kullanır.",
        "en": "`{name}` ran forward passes with gradient tracking on: wrap evaluation and prediction in `with torch.inference_mode():` (or `torch.no_grad()`); it is faster and uses less memory because it keeps no intermediate values for backpropagation.",
    },
    "ovs_test_step_changed": {
        "tr": "`test_step` modelin parametrelerini değiştirdi: test adımında `loss.backward()` ya da `optimizer.step()` olmamalı, yalnızca ölçüm yapılır.",
        "en": "`test_step` changed the model's parameters: there is no `loss.backward()` or `optimizer.step()` in a test step, it only measures.",
    },
    "ovs_results_bad": {
        "tr": "`train` şu anahtarları içeren bir sözlük döndürmeli: {keys}; her biri epok başına bir sayı içeren liste ({epochs} eleman). Sorun: {problem}",
        "en": "`train` must return a dict with the keys {keys}, each a list with one number per epoch ({epochs} items). Problem: {problem}",
    },
    "ovs_train_params": {
        "tr": "`train(..., epochs={epochs})` sonrası parametreler, her epokta bir kez `train_step` ve bir kez `test_step` çağıran bir eğitimden farklı. Döngü `for epoch in range(epochs):` olmalı ve verilen `optimizer`, `loss_fn` ve veri yükleyicileri kullanmalı (test verisiyle eğitim yapmayın).",
        "en": "After `train(..., epochs={epochs})` the parameters differ from a run that calls `train_step` once and `test_step` once per epoch, with the given optimizer, loss function and data loaders.",
    },
    "ovs_results_mismatch": {
        "tr": "`train` sonuçlarındaki `{field}` değerleri notlandırıcının aynı eğitimde ölçtükleriyle uyuşmuyor (epok {epoch}: beklenen {expected:.4f}, dönen {got:.4f}). Her epokta `train_step` ve `test_step`'in döndürdüğü değerleri doğru anahtarlara ekleyin.",
        "en": "The `{field}` values in `train`'s results do not match what the grader measured for the same run (epoch {epoch}: expected {expected:.4f}, got {got:.4f}). Append the values returned by `train_step` and `test_step` to the right keys every epoch.",
    },
    "ovs_model_output": {
        "tr": "`{name}` `[yığın, 3, 64, 64]` girdiden `[yığın, 3]` logit döndürmeli; dönen şekil {got}.",
        "en": "`{name}` must map `[batch, 3, 64, 64]` inputs to `[batch, 3]` logits; got shape {got}.",
    },
    "ovs_no_augmentation_used": {
        "tr": "`train_dataloader_augmented` içindeki veri kümesi aynı görüntüyü her seferinde aynı biçimde veriyor: veri artırma yok. Veri kümesini `transform=train_transform_trivial_augment` ile kurun.",
        "en": "The dataset inside `train_dataloader_augmented` returns the same image the same way every time: no augmentation. Build it with `transform=train_transform_trivial_augment`.",
    },
    "ovs_model_1_accuracy": {
        "tr": "`model_1` notlandırıcının kendi rakam görüntülerinde {acc:.3f} doğruluk aldı, en az {threshold:.2f} olmalı. `model_1`'i `train` ile en az {epochs} epok eğittiniz mi? `lr=0.001` ile `Adam` ve `BATCH_SIZE` yığın boyutu kullanın.",
        "en": "`model_1` scored {acc:.3f} on the grader's own digit images; it needs at least {threshold:.2f}. Did you train it with `train` for at least {epochs} epochs? Use `Adam` with `lr=0.001`.",
    },
    "ovs_model_1_differs": {
        "tr": "Notlandırıcı `model_1`'i kendi kopyasında ölçer (rakam görüntüleri notlandırıcıda kalır): `model_1`'in ağırlıklarını kurstaki `TinyVGG(input_shape=3, hidden_units=..., output_shape=3)` modeline yükler. Bu kopya `model_1`'in çıktılarını vermedi: `model_1` kursun TinyVGG mimarisine uymalı (önce `tiny_vgg` kontrolünün geçmesini sağlayın) ve `TinyVGG(3, 10, len(class_names))` ile oluşturulmalı.",
        "en": "The grader measures `model_1` on its own copy (the digit images stay with the grader): it loads `model_1`'s weights into the course's `TinyVGG(input_shape=3, hidden_units=..., output_shape=3)`. That copy did not give `model_1`'s outputs: `model_1` must follow the course's TinyVGG architecture (make the `tiny_vgg` check pass first) and be built as `TinyVGG(3, 10, len(class_names))`.",
    },
    "ovs_pred_return": {
        "tr": "`pred_and_plot_image` `(sınıf_adı, olasılık)` döndürmeli, ör. `(\"iki\", 0.97)`; dönen: `{got}`.",
        "en": "`pred_and_plot_image` must return `(class_name, probability)`, e.g. `(\"iki\", 0.97)`; got: `{got}`.",
    },
    "ovs_pred_index": {
        "tr": "`pred_and_plot_image` sınıfın adı yerine indeksini ({got}) döndürdü: `class_names[pred_label]` ile adını verin.",
        "en": "`pred_and_plot_image` returned the class index ({got}) instead of its name: use `class_names[pred_label]`.",
    },
    "ovs_pred_not_scaled": {
        "tr": "Tahmin, piksel değerleri 0–255 aralığında bırakılmış bir görüntüyle yapılmış gibi. `torchvision.io.read_image` `uint8` (0–255) döndürür; model 0–1 aralığındaki float32 görüntülerle eğitildi: `image = read_image(path).type(torch.float32) / 255.`.",
        "en": "The prediction looks like it was made on pixel values in 0–255. `torchvision.io.read_image` returns `uint8` (0–255); the model was trained on float32 images in 0–1: divide by 255.",
    },
    "ovs_pred_no_softmax": {
        "tr": "Dönen olasılık ({got:.4f}) bir olasılık değil, logit (modelin ham çıktısı) gibi. `torch.softmax(logits, dim=1)` ile olasılığa çevirin ve en büyüğünü döndürün.",
        "en": "The returned probability ({got:.4f}) looks like a logit, not a probability. Turn the logits into probabilities with `torch.softmax(logits, dim=1)` and return the largest.",
    },
    "ovs_pred_wrong": {
        "tr": "`pred_and_plot_image` (`{got_name}`, {got_prob:.4f}) döndürdü, beklenen (`{name}`, {prob:.4f}). Adımlar: `read_image` → `float32` ve `/ 255` → verilen `transform` → `unsqueeze(dim=0)` (yığın boyutu) → modelin cihazına taşı → `model.eval()` + `torch.inference_mode()` → `softmax` → `argmax`.",
        "en": "`pred_and_plot_image` returned (`{got_name}`, {got_prob:.4f}), expected (`{name}`, {prob:.4f}). Steps: `read_image` → `float32` and `/ 255` → the given `transform` → `unsqueeze(dim=0)` → the model's device → `model.eval()` + `torch.inference_mode()` → `softmax` → `argmax`.",
    },
    "hint_pred_batch_dim": {
        "tr": "İpucu: model `[yığın, kanal, yükseklik, genişlik]` bekler; tek görüntüye yığın boyutunu `image.unsqueeze(dim=0)` ile ekleyin.",
        "en": "Hint: the model expects `[batch, channels, height, width]`; add the batch dimension to a single image with `image.unsqueeze(dim=0)`.",
    },
    "hint_pred_size": {
        "tr": "İpucu: görüntü modelin beklediği boyutta değil; `transform` verildiyse görüntüye uygulayın (`if transform: image = transform(image)`), model hangi boyutta eğitildiyse o boyuta getirin.",
        "en": "Hint: the image does not have the size the model expects; apply the given `transform` (`if transform: image = transform(image)`).",
    },
    "hint_uint8_input": {
        "tr": "İpucu: görüntü `uint8` tipinde kaldı; modele vermeden önce `image.type(torch.float32) / 255.` ile float32'ye çevirin.",
        "en": "Hint: the image is still `uint8`; convert it with `image.type(torch.float32) / 255.` first.",
    },
})
