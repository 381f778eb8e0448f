"""Messages of 09_deney_takibi (Turkish and English)."""

from autograder.messages import register

_TAGS_TR = "`Loss/train`, `Loss/test`, `Accuracy/train`, `Accuracy/test`"

register({
    # --- create_writer ----------------------------------------------------------------------------------
    "deney_writer_signature": {
        "tr": "`create_writer` şöyle çağrılabilmeli: `create_writer(experiment_name=..., model_name=..., "
              "extra=...)`; `extra` verilmeyebilir (varsayılanı `None`). Sorun: {error}",
        "en": "`create_writer` must be callable as `create_writer(experiment_name=..., model_name=..., extra=...)`; "
              "`extra` may be left out (default `None`). Problem: {error}",
    },
    "deney_writer_type": {
        "tr": "`create_writer` bir `SummaryWriter` nesnesi döndürmeli (`torch.utils.tensorboard.SummaryWriter`), "
              "ama dönen nesnenin tipi `{got}`. Fonksiyonun sonunda `return SummaryWriter(log_dir=...)` gibi "
              "yazıcıyı döndürmeyi unutmayın.",
        "en": "`create_writer` must return a `SummaryWriter` (`torch.utils.tensorboard.SummaryWriter`), but the "
              "returned object's type is `{got}`. Remember to return the writer at the end of the function.",
    },
    "deney_writer_outside": {
        "tr": "`{call}` çağrısının yazıcısı, kayıtlarını çalışma klasörünün dışındaki bir klasöre yazıyor. "
              "Kayıt klasörü (log_dir) çalışma klasörüne göre göreli olmalı: `{expected}`. Yolu "
              "`os.path.join(\"runs\", ...)` ile kurun; sabit bir mutlak yol yazmayın.",
        "en": "The writer of `{call}` writes outside the working folder. The log folder (log_dir) must be "
              "relative to the working folder: `{expected}`. Build it with `os.path.join(\"runs\", ...)`; don't "
              "hard-code an absolute path.",
    },
    "deney_writer_extra_none": {
        "tr": "`{call}` çağrısının kayıt klasörü `{got}`, beklenen `{expected}`: `extra` verilmediğinde "
              "(`None`) yola `None` adlı bir klasör eklenmemeli. `if extra:` ile iki durumu ayırın.",
        "en": "The log folder of `{call}` is `{got}`, expected `{expected}`: when `extra` is not given (`None`) "
              "no folder called `None` may be added. Tell the two cases apart with `if extra:`.",
    },
    "deney_writer_extra_folder": {
        "tr": "`{call}` çağrısının kayıt klasörü `{got}`, beklenen `{expected}`: yolda fazladan bir klasör var. "
              "Kursun sürümü araya bir tarih klasörü ekler; bu not defterinde yol yalnızca "
              "`runs/<experiment_name>/<model_name>/<extra>` olmalı (tarih yok), yoksa notlandırıcı "
              "çalıştırmaları adlarıyla bulamaz.",
        "en": "The log folder of `{call}` is `{got}`, expected `{expected}`: the path has an extra folder. "
              "The course's version adds a date folder; in this notebook the path must be just "
              "`runs/<experiment_name>/<model_name>/<extra>` (no date), otherwise the grader cannot find the runs "
              "by name.",
    },
    "deney_writer_log_dir": {
        "tr": "`{call}` çağrısının kayıt klasörü (`writer.log_dir`) `{got}`, beklenen `{expected}`. Yol sırayla "
              "`runs`, `experiment_name`, `model_name` ve (verildiyse) `extra` parçalarından oluşmalı.",
        "en": "The log folder (`writer.log_dir`) of `{call}` is `{got}`, expected `{expected}`. The path must be "
              "`runs`, `experiment_name`, `model_name` and (when given) `extra`, in this order.",
    },
    # --- series of a writer (shared) ------------------------------------------------------------------------
    "deney_runs_too_big": {
        "tr": "`runs/` klasöründeki olay dosyaları (event files) çok büyük ({count} dosya, {megabytes} MB; sınır "
              "{limit} MB). Bu ödevde her çalıştırma yalnızca epok başına dört sayı yazar: görüntü, histogram "
              "ya da model grafiği yazmayın.",
        "en": "The event files under `runs/` are too large ({count} files, {megabytes} MB; the limit is {limit} MB). "
              "In this assignment every run writes just four numbers per epoch: don't write images, histograms "
              "or the model graph.",
    },
    "deney_events_unreadable": {
        "tr": "Olay dosyaları TensorBoard'un kendi okuyucusuyla okunamadı ({error}). Dosyaları yalnızca "
              "`SummaryWriter` yazsın; `runs/` klasörüne elle dosya koymayın.",
        "en": "TensorBoard's own reader could not read the event files ({error}). Let only `SummaryWriter` write "
              "them; don't put files into `runs/` by hand.",
    },
    "deney_add_scalars": {
        "tr": "`{where}` için değerler `writer.add_scalars(...)` ile yazılmış: bu fonksiyon her seriyi ayrı bir "
              "alt klasöre (ayrı bir çalıştırma olarak) yazar ve seri adları (tag) beklenenler olmaz. Her değeri "
              "`writer.add_scalar(tag, değer, global_step=epoch)` ile, şu dört seri adıyla yazın: " + _TAGS_TR + ".",
        "en": "The values for `{where}` were written with `writer.add_scalars(...)`: it writes every series into a "
              "sub-folder of its own (as a separate run) and the tags are not the expected ones. Write each "
              "value with `writer.add_scalar(tag, value, global_step=epoch)` under these four tags: "
              "`Loss/train`, `Loss/test`, `Accuracy/train`, `Accuracy/test`.",
    },
    "deney_no_scalars": {
        "tr": "`{where}` için yazıcıya hiç sayı yazılmamış: olay dosyası var ama içinde değer yok. Her epoğun "
              "sonunda dört değeri `writer.add_scalar(...)` ile yazın (" + _TAGS_TR + "); `train` fonksiyonuna "
              "yazıcıyı `writer=writer` ile verin ve çalıştırma bitince `writer.close()` çağırın.",
        "en": "Nothing was written to the writer for `{where}`: there is an event file but no values in it. At "
              "the end of every epoch write the four values with `writer.add_scalar(...)` (`Loss/train`, "
              "`Loss/test`, `Accuracy/train`, `Accuracy/test`); pass the writer to `train` with `writer=writer` "
              "and call `writer.close()` when the run is over.",
    },
    "deney_tags_wrong": {
        "tr": "`{where}` için şu seri adları (tag) eksik: {missing}. Yazılanlar: {got}. Seri adları tam olarak "
              + _TAGS_TR + " olmalı (büyük-küçük harf ve `/` dahil): TensorBoard aynı ön eki taşıyan serileri "
              "(`Loss/...`) aynı bölümde gösterir.",
        "en": "These tags are missing for `{where}`: {missing}. Written: {got}. The tags must be exactly "
              "`Loss/train`, `Loss/test`, `Accuracy/train`, `Accuracy/test` (case and `/` included): TensorBoard "
              "shows series with the same prefix (`Loss/...`) in the same section.",
    },
    "deney_not_finite": {
        "tr": "`{where}` içindeki `{tag}` serisinde sonlu olmayan (NaN ya da sonsuz) bir değer var.",
        "en": "The `{tag}` series of `{where}` has a value that is not finite (NaN or infinite).",
    },
    "deney_accuracy_percent": {
        "tr": "`{where}` içindeki `{tag}` serisi yüzde olarak yazılmış (en büyük değer {got:.2f}): bu not "
              "defterinde doğruluk, `test_step` ile `train_step` fonksiyonlarının döndürdüğü gibi 0 ile 1 "
              "arasında bir kesirdir. 100 ile çarpmayın.",
        "en": "The `{tag}` series of `{where}` is written as a percentage (largest value {got:.2f}): in this "
              "notebook accuracy is a fraction between 0 and 1, as `test_step` and `train_step` return it. Don't "
              "multiply by 100.",
    },
    "deney_accuracy_range": {
        "tr": "`{where}` içindeki `{tag}` serisinde 0 ile 1 arasında olmayan bir değer var ({got:.4f}): doğruluk "
              "0 ile 1 arasında bir kesirdir. Seriye doğru değeri yazdığınızdan emin olun.",
        "en": "The `{tag}` series of `{where}` has a value outside 0 to 1 ({got:.4f}): accuracy is a fraction "
              "between 0 and 1. Make sure you write the right value to the series.",
    },
    # --- train ------------------------------------------------------------------------------------------
    "deney_train_signature": {
        "tr": "`train` şöyle çağrılabilmeli: `train(model, train_dataloader, test_dataloader, optimizer, loss_fn, "
              "epochs, device, writer)` (parametre adları tam olarak böyle). Sorun: {error}",
        "en": "`train` must be callable as `train(model, train_dataloader, test_dataloader, optimizer, loss_fn, "
              "epochs, device, writer)` (exactly these parameter names). Problem: {error}",
    },
    "deney_train_replay": {
        "tr": "`train` sonrasında modelin parametreleri, {epochs} epok boyunca her epokta bir kez `train_step` ve "
              "bir kez `test_step` çağrılınca oluşacak değerlerden farklı (notlandırıcı aynı adımları modelin bir "
              "kopyasında tekrarladı). Döngü tam `epochs` kez dönmeli; `train_step` fonksiyonuna "
              "`train_dataloader`, `test_step` fonksiyonuna `test_dataloader` verin ve kendisine gelen "
              "`optimizer` ile `loss_fn` dışında yenisini oluşturmayın.",
        "en": "After `train` the model's parameters differ from what {epochs} epochs of one `train_step` and one "
              "`test_step` call each give (the grader repeated the same steps on a copy of the model). The loop "
              "must run exactly `epochs` times; pass `train_dataloader` to `train_step` and `test_dataloader` to "
              "`test_step`, and create no optimizer or loss function besides the ones passed in.",
    },
    "deney_steps_wrong": {
        "tr": "`train` çalışınca `{tag}` serisine {count} değer yazıldı (epok numaraları {steps}), ama {epochs} "
              "epokta epok başına tam bir değer bekleniyor. Değerleri döngünün içinde, her epokta bir kez ve "
              "`global_step=epoch` ile yazın (epoklar 0'dan başlar).",
        "en": "When `train` ran, {count} values were written to the `{tag}` series (steps {steps}), but one value "
              "per epoch is expected over {epochs} epochs. Write the values inside the loop, once per epoch, "
              "with `global_step=epoch` (epochs start at 0).",
    },
    "deney_tags_swapped": {
        "tr": "`{tag}` serisine yazılan değerler aslında `{other}` değerleri (notlandırıcı aynı epokları kendisi "
              "tekrarlayıp karşılaştırdı). Her seri adının yanına kendi değerini yazın: eğitim kaybı → "
              "`Loss/train`, test kaybı → `Loss/test`, eğitim doğruluğu → `Accuracy/train`, test doğruluğu → "
              "`Accuracy/test`.",
        "en": "The values written to `{tag}` are in fact those of `{other}` (the grader repeated the same epochs "
              "itself and compared). Write each tag with its own value: training loss → `Loss/train`, test "
              "loss → `Loss/test`, training accuracy → `Accuracy/train`, test accuracy → `Accuracy/test`.",
    },
    "deney_values_wrong": {
        "tr": "`{tag}` serisine yazılan değerler {got}, ama notlandırıcının aynı epoklarda ölçtüğü değerler "
              "{expected}. Her epokta `train_step` ve `test_step` fonksiyonlarının döndürdüğü sayıları olduğu gibi "
              "(epok sonunda, değiştirmeden) yazın.",
        "en": "The values written to `{tag}` are {got}, but the grader measured {expected} over the same epochs. "
              "Every epoch, write the numbers `train_step` and `test_step` return as they are (at the end of the "
              "epoch, unchanged).",
    },
    "deney_train_writer_none": {
        "tr": "`train(..., writer=None)` hata verdi: {error}. Yazıcı verilmediğinde `train` yine eğitmeli ama "
              "hiçbir şey yazmamalı: yazma satırlarını `if writer is not None:` koşulunun içine alın.",
        "en": "`train(..., writer=None)` raised an error: {error}. Without a writer `train` must still train but "
              "write nothing: put the writing lines inside `if writer is not None:`.",
    },
    # --- experiments --------------------------------------------------------------------------------------
    "deney_no_runs": {
        "tr": "Çalışma klasöründe `runs/` klasörü ya da içinde olay dosyası (event file) yok: deneylerin "
              "yazıcıları `create_writer` ile oluşturulmalı ve her deneyden sonra `writer.close()` çağrılmalı.",
        "en": "There is no `runs/` folder in the working folder, or no event file in it: the experiments' writers "
              "must be created with `create_writer`, and `writer.close()` called after every experiment.",
    },
    "deney_runs_merged": {
        "tr": "`{run}` çalıştırmasının `{tag}` serisinde {count} değer var, ama bu ad altında en fazla {epochs} "
              "epok beklenir: birden fazla deney aynı ada (aynı kayıt klasörüne) yazılmış, eğrileri birbirine "
              "karışıyor. Her deneyin yazıcısını kendi adlarıyla oluşturun: `create_writer(experiment_name="
              "veri_adı, model_name=model_adı, extra=f\"{{epochs}}_epochs\")`. (Izgarayı yeniden çalıştırdıysanız "
              "önce üstündeki hazır hücreyi çalıştırın: eski `runs/` klasörünü siler.)",
        "en": "The `{tag}` series of the `{run}` run holds {count} values, but at most {epochs} epochs are expected "
              "under this name: several experiments were written under the same name (the same log folder) and "
              "their curves are mixed up. Create each experiment's writer with its own names: "
              "`create_writer(experiment_name=data_name, model_name=model_name, extra=f\"{{epochs}}_epochs\")`. "
              "(If you ran the grid again, first run the given cell above it: it deletes the old `runs/` folder.)",
    },
    "deney_runs_missing": {
        "tr": "`runs/` klasöründe şu çalıştırmalar yok: {missing}. Bulunan klasörler: {found}. Izgaradaki her "
              "deney (veri miktarı × model × epok sayısı) `runs/<veri_adı>/<model_adı>/<epok>_epochs` klasörüne "
              "yazılmalı; adlar `TRAIN_DATALOADERS` ve `MODELS` sözlüklerinin anahtarlarından ve "
              "`f\"{{epochs}}_epochs\"` biçiminden gelir.",
        "en": "These runs are missing from `runs/`: {missing}. Folders found: {found}. Every experiment of the grid "
              "(data amount × model × epochs) must write to `runs/<data_name>/<model_name>/<epochs>_epochs`; the "
              "names are the keys of `TRAIN_DATALOADERS` and `MODELS` and the form `f\"{{epochs}}_epochs\"`.",
    },
    "deney_events_missing": {
        "tr": "`{run}` çalıştırmasının `{tag}` serisinde {count} değer var, {epochs} olmalı (epok başına bir): "
              "bazı değerler olay dosyasına ulaşmamış. Yazıcıyı `train` fonksiyonuna verin (`writer=writer`) ve "
              "her deneyden sonra `writer.close()` çağırın: `close` bekleyen her şeyi dosyaya yazar (`flush`) ve "
              "dosyayı kapatır.",
        "en": "The `{tag}` series of the `{run}` run holds {count} values, it needs {epochs} (one per epoch): some "
              "values never reached the event file. Pass the writer to `train` (`writer=writer`) and call "
              "`writer.close()` after every experiment: `close` writes out everything pending (`flush`) and "
              "closes the file.",
    },
    "deney_results_keys": {
        "tr": "`experiment_results` sözlüğünün anahtarları {got}, ama tam olarak ızgaranın çalıştırma adları "
              "olmalı: {expected} (her biri `train` fonksiyonunun döndürdüğü sözlük).",
        "en": "The keys of `experiment_results` are {got}, but they must be exactly the grid's run names: "
              "{expected} (each holding the dict `train` returned).",
    },
    "deney_models_type": {
        "tr": "`trained_models` bir sözlük olmalı: her çalıştırmanın adı → o çalıştırmada eğitilen model. "
              "Değerinin tipi `{got}`. Döngülerden önce `trained_models = {{}}` oluşturun ve her deneyden sonra "
              "`trained_models[run_name] = model` yazın.",
        "en": "`trained_models` must be a dict: each run's name → the model trained in that run. Its value's type "
              "is `{got}`. Create `trained_models = {{}}` before the loops and write "
              "`trained_models[run_name] = model` after every experiment.",
    },
    "deney_models_missing": {
        "tr": "`trained_models` sözlüğünde şu çalıştırmaların modeli yok: {missing}. Anahtarlar: {got}. Her "
              "deneyden sonra eğitilen modeli çalıştırmanın adıyla saklayın: `trained_models[run_name] = model` "
              "(`experiment_results` ile aynı anahtarlar).",
        "en": "`trained_models` has no model for these runs: {missing}. Keys: {got}. After every experiment store "
              "the trained model under the run's name: `trained_models[run_name] = model` (the same keys as "
              "`experiment_results`).",
    },
    "deney_model_state": {
        "tr": "`trained_models` içinde `{run}` adıyla duran şey bu çalıştırmanın modeline (`TinyVGG(input_shape=1, "
              "hidden_units={hidden_units}, output_shape=10)`) uymuyor (`{got}`): anahtarlar, şekiller ya da tip "
              "farklı. Oraya o deneyde eğitilen modelin kendisini koyun ve not defterindeki `TinyVGG` sınıfını "
              "değiştirmeyin.",
        "en": "What `trained_models` holds under `{run}` does not fit this run's model (`TinyVGG(input_shape=1, "
              "hidden_units={hidden_units}, output_shape=10)`) (`{got}`): the keys, shapes or types differ. Put "
              "the model trained in that experiment there, and don't change the notebook's `TinyVGG` class.",
    },
    "deney_logs_not_model": {
        "tr": "`runs/{run}` çalıştırmasının son epokta yazdığı `{tag}` değeri {logged:.4f}, ama notlandırıcı "
              "`trained_models` içinde bu adla duran modeli kendisi kurup not defterinin test kümesinde ölçünce "
              "{measured:.4f} buldu. Yazılan sayılar ve saklanan model aynı eğitimden gelmeli: her deneyde yeni "
              "modeli `train` ile eğitin, değerleri o eğitim sırasında yazın ve eğitilen aynı modeli "
              "`trained_models[run_name]` içine koyun (sayıları elle yazmayın, modeli yeniden oluşturmayın).",
        "en": "The `{tag}` value the `runs/{run}` run logged in its last epoch is {logged:.4f}, but the grader "
              "rebuilt the model `trained_models` holds under this name and measured {measured:.4f} on the "
              "notebook's test set. The logged numbers and the stored model must come from the same training: "
              "in every experiment train the new model with `train`, log the values during that training and "
              "put that same trained model into `trained_models[run_name]` (don't write numbers by hand, don't "
              "create the model anew).",
    },
    # --- best_model ---------------------------------------------------------------------------------------
    "deney_best_no_logs": {
        "tr": "En iyi çalıştırmayı seçmek için `runs/{run}` klasöründeki `{tag}` serisi gerekiyor, ama "
              "bulunamadı: önce `experiments` alıştırmasının kontrolünün geçtiğinden emin olun.",
        "en": "Choosing the best run needs the `{tag}` series of `runs/{run}`, but it is not there: first make "
              "sure the check of the `experiments` exercise passes.",
    },
    "deney_best_run_unknown": {
        "tr": "`best_run` ızgaradaki çalıştırma adlarından biri olmalı ({expected}), ama değeri `{got}`.",
        "en": "`best_run` must be one of the grid's run names ({expected}), but it is `{got}`.",
    },
    "deney_best_by_train": {
        "tr": "`best_run` = `{got}` eğitim doğruluğu en yüksek çalıştırma, ama en iyi model test doğruluğuna "
              "göre seçilir: `{got}` son epokta test kümesinde {got_acc:.3f}, `{best}` ise {best_acc:.3f} yazdı. "
              "Eğitim doğruluğu modelin gördüğü veride ölçülür; ezberleyen (aşırı öğrenen) bir model de orada "
              "yüksek çıkar. Son epoğun `test_acc` değerine bakın. (Bu seçim not defterinin test yarısını bir "
              "doğrulama kümesine çevirir; gerçek testi notlandırıcı, sakladığı öteki yarıda yapar.)",
        "en": "`best_run` = `{got}` is the run with the highest training accuracy, but the best model is chosen by "
              "test accuracy: in the last epoch `{got}` logged {got_acc:.3f} on the test set, `{best}` "
              "{best_acc:.3f}. Training accuracy is measured on data the model has seen; a model that memorizes "
              "(overfits) scores high there too. Look at the last epoch's `test_acc`. (Choosing on it turns the "
              "notebook's test half into a validation set; the grader runs the real test on the other half it keeps.)",
    },
    "deney_best_not_best": {
        "tr": "`best_run` = `{got}` son epokta test kümesinde {got_acc:.3f} doğruluk yazdı, ama `{best}` "
              "{best_acc:.3f} yazdı. En iyi çalıştırma, son epoktaki test doğruluğu (`test_acc` listesinin son "
              "elemanı) en yüksek olandır.",
        "en": "`best_run` = `{got}` logged {got_acc:.3f} test accuracy in its last epoch, but `{best}` logged "
              "{best_acc:.3f}. The best run is the one with the highest test accuracy in its last epoch (the last "
              "item of its `test_acc` list).",
    },
    "deney_best_not_saved": {
        "tr": "`best_model_path` yolunda bir dosya yok ({path}): en iyi modelin `state_dict` sözlüğünü "
              "`torch.save` ile bu yola kaydedin.",
        "en": "There is no file at `best_model_path` ({path}): save the best model's `state_dict` to this path "
              "with `torch.save`.",
    },
    "deney_best_not_state_dict": {
        "tr": "`best_model_path` dosyası bir `state_dict` içermiyor (`{got}`): modelin kendisini değil, "
              "`model.state_dict()` sözlüğünü kaydedin.",
        "en": "The file at `best_model_path` does not hold a `state_dict` (`{got}`): save `model.state_dict()`, not "
              "the model itself.",
    },
    "deney_saved_other_size": {
        "tr": "Kaydedilen model `{best_run}` çalıştırmasının modeli değil: ağırlıkları `{model_name}` boyutunda "
              "bir TinyVGG'ye ait. Son eğitilen modeli değil, `best_run` çalıştırmasında eğitilen modeli "
              "kaydedin (ör. her modeli çalıştırma adıyla `trained_models` sözlüğünde tutun).",
        "en": "The saved model is not the model of the `{best_run}` run: its weights belong to a TinyVGG of size "
              "`{model_name}`. Save the model trained in the `best_run` run, not the last one trained (e.g. keep "
              "every model in `trained_models` under its run name).",
    },
    "deney_best_state": {
        "tr": "Kaydedilen `state_dict`, `{best_run}` çalıştırmasının modeline (`TinyVGG(input_shape=1, "
              "hidden_units={hidden_units}, output_shape=10)`) uymuyor: anahtarlar ya da şekiller farklı. Not "
              "defterindeki `TinyVGG` sınıfını değiştirmeyin ve en iyi modelin `state_dict()` sözlüğünü "
              "kaydedin.",
        "en": "The saved `state_dict` does not fit the model of the `{best_run}` run (`TinyVGG(input_shape=1, "
              "hidden_units={hidden_units}, output_shape=10)`): the keys or shapes differ. Don't change the "
              "notebook's `TinyVGG` class, and save the best model's `state_dict()`.",
    },
    "deney_saved_not_best": {
        "tr": "Kaydedilen model, not defterinin test kümesinde {acc:.3f} doğruluk veriyor (notlandırıcının "
              "ölçümü), ama `{best_run}` çalıştırması son epokta {best_acc:.3f} yazdı (izin verilen fark "
              "{tol}): kaydedilen model `{best_run}` çalıştırmasının eğitilmiş modeli değil. Döngüden sonra "
              "`model` değişkeni son eğitilen modeldir; her modeli çalıştırma adıyla saklayın "
              "(`trained_models`) ve `best_run` adlı olanı kaydedin.",
        "en": "The saved model reaches {acc:.3f} accuracy on the notebook's test set (the grader's measurement), "
              "but the `{best_run}` run logged {best_acc:.3f} in its last epoch (allowed difference {tol}): the "
              "saved model is not the trained model of the `{best_run}` run. After the loop, `model` is the last "
              "model trained; keep every model under its run name (`trained_models`) and save the one called "
              "`best_run`.",
    },
    "deney_best_low": {
        "tr": "Kaydedilen en iyi model (`{best_run}`), notlandırıcının kendi ayırdığı ve not defterinin hiç "
              "görmediği rakamlarda {acc:.3f} doğruluk verdi; en az {threshold:.2f} olmalı. Izgarayı verilen "
              "ayarlarla (`LR`, `BATCH_SIZE`, `torch.manual_seed(42)`) çalıştırın; en iyi çalıştırma "
              "0.90'ın üzerine çıkar.",
        "en": "The saved best model (`{best_run}`) reached {acc:.3f} accuracy on digits the grader kept aside and "
              "the notebook never saw; it needs at least {threshold:.2f}. Run the grid with the given settings "
              "(`LR`, `BATCH_SIZE`, `torch.manual_seed(42)`); the best run gets above 0.90.",
    },
})
