"""09_deney_takibi: the checks in-process in both directions, forged answers, and one end-to-end run of the
solution (full points) and of the release (zero) through ``autograder check``.

The solution notebook's cells run once here (its grid of 8 small trainings, about 10 s), inside a temporary
working folder: ``runs/`` and ``models/`` land there, as in the grader's sandbox. The grid's typical logging
mistakes are played with a fast stand-in for ``train`` that does not train: it logs fixed training numbers and
the untrained model's honest test numbers (the experiments check ties each run's test log to its model).
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import torch
from helpers import (
    ROOT,
    assert_all_not_filled,
    both,
    check_json,
    expect_failure,
    notebook,
    solution_cells,
    solution_namespace,
)

from autograder import vision
from autograder.assignments import deney_takibi as m
from autograder.assignments.deney_takibi import events
from autograder.assignments.deney_takibi.reference import run_names
from autograder.errors import CheckFailure
from autograder.oracle import Oracle

NAME = "09_deney_takibi"


@contextlib.contextmanager
def inside(folder: Path):
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("deney")


@pytest.fixture(scope="module")
def ns(workdir):
    """The solution notebook's code cells run in ``workdir`` (its runs/ and models/ stay there)."""
    with inside(workdir):
        return solution_namespace(NAME)


@pytest.fixture
def solved(ns, workdir):
    """Checks that read the solution's runs/ or models/ run in its working folder."""
    with inside(workdir):
        yield ns


def define(ns: dict, source: str) -> dict:
    namespace = dict(ns)
    exec(textwrap.dedent(source), namespace)
    return namespace


def cell(name: str, old: str, new: str) -> str:
    source = solution_cells(NAME)[name]
    assert old in source, old
    return source.replace(old, new)


# --- the solution ------------------------------------------------------------------------------------------

def test_solution_passes_every_check(solved):
    ns = solved
    both(m.check_create_writer, ns["create_writer"])
    both(m.check_train, ns["train"])
    both(m.check_experiments, ns["experiment_results"], ns["trained_models"])
    both(m.check_best_model, ns["best_run"], ns["best_model_path"])
    assert sorted(ns["experiment_results"]) == sorted(run_names())


def test_the_grid_shows_the_lessons(ns):
    """More data and more epochs help; the best run reaches the stated 0.90, far above the threshold."""
    final = {run: results["test_acc"][-1] for run, results in ns["experiment_results"].items()}
    assert max(final.values()) >= 0.9 > m.BEST_THRESHOLD + 0.05
    assert final[ns["best_run"]] == max(final.values())
    assert all(final[f"data_100_percent/{model}/2_epochs"] > final[f"data_25_percent/{model}/2_epochs"]
               for model in m.checks.MODELS)


def test_checks_leave_the_working_folder_as_it_was(ns, tmp_path):
    with inside(tmp_path):
        m.check_create_writer(ns["create_writer"], hidden=True)
        m.check_train(ns["train"])
        assert list(tmp_path.iterdir()) == []


