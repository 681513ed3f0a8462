"""The build benchmark (`make bench`): prints a table of figures; it is not a test.

- the full build of the real site (a fresh `mkdocs build --strict` process, as `make build`);
- the same pages built without the project's hooks (plain Material + i18n), each run paired with
  one of the real site: the median ratio of the pairs is the cost of the hooks;
- copies of the site with synthetic data sets (cities and actions in every language), to show
  how build time and output grow with the data: the cost per page at each size;
- the validation of a large data set (alliance.data.dataset.load_dataset);
- the slowest of the pathological practice texts of scripts/pathological.py (at the limits of
  alliance.data.contributed): its check and its rendering as the build renders a practice page
  (target: under 5 s per file).
- the preview's hints for problems that quote hostile values at the size limit.

Everything is built in temporary folders; the synthetic data is never written into data/.
Build times are the CPU seconds (user + system) of the `mkdocs build` process: on a shared
machine they vary far less than wall-clock time. The load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from alliance.assembly.generated import GENERATORS
from alliance.assembly.problempage import guides_hints, hint_for
from alliance.builtsite.keypages import KEY_PAGES, page_address
from alliance.builtsite.parse import BuiltSite
from alliance.builtsite.weight import page_weight, search_index_weights
from alliance.data.contributed import read_markdown, render_page
from alliance.data.dataset import load_dataset
from alliance.data.yamlload import MAX_TEXT
from alliance.paths import CONTENT_DIR, MKDOCS_YML, ROOT
from alliance.siteconfig import load_site_config
from scripts.pathological import pathological_texts
from scripts.synthetic import hostile_hint_messages, write_synthetic_data

# What a copy of the site needs besides data/ (alliance/ is imported from the project).
SITE_SOURCES = ("content", "theme", "hooks")


@dataclass(frozen=True)
class Build:
    seconds: float  # CPU seconds of the build process, median of the runs
    pages: int  # HTML files
    output_bytes: int
    declaration_gzip: int  # the declaration page with its scripts and styles
    search_index_gzip: int  # the largest language's whole index (a query fetches part of it)


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(config_file: Path, target: Path, strict: bool = True) -> float:
    """The CPU seconds of one `mkdocs build` process (it and its own children)."""
    if target.exists():
        shutil.rmtree(target)
    command = [
        sys.executable,
        "-m",
        os.environ.get("GENERATOR", "mkdocs"),
        "build",
        "--quiet",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(target),
    ]
    if strict:
        command.insert(4, "--strict")
    start = children_cpu_seconds()
    result = subprocess.run(
        command,
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        check=False,
    )
    seconds = children_cpu_seconds() - start
    if result.returncode != 0:
        sys.exit(f"the build of {config_file} failed:\n{result.stdout}\n{result.stderr}")
    return seconds


def measure(config_file: Path, target: Path, seconds: float) -> Build:
    """The figures of the site built in `target`, with the build's measured `seconds`."""
    files = [p for p in target.rglob("*") if p.is_file()]
    site = BuiltSite.from_directory(target)
    languages = load_site_config(config_file)
    declaration = next(page for page in KEY_PAGES if page.name == "declaration")
    declaration_file = site.resolve(
        page_address(declaration, languages.default_language, languages.default_language), target / "index.html"
    ).file
    if declaration_file is None:
        sys.exit(f"the build in {target} has no declaration page")
    return Build(
        seconds=seconds,
        pages=sum(1 for p in files if p.suffix == ".html"),
        output_bytes=sum(p.stat().st_size for p in files),
        declaration_gzip=page_weight(site, declaration_file).gzip,
        search_index_gzip=max((w.gzip for w in search_index_weights(site)), default=0),
    )


def copy_site(destination: Path, with_generated: bool) -> Path:
    """A copy of the site's sources; the generated folders only when asked (a plain site has no
    hooks to write them). Returns the copy's mkdocs.yml."""
    generated = {folder for folder, _ in GENERATORS}
    for name in SITE_SOURCES:

        def leave_out_generated(folder: str, names: list[str]) -> list[str]:
            return [n for n in names if Path(folder) == CONTENT_DIR and n in generated]

        ignore = leave_out_generated if name == "content" and not with_generated else None
        shutil.copytree(ROOT / name, destination / name, ignore=ignore)
    shutil.copy2(MKDOCS_YML, destination / "mkdocs.yml")
    return destination / "mkdocs.yml"


