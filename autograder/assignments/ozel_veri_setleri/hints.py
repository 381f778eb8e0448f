"""Progressive hints for ``ipucu("<cell>")`` in the 05_ozel_veri_setleri notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "walk_through_dir": [
        {"tr": "2. bölüm: `os.walk(dir_path)` başlangıç klasörü dahil bütün alt klasörleri gezer ve her "
               "biri için `(dirpath, dirnames, filenames)` üçlüsünü verir.",
         "en": "Section 2: `os.walk(dir_path)` visits every subfolder, the starting folder included, and "
               "gives a `(dirpath, dirnames, filenames)` triple for each."},
        {"tr": "Her üçlüde alt klasör sayısı `dirnames` listesinin uzunluğu, görüntü sayısı ise "
               "`filenames` içindeki görüntü dosyalarının sayısıdır. Yazdırmanın yanında bu iki sayıyı "
               "`dirpath` anahtarıyla bir sözlüğe koyun ve sözlüğü döndürün.",
         "en": "In each triple the number of subfolders is the length of `dirnames`, and the number of "
               "images is the number of image files in `filenames`. Besides printing, put these two "
               "numbers into a dict under the key `dirpath` and return the dict."},
        {"tr": "Yalnızca görüntüleri sayın: dosya adını küçük harfe çevirip `.png`, `.jpg` ya da `.jpeg` "
               "ile bitip bitmediğine bakın (`str.endswith` bir demet de alır); `.txt` gibi dosyalar "
               "sayılmaz. Değer sırası önce alt klasör sayısı, sonra görüntü sayısı; anahtar `os.walk`'ın "
               "verdiği yol olmalı.",
         "en": "Count only images: lower-case the file name and check whether it ends in `.png`, `.jpg` or "
               "`.jpeg` (`str.endswith` also takes a tuple); files like `.txt` do not count. The value is "
               "the number of subfolders first, then the number of images; the key must be the path "
               "`os.walk` gives."},
    ],
    "data_transform": [
        {"tr": "3. bölüm: `transforms.Compose` bir dönüşüm listesini sırayla uygular; alıştırma üç "
               "dönüşümü bu sırayla istiyor.",
         "en": "Section 3: `transforms.Compose` applies a list of transforms in order; the exercise asks "
               "for three transforms in this order."},
        {"tr": "Liste: boyutlandırma (`transforms.Resize`), yatay çevirme "
               "(`transforms.RandomHorizontalFlip`), tensöre çevirme (`transforms.ToTensor`). Çıktı `[3, "
               "64, 64]` şeklinde, değerleri 0–1 arasında bir `float32` tensör olmalı.",
         "en": "The list: resizing (`transforms.Resize`), horizontal flipping "
               "(`transforms.RandomHorizontalFlip`), conversion to a tensor (`transforms.ToTensor`). The "
               "output must be a `float32` tensor of shape `[3, 64, 64]` with values between 0 and 1."},
        {"tr": "`Resize` için tek bir sayı verirseniz yalnızca kısa kenar 64 olur; iki kenar için bir "
               "demet (tuple) verin. Çevirme olasılığı `p=0.5` olmalı (notlandırıcı birçok denemede hem "
               "çevrilmiş hem çevrilmemiş çıktı görmek ister); `Normalize` ya da başka bir dönüşüm "
               "eklemeyin.",
         "en": "With a single number, `Resize` only makes the short side 64; give a tuple for both sides. "
               "The flip probability must be `p=0.5` (over many tries the grader wants to see both flipped "
               "and unflipped outputs); add no `Normalize` or other transform."},
    ],
    "find_classes": [
        {"tr": "5. bölüm: sınıflar, verilen klasörün hemen altındaki klasörlerin adlarıdır; sonuç "
               "`ImageFolder` ile aynı olmalı.",
         "en": "Section 5: the classes are the names of the folders directly inside the given folder; the "
               "result must be the same as `ImageFolder`'s."},
        {"tr": "`os.scandir(directory)` ile klasörü tarayın, `entry.is_dir()` ile yalnızca klasörleri alın "
               "ve adlarını (`entry.name`) `sorted` ile sıralayın. Sonra her ada 0'dan başlayarak bir "
               "indeks veren sözlüğü kurun (`enumerate` işinize yarar).",
         "en": "Scan the folder with `os.scandir(directory)`, keep only folders with `entry.is_dir()` and "
               "sort their names (`entry.name`) with `sorted`. Then build the dict that gives each name an "
               "index starting from 0 (`enumerate` helps)."},
        {"tr": "Dosyaları sınıf saymayın ve sıralamayı atlamayın (`os.scandir` sırası işletim sistemine "
               "göre değişir). Hiç sınıf klasörü yoksa `FileNotFoundError` fırlatın; fonksiyon iki değer "
               "döndürmeli: önce `classes` listesi, sonra `class_to_idx` sözlüğü.",
         "en": "Don't count files as classes and don't skip the sorting (the order of `os.scandir` depends "
               "on the operating system). If there is no class folder, raise `FileNotFoundError`; the "
               "function must return two values: first the `classes` list, then the `class_to_idx` dict."},
    ],
    "image_folder_custom": [
        {"tr": "5. bölüm: kendi veri kümeniz `Dataset`'ten türer ve en az `__len__` ile `__getitem__` "
               "yöntemlerini yazar. Notlandırıcı sonucu `ImageFolder` ile öğe öğe karşılaştırır.",
         "en": "Section 5: your own dataset derives from `Dataset` and writes at least the `__len__` and "
               "`__getitem__` methods. The grader compares the result with `ImageFolder` item by item."},
        {"tr": "`self.paths` için `Path(targ_dir).glob` ile sınıf klasörlerindeki dosyaları bulun, "
               "uzantısı `.png`, `.jpg` ya da `.jpeg` olanları (büyük/küçük harf fark etmez) süzün ve "
               "`sorted` ile sıralayın; `self.classes` ile `self.class_to_idx` için Alıştırma 3'teki "
               "`find_classes` fonksiyonunu kullanın. `load_image` görüntüyü PIL ile açıp RGB'ye çevirmeli.",
         "en": "For `self.paths`, find the files in the class folders with `Path(targ_dir).glob`, keep "
               "those ending in `.png`, `.jpg` or `.jpeg` (in any case) and sort them with `sorted`; use "
               "`find_classes` from exercise 3 for `self.classes` and `self.class_to_idx`. `load_image` "
               "must open the image with PIL and convert it to RGB."},
        {"tr": "`__getitem__` `(görüntü, etiket)` sırasıyla döndürmeli; etiket sınıf adı değil, dosyanın "
               "içinde bulunduğu klasörün adının (`path.parent.name`) indeksidir. Dönüşüm verildiyse "
               "uygulayın, verilmediyse PIL görüntüsünü olduğu gibi döndürün; sıralamayı ya da RGB'ye "
               "çevirmeyi unutursanız öğeler `ImageFolder` ile uyuşmaz.",
         "en": "`__getitem__` must return `(image, label)` in this order; the label is not the class name "
               "but the index of the name of the folder the file is in (`path.parent.name`). Apply the "
               "transform when one is given, otherwise return the PIL image as it is; without the sorting "
               "or the RGB conversion the items do not match `ImageFolder`'s."},
    ],
    "dataloaders": [
        {"tr": "5. bölümdeki “Veri yükleyici” kısmı: veri kümesi tek tek örnek verir, `DataLoader` onları "
               "yığınlar hâlinde toplar.",
         "en": "The “data loader” part of section 5: a dataset gives single samples, a `DataLoader` "
               "gathers them into batches."},
        {"tr": "`train_data_custom` ve `test_data_custom` için iki `DataLoader` kurun; ikisinde de "
               "`batch_size=BATCH_SIZE` ve `num_workers=NUM_WORKERS`.",
         "en": "Build two `DataLoader`s, for `train_data_custom` and `test_data_custom`; both with "
               "`batch_size=BATCH_SIZE` and `num_workers=NUM_WORKERS`."},
        {"tr": "Yalnızca eğitim yükleyicisi karıştırmalı (`shuffle`); test yükleyicisi "
               "`ImageFolder(test_dir)` ile aynı etiketleri aynı sırayla vermeli. Veri kümelerini yeniden "
               "kurmanız gerekmez: yukarıdaki hücrede `data_transform` ile kurulanları kullanın.",
         "en": "Only the training loader shuffles (`shuffle`); the test loader must give the same labels "
               "in the same order as `ImageFolder(test_dir)`. You don't need to rebuild the datasets: use "
               "the ones built with `data_transform` in the cell above."},
    ],
    "augment_transforms": [
        {"tr": "6. bölüm: veri artırma yalnızca eğitim verisine uygulanır; test dönüşümünde rastgele "
               "hiçbir şey olmamalı.",
         "en": "Section 6: data augmentation is applied to the training data only; nothing random belongs "
               "in the test transform."},
        {"tr": "Eğitim dönüşümü üç adımdır: boyutlandırma, `transforms.TrivialAugmentWide` "
               "(`num_magnitude_bins=31`), tensöre çevirme. Test dönüşümü yalnızca boyutlandırma ve "
               "tensöre çevirmedir.",
         "en": "The training transform has three steps: resizing, `transforms.TrivialAugmentWide` "
               "(`num_magnitude_bins=31`), conversion to a tensor. The test transform is only resizing and "
               "conversion to a tensor."},
        {"tr": "Sıra önemli: `TrivialAugmentWide`, `Resize` sonrasında ve `ToTensor` öncesinde gelmeli. "
               "İki dönüşümde de `Resize` bir demetle (64, 64) verilmeli; test dönüşümü aynı görüntüye her "
               "seferinde aynı sonucu vermeli.",
         "en": "The order matters: `TrivialAugmentWide` comes after `Resize` and before `ToTensor`. In "
               "both transforms `Resize` takes a tuple (64, 64); the test transform must give the same "
               "result for the same image every time."},
    ],
    "tiny_vgg": [
        {"tr": "7. bölümdeki “TinyVGG, 64×64 girdi için” kısmı: 04'teki mimarinin aynısı, yalnızca girdi "
               "64×64 ve 3 kanallı.",
         "en": "The “TinyVGG for 64×64 inputs” part of section 7: the same architecture as in 04, only the "
               "input is 64×64 with 3 channels."},
        {"tr": "İki blok: her birinde 3×3 çekirdekli, `stride=1`, `padding=1` iki `nn.Conv2d`, her "
               "evrişimden sonra `nn.ReLU`, blok sonunda `nn.MaxPool2d(2)`; ardından `nn.Flatten` ve tek "
               "bir `nn.Linear`. İlk evrişim `input_shape` kanal alır, diğerleri `hidden_units`.",
         "en": "Two blocks: each with two `nn.Conv2d` of 3×3 kernels, `stride=1`, `padding=1`, an "
               "`nn.ReLU` after every convolution and `nn.MaxPool2d(2)` at the end of the block; then "
               "`nn.Flatten` and a single `nn.Linear`. The first convolution takes `input_shape` channels, "
               "the others `hidden_units`."},
        {"tr": "`in_features` için şekli izleyin: 64 → 32 → 16, yani düzleştirilmiş öznitelik sayısı "
               "`hidden_units` × 16 × 16 (04'teki 7 × 7 değil). Notlandırıcı başka kanal, gizli birim ve "
               "sınıf sayılarıyla kurup parametre sayısını karşılaştırır: sayıları sabit yazmayın, "
               "fazladan katman eklemeyin ve `forward` içinde softmax uygulamayın.",
         "en": "Follow the shape for `in_features`: 64 → 32 → 16, so the number of flattened features is "
               "`hidden_units` × 16 × 16 (not 7 × 7 as in 04). The grader builds the model with other "
               "numbers of channels, hidden units and classes and compares the parameter count: don't "
               "hard-code numbers, add no extra layers and apply no softmax in `forward`."},
    ],
    "train_step": [
        {"tr": "Bu, 04'teki `train_step` ile aynı fonksiyondur: bir epok boyunca bütün yığınlarda eğitim "
               "adımlarını yapar, ortalama kayıp ve doğruluğu döndürür.",
         "en": "This is the same function as `train_step` in 04: it does the training steps on every batch "
               "for one epoch and returns the mean loss and accuracy."},
        {"tr": "Döngüden önce `model.train()`; her yığında veriyi `device`'a taşıyın, sonra ileri geçiş, "
               "kayıp, `optimizer.zero_grad`, `loss.backward`, `optimizer.step`. Parametre olarak gelen "
               "`loss_fn` ve `optimizer` dışında yenisini oluşturmayın.",
         "en": "Call `model.train()` before the loop; on each batch move the data to `device`, then "
               "forward pass, loss, `optimizer.zero_grad`, `loss.backward`, `optimizer.step`. Create no "
               "`loss_fn` or `optimizer` besides the ones passed in."},
        {"tr": "Her yığında `loss.item()` değerini ve yığın doğruluğunu (tahminler `argmax(dim=1)` ile) "
               "toplayın, döngüden sonra `len(dataloader)` ile bölün. Doğruluk 0–1 arası bir oran olmalı "
               "(100 ile çarpmayın); dönüş sırası önce kayıp, sonra doğruluk.",
         "en": "On each batch add up `loss.item()` and the batch accuracy (predictions from "
               "`argmax(dim=1)`), and divide by `len(dataloader)` after the loop. The accuracy must be a "
               "fraction between 0 and 1 (don't multiply by 100); the order is the loss first, then the "
               "accuracy."},
    ],
    "test_step": [
        {"tr": "`test_step`, `train_step` ile aynı ölçümleri yapar ama öğrenme yoktur: model değişmemeli.",
         "en": "`test_step` makes the same measurements as `train_step`, but nothing is learned: the model "
               "must not change."},
        {"tr": "Başta `model.eval()` ile değerlendirmeye geçin, döngüyü `torch.inference_mode()` bloğunun "
               "içine alın ve veriyi `device`'a taşıyın.",
         "en": "Switch to evaluation with `model.eval()` first, put the loop inside a "
               "`torch.inference_mode()` block and move the data to `device`."},
        {"tr": "`backward`, `zero_grad` ya da `step` yazmayın. Kaybı ve doğruluğu yığın sayısına bölerek, "
               "doğruluğu 0–1 oranı olarak ve `(ortalama_kayıp, doğruluk)` sırasıyla döndürün.",
         "en": "Write no `backward`, `zero_grad` or `step`. Return the loss and the accuracy divided by "
               "the number of batches, the accuracy as a 0–1 fraction, in the order `(mean_loss, "
               "accuracy)`."},
    ],
    "train": [
        {"tr": "Alıştırma 10: `train`, her epokta bir `train_step` ve bir `test_step` çağırıp sonuçları "
               "biriktiren bir döngüdür (04'tekinin aynısı).",
         "en": "Exercise 10: `train` is a loop that calls one `train_step` and one `test_step` every epoch "
               "and collects the results (the same as in 04)."},
        {"tr": "Dört anahtarlı bir sözlükle başlayın (`train_loss`, `train_acc`, `test_loss`, `test_acc`), "
               "her epokta dört değeri ilgili listeye ekleyin ve sözlüğü döndürün. Alıştırmadaki "
               "varsayılanları (`loss_fn`, `epochs=5`, `device`) imzaya yazın.",
         "en": "Start with a dict of four keys (`train_loss`, `train_acc`, `test_loss`, `test_acc`), "
               "append the four values to their lists every epoch and return the dict. Put the exercise's "
               "defaults (`loss_fn`, `epochs=5`, `device`) into the signature."},
        {"tr": "`train_step` fonksiyonuna eğitim yükleyicisini, `test_step` fonksiyonuna test "
               "yükleyicisini verin; kendisine gelen `optimizer` ve `loss_fn` dışında yenisini "
               "oluşturmayın. Döngü tam `epochs` kez dönmeli: notlandırıcı aynı eğitimi tekrarlayıp "
               "parametreleri ve her epoğun değerlerini karşılaştırır.",
         "en": "Give the training loader to `train_step` and the test loader to `test_step`; create no "
               "optimizer or loss function besides the ones passed in. The loop must run exactly `epochs` "
               "times: the grader replays the same training and compares the parameters and every epoch's "
               "values."},
    ],
    "model_1": [
        {"tr": "9. bölüm: `model_0` deneyini yalnızca eğitim verisine veri artırma ekleyerek "
               "tekrarlıyorsunuz; geri kalan her şey aynı kalmalı.",
         "en": "Section 9: you repeat the `model_0` experiment, only adding data augmentation to the "
               "training data; everything else stays the same."},
        {"tr": "Eğitim veri kümesini `train_dir` klasöründen `transform=train_transform_trivial_augment` "
               "ile kurun ve ondan `batch_size=BATCH_SIZE` ile karıştıran bir `train_dataloader_augmented` "
               "oluşturun. Test için hazır `test_dataloader_simple` yükleyicisini kullanın.",
         "en": "Build the training dataset from the `train_dir` folder with "
               "`transform=train_transform_trivial_augment` and make a shuffling "
               "`train_dataloader_augmented` from it with `batch_size=BATCH_SIZE`. For testing, use the "
               "ready `test_dataloader_simple`."},
        {"tr": "Tohumu kurduktan sonra 3 kanal, 10 gizli birim ve `len(class_names)` sınıfla yeni bir "
               "`TinyVGG` oluşturun, optimize ediciyi `model_1.parameters()` ile `lr=0.001` Adam olarak "
               "kurun ve `train` ile `NUM_EPOCHS` epok eğitip sonucu `model_1_results` adına atayın. "
               "`model_0` için kurulan optimize ediciyi yeniden kullanırsanız `model_1` hiç öğrenmez; "
               "notlandırıcı en az 0.80 doğruluk (gizli testlerde 0.75) ister.",
         "en": "After setting the seed, create a new `TinyVGG` with 3 channels, 10 hidden units and "
               "`len(class_names)` classes, build an Adam optimizer with `model_1.parameters()` and "
               "`lr=0.001`, train for `NUM_EPOCHS` epochs with `train` and assign the result to "
               "`model_1_results`. If you reuse the optimizer built for `model_0`, `model_1` never learns; "
               "the grader wants an accuracy of at least 0.80 (0.75 in the hidden tests)."},
    ],
    "pred_and_plot_image": [
        {"tr": "11. bölümdeki tablo dört sorunu ve çözümlerini listeliyor: veri tipi, değer aralığı, boyut "
               "ve şekil; bir de cihaz var.",
         "en": "The table of section 11 lists four problems and their fixes: dtype, value range, size and "
               "shape; and there is the device too."},
        {"tr": "`read_image` `uint8` (0–255) bir tensör verir: önce `torch.float32` tipine çevirip 255'e "
               "bölün, `transform` verildiyse uygulayın, sonra `unsqueeze(dim=0)` ile yığın boyutunu "
               "ekleyip modelle birlikte `device`'a taşıyın. Tahmini `model.eval()` ile değerlendirmede ve "
               "`torch.inference_mode()` içinde yapın.",
         "en": "`read_image` gives a `uint8` (0–255) tensor: convert it to `torch.float32` and divide by "
               "255 first, apply `transform` when given, then add the batch dimension with "
               "`unsqueeze(dim=0)` and move it to `device` together with the model. Predict in evaluation "
               "with `model.eval()` and inside `torch.inference_mode()`."},
        {"tr": "Logitleri `torch.softmax` (`dim=1`) ile olasılığa çevirin; `argmax` sınıfın indeksini "
               "verir, ama döndürmeniz gereken `class_names` listesindeki addır. Olasılık tahmin edilen "
               "sınıfın olasılığı olmalı ve `.item()` ile Python sayısına çevrilmeli; çizmeden önce "
               "görüntüyü `permute(1, 2, 0)` ile düzenleyip CPU'ya alın.",
         "en": "Turn the logits into probabilities with `torch.softmax` (`dim=1`); `argmax` gives the "
               "class index, but what you return is the name from `class_names`. The probability must be "
               "that of the predicted class, turned into a Python number with `.item()`; before plotting, "
               "rearrange the image with `permute(1, 2, 0)` and bring it to the CPU."},
    ],
}
