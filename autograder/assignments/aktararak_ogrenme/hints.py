"""Progressive hints for ``ipucu("<cell>")`` in the 06_aktararak_ogrenme notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "load_pretrained": [
        {"tr": "3. bölüm: ağırlık yüklemek iki adımdır: önce aynı mimariyi kurarsınız, sonra dosyadaki "
               "`state_dict` sözlüğünü onun üzerine yüklersiniz.",
         "en": "Section 3: loading weights takes two steps: first you build the same architecture, then "
               "you load the file's `state_dict` into it."},
        {"tr": "Mimari 5 sınıflı bir `DigitNet` olmalı (`num_classes`), çünkü dosya kaynak görevin 5 "
               "sınıflı başlığını içerir. Dosyayı `torch.load` ile `map_location` ve `weights_only=True` "
               "vererek okuyun, `load_state_dict` ile yükleyin, modeli `device`'a taşıyıp döndürün.",
         "en": "The architecture must be a 5-class `DigitNet` (`num_classes`), because the file holds the "
               "source task's 5-class head. Read the file with `torch.load`, passing `map_location` and "
               "`weights_only=True`, load it with `load_state_dict`, move the model to `device` and return "
               "it."},
        {"tr": "Fonksiyonun içinde `WEIGHTS_PATH` sabitini değil `weights_path` parametresini kullanın: "
               "notlandırıcı başka bir ağırlık dosyasıyla da dener. Modeli her çağrıda fonksiyonun içinde "
               "yeniden kurun; dışarıda bir kez kurulan modeli döndürürseniz iki çağrı aynı nesneyi "
               "paylaşır.",
         "en": "Inside the function use the `weights_path` parameter, not the `WEIGHTS_PATH` constant: the "
               "grader also tries another weights file. Build the model anew inside the function on every "
               "call; returning a model built once outside makes two calls share the same object."},
    ],
    "freeze_features": [
        {"tr": "4. bölüm: bir parametreyi dondurmak, onun `requires_grad` özelliğini `False` yapmaktır; "
               "yalnızca öznitelik çıkarıcı (`model.features`) donmalı.",
         "en": "Section 4: freezing a parameter means setting its `requires_grad` to `False`; only the "
               "feature extractor (`model.features`) should be frozen."},
        {"tr": "`model.features.parameters()` üzerinde bir döngüyle her parametrenin `requires_grad` "
               "özelliğini değiştirebilir ya da modülün `requires_grad_` yöntemini kullanabilirsiniz. "
               "Fonksiyon modeli yerinde değiştirip döndürmeli.",
         "en": "You can loop over `model.features.parameters()` and change each parameter's "
               "`requires_grad`, or use the module's `requires_grad_` method. The function must change the "
               "model in place and return it."},
        {"tr": "Üç klasik hata: atama yerine `==` ile karşılaştırma yazmak (hiçbir şeyi değiştirmez), "
               "`torch.no_grad()` kullanmak (parametreleri dondurmaz) ve bütün modeli dondurmak (başlık da "
               "donar). Başlığa (`model.classifier`) ve ağırlıkların değerlerine dokunmayın.",
         "en": "Three classic mistakes: writing a `==` comparison instead of an assignment (it changes "
               "nothing), using `torch.no_grad()` (it freezes no parameter) and freezing the whole model "
               "(the head freezes too). Don't touch the head (`model.classifier`) or the values of the "
               "weights."},
    ],
    "replace_head": [
        {"tr": "5. bölüm: eski başlık kaynak görevin sınıfları için eğitildi; yerine yeni, rastgele "
               "başlatılmış bir başlık koyarsınız.",
         "en": "Section 5: the old head was trained for the source task's classes; you put a new, randomly "
               "initialized head in its place."},
        {"tr": "`model.classifier` özniteliğine `nn.Dropout(p=0.2)` ve bir `nn.Linear` içeren yeni bir "
               "`nn.Sequential` atayın. `in_features` öznitelik çıkarıcının çıktısıyla aynı kalmalı "
               "(sayıyı eski başlığın içindeki `nn.Linear` katmanının `in_features` özniteliğinden "
               "okuyun), `out_features` ise `num_classes` olmalı.",
         "en": "Assign a new `nn.Sequential` with `nn.Dropout(p=0.2)` and an `nn.Linear` to "
               "`model.classifier`. `in_features` must stay equal to the feature extractor's output (read "
               "the number from the `in_features` attribute of the `nn.Linear` layer inside the old head), "
               "while `out_features` must be `num_classes`."},
        {"tr": "Sayıyı (1152) sabit yazmayın ve yeni başlığı eskisinin arkasına eklemeyin, onun yerine "
               "koyun. Yeni başlığı modelin cihazına taşıyın (cihazı modelin parametrelerinden birinin "
               "`device` özelliğinden öğrenebilirsiniz), öznitelik çıkarıcının `requires_grad` durumunu "
               "değiştirmeyin ve modeli döndürün.",
         "en": "Don't hard-code the number (1152), and don't append the new head after the old one: "
               "replace it. Move the new head to the model's device (you can get it from the `device` of "
               "one of the model's parameters), leave the `requires_grad` of the feature extractor as it "
               "is and return the model."},
    ],
    "count_parameters": [
        {"tr": "6. bölüm: bir parametre tensöründeki sayı adedini `p.numel()` verir; "
               "`len(list(model.parameters()))` ise yalnızca tensörleri sayar.",
         "en": "Section 6: `p.numel()` gives the number of values in a parameter tensor, while "
               "`len(list(model.parameters()))` only counts the tensors."},
        {"tr": "`model.parameters()` üzerinden `p.numel()` değerlerini `sum` ile toplayın; eğitilebilir "
               "sayı için yalnızca `p.requires_grad` olanları toplayın.",
         "en": "Add up `p.numel()` over `model.parameters()` with `sum`; for the trainable count, add up "
               "only those with `p.requires_grad`."},
        {"tr": "Sonuç iki Python tam sayısı olmalı: önce toplam, sonra eğitilebilir parametre sayısı. "
               "Sayıları verilen modelden hesaplayın; notlandırıcı dondurulmuş ve dondurulmamış farklı "
               "modellerle dener.",
         "en": "The result must be two Python integers: the total count first, then the trainable one. "
               "Compute them from the given model; the grader tries different models, frozen and not "
               "frozen."},
    ],
    "train_model": [
        {"tr": "7. bölüm: 02–05'teki eğitim döngüsünün kısa bir hali; farkı, dondurulmuş parametrelerin "
               "hiç değişmemesi ve fonksiyonun yalnızca epok kayıplarını döndürmesi.",
         "en": "Section 7: a short version of the training loop of 02–05; the difference is that the "
               "frozen parameters never change and the function returns only the epoch losses."},
        {"tr": "Kayıp fonksiyonu `nn.CrossEntropyLoss`, optimize edici `lr=lr` ile `torch.optim.Adam`. Her "
               "epokta `model.train()`; her yığında veriyi `device`'a taşıyın, sonra ileri geçiş, kayıp, "
               "`zero_grad`, `backward`, `step`.",
         "en": "The loss function is `nn.CrossEntropyLoss`, the optimizer `torch.optim.Adam` with `lr=lr`. "
               "Call `model.train()` every epoch; on each batch move the data to `device`, then forward "
               "pass, loss, `zero_grad`, `backward`, `step`."},
        {"tr": "Her epokta yığın kayıplarını (`loss.item()`) toplayıp yığın sayısına bölün ve bu "
               "ortalamayı listeye ekleyin; liste `epochs` uzunluğunda olmalı. Modeli yeniden eğitilebilir "
               "yapmayın (`requires_grad_(True)` yok): notlandırıcı dondurulmuş ağırlıkların eğitimden "
               "sonra birebir aynı kaldığına bakar.",
         "en": "Every epoch, add up the batch losses (`loss.item()`), divide by the number of batches and "
               "append this mean to the list; the list must have `epochs` items. Don't make the model "
               "trainable again (no `requires_grad_(True)`): the grader checks that the frozen weights are "
               "exactly the same after training."},
    ],
    "transfer_model": [
        {"tr": "Bu alıştırma önceki dört fonksiyonu sırayla birleştirir: yükle, dondur, başlığı değiştir, "
               "eğit.",
         "en": "This exercise chains the four earlier functions: load, freeze, replace the head, train."},
        {"tr": "`load_pretrained_model` sonucunu `freeze_features` fonksiyonuna verin; tohumu 42 ile "
               "kurduktan sonra `replace_head` ile `len(class_names)` sınıflı başlığı takın ve "
               "`train_model` ile `train_dataloader` üzerinde `EPOCHS` epok, `LR` öğrenme oranıyla eğitin.",
         "en": "Pass the result of `load_pretrained_model` to `freeze_features`; after setting the seed to "
               "42, put on the `len(class_names)`-class head with `replace_head` and train with "
               "`train_model` on `train_dataloader` for `EPOCHS` epochs with learning rate `LR`."},
        {"tr": "Sonuç `transfer_model`, kayıplar `transfer_losses` adında olmalı; eğitimden hemen önce "
               "`start` adına `time.perf_counter()` değerini atayın (hücrenin sonundaki hazır satır onu "
               "kullanır). Dondurmayı eğitimden "
               "önce yapın; notlandırıcı öznitelik çıkarıcının dosyadaki ağırlıklarla birebir aynı "
               "kaldığına ve kaydırılmış 5–9 rakamlarında doğruluğun en az 0.60 olduğuna bakar.",
         "en": "The result must be named `transfer_model` and the losses `transfer_losses`; right before "
               "training, assign `time.perf_counter()` to `start` (the given line at the end of the cell uses "
               "it). Freeze before "
               "training; the grader checks that the feature extractor is exactly the same as the weights "
               "in the file and that the accuracy on shifted 5–9 digits is at least 0.60."},
    ],
    "scratch_model": [
        {"tr": "8. bölüm: adil bir karşılaştırma için aynı ağı, aynı veriyle ve aynı ayarlarla, yalnızca "
               "önceden eğitilmiş ağırlıklar olmadan eğitirsiniz.",
         "en": "Section 8: for a fair comparison you train the same network with the same data and "
               "settings, only without the pretrained weights."},
        {"tr": "Tohumu 42 ile kurduktan sonra `DigitNet` ile 5 sınıflı yeni bir model kurun (ağırlık "
               "yüklemeden, dondurmadan), `device`'a taşıyın ve `train_model` ile eğitin.",
         "en": "After setting the seed to 42, build a new 5-class model with `DigitNet` (no weights "
               "loaded, nothing frozen), move it to `device` and train it with `train_model`."},
        {"tr": "`transfer_model` ile aynı `train_dataloader`, `EPOCHS` ve `LR` değerlerini kullanın ve "
               "kayıpları `scratch_losses` adına atayın. `load_pretrained_model` çağırmayın: sıfırdan "
               "eğitilen model önceden eğitilmiş ağırlık taşımamalı.",
         "en": "Use the same `train_dataloader`, `EPOCHS` and `LR` as for `transfer_model` and assign the "
               "losses to `scratch_losses`. Don't call `load_pretrained_model`: the model trained from "
               "scratch must not carry pretrained weights."},
    ],
    "confusion_matrix": [
        {"tr": "9. bölüm: `matris[i, j]`, gerçek sınıfı `i` olup `j` tahmin edilen örneklerin sayısıdır; "
               "satırlar gerçek etiketler, sütunlar tahminlerdir.",
         "en": "Section 9: `matrix[i, j]` is the number of samples of true class `i` predicted as `j`; the "
               "rows are the true labels, the columns the predictions."},
        {"tr": "`model.eval()` ile değerlendirmeye geçin ve `torch.inference_mode()` içinde bütün "
               "yığınlarda tahminleri `argmax(dim=1)` ile bulun. Tam sayı veri tipinde `[num_classes, "
               "num_classes]` bir sıfır matrisiyle başlayıp her (gerçek, tahmin) çifti için ilgili hücreyi "
               "artırın ya da `torch.bincount` kullanın.",
         "en": "Switch to evaluation with `model.eval()` and get the predictions of all batches with "
               "`argmax(dim=1)` inside `torch.inference_mode()`. Start from an integer `[num_classes, "
               "num_classes]` matrix of zeros and add one to the matching cell for every (true, predicted) "
               "pair, or use `torch.bincount`."},
        {"tr": "Görüntüleri `device`'a taşıyın ama sayımı tek bir cihazda yapın (ör. tahminleri `.cpu()` "
               "ile geri alarak). Boyutu `num_classes` değerinden alın, satır ile sütunu karıştırmayın ve "
               "yalnızca son yığını değil bütün yığınları sayın.",
         "en": "Move the images to `device`, but count on a single device (e.g. by bringing the "
               "predictions back with `.cpu()`). Take the size from `num_classes`, don't swap rows and "
               "columns, and count all batches, not just the last one."},
    ],
    "most_wrong": [
        {"tr": "10. bölüm: önce her örnek için tahmini ve güveni (tahmin edilen sınıfın softmax olasılığı) "
               "bulun, sonra yalnızca yanlış tahminleri güvene göre sıralayın.",
         "en": "Section 10: first find each sample's prediction and confidence (the softmax probability of the "
               "predicted class), then sort only the wrong predictions by confidence."},
        {"tr": "Değerlendirme kipinde ve `torch.inference_mode()` içinde logitleri hesaplayıp `torch.softmax` "
               "uygulayın; olasılık tensörünün `max(dim=1)` sonucu hem güveni hem tahmini verir. Tahmini `y` "
               "ile karşılaştıran bir maske ve `nonzero()` yanlış örneklerin indekslerini verir.",
         "en": "Compute the logits in evaluation mode inside `torch.inference_mode()` and apply "
               "`torch.softmax`; `max(dim=1)` of the probabilities gives both the confidence and the "
               "prediction. A mask comparing the prediction with `y` and `nonzero()` give the indices of the "
               "wrong samples."},
        {"tr": "Yanlış örneklerin güvenlerini `argsort(descending=True)` ile sıralayın ve sıralamayı yanlış "
               "örneklerin indekslerine uygulayın: döndürülen sayılar `X` içindeki sıra numaraları olmalı, "
               "yanlışlar listesindeki sıraları değil. Sonra ilk `k` tanesini alın (daha azsa dilimleme "
               "hepsini verir). Gerçek sınıfın olasılığını değil, tahmin edilen sınıfınkini kullanın.",
         "en": "Sort the wrong samples' confidences with `argsort(descending=True)` and apply that order to "
               "the wrong samples' indices: the returned numbers must be positions in `X`, not positions in "
               "the list of wrong samples. Then take the first `k` (slicing gives all of them when there are "
               "fewer). Use the probability of the predicted class, not of the true class."},
    ],
}
