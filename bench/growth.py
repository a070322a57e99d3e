"""How the pipeline grows with the data: synthetic trackers of 100, 1,000 and 10,000 articles
(about 1,000, 10,000 and 100,000 facts), through every stage of a build, with the time and peak
memory of each stage and the ratios from one size to the next; then the full build as an editor
runs it (what `python -m scripts build` does, in a fresh process), timed from outside.

    .venv/bin/python bench/growth.py [--articles 100 1000 10000] [--repeat 1] [--runs-above 1000]

Aims: the largest full build under 60 s; no stage costing more than 11 times as much for 10 times
the data. Each size runs in a process of its own, after a warm-up on a 14-article tracker (so
one-off costs such as imports are not counted as growth). Peak memory is the process's peak
resident set size during the stage (Linux VmHWM, reset before each stage). Each stage runs three
times from empty caches and the fastest run counts; then once more under cProfile, to count the
Python function calls it makes (the largest size runs each stage once, uncounted: cProfile would
double its time). This machine runs short jobs several times faster than long ones
(its processor time is rationed by the host and it pauses for hundreds of milliseconds at
random), so a time ratio between a 0.1 s stage and a 10 s stage says more about the machine than
about the code; the ratio of function calls is the work itself.
"""

from __future__ import annotations

import argparse
import json
import gc
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fresh import against_reference, empty_caches, reference_seconds  # noqa: E402
from bench.synthetic import build_synthetic  # noqa: E402
from scripts.paths import ProjectPaths  # noqa: E402

T = TypeVar("T")

STAGES = ("load", "validate", "extract", "render", "engine")
RUNS = 3  # per stage, caches emptied before each: the fastest counts
COUNT_CALLS = True


def peak_resident_bytes() -> int:
    """The process's peak resident set size since the last reset (Linux: VmHWM)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")  # resets VmHWM to the current resident set size


@dataclass
class Measure:
    seconds: float = 0.0  # wall time
    peak: int = 0  # bytes
    cpu: float = 0.0  # processor seconds (user + system)
    calls: int = 0  # Python function calls in one run: the work itself, which no pause can change

    def best(self, other: Measure) -> Measure:
        """The faster of two runs, the higher peak."""
        return Measure(min(self.seconds, other.seconds), max(self.peak, other.peak), min(self.cpu, other.cpu),
                       max(self.calls, other.calls))


@contextmanager
def measured() -> Iterator[Measure]:
    """Wall time of the block and the process's peak resident set size while it ran."""
    result = Measure()
    gc.collect()
    reset_peak()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        yield result
    finally:
        result.seconds = time.perf_counter() - started
        result.cpu = time.process_time() - cpu
        result.peak = peak_resident_bytes()


def fresh_start(dataset) -> None:
    """Empty what one run of a stage leaves for the next: the project's caches and the dataset's
    indexes, so every run does fresh work (no cache hit is reported as a time)."""
    empty_caches()
    if dataset is not None:
        for index in ("_by_metric", "_by_source", "_events_by_source"):
            dataset.__dict__.pop(index, None)


def best_of(runs: int, stage: Callable[[], T], dataset=None) -> tuple[T, Measure]:
    """Run a stage ``runs`` times from a fresh start; the fastest run and the highest peak. The
    fastest is the one this machine's random pauses (hundreds of ms) hit least."""
    best: Measure | None = None
    value = None
    for _ in range(runs):
        fresh_start(dataset)
        with measured() as m:
            value = stage()
        best = m if best is None else best.best(m)
    if COUNT_CALLS:
        import cProfile
        import pstats

        fresh_start(dataset)
        profile = cProfile.Profile()
        profile.runcall(stage)
        best.calls = pstats.Stats(profile).total_calls
    return value, best