def without_hooks(config_file: Path) -> None:
    """Removes the `hooks:` list of a copied mkdocs.yml (its !ENV tags forbid a YAML round trip)."""
    text = config_file.read_text(encoding="utf-8")
    stripped = re.sub(r"^hooks:\n(?:[ \t]+.*\n|\n)*", "", text, count=1, flags=re.M)
    if stripped == text:
        sys.exit(f"{config_file} has no hooks: list to remove")
    config_file.write_text(stripped, encoding="utf-8")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def count_markdown(content: Path) -> int:
    return sum(1 for _ in content.rglob("*.md"))


def time_validation(data_dir: Path, languages: tuple[str, ...]) -> dict[str, float]:
    """CPU seconds of reading and checking data_dir, after a load of the real data (schemas
    compiled, CLDR read): PyYAML's bare C loader alone, load_dataset as `make check` runs it the
    first time (fast path), and again with its cache of valid data."""
    load_dataset(languages)
    files = [data_dir / "cities.yaml", data_dir / "actions.yaml"]
    start = time.process_time()
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    bare = time.process_time() - start
    with tempfile.TemporaryDirectory(prefix="alliance-cache-") as cache:
        start = time.process_time()
        load_dataset(languages, data_dir, cache_dir=Path(cache))
        fresh = time.process_time() - start
        start = time.process_time()
        load_dataset(languages, data_dir, cache_dir=Path(cache))
        cached = time.process_time() - start
    return {"bare PyYAML C load (no checks)": bare, "validation": fresh, "validation, cached": cached}


def time_hints() -> tuple[int, float]:
    """CPU seconds of the preview's hints (both guides) for problems quoting values at the size
    limit, each made to make a row of the guides backtrack: (problems, seconds)."""
    hints = guides_hints()
    messages = hostile_hint_messages(hints["en"], MAX_TEXT)
    start = time.process_time()
    for message in messages:
        for language_hints in hints.values():
            hint_for(message, language_hints)
    return len(messages), time.process_time() - start


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(
            "  ".join(
                cell.ljust(width) if i == 0 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * width for width in widths))


def kilobytes(size: int) -> str:
    return f"{size / 1000:,.0f} kB"


