"""Messages of 06_aktararak_ogrenme (Turkish and English)."""

from autograder.messages import register

register({
    "ao_not_model": {
        "tr": "`{name}` bir `nn.Module` (model) döndürmeli, ama `{got}` döndürdü.",
        "en": "`{name}` must return an `nn.Module` (a model), but returned `{got}`.",
    },
    "ao_load_keys": {
        "tr": "Dönen modelin parametre adları `DigitNet`'inkilerle aynı değil (ör. `{example}`). Mimariyi `DigitNet(num_classes=5)` ile kurun, sonra `load_state_dict` ile ağırlıkları yükleyin.",
        "en": "The returned model's parameter names differ from `DigitNet`'s (e.g. `{example}`). Build `DigitNet(num_classes=5)`, then load the weights with `load_state_dict`.",
    },
    "ao_not_loaded": {
        "tr": "Dönen modelin ağırlıkları `weights_path` dosyasındakilerle aynı değil (`{name}` farklı): ağırlıklar yüklenmemiş, model rastgele başlatılmış gibi. `model.load_state_dict(torch.load(weights_path, map_location=device, weights_only=True))` yazın ve verilen `weights_path`'i kullanın (yolu sabit yazmayın).",
        "en": "The returned model's weights differ from the `weights_path` file (`{name}` differs): the weights were not loaded. Use `model.load_state_dict(torch.load(weights_path, map_location=device, weights_only=True))` with the given `weights_path`.",
    },
    "hint_state_dict": {
        "tr": "İpucu: ağırlık dosyası ile kurduğunuz mimari uyuşmuyor (parametre adları ya da şekilleri farklı). Dosya kaynak görevin 5 sınıflı başlığını içerir: önce `DigitNet(num_classes=5)` kurup yükleyin, başlığı sonra değiştirin.",
        "en": "Hint: the weight file does not fit the architecture you built (parameter names or shapes differ). The file holds the source task's 5-class head: build `DigitNet(num_classes=5)`, load, and replace the head afterwards.",
    },
    "ao_load_fixed_path": {
        "tr": "`load_pretrained_model` kendisine verilen `weights_path` dosyasını değil, projenin dosyasını yükledi. Fonksiyon içinde `WEIGHTS_PATH` yerine `weights_path` parametresini kullanın: `torch.load(weights_path, ...)`.",
        "en": "`load_pretrained_model` loaded the project's file instead of the `weights_path` it was given. Use the `weights_path` parameter inside the function, not `WEIGHTS_PATH`.",
    },
    "ao_load_device": {
        "tr": "Model `{device}` cihazında olmalı, ama parametreleri `{got}` üzerinde: `model.to(device)` ile taşıyıp döndürün.",
        "en": "The model should be on `{device}`, but its parameters are on `{got}`: return `model.to(device)`.",
    },
    "ao_same_object": {
        "tr": "`load_pretrained_model` iki çağrıda aynı nesneyi döndürdü: her çağrıda yeni bir `DigitNet` kurun. Yoksa bir modeldeki değişiklik (dondurma, yeni başlık) ötekini de değiştirir.",
        "en": "`load_pretrained_model` returned the same object twice: build a new `DigitNet` on every call.",
    },
    "ao_source_accuracy": {
        "tr": "Yüklenen model kaynak görevde (0–4 rakamları) {acc:.3f} doğruluk aldı, en az {threshold:.2f} bekleniyordu: önceden eğitilmiş ağırlıklar doğru yüklenmemiş.",
        "en": "The loaded model scored {acc:.3f} on the source task (digits 0–4), expected at least {threshold:.2f}: the pretrained weights were not loaded correctly.",
    },
    "ao_not_frozen": {
        "tr": "`freeze_features` sonrası öznitelik çıkarıcının (`model.features`) hiçbir parametresi dondurulmadı (hepsinde `requires_grad=True`). `for param in model.features.parameters(): param.requires_grad = False` (dikkat: `==` değil `=`) ya da `model.features.requires_grad_(False)` yazın. `torch.no_grad()` parametreleri dondurmaz.",
        "en": "After `freeze_features` no parameter of the feature extractor (`model.features`) is frozen. Write `param.requires_grad = False` (`=`, not `==`) for each, or `model.features.requires_grad_(False)`.",
    },
    "ao_partly_frozen": {
        "tr": "Öznitelik çıkarıcının yalnızca bir kısmı donduruldu ({frozen}/{total} parametre tensörü): `model.features`'ın bütün parametrelerini dondurun.",
        "en": "Only part of the feature extractor is frozen ({frozen}/{total} parameter tensors): freeze every parameter of `model.features`.",
    },
    "ao_head_frozen": {
        "tr": "Sınıflandırıcı başlığı da donduruldu (`{name}` için `requires_grad=False`): yalnızca `model.features` dondurulmalı, yoksa eğitilecek hiçbir şey kalmaz. `model.requires_grad_(False)` yerine `model.features.requires_grad_(False)` kullanın.",
        "en": "The classifier head was frozen too (`requires_grad=False` for `{name}`): freeze only `model.features`, otherwise nothing is left to train.",
    },
    "ao_weights_changed": {
        "tr": "`{name}` öznitelik çıkarıcının ağırlıklarını değiştirdi (`{param}`): dondurmak ya da başlığı değiştirmek önceden eğitilmiş ağırlıklara dokunmamalı. Yeni bir model kurmayın, verilen modeli değiştirin.",
        "en": "`{name}` changed the feature extractor's weights (`{param}`): freezing or replacing the head must not touch the pretrained weights. Modify the given model, don't build a new one.",
    },
    "ao_head_in_features": {
        "tr": "Yeni başlığın `in_features` değeri öznitelik sayısıyla uyuşmuyor: {error}. Sayıyı sabit yazmayın, eski başlıktan okuyun: `model.classifier[1].in_features`.",
        "en": "The new head's `in_features` does not match the number of features: {error}. Don't hard-code it, read it from the old head: `model.classifier[1].in_features`.",
    },
    "ao_head_classes": {
        "tr": "`replace_head(model, num_classes={num_classes})` sonrası model `[yığın, {num_classes}]` logit döndürmeli, ama şekil {got}. Yeni `nn.Linear`'ın `out_features` değeri `num_classes` olmalı.",
        "en": "After `replace_head(model, num_classes={num_classes})` the model must return `[batch, {num_classes}]` logits, but the shape is {got}. The new `nn.Linear` needs `out_features=num_classes`.",
    },
    "ao_head_not_replaced": {
        "tr": "Sınıflandırıcı başlığı değiştirilmemiş: eski başlığın ağırlıkları (`{name}`) hâlâ modelde. `model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(in_features, num_classes))` ile yeni bir başlık atayın (eskisinin arkasına eklemeyin).",
        "en": "The classifier head was not replaced: the old head's weights (`{name}`) are still in the model. Assign a new head: `model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(in_features, num_classes))` (don't append it after the old one).",
    },
    "ao_features_unfrozen": {
        "tr": "`{name}` sonrası öznitelik çıkarıcının parametreleri yeniden eğitilebilir (`requires_grad=True`) oldu: yalnızca başlığı değiştirin, `model.requires_grad_(True)` çağırmayın.",
        "en": "After `{name}` the feature extractor's parameters are trainable again (`requires_grad=True`): only replace the head, don't call `model.requires_grad_(True)`.",
    },
    "ao_head_not_trainable": {
        "tr": "Yeni başlığın parametresi `{name}` eğitilemez (`requires_grad=False`): yeni katmanlar varsayılan olarak eğitilebilir; başlığı değiştirdikten sonra bütün modeli dondurmayın.",
        "en": "The new head's parameter `{name}` is not trainable (`requires_grad=False`): don't freeze the whole model after replacing the head.",
    },
    "ao_count_return": {
        "tr": "`count_parameters` iki tam sayı döndürmeli: `(toplam, eğitilebilir)`. Dönen: `{got}`.",
        "en": "`count_parameters` must return two integers: `(total, trainable)`. Got: `{got}`.",
    },
    "ao_count_tensors": {
        "tr": "`count_parameters` parametre tensörlerini saydı ({got}), sayıların (elemanların) toplamını değil ({expected}). `sum(p.numel() for p in model.parameters())` kullanın.",
        "en": "`count_parameters` counted parameter tensors ({got}), not the numbers in them ({expected}). Use `sum(p.numel() for p in model.parameters())`.",
    },
    "ao_count_trainable": {
        "tr": "Eğitilebilir parametre sayısı {got} döndü, beklenen {expected}: yalnızca `p.requires_grad` olan parametreleri sayın: `sum(p.numel() for p in model.parameters() if p.requires_grad)`.",
        "en": "Got {got} trainable parameters, expected {expected}: count only parameters with `p.requires_grad`.",
    },
    "ao_count_swapped": {
        "tr": "`count_parameters` sırası ters: önce toplam ({total}), sonra eğitilebilir ({trainable}) parametre sayısını döndürün.",
        "en": "`count_parameters` has the order swapped: return the total ({total}) first, then the trainable ({trainable}) count.",
    },
    "ao_count_wrong": {
        "tr": "`count_parameters` {got} döndürdü, beklenen (toplam, eğitilebilir) = {expected}. Sayıları verilen modelden hesaplayın (sabit yazmayın).",
        "en": "`count_parameters` returned {got}, expected (total, trainable) = {expected}. Compute them from the given model.",
    },
    "ao_fit_return": {
        "tr": "`train_model` epok başına bir ortalama kayıp içeren bir liste döndürmeli ({epochs} sayı). Sorun: {problem}",
        "en": "`train_model` must return a list with one mean loss per epoch ({epochs} numbers). Problem: {problem}",
    },
    "ao_frozen_changed": {
        "tr": "Eğitimden sonra dondurulmuş öznitelik çıkarıcının ağırlıkları değişti (`{name}`): `train_model` modeli yeniden eğitilebilir yapmamalı (`requires_grad_(True)` çağırmayın) ve dondurulmuş ağırlıkları elle güncellememeli. Yalnızca başlık öğrenmeli.",
        "en": "After training, the frozen feature extractor's weights changed (`{name}`): `train_model` must not make the model trainable again nor update frozen weights by hand. Only the head should learn.",
    },
    "ao_fit_accuracy": {
        "tr": "`train_model` ile eğitilen başlık notlandırıcının verisinde yalnızca {acc:.3f} doğruluk aldı, en az {threshold:.2f} olmalı. Kayıp fonksiyonu `nn.CrossEntropyLoss()`, optimize edici `torch.optim.Adam(model.parameters(), lr=lr)`; her yığında `zero_grad` → `backward` → `step`.",
        "en": "The head trained with `train_model` scored only {acc:.3f} on the grader's data, it needs at least {threshold:.2f}. Use `nn.CrossEntropyLoss()` and `torch.optim.Adam(model.parameters(), lr=lr)`.",
    },
    "ao_output_shape": {
        "tr": "`{name}` `[yığın, 1, 28, 28]` girdiden `[yığın, {classes}]` logit döndürmeli; dönen şekil {got}.",
        "en": "`{name}` must map `[batch, 1, 28, 28]` inputs to `[batch, {classes}]` logits; got shape {got}.",
    },
    "ao_model_differs": {
        "tr": "`{name}` modelinin ağırlıkları notlandırıcının `DigitNet` kopyasına yüklendiğinde bu kopya modelin kendisinden farklı çıktılar veriyor: modelin `forward`'ı `DigitNet`'inkinden farklı. Modeli `DigitNet(num_classes=5)` ile kurun (yalnızca `model.classifier` değişebilir) ve `forward`'ı değiştirmeyin.",
        "en": "Loaded into the grader's copy of `DigitNet`, `{name}`'s weights give different outputs from the model itself: its `forward` differs from `DigitNet`'s. Build it as `DigitNet(num_classes=5)` (only `model.classifier` may change) and keep its `forward`.",
    },
    "ao_transfer_features_changed": {
        "tr": "`transfer_model`'in öznitelik çıkarıcısı önceden eğitilmiş ağırlıklarla aynı değil (`{name}`): eğitimden önce `freeze_features` ile dondurun ki yalnızca yeni başlık öğrensin.",
        "en": "`transfer_model`'s feature extractor differs from the pretrained weights (`{name}`): freeze it with `freeze_features` before training so only the new head learns.",
    },
    "ao_transfer_accuracy": {
        "tr": "`transfer_model` notlandırıcının 5–9 rakamlarında {acc:.3f} doğruluk aldı, en az {threshold:.2f} olmalı. Önceden eğitilmiş modeli yükleyip dondurdunuz, başlığı değiştirip `train_model` ile en az {epochs} epok eğittiniz mi?",
        "en": "`transfer_model` scored {acc:.3f} on the grader's digits 5–9; it needs at least {threshold:.2f}. Did you load, freeze, replace the head and train it with `train_model` for {epochs} epochs?",
    },
    "ao_scratch_architecture": {
        "tr": "`scratch_model` `transfer_model` ile aynı mimaride olmalı (`DigitNet(num_classes=5)`): parametre `{name}` farklı. Karşılaştırma ancak aynı ağla anlamlıdır.",
        "en": "`scratch_model` must have the same architecture as `transfer_model` (`DigitNet(num_classes=5)`): parameter `{name}` differs.",
    },
    "ao_scratch_pretrained": {
        "tr": "`scratch_model`'in öznitelik çıkarıcısı önceden eğitilmiş ağırlıkları taşıyor: sıfırdan eğitim için yeni bir `DigitNet(num_classes=5)` kurun, ağırlık yüklemeyin.",
        "en": "`scratch_model`'s feature extractor holds the pretrained weights: for training from scratch build a new `DigitNet(num_classes=5)` without loading weights.",
    },
    "ao_scratch_untrained": {
        "tr": "`scratch_model` notlandırıcının verisinde {acc:.3f} doğruluk aldı, şans düzeyi 0.20: eğitilmemiş gibi. `transfer_model` ile aynı veriyle, aynı epok sayısı ve öğrenme oranıyla `train_model` ile eğitin.",
        "en": "`scratch_model` scored {acc:.3f} on the grader's data, chance is 0.20: it looks untrained. Train it with `train_model` on the same data, epochs and learning rate as `transfer_model`.",
    },
    "ao_transfer_not_better": {
        "tr": "Aktararak öğrenme kazanmadı: notlandırıcının verisinde `transfer_model` {transfer:.3f}, `scratch_model` {scratch:.3f} doğruluk aldı. İki modeli aynı küçük veriyle ve aynı ayarlarla eğittiniz mi? `transfer_model`'in öznitelik çıkarıcısı dondurulmuş ve önceden eğitilmiş olmalı.",
        "en": "Transfer learning did not win: on the grader's data `transfer_model` scored {transfer:.3f}, `scratch_model` {scratch:.3f}. Did you train both on the same small data with the same settings?",
    },
    "ao_confmat_shape": {
        "tr": "Karışıklık matrisi `[num_classes, num_classes]` = {expected} şeklinde olmalı, ama {got}. Hiç görünmeyen sınıflar için de satır/sütun olmalı: boyutu `num_classes`'tan alın.",
        "en": "The confusion matrix must have shape `[num_classes, num_classes]` = {expected}, but it has {got}. Classes that never occur still get a row and a column: take the size from `num_classes`.",
    },
    "ao_confmat_transposed": {
        "tr": "Karışıklık matrisi devrik (transpoze): satırlar gerçek etiketler, sütunlar tahminler olmalı: `matrix[y_true, y_pred] += 1`.",
        "en": "The confusion matrix is transposed: rows must be the true labels and columns the predictions: `matrix[y_true, y_pred] += 1`.",
    },
    "ao_confmat_wrong": {
        "tr": "Karışıklık matrisi notlandırıcının aynı model ve veriyle hesapladığından farklı (toplam {got} örnek sayıldı, beklenen {expected}). Her yığında `y_pred = model(X).argmax(dim=1)` ve her (gerçek, tahmin) çifti için `matrix[y, p] += 1`; bütün yığınları toplayın.",
        "en": "The confusion matrix differs from the grader's for the same model and data ({got} samples counted, expected {expected}). Per batch `y_pred = model(X).argmax(dim=1)`, then `matrix[y, p] += 1` for every (true, predicted) pair, over all batches.",
    },
    "ao_model_not_called": {
        "tr": "`{name}` kendisine verilen modeli hiç çağırmadı: tahminleri verilen `model` ile hesaplayın.",
        "en": "`{name}` never called the model it was given: compute the predictions with the given `model`.",
    },
    "ao_mw_type": {
        "tr": "`most_wrong` tam sayı indekslerden oluşan bir tensör ya da liste döndürmeli; dönen: `{got}`.",
        "en": "`most_wrong` must return a tensor or a list of integer indices; got: `{got}`.",
    },
    "ao_mw_indices": {
        "tr": "`most_wrong` geçersiz indeksler döndürdü ({got}): her indeks `X` içinde bir sıra numarası olmalı (0 ile {last} arası) ve bir örnek en fazla bir kez geçmeli.",
        "en": "`most_wrong` returned invalid indices ({got}): each index must be a position in `X` (0 to {last}) and no sample may appear twice.",
    },
    "ao_mw_includes_correct": {
        "tr": "`most_wrong` doğru tahmin edilen bir örneği de döndürdü (`X[{index}]`): bütün örnekler arasından değil, yalnızca yanlış tahminler (tahmin ≠ `y`) arasından seçin, ör. `wrong = (preds != y).nonzero().flatten()`.",
        "en": "`most_wrong` also returned a correctly predicted sample (`X[{index}]`): choose only among the wrong predictions (prediction ≠ `y`), not among all samples, e.g. `wrong = (preds != y).nonzero().flatten()`.",
    },
    "ao_mw_count": {
        "tr": "`most_wrong(..., k={k})` {got} indeks döndürdü, beklenen sayı {expected} (notlandırıcının verisinde yanlış tahmin sayısı: {wrong}). En fazla `k` indeks döndürün; yanlış tahmin `k` sayısından azsa hepsini döndürün.",
        "en": "`most_wrong(..., k={k})` returned {got} indices, expected {expected} (the grader's data has {wrong} wrong predictions). Return at most `k` indices; when there are fewer wrong predictions than `k`, return all of them.",
    },
    "ao_mw_order": {
        "tr": "`most_wrong` doğru örnekleri seçti ama sıralaması yanlış: indeksler güvene göre azalan sırada olmalı (ilk indeks, modelin en emin olduğu yanlış tahmin). `argsort(descending=True)` kullanın.",
        "en": "`most_wrong` picked the right samples in the wrong order: the indices must be sorted by confidence, highest first (the first index is the model's most confident wrong prediction). Use `argsort(descending=True)`.",
    },
    "ao_mw_least_confident": {
        "tr": "`most_wrong` modelin en az emin olduğu yanlış tahminleri seçti: güvene göre artan değil azalan sırada sıralayın (`argsort(descending=True)`) ve ilk `k` tanesini alın.",
        "en": "`most_wrong` picked the model's least confident wrong predictions: sort by confidence in descending, not ascending, order (`argsort(descending=True)`) and take the first `k`.",
    },
    "ao_mw_true_class": {
        "tr": "`most_wrong` güveni gerçek sınıfın olasılığıyla ölçüyor. Güven, **tahmin edilen** sınıfın softmax olasılığıdır: `probs.max(dim=1).values`.",
        "en": "`most_wrong` measures confidence with the probability of the true class. The confidence is the softmax probability of the **predicted** class: `probs.max(dim=1).values`.",
    },
    "ao_mw_logits": {
        "tr": "`most_wrong` yanlış tahminleri softmax olasılığına göre değil, en büyük logite göre sıralıyor. Logitler olasılık değildir: önce `torch.softmax(logits, dim=1)`, sonra her satırın en büyük olasılığı.",
        "en": "`most_wrong` ranks the wrong predictions by the largest logit instead of the softmax probability. Logits are not probabilities: first `torch.softmax(logits, dim=1)`, then each row's largest probability.",
    },
    "ao_mw_wrong": {
        "tr": "`most_wrong(..., k={k})` notlandırıcının modelin çıktılarından hesapladığı indekslerden farklı indeksler döndürdü. Tahmin `argmax(dim=1)`; güven, tahmin edilen sınıfın softmax olasılığı; yalnızca yanlış tahminler, güvene göre azalan sırada, ilk `k` tanesi.",
        "en": "`most_wrong(..., k={k})` returned other indices than the grader computes from the model's outputs. Prediction: `argmax(dim=1)`; confidence: the softmax probability of the predicted class; only wrong predictions, highest confidence first, the first `k`.",
    },
    "ao_confmat_type": {
        "tr": "`make_confusion_matrix` tam sayılardan oluşan bir tensör (ya da NumPy dizisi) döndürmeli; dönen: `{got}`.",
        "en": "`make_confusion_matrix` must return a tensor (or NumPy array) of integers; got: `{got}`.",
    },
})