def run_stages(paths: ProjectPaths, site_dir: Path, runs: int = RUNS,
               count_calls: bool = True) -> tuple[dict[str, Measure], dict[str, int]]:
    """Each stage of a build on its own, in the order the build runs them, each handed the
    previous stage's result as the build hands it on: load, validate, render (into the staging
    folder), engine (MkDocs on that folder); and extract, which a build does not run."""
    from scripts.engines import run_mkdocs
    from scripts.extract.articles import read_article
    from scripts.extract.candidates import extract_text
    from scripts.extract.classify import Vocabulary
    from scripts.extract.queue import curated_keys, pending
    from scripts.load import load_dataset
    from scripts.schema import Schemas
    from scripts.staging import Stage, read_settings, stage_site
    from scripts.validate import check_dataset

    global COUNT_CALLS
    COUNT_CALLS = count_calls
    out: dict[str, Measure] = {}
    (dataset, loaded), out["load"] = best_of(runs, lambda: load_dataset(paths))
    gc.freeze()  # as scripts.build does once the data is loaded
    found, out["validate"] = best_of(runs, lambda: list(check_dataset(dataset)))
    problems = loaded + found
    errors = [p.format() for p in problems if p.severity == "error"]
    assert not errors, errors[:3]

    def extract() -> int:
        vocab = Vocabulary.of(dataset.metrics)
        curated = curated_keys(dataset)
        schemas = Schemas.read(paths.schemas)
        proposed = 0
        for path in sorted(paths.seeds.glob("*.md")):
            article = read_article(path, paths, schemas=schemas)
            proposed += len(pending(extract_text(article.source, article.body, article.published, vocab), curated))
        return proposed

    proposed, out["extract"] = best_of(runs, extract)
    stage = Stage.of(paths, "staging")
    settings = read_settings(paths, dataset.story)

    def render() -> int:
        shutil.rmtree(stage.folder, ignore_errors=True)  # every file written, as in a first build
        staged, _ = stage_site(paths, dataset, settings, stage)
        return len(staged.files)

    files, out["render"] = best_of(runs, render, dataset)
    _, out["engine"] = best_of(runs, lambda: run_mkdocs(stage.config, site_dir, False, "1767225600"))
    gc.unfreeze()
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    sizes = {"articles": len(dataset.seeds), "facts": len(dataset.observations), "metrics": len(dataset.metrics),
             "pages": pages, "proposed": proposed, "generated files": files}
    return out, sizes


def full_build(root: Path) -> Measure:
    """The build command's work (scripts.build.build_site) in a fresh process, Python's start-up
    included: wall time, and the peak resident set size the process itself reports."""
    code = ("import sys; sys.path.insert(0, %r); from pathlib import Path; from scripts.paths import ProjectPaths;"
            " from scripts.build import build_site; from bench.growth import peak_resident_bytes;"
            " build_site(ProjectPaths(Path(%r))); print(peak_resident_bytes())"
            % (str(Path(__file__).resolve().parent.parent), str(root)))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stdout}\n{done.stderr}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Measure(seconds, int(done.stdout.split()[-1]), usage.ru_utime + usage.ru_stime - cpu)


Size = tuple[dict[str, Measure], dict[str, int]]


def one_size(articles: int, workdir: Path, repeat: int, runs: int, count_calls: bool) -> Size:
    """Stages in child processes of their own (so sizes share no memory or caches), ``repeat``
    times; each stage's fastest time and highest peak."""
    import json

    best: dict[str, Measure] = {}
    sizes: dict[str, int] = {}
    for run in range(repeat):
        report = workdir / f"stages-{articles}-{run}.json"
        code = ("import sys; sys.path.insert(0, %r); from pathlib import Path; from bench.growth import stages_to_json;"
                " stages_to_json(%d, Path(%r), Path(%r), %d, %r)"
                % (str(Path(__file__).resolve().parent.parent), articles, str(workdir / f"run-{run}"), str(report),
                   runs, count_calls))
        subprocess.run([sys.executable, "-c", code], check=True)
        data = json.loads(report.read_text())
        sizes = data["sizes"]
        for stage, values in data["stages"].items():
            m = Measure(**values)
            best[stage] = best[stage].best(m) if stage in best else m
    return best, sizes


