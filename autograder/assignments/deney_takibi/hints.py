"""Progressive hints for ``ipucu("<cell>")`` in the 09_deney_takibi notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "create_writer": [
        {"tr": "3. bölüm: `create_writer` yalnızca bir klasör yolu kurar ve o klasöre yazan bir `SummaryWriter` "
               "döndürür; eğitimle ilgili hiçbir şey yapmaz.",
         "en": "Section 3: `create_writer` only builds a folder path and returns a `SummaryWriter` that writes "
               "into that folder; it does nothing about training."},
        {"tr": "Yolu `os.path.join` ile parça parça kurun: önce `\"runs\"`, sonra deneyin adı, sonra modelin adı. "
               "`extra` verildiyse (yani `None` değilse) en sona onu da ekleyin. Yazıcıyı `log_dir` "
               "parametresiyle oluşturun.",
         "en": "Build the path piece by piece with `os.path.join`: first `\"runs\"`, then the experiment's name, "
               "then the model's name. If `extra` is given (not `None`), add it at the end. Create the writer with "
               "its `log_dir` parameter."},
        {"tr": "Kurstaki sürümün eklediği tarih klasörünü eklemeyin: notlandırıcı klasörü adlarla arar. Yol "
               "göreli kalmalı (`runs` ile başlar), mutlak bir yol yazmayın; `extra` yoksa yolda `None` adlı bir "
               "klasör olmamalı. Yazıcıyı döndürmeyi unutmayın.",
         "en": "Don't add the date folder the course's version adds: the grader looks for the folder by its names. "
               "The path must stay relative (it starts with `runs`), not absolute; without `extra` there must be "
               "no folder called `None`. Don't forget to return the writer."},
    ],
    "train": [
        {"tr": "4. bölüm: bu `train`, 04'teki döngünün aynısıdır; tek fark, her epoğun sonunda dört sayıyı "
               "yazıcıya da yazmasıdır.",
         "en": "Section 4: this `train` is the same loop as in 04; the only difference is that at the end of "
               "every epoch it also writes four numbers to the writer."},
        {"tr": "Her epokta önce `train_step`, sonra `test_step` çağırın, sonuçları sözlükteki listelere ekleyin. "
               "Sonra yazıcının `add_scalar` yöntemini dört kez çağırın: seri adı, değer ve `global_step` olarak "
               "epok numarası.",
         "en": "Every epoch, call `train_step` first, then `test_step`, and append the results to the dict's "
               "lists. Then call the writer's `add_scalar` method four times: the tag, the value, and the epoch "
               "number as `global_step`."},
        {"tr": "Seri adları tam olarak `Loss/train`, `Loss/test`, `Accuracy/train`, `Accuracy/test`; doğruluk "
               "0–1 kesri olarak kalmalı (100 ile çarpmayın). `add_scalars` kullanmayın: her seriyi ayrı bir "
               "alt klasöre yazar. Yazma satırlarını, yazıcı `None` değilse çalışan bir koşulun içine alın; "
               "yazıcıyı `train` içinde kapatmanız gerekmez.",
         "en": "The tags are exactly `Loss/train`, `Loss/test`, `Accuracy/train`, `Accuracy/test`; accuracy stays "
               "a 0–1 fraction (don't multiply by 100). Don't use `add_scalars`: it writes each series into a "
               "sub-folder of its own. Put the writing lines inside a condition that runs only when the writer "
               "is not `None`; you don't need to close the writer inside `train`."},
    ],
    "experiments": [
        {"tr": "5. bölüm: ızgara, iç içe üç döngüdür: veri miktarı, model boyutu ve epok sayısı. Her "
               "birleşim ayrı bir deneydir: yeni bir model, yeni bir optimize edici, yeni bir yazıcı.",
         "en": "Section 5: the grid is three nested loops: data amount, model size and number of epochs. Every "
               "combination is a separate experiment: a new model, a new optimizer, a new writer."},
        {"tr": "Döngüler `TRAIN_DATALOADERS.items()`, `MODELS.items()` ve `NUM_EPOCHS` üzerinde dönsün. Her "
               "deneyde tohumu 42 ile sabitleyin, modeli ve Adam'ı (`LR` ile) yeniden oluşturun, yazıcıyı "
               "`create_writer` ile veri adı, model adı ve epok sayısından kurun, `train` ile eğitip yazıcıyı "
               "kapatın.",
         "en": "Loop over `TRAIN_DATALOADERS.items()`, `MODELS.items()` and `NUM_EPOCHS`. In every experiment fix "
               "the seed to 42, create the model and Adam (with `LR`) anew, build the writer with `create_writer` "
               "from the data name, model name and number of epochs, train with `train` and close the writer."},
        {"tr": "Çalıştırma adı, yazıcının klasörüyle aynı biçimde olmalı: veri adı, model adı ve epok sayısı "
               "eğik çizgiyle ayrılır, sonuncusu `_epochs` ile biter. `train` fonksiyonunun döndürdüğü sözlüğü "
               "`experiment_results` içine, eğitilen modeli `trained_models` içine bu adla koyun. Önceki bir "
               "deneyin modelini ya da yazıcısını yeniden kullanmayın: eğriler birbirine karışır.",
         "en": "The run name must have the same form as the writer's folder: data name, model name and number of "
               "epochs separated by slashes, the last ending in `_epochs`. Put the dict `train` returns into "
               "`experiment_results` and the trained model into `trained_models` under this name. Don't reuse "
               "an earlier experiment's model or writer: the curves get mixed up."},
    ],
    "best_model": [
        {"tr": "7. bölüm: en iyi çalıştırma, son epoktaki test doğruluğu en yüksek olandır; eğitim doğruluğuna "
               "bakılmaz. Bu seçim not defterinin test yarısını bir doğrulama kümesi (validation set) yapar; "
               "gerçek testi notlandırıcı, sakladığı öteki yarıda yapar.",
         "en": "Section 7: the best run is the one with the highest test accuracy in its last epoch; training "
               "accuracy does not count. Choosing on it makes the notebook's test half a validation set; the "
               "grader runs the real test on the other half it keeps."},
        {"tr": "`experiment_results` sözlüğünün anahtarları üzerinde `max` kullanın; `key` olarak her "
               "çalıştırmanın `test_acc` listesinin son elemanını veren küçük bir fonksiyon verin. Sonucu "
               "`best_run` adına atayın.",
         "en": "Use `max` over the keys of `experiment_results`; as `key` pass a small function that gives the "
               "last item of each run's `test_acc` list. Assign the result to `best_run`."},
        {"tr": "Kaydedilecek model, `trained_models` içinde `best_run` adıyla duran modeldir; döngüden kalan "
               "`model` değişkeni değil (o son eğitilen modeldir). Modelin kendisini değil `state_dict()` "
               "sözlüğünü `torch.save` ile `best_model_path` yoluna kaydedin.",
         "en": "The model to save is the one stored in `trained_models` under `best_run`, not the `model` variable "
               "left over from the loop (that is the last model trained). Save its `state_dict()`, not the model "
               "itself, to `best_model_path` with `torch.save`."},
    ],
}