def time_pathological() -> None:
    """Prints the CPU seconds of the slowest pathological practice text: checked once, then
    rendered once per language as a page (a practice shown in French for want of translations)."""
    languages = load_site_config().codes
    times: list[tuple[float, str, bool]] = []
    for name, text in pathological_texts():
        start = time.process_time()
        problems, _ = read_markdown(text, "p.md", 1)
        if not problems:
            for _ in languages:
                render_page(text)
        times.append((time.process_time() - start, name, not problems))
    times.sort(reverse=True)
    accepted = sum(1 for _, _, ok in times if ok)
    print(
        f"pathological practice texts: {len(times)} ({accepted} accepted, {len(times) - accepted} refused), CPU seconds per file:"
    )
    for seconds, name, ok in times[:3]:
        print(f"  {name} ({'accepted' if ok else 'refused'}): {seconds:.2f} s")
    print(f"  worst: {times[0][0]:.2f} s (target under 5 s per file)")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="paired builds of the real and the plain site (median); default 3"
    )
    parser.add_argument(
        "--sizes", default="250,1000", help="synthetic data sets: cities and actions each; default 250,1000"
    )
    parser.add_argument(
        "--validate", type=int, default=10_000, help="cities and actions each for the validation timing; default 10000"
    )
    parser.add_argument(
        "--pathological-only", action="store_true", help="only the pathological practice texts (seconds, no build)"
    )
    args = parser.parse_args()
    time_pathological()
    if args.pathological_only:
        return
    languages = load_site_config().codes
    rows: list[tuple[str, ...]] = [
        (
            "build",
            "Markdown pages",
            "CPU (s)",
            "ms per page",
            "HTML pages",
            "output",
            "declaration gzip",
            "search index gzip",
        )
    ]
    print(f"Before: {load()}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as temp_name:
        temp = Path(temp_name)
        # A first real build writes the generated pages into content/: the plain site gets the
        # same Markdown files, as plain files.
        print("Building the real site once to copy its pages ...", file=sys.stderr)
        run_build(MKDOCS_YML, temp / "real-site")
        plain_config = copy_site(temp / "plain", with_generated=True)
        without_hooks(plain_config)
        # Paired runs, one after the other, so that both builds of a pair see the same load.
        real_runs: list[float] = []
        plain_runs: list[float] = []
        for run in range(args.repeat):
            print(
                f"Paired builds {run + 1}/{args.repeat}: the real site, then the same pages without hooks ...",
                file=sys.stderr,
            )
            real_runs.append(run_build(MKDOCS_YML, temp / "real-site"))
            # Not strict: without the hooks, the data sections of pages are left as HTML comments.
            plain_runs.append(run_build(plain_config, temp / "plain-site", strict=False))
        real = measure(MKDOCS_YML, temp / "real-site", statistics.median(real_runs))
        plain = measure(plain_config, temp / "plain-site", statistics.median(plain_runs))
        hooks_ratio = statistics.median(r / p for r, p in zip(real_runs, plain_runs, strict=True))
        markdown = count_markdown(temp / "plain" / "content")

        def row(name: str, pages: int, build: Build) -> tuple[str, ...]:
            return (
                name,
                str(pages),
                f"{build.seconds:.2f}",
                f"{1000 * build.seconds / pages:.1f}",
                str(build.pages),
                kilobytes(build.output_bytes),
                kilobytes(build.declaration_gzip),
                kilobytes(build.search_index_gzip),
            )

        rows.append(row("real site (data/ of the repository)", markdown, real))
        rows.append(row("same pages, plain Material + i18n, no hooks", markdown, plain))
        per_page: list[float] = []
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"Building with {size} synthetic cities and {size} actions ...", file=sys.stderr)
            config = copy_site(temp / f"synthetic-{size}", with_generated=False)
            write_synthetic_data(config.parent / "data", size, size, languages)
            build = measure(config, temp / f"synthetic-{size}-site", run_build(config, temp / f"synthetic-{size}-site"))
            pages = count_markdown(config.parent / "content")
            rows.append(row(f"synthetic: {size:,} cities + {size:,} actions", pages, build))
            per_page.append(build.seconds / pages)

        print()
        print_table(rows)
        print()
        print(
            f"cost of the hooks (real / plain CPU time, median of {args.repeat} paired runs): {hooks_ratio:.2f} (target under 1.10)"
        )
        if per_page:
            growth = per_page[-1] / (real.seconds / markdown)
            print(
                f"growth (cost per page of the largest synthetic site / the real site's): {growth:.2f} (target under 1.25)"
            )
        print(f"Times are CPU seconds (user + system) of a whole `mkdocs build` process; {load()}.")
        sys.stdout.flush()

        print(f"Validating {args.validate:,} cities and {args.validate:,} actions ...", file=sys.stderr)
        write_synthetic_data(temp / "validation", args.validate, args.validate, languages)
        times = time_validation(temp / "validation", languages)
        print(
            f"validation of {args.validate:,} cities + {args.validate:,} actions ({', '.join(languages)}), CPU seconds:"
        )
        for name, seconds in times.items():
            print(f"  {name}: {seconds:.2f} s")
        bare = times["bare PyYAML C load (no checks)"]
        print(f"  validation / bare load: {times['validation'] / bare:.2f} (targets: under 1 s and under 0.50)")
        count, seconds = time_hints()
        print(
            f"preview hints of {count} problems quoting {MAX_TEXT:,} characters made to backtrack: {seconds:.3f} s CPU"
        )


if __name__ == "__main__":
    main()
