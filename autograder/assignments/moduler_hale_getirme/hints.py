"""Progressive hints for ``ipucu("<cell>")`` in the 08_moduler_hale_getirme notebook: each call shows the next one;
never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "data_setup": [
        {"tr": "Hücrenin ilk satırı `%%writefile going_modular/data_setup.py` olarak kalmalı; altına sıradan bir "
               "Python dosyası yazıyorsunuz: önce gerekenleri içe aktarın (`DataLoader` ve torchvision'ın "
               "`datasets` modülü), sonra fonksiyonu tanımlayın.",
         "en": "The cell's first line stays `%%writefile going_modular/data_setup.py`; below it you write an "
               "ordinary Python file: first import what you need (`DataLoader` and torchvision's `datasets` "
               "module), then define the function."},
        {"tr": "05'teki hazır yol: `datasets.ImageFolder(klasör, transform=...)` bir klasörden veri kümesi kurar "
               "ve sınıf adlarını `classes` özniteliğinde tutar. İki klasör için iki veri kümesi, iki yükleyici.",
         "en": "05's ready-made way: `datasets.ImageFolder(folder, transform=...)` builds a dataset from a folder "
               "and keeps the class names in its `classes` attribute. Two folders, two datasets, two loaders."},
        {"tr": "Fonksiyonun bütün parametrelerini kullanın, hiçbir şeyi sabit yazmayın: `batch_size` ve "
               "`num_workers` iki yükleyiciye de gider; yalnızca eğitim yükleyicisi karıştırır. Sonucu "
               "(eğitim yükleyicisi, test yükleyicisi, sınıf adları) sırasıyla döndürün.",
         "en": "Use every parameter of the function and hard-code nothing: `batch_size` and `num_workers` go to "
               "both loaders; only the training loader shuffles. Return (training loader, test loader, class "
               "names) in this order."},
    ],
    "model_builder": [
        {"tr": "Bu dosya 04'teki `TinyVGG` sınıfının aynısıdır; yeni olan tek şey, dosyanın kendi içe "
               "aktarmalarıyla (`torch` ve `nn`) başlaması.",
         "en": "This file is 04's `TinyVGG` class unchanged; the only new thing is that the file starts with its "
               "own imports (`torch` and `nn`)."},
        {"tr": "İki blok: her birinde 3×3 ve `padding=1` olan iki evrişim, her evrişimden sonra ReLU, sonunda "
               "`MaxPool2d(2)`. İlk evrişim `input_shape` kanal alır, diğerleri `hidden_units` kanal alıp verir.",
         "en": "Two blocks: each has two 3×3 convolutions with `padding=1`, a ReLU after every convolution and "
               "`MaxPool2d(2)` at the end. The first convolution takes `input_shape` channels, the others take "
               "and give `hidden_units` channels."},
        {"tr": "Sınıflandırıcı `Flatten` ve tek bir `Linear`: 28 → 14 → 7 olduğu için giriş sayısı "
               "`hidden_units * 7 * 7`, çıkış sayısı `output_shape`. Katmanları ilk blok, ikinci blok, "
               "sınıflandırıcı sırasıyla tanımlayın ve sonda softmax kullanmayın.",
         "en": "The classifier is `Flatten` and a single `Linear`: since 28 → 14 → 7, it takes "
               "`hidden_units * 7 * 7` inputs and gives `output_shape` outputs. Define the layers in the order "
               "first block, second block, classifier, and no softmax at the end."},
    ],
    "engine": [
        {"tr": "04'teki `train_step`, `test_step` ve `train` fonksiyonlarını dosyaya taşıyın; dosya `torch`'u "
               "kendisi içe aktarmalı (`inference_mode` için).",
         "en": "Move 04's `train_step`, `test_step` and `train` into the file; the file must import `torch` "
               "itself (for `inference_mode`)."},
        {"tr": "Adım fonksiyonları önce modelin kipini ayarlar (eğitim kipi / değerlendirme kipi), sonra "
               "yığınları dolaşır, her yığının kaybını ve doğruluğunu toplar ve döngüden sonra yığın sayısına "
               "böler. Doğruluk 0 ile 1 arasında bir kesir.",
         "en": "The step functions first set the model's mode (training / evaluation), then loop over the "
               "batches, add up each batch's loss and accuracy and divide by the number of batches after the "
               "loop. Accuracy is a fraction between 0 and 1."},
        {"tr": "`train` her epokta iki adımı sırayla çağırır ve dört listeyi (`train_loss`, `train_acc`, "
               "`test_loss`, `test_acc`) birer değerle uzatır; yeni model ya da optimize edici oluşturmaz. "
               "Test adımında `backward`, `zero_grad` ve `step` yoktur.",
         "en": "`train` calls the two steps in turn every epoch and appends one value to each of the four lists "
               "(`train_loss`, `train_acc`, `test_loss`, `test_acc`); it creates no new model or optimizer. "
               "The test step has no `backward`, `zero_grad` or `step`."},
    ],
    "utils": [
        {"tr": "Üç iş var: klasörü hazırlamak, dosya adını denetlemek, `state_dict`'i kaydetmek. Sıra önemli: "
               "denetim yazmadan önce yapılmalı.",
         "en": "Three jobs: prepare the folder, check the file name, save the `state_dict`. The order matters: "
               "check before writing."},
        {"tr": "`pathlib.Path` nesnesinin `mkdir` yöntemi iki seçenekle hem iç içe klasörleri oluşturur hem de "
               "klasör zaten varsa hata vermez: `parents` ve `exist_ok`.",
         "en": "The `mkdir` method of a `pathlib.Path` creates nested folders and does not fail when the folder "
               "exists, with two options: `parents` and `exist_ok`."},
        {"tr": "Ad kontrolü için `str.endswith` yeterli (`.pt` ya da `.pth`); tutmuyorsa bir `assert` hatası "
               "verin. Dosya yolu klasör ile adın birleşimidir (`/` işleciyle); `torch.save`'e modelin "
               "tamamını değil `state_dict()`'ini verin.",
         "en": "`str.endswith` is enough for the name check (`.pt` or `.pth`); if it fails, raise an `assert` "
               "error. The file path joins the folder and the name (with the `/` operator); give `torch.save` "
               "the model's `state_dict()`, not the whole model."},
    ],
    "train_script": [
        {"tr": "Betik yukarıdan aşağı çalışan sıradan bir programdır: önce içe aktarmalar (kendi dört "
               "modülünüz dahil), sonra argümanlar, sonra veri, model, eğitim ve kaydetme.",
         "en": "The script is an ordinary program run top to bottom: first the imports (your four modules "
               "included), then the arguments, then data, model, training and saving."},
        {"tr": "`argparse.ArgumentParser` oluşturun, tablodaki her argüman için bir `add_argument` çağrısı "
               "(`type` ve `default` ile) yapın, sonra `parse_args()`. Değerlere `args.num_epochs` gibi "
               "ulaşılır.",
         "en": "Create an `argparse.ArgumentParser`, make one `add_argument` call per argument of the table "
               "(with `type` and `default`), then `parse_args()`. The values are then `args.num_epochs` and so "
               "on."},
        {"tr": "Her hiperparametre `args`'tan gelmeli: yükleyiciler `args.train_dir`, `args.test_dir` ve "
               "`args.batch_size` ile; model `input_shape=3`, `args.hidden_units` ve sınıf adlarının sayısıyla; "
               "Adam'ın öğrenme oranı `args.learning_rate`; epok sayısı `args.num_epochs`; kayıt `args.model_dir` "
               "ve `args.model_name` ile. Tek bir sayıyı sabit yazmak gizli testi düşürür.",
         "en": "Every hyperparameter must come from `args`: the loaders with `args.train_dir`, `args.test_dir` "
               "and `args.batch_size`; the model with `input_shape=3`, `args.hidden_units` and the number of "
               "class names; Adam's learning rate `args.learning_rate`; the epochs `args.num_epochs`; saving with "
               "`args.model_dir` and `args.model_name`. Hard-coding a single number fails the hidden test."},
    ],
    "train_run": [
        {"tr": "Hücreye Python kodu değil, `!` ile başlayan tek satırlık bir kabuk komutu yazıyorsunuz; "
               "`--help` hücresindeki komut iyi bir başlangıç.",
         "en": "You write no Python code in this cell but a one-line shell command starting with `!`; the "
               "command of the `--help` cell is a good start."},
        {"tr": "`--help` yerine alıştırmadaki dört hiperparametreyi yazın (`--num_epochs`, `--batch_size`, "
               "`--hidden_units`, `--learning_rate`), her birinin ardından değeri gelir.",
         "en": "Instead of `--help`, write the four hyperparameters of the exercise (`--num_epochs`, "
               "`--batch_size`, `--hidden_units`, `--learning_rate`), each followed by its value."},
        {"tr": "Klasörleri ve kayıt yerini de verin: `--train_dir`, `--test_dir`, `--model_dir`, `--model_name`; "
               "değerleri not defterinin değişkenlerinden alın: değişkenin adını süslü parantez içinde yazarsanız "
               "IPython yerine değerini koyar. Hücrenin çıktısında bir hata varsa önce onu düzeltin.",
         "en": "Also give the folders and where to save: `--train_dir`, `--test_dir`, `--model_dir`, "
               "`--model_name`; take the values from the notebook's variables: a variable's name in curly braces is "
               "replaced by its value. If the cell's output shows an error, fix that first."},
    ],
}
