"""Messages of 08_moduler_hale_getirme (Turkish and English)."""

from autograder.messages import register

register({
    # --- the files ----------------------------------------------------------------------------------------
    "mhg_module_dir": {
        "tr": "`MODULE_DIR` bir klasör yolu olmalı (`Path(\"going_modular\")`), ama türü: {got}. Not defterinin ilk hücrelerindeki hazır kodu değiştirmeyin.",
        "en": "`MODULE_DIR` must be a folder path (`Path(\"going_modular\")`), but its type is {got}. Don't change the given code of the notebook's first cells.",
    },
    "mhg_file_missing": {
        "tr": "`{file}` dosyası `{folder}` klasöründe yok. Alıştırmanın hücresi `%%writefile {folder}/{file}` satırıyla başlamalı; hücreyi çalıştırdığınızda altında \"Writing …\" ya da \"Overwriting …\" yazısı görünür.",
        "en": "There is no `{file}` in the `{folder}` folder. The exercise's cell must start with `%%writefile {folder}/{file}`; when you run it, \"Writing …\" or \"Overwriting …\" appears below it.",
    },
    "mhg_missing_name": {
        "tr": "`{file}` dosyasında `{name}` adında bir tanım yok. Adı tam olarak böyle yazın (büyük/küçük harf dahil) ve dosyanın en üst düzeyinde tanımlayın (bir fonksiyonun ya da `if` bloğunun içinde değil).",
        "en": "`{file}` defines nothing called `{name}`. Spell the name exactly like this (case included) and define it at the top level of the file (not inside a function or an `if` block).",
    },
    "mhg_not_own_code": {
        "tr": "`{file}` dosyasındaki `{name}` bu dosyada yazılmamış; kaynağı: `{origin}`. Alıştırmanın istediği fonksiyonları ve sınıfları bu dosyanın içinde kendiniz tanımlayın; notlandırıcının kodunu (`autograder`) ya da başka bir modülün hazır tanımını içe aktarıp kullanmayın.",
        "en": "`{name}` in `{file}` is not written in this file; its origin: `{origin}`. Define the functions and classes the exercise asks for in this file yourself; don't import and use the grader's code (`autograder`) or another module's ready-made definition.",
    },
    # --- data_setup.py ------------------------------------------------------------------------------------
    "mhg_create_return": {
        "tr": "`create_dataloaders` üç değer döndürmeli: `return train_dataloader, test_dataloader, class_names`. Dönen değerin türü: {got}.",
        "en": "`create_dataloaders` must return three values: `return train_dataloader, test_dataloader, class_names`. The returned value's type: {got}.",
    },
    "mhg_not_dataloader": {
        "tr": "`create_dataloaders` sonucundaki `{name}` bir `torch.utils.data.DataLoader` değil (türü: {got}). Veri kümesini `DataLoader(veri_kümesi, batch_size=batch_size, ...)` ile sarın; sıra `(train_dataloader, test_dataloader, class_names)` olmalı.",
        "en": "The `{name}` returned by `create_dataloaders` is not a `torch.utils.data.DataLoader` (type: {got}). Wrap the dataset in `DataLoader(dataset, batch_size=batch_size, ...)`; the order is `(train_dataloader, test_dataloader, class_names)`.",
    },
    "mhg_class_names": {
        "tr": "`class_names` yanlış: beklenen {expected}, dönen {got}. Sınıf adlarını sabit yazmayın: eğitim klasöründen okunan `ImageFolder` veri kümesinin `classes` listesini döndürün (alfabetik sıralı klasör adları; sözlük olan `class_to_idx` değil).",
        "en": "`class_names` is wrong: expected {expected}, got {got}. Don't hard-code the class names: return the `classes` list of the `ImageFolder` dataset read from the training folder (the sorted folder names; not the `class_to_idx` dict).",
    },
    "mhg_dirs_swapped": {
        "tr": "Eğitim ve test yükleyicilerinin yerleri karışmış: eğitim yükleyicisinde test klasörünün görüntüleri var. `train_dir` ile eğitim, `test_dir` ile test veri kümesini kurun.",
        "en": "The training and test loaders are swapped: the training loader holds the test folder's images. Build the training dataset from `train_dir` and the test dataset from `test_dir`.",
    },
    "mhg_dataset_size": {
        "tr": "`{name}` yükleyicisinin veri kümesinde {got} görüntü var, verilen klasörde {expected}. Veri kümesini fonksiyona gelen klasörden kurun (`train_dir` / `test_dir` parametreleri), sabit bir yoldan değil.",
        "en": "The dataset of `{name}` holds {got} images, the given folder {expected}. Build the dataset from the folder passed in (the `train_dir` / `test_dir` parameters), not from a fixed path.",
    },
    "mhg_batch_size": {
        "tr": "`{name}` yükleyicisinin yığın boyutu {got}, ama fonksiyona `batch_size={expected}` verildi. Sayıyı sabit yazmayın: `DataLoader(..., batch_size=batch_size)`.",
        "en": "The batch size of `{name}` is {got}, but `batch_size={expected}` was passed in. Don't hard-code it: `DataLoader(..., batch_size=batch_size)`.",
    },
    "mhg_num_workers": {
        "tr": "`{name}` yükleyicisinin `num_workers` değeri {got}, ama fonksiyona `num_workers=0` verildi. Parametreyi olduğu gibi `DataLoader`'a geçirin: `num_workers=num_workers`.",
        "en": "The `num_workers` of `{name}` is {got}, but `num_workers=0` was passed in. Hand the parameter on to `DataLoader`: `num_workers=num_workers`.",
    },
    "mhg_train_not_shuffled": {
        "tr": "Eğitim yükleyicisi örnekleri karıştırmıyor. Eğitim verisi her epokta başka sırayla gelmeli: `shuffle=True`.",
        "en": "The training loader does not shuffle. Training data must come in a new order every epoch: `shuffle=True`.",
    },
    "mhg_test_shuffled": {
        "tr": "Test yükleyicisi örnekleri karıştırıyor. Ölçüm sırası sabit kalmalı: test yükleyicisinde `shuffle=False`.",
        "en": "The test loader shuffles. The order of measuring must stay fixed: `shuffle=False` for the test loader.",
    },
    "mhg_batches_bad": {
        "tr": "Test yükleyicisinin her yığını `(görüntüler, etiketler)` tensör çifti olmalı. `ImageFolder` ile `transform` olarak gelen dönüşümü kullanın; kendi `collate_fn` ya da `Dataset` yazmayın.",
        "en": "Each batch of the test loader must be an `(images, labels)` pair of tensors. Use `ImageFolder` with the `transform` passed in; no custom `collate_fn` or `Dataset`.",
    },
    "mhg_test_order": {
        "tr": "Test yükleyicisindeki etiketler `ImageFolder` sırasında değil: test verisi karıştırılmadan, klasördeki her görüntü bir kez gelmeli (`shuffle=False`, `drop_last` yok).",
        "en": "The test loader's labels are not in `ImageFolder`'s order: the test data must come unshuffled, each image of the folder once (`shuffle=False`, no `drop_last`).",
    },
    "mhg_transform_ignored": {
        "tr": "Test yükleyicisinin görüntüleri, fonksiyona gelen `transform` ile hazırlanmış görüntüler değil (şekil {got}, beklenen {expected}). Veri kümelerini `datasets.ImageFolder(klasör, transform=transform)` ile kurun; dönüşümü fonksiyonun içinde yeniden yazmayın.",
        "en": "The test loader's images are not the ones the `transform` passed in makes (shape {got}, expected {expected}). Build the datasets with `datasets.ImageFolder(folder, transform=transform)`; don't write another transform inside the function.",
    },
    "hint_mhg_transform": {
        "tr": "İpucu: yükleyicinin yığınlarında tensör yerine PIL görüntüleri var, yani veri kümesi dönüşümsüz kurulmuş. İki `ImageFolder`'a da fonksiyona gelen dönüşümü verin: `transform=transform`.",
        "en": "Hint: the loader's batches hold PIL images instead of tensors, so a dataset was built without a transform. Give both `ImageFolder`s the transform passed in: `transform=transform`.",
    },
    # --- model_builder.py ---------------------------------------------------------------------------------
    "mhg_model_output": {
        "tr": "`{config}` çıktısının şekli {got}, beklenen {expected} (`[yığın, output_shape]`). Girdi `[yığın, input_shape, 28, 28]`; sınıflandırıcı `nn.Flatten()` ve `nn.Linear(hidden_units*7*7, output_shape)` olmalı.",
        "en": "The output of `{config}` has shape {got}, expected {expected} (`[batch, output_shape]`). The input is `[batch, input_shape, 28, 28]`; the classifier must be `nn.Flatten()` and `nn.Linear(hidden_units*7*7, output_shape)`.",
    },
    "hint_mhg_channels": {
        "tr": "İpucu: bir evrişim katmanının `in_channels` değeri gelen tensörün kanal sayısına uymuyor. İlk `Conv2d` `input_shape` kanal almalı (sabit bir sayı değil), sonrakiler `hidden_units` kanal.",
        "en": "Hint: a convolution's `in_channels` does not match the channels of its input. The first `Conv2d` must take `input_shape` channels (not a fixed number), the later ones `hidden_units`.",
    },
    "hint_mhg_flatten": {
        "tr": "İpucu: `nn.Linear` katmanının `in_features` değeri `Flatten` çıktısına uymuyor: 28×28 girdi iki `MaxPool2d(2)` ile 7×7 olur, bu yüzden `in_features=hidden_units * 7 * 7`.",
        "en": "Hint: the `in_features` of `nn.Linear` does not match what `Flatten` gives: a 28×28 input becomes 7×7 after two `MaxPool2d(2)`, hence `in_features=hidden_units * 7 * 7`.",
    },
    "mhg_model_probabilities": {
        "tr": "`forward` olasılık döndürüyor (softmax uygulanmış), ama logit (modelin ham çıktısı) bekleniyor: `nn.CrossEntropyLoss` softmax'ı kendisi uygular. Softmax'ı `forward`'dan kaldırın.",
        "en": "`forward` returns probabilities (softmax applied), but logits are expected: `nn.CrossEntropyLoss` applies the softmax itself. Remove the softmax from `forward`.",
    },
    "mhg_model_param_count": {
        "tr": "`{config}` modelinde {got} parametre var, 04'teki TinyVGG'de {expected}. Katmanlar 04'teki gibi olmalı: [Conv2d(3×3, padding=1) → ReLU → Conv2d(3×3, padding=1) → ReLU → MaxPool2d(2)] × 2 → Flatten → Linear; kanal sayılarını `__init__` parametrelerinden alın.",
        "en": "`{config}` has {got} parameters, 04's TinyVGG {expected}. The layers must be as in 04: [Conv2d(3×3, padding=1) → ReLU → Conv2d(3×3, padding=1) → ReLU → MaxPool2d(2)] × 2 → Flatten → Linear; take the channel counts from the `__init__` parameters.",
    },
    "mhg_model_layers": {
        "tr": "`{config}` modelinin ağırlıkları 04'teki TinyVGG'nin katmanlarına uymuyor: dört 3×3 `Conv2d` (ilki `input_shape` → `hidden_units`, diğerleri `hidden_units` → `hidden_units`) ve bir `Linear(hidden_units*7*7, output_shape)` bekleniyor, bu sırayla tanımlanmış.",
        "en": "The weights of `{config}` don't fit 04's TinyVGG: four 3×3 `Conv2d` layers (the first `input_shape` → `hidden_units`, the others `hidden_units` → `hidden_units`) and one `Linear(hidden_units*7*7, output_shape)` are expected, defined in this order.",
    },
    "mhg_model_differs": {
        "tr": "`{config}` katmanları doğru, ama çıktısı aynı ağırlıklarla kurulan 04'teki TinyVGG'nin çıktısından farklı. `forward` sırası: [Conv2d → ReLU → Conv2d → ReLU → MaxPool2d(2)] × 2 → Flatten → Linear; ReLU'ların hepsi yerinde mi, havuzlama maksimum havuzlama mı, son katmandan sonra bir şey var mı?",
        "en": "The layers of `{config}` are right, but its output differs from 04's TinyVGG with the same weights. The `forward` order: [Conv2d → ReLU → Conv2d → ReLU → MaxPool2d(2)] × 2 → Flatten → Linear; are all ReLUs in place, is the pooling max pooling, is anything after the last layer?",
    },
    # --- engine.py ----------------------------------------------------------------------------------------
    "mhg_step_return": {
        "tr": "`{name}` iki sayı döndürmeli: `(ortalama_kayıp, doğruluk)`. Dönen: {got}.",
        "en": "`{name}` must return two numbers: `(mean_loss, accuracy)`. Got: {got}.",
    },
    "mhg_step_no_forward": {
        "tr": "`{name}` modeli hiç çağırmadı: yükleyicideki her yığın için `model(X)` ile ileri geçiş yapın.",
        "en": "`{name}` never called the model: do a forward pass `model(X)` for every batch of the loader.",
    },
    "mhg_train_mode": {
        "tr": "`train_step` modeli eğitim kipine almadan çalıştı. Döngüden önce `model.train()` çağırın (bir önceki `test_step` modeli değerlendirme kipinde bırakır).",
        "en": "`train_step` ran without putting the model in training mode. Call `model.train()` before the loop (the previous `test_step` leaves the model in evaluation mode).",
    },
    "mhg_no_update": {
        "tr": "`train_step` sonrasında modelin parametreleri hiç değişmedi. Her yığında `optimizer.zero_grad()`, `loss.backward()` ve `optimizer.step()` çağrılmalı; parametre olarak gelen `optimizer`'ı kullanın.",
        "en": "The model's parameters did not change in `train_step`. Every batch needs `optimizer.zero_grad()`, `loss.backward()` and `optimizer.step()`; use the `optimizer` passed in.",
    },
    "mhg_zero_grad": {
        "tr": "`train_step` gradyanları sıfırlamıyor: her yığında `optimizer.zero_grad()` çağrısı `loss.backward()` çağrısından önce gelmeli, yoksa gradyanlar yığınlar boyunca birikir.",
        "en": "`train_step` does not zero the gradients: call `optimizer.zero_grad()` before `loss.backward()` in every batch, otherwise gradients pile up across batches.",
    },
    "mhg_train_step_params": {
        "tr": "`train_step` sonrasındaki parametreler, aynı yığınlarla yapılan standart eğitimin parametrelerinden farklı. Her yığında tam bir adım: `y_pred = model(X)`, `loss = loss_fn(y_pred, y)`, `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`; gelen `loss_fn`'i kullanın, her yığını bir kez işleyin.",
        "en": "The parameters after `train_step` differ from standard training on the same batches. One full step per batch: `y_pred = model(X)`, `loss = loss_fn(y_pred, y)`, `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`; use the `loss_fn` passed in, each batch once.",
    },
    "mhg_step_swapped": {
        "tr": "`{name}` değerleri ters sırada döndürüyor: önce ortalama kayıp, sonra doğruluk.",
        "en": "`{name}` returns its values in the wrong order: the mean loss first, then the accuracy.",
    },
    "mhg_loss_mismatch": {
        "tr": "`{name}` ortalama kaybı {got:.4f} döndürdü, beklenen {expected:.4f}. Her yığının `loss.item()` değerini toplayıp döngüden sonra yığın sayısına (`len(dataloader)`) bölün.",
        "en": "`{name}` returned a mean loss of {got:.4f}, expected {expected:.4f}. Add up every batch's `loss.item()` and divide by the number of batches (`len(dataloader)`) after the loop.",
    },
    "mhg_accuracy_percent": {
        "tr": "`{name}` doğruluğu yüzde olarak döndürüyor ({got:.2f}); 04'ten beri doğruluk 0 ile 1 arasında bir kesir: beklenen {expected:.4f}. 100 ile çarpmayın.",
        "en": "`{name}` returns the accuracy in percent ({got:.2f}); since 04 accuracy is a fraction between 0 and 1: expected {expected:.4f}. Don't multiply by 100.",
    },
    "mhg_acc_mismatch": {
        "tr": "`{name}` doğruluğu {got:.4f} döndürdü, beklenen {expected:.4f}. Yığın doğruluğu = `(y_pred.argmax(dim=1) == y).sum().item() / len(y)`; döngüden sonra toplamı yığın sayısına bölün.",
        "en": "`{name}` returned an accuracy of {got:.4f}, expected {expected:.4f}. Batch accuracy = `(y_pred.argmax(dim=1) == y).sum().item() / len(y)`; divide the sum by the number of batches after the loop.",
    },
    "mhg_eval_mode": {
        "tr": "`test_step` modeli değerlendirme kipine almadan çalıştı. Döngüden önce `model.eval()` çağırın (bir önceki `train_step` modeli eğitim kipinde bırakır).",
        "en": "`test_step` ran without putting the model in evaluation mode. Call `model.eval()` before the loop (the previous `train_step` leaves the model in training mode).",
    },
    "mhg_grad_enabled": {
        "tr": "`test_step` ileri geçişte gradyanları izliyor. Döngüyü `with torch.inference_mode():` içine alın: test adımı yalnızca ölçer, gradyan gerekmez.",
        "en": "`test_step` tracks gradients in its forward pass. Put the loop inside `with torch.inference_mode():`: the test step only measures, it needs no gradients.",
    },
    "mhg_test_changed": {
        "tr": "`test_step` modeli değiştirdi ya da gradyan hesapladı. Test adımında `loss.backward()`, `optimizer.step()` olmaz; yalnızca ölçün.",
        "en": "`test_step` changed the model or computed gradients. The test step has no `loss.backward()` or `optimizer.step()`; it only measures.",
    },
    "mhg_history_bad": {
        "tr": "`train` bir sözlük döndürmeli: {keys} anahtarları, her birinde epok başına bir sayı ({epochs} epok). Sorun: {problem}.",
        "en": "`train` must return a dict with the keys {keys}, each a list of one number per epoch ({epochs} epochs). Problem: {problem}.",
    },
    "mhg_train_replay": {
        "tr": "`train` sonrasındaki parametreler, {epochs} epok boyunca her epokta bir `train_step` ve bir `test_step` çağıran döngünün parametrelerinden farklı. Her epokta `train_step(model, train_dataloader, loss_fn, optimizer, device)`, sonra `test_step(model, test_dataloader, loss_fn, device)` çağırın; modeli ve optimize ediciyi yeniden oluşturmayın.",
        "en": "The parameters after `train` differ from a loop calling one `train_step` and one `test_step` per epoch for {epochs} epochs. Each epoch call `train_step(model, train_dataloader, loss_fn, optimizer, device)`, then `test_step(model, test_dataloader, loss_fn, device)`; don't create a new model or optimizer.",
    },
    "mhg_history_values": {
        "tr": "`train` sonuçlarındaki `{history_key}` listesi {got}, beklenen {expected}. Her epokta adımların döndürdüğü değeri doğru listeye ekleyin.",
        "en": "The `{history_key}` list of `train`'s results is {got}, expected {expected}. Each epoch, append the value the steps returned to the right list.",
    },
    # --- utils.py -----------------------------------------------------------------------------------------
    "mhg_save_no_dir": {
        "tr": "`save_model` henüz var olmayan bir klasöre (`{folder}`) kaydederken hata verdi: {error}. Kaydetmeden önce klasörü oluşturun: `Path(target_dir).mkdir(parents=True, exist_ok=True)`.",
        "en": "`save_model` failed when saving into a folder that does not exist yet (`{folder}`): {error}. Create the folder before saving: `Path(target_dir).mkdir(parents=True, exist_ok=True)`.",
    },
    "mhg_save_missing": {
        "tr": "`save_model` çalıştı ama `{folder}` klasöründe `{name}` adlı dosya yok (klasördekiler: {files}). Dosyayı `target_dir` içine, adı tam olarak `model_name` olacak şekilde kaydedin: `Path(target_dir) / model_name`.",
        "en": "`save_model` ran but there is no file called `{name}` in `{folder}` (the folder holds: {files}). Save into `target_dir` under exactly the name `model_name`: `Path(target_dir) / model_name`.",
    },
    "mhg_save_not_state_dict": {
        "tr": "`save_model` modelin `state_dict`'ini kaydetmemiş (dosya yalnızca ağırlıklar olarak okunamadı: {got}). Modelin tamamını değil, `torch.save(obj=model.state_dict(), f=yol)` ile öğrenilen parametrelerini kaydedin.",
        "en": "`save_model` did not save the model's `state_dict` (the file does not load as weights only: {got}). Save the learned parameters, not the whole model: `torch.save(obj=model.state_dict(), f=path)`.",
    },
    "mhg_save_content": {
        "tr": "`save_model` dosyasındaki ağırlıklar, fonksiyona gelen modelin `state_dict`'i değil. Parametre olarak gelen `model`'i kaydedin.",
        "en": "The weights in `save_model`'s file are not the `state_dict` of the model passed in. Save the `model` parameter.",
    },
    "mhg_save_suffix": {
        "tr": "`save_model` `.pt` ya da `.pth` ile bitmeyen bir adı (`{name}`) kabul etti. Kaydetmeden önce denetleyin: `assert model_name.endswith(\".pth\") or model_name.endswith(\".pt\")` (bir hata verin ve dosya yazmayın).",
        "en": "`save_model` accepted a name that does not end in `.pt` or `.pth` (`{name}`). Check before saving: `assert model_name.endswith(\".pth\") or model_name.endswith(\".pt\")` (raise an error and write no file).",
    },
    # --- train.py -----------------------------------------------------------------------------------------
    "mhg_script_timeout": {
        "tr": "`train.py` {seconds:.0f} saniyede bitmedi. Epok sayısını `args.num_epochs` değerinden alın; sonsuz bir döngü ya da `input()` gibi bekleyen bir satır olmasın.",
        "en": "`train.py` did not finish within {seconds:.0f} seconds. Take the number of epochs from `args.num_epochs`; no endless loop and nothing that waits, such as `input()`.",
    },
    "mhg_script_module_not_filled": {
        "tr": "`train.py` çalıştı ama içe aktardığı `{file}` henüz doldurulmamış (`{cell}` alıştırması): o dosyayı yazan hücreyi doldurup çalıştırın.",
        "en": "`train.py` ran, but the `{file}` it imports is not filled in yet (exercise `{cell}`): fill in and run the cell that writes that file.",
    },
    "mhg_script_args": {
        "tr": "`train.py` komut satırını kabul etmedi: {error}. Alıştırmadaki sekiz argümanın hepsini `parser.add_argument(\"--num_epochs\", type=int, default=...)` gibi tanımlayın (adlar tam olarak böyle). Notlandırıcının komutu: `python train.py {args}`.",
        "en": "`train.py` did not accept its command line: {error}. Define all eight arguments of the exercise like `parser.add_argument(\"--num_epochs\", type=int, default=...)` (exactly these names). The grader's command: `python train.py {args}`.",
    },
    "mhg_script_failed": {
        "tr": "`train.py` hata ile bitti (çıkış kodu {code}): {error}. Not defterinde aynı komutu `!{{sys.executable}} going_modular/train.py ...` ile çalıştırıp hatanın tamamını görün.",
        "en": "`train.py` ended with an error (exit code {code}): {error}. Run the same command in the notebook with `!{{sys.executable}} going_modular/train.py ...` to see the whole error.",
    },
    "mhg_script_no_model": {
        "tr": "`train.py` bitti ama `--model_dir` ile `--model_name` argümanlarının gösterdiği yerde (`{folder}` klasöründe `{name}` adlı dosya) model yok. Eğitimden sonra `utils.save_model(model=model, target_dir=args.model_dir, model_name=args.model_name)` çağırın.",
        "en": "`train.py` finished but there is no model where `--model_dir` and `--model_name` point (a file `{name}` in the folder `{folder}`). After training call `utils.save_model(model=model, target_dir=args.model_dir, model_name=args.model_name)`.",
    },
    "mhg_script_not_state_dict": {
        "tr": "`train.py` modelin `state_dict`'ini kaydetmemiş (dosya yalnızca ağırlıklar olarak okunamadı: {got}). Kaydetmek için `utils.save_model`'i kullanın.",
        "en": "`train.py` did not save the model's `state_dict` (the file does not load as weights only: {got}). Save with `utils.save_model`.",
    },
    "mhg_script_architecture": {
        "tr": "`train.py`'nin kaydettiği ağırlıklar, 3 kanallı görüntüler için kurulmuş bir TinyVGG'ye uymuyor. Modeli `model_builder.TinyVGG(input_shape=3, hidden_units=args.hidden_units, output_shape=len(class_names))` ile kurun (`ImageFolder` görüntüleri RGB olarak, 3 kanalla okur).",
        "en": "The weights `train.py` saved don't fit a TinyVGG for 3-channel images. Build the model with `model_builder.TinyVGG(input_shape=3, hidden_units=args.hidden_units, output_shape=len(class_names))` (`ImageFolder` reads images as RGB, with 3 channels).",
    },
    "mhg_script_hidden_units": {
        "tr": "`train.py` `--hidden_units {expected}` ile çalıştırıldı, ama kaydettiği modelin gizli birim sayısı {got}. Hiperparametreyi sabit yazmayın: modeli `hidden_units=args.hidden_units` ile kurun.",
        "en": "`train.py` was run with `--hidden_units {expected}`, but the model it saved has {got} hidden units. Don't hard-code the hyperparameter: build the model with `hidden_units=args.hidden_units`.",
    },
    "mhg_script_classes": {
        "tr": "Notlandırıcının klasörlerinde {expected} sınıf var, ama `train.py`'nin kaydettiği model {got} logit veriyor. Sınıf sayısını sabit yazmayın: `output_shape=len(class_names)`, `class_names` da `create_dataloaders`'ın döndürdüğü liste.",
        "en": "The grader's folders hold {expected} classes, but the model `train.py` saved gives {got} logits. Don't hard-code the number of classes: `output_shape=len(class_names)`, with the `class_names` that `create_dataloaders` returns.",
    },
    "mhg_script_accuracy": {
        "tr": "`train.py`'nin kaydettiği model, notlandırıcının görmediği rakamlarda {acc:.3f} doğruluk verdi; en az {threshold:.2f} bekleniyor. Komut: `python train.py {command}`. Bütün argümanları kullanın (özellikle `--train_dir`, `--num_epochs`, `--learning_rate`), dönüşüm `Resize((28, 28))` ve `ToTensor()` olsun, optimize edici `torch.optim.Adam(model.parameters(), lr=args.learning_rate)`.",
        "en": "The model `train.py` saved reached {acc:.3f} accuracy on digits the grader kept back; at least {threshold:.2f} is expected. Command: `python train.py {command}`. Use every argument (especially `--train_dir`, `--num_epochs`, `--learning_rate`), the transform `Resize((28, 28))` and `ToTensor()`, the optimizer `torch.optim.Adam(model.parameters(), lr=args.learning_rate)`.",
    },
    # --- the notebook's own run ---------------------------------------------------------------------------
    "mhg_run_no_model": {
        "tr": "`MODEL_SAVE_PATH` dosyası (`{path}`) yok. `train_run` hücresindeki komut `train.py`'yi alıştırmadaki argümanlarla çalıştırmalı (`--model_dir {{MODEL_DIR}} --model_name {{MODEL_NAME}}` dahil); hücrenin çıktısında hata var mı bakın.",
        "en": "The `MODEL_SAVE_PATH` file (`{path}`) does not exist. The command in the `train_run` cell must run `train.py` with the exercise's arguments (including `--model_dir {{MODEL_DIR}} --model_name {{MODEL_NAME}}`); check the cell's output for an error.",
    },
    "mhg_run_not_state_dict": {
        "tr": "`MODEL_SAVE_PATH` dosyası bir `state_dict` değil (yalnızca ağırlıklar olarak okunamadı: {got}). `train.py` modeli `utils.save_model` ile kaydetmeli.",
        "en": "The `MODEL_SAVE_PATH` file is not a `state_dict` (it does not load as weights only: {got}). `train.py` must save the model with `utils.save_model`.",
    },
    "mhg_run_architecture": {
        "tr": "`MODEL_SAVE_PATH` dosyasındaki ağırlıklar 3 kanallı görüntüler için kurulmuş bir TinyVGG'ye uymuyor.",
        "en": "The weights in the `MODEL_SAVE_PATH` file don't fit a TinyVGG for 3-channel images.",
    },
    "mhg_run_hidden_units": {
        "tr": "`MODEL_SAVE_PATH` modelinin gizli birim sayısı {got}, alıştırmadaki komutta `--hidden_units {expected}` isteniyor.",
        "en": "The `MODEL_SAVE_PATH` model has {got} hidden units, the exercise's command asks for `--hidden_units {expected}`.",
    },
    "mhg_run_classes": {
        "tr": "`MODEL_SAVE_PATH` modeli {got} logit veriyor, not defterinin verisinde {expected} sınıf var. `train.py`'ye `--train_dir {{train_dir}} --test_dir {{test_dir}}` verin.",
        "en": "The `MODEL_SAVE_PATH` model gives {got} logits, the notebook's data has {expected} classes. Pass `--train_dir {{train_dir}} --test_dir {{test_dir}}` to `train.py`.",
    },
    "mhg_run_accuracy": {
        "tr": "`MODEL_SAVE_PATH` modeli, not defterinin hiç yazmadığı rakamlarda {acc:.3f} doğruluk verdi; en az {threshold:.2f} bekleniyor. Alıştırmadaki hiperparametreleri kullanın ve `train_run` hücresinin çıktısında epok satırlarına bakın.",
        "en": "The `MODEL_SAVE_PATH` model reached {acc:.3f} accuracy on digits the notebook never wrote; at least {threshold:.2f} is expected. Use the exercise's hyperparameters and look at the epoch lines in the `train_run` cell's output.",
    },
})