def stages_to_json(articles: int, workdir: Path, report: Path, runs: int = RUNS, count_calls: bool = True) -> None:
    import json

    # One-off costs (imports, compiling the schemas, loading the theme) paid on a tiny tracker first.
    run_stages(build_synthetic(workdir / f"warm-up-{articles}", 14), workdir / f"warm-up-site-{articles}", 1, False)
    workdir.mkdir(parents=True, exist_ok=True)
    root = workdir / f"tracker-{articles}"
    paths = build_synthetic(root, articles)
    stages, sizes = run_stages(paths, workdir / f"site-{articles}", runs, count_calls)
    shutil.rmtree(workdir / f"site-{articles}", ignore_errors=True)
    stages["full build"] = full_build(root)
    report.write_text(json.dumps({"stages": {k: vars(v) for k, v in stages.items()}, "sizes": sizes}))


def table(results: list[Size], show: Callable[[str], None] = print) -> list[float]:
    """Sizes, then each stage's time and peak memory at each size, and the ratios of the last size
    to the one before it (time, processor time, function calls: the work itself, memory)."""
    show(f"{'':16}" + "".join(f"{'size ' + str(i + 1):>12}" for i in range(len(results))))
    for key in results[0][1]:
        show(f"{key:16}" + "".join(f"{r[1][key]:>12,}" for r in results))
    head = "".join(f"{'s':>9}{'MB':>6}" for _ in results)
    show(f"\n{'stage':12}{head}   then, from each size to the next: time ×, cpu ×, calls ×, memory ×")
    worst = []
    for stage in (*STAGES, "full build"):
        cells = "".join(f"{r[0][stage].seconds:9.2f}{r[0][stage].peak / 2**20:6.0f}" for r in results)
        ratios = []
        for small, large in zip(results, results[1:]):
            s, big = small[0][stage], large[0][stage]
            calls = f"{big.calls / s.calls:.1f}" if s.calls and big.calls else "–"
            ratios.append(f"{big.seconds / s.seconds:.1f}, {big.cpu / s.cpu:.1f}, {calls}, {big.peak / s.peak:.1f}")
            if stage in STAGES and s.calls and big.calls:
                worst.append(big.calls / s.calls)
        show(f"{stage:12}{cells}   " + " | ".join(ratios))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 1000, 10000],
                        help="the sizes, smallest first (each is the synthetic articles; the real ones are added)")
    parser.add_argument("--repeat", type=int, default=1, help="processes per size; the fastest of each stage counts")
    parser.add_argument("--runs-above", type=int, default=1000,
                        help="sizes above this run each stage once, without counting calls (cProfile doubles the time)")
    args = parser.parse_args()
    reference = reference_seconds()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for articles in args.articles:
            large = articles > args.runs_above
            results.append(one_size(articles, Path(folder), args.repeat, 1 if large else RUNS, not large))
            keep = Path(__file__).resolve().parent / "results" / f"growth-{articles}.json"  # git-ignored
            keep.parent.mkdir(exist_ok=True)
            keep.write_text(json.dumps({"stages": {k: vars(v) for k, v in results[-1][0].items()},
                                        "sizes": results[-1][1]}), encoding="utf-8")
            print(f"size {articles}: full build {results[-1][0]['full build'].seconds:.1f} s", flush=True)
    reference = min(reference, reference_seconds())
    worst = table(results)
    total = results[-1][0]["full build"].seconds
    print(f"\nfull build of the largest tracker: {total:.1f} s = {against_reference(total, reference)}; "
          f"largest ratio of work (function calls) from one size to the next: {max(worst, default=0):.1f}")


if __name__ == "__main__":
    main()
