"""The message catalogue: every student-facing text, in Turkish and English.

Assignment modules add their own entries with :func:`register`. Terms follow the
workbook's glossary (SOZLUK.md): tensör, şekil, veri tipi, cihaz, logit, kayıp fonksiyonu, ...
"""

from __future__ import annotations

import re

MESSAGES: dict[str, dict[str, str]] = {}


RESERVED = re.compile(r"\{(key|hint|entry|lang)[}:!]")  # names GraderMessage/render use themselves


def register(entries: dict[str, dict[str, str]]) -> None:
    for key, entry in entries.items():
        if set(entry) != {"tr", "en"}:
            raise ValueError(f"message {key!r} needs exactly 'tr' and 'en'")
        if any(RESERVED.search(text) for text in entry.values()):
            raise ValueError(f"message {key!r} uses a reserved placeholder (key, hint, entry, lang)")
        MESSAGES[key] = entry


register({
    # --- cells that were not filled in or failed -------------------------------------------
    "not_filled": {
        "tr": "Bu hücreyi henüz doldurmadınız (`{cell}`): `raise NotImplementedError(...)` satırını silip "
              "kodunuzu `# KODUNUZU BURAYA YAZIN` satırının altına yazın.",
        "en": "You have not filled in this cell yet (`{cell}`): delete the `raise NotImplementedError(...)` "
              "line and write your code below `# KODUNUZU BURAYA YAZIN`.",
    },
    "stub_not_filled": {
        "tr": "Bu hücre henüz çözülmedi: `raise NotImplementedError` satırını silip kodunuzu yazın.",
        "en": "This cell is not solved yet: delete the `raise NotImplementedError` line and write your code.",
    },
    "stub_exercise": {
        "tr": "{exercise} henüz çözülmedi: bu satırı silip kodunuzu yazın.",
        "en": "{exercise} is not solved yet: delete this line and write your code.",
    },
    "exercise_label": {
        "tr": "Alıştırma {number} ({cell})",
        "en": "Exercise {number} ({cell})",
    },
    "check_passed": {
        "tr": "✓ {cell} geçti: {points:g} puan (notlandırmada gizli testlerle de denenecek).",
        "en": "✓ {cell} passed: {points:g} points (grading also tries hidden tests).",
    },
    "check_passed_hidden": {
        "tr": "✓ {cell} gizli testi geçti: {points:g} puan.",
        "en": "✓ {cell} passed its hidden test: {points:g} points.",
    },
    "name_missing": {
        "tr": "`{name}` tanımlı değil. `{cell}` hücresinde `{name}` adını tanımlayın (adı tam olarak böyle "
              "yazın) ve hücreyi çalıştırın.",
        "en": "`{name}` is not defined. Define `{name}` in the `{cell}` cell (spelled exactly like this) and "
              "run the cell.",
    },
    "name_not_filled": {
        "tr": "`{name}` tanımlı değil: `{cell}` hücresini henüz doldurmadınız ya da çalıştırmadınız. "
              "`raise NotImplementedError(...)` satırını silip kodunuzu yazın ve hücreyi çalıştırın.",
        "en": "`{name}` is not defined: you have not filled in or run the `{cell}` cell yet. "
              "Delete the `raise NotImplementedError(...)` line, write your code and run the cell.",
    },
    "name_undefined": {
        "tr": "`{name}` tanımlı değil (bu hücrenin {line}. satırında): adı yanlış yazmış olabilirsiniz ya da onu "
              "tanımlayan hücre henüz çalışmadı (ya da hata verdi). Yukarıdaki hücreleri sırayla çalıştırın.",
        "en": "`{name}` is not defined (line {line} of this cell): you may have misspelled it, or the cell that "
              "defines it has not run yet (or failed). Run the cells above in order.",
    },
    "cell_error": {
        "tr": "`{cell}` hücresi hata verdi: {error}",
        "en": "The `{cell}` cell raised an error: {error}",
    },
    "cell_timeout": {
        "tr": "`{cell}` hücresi zaman aşımına uğradı ({seconds:.0f} sn): sonsuz bir döngü ya da çok uzun bir "
              "eğitim olabilir. Epok sayısını azaltın ya da döngünün bittiğinden emin olun.",
        "en": "The `{cell}` cell timed out ({seconds:.0f} s): maybe an infinite loop or a very long training "
              "run. Lower the number of epochs or make sure the loop ends.",
    },
    "check_timeout": {
        "tr": "`{cell}` hücresinin kontrolü zaman aşımına uğradı ({seconds:.0f} sn): oradaki kodunuz çok yavaş "
              "ya da hiç bitmiyor (sonsuz döngü?).",
        "en": "The check of the `{cell}` cell timed out ({seconds:.0f} s): your code there is too slow or never "
              "finishes (an infinite loop?).",
    },
    "kernel_died": {
        "tr": "Jupyter çekirdeği `{cell}` hücresinde çöktü; bu hücreye bağlı kontroller puan alamaz.",
        "en": "The Jupyter kernel died in the `{cell}` cell; checks that depend on it score no points.",
    },
    "student_error": {
        "tr": "Kodunuz hata verdi: {error}",
        "en": "Your code raised an error: {error}",
    },
    "internal_error": {
        "tr": "Kontrol beklenmedik bir hatayla durdu: {error}",
        "en": "The check stopped with an unexpected error: {error}",
    },
    "bad_answer": {
        "tr": "Jupyter çekirdeğinden gelen yanıt beklenen biçimde değil ({error}): not defterindeki kod "
              "notlandırıcının sorusunu ya da yanıtını değiştirmiş olabilir. Bu test puan alamaz.",
        "en": "The Jupyter kernel's answer is not in the expected form ({error}): code in the notebook may have changed "
              "the grader's question or answer. This test scores no points.",
    },
    "no_answer": {
        "tr": "Jupyter çekirdeği, `{cell}` hücresinin kontrolünde notlandırıcının sorusuna yanıt vermedi: not "
              "defterindeki kod notlandırıcıyı engellemiş olabilir. Bu test puan alamaz.",
        "en": "The Jupyter kernel did not answer the grader's question in the check of the `{cell}` cell: code in the "
              "notebook may have blocked the grader. This test scores no points.",
    },
    "state_mismatch": {
        "tr": "`{name}` çalıştıktan sonra modelin durumu (`state_dict`) beklenen anahtarlara, şekillere ve veri "
              "tiplerine sahip değil: modelin katmanlarını değiştirmeyin, yalnızca eğitin.",
        "en": "After `{name}` runs, the model's state (`state_dict`) does not have the expected keys, shapes and "
              "dtypes: do not change the model's layers, only train it.",
    },
    "tampering": {
        "tr": "Kurcalama algılandı: not defterindeki kod notlandırıcının ya da PyTorch'un parçalarını değiştirdi "
              "({what}). Bu testler puan alamaz; `autograder`, `torch` ve benzeri modüllerin fonksiyonlarını "
              "değiştirmeyin.",
        "en": "Tampering detected: code in the notebook replaced parts of the grader or of PyTorch ({what}). "
              "These tests score no points; do not replace functions of `autograder`, `torch` and similar modules.",
    },
    "limit_exceeded": {
        "tr": "Kaynak sınırı aşıldı ({what}): kodunuz çok fazla bellek, işlemci zamanı ya da disk kullandı.",
        "en": "A resource limit was exceeded ({what}): your code used too much memory, CPU time or disk.",
    },
    # --- diagnoses of common torch errors ------------------------------------------------------
    "hint_device": {
        "tr": "İpucu: model ile veri farklı cihazlarda (device). Veriyi modelin cihazına taşıyın: "
              "`device = next(model.parameters()).device` ve `X = X.to(device)`; cihazı `\"cuda\"` diye sabit "
              "yazmayın, `device = \"cuda\" if torch.cuda.is_available() else \"cpu\"` kullanın.",
        "en": "Hint: the model and the data are on different devices. Move the data to the model's device: "
              "`device = next(model.parameters()).device` and `X = X.to(device)`; don't hard-code `\"cuda\"`, "
              "use `device = \"cuda\" if torch.cuda.is_available() else \"cpu\"`.",
    },
    "hint_dtype": {
        "tr": "İpucu: veri tipi (dtype) uyuşmuyor, büyük olasılıkla float64 (NumPy'nin varsayılanı) ile "
              "float32. `torch.from_numpy(X).type(torch.float)` ya da `torch.tensor(X, dtype=torch.float32)` kullanın.",
        "en": "Hint: the dtypes don't match, most likely float64 (NumPy's default) against float32. Use "
              "`torch.from_numpy(X).type(torch.float)` or `torch.tensor(X, dtype=torch.float32)`.",
    },
    "hint_target_shape": {
        "tr": "İpucu: logit ile etiketin şekli farklı (ör. `[N, 1]` ile `[N]`). Kayıp fonksiyonuna vermeden önce "
              "`y_logits = model(X).squeeze(dim=1)` ile boyutu kaldırın.",
        "en": "Hint: the logits and labels have different shapes (e.g. `[N, 1]` vs `[N]`). Remove the extra "
              "dimension before the loss: `y_logits = model(X).squeeze(dim=1)`.",
    },
    "hint_matmul_shape": {
        "tr": "İpucu: bir doğrusal katmanın `in_features` değeri gelen tensörün son boyutuyla uyuşmuyor "
              "(`mat1 and mat2 shapes cannot be multiplied`). Katmanlar arasındaki şekilleri `print(x.shape)` ile izleyin.",
        "en": "Hint: a linear layer's `in_features` does not match the last dimension of its input "
              "(`mat1 and mat2 shapes cannot be multiplied`). Trace the shapes between layers with `print(x.shape)`.",
    },
    "hint_long_target": {
        "tr": "İpucu: `CrossEntropyLoss` etiketleri `torch.long` (LongTensor) veri tipinde sınıf indeksleri olarak "
              "bekler: `y = y.type(torch.long)`.",
        "en": "Hint: `CrossEntropyLoss` expects the labels as class indices of dtype `torch.long`: "
              "`y = y.type(torch.long)`.",
    },
    # --- generic check failures ------------------------------------------------------------------
    "not_tensor": {
        "tr": "`{name}` bir `torch.Tensor` olmalı, ama `{got}` tipinde.",
        "en": "`{name}` must be a `torch.Tensor`, but it is a `{got}`.",
    },
    "wrong_shape": {
        "tr": "`{name}` şekli (shape) `{expected}` olmalı, ama `{got}`.",
        "en": "`{name}` should have shape `{expected}`, but it has `{got}`.",
    },
    "wrong_shape_squeezed": {
        "tr": "`{name}` şekli `{expected}` olmalı, ama `{got}`: son boyut eksik. `forward` içinde `squeeze` "
              "etmeyin; modelin çıktısı `[N, 1]` olmalı. Gerekirse boyutu kayıp hesabında kaldırın.",
        "en": "`{name}` should have shape `{expected}`, but it has `{got}`: the last dimension is missing. Don't "
              "`squeeze` inside `forward`; the model's output must be `[N, 1]`. Squeeze when computing the loss "
              "if needed.",
    },
    "wrong_dtype": {
        "tr": "`{name}` veri tipi (dtype) `{expected}` olmalı, ama `{got}`.",
        "en": "`{name}` should have dtype `{expected}`, but it has `{got}`.",
    },
    "wrong_dtype_float64": {
        "tr": "`{name}` veri tipi `torch.float32` olmalı, ama `torch.float64`. NumPy dizileri varsayılan olarak "
              "float64'tür: `torch.from_numpy(X).type(torch.float)` kullanın.",
        "en": "`{name}` should be `torch.float32`, but it is `torch.float64`. NumPy arrays default to float64: "
              "use `torch.from_numpy(X).type(torch.float)`.",
    },
    "not_finite": {
        "tr": "`{name}` içinde NaN ya da sonsuz değer var: öğrenme oranı çok büyük olabilir.",
        "en": "`{name}` contains NaN or infinite values: the learning rate may be too high.",
    },
    "probabilities_not_logits": {
        "tr": "Model olasılık döndürüyor gibi görünüyor (bütün çıktılar 0 ile 1 arasında), ama ham çıktı yani "
              "logit (modelin ham çıktısı) bekleniyor. `forward` içindeki `torch.sigmoid`/`softmax` çağrısını "
              "kaldırın: `BCEWithLogitsLoss` sigmoid'i kendisi uygular; olasılık için sigmoid'i tahmin ederken kullanın.",
        "en": "The model seems to return probabilities (all outputs between 0 and 1), but raw logits are "
              "expected. Remove `torch.sigmoid`/`softmax` from `forward`: `BCEWithLogitsLoss` applies the sigmoid "
              "itself; use sigmoid only when turning logits into predictions.",
    },
    "loss_not_falling": {
        "tr": "Kayıp yeterince düşmedi: ilk değer {first:.4f}, son değer {last:.4f} (son değer, ilk değerin en fazla "
              "yüzde {percent:.0f} kadarı olmalıydı). Olası nedenler: `optimizer.step()` ya da `loss.backward()` eksik, "
              "`optimizer.zero_grad()` eksik, öğrenme oranı çok küçük/büyük, epok sayısı az.",
        "en": "The loss did not fall enough: first {first:.4f}, last {last:.4f} (should be at most {percent:.0f}% of "
              "the first). Likely causes: missing `optimizer.step()` or `loss.backward()`, missing "
              "`optimizer.zero_grad()`, learning rate too small/large, too few epochs.",
    },
    "params_unchanged": {
        "tr": "Eğitimden sonra modelin parametreleri hiç değişmedi: `loss.backward()` ve `optimizer.step()` "
              "çağrıldı mı? Optimize edici (optimizer) `model.parameters()` ile mi kuruldu?",
        "en": "The model's parameters did not change after training: did you call `loss.backward()` and "
              "`optimizer.step()`? Was the optimizer built with `model.parameters()`?",
    },
    "no_nonlinearity": {
        "tr": "Model doğrusal (lineer) davranıyor: katmanlar arasında doğrusal olmayan bir aktivasyon fonksiyonu "
              "(ör. `nn.ReLU()`) yok. Doğrusal katmanlar üst üste konunca yine tek bir doğru çizer; çember gibi "
              "veriyi ayıramaz.",
        "en": "The model behaves linearly: there is no non-linear activation function (e.g. `nn.ReLU()`) between "
              "the layers. Stacked linear layers still draw a single straight line and cannot separate data "
              "such as circles.",
    },
    "accuracy_too_low_fraction": {
        "tr": "Test doğruluğu {acc:.3f}, en az {threshold:.2f} olmalı (notlandırıcının kendi ölçümü, görmediğiniz "
              "veride). Modeli büyütün, epok sayısını ya da öğrenme oranını ayarlayın.",
        "en": "Test accuracy is {acc:.3f}, it should be at least {threshold:.2f} (measured by the grader on data you "
              "have not seen). Make the model bigger or tune the epochs or learning rate.",
    },
    "accuracy_too_low": {
        "tr": "Test doğruluğu %{acc:.1f}, en az %{threshold:.0f} olmalı (notlandırıcının kendi ölçümü, "
              "görmediğiniz veride). Modeli büyütün, epok sayısını ya da öğrenme oranını ayarlayın.",
        "en": "Test accuracy is {acc:.1f}%, it should be at least {threshold:.0f}% (measured by the grader on "
              "data you have not seen). Make the model bigger or tune the epochs or learning rate.",
    },
    "accuracy_fraction": {
        "tr": "Doğruluk 0–100 arası bir yüzde olmalı, ama {got:.4f} döndü (beklenen {expected:.2f}): sonucu "
              "100 ile çarpmayı unuttunuz.",
        "en": "Accuracy must be a percentage from 0 to 100, but {got:.4f} came back (expected {expected:.2f}): "
              "you forgot to multiply by 100.",
    },
    "wrong_value": {
        "tr": "`{name}` yanlış: beklenen {expected}, dönen {got}.",
        "en": "`{name}` is wrong: expected {expected}, got {got}.",
    },
    "not_callable": {
        "tr": "`{name}` bir fonksiyon ya da sınıf olmalı.",
        "en": "`{name}` must be a function or a class.",
    },
    "not_module_class": {
        "tr": "`{name}` bir `nn.Module` alt sınıfı olmalı: `class {name}(nn.Module):`.",
        "en": "`{name}` must be a subclass of `nn.Module`: `class {name}(nn.Module):`.",
    },
    "construct_failed": {
        "tr": "`{name}` oluşturulamadı: {error}",
        "en": "`{name}` could not be constructed: {error}",
    },
    "history_not_numbers": {
        "tr": "`{name}` fonksiyonunun döndürdüğü sözlükte `{field}` listesinde sayı olmayan değerler var: her epokta "
              "bir sayı ekleyin (ör. `loss.item()`).",
        "en": "In the dict `{name}` returns, the `{field}` list holds values that are not numbers: append one number "
              "per epoch (e.g. `loss.item()`).",
    },
    "history_bad": {
        "tr": "`{name}` şu anahtarları içeren bir sözlük (dict) döndürmeli: {keys}; her biri epok başına bir değer "
              "içeren liste ({epochs} eleman). Sorun: {problem}",
        "en": "`{name}` must return a dict with the keys {keys}, each a list with one value per epoch "
              "({epochs} items). Problem: {problem}",
    },
    # --- command line -------------------------------------------------------------------------------
    "symlink_refused": {
        "tr": "`{path}` bir sembolik bağlantı (symlink); notlandırıcı bağlantıları izlemez. Not defterinin "
              "kendisini teslim edin.",
        "en": "`{path}` is a symbolic link; the grader does not follow links. Submit the notebook itself.",
    },
    "wrong_assignment": {
        "tr": "Bu not defteri kendini `{claimed}` ödevi olarak tanıtıyor, ama `{assignment}` klasöründe teslim "
              "edilmiş: klasör belirleyicidir. Doğru ödevin not defterini teslim edin.",
        "en": "This notebook calls itself the `{claimed}` assignment but was submitted in the `{assignment}` "
              "folder: the folder decides. Submit the right assignment's notebook.",
    },
    "sandbox_missing": {
        "tr": "bubblewrap (`bwrap`) bulunamadı ya da burada çalışamıyor: öğrenci kodu korumalı alan (sandbox) "
              "olmadan notlandırılmaz. `sudo apt-get install bubblewrap` ile kurun ya da bilerek "
              "`--sandbox off` (`AUTOGRADER_SANDBOX=off`) kullanın.",
        "en": "bubblewrap (`bwrap`) is missing or cannot run here: student code is not graded without a sandbox. "
              "Install it (`sudo apt-get install bubblewrap`) or use `--sandbox off` (`AUTOGRADER_SANDBOX=off`) "
              "on purpose.",
    },
    "sandbox_off_warning": {
        "tr": "⚠ Korumalı alan (sandbox) yok: bubblewrap bulunamadı, not defteri korumasız çalışıyor.",
        "en": "⚠ No sandbox: bubblewrap was not found, the notebook runs unprotected.",
    },
    "no_secret_notice": {
        "tr": "ℹ Eğitmen anahtarı yok: gizli testler paketin varsayılan tohumlarını kullanıyor (kendi kendine çalışma).",
        "en": "ℹ No instructor secret: hidden tests use the package's default seeds (self-study).",
    },
    "bad_sandbox_mode": {
        "tr": "Bilinmeyen korumalı alan (sandbox) seçeneği `{mode}`: auto, on ya da off yazın.",
        "en": "Unknown sandbox setting `{mode}`: use auto, on or off.",
    },
    "bad_json": {
        "tr": "`{path}` okunamadı: geçerli bir Jupyter not defteri (JSON) değil ({error}).",
        "en": "Could not read `{path}`: it is not a valid Jupyter notebook (JSON) ({error}).",
    },
    "not_notebook": {
        "tr": "`{path}` bir Jupyter not defteri değil: {error}",
        "en": "`{path}` is not a Jupyter notebook: {error}",
    },
    "no_file": {
        "tr": "`{path}` bulunamadı ya da okunamıyor.",
        "en": "`{path}` does not exist or cannot be read.",
    },
    "too_large": {
        "tr": "`{path}` çok büyük ({size:.0f} MB; sınır {limit} MB): çıktıları temizleyip (Edit → Clear Outputs) "
              "yeniden kaydedin.",
        "en": "`{path}` is too large ({size:.0f} MB; the limit is {limit} MB): clear the outputs (Edit → Clear "
              "Outputs) and save again.",
    },
    "empty_notebook": {
        "tr": "`{path}` not defterinde hiç kod hücresi yok.",
        "en": "The notebook `{path}` has no code cells.",
    },
    "unknown_assignment": {
        "tr": "`{path}` hangi ödeve ait anlaşılamadı. Not defterini ödevin klasöründe ve adıyla tutun "
              "(ör. `02_ikili_siniflandirma.ipynb`). Bilinen ödevler: {known}.",
        "en": "Could not tell which assignment `{path}` belongs to. Keep the notebook in the assignment's folder "
              "and under its name (e.g. `02_ikili_siniflandirma.ipynb`). Known assignments: {known}.",
    },
    "device_unavailable": {
        "tr": "İstenen cihaz `{device}` bu makinede yok. Seçenekler: auto, cpu, cuda, mps.",
        "en": "The requested device `{device}` is not available on this machine. Options: auto, cpu, cuda, mps.",
    },
    "bad_command_line": {
        "tr": "Komut satırı anlaşılamadı ({error}). Doğru kullanım için: `{prog} --help`",
        "en": "The command line was not understood ({error}). For the correct usage: `{prog} --help`",
    },
    "bad_device_name": {
        "tr": "Bilinmeyen cihaz adı `{device}`. Seçenekler: auto, cpu, cuda, mps.",
        "en": "Unknown device name `{device}`. Options: auto, cpu, cuda, mps.",
    },
    "kernel_start_failed": {
        "tr": "Jupyter çekirdeği başlatılamadı: {error}",
        "en": "Could not start the Jupyter kernel: {error}",
    },
    # --- report --------------------------------------------------------------------------------------
    "report_title": {"tr": "Ödev: {assignment}   Cihaz: {device}", "en": "Assignment: {assignment}   Device: {device}"},
    "report_total": {"tr": "Toplam puan: {score:g} / {max_score:g}", "en": "Total score: {score:g} / {max_score:g}"},
    "report_all_passed": {"tr": "Tebrikler, bütün kontrolleri geçtiniz!", "en": "Well done, every check passed!"},
    "report_some_failed": {
        "tr": "{failed} kontrol geçmedi. İpuçlarını okuyup hücreleri düzeltin ve yeniden deneyin.",
        "en": "{failed} checks failed. Read the hints, fix the cells and try again.",
    },
    "passed": {"tr": "Geçti.", "en": "Passed."},
})