def test_host_does_not_import_tensorboard_until_a_judgement_needs_it():
    code = ("import sys, autograder.assignments.deney_takibi\n"
            "print(sorted(m for m in sys.modules if m.startswith(('tensorboard', 'torch.utils.tensorboard'))))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.stdout.strip() == "[]", proc.stderr


# --- create_writer -----------------------------------------------------------------------------------------

WRITERS = {
    "deney_writer_extra_folder": """
        from datetime import datetime
        def create_writer(experiment_name, model_name, extra=None):  # the course's version: a date folder
            timestamp = datetime.now().strftime("%Y-%m-%d")
            parts = [timestamp, experiment_name, model_name] + ([extra] if extra else [])
            return SummaryWriter(log_dir=os.path.join("runs", *parts))
    """,
    "deney_writer_extra_none": """
        def create_writer(experiment_name, model_name, extra=None):
            return SummaryWriter(log_dir=os.path.join("runs", experiment_name, model_name, str(extra)))
    """,
    "deney_writer_log_dir": """
        def create_writer(experiment_name, model_name, extra=None):  # "runs" forgotten
            parts = [experiment_name, model_name] + ([extra] if extra else [])
            return SummaryWriter(log_dir=os.path.join(*parts))
    """,
    "deney_writer_type": """
        def create_writer(experiment_name, model_name, extra=None):  # the return forgotten
            SummaryWriter(log_dir=os.path.join("runs", experiment_name, model_name))
    """,
    "deney_writer_signature": """
        def create_writer(name, model, extra=None):
            return SummaryWriter(log_dir=os.path.join("runs", name, model))
    """,
}


@pytest.mark.parametrize("key", sorted(WRITERS))
def test_create_writer_mistakes(ns, tmp_path, key):
    with inside(tmp_path):
        expect_failure(m.check_create_writer, define(ns, WRITERS[key])["create_writer"], key=key)


def test_create_writer_outside_the_working_folder(ns, tmp_path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    source = f"""
        def create_writer(experiment_name, model_name, extra=None):
            parts = [experiment_name, model_name] + ([extra] if extra else [])
            return SummaryWriter(log_dir=os.path.join({str(elsewhere)!r}, "runs", *parts))
    """
    with inside(tmp_path):
        expect_failure(m.check_create_writer, define(ns, source)["create_writer"], key="deney_writer_outside",
                       hidden=True)


def test_create_writer_alternatives_pass(ns, tmp_path):
    source = """
        from pathlib import Path
        def create_writer(experiment_name: str, model_name: str, extra: str = None):
            log_dir = Path.cwd() / "runs" / experiment_name / model_name   # absolute, inside the working folder
            return SummaryWriter(str(log_dir / extra if extra is not None else log_dir))
    """
    with inside(tmp_path):
        both(m.check_create_writer, define(ns, source)["create_writer"])


# --- train -------------------------------------------------------------------------------------------------

WRITES = ('            writer.add_scalar("Loss/train", train_loss, global_step=epoch)\n'
          '            writer.add_scalar("Loss/test", test_loss, global_step=epoch)\n'
          '            writer.add_scalar("Accuracy/train", train_acc, global_step=epoch)\n'
          '            writer.add_scalar("Accuracy/test", test_acc, global_step=epoch)\n')

TRAIN_MISTAKES = {
    "deney_accuracy_percent": ("train_acc, global_step", "train_acc * 100, global_step"),
    "deney_tags_wrong": ('"Loss/test"', '"test_loss"'),
    "deney_tags_swapped": ('"Loss/train", train_loss', '"Loss/train", test_loss'),
    "deney_steps_wrong": (", global_step=epoch)", ")"),
    "deney_no_scalars": (WRITES, "            pass\n"),
    "deney_add_scalars": (WRITES, '            writer.add_scalars("Loss", {"train_loss": train_loss, '
                                  '"test_loss": test_loss}, global_step=epoch)\n'
                                  '            writer.add_scalars("Accuracy", {"train_acc": train_acc, '
                                  '"test_acc": test_acc}, global_step=epoch)\n'),
    "deney_train_writer_none": ("        if writer is not None:\n", "        if True:\n"),
    "deney_train_replay": ("for epoch in range(epochs):", "for epoch in range(epochs + 1):"),
}


@pytest.mark.parametrize("key", sorted(TRAIN_MISTAKES))
def test_train_mistakes(ns, tmp_path, key):
    old, new = TRAIN_MISTAKES[key]
    with inside(tmp_path):
        expect_failure(m.check_train, define(ns, cell("train", old, new))["train"], key=key)


def test_train_written_in_several_steps_and_closed_inside_passes(ns, tmp_path):
    """Another correct loop: values written in a helper, epochs counted from 1 in the print, the writer closed
    (and reopened by TensorBoard) in every epoch as the course's engine does."""
    source = cell("train", WRITES, '            for tag, value in (("Loss/train", train_loss), ("Loss/test", test_loss),\n'
                                   '                               ("Accuracy/train", train_acc), ("Accuracy/test", test_acc)):\n'
                                   '                writer.add_scalar(tag, value, epoch)\n'
                                   '            writer.close()\n')
    with inside(tmp_path):
        both(m.check_train, define(ns, source)["train"])


# --- experiments: the grid's logs, written by a fast stand-in for train -------------------------------------

FAKE_TRAIN = """
    def train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device, writer=None):
        # no training: fixed training numbers, the (untrained) model's own test numbers
        size = len(train_dataloader.dataset) / 1438 + model.classifier[1].in_features / 392
        test_loss, test_acc = test_step(model, test_dataloader, loss_fn, device)
        results = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
        for epoch in range(epochs):
            acc = min(0.95, 0.1 + 0.2 * size * (epoch + 1))
            values = {"train_loss": 2.3 - 2 * acc, "train_acc": acc, "test_loss": test_loss, "test_acc": test_acc}
            for key, value in values.items():
                results[key].append(value)
            if writer is not None:
                writer.add_scalar("Loss/train", values["train_loss"], global_step=epoch)
                writer.add_scalar("Loss/test", values["test_loss"], global_step=epoch)
                writer.add_scalar("Accuracy/train", values["train_acc"] * SCALE, global_step=epoch)
                writer.add_scalar("Accuracy/test", values["test_acc"] * SCALE, global_step=epoch)
        return results
    SCALE = 1
"""


def grid(ns: dict, folder: Path, changes: tuple[tuple[str, str], ...] = (), fake: str = FAKE_TRAIN) -> dict:
    """The solution's grid cell (with ``changes``) run in ``folder`` with the fast ``train``."""
    source = solution_cells(NAME)["experiments"]
    for old, new in changes:
        assert old in source, old
        source = source.replace(old, new)
    namespace = define(ns, fake)
    with inside(folder), contextlib.redirect_stdout(io.StringIO()):
        exec(source, namespace)
    return namespace


def grid_values(namespace: dict) -> tuple[dict, dict]:
    """What the experiments check reads from a grid's namespace, in the spec's order."""
    return namespace["experiment_results"], namespace["trained_models"]


def test_the_fast_grid_passes(ns, tmp_path):
    namespace = grid(ns, tmp_path)
    with inside(tmp_path):
        both(m.check_experiments, *grid_values(namespace))
        started = time.perf_counter()
        m.check_experiments(*grid_values(namespace), hidden=True)
        elapsed = time.perf_counter() - started
    assert elapsed < 3, f"the experiments check took {elapsed:.2f} s"  # 8 tiny models on 180 digits


GRID_MISTAKES = {
    # every experiment under one name: the curves are merged into one run
    "merged_one_name": ('create_writer(experiment_name=data_name, model_name=model_name, extra=f"{epochs}_epochs")',
                        'create_writer(experiment_name="deneyler", model_name="tinyvgg")'),
    # extra forgotten: both epoch counts write into one folder
    "merged_no_extra": ('create_writer(experiment_name=data_name, model_name=model_name, extra=f"{epochs}_epochs")',
                        "create_writer(experiment_name=data_name, model_name=model_name)"),
    # the writer never given to train: folders with empty event files
    "writer_not_passed": ("epochs, device, writer=writer)", "epochs, device)"),
    # the epochs loop forgotten: the 1-epoch runs are missing
    "runs_missing": ("for epochs in NUM_EPOCHS:", "for epochs in NUM_EPOCHS[1:]:"),
    # experiment_results under other names than the runs'
    "results_keys": ("experiment_results[run_name] = train(", 'experiment_results[run_name.replace("/", "-")] = train('),
}
GRID_KEYS = {"merged_one_name": "deney_runs_merged", "merged_no_extra": "deney_runs_merged",
             "writer_not_passed": "deney_no_scalars", "runs_missing": "deney_runs_missing",
             "results_keys": "deney_results_keys"}


@pytest.mark.parametrize("mistake", sorted(GRID_MISTAKES))
def test_grid_mistakes(ns, tmp_path, mistake):
    namespace = grid(ns, tmp_path, (GRID_MISTAKES[mistake],))
    with inside(tmp_path):
        expect_failure(m.check_experiments, *grid_values(namespace), key=GRID_KEYS[mistake])


def test_grid_accuracy_in_percent(ns, tmp_path):
    namespace = grid(ns, tmp_path, fake=FAKE_TRAIN.replace("SCALE = 1", "SCALE = 100"))
    with inside(tmp_path):
        message = expect_failure(m.check_experiments, *grid_values(namespace), key="deney_accuracy_percent")
    assert "Accuracy/" in message and "100 ile çarpmayın" in message


def _keep_records(path: Path, count: int) -> None:
    """Cut an event file after its first ``count`` records (the file's header is the first): what stays on disk
    when a writer's last values were never flushed."""
    data, offset = path.read_bytes(), 0
    for _ in range(count):
        length = struct.unpack("<Q", data[offset:offset + 8])[0]
        offset += 8 + 4 + length + 4
    path.write_bytes(data[:offset])


def test_grid_values_never_flushed(ns, tmp_path):
    namespace = grid(ns, tmp_path)
    run = tmp_path / "runs" / "data_100_percent" / "tinyvgg_8" / "2_epochs"
    (event_file,) = run.iterdir()
    _keep_records(event_file, 1 + 4)  # the header and the first epoch's four values
    with inside(tmp_path):
        message = expect_failure(m.check_experiments, *grid_values(namespace), key="deney_events_missing")
    assert "writer.close()" in message


def test_grid_written_twice_is_merged(ns, tmp_path):
    """Running the grid a second time without the given cell that deletes runs/ appends a second file per run."""
    grid(ns, tmp_path)
    namespace = grid(ns, tmp_path)
    with inside(tmp_path):
        expect_failure(m.check_experiments, *grid_values(namespace), key="deney_runs_merged")


def test_no_runs_folder(ns, tmp_path):
    with inside(tmp_path):
        expect_failure(m.check_experiments, {}, {}, key="deney_no_runs")


# --- experiments: each run's log must come from the model stored for it -----------------------------------

def untrained_models(seed: int = 0) -> dict:
    torch.manual_seed(seed)
    return {run: vision.TinyVGG(1, m.checks.MODELS[run.split("/")[1]], 10) for run in run_names()}


def test_forged_logs_without_training_fail(ns, tmp_path):
    """The reviewer's attack: every run logged at 0.5 with a SummaryWriter, nothing trained; the models stored
    are untrained ones, or real trained ones that never produced those numbers."""
    logged_grid(tmp_path, {}, default=(0.5, 0.5))
    results = {run: {} for run in run_names()}
    with inside(tmp_path):
        message = expect_failure(m.check_experiments, results, untrained_models(), key="deney_logs_not_model")
        expect_failure(m.check_experiments, results, ns["trained_models"], key="deney_logs_not_model", hidden=True)
    assert "Accuracy/test" in message and "trained_models" in message


def test_real_logs_with_untrained_models_fail(solved):
    expect_failure(m.check_experiments, solved["experiment_results"], untrained_models(), key="deney_logs_not_model")


def test_trained_models_mistakes(solved):
    ns = solved
    results, models, runs = ns["experiment_results"], ns["trained_models"], run_names()
    expect_failure(m.check_experiments, results, list(models.values()), key="deney_models_type")
    expect_failure(m.check_experiments, results, {run: models[run] for run in runs[1:]}, key="deney_models_missing")
    other_size = {run: models[run] for run in runs}
    other_size["data_25_percent/tinyvgg_4/1_epochs"] = models["data_25_percent/tinyvgg_8/1_epochs"]
    expect_failure(m.check_experiments, results, other_size, key="deney_model_state")
    # the same model (the last one trained, say) stored under every name of its size
    same = {run: models["data_100_percent/tinyvgg_4/2_epochs"] if "tinyvgg_4" in run else models[run] for run in runs}
    expect_failure(m.check_experiments, results, same, key="deney_logs_not_model")
    # state_dicts in place of the models carry the same weights: accepted
    both(m.check_experiments, results, {run: model.state_dict() for run, model in models.items()})


# --- best_model --------------------------------------------------------------------------------------------

def test_best_model_mistakes_on_the_real_grid(solved, workdir):
    ns = solved
    best = ns["best_run"]
    size = best.split("/")[1]
    other_size = next(name for name in m.checks.MODELS if name != size)
    weak_same_size = f"data_25_percent/{size}/1_epochs"
    path = workdir / "models" / "yanlis.pth"

    torch.save(ns["trained_models"][weak_same_size].state_dict(), path)  # another run's model, same size
    expect_failure(m.check_best_model, best, path, key="deney_saved_not_best")
    torch.save(ns["trained_models"][f"data_100_percent/{other_size}/2_epochs"].state_dict(), path)
    expect_failure(m.check_best_model, best, path, key="deney_saved_other_size")
    whole = vision.TinyVGG(1, 4, 10)  # a class importable here (the notebook's lives in an exec namespace)
    torch.save(whole, path)  # the whole model pickled, not its state_dict
    expect_failure(m.check_best_model, best, path, key="deney_best_not_state_dict")
    expect_failure(m.check_best_model, best, workdir / "models" / "yok.pth", key="deney_best_not_saved")
    expect_failure(m.check_best_model, best.replace("/", "_"), ns["best_model_path"], key="deney_best_run_unknown")
    expect_failure(m.check_best_model, Path(best), ns["best_model_path"], key="deney_best_run_unknown")


def test_best_model_saving_the_loops_last_model(solved, workdir):
    """The ``model`` variable left over from the loops is the last experiment's model."""
    ns = solved
    last = list(ns["trained_models"])[-1]
    if last == ns["best_run"]:
        pytest.skip("here the last experiment is also the best")
    path = workdir / "models" / "son.pth"
    torch.save(ns["model"].state_dict(), path)
    with pytest.raises(CheckFailure) as info:
        m.check_best_model(ns["best_run"], path)
    assert info.value.key in ("deney_saved_other_size", "deney_saved_not_best")


FINALS = {  # run -> (final train accuracy, final test accuracy) written by a stand-in grid
    "data_100_percent/tinyvgg_8/2_epochs": (0.99, 0.80),   # memorizes: best on training data
    "data_100_percent/tinyvgg_4/2_epochs": (0.90, 0.92),   # best on test data
}


def logged_grid(folder: Path, finals: dict, default=(0.5, 0.5)) -> None:
    """Write runs/ as the grid would, with chosen final accuracies."""
    from torch.utils.tensorboard import SummaryWriter

    for run in run_names():
        train_acc, test_acc = finals.get(run, default)
        epochs = int(run.split("/")[2][0])
        writer = SummaryWriter(log_dir=str(folder / "runs" / run))
        for epoch in range(epochs):
            for tag, value in (("Loss/train", 1.0), ("Loss/test", 1.0), ("Accuracy/train", train_acc),
                               ("Accuracy/test", test_acc)):
                writer.add_scalar(tag, value, global_step=epoch)
        writer.close()


def test_best_chosen_by_training_accuracy(ns, tmp_path):
    logged_grid(tmp_path, FINALS)
    with inside(tmp_path):
        message = expect_failure(m.check_best_model, "data_100_percent/tinyvgg_8/2_epochs", "yok.pth",
                                 key="deney_best_by_train")
        expect_failure(m.check_best_model, "data_25_percent/tinyvgg_8/2_epochs", "yok.pth", key="deney_best_not_best")
        # within the tolerance of the best: the choice passes (the file is checked next)
        expect_failure(m.check_best_model, "data_100_percent/tinyvgg_4/2_epochs", "yok.pth", key="deney_best_not_saved")
    assert "test doğruluğuna" in message


def test_saved_model_better_than_best_runs_logs(solved, tmp_path):
    """Two-sided: a real trained model saved under forged logs (every run at 0.5) gives far more than
    ``best_run`` logged, so it is not that run's model."""
    best = solved["best_run"]
    logged_grid(tmp_path, {}, default=(0.5, 0.5))
    torch.save(solved["trained_models"][best].state_dict(), tmp_path / "en_iyi.pth")
    with inside(tmp_path):
        message = expect_failure(m.check_best_model, best, "en_iyi.pth", key="deney_saved_not_best")
    assert "0.500" in message


def test_best_model_must_reach_the_threshold_on_the_graders_digits(ns, tmp_path):
    """Logs and file agree (an untrained model, all runs logged at its test accuracy): only the held-out digits
    fail it."""
    torch.manual_seed(0)
    untrained = ns["TinyVGG"](1, 4, 10)
    accuracy = ns["test_step"](untrained, ns["test_dataloader"], ns["loss_fn"], "cpu")[1]
    logged_grid(tmp_path, {}, default=(accuracy, accuracy))
    with inside(tmp_path):
        torch.save(untrained.state_dict(), "en_iyi.pth")
        expect_failure(m.check_best_model, "data_25_percent/tinyvgg_4/1_epochs", "en_iyi.pth", key="deney_best_low")


# --- forged answers ----------------------------------------------------------------------------------------

class Forged(Oracle):
    """A kernel that answers whatever it likes."""

    package, cell = "deney_takibi", "forged"

    def __init__(self, answer):
        self.answer = answer

    def _answer(self, probe, query):
        return {"ok": self.answer(probe, query["inputs"])}


def judge_fails(check, answer, key: str) -> None:
    with pytest.raises(CheckFailure) as info:
        check.judge(Forged(answer), hidden=True)
    assert info.value.key == key, info.value.message("en")


def test_forged_answers_are_refused():
    judge_fails(m.check_experiments, lambda probe, inputs: {"runs": {"exists": True, "files": [
        ["a/events.out.tfevents.1", torch.zeros(4, dtype=torch.int64)]]}, "results": [], "trained": {}}, "bad_answer")
    judge_fails(m.check_experiments, lambda probe, inputs: {"runs": {"exists": True, "too_big": True, "count": 9,
                                                                     "bytes": 2**30}, "results": [], "trained": {}},
                "deney_runs_too_big")
    judge_fails(m.check_experiments, lambda probe, inputs: {"runs": {"exists": True, "files": [
        ["../../x/events.out.tfevents.1", torch.tensor(list(b"not an event file"), dtype=torch.uint8)]]},
        "results": [], "trained": {}}, "deney_runs_missing")
    judge_fails(m.check_create_writer, lambda probe, inputs: [{"is_writer": True}], "bad_answer")
    judge_fails(m.check_train, lambda probe, inputs: {"history": {}}, "bad_answer")


def _record(data: bytes) -> bytes:
    """One TFRecord: length, its masked CRC-32C, the data, the data's masked CRC-32C."""
    from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c

    header = struct.pack("<Q", len(data))
    return header + struct.pack("<I", masked_crc32c(header)) + data + struct.pack("<I", masked_crc32c(data))


def forged_event_file(values) -> bytes:
    """An event file written by hand: ``values`` are ``(step, summary_pb2.Summary.Value)`` pairs."""
    from tensorboard.compat.proto import event_pb2, summary_pb2

    records = [event_pb2.Event(wall_time=1.0, file_version="brain.Event:2")]
    records += [event_pb2.Event(wall_time=1.0, step=step, summary=summary_pb2.Summary(value=[value]))
                for step, value in values]
    return b"".join(_record(event.SerializeToString()) for event in records)


def tensor_value(tag: str, dims=(), dtype=None, **fields):
    from tensorboard.compat.proto import summary_pb2, tensor_pb2, tensor_shape_pb2, types_pb2

    shape = tensor_shape_pb2.TensorShapeProto(dim=[tensor_shape_pb2.TensorShapeProto.Dim(size=d) for d in dims])
    tensor = tensor_pb2.TensorProto(dtype=types_pb2.DT_FLOAT if dtype is None else dtype, tensor_shape=shape,
                                    **fields)
    return summary_pb2.Summary.Value(tag=tag, tensor=tensor)


def test_forged_tensor_events_never_grow_on_the_host(caplog, capfd):
    """The reviewer's attack: tensor events whose header claims 2**28 elements from one stored ``float_val``
    (TensorBoard's ``make_ndarray`` would build 1 GiB for each). The host reads no array from them: the tag
    is not a scalar series, the check fails with its message, memory stays small, and TensorBoard's warning
    about a kernel-chosen tag reaches neither the logs nor the output."""
    import resource

    from tensorboard.backend.event_processing import event_accumulator  # noqa: F401  (loaded before measuring)
    from tensorboard.compat.proto import summary_pb2

    first = run_names()[0]
    files = []
    for run in run_names():
        values = [(epoch, summary_pb2.Summary.Value(tag=tag, simple_value=0.5))
                  for epoch in range(int(run.split("/")[2][0])) for tag in ("Loss/train", "Loss/test", "Accuracy/train")]
        if run == first:
            values += [(0, tensor_value("Accuracy/test", dims=(2**28,), float_val=[1.0])),
                       (1, tensor_value("Accuracy/test", dims=(2**12, 2**12), float_val=[1.0])),
                       (0, summary_pb2.Summary.Value(tag="SALDIRI_etiketi", simple_value=1.0,
                                                     metadata=summary_pb2.SummaryMetadata(display_name="x")))]
        else:
            values += [(epoch, tensor_value("Accuracy/test", float_val=[0.5]))
                       for epoch in range(int(run.split("/")[2][0]))]
        files.append([f"{run}/events.out.tfevents.1", torch.tensor(list(forged_event_file(values)), dtype=torch.uint8)])
    answer = {"runs": {"exists": True, "files": files}, "results": run_names(), "trained": {}}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(CheckFailure) as info:
        m.check_experiments.judge(Forged(lambda probe, inputs: answer), hidden=True)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert info.value.key == "deney_tags_wrong", info.value.message("en")
    assert "`Accuracy/test`" in info.value.message("tr") and first in info.value.message("tr")
    assert grown_mb < 50 and time.perf_counter() - started < 5, grown_mb
    out, err = capfd.readouterr()
    assert "SALDIRI" not in out + err + caplog.text


def test_scalar_tensors_are_read():
    """What ``add_scalar(..., new_style=True)`` writes (a float tensor without dims) and other one-element
    float tensors are numbers; tensors of several elements, or of other dtypes, are not."""
    from tensorboard.compat.proto import types_pb2

    data = forged_event_file([
        (0, tensor_value("yeni", float_val=[0.25])),
        (0, tensor_value("cift", dims=(1, 1), dtype=types_pb2.DT_DOUBLE, double_val=[0.5])),
        (0, tensor_value("iki", dims=(2,), float_val=[1.0, 2.0])),
        (0, tensor_value("tamsayi", dtype=types_pb2.DT_INT32, int_val=[3])),
    ])
    assert events.read_scalars([("a/events.out.tfevents.1", data)]) == {"a": {"yeni": [(0, 0.25)], "cift": [(0, 0.5)]}}


def test_event_files_are_read_inside_a_private_folder(tmp_path):
    outside = tmp_path / "kacak"
    relative = os.path.relpath(outside, "/tmp") + "/events.out.tfevents.1"
    folders = events.read_scalars([("../" * 12 + relative, b"xx"), ("/etc/events.out.tfevents.2", b"")])
    assert not outside.exists() and all(".." not in folder.split("/") for folder in folders)


def test_collect_refuses_large_folders(tmp_path):
    (tmp_path / "runs" / "a").mkdir(parents=True)
    (tmp_path / "runs" / "a" / "events.out.tfevents.1").write_bytes(b"x" * (events.MAX_FILE_BYTES + 1))
    (tmp_path / "runs" / "a" / "notlar.txt").write_text("not an event file")
    assert events.collect(tmp_path / "runs")["too_big"] is True
    assert events.collect(tmp_path / "yok") == {"exists": False}


def test_hidden_checks_use_the_secret(solved):
    from autograder import secret

    secret.use(b"another course's secret")
    try:
        assert m.SEEDS[True] != m.SEEDS.hidden
        m.check_create_writer(solved["create_writer"], hidden=True)
        m.check_best_model(solved["best_run"], solved["best_model_path"], hidden=True)
    finally:
        secret.use(None)


# --- end to end --------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_solution_full_points_and_release_zero_through_check():
    with ThreadPoolExecutor(max_workers=2) as pool:
        solution = pool.submit(check_json, notebook("solutions", NAME))
        release = pool.submit(check_json, notebook("release", NAME))
        (code, result), (release_code, release_result) = solution.result(), release.result()
    assert code == 0, [t for t in result["tests"] if not t["passed"]]
    assert result["assignment"] == NAME and result["device"] == "cpu"
    assert [t["id"] for t in result["tests"]] == ["test_create_writer", "test_train", "test_experiments",
                                                   "test_best_model"]
    assert result["score"] == result["max_score"] == m.ASSIGNMENT.max_score == 11.0
    assert release_code == 1 and release_result["max_score"] == 11.0
    assert_all_not_filled(release_result)
